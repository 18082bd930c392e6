package integration

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestChildPathMatchesFieldSuffix: the fast path of childPath renders every
// key as model.FieldSuffix does, which is pact_models' rendering ("$.a_b",
// "$['x-y']", "$['1abc']", "$[1]" for "01").
func TestChildPathMatchesFieldSuffix(t *testing.T) {
	for _, k := range []string{"a", "a_b", "_x", "a1", "x-y", "c:d", "g@h", "#text", "e.f", "1abc", "é", "x y", "", "0", "01", "123", "a'b"} {
		if got, want := childPath("$", k), "$"+model.FieldSuffix(k); got != want {
			t.Errorf("childPath(%q) = %s, want %s", k, got, want)
		}
	}
	if got := childPath("$.a", "x-y"); got != "$.a['x-y']" {
		t.Errorf("nested: %s", got)
	}
}
