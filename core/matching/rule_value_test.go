package matching

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestRuleID(t *testing.T) {
	tests := []struct {
		kind model.RuleKind
		want uint16
	}{
		{model.Equality, 1}, {model.Regex, 2}, {model.Type, 3}, {model.MinType, 4}, {model.MaxType, 5},
		{model.MinMaxType, 6}, {model.Timestamp, 7}, {model.Time, 8}, {model.Date, 9}, {model.Include, 10},
		{model.Number, 11}, {model.Integer, 12}, {model.Decimal, 13}, {model.Null, 14}, {model.ContentType, 15},
		{model.ArrayContains, 16}, {model.Values, 17}, {model.Boolean, 18}, {model.StatusCode, 19},
		{model.NotEmpty, 20}, {model.Semver, 21}, {model.EachKey, 22}, {model.EachValue, 23}, {model.Plugin, 24},
		{model.RuleKind(255), 0}, {model.Plugin + 1, 0},
	}
	for _, tt := range tests {
		if got := RuleID(tt.kind); got != tt.want {
			t.Errorf("RuleID(%d) = %d; want %d", tt.kind, got, tt.want)
		}
	}
}

func TestRuleValue(t *testing.T) {
	tests := []struct {
		name string
		rule model.Rule
		want string
		ok   bool
	}{
		{"regex", model.Rule{Kind: model.Regex, Regex: `\d+`}, `\d+`, true},
		{"min", model.Rule{Kind: model.MinType, Min: 2}, "2", true},
		{"max", model.Rule{Kind: model.MaxType, Max: 5}, "5", true},
		{"min-max", model.Rule{Kind: model.MinMaxType, Min: 2, Max: 5}, "2:5", true},
		{"timestamp", model.Rule{Kind: model.Timestamp, Format: "yyyy-MM-dd'T'HH:mm"}, "yyyy-MM-dd'T'HH:mm", true},
		{"time", model.Rule{Kind: model.Time, Format: "HH:mm"}, "HH:mm", true},
		{"date without format", model.Rule{Kind: model.Date}, "", true},
		{"include string", model.Rule{Kind: model.Include}.WithValue("a<b"), "a<b", true},
		{"include number", model.Rule{Kind: model.Include}.WithValue(json.Number("1.50")), "1.5", true},
		{"content type", model.Rule{Kind: model.ContentType}.WithValue("image/png"), "image/png", true},
		{"plugin attributes, sorted, not HTML-escaped", model.Rule{Kind: model.Plugin}.WithName("x").WithAttrs(map[string]any{"z": "<&>", "a": json.Number("1")}), `{"a":1,"z":"<&>"}`, true},
		{"plugin without attributes", model.Rule{Kind: model.Plugin}.WithName("x"), "{}", true},
		{"equality", model.Rule{Kind: model.Equality}, "", false},
		{"type", model.Rule{Kind: model.Type}, "", false},
		{"integer", model.Rule{Kind: model.Integer}, "", false},
		{"each value", model.Rule{Kind: model.EachValue}, "", false},
	}
	for _, tt := range tests {
		got, ok := RuleValue(&tt.rule)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: RuleValue = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}
