package pactfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"sort"
	"strconv"
	"sync"
	"unicode/utf8"
)

var bom = []byte{0xEF, 0xBB, 0xBF}

// DecodeJSON decodes JSON text the way the pact reader does: a UTF-8 byte
// order mark at the start is skipped, objects become map[string]any, arrays
// []any, and numbers json.Number (so that 1 and 1.0 stay distinct in bodies).
// Pass its result to ParseRequest, ParseResponse and ParseMessage.
//
//	v, err := pactfile.DecodeJSON([]byte(`{"method": "GET", "path": "/"}`))
//
// Invalid JSON gives an error naming the line and column, e.g.
// "invalid JSON at line 3, column 7: invalid character '}' ...".
func DecodeJSON(data []byte) (any, error) {
	return parseJSON(bytes.TrimPrefix(data, bom))
}

// jsonError adds the line and column to a decoding error.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(data, max(se.Offset-1, 0)) // Offset is just past the bad byte
		return fmt.Errorf("invalid JSON at line %d, column %d: %v", line, col, err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := lineCol(data, int64(len(data)))
		return fmt.Errorf("invalid JSON at line %d, column %d: unexpected end of input", line, col)
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = int(off) - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

// encoder writes JSON with sorted object keys, either compact or indented
// by two spaces (the layout of the reference writer).
type encoder struct {
	buf     []byte
	pretty  bool
	lastKey string     // the last key computed for a keyHole
	keys    []string   // scratch stack of sorted map keys
	lists   []pathList // scratch stack of the fast writer (fastRules)
	hole    int        // where a listHole was encoded
}

func (e *encoder) value(v any, depth int) {
	switch t := v.(type) {
	case nil:
		e.buf = append(e.buf, "null"...)
	case bool:
		e.buf = strconv.AppendBool(e.buf, t)
	case string:
		e.buf = appendString(e.buf, t)
	case json.Number:
		if t == "" {
			e.buf = append(e.buf, '0')
		} else {
			e.buf = append(e.buf, t...)
		}
	case float64:
		e.buf = appendFloat(e.buf, t)
	case float32:
		e.buf = appendFloat(e.buf, float64(t))
	case int:
		e.buf = strconv.AppendInt(e.buf, int64(t), 10)
	case int64:
		e.buf = strconv.AppendInt(e.buf, t, 10)
	case int32:
		e.buf = strconv.AppendInt(e.buf, int64(t), 10)
	case uint64:
		e.buf = strconv.AppendUint(e.buf, t, 10)
	case []string:
		arr := make([]any, len(t))
		for i, s := range t {
			arr[i] = s
		}
		e.value(arr, depth)
	case []int:
		arr := make([]any, len(t))
		for i, s := range t {
			arr[i] = s
		}
		e.value(arr, depth)
	case []any:
		if len(t) == 0 {
			e.buf = append(e.buf, "[]"...)
			return
		}
		e.buf = append(e.buf, '[')
		for i, x := range t {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			e.value(x, depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, ']')
	case *obj:
		if len(t.kv) == 0 {
			e.buf = append(e.buf, "{}"...)
			return
		}
		sortKV(t.kv)
		start, hole := len(e.buf), -1
		e.buf = append(e.buf, '{')
		for i, x := range t.kv {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			e.buf = appendString(e.buf, x.k)
			e.buf = append(e.buf, ':')
			if e.pretty {
				e.buf = append(e.buf, ' ')
			}
			if _, ok := x.v.(keyHole); ok {
				hole = len(e.buf)
				e.buf = append(e.buf, keyPlaceholder...)
				continue
			}
			e.value(x.v, depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, '}')
		if hole >= 0 {
			e.lastKey = contentHash(e.buf[start:])
			copy(e.buf[hole+1:], e.lastKey)
		}
	case rawJSON:
		e.raw(t, depth)
	case listHole:
		e.hole = len(e.buf)
	case map[string]any:
		if len(t) == 0 {
			e.buf = append(e.buf, "{}"...)
			return
		}
		mark := len(e.keys)
		for k := range t {
			e.keys = append(e.keys, k)
		}
		keys := e.keys[mark:]
		sort.Strings(keys)
		defer func() { e.keys = e.keys[:mark] }()
		e.buf = append(e.buf, '{')
		for i, k := range keys {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 1)
			e.buf = appendString(e.buf, k)
			e.buf = append(e.buf, ':')
			if e.pretty {
				e.buf = append(e.buf, ' ')
			}
			e.value(t[k], depth+1)
		}
		e.newline(depth)
		e.buf = append(e.buf, '}')
	default:
		// Any other Go value (from a caller-built model): let encoding/json
		// render it, then decode and re-encode so keys stay sorted.
		b, err := json.Marshal(t)
		if err != nil {
			e.buf = append(e.buf, "null"...)
			return
		}
		var x any
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		if d.Decode(&x) != nil {
			e.buf = append(e.buf, "null"...)
			return
		}
		e.value(x, depth)
	}
}

func (e *encoder) newline(depth int) {
	if !e.pretty {
		return
	}
	if n := 1 + 2*depth; n <= len(indent) {
		e.buf = append(e.buf, indent[:n]...)
		return
	}
	e.buf = append(e.buf, '\n')
	for i := 0; i < depth; i++ {
		e.buf = append(e.buf, ' ', ' ')
	}
}

// indent is a newline and the indentation of up to 32 levels.
const indent = "\n                                                                "

// encodeJSON returns v as JSON text with sorted keys.
func encodeJSON(v any, pretty bool) []byte {
	e := encoderPool.Get().(*encoder)
	e.buf, e.pretty = e.buf[:0], pretty
	e.value(v, 0)
	out := append([]byte(nil), e.buf...)
	if cap(e.buf) <= 1<<16 {
		encoderPool.Put(e)
	}
	return out
}

// encoderPool holds scratch encoders for small encodings (bodies, keys).
var encoderPool = sync.Pool{New: func() any { return &encoder{buf: make([]byte, 0, 1024)} }}

func appendFloat(b []byte, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return append(b, "null"...)
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	return strconv.AppendFloat(b, f, format, -1, 64)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// obj is a JSON object built by the writer: a list of members, sorted by key
// when encoded. It is much cheaper than a map for the many small objects of a
// pact file.
type obj struct{ kv []kv }

type kv struct {
	k string
	v any
}

// newObj returns an object with the given key, value pairs.
func newObj(pairs ...any) *obj {
	o := &obj{kv: make([]kv, 0, len(pairs)/2+2)}
	for i := 0; i+1 < len(pairs); i += 2 {
		o.kv = append(o.kv, kv{pairs[i].(string), pairs[i+1]})
	}
	return o
}

// set sets member k to v, replacing an existing member.
func (o *obj) set(k string, v any) {
	for i := range o.kv {
		if o.kv[i].k == k {
			o.kv[i].v = v
			return
		}
	}
	o.kv = append(o.kv, kv{k, v})
}

func (o *obj) get(k string) (any, bool) {
	for _, x := range o.kv {
		if x.k == k {
			return x.v, true
		}
	}
	return nil, false
}

func (o *obj) del(k string) {
	for i := range o.kv {
		if o.kv[i].k == k {
			o.kv = append(o.kv[:i], o.kv[i+1:]...)
			return
		}
	}
}

// sortKV sorts members by key (insertion sort: objects are small).
func sortKV(a []kv) {
	if len(a) > 12 {
		sort.Slice(a, func(i, j int) bool { return a[i].k < a[j].k })
		return
	}
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j].k < a[j-1].k; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// rawJSON is valid JSON text embedded as it stands (re-indented).
type rawJSON []byte

// asRawJSON returns b as a rawJSON value when it is valid UTF-8 JSON.
func asRawJSON(b []byte) (rawJSON, bool) {
	if !utf8.Valid(b) || !validJSON(b) {
		return nil, false
	}
	return rawJSON(b), true
}

// raw appends valid JSON text, dropping its whitespace and indenting it to
// depth when pretty.
func (e *encoder) raw(b []byte, depth int) {
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case ' ', '\t', '\n', '\r':
		case '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			e.buf = append(e.buf, b[i:j+1]...)
			i = j
		case '{', '[':
			j := i + 1
			for j < len(b) && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r') {
				j++
			}
			if j < len(b) && (b[j] == '}' || b[j] == ']') {
				e.buf = append(e.buf, c, b[j])
				i = j
				continue
			}
			e.buf = append(e.buf, c)
			depth++
			e.newline(depth)
		case '}', ']':
			depth--
			e.newline(depth)
			e.buf = append(e.buf, c)
		case ',':
			e.buf = append(e.buf, ',')
			e.newline(depth)
		case ':':
			e.buf = append(e.buf, ':')
			if e.pretty {
				e.buf = append(e.buf, ' ')
			}
		default:
			e.buf = append(e.buf, c)
		}
	}
}

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// contentHash returns 16 hex digits identifying b: its CRC-32 (IEEE) then
// its CRC-32C, both computed in hardware on common CPUs.
func contentHash(b []byte) string {
	const hex = "0123456789abcdef"
	v := uint64(crc32.ChecksumIEEE(b))<<32 | uint64(crc32.Checksum(b, castagnoli))
	var out [16]byte
	for i := 15; i >= 0; i-- {
		out[i] = hex[v&0xF]
		v >>= 4
	}
	return string(out[:])
}
