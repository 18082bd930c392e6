package matching

import (
	"fmt"
	"strings"
)

// rustDebugMap is how pact_matching words a JSON object in a failed
// map-level rule ("Expected {:?} to be equal to {:?}", "Expected {:?} (size
// n) to have minimum size of m"): Rust's Debug of a BTreeMap<String, Value>,
// keys sorted, each value as serde_json's Debug of a Value.
//
//	{"b": [1, "x"], "a": null} → {"a": Null, "b": Array [Number(1), String("x")]}
func rustDebugMap(o *jsonObject) string {
	var b strings.Builder
	writeDebugMap(&b, o)
	return b.String()
}

func writeDebugMap(b *strings.Builder, o *jsonObject) {
	b.WriteByte('{')
	for i, k := range o.sortedKeys() {
		if i > 0 {
			b.WriteString(", ")
		}
		writeDebugString(b, k)
		b.WriteString(": ")
		v, _ := o.get(k)
		writeDebugValue(b, v)
	}
	b.WriteByte('}')
}

// writeDebugValue is serde_json's Debug of a Value.
func writeDebugValue(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteString("Null")
	case bool:
		fmt.Fprintf(b, "Bool(%t)", x)
	case jsonNumber:
		b.WriteString("Number(" + x.display() + ")")
	case string:
		b.WriteString("String(")
		writeDebugString(b, x)
		b.WriteByte(')')
	case []any:
		b.WriteString("Array [")
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			writeDebugValue(b, e)
		}
		b.WriteByte(']')
	case *jsonObject:
		b.WriteString("Object ")
		writeDebugMap(b, x)
	default:
		writeJSON(b, x)
	}
}

// writeDebugString is Rust's Debug of a str: quoted, with quotes,
// backslashes and control characters escaped.
func writeDebugString(b *strings.Builder, s string) {
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
		case 0:
			b.WriteString(`\0`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(b, `\u{%x}`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
}

// RustDebugString is a string in Rust's Debug form, as the reference's
// messages quote it: in double quotes, with quotes, backslashes and control
// characters escaped.
//
//	matching.RustDebugString("a\"b\n") // `"a\"b\n"`
func RustDebugString(s string) string {
	var b strings.Builder
	writeDebugString(&b, s)
	return b.String()
}

// SerdeString is a string as serde_json writes it in JSON text: quotes,
// backslashes and control characters escaped, everything else (non-ASCII,
// U+2028 included) as it is.
//
//	matching.SerdeString("a\tb") // `"a\tb"`
func SerdeString(s string) string {
	var b strings.Builder
	writeJSONString(&b, s)
	return b.String()
}
