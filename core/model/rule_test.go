package model

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestRuleSize keeps Rule within 64 bytes: a list of rules is the largest
// part of most interactions' matching rules (conformance/bench/README.md,
// "What the interaction model costs").
func TestRuleSize(t *testing.T) {
	if got := unsafe.Sizeof(Rule{}); got > 64 {
		t.Errorf("unsafe.Sizeof(Rule{}) = %d; want at most 64", got)
	}
}

func TestRuleRareAttributes(t *testing.T) {
	gen := &Generator{Type: "Uuid"}
	tests := []struct {
		name string
		rule Rule
		want rareAttrs // what the accessors give
	}{
		{"none", Rule{Kind: Regex, Regex: "x"}, rareAttrs{}},
		{"name", Rule{Kind: Plugin}.WithName("p"), rareAttrs{name: "p"}},
		{"value", Rule{Kind: Include}.WithValue("v"), rareAttrs{value: "v"}},
		{"status", Rule{Kind: StatusCode}.WithStatus([]int{200}), rareAttrs{status: []int{200}}},
		{"variants", Rule{Kind: ArrayContains}.WithVariants([]Variant{{Index: 1}}), rareAttrs{variants: []Variant{{Index: 1}}}},
		{"rules", Rule{Kind: EachKey}.WithRules([]Rule{{Kind: Type}}), rareAttrs{rules: []Rule{{Kind: Type}}}},
		{"generator", Rule{Kind: EachValue}.WithGenerator(gen), rareAttrs{generator: gen}},
		{"attrs", Rule{Kind: Plugin}.WithAttrs(map[string]any{"a": 1}), rareAttrs{attrs: map[string]any{"a": 1}}},
		{"several", Rule{Kind: Plugin}.WithName("p").WithAttrs(map[string]any{}), rareAttrs{name: "p", attrs: map[string]any{}}},
		{"empty slice kept", Rule{Kind: ArrayContains}.WithVariants([]Variant{}), rareAttrs{variants: []Variant{}}},
	}
	for _, tt := range tests {
		r := tt.rule
		got := rareAttrs{r.Name(), r.Value(), r.Status(), r.Variants(), r.Rules(), r.Generator(), r.Attrs()}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: accessors give %+v; want %+v", tt.name, got, tt.want)
		}
	}
}

// TestRuleWithCopies checks that the With methods leave the rule they are
// called on, and every copy of it, unchanged.
func TestRuleWithCopies(t *testing.T) {
	orig := Rule{Kind: EachValue}.WithValue("a").WithRules([]Rule{{Kind: Type}})
	cp := orig
	changed := cp.WithValue("b").WithName("n")
	if orig.Value() != "a" || cp.Value() != "a" || orig.Name() != "" || cp.Name() != "" {
		t.Errorf("a With method changed the rule it was called on: %v %q, %v %q", orig.Value(), orig.Name(), cp.Value(), cp.Name())
	}
	if changed.Value() != "b" || changed.Name() != "n" || len(changed.Rules()) != 1 {
		t.Errorf("changed = %v %q %v; want b n [Type]", changed.Value(), changed.Name(), changed.Rules())
	}
	// Clearing every rare attribute gives a rule equal to one that never had any.
	cleared := Rule{Kind: Include}.WithValue("x").WithValue(nil)
	if !reflect.DeepEqual(cleared, Rule{Kind: Include}) {
		t.Errorf("cleared = %+v; want Rule{Kind: Include}", cleared)
	}
	// A clone shares nothing mutable with the original.
	st := Rule{Kind: StatusCode}.WithStatus([]int{200})
	c := st.Clone()
	c.Status().([]int)[0] = 500
	if st.Status().([]int)[0] != 200 {
		t.Errorf("Clone shares the status codes: %v", st.Status())
	}
}
