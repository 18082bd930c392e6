package matching

import (
	"fmt"
	"strconv"

	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
)

// The two functions below are pact_ffi's view of one matching rule
// (pactffi_matching_rule_id and pactffi_matching_rule_value). They sit here
// rather than beside model.RuleKind because the value text renders JSON as
// pact_ffi does (message.JSONString), which core/model cannot import.

// ruleIDs are pact_ffi 0.5.8's matching rule ids.
var ruleIDs = map[model.RuleKind]uint16{
	model.Equality: 1, model.Regex: 2, model.Type: 3, model.MinType: 4, model.MaxType: 5,
	model.MinMaxType: 6, model.Timestamp: 7, model.Time: 8, model.Date: 9, model.Include: 10,
	model.Number: 11, model.Integer: 12, model.Decimal: 13, model.Null: 14, model.ContentType: 15,
	model.ArrayContains: 16, model.Values: 17, model.Boolean: 18, model.StatusCode: 19,
	model.NotEmpty: 20, model.Semver: 21, model.EachKey: 22, model.EachValue: 23, model.Plugin: 24,
}

// RuleID returns pact_ffi's id of the matcher kind k, as
// pactffi_matching_rule_id gives it: 1 for equality, 2 regex, 3 type, 4
// min-type, ... 24 for a plugin matcher; 0 for a kind pact_ffi does not know.
//
//	matching.RuleID(model.Regex) // 2
func RuleID(k model.RuleKind) uint16 { return ruleIDs[k] }

// RuleValue returns the text pactffi_matching_rule_value gives for r, and
// whether r has one: the regex, the minimum and/or maximum ("2", "5", "2:5"
// for min-max), the date/time format, the expected value of include and
// contentType rules (JSON text unless a string), or a plugin matcher's
// attributes as JSON. Other kinds have no value.
//
//	matching.RuleValue(&model.Rule{Kind: model.MinMaxType, Min: 1, Max: 3}) // "1:3", true
//	matching.RuleValue(&model.Rule{Kind: model.Integer})                   // "", false
func RuleValue(r *model.Rule) (string, bool) {
	switch r.Kind {
	case model.Regex:
		return r.Regex, true
	case model.MinType:
		return strconv.Itoa(r.Min), true
	case model.MaxType:
		return strconv.Itoa(r.Max), true
	case model.MinMaxType:
		return fmt.Sprintf("%d:%d", r.Min, r.Max), true
	case model.Timestamp, model.Time, model.Date:
		return r.Format, true
	case model.Include, model.ContentType:
		return message.JSONString(r.Value()), true
	case model.Plugin:
		js, _ := message.JSON(r.Attrs())
		return js, true
	}
	return "", false
}
