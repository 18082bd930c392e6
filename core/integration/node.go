package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// node is a JSON value that remembers the order of object keys, so that the
// example written back keeps the layout the client sent. Numbers keep their
// source text (1.0 stays 1.0).
type node struct {
	kind  nodeKind
	keys  []string // object keys, in order
	vals  []*node  // object values, parallel to keys
	items []*node  // array items
	str   string   // string
	num   json.Number
	b     bool
}

type nodeKind int

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

// parseNode parses one JSON document. A duplicated key keeps its first
// position and its last value, as serde_json's ordered maps do.
func parseNode(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := decodeNode(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("invalid JSON: unexpected data after the top-level value at offset %d", dec.InputOffset())
	}
	return n, nil
}

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
const maxDepth = 10000

func decodeNode(dec *json.Decoder, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("invalid JSON: nested more than %d levels deep", maxDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("invalid JSON: unexpected end of input")
		}
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	switch t := tok.(type) {
	case nil:
		return &node{kind: nNull}, nil
	case bool:
		return &node{kind: nBool, b: t}, nil
	case json.Number:
		return &node{kind: nNumber, num: t}, nil
	case string:
		return &node{kind: nString, str: t}, nil
	case json.Delim:
		switch t {
		case '[':
			n := &node{kind: nArray, items: []*node{}}
			for dec.More() {
				item, err := decodeNode(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("invalid JSON: %w", err)
			}
			return n, nil
		case '{':
			n := &node{kind: nObject}
			index := map[string]int{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("invalid JSON: %w", err)
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("invalid JSON: object key is not a string")
				}
				v, err := decodeNode(dec, depth+1)
				if err != nil {
					return nil, err
				}
				if i, dup := index[key]; dup {
					n.vals[i] = v
					continue
				}
				index[key] = len(n.keys)
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("invalid JSON: %w", err)
			}
			return n, nil
		}
	}
	return nil, fmt.Errorf("invalid JSON: unexpected token %v", tok)
}

// toAny converts the node to the values encoding/json produces with
// UseNumber: map[string]any, []any, string, json.Number, bool, nil.
func (n *node) toAny() any {
	switch n.kind {
	case nBool:
		return n.b
	case nNumber:
		return n.num
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
		b.WriteString(n.num.String())
	case nString:
		writeJSONString(b, n.str)
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
			writeJSONString(b, k)
			b.WriteByte(':')
			n.vals[i].write(b)
		}
		b.WriteByte('}')
	}
}

func writeJSONString(b *bytes.Buffer, s string) {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
}

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
