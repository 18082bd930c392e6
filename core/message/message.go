// Package message builds and reifies message interactions: the consumer side
// of asynchronous messages (V3 message pacts and V4 "Asynchronous/Messages")
// and synchronous request/response messages (V4 "Synchronous/Messages").
//
// The FFI's message functions (pactffi_message_*, pactffi_with_body and
// pactffi_with_metadata on message interactions, pactffi_message_reify) are
// thin wrappers over this package.
//
// Example:
//
//	i := model.NewInteraction(model.AsyncMessage, "an order event")
//	_ = message.SetContents(&i.MessageParts().Message, "application/json",
//		[]byte(`{"id": {"pact:matcher:type": "integer", "value": 1}}`))
//	message.AddState(i, "an order exists")
//	js, _ := message.Reify(i, model.V3)
//	// {"contents":{"id":1},"description":"an order event",...}
package message

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// Part selects the request or the response messages of a synchronous message
// interaction; asynchronous messages ignore it.
type Part int

// The parts, with pact_ffi's InteractionPart values.
const (
	Request  Part = 0
	Response Part = 1
)

// AddState appends the provider state name to i.
func AddState(i *model.Interaction, name string) {
	i.ProviderStates = append(i.ProviderStates, model.ProviderState{Name: name})
}

// AddStateParam sets the parameter param of the provider state name to value,
// creating the state when i has none of that name. value is parsed as JSON;
// text that is not JSON is kept as a string, as pact_ffi does.
//
//	message.AddStateParam(i, "a user exists", "id", "10")  // params {"id": 10}
//	message.AddStateParam(i, "a user exists", "name", "bob") // params {"id": 10, "name": "bob"}
func AddStateParam(i *model.Interaction, name, param, value string) {
	v := parseLenient(value)
	for n := range i.ProviderStates {
		if i.ProviderStates[n].Name == name {
			if i.ProviderStates[n].Params == nil {
				i.ProviderStates[n].Params = map[string]any{}
			}
			i.ProviderStates[n].Params[param] = v
			return
		}
	}
	i.ProviderStates = append(i.ProviderStates, model.ProviderState{Name: name, Params: map[string]any{param: v}})
}

// parseLenient decodes s as JSON (numbers kept as json.Number), or returns s
// itself when it is not JSON.
func parseLenient(s string) any {
	v, err := decodeJSON([]byte(s))
	if err != nil {
		return s
	}
	return v
}

// decodeJSON decodes one JSON value, keeping numbers as json.Number so that
// 1 and 1.0 stay distinct, and rejecting trailing data.
func decodeJSON(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if d.More() {
		return nil, fmt.Errorf("unexpected data after the JSON value at offset %d", d.InputOffset())
	}
	var extra any
	if err := d.Decode(&extra); err == nil {
		return nil, fmt.Errorf("unexpected data after the JSON value")
	}
	return v, nil
}

// encodeJSON renders v compactly with sorted object keys and without HTML
// escaping, the way pact_ffi (serde_json) prints JSON. Numbers are printed
// as serde_json prints them: integers as written, other numbers as the
// shortest float64 text (1.50 becomes 1.5, 100.0 stays 100.0).
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(normalizeNumbers(v)); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// normalizeNumbers returns v with every json.Number rewritten in
// serde_json's form (see SerdeNumber); maps and slices are copied.
func normalizeNumbers(v any) any {
	return model.CopyJSON(v, func(x any) any {
		if n, ok := x.(json.Number); ok {
			return json.Number(SerdeNumber(string(n)))
		}
		return x
	})
}

// SerdeNumber prints the text of a JSON number as serde_json does after
// parsing it: integers that fit 64 bits unchanged, anything else as an f64
// in ryu's shortest form ("1.5", "100.0", "1e21", "1.2e-7").
//
//	message.SerdeNumber("1.50") // "1.5"
func SerdeNumber(s string) string {
	if _, err := strconv.ParseInt(s, 10, 64); err == nil {
		return s
	}
	if _, err := strconv.ParseUint(s, 10, 64); err == nil {
		return s
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return s
	}
	abs := math.Abs(f)
	if f == 0 || (abs >= 1e-5 && abs < 1e16) {
		out := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.ContainsAny(out, ".") {
			out += ".0"
		}
		return out
	}
	out := strconv.FormatFloat(f, 'e', -1, 64) // 1e+21, 1.2e-07
	mant, exp, _ := strings.Cut(out, "e")
	sign := ""
	if strings.HasPrefix(exp, "-") {
		sign = "-"
	}
	exp = strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")
	if exp == "" {
		exp = "0"
	}
	return mant + "e" + sign + exp
}

// contentsOf returns the message contents of i that part selects: the
// asynchronous message, the synchronous request, or every synchronous
// response. It is an error for an HTTP interaction.
func contentsOf(i *model.Interaction, part Part) ([]*model.MessageContents, error) {
	switch i.Type {
	case model.AsyncMessage:
		return []*model.MessageContents{&i.MessageParts().Message}, nil
	case model.SyncMessage:
		parts := i.MessageParts()
		if part == Request {
			return []*model.MessageContents{&parts.Request}, nil
		}
		out := make([]*model.MessageContents, len(parts.Responses))
		for n := range parts.Responses {
			out[n] = &parts.Responses[n]
		}
		return out, nil
	}
	return nil, fmt.Errorf("interaction %q is an HTTP interaction, not a message", i.Description)
}

// MetadataContentType returns the value of the metadata key contentType or
// content-type (any case), or "".
func MetadataContentType(md map[string]any) string {
	for k, v := range md {
		lk := strings.ToLower(k)
		if lk == "contenttype" || lk == "content-type" {
			if s, ok := v.(string); ok {
				return s
			}
			b, _ := encodeJSON(v)
			return string(b)
		}
	}
	return ""
}

// ContentType returns the content type of message contents: the body's own,
// else the metadata contentType, else one detected from the bytes.
func ContentType(mc *model.MessageContents) string {
	if mc.Contents.ContentType != "" {
		return mc.Contents.ContentType
	}
	if ct := MetadataContentType(mc.Metadata); ct != "" {
		return ct
	}
	return DetectContentType(mc.Contents.Content)
}

// DetectContentType guesses a content type from body text the way pact_ffi
// does for bodies given without one: JSON, XML, or else plain text; bytes
// that are not UTF-8 text are application/octet-stream.
func DetectContentType(b []byte) string {
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return "text/plain"
	}
	if (t[0] == '{' || t[0] == '[') && json.Valid(t) {
		return "application/json"
	}
	if t[0] == '<' {
		return "application/xml"
	}
	if !isText(b) {
		return "application/octet-stream"
	}
	return "text/plain"
}

func isText(b []byte) bool {
	if !utf8Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			return false
		}
	}
	return true
}

// mediaType returns the lower-cased "type/subtype" of a content type.
func mediaType(ct string) string {
	if n := strings.IndexByte(ct, ';'); n >= 0 {
		ct = ct[:n]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// IsJSON reports whether ct is a JSON content type (application/json,
// application/*+json, ...).
func IsJSON(ct string) bool {
	m := mediaType(ct)
	main, sub, _ := strings.Cut(m, "/")
	return (main == "application" || main == "text") && (sub == "json" || strings.HasSuffix(sub, "+json") || strings.HasPrefix(sub, "json") || strings.Contains(sub, "-json"))
}

// IsXML reports whether ct is an XML content type.
func IsXML(ct string) bool {
	m := mediaType(ct)
	main, sub, _ := strings.Cut(m, "/")
	return (main == "application" || main == "text") && (sub == "xml" || strings.HasSuffix(sub, "+xml"))
}

// IsForm reports whether ct is application/x-www-form-urlencoded.
func IsForm(ct string) bool {
	return mediaType(ct) == "application/x-www-form-urlencoded"
}

// IsText reports whether ct names a textual content type: text/*, JSON, XML,
// form data, JavaScript and similar.
func IsText(ct string) bool {
	m := mediaType(ct)
	if m == "" {
		return false
	}
	main, sub, _ := strings.Cut(m, "/")
	if main == "text" || IsJSON(ct) || IsXML(ct) || IsForm(ct) {
		return true
	}
	switch sub {
	case "javascript", "ecmascript", "x-javascript", "graphql", "yaml", "x-yaml", "hal+json":
		return true
	}
	return false
}

// IsBinary reports whether ct is a content type whose bodies are written as
// Base64 (anything that is not textual).
func IsBinary(ct string) bool {
	return mediaType(ct) != "" && !IsText(ct)
}
