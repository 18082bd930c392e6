package matching

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// ctype is a parsed content type: "application/vnd.siren+json; charset=utf-8"
// is main "application", sub "vnd.siren", suffix "json", attrs charset=utf-8.
type ctype struct {
	main, sub, suffix string
	attrs             map[string]string
}

// parseContentType parses a media type. ok is false for an unparsable one.
func parseContentType(s string) (ctype, bool) {
	parts := strings.Split(s, ";")
	base := strings.TrimSpace(parts[0])
	slash := strings.IndexByte(base, '/')
	if slash <= 0 || slash == len(base)-1 || strings.ContainsAny(base, " \t,") {
		return ctype{}, false
	}
	c := ctype{main: strings.ToLower(base[:slash]), sub: strings.ToLower(base[slash+1:])}
	if i := strings.LastIndexByte(c.sub, '+'); i > 0 && i < len(c.sub)-1 {
		c.sub, c.suffix = c.sub[:i], c.sub[i+1:]
	}
	for _, p := range parts[1:] {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		k, v, found := strings.Cut(p, "=")
		if !found {
			return ctype{}, false
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.Trim(strings.TrimSpace(v), `"`)
		if k == "charset" {
			v = strings.ToLower(v)
		}
		if c.attrs == nil {
			c.attrs = map[string]string{}
		}
		c.attrs[k] = v
	}
	return c, true
}

func (c ctype) unknown() bool { return c.main == "" || c.main == "*" || c.sub == "*" }

func (c ctype) String() string {
	if c.unknown() {
		return "*/*"
	}
	s := c.main + "/" + c.sub
	if c.suffix != "" {
		s += "+" + c.suffix
	}
	if len(c.attrs) > 0 {
		keys := make([]string, 0, len(c.attrs))
		for k := range c.attrs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			v := c.attrs[k]
			if v != strings.TrimSpace(v) {
				v = `"` + v + `"` // keep the spaces a quoted value had
			}
			s += ";" + k + "=" + v
		}
	}
	return s
}

func (c ctype) isJSON() bool {
	return c.main == "application" && (strings.HasPrefix(c.sub, "json") || c.suffix == "json" || c.sub == "graphql")
}

func (c ctype) isXML() bool {
	return (c.main == "application" || c.main == "text") && (c.sub == "xml" || c.suffix == "xml")
}

func (c ctype) isStrictXML() bool {
	return (c.main == "application" || c.main == "text") && c.sub == "xml" && c.suffix == ""
}

func (c ctype) isForm() bool {
	return c.main == "application" && c.sub == "x-www-form-urlencoded"
}

func (c ctype) isMultipart() bool { return c.main == "multipart" }

func (c ctype) isText() bool {
	return c.main == "text" || c.isXML() || c.isJSON() || c.isForm()
}

func (c ctype) isBinary() bool {
	switch c.main {
	case "audio", "font", "image", "video":
		return true
	case "text":
		return false
	}
	return !c.isText()
}

// base drops the attributes and collapses a suffix: application/hal+json →
// application/json.
func (c ctype) base() ctype {
	if c.suffix != "" {
		return ctype{main: c.main, sub: c.suffix}
	}
	return ctype{main: c.main, sub: c.sub}
}

func (c ctype) fullSub() string {
	if c.suffix != "" {
		return c.sub + "+" + c.suffix
	}
	return c.sub
}

func (c ctype) withoutAttr(name string) ctype {
	if _, ok := c.attrs[name]; !ok {
		return c
	}
	attrs := make(map[string]string, len(c.attrs))
	for k, v := range c.attrs {
		if k != name {
			attrs[k] = v
		}
	}
	c.attrs = attrs
	return c
}

func attrsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// equivalent is the reference's is_equivalent_to: equal ignoring attributes
// when c has none. Unlike the reference, a multipart boundary never counts:
// each side frames its parts with its own boundary (the reference needs the
// header rule that pact_ffi adds for multipart bodies to get the same effect).
func (c ctype) equivalent(o ctype) bool {
	if c.isMultipart() && o.isMultipart() {
		c, o = c.withoutAttr("boundary"), o.withoutAttr("boundary")
	}
	if c.isStrictXML() && o.isStrictXML() {
		return len(c.attrs) == 0 || attrsEqual(c.attrs, o.attrs)
	}
	if len(c.attrs) == 0 {
		return c.main == o.main && c.fullSub() == o.fullSub()
	}
	return c.main == o.main && c.fullSub() == o.fullSub() && attrsEqual(c.attrs, o.attrs)
}

// ContentTypeOf returns the content type of a body, resolved as the reference
// does (spec-checklist §1.1.3): the body's own content type (V4), then the
// Content-Type header, then a sniff of the first bytes (XML declaration,
// HTML, an XML tag, JSON, else text/plain). It returns "" when the body is
// not present and nothing declares a type.
//
//	matching.ContentTypeOf(model.PresentBody([]byte(`{"a":1}`), ""), nil) // "application/json"
func ContentTypeOf(b model.Body, h model.Headers) string {
	c := contentTypeOf(b, h)
	if c.unknown() {
		return ""
	}
	return c.String()
}

func contentTypeOf(b model.Body, h model.Headers) ctype {
	if b.ContentType != "" {
		if c, ok := parseContentType(b.ContentType); ok {
			return c
		}
	}
	if v, ok := h.Get("Content-Type"); ok && len(v) > 0 {
		if c, ok := parseContentType(strings.Join(v, ", ")); ok {
			return c
		}
	}
	if b.State == model.BodyPresent {
		return detectFromText(b.Content)
	}
	return ctype{}
}

var (
	xmlDeclRe = regexp.MustCompile(`^\s*<\?xml\s*version.*`)
	htmlRe    = regexp.MustCompile(`^\s*(<!DOCTYPE)|(<HTML>).*`)
	xmlTagRe  = regexp.MustCompile(`^\s*<\w+\s*(:\w+=["”][^"”]+["”])?.*`)
	jsonRe    = regexp.MustCompile(`^\s*(true|false|null|[0-9]+|"\w*|\{\s*(}|"\w+)|\[\s*)`)
)

// detectFromText is the reference's detect_content_type_from_string.
func detectFromText(data []byte) ctype {
	s := string(data)
	if !utf8.ValidString(s) {
		s = ""
	}
	return detectFromString(s)
}

func detectFromString(s string) ctype {
	switch {
	case xmlDeclRe.MatchString(s):
		return ctype{main: "application", sub: "xml"}
	case htmlRe.MatchString(strings.ToUpper(s)):
		return ctype{main: "text", sub: "html"}
	case xmlTagRe.MatchString(s):
		return ctype{main: "application", sub: "xml"}
	case jsonRe.MatchString(s):
		return ctype{main: "application", sub: "json"}
	}
	return ctype{main: "text", sub: "plain"}
}

// magic is one magic-number signature.
type magic struct {
	offset int
	sig    []byte
	mime   string
}

var magics = []magic{
	{0, []byte{0xFF, 0xD8, 0xFF}, "image/jpeg"},
	{0, []byte("\x89PNG\r\n\x1a\n"), "image/png"},
	{0, []byte("GIF87a"), "image/gif"},
	{0, []byte("GIF89a"), "image/gif"},
	{0, []byte("%PDF-"), "application/pdf"},
	{0, []byte("PK\x03\x04"), "application/zip"},
	{0, []byte{0x1F, 0x8B}, "application/gzip"},
	{0, []byte("BM"), "image/bmp"},
	{0, []byte("II*\x00"), "image/tiff"},
	{0, []byte("MM\x00*"), "image/tiff"},
	{0, []byte{0x00, 0x00, 0x01, 0x00}, "image/x-icon"},
	{0, []byte("OggS"), "audio/ogg"},
	{0, []byte("fLaC"), "audio/x-flac"},
	{0, []byte("ID3"), "audio/mpeg"},
	{0, []byte("wOFF"), "application/font-woff"},
	{0, []byte("wOF2"), "application/font-woff"},
	{0, []byte("7z\xBC\xAF\x27\x1C"), "application/x-7z-compressed"},
	{0, []byte("Rar!\x1A\x07"), "application/vnd.rar"},
	{0, []byte{0x7F, 'E', 'L', 'F'}, "application/x-executable"},
	{0, []byte("\x00asm"), "application/wasm"},
	{4, []byte("ftypmp4"), "video/mp4"},
	{4, []byte("ftypisom"), "video/mp4"},
	{0, []byte{0x1A, 0x45, 0xDF, 0xA3}, "video/webm"},
}

// sniffMagic returns the media type named by the data's magic number, or "".
func sniffMagic(data []byte) string {
	for _, m := range magics {
		if len(data) >= m.offset+len(m.sig) && bytes.Equal(data[m.offset:m.offset+len(m.sig)], m.sig) {
			return m.mime
		}
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		switch string(data[8:12]) {
		case "WEBP":
			return "image/webp"
		case "WAVE":
			return "audio/x-wav"
		case "AVI ":
			return "video/x-msvideo"
		}
	}
	return ""
}

// sniffContentType names the type of raw bytes: a magic number first, then
// for text the reference's own text sniffer (JSON, XML, HTML, text/plain).
func sniffContentType(data []byte) string {
	if m := sniffMagic(data); m != "" {
		return m
	}
	if len(data) == 0 {
		return "application/x-empty"
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	if utf8.Valid(trimPartialRune(head)) && !bytes.ContainsRune(head, 0) {
		return "text/plain"
	}
	return "application/octet-stream"
}

func trimPartialRune(b []byte) []byte {
	for i := 0; i < 3 && len(b) > 0; i++ {
		r, _ := utf8.DecodeLastRune(b)
		if r != utf8.RuneError {
			return b
		}
		b = b[:len(b)-1]
	}
	return b
}

// matchContentType is the contentType rule: the detected type of data must be
// the expected one.
func matchContentType(data []byte, expected string) error {
	detected := sniffContentType(data)
	if detected == expected {
		return nil
	}
	if detected == "text/plain" {
		head := data
		if len(head) > 32 {
			head = head[:32]
		}
		if !utf8.Valid(head) {
			return fmt.Errorf("Expected binary contents to have content type '%s' but detected contents was '%s'", expected, detected)
		}
		d := detectFromString(string(head))
		if e, ok := parseContentType(expected); ok && d.String() == e.String() {
			return nil
		}
		return fmt.Errorf("Expected binary contents to have content type '%s' but detected contents was '%s'", expected, d.String())
	}
	return fmt.Errorf("Expected binary contents to have content type '%s' but detected contents was '%s'", expected, detected)
}
