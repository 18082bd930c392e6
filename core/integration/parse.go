package integration

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// parseNode parses one JSON document into a node tree in a single pass over
// the bytes. A duplicated key keeps its first position and its last value,
// as serde_json's ordered maps do. It accepts exactly what
// encoding/json.Decoder accepts (TestParseNodeMatchesDecoder and
// FuzzParseNode compare the two) and decodes strings the same way (invalid
// UTF-8 and unpaired surrogates become U+FFFD).
//
//	n, err := parseNode([]byte(`{"b": 1.0, "a": [true, null]}`))
//	// n.keys = ["b", "a"]; n.vals[0].num = "1.0"
//
// Strings without escapes and number texts share the memory of one copy of
// data.
func parseNode(data []byte) (*node, error) {
	p := jsonParser{}
	return p.parse(data)
}

// parse parses data with p (see parseNode).
func (p *jsonParser) parse(data []byte) (*node, error) {
	return p.parseString(string(data))
}

// parseString is parse for a document already held as a string: its
// strings and number texts share s's memory.
func (p *jsonParser) parseString(s string) (*node, error) {
	p.s, p.i = s, 0
	p.skipSpace()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if p.i < len(p.s) {
		return nil, fmt.Errorf("invalid JSON: unexpected data after the top-level value at offset %d", p.i)
	}
	return n, nil
}

// parsers keeps jsonParsers whose node and slice storage is reused from one
// document to the next.
var parsers = sync.Pool{New: func() any { return new(jsonParser) }}

// pooledParser returns a parser that reuses storage. The nodes it returns
// live until release: only a caller that keeps no node (nor any of their
// slices) past its own return may use it.
func pooledParser() *jsonParser { return parsers.Get().(*jsonParser) }

// release clears the parser and returns it to the pool; its storage is
// grown to what the last document needed, within bounds.
func (p *jsonParser) release() {
	clear(p.store[:min(p.used, len(p.store))])
	clear(p.keyArena)
	clear(p.ptrArena)
	if p.used > len(p.store) && p.used <= maxPooledNodes {
		p.store = make([]node, p.used)
	}
	if p.keysNeeded > cap(p.keyArena) && p.keysNeeded <= maxPooledNodes {
		p.keyArena = make([]string, 0, p.keysNeeded)
	}
	if p.ptrsNeeded > cap(p.ptrArena) && p.ptrsNeeded <= maxPooledNodes {
		p.ptrArena = make([]*node, 0, p.ptrsNeeded)
	}
	clear(p.keys[:cap(p.keys)])
	clear(p.vals[:cap(p.vals)])
	clear(p.items[:cap(p.items)])
	out := p.out
	if out.Cap() > maxPooledOut {
		out = bytes.Buffer{}
	}
	*p = jsonParser{store: p.store, keyArena: p.keyArena[:0], ptrArena: p.ptrArena[:0],
		keys: p.keys[:0], vals: p.vals[:0], items: p.items[:0], out: out}
	parsers.Put(p)
}

// maxPooledNodes bounds the storage a pooled parser keeps, maxPooledOut
// the size of its output buffer.
const (
	maxPooledNodes = 4096
	maxPooledOut   = 64 << 10
)

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 10000

// jsonParser reads JSON from s; i is the offset of the next byte.
type jsonParser struct {
	s    string
	i    int
	slab []node // nodes are allocated from here, a few at a time
	next int    // the size of the next slab
	// store holds nodes reused across documents (pooled parsers); used
	// counts the nodes the document needed, stored or not.
	store []node
	used  int
	// keyArena and ptrArena hold the finished keys, values and items of the
	// document's objects and arrays when they fit (pooled parsers);
	// keysNeeded and ptrsNeeded count what the document needed.
	keyArena   []string
	ptrArena   []*node
	keysNeeded int
	ptrsNeeded int
	// keys and vals hold the members of the objects being read, items the
	// items of the arrays being read; each object or array copies its own
	// into slices of the right size when it ends.
	keys  []string
	vals  []*node
	items []*node
	// out is the buffer marshal writes into.
	out bytes.Buffer
	// matchers counts the "pact:matcher:type" keys of the document: about
	// the number of rule paths its processing adds.
	matchers int
}

func (p *jsonParser) node(k nodeKind) *node {
	if p.used < len(p.store) {
		n := &p.store[p.used]
		p.used++
		n.kind = k
		return n
	}
	p.used++
	if len(p.slab) == 0 {
		if p.next == 0 {
			p.next = min(2+len(p.s)/16, 64) // about one node per 16 bytes of JSON
		}
		p.slab = make([]node, p.next)
		p.next = min(2*p.next, 256)
	}
	n := &p.slab[0]
	p.slab = p.slab[1:]
	n.kind = k
	return n
}

// keepKeys returns a copy of ks that lives as long as the document.
func (p *jsonParser) keepKeys(ks []string) []string {
	p.keysNeeded += len(ks)
	if n := len(p.keyArena); n+len(ks) <= cap(p.keyArena) {
		p.keyArena = append(p.keyArena, ks...)
		return p.keyArena[n:len(p.keyArena):len(p.keyArena)]
	}
	return append(make([]string, 0, len(ks)), ks...)
}

// reserveKeys returns an empty slice with room for n keys that lives as long
// as the document (ProcessJSON's example objects).
func (p *jsonParser) reserveKeys(n int) []string {
	p.keysNeeded += n
	if k := len(p.keyArena); k+n <= cap(p.keyArena) {
		p.keyArena = p.keyArena[:k+n]
		return p.keyArena[k : k : k+n]
	}
	return make([]string, 0, n)
}

// reservePtrs is reserveKeys for object values and array items.
func (p *jsonParser) reservePtrs(n int) []*node {
	p.ptrsNeeded += n
	if k := len(p.ptrArena); k+n <= cap(p.ptrArena) {
		p.ptrArena = p.ptrArena[:k+n]
		return p.ptrArena[k : k : k+n]
	}
	return make([]*node, 0, n)
}

// marshal returns n as compact JSON (see node.marshal) in a slice of its
// own, written through the parser's reused buffer.
func (p *jsonParser) marshal(n *node) []byte {
	p.out.Reset()
	n.write(&p.out)
	return bytes.Clone(p.out.Bytes())
}

// keepPtrs returns a copy of vs that lives as long as the document.
func (p *jsonParser) keepPtrs(vs []*node) []*node {
	p.ptrsNeeded += len(vs)
	if n := len(p.ptrArena); n+len(vs) <= cap(p.ptrArena) {
		p.ptrArena = append(p.ptrArena, vs...)
		return p.ptrArena[n:len(p.ptrArena):len(p.ptrArena)]
	}
	return append(make([]*node, 0, len(vs)), vs...)
}

func (p *jsonParser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// errAt reports a syntax error at the current offset.
func (p *jsonParser) errAt(what string) error {
	if p.i >= len(p.s) {
		return fmt.Errorf("invalid JSON: unexpected end of input")
	}
	return fmt.Errorf("invalid JSON: invalid character %s %s at offset %d", quoteChar(p.s[p.i]), what, p.i)
}

func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := fmt.Sprintf("%q", c)
	return "'" + s[1:len(s)-1] + "'"
}

// value parses the value at p.i (whitespace already skipped).
func (p *jsonParser) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("invalid JSON: nested more than %d levels deep", maxDepth)
	}
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("invalid JSON: unexpected end of input")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n := p.node(nString)
		n.str = s
		return n, nil
	case c == '-' || c >= '0' && c <= '9':
		start := p.i
		if err := p.number(); err != nil {
			return nil, err
		}
		n := p.node(nNumber)
		n.str = p.s[start:p.i]
		return n, nil
	case c == 't':
		return p.literal("true", nBool, true)
	case c == 'f':
		return p.literal("false", nBool, false)
	case c == 'n':
		return p.literal("null", nNull, false)
	}
	return nil, p.errAt("looking for beginning of value")
}

func (p *jsonParser) literal(word string, k nodeKind, b bool) (*node, error) {
	for j := 0; j < len(word); j++ {
		if p.i >= len(p.s) || p.s[p.i] != word[j] {
			return nil, p.errAt("in literal " + word + " (expecting '" + word[j:j+1] + "')")
		}
		p.i++
	}
	n := p.node(k)
	n.b = b
	return n, nil
}

func (p *jsonParser) digits() int {
	start := p.i
	for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i - start
}

// number skips a JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() error {
	if p.s[p.i] == '-' {
		p.i++
	}
	if p.i < len(p.s) && p.s[p.i] == '0' {
		p.i++
	} else if p.digits() == 0 {
		return p.errAt("in numeric literal")
	}
	if p.i < len(p.s) && p.s[p.i] == '.' {
		p.i++
		if p.digits() == 0 {
			return p.errAt("after decimal point in numeric literal")
		}
	}
	if p.i < len(p.s) && (p.s[p.i] == 'e' || p.s[p.i] == 'E') {
		p.i++
		if p.i < len(p.s) && (p.s[p.i] == '+' || p.s[p.i] == '-') {
			p.i++
		}
		if p.digits() == 0 {
			return p.errAt("in exponent of numeric literal")
		}
	}
	return nil
}

func (p *jsonParser) array(depth int) (*node, error) {
	p.i++ // [
	n := p.node(nArray)
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		n.items = []*node{}
		return n, nil
	}
	base := len(p.items)
	for {
		item, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		p.items = append(p.items, item)
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.errAt("")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case ']':
			p.i++
			n.items = p.keepPtrs(p.items[base:])
			clear(p.items[base:])
			p.items = p.items[:base]
			return n, nil
		default:
			return nil, p.errAt("after array element")
		}
	}
}

func (p *jsonParser) object(depth int) (*node, error) {
	p.i++ // {
	n := p.node(nObject)
	p.skipSpace()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return n, nil
	}
	base := len(p.keys)
	var index map[string]int // only for objects with many keys
	for {
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.errAt("looking for beginning of object key string")
		}
		key, err := p.str()
		if err != nil {
			return nil, err
		}
		p.skipSpace()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.errAt("after object key")
		}
		p.i++
		p.skipSpace()
		v, err := p.value(depth + 1)
		if err != nil {
			return nil, err
		}
		dup := -1
		if index != nil {
			if k, ok := index[key]; ok {
				dup = k
			}
		} else {
			for k, have := range p.keys[base:] {
				if have == key {
					dup = base + k
					break
				}
			}
		}
		if dup >= 0 {
			p.vals[dup] = v
		} else {
			if key == "pact:matcher:type" {
				p.matchers++
			}
			p.keys = append(p.keys, key)
			p.vals = append(p.vals, v)
			if index != nil {
				index[key] = len(p.keys) - 1
			} else if len(p.keys)-base > 16 {
				index = make(map[string]int, 2*(len(p.keys)-base))
				for k, have := range p.keys[base:] {
					index[have] = base + k
				}
			}
		}
		p.skipSpace()
		if p.i >= len(p.s) {
			return nil, p.errAt("")
		}
		switch p.s[p.i] {
		case ',':
			p.i++
			p.skipSpace()
		case '}':
			p.i++
			n.keys = p.keepKeys(p.keys[base:])
			n.vals = p.keepPtrs(p.vals[base:])
			clear(p.vals[base:])
			p.keys, p.vals = p.keys[:base], p.vals[:base]
			return n, nil
		default:
			return nil, p.errAt("after object key:value pair")
		}
	}
}

// str reads the string at p.i (its opening quote) and returns it decoded.
func (p *jsonParser) str() (string, error) {
	p.i++ // "
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			s := p.s[start:p.i]
			p.i++
			return s, nil
		case c == '\\':
			return p.strEscaped(start)
		case c < 0x20:
			return "", p.errAt("in string literal")
		case c < utf8.RuneSelf:
			p.i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if r == utf8.RuneError && size == 1 {
				return p.strEscaped(start)
			}
			p.i += size
		}
	}
	return "", fmt.Errorf("invalid JSON: unexpected end of input")
}

// strEscaped finishes a string that starts at start and needs decoding
// (escapes or invalid UTF-8), from p.i on.
func (p *jsonParser) strEscaped(start int) (string, error) {
	var b strings.Builder
	b.Grow(p.i - start + 16)
	b.WriteString(p.s[start:p.i])
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), nil
		case c == '\\':
			if p.i+1 >= len(p.s) {
				p.i = len(p.s)
				return "", fmt.Errorf("invalid JSON: unexpected end of input")
			}
			e := p.s[p.i+1]
			switch e {
			case '"', '\\', '/':
				b.WriteByte(e)
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'u':
				p.i += 2
				r, ok := p.hex4()
				if !ok {
					return "", p.errAt("in \\u hexadecimal character escape")
				}
				if utf16.IsSurrogate(r) {
					if p.i+1 < len(p.s) && p.s[p.i] == '\\' && p.s[p.i+1] == 'u' {
						save := p.i
						p.i += 2
						r2, ok2 := p.hex4()
						if dec := utf16.DecodeRune(r, r2); ok2 && dec != unicode.ReplacementChar {
							b.WriteRune(dec)
							continue
						}
						p.i = save // the second escape is read on its own
					}
					r = unicode.ReplacementChar
				}
				b.WriteRune(r)
				continue
			default:
				p.i++
				return "", p.errAt("in string escape code")
			}
			p.i += 2
		case c < 0x20:
			return "", p.errAt("in string literal")
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			p.i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[p.i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteRune(unicode.ReplacementChar)
			} else {
				b.WriteString(p.s[p.i : p.i+size])
			}
			p.i += size
		}
	}
	return "", fmt.Errorf("invalid JSON: unexpected end of input")
}

// hex4 reads four hexadecimal digits.
func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.s) {
		if p.i < len(p.s) {
			for p.i < len(p.s) && isHex(p.s[p.i]) {
				p.i++
			}
		}
		return 0, false
	}
	var r rune
	for k := 0; k < 4; k++ {
		c := p.s[p.i]
		var d byte
		switch {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
		p.i++
	}
	return r, true
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
