package pactfile

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// baseType returns the lower-cased media type without parameters:
// "Application/JSON; charset=utf-8" → "application/json".
func baseType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

func isJSONType(ct string) bool {
	b := baseType(ct)
	return b == "application/json" || strings.HasSuffix(b, "+json") || b == "application/graphql" ||
		strings.HasPrefix(b, "application/json")
}

func isXMLType(ct string) bool {
	b := baseType(ct)
	return b == "application/xml" || b == "text/xml" || strings.HasSuffix(b, "+xml")
}

// isTextType reports whether a content type holds text (spec-checklist §4.5:
// text/*, JSON, XML, form data and a few textual application types).
func isTextType(ct string) bool {
	b := baseType(ct)
	if strings.HasPrefix(b, "text/") || isJSONType(b) || isXMLType(b) {
		return true
	}
	switch b {
	case "application/x-www-form-urlencoded", "application/javascript", "application/ecmascript",
		"application/x-javascript", "application/yaml", "application/x-yaml", "application/sql":
		return true
	}
	return false
}

// isBinaryType reports whether a stated content type is binary.
func isBinaryType(ct string) bool {
	b := baseType(ct)
	if b == "" {
		return false
	}
	if i := strings.IndexByte(b, '/'); i > 0 {
		switch b[:i] {
		case "audio", "font", "image", "video":
			return true
		case "multipart":
			return false
		}
	}
	return !isTextType(b)
}

// sniff guesses the content type of bytes with no stated type: XML or HTML
// markup, a JSON object or array, binary (not UTF-8), else text/plain.
func sniff(b []byte) string {
	t := bytes.TrimLeft(b, " \t\r\n")
	switch {
	case len(t) == 0:
		return "text/plain"
	case !utf8.Valid(b):
		return "application/octet-stream"
	case bytes.HasPrefix(t, []byte("<?xml")):
		return "application/xml"
	case len(t) > 9 && strings.EqualFold(string(t[:9]), "<!doctype"), len(t) > 5 && strings.EqualFold(string(t[:5]), "<html"):
		return "text/html"
	case t[0] == '<' && len(t) > 1 && (t[1] == '_' || t[1] >= 'A' && t[1] <= 'Z' || t[1] >= 'a' && t[1] <= 'z'):
		return "application/xml"
	case (t[0] == '{' || t[0] == '[') && json.Valid(t):
		return "application/json"
	}
	return "text/plain"
}

// headerContentType returns the Content-Type header value, or "".
func headerContentType(h model.Headers) string {
	v, ok := h.Get("Content-Type")
	if !ok || len(v) == 0 {
		return ""
	}
	return strings.Join(v, ", ")
}

// metadataContentType returns a message's content type from its metadata
// ("contentType" or "content-type", any case), or "".
func metadataContentType(md map[string]any) string {
	if s, ok := md["contentType"].(string); ok {
		return s
	}
	for k, v := range md {
		if strings.EqualFold(k, "contentType") || strings.EqualFold(k, "content-type") {
			if s, ok := v.(string); ok {
				return s
			}
		}
	}
	return ""
}

// multiValueHeaders are split on commas when read as one string (§5.2).
var multiValueHeaders = map[string]bool{
	"accept": true, "accept-encoding": true, "accept-language": true, "access-control-allow-headers": true,
	"access-control-allow-methods": true, "access-control-expose-headers": true,
	"access-control-request-headers": true, "allow": true, "cache-control": true, "if-match": true,
	"if-none-match": true, "vary": true,
}

// SplitsHeaderValue reports whether SplitHeaderValue(name, value) gives
// anything but []string{value}: whether a caller that has a single value in
// hand needs the split.
//
//	pactfile.SplitsHeaderValue("Accept", "application/json") // false
//	pactfile.SplitsHeaderValue("Accept", "text/html, */*")   // true
func SplitsHeaderValue(name, value string) bool {
	if strings.IndexByte(value, ',') < 0 && strings.TrimSpace(value) == value {
		return false // the same for every header
	}
	return multiValueHeaders[strings.ToLower(name)]
}

// SplitHeaderValue splits a header value given as one string into its
// values: on commas, trimmed, but only for the known multi-value headers of
// spec-checklist §5.2 (Accept, Cache-Control, Vary, ...). Any other header
// keeps its value whole.
//
//	pactfile.SplitHeaderValue("Accept", "text/html, application/json") // ["text/html" "application/json"]
//	pactfile.SplitHeaderValue("Date", "Mon, 01 Jan 2024")              // ["Mon, 01 Jan 2024"]
func SplitHeaderValue(name, value string) []string {
	if !SplitsHeaderValue(name, value) {
		return []string{value}
	}
	parts := strings.Split(value, ",")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		out = append(out, strings.TrimSpace(p))
	}
	return out
}
