package pactfile

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math/bits"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// maxDepth bounds the nesting of JSON values (as encoding/json does).
const maxDepth = 10000

// parser is a small JSON parser producing the same values as encoding/json
// with UseNumber (map[string]any, []any, string, json.Number, bool, nil),
// several times faster on pact files: object keys are interned, and strings
// without escapes are copied once.
type parser struct {
	data       []byte
	pos        int
	depth      int
	keys       map[string]string
	scratch    map[string]any // see scratchObject
	members    []member       // stack of the objects being compacted (compactObject)
	sortBuf    []byte         // scratch for sortMembers
	strs       []string       // scratch for fastHeaders
	compactBuf []byte         // scratch for compactValue
}

type syntaxError struct {
	msg string
	off int
}

func (e *syntaxError) Error() string { return e.msg }

func (p *parser) fail(format string, args ...any) {
	panic(&syntaxError{msg: fmt.Sprintf(format, args...), off: p.pos})
}

// parseJSON parses one JSON value that must fill data (bar whitespace).
func parseJSON(data []byte) (v any, err error) {
	p := &parser{data: data, keys: make(map[string]string, 64)}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*syntaxError)
			if !ok {
				panic(r)
			}
			line, col := lineCol(data, int64(se.off))
			v, err = nil, fmt.Errorf("invalid JSON at line %d, column %d: %s", line, col, se.msg)
		}
	}()
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, fmt.Errorf("invalid JSON: the input is empty")
	}
	v = p.value()
	p.skipSpace()
	if p.pos < len(p.data) {
		p.fail("unexpected data after the top-level value")
	}
	return v, nil
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r':
			p.pos++
		case '\n':
			p.pos++
			p.skipIndent()
		default:
			return
		}
	}
}

// spaces8 is eight spaces read as a little-endian uint64.
const spaces8 = 0x2020202020202020

// skipIndent skips the spaces that start a line of indented JSON eight at a
// time.
func (p *parser) skipIndent() {
	for p.pos+8 <= len(p.data) && binary.LittleEndian.Uint64(p.data[p.pos:]) == spaces8 {
		p.pos += 8
	}
}

func (p *parser) value() any {
	if p.pos >= len(p.data) {
		p.fail("unexpected end of input")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == 't':
		p.literal("true")
		return true
	case c == 'f':
		p.literal("false")
		return false
	case c == 'n':
		p.literal("null")
		return nil
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	default:
		p.fail("invalid character %q looking for beginning of value", c)
	}
	return nil
}

func (p *parser) literal(word string) {
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		p.fail("invalid literal, expected %s", word)
	}
	p.pos += len(word)
}

func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.fail("exceeded max depth")
	}
}

func (p *parser) object() any {
	p.enter()
	p.pos++ // {
	m := make(map[string]any, 4)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		p.depth--
		return m
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.data) {
			p.fail("unexpected end of input")
		}
		if p.data[p.pos] != '"' {
			p.fail("invalid character %q looking for beginning of object key string", p.data[p.pos])
		}
		key := p.key()
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			if p.pos >= len(p.data) {
				p.fail("unexpected end of input")
			}
			p.fail("invalid character %q after object key", p.data[p.pos])
		}
		p.pos++
		p.skipSpace()
		m[key] = p.value()
		p.skipSpace()
		if p.pos >= len(p.data) {
			p.fail("unexpected end of input")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			p.depth--
			return m
		default:
			p.fail("invalid character %q after object key:value pair", p.data[p.pos])
		}
	}
}

func (p *parser) array() any {
	p.enter()
	p.pos++ // [
	a := make([]any, 0, 4)
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		p.depth--
		return a
	}
	for {
		p.skipSpace()
		a = append(a, p.value())
		p.skipSpace()
		if p.pos >= len(p.data) {
			p.fail("unexpected end of input")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			p.depth--
			return a
		default:
			p.fail("invalid character %q after array element", p.data[p.pos])
		}
	}
}

// key reads an object key, interning short ones.
func (p *parser) key() string {
	start := p.pos + 1
	for i := start; i < len(p.data); i++ {
		c := p.data[i]
		if c == '"' {
			raw := p.data[start:i]
			p.pos = i + 1
			if len(raw) <= 64 {
				if s, ok := p.keys[string(raw)]; ok {
					return s
				}
				if utf8.Valid(raw) {
					s := string(raw)
					p.keys[s] = s
					return s
				}
			}
			p.pos = start - 1
			return p.str()
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}
	return p.str()
}

func (p *parser) str() string {
	start := p.pos + 1
	i := start
	ascii := true
	for i < len(p.data) {
		c := p.data[i]
		if c == '"' {
			p.pos = i + 1
			if ascii || utf8.Valid(p.data[start:i]) {
				return string(p.data[start:i])
			}
			return string(toValidUTF8(p.data[start:i], nil))
		}
		if c == '\\' {
			return p.strSlow(start, i)
		}
		if c < 0x20 {
			p.pos = i
			p.fail("invalid character %q in string literal", c)
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
		i++
	}
	p.pos = len(p.data)
	p.fail("unexpected end of input in string literal")
	return ""
}

// strSlow decodes a string with escapes; data[start:i] has none.
func (p *parser) strSlow(start, i int) string {
	b := make([]byte, 0, i-start+16)
	b = toValidUTF8(p.data[start:i], b)
	for i < len(p.data) {
		c := p.data[i]
		switch {
		case c == '"':
			p.pos = i + 1
			return string(b)
		case c < 0x20:
			p.pos = i
			p.fail("invalid character %q in string literal", c)
		case c == '\\':
			if i+1 >= len(p.data) {
				p.pos = len(p.data)
				p.fail("unexpected end of input in string escape")
			}
			e := p.data[i+1]
			i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := p.hex4(i)
				if !ok {
					p.pos = i
					p.fail("invalid \\u escape in string literal")
				}
				i += 4
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if i+6 <= len(p.data) && p.data[i] == '\\' && p.data[i+1] == 'u' {
						if x, ok := p.hex4(i + 2); ok {
							r2 = x
						}
					}
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						r = d
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				p.pos = i - 1
				p.fail("invalid escape character %q in string literal", e)
			}
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRune(p.data[i:])
			b = utf8.AppendRune(b, r) // invalid bytes become U+FFFD
			i += size
		}
	}
	p.pos = len(p.data)
	p.fail("unexpected end of input in string literal")
	return ""
}

func (p *parser) hex4(i int) (rune, bool) {
	if i+4 > len(p.data) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(p.data[i:i+4]), 16, 32)
	return rune(n), err == nil
}

// toValidUTF8 appends s to b with invalid bytes replaced by U+FFFD.
func toValidUTF8(s, b []byte) []byte {
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if r == utf8.RuneError && size == 1 {
			b = append(b, "\uFFFD"...)
		} else {
			b = append(b, s[:size]...)
		}
		s = s[size:]
	}
	return b
}

func (p *parser) number() any {
	start := p.pos
	i := p.pos
	if p.data[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(p.data) && p.data[i] >= '0' && p.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(p.data) && p.data[i] == '0' {
		i++
	} else if digits() == 0 {
		p.pos = i
		p.fail("invalid number, expected a digit")
	}
	if i < len(p.data) && p.data[i] == '.' {
		i++
		if digits() == 0 {
			p.pos = i
			p.fail("invalid number, expected a digit after the decimal point")
		}
	}
	if i < len(p.data) && (p.data[i] == 'e' || p.data[i] == 'E') {
		i++
		if i < len(p.data) && (p.data[i] == '+' || p.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.pos = i
			p.fail("invalid number, expected a digit in the exponent")
		}
	}
	p.pos = i
	return json.Number(p.data[start:i])
}

// span is the [start, end) byte range of one JSON value in a document.
type span struct{ start, end int }

// elems is a JSON array of interactions: either decoded values, or the spans
// of the values in the pact text, decoded one at a time as they are read (so
// that each parse tree is garbage before the next is built, and the work can
// be shared between goroutines).
type elems struct {
	vals  []any
	data  []byte
	spans []span
}

func (l *elems) len() int {
	if l == nil {
		return 0
	}
	if l.spans != nil {
		return len(l.spans)
	}
	return len(l.vals)
}

// get decodes element n with p, a parser over l.data owned by the caller.
func (l *elems) get(p *parser, n int) (v any, err error) {
	if l.spans == nil {
		return l.vals[n], nil
	}
	s := l.spans[n]
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*syntaxError)
			if !ok {
				panic(r)
			}
			line, col := lineCol(l.data, int64(se.off))
			v, err = nil, fmt.Errorf("invalid JSON at line %d, column %d: %s", line, col, se.msg)
		}
	}()
	p.pos, p.depth = s.start, 2
	v = p.value()
	if p.pos != s.end {
		p.fail("invalid character %q after array element", p.data[min(p.pos, len(p.data)-1)])
	}
	return v, nil
}

// all decodes every element.
func (l *elems) all() ([]any, error) {
	if l.spans == nil {
		return l.vals, nil
	}
	p := l.parser()
	out := make([]any, len(l.spans))
	for n := range l.spans {
		v, err := l.get(p, n)
		if err != nil {
			return nil, err
		}
		out[n] = v
	}
	l.vals, l.spans = out, nil
	return out, nil
}

func (l *elems) parser() *parser {
	return &parser{data: l.data, keys: make(map[string]string, 64)}
}

// parseTop parses a pact document, but leaves the elements of the top-level
// "interactions" and "messages" arrays undecoded: lists holds their spans.
// A document that is not an object is returned in v with doc nil.
func parseTop(data []byte) (doc map[string]any, lists map[string]*elems, v any, err error) {
	p := &parser{data: data, keys: make(map[string]string, 64)}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*syntaxError)
			if !ok {
				panic(r)
			}
			line, col := lineCol(data, int64(se.off))
			doc, lists, v, err = nil, nil, nil, fmt.Errorf("invalid JSON at line %d, column %d: %s", line, col, se.msg)
		}
	}()
	p.skipSpace()
	if p.pos >= len(p.data) {
		return nil, nil, nil, fmt.Errorf("invalid JSON: the input is empty")
	}
	if p.data[p.pos] != '{' {
		v = p.value()
		p.skipSpace()
		if p.pos < len(p.data) {
			p.fail("unexpected data after the top-level value")
		}
		return nil, nil, v, nil
	}
	p.pos++
	p.depth++
	doc, lists = map[string]any{}, map[string]*elems{}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
	} else {
		for {
			p.skipSpace()
			if p.pos >= len(p.data) {
				p.fail("unexpected end of input")
			}
			if p.data[p.pos] != '"' {
				p.fail("invalid character %q looking for beginning of object key string", p.data[p.pos])
			}
			key := p.key()
			p.skipSpace()
			if p.pos >= len(p.data) {
				p.fail("unexpected end of input")
			}
			if p.data[p.pos] != ':' {
				p.fail("invalid character %q after object key", p.data[p.pos])
			}
			p.pos++
			p.skipSpace()
			if (key == "interactions" || key == "messages") && p.pos < len(p.data) && p.data[p.pos] == '[' {
				lists[key] = &elems{data: data, spans: p.arraySpans()}
				delete(doc, key)
			} else {
				doc[key] = p.value()
				delete(lists, key)
			}
			p.skipSpace()
			if p.pos >= len(p.data) {
				p.fail("unexpected end of input")
			}
			if p.data[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.data[p.pos] != '}' {
				p.fail("invalid character %q after object key:value pair", p.data[p.pos])
			}
			p.pos++
			break
		}
	}
	p.skipSpace()
	if p.pos < len(p.data) {
		p.fail("unexpected data after the top-level value")
	}
	return doc, lists, nil, nil
}

// arraySpans skips over an array, returning the spans of its elements. The
// elements are only checked for balanced brackets and strings here; they are
// parsed properly when read.
func (p *parser) arraySpans() []span {
	p.pos++ // [
	spans := []span{}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return spans
	}
	for {
		p.skipSpace()
		start := p.pos
		p.skipValue()
		spans = append(spans, span{start, p.pos})
		p.skipSpace()
		if p.pos >= len(p.data) {
			p.fail("unexpected end of input")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return spans
		default:
			p.fail("invalid character %q after array element", p.data[p.pos])
		}
	}
}

// skipValue moves past one value.
func (p *parser) skipValue() {
	if p.pos >= len(p.data) {
		p.fail("unexpected end of input")
	}
	switch c := p.data[p.pos]; c {
	case '{', '[':
		depth := 0
		data := p.data
		for i := p.pos; i < len(data); {
			if !structural[data[i]] {
				i++
				continue
			}
			switch data[i] {
			case '{', '[':
				depth++
				if depth > maxDepth {
					p.pos = i
					p.fail("exceeded max depth")
				}
			case '}', ']':
				depth--
				if depth == 0 {
					p.pos = i + 1
					return
				}
			case '"':
				p.pos = i
				p.skipString()
				i = p.pos
				continue
			case '\n':
				i++
				for i+8 <= len(data) && binary.LittleEndian.Uint64(data[i:]) == spaces8 {
					i += 8
				}
				continue
			}
			i++
		}
		p.pos = len(data)
		p.fail("unexpected end of input")
	case '"':
		p.skipString()
	case ',', ']', '}', ':':
		p.fail("invalid character %q looking for beginning of value", c)
	default:
		start := p.pos
	scalar:
		for p.pos < len(p.data) {
			switch p.data[p.pos] {
			case ',', ']', '}', ' ', '\t', '\n', '\r', '{', '[', '"', ':':
				break scalar
			}
			p.pos++
		}
		if p.pos == start {
			p.fail("invalid character %q looking for beginning of value", c)
		}
	}
}

// structural marks the bytes skipValue looks at inside an array or object.
var structural = [256]bool{'{': true, '[': true, '}': true, ']': true, '"': true, '\n': true}

// skipString moves past the string at p.pos, looking at eight bytes at a
// time for its closing quote (and for backslashes, which escape the byte
// after them).
func (p *parser) skipString() {
	data := p.data
	i := p.pos + 1
	for i+8 <= len(data) {
		m := quoteOrBackslash(binary.LittleEndian.Uint64(data[i:]))
		if m == 0 {
			i += 8
			continue
		}
		j := i + bits.TrailingZeros64(m)/8
		if data[j] == '"' {
			p.pos = j + 1
			return
		}
		i = j + 2 // a backslash and the byte it escapes
	}
	for i < len(data) {
		switch data[i] {
		case '"':
			p.pos = i + 1
			return
		case '\\':
			i += 2
		default:
			i++
		}
	}
	p.pos = len(data)
	p.fail("unexpected end of input in string literal")
}

// quoteOrBackslash returns a word whose lowest set bit is the high bit of the
// first byte of x (little-endian) that is '"' or '\\', or 0 when there is
// none. (Bits above the first match may be set spuriously.)
func quoteOrBackslash(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	q := x ^ (ones * '"')
	b := x ^ (ones * '\\')
	return ((q-ones)&^q | (b-ones)&^b) & highs
}
