package integration

import (
	"fmt"

	"github.com/libpact/libpact/core/model"
)

// ParseDefinitionOrValue is what pactffi_parse_matcher_definition does with
// its argument: an expression (IsDefinition) is parsed with ParseDefinition;
// any other non-empty string is a plain example value, a Definition of type
// String with no rules; the empty string is an error.
//
//	d, _ := integration.ParseDefinitionOrValue("hello") // d.Value = "hello", no rules
func ParseDefinitionOrValue(s string) (*Definition, error) {
	if s == "" {
		return nil, fmt.Errorf("Expected a matching rule definition, but got an empty string")
	}
	if IsDefinition(s) {
		return ParseDefinition(s)
	}
	return &Definition{Value: s, ValueType: ValueString, Expression: s}, nil
}

// ToJSON returns the definition as JSON for FFI callers:
//
//	{"value": "100", "valueType": "Integer",
//	 "rules": [{"match": "integer"}],              // pact-file rule JSON, AND
//	 "generator": {"type": "ProviderState", ...},  // when there is one
//	 "references": ["person"],                     // when there are any
//	 "expression": "matching(integer, 100)"}
//
// valueType is one of Unknown, String, Number, Integer, Decimal, Boolean and
// Null. A reference written at the top level is not in "rules" (it names a
// key, not a rule); one inside eachKey, eachValue or arrayContains is a type
// rule there.
func (d *Definition) ToJSON() map[string]any {
	rules := make([]any, 0, len(d.Rules))
	for _, r := range d.Rules {
		rules = append(rules, r.ToJSON())
	}
	m := map[string]any{
		"value":      d.Value,
		"valueType":  d.ValueType.String(),
		"rules":      rules,
		"expression": d.Expression,
	}
	if d.ValueType == ValueNull {
		m["value"] = nil
	}
	if d.Generator != nil {
		m["generator"] = d.Generator.ToJSON()
	}
	if len(d.References) > 0 {
		refs := make([]any, len(d.References))
		for i, r := range d.References {
			refs[i] = r
		}
		m["references"] = refs
	}
	return m
}

// RuleList returns the rules of the definition as a rule list (AND), with a
// Type rule standing in for each reference written at the top level, as
// pact_ffi does once it has found the referenced key.
func (d *Definition) RuleList() *model.RuleList {
	return &model.RuleList{Rules: d.resolvedRules()}
}
