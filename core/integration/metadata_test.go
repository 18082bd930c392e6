package integration

import (
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestProcessMetadataValue(t *testing.T) {
	tests := []struct {
		key, in, example string
		rules            map[string][]model.Rule
		gens             map[string]string // path → generator type
	}{
		{"ID", `{"pact:matcher:type":"integer","value":42,"pact:generator:type":"RandomInt"}`, `42`,
			map[string][]model.Rule{"ID": {{Kind: model.Integer}}}, map[string]string{"ID": "RandomInt"}},
		{"contentType", "application/json", `"application/json"`, nil, nil},
		{"n", "12", `12`, nil, nil},
		{"obj", `{"a":{"pact:matcher:type":"type","value":"x"},"b":[1]}`, `{"a":"x","b":[1]}`,
			map[string][]model.Rule{"obj.a": {{Kind: model.Type}}}, nil},
		{"list", `{"pact:matcher:type":"type","min":1,"value":[{"x":{"pact:matcher:type":"number","value":1}}]}`, `[{"x":1}]`,
			map[string][]model.Rule{"list": {{Kind: model.MinType, Min: 1}}, "list[*].x": {{Kind: model.Number}}}, nil},
		{"when", "matching(date, 'yyyy-MM-dd', '2000-01-01')", `"2000-01-01"`,
			map[string][]model.Rule{"when": {{Kind: model.Date, Format: "yyyy-MM-dd"}}}, map[string]string{"when": "Date"}},
		{"count", "matching(integer, 42)", `42`, map[string][]model.Rule{"count": {{Kind: model.Integer}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			ex, rules, gens, err := ProcessMetadataValue(tt.key, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(ex) != tt.example {
				t.Errorf("example %s, want %s", ex, tt.example)
			}
			got := map[string][]model.Rule{}
			for p, l := range rules.All() {
				got[p] = l.Rules
			}
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tt.rules) {
				t.Errorf("rules %+v, want %+v", got, tt.rules)
			}
			gotGens := map[string]string{}
			for p, g := range gens {
				gotGens[p] = g.Type
			}
			if len(gotGens) == 0 {
				gotGens = nil
			}
			if !reflect.DeepEqual(gotGens, tt.gens) {
				t.Errorf("generators %v, want %v", gotGens, tt.gens)
			}
		})
	}
	if _, _, _, err := ProcessMetadataValue("k", "matching(type"); err == nil {
		t.Error("no error for a malformed expression")
	}
}
