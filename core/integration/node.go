package integration

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// node is a JSON value that remembers the order of object keys, so that the
// example written back keeps the layout the client sent. Numbers keep their
// source text (1.0 stays 1.0).
type node struct {
	kind  nodeKind
	b     bool
	keys  []string // object keys, in order
	vals  []*node  // object values, parallel to keys
	items []*node  // array items
	str   string   // a string, or the text of a number
}

type nodeKind uint8

const (
	nNull nodeKind = iota
	nBool
	nNumber
	nString
	nArray
	nObject
)

// get returns the value of key in an object, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != nObject {
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.vals[i]
		}
	}
	return nil
}

func (n *node) has(key string) bool { return n.get(key) != nil }

// toAny converts the node to the values encoding/json produces with
// UseNumber: map[string]any, []any, string, json.Number, bool, nil.
func (n *node) toAny() any {
	switch n.kind {
	case nBool:
		return n.b
	case nNumber:
		return json.Number(n.str)
	case nString:
		return n.str
	case nArray:
		out := make([]any, len(n.items))
		for i, it := range n.items {
			out[i] = it.toAny()
		}
		return out
	case nObject:
		out := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			out[k] = n.vals[i].toAny()
		}
		return out
	}
	return nil
}

// marshal writes the node as compact JSON, keys in order, without escaping
// <, > and & (as serde_json writes them).
func (n *node) marshal() []byte {
	var b bytes.Buffer
	n.write(&b)
	return b.Bytes()
}

func (n *node) write(b *bytes.Buffer) {
	switch n.kind {
	case nNull:
		b.WriteString("null")
	case nBool:
		if n.b {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case nNumber:
		b.WriteString(n.str)
	case nString:
		WriteJSONString(b, n.str)
	case nArray:
		b.WriteByte('[')
		for i, it := range n.items {
			if i > 0 {
				b.WriteByte(',')
			}
			it.write(b)
		}
		b.WriteByte(']')
	case nObject:
		b.WriteByte('{')
		for i, k := range n.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			WriteJSONString(b, k)
			b.WriteByte(':')
			n.vals[i].write(b)
		}
		b.WriteByte('}')
	}
}

// WriteJSONString writes s as a JSON string the way encoding/json does
// with SetEscapeHTML(false): invalid UTF-8 as \ufffd, U+2028 and U+2029
// escaped, control characters as \n, \r, \t, \b, \f or \u00XX
// (FuzzWriteJSONString compares the two), without an encoder's allocations.
//
//	integration.WriteJSONString(&b, "a\"<b>") // "a\"<b>"
func WriteJSONString(b *bytes.Buffer, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hexDigits[c>>4])
				b.WriteByte(hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hexDigits[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

const hexDigits = "0123456789abcdef"

// text is the value as a plain string: a string as is, null as "", anything
// else as its JSON text (json_to_string in the reference).
func (n *node) text() string {
	switch n.kind {
	case nString:
		return n.str
	case nNull:
		return ""
	}
	return string(n.marshal())
}

// kindName names the JSON type for error messages.
func (n *node) kindName() string {
	return [...]string{"null", "a boolean", "a number", "a string", "an array", "an object"}[n.kind]
}

// stringNode makes a string node.
func stringNode(s string) *node { return &node{kind: nString, str: s} }

// isPactKey reports whether key is an integration-JSON directive.
func isPactKey(key string) bool { return strings.HasPrefix(key, "pact:") }
