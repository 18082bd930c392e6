package integration

import (
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestProcessJSONErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{`{"a":`, "invalid JSON"},
		{`{"a":1} x`, "unexpected data after the top-level value"},
		{`{"a":{"pact:matcher:type":"regex","value":"x"}}`, "$.a: regex matcher is missing the 'regex' attribute"},
		{`{"a":{"pact:matcher:type":"matching(type 'x')"}}`, "$.a: invalid matching rule definition"},
		{`{"a":{"pact:matcher:type":"arrayContains","value":[1]}}`, "$.a: arrayContains matcher is missing the 'variants' attribute"},
		{`{"a":{"pact:matcher:type":"arrayContains","variants":[{"b":{"pact:matcher:type":"regex"}}]}}`, "$.a: arrayContains variant 0: $.b: regex matcher"},
		{`{"a":{"pact:matcher:type":"eachValue(matching($'x'))","value":[]}}`, "refers to 'x', which is not an attribute"},
		{`{"a":{"pact:matcher:type":1,"value":1}}`, "'pact:matcher:type' must be a matcher name"},
		{`{"a":{"pact:matcher:type":[{"regex":"x"}]}}`, "matcher 0 of the 'pact:matcher:type' array has no 'pact:matcher:type'"},
		{`{"a":{"pact:matcher:type":""}}`, "matching rule type is empty"},
		{`[{"pact:matcher:type":"type","min":"x","value":[]}]`, "$[0]: "},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, _, _, err := ProcessJSON([]byte(tt.in))
			if err == nil {
				t.Fatalf("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestProcessJSONDuplicateKeys(t *testing.T) {
	ex, _, _, err := ProcessJSON([]byte(`{"a":1,"b":2,"a":{"pact:matcher:type":"type","value":3}}`))
	if err != nil || string(ex) != `{"a":3,"b":2}` {
		t.Errorf("got %s, %v; want {\"a\":3,\"b\":2}", ex, err)
	}
}

func TestProcessJSONScalars(t *testing.T) {
	for _, in := range []string{`"text"`, `12.50`, `true`, `null`} {
		ex, rules, gens, err := ProcessJSON([]byte(in))
		if err != nil || string(ex) != in || rules.Len() != 0 || len(gens) != 0 {
			t.Errorf("ProcessJSON(%s) = %s, %v, %v, %v", in, ex, rules, gens, err)
		}
	}
}

// TestProcessJSONKeepsOrder checks that keys come out in input order, however
// many there are (a Go map would shuffle them).
func TestProcessJSONKeepsOrder(t *testing.T) {
	var b strings.Builder
	b.WriteString("{")
	keys := []string{"z", "y", "x", "a", "m", "b", "q", "c", "p", "d"}
	for i, k := range keys {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`"` + k + `":{"pact:matcher:type":"type","value":{"k2":1,"k1":2}}`)
	}
	b.WriteString("}")
	ex, _, _, err := ProcessJSON([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"z":{"k2":1,"k1":2},"y":{"k2":1,"k1":2},"x":{"k2":1,"k1":2},"a":{"k2":1,"k1":2},"m":{"k2":1,"k1":2},"b":{"k2":1,"k1":2},"q":{"k2":1,"k1":2},"c":{"k2":1,"k1":2},"p":{"k2":1,"k1":2},"d":{"k2":1,"k1":2}}`
	if string(ex) != want {
		t.Errorf("got  %s\nwant %s", ex, want)
	}
}

func TestProcessValue(t *testing.T) {
	tests := []struct {
		in       string
		examples []string
		rules    []model.Rule
		gen      *model.Generator
	}{
		{"/path/to/100", []string{"/path/to/100"}, nil, nil},
		{"", []string{""}, nil, nil},
		{"matching", []string{"matching"}, nil, nil},
		{"notEmpty please", []string{"notEmpty please"}, nil, nil},
		{`"quoted"`, []string{`"quoted"`}, nil, nil},
		{`{"a":1}`, []string{`{"a":1}`}, nil, nil},
		{`{"value": "/path/to/100", "pact:matcher:type": "regex", "regex": "\\/path\\/to\\/\\d+"}`,
			[]string{"/path/to/100"}, []model.Rule{{Kind: model.Regex, Regex: `\/path\/to\/\d+`}}, nil},
		{`{"value": "100", "pact:matcher:type": "regex", "regex": "\\d+"}`,
			[]string{"100"}, []model.Rule{{Kind: model.Regex, Regex: `\d+`}}, nil},
		{`{"value": ["1"], "pact:matcher:type": "type", "min": 1}`,
			[]string{"1"}, []model.Rule{{Kind: model.MinType, Min: 1}}, nil},
		{`{"value": ["2","3"]}`, []string{"2", "3"}, nil, nil},
		{`{"value": 200}`, []string{"200"}, nil, nil},
		{`{"value": null, "pact:matcher:type": "type"}`, []string{""}, []model.Rule{{Kind: model.Type}}, nil},
		{`{"pact:generator:type":"RandomInt","min":100,"max":399,"pact:matcher:type":"statusCode","status":"nonError"}`,
			[]string{""}, []model.Rule{model.Rule{Kind: model.StatusCode}.WithStatus("nonError")},
			gen("RandomInt", "min", 100.0, "max", 399.0)},
		{`{"expression":"${seToken}","pact:generator:type":"ProviderState","pact:matcher:type":"type","value":"ABC123"}`,
			[]string{"ABC123"}, []model.Rule{{Kind: model.Type}}, gen("ProviderState", "expression", "${seToken}")},
		{`{"expression": "${accountNumber}", "value": "100"}`,
			[]string{"100"}, nil, gen("ProviderState", "expression", "${accountNumber}")},
		{`matching(regex, '\d+', '100')`, []string{"100"}, []model.Rule{{Kind: model.Regex, Regex: `\d+`}}, nil},
		{`matching(integer, fromProviderState('${id}', 7))`, []string{"7"}, []model.Rule{{Kind: model.Integer}},
			gen("ProviderState", "expression", "${id}", "dataType", "INTEGER")},
		{`{"pact:matcher:type": "matching(regex, '\\d+', '42')"}`, []string{"42"}, []model.Rule{{Kind: model.Regex, Regex: `\d+`}}, nil},
		{`{"pact:matcher:type": [{"pact:matcher:type":"regex","regex":"a+"},{"pact:matcher:type":"include","value":"a"}], "value":"aa"}`,
			[]string{"aa"}, []model.Rule{{Kind: model.Regex, Regex: "a+"}, model.Rule{Kind: model.Include}.WithValue("a")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			exs, rules, g, err := ProcessValues(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(exs, tt.examples) {
				t.Errorf("examples %q, want %q", exs, tt.examples)
			}
			if !reflect.DeepEqual(rules, tt.rules) {
				t.Errorf("rules %+v, want %+v", rules, tt.rules)
			}
			if !reflect.DeepEqual(g, tt.gen) {
				t.Errorf("generator %+v, want %+v", g, tt.gen)
			}
			ex, _, _, err := ProcessValue(tt.in)
			if err != nil || ex != tt.examples[0] {
				t.Errorf("ProcessValue = %q, %v; want %q", ex, err, tt.examples[0])
			}
		})
	}
}

func TestProcessValueErrors(t *testing.T) {
	for in, want := range map[string]string{
		`{"value": "x", "pact:matcher:type": "regex"}`:                        "regex matcher is missing",
		`matching(regex, '\d+')`:                                              "expected a comma",
		`{"value": [{"pact:matcher:type":"type","value":"1"}]}`:               "value 0 of the array is an object",
		`{"value": {"a": 1}, "pact:matcher:type": "type"}`:                    "'value' is an object",
		`{"value": "1", "pact:matcher:type": "eachValue(matching($'nope'))"}`: "refers to 'nope'",
	} {
		_, _, _, err := ProcessValue(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ProcessValue(%s) error = %v, want %q", in, err, want)
		}
	}
}
