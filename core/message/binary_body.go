package message

import "github.com/libpact/libpact/core/model"

// IsBinaryBody reports whether a present body is binary rather than text, as
// pact_models decides it: a BINARY hint, a binary content type (see IsBinary;
// "" is not one), or content that is not UTF-8. Such bodies are written as
// Base64 and pact_ffi's *_contents_str functions return "" for them.
//
//	message.IsBinaryBody(model.Body{Content: []byte("hi")}, "image/png") // true
//	message.IsBinaryBody(model.Body{Content: []byte("hi")}, "text/plain") // false
func IsBinaryBody(b model.Body, contentType string) bool {
	return b.Hint == model.HintBinary || IsBinary(contentType) || !utf8Valid(b.Content)
}
