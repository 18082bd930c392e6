package matching

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestRuleMismatchValues checks the expected and actual values of a failed
// list- or map-level rule in a JSON body: as in the reference
// (DisplayForMismatch), each item of a list and each value of a map is
// written as the string of its JSON text, the map's keys sorted. Failed
// item-level rules keep the plain JSON text.
func TestRuleMismatchValues(t *testing.T) {
	tests := []struct {
		name             string
		expected, actual string
		rules            model.MatchingRules
		want             Mismatch
	}{
		{"list below min (pact-js eachLike)", `{"tags":["a"]}`, `{"tags":[]}`,
			rulesOf(model.CategoryBody, "$.tags", model.Rule{Kind: model.MinType, Min: 1}),
			Mismatch{Path: "$.tags", Expected: `["\"a\""]`, Actual: `[]`,
				Description: "Expected [] (size 0) to have minimum size of 1"}},
		{"list above max", `{"n":[1,{"x":true}]}`, `{"n":[1,2,3]}`,
			rulesOf(model.CategoryBody, "$.n", model.Rule{Kind: model.MaxType, Max: 2}),
			Mismatch{Path: "$.n", Expected: `["1","{\"x\":true}"]`, Actual: `["1","2","3"]`,
				Description: "Expected [1, 2, 3] (size 3) to have maximum size of 2"}},
		{"map not equal", `{"m":{"b":[1],"a":"x"}}`, `{"m":{"a":"y","b":[1]}}`,
			rulesOf(model.CategoryBody, "$.m", model.Rule{Kind: model.Equality}),
			Mismatch{Path: "$.m", Expected: `{"a":"\"x\"","b":"[1]"}`, Actual: `{"a":"\"y\"","b":"[1]"}`,
				Description: `Expected {"a": String("y"), "b": Array [Number(1)]} to be equal to {"a": String("x"), "b": Array [Number(1)]}`}},
		{"item rule keeps plain JSON", `{"id":42}`, `{"id":"x"}`,
			rulesOf(model.CategoryBody, "$.id", model.Rule{Kind: model.Integer}),
			Mismatch{Path: "$.id", Expected: `42`, Actual: `"x"`, Description: "Expected 'x' (String) to be an integer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchJSONBodies([]byte(tt.expected), []byte(tt.actual), newRuleSet(tt.rules, model.CategoryBody), true)
			var found *Mismatch
			for i := range got {
				if got[i].Path == tt.want.Path && got[i].Description == tt.want.Description {
					found = &got[i]
				}
			}
			if found == nil {
				t.Fatalf("no mismatch %q at %s in %+v", tt.want.Description, tt.want.Path, got)
			}
			if found.Expected != tt.want.Expected || found.Actual != tt.want.Actual {
				t.Errorf("expected/actual = %v / %v, want %v / %v", found.Expected, found.Actual, tt.want.Expected, tt.want.Actual)
			}
		})
	}
}

// TestRustDebugMap checks the Debug wording of maps in map-level rule
// failures (pact_matching formats BTreeMap<String, Value> with {:?}; seen
// side by side with pact-js: `Expected {"a": Number(2)} to be equal to
// {"a": Number(1)}`).
func TestRustDebugMap(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"a":2}`, `{"a": Number(2)}`},
		{`{"b":[1,"x",true,null,1.50,{"c":{}}],"a":"q\"\n"}`, `{"a": String("q\"\n"), "b": Array [Number(1), String("x"), Bool(true), Null, Number(1.5), Object {"c": Object {}}]}`},
		{`{}`, `{}`},
		{`{"e":[]}`, `{"e": Array []}`},
	}
	for _, tt := range tests {
		ar := getArena()
		v, err := parseJSONIn(ar, []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		o, ok := v.(*jsonObject)
		if !ok {
			t.Fatalf("%s: not an object", tt.in)
		}
		if got := rustDebugMap(o); got != tt.want {
			t.Errorf("rustDebugMap(%s) = %s, want %s", tt.in, got, tt.want)
		}
		ar.release()
	}
}
