package model

import "testing"

// TestFieldSuffix: map keys are rendered as pact_models writes rule paths
// (found side by side with pact-python: "$['x-y']", "$['1abc']", "$[1]" for
// "01", "$.headers['X-Req-Id']" in V2 files).
func TestFieldSuffix(t *testing.T) {
	tests := []struct{ name, want string }{
		{"a", ".a"},
		{"a_b", ".a_b"},
		{"_x", "._x"},
		{"a1", ".a1"},
		{"Accept", ".Accept"},
		{"x-y", "['x-y']"},
		{"X-Req-Id", "['X-Req-Id']"},
		{"c:d", "['c:d']"},
		{"g@h", "['g@h']"},
		{"#x", "['#x']"},
		{"e.f", "['e.f']"},
		{"1abc", "['1abc']"},
		{"é", "['é']"},
		{"x y", "['x y']"},
		{"a'b", `['a\'b']`},
		{`ab\c`, `['ab\\c']`},
		{"", "['']"},
		{"0", "[0]"},
		{"123", "[123]"},
		{"01", "[1]"},
		{"99999999999999999999999", "['99999999999999999999999']"},
	}
	for _, tt := range tests {
		if got := FieldSuffix(tt.name); got != tt.want {
			t.Errorf("FieldSuffix(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
}
