package verifier

import "testing"

func TestRustJSON(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"$.a -> Expected <x> & y", `"$.a -> Expected <x> & y"`},
		{map[string]any{"b": 1, "a": []any{"\x1b[1m"}}, `{"a":["\u001b[1m"],"b":1}`},
		{"line\u2028sep\u2029", "\"line\u2028sep\u2029\""},
		{`a\u2028`, `"a\\u2028"`},
		{"tab\tquote\"back\\", `"tab\tquote\"back\\"`},
	}
	for _, tt := range tests {
		got, err := rustJSON(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("rustJSON(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
