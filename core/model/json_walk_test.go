package model

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestCopyJSON(t *testing.T) {
	in := map[string]any{"a": []any{json.Number("1"), "x", map[string]any{"b": nil}}}
	same := CopyJSON(in, nil)
	if !reflect.DeepEqual(same, in) {
		t.Fatalf("CopyJSON(nil leaf) = %#v", same)
	}
	same.(map[string]any)["a"].([]any)[1] = "changed"
	if in["a"].([]any)[1] != "x" {
		t.Fatal("CopyJSON shares slices with its input")
	}
	got := CopyJSON(in, func(v any) any {
		if n, ok := v.(json.Number); ok {
			f, _ := n.Float64()
			return f
		}
		return v
	})
	want := map[string]any{"a": []any{1.0, "x", map[string]any{"b": nil}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CopyJSON(leaf) = %#v, want %#v", got, want)
	}
	if got := NormalizeJSON(json.Number("2")); got != 2.0 {
		t.Errorf("NormalizeJSON(2) = %#v", got)
	}
}

func TestJSONKind(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{nil, "null"}, {"s", "a string"}, {true, "a boolean"}, {map[string]any{}, "an object"},
		{[]any{}, "an array"}, {1.5, "a number"}, {7, "a number"}, {json.Number("1e999"), "a number"},
		{struct{}{}, "struct {}"},
	} {
		if got := JSONKind(c.v); got != c.want {
			t.Errorf("JSONKind(%#v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestDecodeNumbers(t *testing.T) {
	v := DecodeNumbers(map[string]any{
		"i": json.Number("42"), "f": json.Number("1.5"), "big": json.Number("1e30"),
		"list": []any{json.Number("-7"), "x", map[string]any{"n": json.Number("9223372036854775808")}},
	})
	want := map[string]any{
		"i": int64(42), "f": 1.5, "big": 1e30,
		"list": []any{int64(-7), "x", map[string]any{"n": 9223372036854775808.0}},
	}
	if !reflect.DeepEqual(v, want) {
		t.Errorf("DecodeNumbers = %#v, want %#v", v, want)
	}
	if got := DecodeNumbers(json.Number("3")); got != int64(3) {
		t.Errorf("DecodeNumbers(3) = %#v", got)
	}
}
