package model

// BodyState says whether a body is there at all, and if so whether it is
// empty or JSON null (spec V1.1 "Differences from V1").
type BodyState int

// The body states.
const (
	BodyMissing BodyState = iota // absent: matches anything
	BodyEmpty                    // "": the actual body must be empty
	BodyNull                     // null: JSON null, or empty for non-JSON
	BodyPresent                  // Content holds the bytes
)

// ContentTypeHint is the V4 "contentTypeHint" of a body.
type ContentTypeHint int

// The content-type hints.
const (
	HintDefault ContentTypeHint = iota
	HintText
	HintBinary
)

// String returns the hint as written in a V4 pact: "DEFAULT", "TEXT", "BINARY".
func (h ContentTypeHint) String() string {
	switch h {
	case HintText:
		return "TEXT"
	case HintBinary:
		return "BINARY"
	}
	return "DEFAULT"
}

// Body is the body of a request or response, or the contents of a message.
//
// Content holds the raw bytes (JSON text for a JSON body). ContentType is the
// body's own content type when the pact gave one (V4 "contentType") or when it
// was resolved on read; it may be empty, in which case the Content-Type header
// or sniffing decides (see ContentTypeOf in package matching).
type Body struct {
	State       BodyState
	Content     []byte
	ContentType string
	Hint        ContentTypeHint
}

// PresentBody returns a present body with the given bytes and content type.
// Zero-length content gives an empty body.
//
//	b := model.PresentBody([]byte(`{"a":1}`), "application/json")
func PresentBody(content []byte, contentType string) Body {
	if len(content) == 0 {
		return Body{State: BodyEmpty, ContentType: contentType}
	}
	return Body{State: BodyPresent, Content: content, ContentType: contentType}
}

// IsPresent reports whether the body has content.
func (b Body) IsPresent() bool { return b.State == BodyPresent }

// String returns the body's content as a string ("" unless present).
func (b Body) String() string {
	if b.State != BodyPresent {
		return ""
	}
	return string(b.Content)
}
