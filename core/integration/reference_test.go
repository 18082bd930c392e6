package integration

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestProcessJSONReferenceCases runs the bodies of pact_ffi's own tests
// (mock_server/bodies.rs and handles.rs) and compares with the example and
// rules pact_ffi expects. Rules are compared as pact-file JSON.
func TestProcessJSONReferenceCases(t *testing.T) {
	tests := []struct {
		name, in, example string
		rules             map[string][]string
		gens              map[string]string
	}{
		{"normal json", `{"a":"b","c":[100,200,300]}`, `{"a":"b","c":[100,200,300]}`, nil, nil},
		{"matching rule",
			`{"a":{"pact:matcher:type":"regex","regex":"\\w+","value":"b"},"c":[100,200,{"pact:matcher:type":"integer","pact:generator:type":"RandomInt","value":300}]}`,
			`{"a":"b","c":[100,200,300]}`,
			map[string][]string{"$.a": {`{"match":"regex","regex":"\\w+"}`}, "$.c[2]": {`{"match":"integer"}`}},
			map[string]string{"$.c[2]": `{"max":10,"min":0,"type":"RandomInt"}`}},
		{"primitive value", `{"pact:matcher:type":"regex","regex":"\\w+","value":"b"}`, `"b"`,
			map[string][]string{"$": {`{"match":"regex","regex":"\\w+"}`}}, nil},
		{"issue 179: nested property with a parent's name",
			`{"result":{"pact:matcher:type":"type","value":{"details":{"pact:matcher:type":"type","value":[{"type":{"pact:matcher:type":"regex","value":"Information","regex":"(None|Information|Warning|Error)"}}],"min":1},"findings":{"pact:matcher:type":"type","value":[{"details":{"pact:matcher:type":"type","value":[{"type":{"pact:matcher:type":"regex","value":"Information","regex":"(None|Information|Warning|Error)"}}],"min":1},"type":{"pact:matcher:type":"regex","value":"Unspecified","regex":"(None|Unspecified)"}}],"min":1}}}}`,
			`{"result":{"details":[{"type":"Information"}],"findings":[{"details":[{"type":"Information"}],"type":"Unspecified"}]}}`,
			map[string][]string{
				"$.result":                             {`{"match":"type"}`},
				"$.result.details":                     {`{"match":"type","min":1}`},
				"$.result.details[*].type":             {`{"match":"regex","regex":"(None|Information|Warning|Error)"}`},
				"$.result.findings":                    {`{"match":"type","min":1}`},
				"$.result.findings[*].details":         {`{"match":"type","min":1}`},
				"$.result.findings[*].details[*].type": {`{"match":"regex","regex":"(None|Information|Warning|Error)"}`},
				"$.result.findings[*].type":            {`{"match":"regex","regex":"(None|Unspecified)"}`},
			}, nil},
		{"issue 179: type matchers and a decimal matcher",
			`{"pact:matcher:type":"type","value":{"name":{"pact:matcher:type":"type","value":"APL"},"price":{"pact:matcher:type":"decimal","value":1.23}}}`,
			`{"name":"APL","price":1.23}`,
			map[string][]string{"$": {`{"match":"type"}`}, "$.name": {`{"match":"type"}`}, "$.price": {`{"match":"decimal"}`}}, nil},
		{"issue 299: each-value on an object",
			`{"pact:matcher:type":"each-value","value":{"price":1.23},"rules":[{"pact:matcher:type":"decimal"}]}`,
			`{"price":1.23}`,
			map[string][]string{"$": {`{"match":"eachValue","rules":[{"match":"decimal"}],"value":"{\"price\":1.23}"}`}}, nil},
		{"issue 299: each-key on an object",
			`{"pact:matcher:type":"each-key","value":{"123":"cool book"},"rules":[{"pact:matcher:type":"regex","regex":"\\d+"}]}`,
			`{"123":"cool book"}`,
			map[string][]string{"$": {`{"match":"eachKey","rules":[{"match":"regex","regex":"\\d+"}],"value":"{\"123\":\"cool book\"}"}`}}, nil},
		{"nested values matchers",
			`{"pact:matcher:type":"values","value":{"some-string":{"pact:matcher:type":"values","value":{"some-string":{"pact:matcher:type":"values","value":{"some-string":{"pact:matcher:type":"type","value":"some string"}}}}}}}`,
			`{"some-string":{"some-string":{"some-string":"some string"}}}`,
			map[string][]string{"$": {`{"match":"values"}`}, "$.*": {`{"match":"values"}`}, "$.*.*": {`{"match":"values"}`}, "$.*.*.*": {`{"match":"type"}`}}, nil},
		{"plugin rule drops the example",
			`{"a":{"pact:matcher:type":"Other","value":"x","extra":1}}`, `{"a":"x"}`,
			map[string][]string{"$.a": {`{"extra":1,"match":"Other"}`}}, nil},
		{"arrayContains with plain variants",
			`{"pact:matcher:type":"array-contains","variants":["Thing1","Thing2"]}`, `["Thing1","Thing2"]`,
			map[string][]string{"$": {`{"match":"arrayContains","variants":[{"index":0,"rules":{}},{"index":1,"rules":{}}]}`}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex, rules, gens, err := ProcessJSON([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(ex) != tt.example {
				t.Errorf("example %s, want %s", ex, tt.example)
			}
			got := map[string][]string{}
			for p, l := range rules.All() {
				for _, r := range l.Rules {
					b, _ := json.Marshal(r.ToJSON())
					got[p] = append(got[p], string(b))
				}
			}
			want := tt.rules
			if want == nil {
				want = map[string][]string{}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("rules\ngot  %v\nwant %v", got, want)
			}
			gotGens := map[string]string{}
			for p, g := range gens {
				b, _ := json.Marshal(g.ToJSON())
				gotGens[p] = string(b)
			}
			wantGens := tt.gens
			if wantGens == nil {
				wantGens = map[string]string{}
			}
			if !reflect.DeepEqual(gotGens, wantGens) {
				t.Errorf("generators\ngot  %v\nwant %v", gotGens, wantGens)
			}
		})
	}
}
