package pactfile

import "strings"

// isV4BinaryType reports whether the V4 body writer Base64-encodes a body of
// content type ct, as pact_models' ContentType::is_binary decides for
// to_v4_json: audio, font, image and video are binary, text/* is not, and
// any other type is binary unless it is JSON, XML or form data. So
// multipart/form-data (and application/javascript, and "*/*") bodies are
// written Base64-encoded, as the reference writes them, where isBinaryType,
// which the V3 writer uses, keeps them as text.
//
//	isV4BinaryType("multipart/form-data; boundary=x") // true
//	isV4BinaryType("application/xml")                  // false
func isV4BinaryType(ct string) bool {
	b := baseType(ct)
	main, _, _ := strings.Cut(b, "/")
	switch main {
	case "audio", "font", "image", "video":
		return true
	case "text":
		return false
	}
	return !isJSONType(b) && !isXMLType(b) && b != "application/x-www-form-urlencoded"
}
