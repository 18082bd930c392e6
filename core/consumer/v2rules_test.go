package consumer

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestParseRulesJSONV2Keys: V2 keys in with_matching_rules JSON are read by
// model.ParseV2RuleKey, as the pact-file reader reads them.
func TestParseRulesJSONV2Keys(t *testing.T) {
	tests := []struct {
		key  string
		cat  model.Category
		path string
	}{
		{"$.body.a", model.CategoryBody, "$.a"},
		{"$.query.rate[0]", model.CategoryQuery, "rate"},
		{"$.headers['X Y'][1]", model.CategoryHeader, "X Y"},
		{"$.header.X-Other", model.CategoryHeader, "X-Other"},
		{"$.path", model.CategoryPath, ""},
	}
	for _, tt := range tests {
		rules, err := parseRulesJSON(`{"` + tt.key + `": {"match": "type"}}`)
		if err != nil {
			t.Errorf("%s: %v", tt.key, err)
			continue
		}
		if l := rules.Get(tt.cat, tt.path); l == nil || len(l.Rules) != 1 || l.Rules[0].Kind != model.Type {
			t.Errorf("%s: rules %v; want a type rule at %s %q", tt.key, rules, tt.cat, tt.path)
		}
	}
	if _, err := parseRulesJSON(`{"$.nothing": {"match": "type"}}`); err == nil {
		t.Errorf("$.nothing: no error")
	}
}
