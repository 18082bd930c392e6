package model

import (
	"encoding/json"
	"fmt"
)

// CopyJSON returns a deep copy of a decoded JSON value (maps and slices are
// copied) with every other value passed through leaf, or kept as it is when
// leaf is nil.
//
//	v := model.CopyJSON(map[string]any{"a": json.Number("1")}, func(x any) any {
//		if n, ok := x.(json.Number); ok {
//			f, _ := n.Float64()
//			return f
//		}
//		return x
//	})
//	// v: map[string]any{"a": 1.0}
func CopyJSON(v any, leaf func(any) any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = CopyJSON(x, leaf)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = CopyJSON(x, leaf)
		}
		return out
	}
	if leaf == nil {
		return v
	}
	return leaf(v)
}

// JSONKind names the JSON type of a decoded value for error messages: "null",
// "a string", "a boolean", "an object", "an array" or "a number" (any Go
// number or json.Number); any other Go value is named by its type.
//
//	model.JSONKind([]any{1}) // "an array"
func JSONKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case json.Number:
		return "a number"
	}
	if _, ok := JSONNumber(v); ok {
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

// DecodeNumbers replaces, in place, every json.Number of a value decoded with
// json.Decoder.UseNumber by an int64 when it is an integer that fits, else a
// float64: the types generators and provider-state values work with. It
// returns v, or the converted number when v itself is one.
//
//	v := model.DecodeNumbers(map[string]any{"id": json.Number("42"), "p": json.Number("1.5")})
//	// v: map[string]any{"id": int64(42), "p": 1.5}
func DecodeNumbers(v any) any {
	switch t := v.(type) {
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return n
		}
		f, _ := t.Float64()
		return f
	case map[string]any:
		for k, e := range t {
			t[k] = DecodeNumbers(e)
		}
	case []any:
		for k, e := range t {
			t[k] = DecodeNumbers(e)
		}
	}
	return v
}
