package matching

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// These cases are the reference's own json.rs tests (pact_matching), kept to
// show the engine agrees with it, including where its comments call the
// reference's result questionable.

func matchesJSON(t *testing.T, expected, actual string, rules model.MatchingRules, allowUnexpected bool) bool {
	t.Helper()
	h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	return len(MatchBody(model.PresentBody([]byte(expected), ""), model.PresentBody([]byte(actual), ""), h, h, rules, allowUnexpected)) == 0
}

func TestParityValuesMatcherOnMaps(t *testing.T) {
	rules := rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.Values})
	expected := `{"a": "a", "b": "bb", "c": "ccc"}`
	tests := []struct {
		allow  bool
		actual string
		ok     bool
	}{
		{false, `{"a": "a", "b": "bb", "c": "ccc"}`, true},
		{false, `{"b": "bb", "c": "ccc"}`, true},
		{false, `{"a": "a", "b": "bb"}`, true},
		{false, `{"a": "a", "b": "bb", "c": "ccc", "d": "a"}`, true},
		{false, `{"a": "a", "b": "bb", "c": "ccc", "d": "bb"}`, false},
		{false, `{"d": "dddd", "a": "a", "b": "bb", "c": "ccc"}`, false},
		{false, `{"a": "a", "b": "bb", "c": "ccc", "d": "dddd"}`, false},
		{false, `{"a": "a", "b": "b", "c": "cc"}`, false},
		{false, `{"a": "bb", "b": "ccc", "c": "a"}`, false},
		{true, `{"a": "a", "bb": "bb", "ccc": "ccc"}`, false},
		{true, `{"b": "bb", "c": "ccc"}`, true},
		{true, `{"a": "a", "b": "bb"}`, true},
		{true, `{"a": "a", "b": "bb", "c": "ccc", "d": "a"}`, true},
		{true, `{"a": "a", "b": "bb", "c": "ccc", "d": "bb"}`, false},
		{true, `{"a": "a", "b": "b", "c":  "cc"}`, false},
	}
	for _, tt := range tests {
		if got := matchesJSON(t, expected, tt.actual, rules, tt.allow); got != tt.ok {
			t.Errorf("allow=%v %s: matched=%v, want %v", tt.allow, tt.actual, got, tt.ok)
		}
	}
}

func TestParityValuesMatcherOnLists(t *testing.T) {
	rules := rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.Values})
	expected := `["a", "bb", "ccc"]`
	tests := []struct {
		actual string
		ok     bool
	}{
		{`["a", "bb", "ccc"]`, true},
		{`["bb", "ccc"]`, false},
		{`["a", "bb"]`, true},
		{`["a", "bb", "ccc", "a", "a", "a"]`, true},
		{`["a", "bb", "ccc", "bb", "ccc"]`, false},
		{`["dddd", "a", "bb", "ccc"]`, false},
		{`["a", "bb", "ccc", "dddd"]`, false},
		{`["ccc", "bb", "a"]`, false},
	}
	for _, tt := range tests {
		for _, allow := range []bool{false, true} {
			if got := matchesJSON(t, expected, tt.actual, rules, allow); got != tt.ok {
				t.Errorf("allow=%v %s: matched=%v, want %v", allow, tt.actual, got, tt.ok)
			}
		}
	}
}

func TestParityWildcardValuesMatchers(t *testing.T) {
	expected := `{"articles": [{"variants": {"001": {"bundles": {"001-A": {"description": "someDescription",
		"referencedArticles": [{"bundleId": "someId"}]}}}}}]}`
	actual := `{"articles": [{"variants": {"002": {"bundles": {"002-A": {"description": "someDescription",
		"referencedArticles": [{"bundleId": "someId"}]}}}}}]}`
	rules := rulesOf(model.CategoryBody,
		"$.articles[*].variants", model.Rule{Kind: model.Values},
		"$.articles[*].variants.*.bundles", model.Rule{Kind: model.Values},
		"$.articles[*].variants.*.bundles.*.referencedArticles[*]", model.Rule{Kind: model.Type})
	if !matchesJSON(t, expected, actual, rules, true) {
		t.Error("wildcard values matchers: no match")
	}
}

func TestParityEachValueOnMaps(t *testing.T) {
	rules := rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.EachValue}.WithRules([]model.Rule{{Kind: model.Regex, Regex: `\w+\d+`}}))
	if !matchesJSON(t, `{"id1": "book1"}`, `{"id1001": "book1100", "id2": "book2"}`, rules, true) {
		t.Error("eachValue: no match")
	}
	if matchesJSON(t, `{"id1": "book1"}`, `{"id1001": "book1100", "id2": 1}`, rules, true) {
		t.Error("eachValue: an integer value matched")
	}
}

func TestParityEmptyExpectedMap(t *testing.T) {
	if !matchesJSON(t, `{}`, `{"foo": "bar"}`, nil, true) {
		t.Error("responses: an empty expected map should allow keys")
	}
	if matchesJSON(t, `{}`, `{"foo": "bar"}`, nil, false) {
		t.Error("requests: an empty expected map should not allow keys")
	}
}

func TestParityArrayContainsAndEachValueOnLists(t *testing.T) {
	contains := rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.ArrayContains})
	if !matchesJSON(t, `[1, 2, 3]`, `[10, 22, 6, 1, 5, 3, 2]`, contains, true) {
		t.Error("arrayContains: no match")
	}
	if matchesJSON(t, `[1, 2, 3]`, `[10, 22, 6, 1, 5, 3, 2]`, nil, true) {
		t.Error("without arrayContains: match")
	}
	h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	mm := MatchBody(model.PresentBody([]byte(`[1, 2, 3]`), ""), model.PresentBody([]byte(`[10, 22, 6, 1, 5, 2]`), ""), h, h, contains, true)
	if len(mm) != 1 || mm[0].Path != "$" || mm[0].Expected != "3" || mm[0].Actual != `["10","22","6","1","5","2"]` ||
		mm[0].Description != "Variant at index 2 (3) was not found in the actual list" {
		t.Errorf("arrayContains mismatch: %#v", mm)
	}
	each := rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.EachValue}.WithRules([]model.Rule{{Kind: model.Integer}}))
	if !matchesJSON(t, `[1, 2]`, `[3, 4, 567]`, each, true) {
		t.Error("eachValue integer: no match")
	}
	mm = MatchBody(model.PresentBody([]byte(`[1, 2]`), ""), model.PresentBody([]byte(`[3, "abc123", "test"]`), ""), h, h, each, true)
	if len(mm) != 2 || mm[0].Path != "$[1]" || mm[0].Expected != "2" || mm[0].Actual != `"abc123"` ||
		mm[1].Path != "$[2]" || mm[1].Expected != "1" || mm[1].Actual != `"test"` {
		t.Errorf("eachValue mismatches: %#v", mm)
	}
}

// These follow the reference's headers.rs tests.
func TestParityHeaderListRules(t *testing.T) {
	rule := func(name string, r model.Rule) *ruleSet {
		return newRuleSet(rulesOf(model.CategoryHeader, name, r), model.CategoryHeader)
	}
	each := model.Rule{Kind: model.EachValue}.WithRules([]model.Rule{{Kind: model.Regex, Regex: `\d+`}})
	tests := []struct {
		name             string
		rules            *ruleSet
		expected, actual model.Headers
		want             []Mismatch
	}{
		{"min type", rule("id", model.Rule{Kind: model.MinType, Min: 2}),
			model.Headers{{Name: "id", Values: []string{"1", "2"}}}, model.Headers{{Name: "id", Values: []string{"1", "2", "3", "4"}}}, nil},
		{"min type fails", rule("id", model.Rule{Kind: model.MinType, Min: 2}),
			model.Headers{{Name: "id", Values: []string{"1", "2", "3", "4"}}}, model.Headers{{Name: "id", Values: []string{"1"}}},
			[]Mismatch{{Type: "HeaderMismatch", Path: "$.id", Expected: `["1","2","3","4"]`, Actual: `["1"]`,
				Description: "Expected [1] (size 1) to have minimum size of 2"}}},
		{"values in order", rule("X-IMPROVED", model.Rule{Kind: model.Values}),
			model.Headers{{Name: "X-IMPROVED", Values: []string{"like", "regex"}}}, model.Headers{{Name: "X-IMPROVED", Values: []string{"like", "regex"}}}, nil},
		{"values out of order", rule("X-IMPROVED", model.Rule{Kind: model.Values}),
			model.Headers{{Name: "X-IMPROVED", Values: []string{"like", "regex"}}}, model.Headers{{Name: "X-IMPROVED", Values: []string{"regex", "like"}}},
			[]Mismatch{
				{Type: "HeaderMismatch", Path: "X-IMPROVED", Expected: "like", Actual: "regex",
					Description: "Mismatch with header 'X-IMPROVED': Expected 'regex' to be equal to 'like' for value at index 0"},
				{Type: "HeaderMismatch", Path: "X-IMPROVED", Expected: "regex", Actual: "like",
					Description: "Mismatch with header 'X-IMPROVED': Expected 'like' to be equal to 'regex' for value at index 0"}}},
		{"arrayContains", rule("X-Id", model.Rule{Kind: model.ArrayContains}),
			model.Headers{{Name: "X-Id", Values: []string{"1", "3"}}}, model.Headers{{Name: "X-Id", Values: []string{"1", "2", "3", "4"}}}, nil},
		{"arrayContains fails", rule("X-Id", model.Rule{Kind: model.ArrayContains}),
			model.Headers{{Name: "X-Id", Values: []string{"1", "3"}}}, model.Headers{{Name: "X-Id", Values: []string{"2", "3", "4"}}},
			[]Mismatch{{Type: "HeaderMismatch", Path: "$['x-id']", Expected: "1", Actual: `["2","3","4"]`,
				Description: "Variant at index 0 (1) was not found in the actual list"}}},
		{"eachValue", rule("X-Id", each), model.Headers{{Name: "X-Id", Values: []string{"1", "2"}}}, model.Headers{{Name: "X-Id", Values: []string{"3", "4", "567"}}}, nil},
		{"eachValue fails", rule("X-Id", each), model.Headers{{Name: "X-Id", Values: []string{"1", "2"}}}, model.Headers{{Name: "X-Id", Values: []string{"3", "abc123", "test"}}},
			[]Mismatch{
				{Type: "HeaderMismatch", Path: "X-Id", Expected: "2", Actual: "abc123",
					Description: `Mismatch with header 'X-Id': Expected 'abc123' to match '\d+' for value at index 0`},
				{Type: "HeaderMismatch", Path: "X-Id", Expected: "1", Actual: "test",
					Description: `Mismatch with header 'X-Id': Expected 'test' to match '\d+' for value at index 0`}}},
		{"different lengths", nil, model.Headers{{Name: "c", Values: []string{"d", "e"}}}, model.Headers{{Name: "c", Values: []string{"e"}}},
			[]Mismatch{
				{Type: "HeaderMismatch", Path: "c", Expected: "d", Actual: "e",
					Description: "Mismatch with header 'c': Expected 'e' to be equal to 'd' for value at index 0"},
				{Type: "HeaderMismatch", Path: "c", Expected: "e", Actual: "",
					Description: "Mismatch with header 'c': Expected value 'e' at index 1 but was missing (actual has 1 value(s))"}}},
		{"not well formed", nil, model.Headers{{Name: "content-type", Values: []string{"application/json"}}}, model.Headers{{Name: "content-type", Values: []string{"application/json;"}}}, nil},
		{"indexed header rule", newRuleSet(rulesOf(model.CategoryHeader, "HEADER[0]", model.Rule{Kind: model.Regex, Regex: `\w+`}), model.CategoryHeader),
			model.Headers{{Name: "HEADER", Values: []string{"HEADERX"}}}, model.Headers{{Name: "HEADER", Values: []string{"HEADERY"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchHeaders(tt.expected, tt.actual, tt.rules)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d mismatches %v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i].Type != tt.want[i].Type || got[i].Path != tt.want[i].Path || got[i].Expected != tt.want[i].Expected ||
					got[i].Actual != tt.want[i].Actual || got[i].Description != tt.want[i].Description {
					t.Errorf("mismatch %d:\n got  %#v\n want %#v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// These follow the reference's xml.rs tests.
func TestParityXML(t *testing.T) {
	match := func(expected, actual string, rules model.MatchingRules, allow bool) []Mismatch {
		h := model.Headers{{Name: "Content-Type", Values: []string{"application/xml"}}}
		return MatchBody(model.PresentBody([]byte(expected), ""), model.PresentBody([]byte(actual), ""), h, h, rules, allow)
	}
	same := [][2]string{
		{`<blah xmlns="urn:ns"/>`, `<blah xmlns="urn:ns"/>`},
		{`<b:blah xmlns:b="urn:ns"/>`, `<blah xmlns="urn:ns"/>`},
		{`<blah xmlns="urn:ns"/>`, `<a:blah xmlns:a="urn:ns"/>`},
		{`<b:foo xmlns:b="urn:ns"><b:item/></b:foo>`, `<a:foo xmlns:a="urn:ns"><a2:item xmlns:a2="urn:ns"/></a:foo>`},
		{`<foo xmlns:a="urn:ns" a:something="100"/>`, `<foo xmlns:b="urn:ns" b:something="100"/>`},
	}
	for _, c := range same {
		if mm := match(c[0], c[1], nil, false); len(mm) != 0 {
			t.Errorf("%s vs %s: %v", c[0], c[1], mm)
		}
	}
	tests := []struct {
		name             string
		expected, actual string
		rules            model.MatchingRules
		allow            bool
		want             []Mismatch
	}{
		{"different namespaces", `<blah xmlns="urn:other"/>`, `<blah xmlns="urn:ns"/>`, nil, false,
			[]Mismatch{{Path: "$['urn:other:blah']", Expected: "urn:other:blah", Actual: "urn:ns:blah", Description: "Expected 'urn:other:blah' to be equal to 'urn:ns:blah'"}}},
		{"expected namespace not used", `<blah xmlns="urn:other"/>`, `<blah/>`, nil, false,
			[]Mismatch{{Path: "$['urn:other:blah']", Expected: "urn:other:blah", Actual: "blah", Description: "Expected 'urn:other:blah' to be equal to 'blah'"}}},
		{"unexpected namespace", `<blah/>`, `<blah xmlns="urn:ns"/>`, nil, true,
			[]Mismatch{{Path: "$.blah", Expected: "blah", Actual: "urn:ns:blah", Description: "Expected 'blah' to be equal to 'urn:ns:blah'"}}},
		{"attribute namespace differs", `<foo xmlns:ns="urn:b" ns:something="100"/>`, `<foo xmlns:ns="urn:a" ns:something="100"/>`, nil, true,
			[]Mismatch{{Path: "$.foo['@urn:b:something']", Expected: "urn:b:something", Actual: nil, Description: "Expected attribute 'urn:b:something'='100' but was missing"}}},
		{"namespaced attribute rule", `<foo xmlns:b="urn:ns" b:something="101"/>`, `<foo xmlns:a="urn:ns" a:something="100"/>`,
			rulesOf(model.CategoryBody, "$.foo['@urn:ns:something']", model.Rule{Kind: model.Regex, Regex: "^[0-9]+$"}), false, nil},
		{"namespaced text rule", `<ns:foo xmlns:ns="urn:ns"><ns:something>101</ns:something></ns:foo>`,
			`<ns:foo xmlns:ns="urn:ns"><ns:something>100</ns:something></ns:foo>`,
			rulesOf(model.CategoryBody, "$['urn:ns:foo']['urn:ns:something']['#text']", model.Rule{Kind: model.Regex, Regex: "^[0-9]+$"}), false, nil},
		{"type rule on mixed children", `<animals><dog id="1" name="Canine"/><cat id="2" name="Feline"/><wolf id="3" name="Canine"/></animals>`,
			`<animals><dog id="1" name="Canine"/><cat id="2" name="Feline"/><dog id="1" name="Canine"/><cat id="2" name="Feline"/><cat id="2" name="Feline"/><wolf id="3" name="Canine"/></animals>`,
			rulesOf(model.CategoryBody, "$.animals.*", model.Rule{Kind: model.Type}, "$.animals.*['@id']", model.Rule{Kind: model.Integer}), false, nil},
		{"extra children allowed in responses", `<animals><dog/><cat/></animals>`, `<animals><dog/><dog/><cat/><cat/></animals>`, nil, true, nil},
		{"extra children in requests", `<animals><dog/><cat/></animals>`, `<animals><dog/><dog/><cat/></animals>`, nil, false,
			[]Mismatch{{Path: "$.animals.dog", Expected: "dog", Actual: "dog, dog, cat", Description: "Unexpected child <dog/>"}}},
		{"boolean attributes", `<foo something="true" somethingElse="true"/>`, `<foo something="false" somethingElse="101"/>`,
			rulesOf(model.CategoryBody, "$.foo['@something']", model.Rule{Kind: model.Boolean}, "$.foo['@somethingElse']", model.Rule{Kind: model.Boolean}), false,
			[]Mismatch{{Path: "$.foo['@somethingElse']", Expected: "true", Actual: "101", Description: "Expected 101 to match a boolean"}}},
		{"whitespace only differences", "<a>\n  <b>x</b>\n</a>", "<a><b>x</b></a>", nil, false, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := match(tt.expected, tt.actual, tt.rules, tt.allow)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %d mismatches", got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Path != w.Path || g.Expected != w.Expected || g.Actual != w.Actual || g.Description != w.Description {
					t.Errorf("got %#v\nwant %#v", g, w)
				}
			}
		})
	}
}
