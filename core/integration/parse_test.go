package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// decoderParse is the reference parseNode is checked against: the same tree
// built from encoding/json.Decoder tokens (the implementation parseNode
// replaced).
func decoderParse(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := decoderNode(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("trailing data")
	}
	return n, nil
}

func decoderNode(dec *json.Decoder, depth int) (*node, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("too deep")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case nil:
		return &node{kind: nNull}, nil
	case bool:
		return &node{kind: nBool, b: t}, nil
	case json.Number:
		return &node{kind: nNumber, str: string(t)}, nil
	case string:
		return &node{kind: nString, str: t}, nil
	case json.Delim:
		switch t {
		case '[':
			n := &node{kind: nArray, items: []*node{}}
			for dec.More() {
				item, err := decoderNode(dec, depth+1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
			if _, err := dec.Token(); err != nil {
				return nil, err
			}
			return n, nil
		case '{':
			n := &node{kind: nObject}
			index := map[string]int{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, ok := kt.(string)
				if !ok {
					return nil, fmt.Errorf("key is not a string")
				}
				v, err := decoderNode(dec, depth+1)
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
				return nil, err
			}
			return n, nil
		}
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

// sameNode compares two trees.
func sameNode(a, b *node) bool {
	if a.kind != b.kind || a.str != b.str || a.b != b.b ||
		!reflect.DeepEqual(a.keys, b.keys) || len(a.vals) != len(b.vals) || len(a.items) != len(b.items) ||
		(a.items == nil) != (b.items == nil) {
		return false
	}
	for i := range a.vals {
		if !sameNode(a.vals[i], b.vals[i]) {
			return false
		}
	}
	for i := range a.items {
		if !sameNode(a.items[i], b.items[i]) {
			return false
		}
	}
	return true
}

// checkParse fails when parseNode and the decoder disagree on data.
func checkParse(t *testing.T, data []byte) {
	t.Helper()
	got, err := parseNode(data)
	want, werr := decoderParse(data)
	if (err == nil) != (werr == nil) {
		t.Fatalf("parseNode(%q): error %v, the decoder: %v", data, err, werr)
	}
	if err == nil && !sameNode(got, want) {
		t.Fatalf("parseNode(%q) = %s, the decoder gives %s", data, got.marshal(), want.marshal())
	}
	if err != nil && !strings.HasPrefix(err.Error(), "invalid JSON") {
		t.Fatalf("parseNode(%q): error %q does not start with \"invalid JSON\"", data, err)
	}
	// A pooled parser (storage reused from earlier documents) gives the
	// same tree, twice in a row.
	for range 2 {
		jp := pooledParser()
		pooled, perr := jp.parse(data)
		if (perr == nil) != (err == nil) || err == nil && !sameNode(pooled, want) {
			t.Fatalf("pooled parse of %q differs: %v", data, perr)
		}
		jp.release()
	}
}

var parseCases = []string{
	``, ` `, `1`, `-0`, `-`, `01`, `1.`, `1.5e`, `1e+5`, `1E-05`, `-0.0e0`, `2x`, `1 2`, `true`, `tru`, `nul`, `null `,
	`"abc"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u0041"`, `"\ud83d\ude00"`, `"\ud83d"`, `"\ud83dx"`, `"\ud83d\u0041"`,
	`"\ude00\ud83d"`, `"\ud83d\uZZZZ"`, `"\u12"`, `"\x"`, "\"a\x01\"", "\"\xff\xfe\"", "\"a\xc3\"", "\"\xed\xa0\x80\"",
	`"unterminated`, `"\`, `[]`, `[ ]`, `[1,]`, `[,1]`, `[1 2]`, `[1,2`, `{}`, `{ }`, `{"a":1,}`, `{"a" 1}`, `{a:1}`,
	`{"a":1,"b":[true,false,null],"a":2}`, `{"b":{"c":{}},"a":[[],[{}]]}`, "\t\n\r {\"a\" :\n1 }\r\n", `{"a":1}}`,
	`[1]]`, "\ufeff{}", `{"a":"b"`, `{"a"`, `{"a":`, `[`, `{`, `"\u2028\u2029<>&"`,
	`{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k10":10,"k11":11,"k12":12,` +
		`"k13":13,"k14":14,"k15":15,"k16":16,"k17":17,"k18":18,"k0":"again","k17":"again"}`,
}

func TestParseNodeMatchesDecoder(t *testing.T) {
	for _, c := range parseCases {
		checkParse(t, []byte(c))
	}
	deep := strings.Repeat("[", maxDepth) + "1" + strings.Repeat("]", maxDepth)
	checkParse(t, []byte(deep))
	checkParse(t, []byte("["+deep+"]"))
	if _, err := parseNode([]byte("[" + deep + "]")); err == nil || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("too deep: %v", err)
	}
}

func FuzzParseNode(f *testing.F) {
	for _, c := range parseCases {
		f.Add([]byte(c))
	}
	seedFiles(f, "json")
	f.Fuzz(func(t *testing.T, data []byte) {
		checkParse(t, data)
	})
}

func encoderString(s string) string {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	return strings.TrimSuffix(tmp.String(), "\n")
}

func FuzzWriteJSONString(f *testing.F) {
	for _, s := range []string{"", "abc", "a\"b\\c", "\x00\x01\x1f\b\f\n\r\t\x7f", "\xff", "é\u2028\u2029<>&", "\xed\xa0\x80", "😀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		WriteJSONString(&b, s)
		if want := encoderString(s); b.String() != want {
			t.Fatalf("WriteJSONString(%q) = %s, encoding/json gives %s", s, b.String(), want)
		}
	})
}
