package matching

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// The matcher works on its own small JSON tree, decoded by parseJSON:
//
//	object  → *jsonObject (keys in document order, a lookup index for large ones)
//	array   → []any
//	number  → jsonNumber (the literal text, so 1 and 1.0 stay different)
//	string  → string
//	true    → bool
//	null    → nil
//
// encoding/json with UseNumber gives the same information but is several times
// slower on large bodies; the matcher must handle multi-megabyte arrays quickly.

// jsonNumber is a JSON number as written.
type jsonNumber string

// jsonObject is a JSON object with its keys in document order.
//
// keys is shared by the objects of a document that have the same keys in the
// same order (the items of an array, usually), so it must never be modified
// in place: set replaces it.
type jsonObject struct {
	keys []string
	vals []any
	aux  *objectAux // built lazily, nil for most objects
}

// objectAux holds what only some lookups need.
type objectAux struct {
	index  map[string]int // for objects with many keys
	sorted []string       // keys in byte order
}

func (o *jsonObject) len() int { return len(o.keys) }

func (o *jsonObject) get(k string) (any, bool) {
	if i := o.indexOf(k); i >= 0 {
		return o.vals[i], true
	}
	return nil, false
}

// indexOf returns the position of key k, or -1.
func (o *jsonObject) indexOf(k string) int {
	if len(o.keys) > 12 {
		if o.aux == nil {
			o.aux = &objectAux{}
		}
		if o.aux.index == nil {
			o.aux.index = make(map[string]int, len(o.keys))
			for i, key := range o.keys {
				o.aux.index[key] = i
			}
		}
		if i, ok := o.aux.index[k]; ok {
			return i
		}
		return -1
	}
	for i, key := range o.keys {
		if key == k {
			return i
		}
	}
	return -1
}

// sortedKeys returns the keys in byte order (as the reference's BTreeMap
// iterates them).
// The result is cached and must not be modified.
func (o *jsonObject) sortedKeys() []string {
	if o.aux == nil {
		o.aux = &objectAux{}
	}
	if o.aux.sorted == nil || len(o.aux.sorted) != len(o.keys) {
		if sort.StringsAreSorted(o.keys) {
			o.aux.sorted = o.keys // never modified in place, as keys
		} else {
			ks := append(make([]string, 0, len(o.keys)), o.keys...)
			sort.Strings(ks)
			o.aux.sorted = ks
		}
	}
	return o.aux.sorted
}

func (o *jsonObject) set(k string, v any) {
	for i, key := range o.keys {
		if key == k {
			o.vals[i] = v
			return
		}
	}
	o.keys = append(o.keys[:len(o.keys):len(o.keys)], k) // a copy: keys may be shared
	o.vals = append(o.vals, v)
	o.aux = nil
}

// isInteger reports whether the number is an integer as serde_json sees it
// (no fraction or exponent, and it fits in an i64 or u64).
func (n jsonNumber) isInteger() bool {
	s := string(n)
	if strings.ContainsAny(s, ".eE") {
		return false
	}
	if strings.HasPrefix(s, "-") {
		_, err := strconv.ParseInt(s, 10, 64)
		return err == nil
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

func (n jsonNumber) float() float64 {
	f, _ := strconv.ParseFloat(string(n), 64)
	return f
}

// display renders the number as serde_json does: integers as written,
// floats in their shortest form with a ".0" when integral.
func (n jsonNumber) display() string {
	if n.isInteger() {
		s := string(n)
		if s == "-0" {
			return "0"
		}
		return s
	}
	return formatFloat(n.float())
}

func formatFloat(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "null"
	}
	abs := math.Abs(f)
	if abs != 0 && (abs >= 1e16 || abs < 1e-5) {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		// Rust writes 1e16 as "1e16", Go as "1e+16".
		s = strings.Replace(s, "e+", "e", 1)
		if i := strings.Index(s, "e"); i >= 0 && !strings.Contains(s[:i], ".") {
			s = s[:i] + ".0" + s[i:]
		}
		return s
	}
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// typeOf names the JSON kind as the reference does in mismatch messages.
func typeOf(v any) string {
	switch x := v.(type) {
	case *jsonObject:
		return "Object"
	case []any:
		return "Array"
	case nil:
		return "Null"
	case bool:
		return "Boolean"
	case jsonNumber:
		if x.isInteger() {
			return "Integer"
		}
		return "Decimal"
	case string:
		return "String"
	}
	return "Unknown"
}

// valueOf renders a value for a mismatch message: strings quoted with single
// quotes, everything else as compact JSON.
func valueOf(v any) string {
	if s, ok := v.(string); ok {
		return "'" + s + "'"
	}
	return jsonText(v)
}

// jsonToString is the reference's json_to_string: a string's contents without
// quotes, anything else as compact JSON.
func jsonToString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return jsonText(v)
}

// jsonText serialises a value as compact JSON with object keys sorted.
func jsonText(v any) string {
	var b strings.Builder
	writeJSON(&b, v)
	return b.String()
}

func writeJSON(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case jsonNumber:
		b.WriteString(x.display())
	case string:
		writeJSONString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSON(b, e)
		}
		b.WriteByte(']')
	case *jsonObject:
		b.WriteByte('{')
		for i, k := range x.sortedKeys() {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, k)
			b.WriteByte(':')
			val, _ := x.get(k)
			writeJSON(b, val)
		}
		b.WriteByte('}')
	default:
		fmt.Fprintf(b, "%v", x)
	}
}

func writeJSONString(b *strings.Builder, s string) {
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// jsonEqual is serde_json's Value equality: numbers compare by kind and value
// (an integer never equals a float), objects by key set.
func jsonEqual(a, b any) bool {
	switch x := a.(type) {
	case nil:
		return b == nil
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case string:
		y, ok := b.(string)
		return ok && x == y
	case jsonNumber:
		y, ok := b.(jsonNumber)
		if !ok {
			return false
		}
		if x == y {
			return true
		}
		xi, yi := x.isInteger(), y.isInteger()
		if xi != yi {
			return false
		}
		if xi {
			return x.display() == y.display()
		}
		return x.float() == y.float()
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !jsonEqual(x[i], y[i]) {
				return false
			}
		}
		return true
	case *jsonObject:
		y, ok := b.(*jsonObject)
		if !ok || x.len() != y.len() {
			return false
		}
		for i, k := range x.keys {
			yv, ok := y.get(k)
			if !ok || !jsonEqual(x.vals[i], yv) {
				return false
			}
		}
		return true
	}
	return false
}

// sameKind reports whether two values have the same JSON kind (any two
// numbers are the same kind).
func sameKind(a, b any) bool {
	switch a.(type) {
	case nil:
		return b == nil
	case bool:
		_, ok := b.(bool)
		return ok
	case string:
		_, ok := b.(string)
		return ok
	case jsonNumber:
		_, ok := b.(jsonNumber)
		return ok
	case []any:
		_, ok := b.([]any)
		return ok
	case *jsonObject:
		_, ok := b.(*jsonObject)
		return ok
	}
	return false
}

// fromGo converts a value decoded by encoding/json (or built by hand: maps,
// slices, Go numbers) into the matcher's tree.
func fromGo(v any) any {
	switch x := v.(type) {
	case nil, bool, string, jsonNumber, *jsonObject:
		return x
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = fromGo(e)
		}
		return out
	case []string:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = e
		}
		return out
	case map[string]any:
		o := &jsonObject{}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			o.keys = append(o.keys, k)
			o.vals = append(o.vals, fromGo(x[k]))
		}
		return o
	case json.Number:
		if _, err := strconv.ParseFloat(x.String(), 64); err == nil {
			return jsonNumber(x.String())
		}
		return x.String()
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1e15 {
			// encoding/json decodes every number as float64; keep whole
			// numbers integral, as the JSON text most likely was.
			return jsonNumber(strconv.FormatInt(int64(x), 10))
		}
		return jsonNumber(formatFloat(x))
	case float32:
		return fromGo(float64(x))
	case int:
		return jsonNumber(strconv.Itoa(x))
	case int64:
		return jsonNumber(strconv.FormatInt(x, 10))
	case int32:
		return jsonNumber(strconv.FormatInt(int64(x), 10))
	case uint64:
		return jsonNumber(strconv.FormatUint(x, 10))
	case uint:
		return jsonNumber(strconv.FormatUint(uint64(x), 10))
	}
	return fmt.Sprint(v)
}

// parseJSON decodes one JSON document into a tree of its own.
func parseJSON(data []byte) (any, error) {
	return parseJSONIn(new(arena), data)
}

// parseJSONIn decodes one JSON document into a tree carved from ar
// (jsonarena.go): the tree is valid until ar is released.
func parseJSONIn(ar *arena, data []byte) (any, error) {
	// The tree's strings are substrings of data itself, not of a copy: a
	// multi-megabyte body would otherwise be copied once more. data must not
	// change while the tree is in use; matchJSONBodies's caller holds it
	// unchanged for the call, and strings that leave the matcher in a
	// Mismatch are copied (jsonMatcher.add).
	p := jsonParser{data: data, src: unsafe.String(unsafe.SliceData(data), len(data)), ar: ar}
	p.keys, p.vals = ar.keys[:0], ar.vals[:0]
	defer func() { ar.keys, ar.vals = p.keys[:0], p.vals[:0] }() // keep the grown stacks
	p.skipWS()
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.skipWS()
	if p.pos != len(p.data) {
		return nil, p.errorf("trailing characters")
	}
	return v, nil
}

type jsonParser struct {
	data []byte
	src  string // the same bytes as one string, so that keys, strings and numbers are substrings, not copies
	pos  int
	keys []string // scratch stacks for the members of open objects and arrays
	vals []any
	ar   *arena // where the tree's slices, objects and boxes are carved from

	// lastKeys[d] is the keys of the last object finished at depth d, which
	// the next object at that depth shares when it has the same keys
	lastKeys [][]string
}

// objectKeys returns a slice holding ks for an object at depth d: the
// previous object's at that depth when equal, else a new one.
func (p *jsonParser) objectKeys(ks []string, d int) []string {
	if d < len(p.lastKeys) {
		if last := p.lastKeys[d]; len(last) == len(ks) {
			same := true
			for i := range ks {
				if last[i] != ks[i] {
					same = false
					break
				}
			}
			if same {
				return last
			}
		}
	}
	out := p.strs(len(ks))
	copy(out, ks)
	if d < 64 {
		for len(p.lastKeys) <= d {
			p.lastKeys = append(p.lastKeys, nil)
		}
		p.lastKeys[d] = out
	}
	return out
}

func (p *jsonParser) anys(n int) []any {
	if n > maxSmallSlice {
		return make([]any, n)
	}
	return p.ar.anys.take(n, chunkSize)
}

func (p *jsonParser) strs(n int) []string {
	if n > maxSmallSlice {
		return make([]string, n)
	}
	return p.ar.strs.take(n, chunkSize)
}

func (p *jsonParser) object() *jsonObject {
	o := &p.ar.objs.take(1, objChunkSize)[0]
	*o = jsonObject{}
	return o
}

const maxJSONDepth = 10000

func (p *jsonParser) errorf(format string, args ...any) error {
	line, col := 1, 1
	for _, c := range p.data[:min(p.pos, len(p.data))] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%s at line %d column %d", fmt.Sprintf(format, args...), line, col)
}

func (p *jsonParser) skipWS() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value(depth int) (any, error) {
	if depth > maxJSONDepth {
		return nil, p.errorf("recursion limit exceeded")
	}
	if p.pos >= len(p.data) {
		return nil, p.errorf("EOF while parsing a value")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		p.pos++
		o := p.object()
		p.skipWS()
		if p.pos < len(p.data) && p.data[p.pos] == '}' {
			p.pos++
			return o, nil
		}
		base := len(p.keys)
		vbase := len(p.vals)
		finish := func() *jsonObject {
			n := len(p.keys) - base
			o.keys = p.objectKeys(p.keys[base:], depth)
			o.vals = p.anys(n)
			copy(o.vals, p.vals[vbase:])
			p.keys, p.vals = p.keys[:base], p.vals[:vbase]
			return o
		}
		for {
			p.skipWS()
			if p.pos >= len(p.data) || p.data[p.pos] != '"' {
				return nil, p.errorf("key must be a string")
			}
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			p.skipWS()
			if p.pos >= len(p.data) || p.data[p.pos] != ':' {
				return nil, p.errorf("expected `:`")
			}
			p.pos++
			p.skipWS()
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			// a repeated key keeps the last value, as serde_json does
			dup := false
			for i := base; i < len(p.keys); i++ {
				if p.keys[i] == k {
					p.vals[vbase+i-base] = v
					dup = true
					break
				}
			}
			if !dup {
				p.keys = append(p.keys, k)
				p.vals = append(p.vals, v)
			}
			p.skipWS()
			if p.pos >= len(p.data) {
				return nil, p.errorf("EOF while parsing an object")
			}
			if p.data[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.data[p.pos] == '}' {
				p.pos++
				return finish(), nil
			}
			return nil, p.errorf("expected `,` or `}`")
		}
	case c == '[':
		p.pos++
		p.skipWS()
		if p.pos < len(p.data) && p.data[p.pos] == ']' {
			p.pos++
			return []any{}, nil
		}
		vbase := len(p.vals)
		for {
			p.skipWS()
			v, err := p.value(depth + 1)
			if err != nil {
				return nil, err
			}
			p.vals = append(p.vals, v)
			p.skipWS()
			if p.pos >= len(p.data) {
				return nil, p.errorf("EOF while parsing a list")
			}
			if p.data[p.pos] == ',' {
				p.pos++
				continue
			}
			if p.data[p.pos] == ']' {
				p.pos++
				arr := p.anys(len(p.vals) - vbase)
				copy(arr, p.vals[vbase:])
				p.vals = p.vals[:vbase]
				return p.boxList(arr), nil
			}
			return nil, p.errorf("expected `,` or `]`")
		}
	case c == '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return p.boxString(s), nil
	case c == 't':
		return true, p.literal("true")
	case c == 'f':
		return false, p.literal("false")
	case c == 'n':
		return nil, p.literal("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	}
	return nil, p.errorf("expected value")
}

func (p *jsonParser) literal(s string) error {
	if len(p.data)-p.pos < len(s) || string(p.data[p.pos:p.pos+len(s)]) != s {
		return p.errorf("expected ident")
	}
	p.pos += len(s)
	return nil
}

func (p *jsonParser) number() (any, error) {
	n, err := p.numberText()
	if err != nil {
		return nil, err
	}
	return p.boxNumber(n), nil
}

func (p *jsonParser) numberText() (jsonNumber, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	digits := func() int {
		n := 0
		for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
			p.pos++
			n++
		}
		return n
	}
	intStart := p.pos
	if n := digits(); n == 0 {
		return "", p.errorf("invalid number")
	} else if n > 1 && p.data[intStart] == '0' {
		return "", p.errorf("invalid number")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if digits() == 0 {
			return "", p.errorf("invalid number")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if digits() == 0 {
			return "", p.errorf("invalid number")
		}
	}
	return jsonNumber(p.src[start:p.pos]), nil
}

func (p *jsonParser) str() (string, error) {
	p.pos++ // opening quote
	start := p.pos
	// fast path: no escapes
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == '"' {
			s := p.src[start:p.pos]
			p.pos++
			return s, nil
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", p.errorf("control character (\\u0000-\\u001F) found while parsing a string")
		}
		p.pos++
	}
	var b []byte
	b = append(b, p.data[start:p.pos]...)
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			return string(b), nil
		case c == '\\':
			p.pos++
			if p.pos >= len(p.data) {
				return "", p.errorf("EOF while parsing a string")
			}
			e := p.data[p.pos]
			p.pos++
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
				r, err := p.hex4()
				if err != nil {
					return "", err
				}
				if utf16.IsSurrogate(r) {
					if p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
						p.pos += 2
						r2, err := p.hex4()
						if err != nil {
							return "", err
						}
						r = utf16.DecodeRune(r, r2)
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				return "", p.errorf("invalid escape")
			}
		case c < 0x20:
			return "", p.errorf("control character (\\u0000-\\u001F) found while parsing a string")
		default:
			b = append(b, c)
			p.pos++
		}
	}
	return "", p.errorf("EOF while parsing a string")
}

func (p *jsonParser) hex4() (rune, error) {
	if p.pos+4 > len(p.data) {
		return 0, p.errorf("EOF while parsing a string")
	}
	n, err := strconv.ParseUint(string(p.data[p.pos:p.pos+4]), 16, 32)
	if err != nil {
		return 0, p.errorf("invalid escape")
	}
	p.pos += 4
	return rune(n), nil
}
