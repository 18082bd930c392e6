package matching

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/Masterminds/semver/v3"
	"github.com/libpact/libpact/core/model"
)

// errPlugin is the failure of any plugin-provided rule.
var errPlugin = errors.New("plugins are not supported by libpact")

// MatchValue applies one rule to a pair of JSON values and returns nil when
// the actual value satisfies it, or an error worded as the reference words it.
// Values may be anything encoding/json produces (maps, slices, float64 or
// json.Number, strings, bools, nil) or Go integers.
//
//	err := matching.MatchValue(model.Rule{Kind: model.Integer}, 1, 1.5)
//	// err: "Expected 1.5 (Decimal) to be an integer"
//
// An array or object actual value is checked by the rule alone (sizes for
// min/max, emptiness for notEmpty); its items are not compared.
func MatchValue(rule model.Rule, expected, actual any) error {
	e, a := fromGo(expected), fromGo(actual)
	switch av := a.(type) {
	case []any:
		ev, _ := e.([]any)
		return matchList(rule, jsonItems(ev), jsonItems(av), len(av), false, true)
	case *jsonObject:
		ev, _ := e.(*jsonObject)
		if ev == nil {
			ev = &jsonObject{}
		}
		return matchMap(rule, ev, av, false)
	}
	return matchJSON(rule, e, a, false, true)
}

// MatchString applies one rule to a pair of strings the way header, query,
// path and XML text values are matched: numeric rules parse the string
// ("10" is an integer here), equality compares the text.
//
//	err := matching.MatchString(model.Rule{Kind: model.Regex, Regex: `\d{1,4}`}, "1", "9999X")
//	// err: "Expected '9999X' to match '\d{1,4}'"
func MatchString(rule model.Rule, expected, actual string) error {
	return matchStr(rule, expected, actual, false, false)
}

// MatchBytes applies one rule to binary contents, as bodies of binary content
// types and pact_ffi's matches_binary_value are matched: contentType sniffs
// the bytes, notEmpty wants at least one byte, regex and include work on the
// UTF-8 text, equality compares the bytes.
//
//	err := matching.MatchBytes(model.Rule{Kind: model.NotEmpty}, []byte("x"), nil)
//	// err: "Expected [] (0 bytes) to not be empty"
func MatchBytes(rule model.Rule, expected, actual []byte) error {
	return matchBytes(rule, expected, actual, false)
}

// applyRules runs every rule of the list through match and combines the
// results with the list's AND/OR logic. It returns the failure messages.
func applyRules(l *model.RuleList, match func(r model.Rule) error) []string {
	var errs []string
	ok := 0
	for _, r := range l.Rules {
		if err := match(r); err != nil {
			errs = append(errs, err.Error())
		} else {
			ok++
		}
	}
	if l.Combine == model.Or && ok > 0 {
		return nil
	}
	return errs
}

func canCascade(r model.Rule) bool {
	switch r.Kind {
	case model.Values, model.EachValue, model.EachKey, model.Plugin:
		return false
	}
	return true
}

func isValuesRule(r model.Rule) bool {
	switch r.Kind {
	case model.Values, model.EachValue, model.ArrayContains:
		return true
	}
	return false
}

// matchJSON is the reference's JSON-value matcher (DoMatch<&Value>).
func matchJSON(r model.Rule, expected, actual any, cascaded, showTypes bool) error {
	switch r.Kind {
	case model.Regex:
		re, err := compileRegex(r.Regex)
		if err != nil {
			return err
		}
		s, ok := actual.(string)
		if !ok {
			s = jsonText(actual)
		}
		if re.MatchString(s) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to match '%s'", jsonToString(actual), r.Regex)
	case model.Include:
		s, ok := actual.(string)
		if !ok {
			s = jsonText(actual)
		}
		sub := ruleString(r.Value())
		if strings.Contains(s, sub) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to include '%s'", jsonToString(actual), sub)
	case model.Type, model.MinType, model.MaxType, model.MinMaxType:
		if !sameKind(expected, actual) {
			return fmt.Errorf("Expected %s (%s) to be the same type as %s (%s)",
				valueOf(actual), typeOf(actual), valueOf(expected), typeOf(expected))
		}
		if arr, ok := actual.([]any); ok && !cascaded {
			if (r.Kind == model.MinType || r.Kind == model.MinMaxType) && len(arr) < r.Min {
				return fmt.Errorf("Expected '%s' to have at least %d item(s)", jsonToString(actual), r.Min)
			}
			if (r.Kind == model.MaxType || r.Kind == model.MinMaxType) && len(arr) > r.Max {
				return fmt.Errorf("Expected '%s' to have at most %d item(s)", jsonToString(actual), r.Max)
			}
		}
		return nil
	case model.Equality, model.Values:
		if jsonEqual(expected, actual) {
			return nil
		}
		return fmt.Errorf("Expected %s to be equal to %s", typed(actual, showTypes), typed(expected, showTypes))
	case model.Null:
		if actual == nil {
			return nil
		}
		return fmt.Errorf("Expected %s (%s) to be a null value", valueOf(actual), typeOf(actual))
	case model.Integer:
		if n, ok := actual.(jsonNumber); ok && n.isInteger() {
			return nil
		}
		return fmt.Errorf("Expected %s (%s) to be an integer", valueOf(actual), typeOf(actual))
	case model.Decimal:
		if n, ok := actual.(jsonNumber); ok && !n.isInteger() {
			return nil
		}
		return fmt.Errorf("Expected %s (%s) to be a decimal number", valueOf(actual), typeOf(actual))
	case model.Number:
		if _, ok := actual.(jsonNumber); ok {
			return nil
		}
		return fmt.Errorf("Expected %s (%s) to be a number", valueOf(actual), typeOf(actual))
	case model.Date, model.Time, model.Timestamp:
		s := jsonToString(actual)
		f := dateFormat(r)
		if err := validateDateTime(f, s); err != nil {
			return fmt.Errorf("Expected '%s' to match a %s pattern of '%s': %v", s, dateKind(r), f, err)
		}
		return nil
	case model.ContentType:
		ct := ruleString(r.Value())
		var data []byte
		if s, ok := actual.(string); ok {
			if d, err := base64.StdEncoding.DecodeString(s); err == nil {
				data = d
			} else {
				data = []byte(s)
			}
		} else {
			data = []byte(jsonText(actual))
		}
		if err := matchContentType(data, ct); err != nil {
			return fmt.Errorf("Failed to match data to have a content type of '%s': %v", ct, err)
		}
		return nil
	case model.Boolean:
		switch v := actual.(type) {
		case bool:
			return nil
		case string:
			if v == "true" || v == "false" {
				return nil
			}
		}
		return fmt.Errorf("Expected %s (%s) to match a boolean", valueOf(actual), typeOf(actual))
	case model.NotEmpty:
		switch v := actual.(type) {
		case nil:
			return errors.New("Expected non-empty value but got a NULL")
		case string:
			if v == "" {
				return errors.New("Expected '' (String) to not be empty")
			}
		case []any:
			if len(v) == 0 {
				return errors.New("Expected [] (Array) to not be empty")
			}
		case *jsonObject:
			if v.len() == 0 {
				return errors.New("Expected {} (Object) to not be empty")
			}
		}
		return nil
	case model.Semver:
		s, ok := actual.(string)
		if !ok {
			return fmt.Errorf("Expected something that matches a semantic version, but got '%s'", jsonText(actual))
		}
		if _, err := semver.StrictNewVersion(s); err != nil {
			return fmt.Errorf("'%s' is not a valid semantic version - %v", s, err)
		}
		return nil
	case model.StatusCode:
		if n, ok := actual.(jsonNumber); ok && n.isInteger() {
			code, _ := strconv.Atoi(n.display())
			return matchStatusCode(code, r.Status())
		}
		return nil
	case model.Plugin:
		return errPlugin
	}
	return nil
}

func typed(v any, show bool) string {
	if show {
		return valueOf(v) + " (" + typeOf(v) + ")"
	}
	return valueOf(v)
}

// matchStr is the reference's string matcher (DoMatch<&str>), used for
// header, query, path, text-body and XML values.
func matchStr(r model.Rule, expected, actual string, cascaded, showTypes bool) error {
	switch r.Kind {
	case model.Regex:
		re, err := compileRegex(r.Regex)
		if err != nil {
			return err
		}
		if re.MatchString(actual) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to match '%s'", actual, r.Regex)
	case model.Equality, model.Values:
		if expected == actual {
			return nil
		}
		return fmt.Errorf("Expected '%s' to be equal to '%s'", actual, expected)
	case model.Type, model.MinType, model.MaxType, model.MinMaxType:
		return nil
	case model.Include:
		sub := ruleString(r.Value())
		if strings.Contains(actual, sub) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to include '%s'", actual, sub)
	case model.Number, model.Decimal:
		if _, err := parseRustFloat(actual); err == nil {
			return nil
		}
		return fmt.Errorf("Expected '%s' to match a number", actual)
	case model.Integer:
		if _, err := strconv.ParseUint(strings.TrimPrefix(actual, "+"), 10, 64); err == nil {
			return nil
		}
		return fmt.Errorf("Expected '%s' to match an integer number", actual)
	case model.Date, model.Time, model.Timestamp:
		f := dateFormat(r)
		if err := validateDateTime(f, actual); err != nil {
			return fmt.Errorf("Expected '%s' to match a %s pattern of '%s'", actual, dateKind(r), f)
		}
		return nil
	case model.Boolean:
		if actual == "true" || actual == "false" {
			return nil
		}
		return fmt.Errorf("Expected %s to match a boolean", strTyped(actual, showTypes))
	case model.StatusCode:
		code, err := strconv.ParseUint(actual, 10, 16)
		if err != nil {
			return fmt.Errorf("Unable to match '%s' using %s - invalid digit found in string", actual, ruleDebug(r))
		}
		return matchStatusCode(int(code), r.Status())
	case model.NotEmpty:
		if actual == "" {
			return fmt.Errorf("Expected %s to not be empty", strTyped(actual, showTypes))
		}
		return nil
	case model.Semver:
		if _, err := semver.StrictNewVersion(actual); err != nil {
			return fmt.Errorf("'%s' is not a valid semantic version - %v", actual, err)
		}
		return nil
	case model.ContentType:
		return matchContentType([]byte(actual), ruleString(r.Value()))
	case model.Plugin:
		return errPlugin
	}
	if !cascaded || canCascade(r) {
		return fmt.Errorf("Unable to match '%s' using %s", actual, ruleDebug(r))
	}
	return nil
}

func strTyped(s string, show bool) string {
	if show {
		return s + " (String)"
	}
	return s
}

// parseRustFloat accepts what Rust's f64::from_str accepts (close enough:
// decimal and exponent forms, inf, infinity, nan; no hex, no underscores).
func parseRustFloat(s string) (float64, error) {
	if s == "" || strings.ContainsAny(s, "_xXpP") {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(s, 64)
}

// matchNumber is the reference's u64 matcher, used for response status codes.
func matchNumber(r model.Rule, expected, actual int, cascaded bool) error {
	switch r.Kind {
	case model.Regex:
		re, err := compileRegex(r.Regex)
		if err != nil {
			return err
		}
		if re.MatchString(strconv.Itoa(actual)) {
			return nil
		}
		return fmt.Errorf("Expected %d to match '%s'", actual, r.Regex)
	case model.Type, model.MinType, model.MaxType, model.MinMaxType, model.Number, model.Integer:
		return nil
	case model.Equality:
		if expected == actual {
			return nil
		}
		return fmt.Errorf("Expected %d to be equal to %d", actual, expected)
	case model.Include:
		sub := ruleString(r.Value())
		if strings.Contains(strconv.Itoa(actual), sub) {
			return nil
		}
		return fmt.Errorf("Expected %d to include '%s'", actual, sub)
	case model.Decimal:
		return fmt.Errorf("Expected %d to match a decimal number", actual)
	case model.StatusCode:
		return matchStatusCode(actual, r.Status())
	case model.Plugin:
		return errPlugin
	}
	if !cascaded || canCascade(r) {
		return fmt.Errorf("Unable to match %d using %s", actual, ruleDebug(r))
	}
	return nil
}

// statusClass is one of the named status-code classes of the statusCode rule.
type statusClass struct {
	lo, hi int
	desc   string
}

var statusClasses = map[string]statusClass{
	"info":        {100, 199, "Informational response (100–199)"},
	"success":     {200, 299, "Successful response (200–299)"},
	"redirect":    {300, 399, "Redirect (300–399)"},
	"clientError": {400, 499, "Client error (400–499)"},
	"serverError": {500, 599, "Server error (500–599)"},
	"nonError":    {0, 399, "Non-error response (< 400)"},
	"error":       {400, 1 << 16, "Error response (>= 400)"},
}

func matchStatusCode(code int, status any) error {
	switch s := status.(type) {
	case nil:
		return matchStatusCode(code, "success")
	case string:
		c, ok := statusClasses[s]
		if !ok {
			c = statusClasses["success"]
		}
		if code >= c.lo && code <= c.hi {
			return nil
		}
		return fmt.Errorf("Expected status code %d to be a %s", code, c.desc)
	case []int:
		parts := make([]string, len(s))
		for i, v := range s {
			if v == code {
				return nil
			}
			parts[i] = strconv.Itoa(v)
		}
		return fmt.Errorf("Expected status code %d to be a %s", code, strings.Join(parts, ", "))
	case []any:
		ints := make([]int, 0, len(s))
		for _, v := range s {
			if f, ok := model.JSONNumber(v); ok {
				ints = append(ints, int(f))
			}
		}
		return matchStatusCode(code, ints)
	}
	return matchStatusCode(code, "success")
}

// matchList is the reference's list-level rule check (DoMatch<&[T]>): sizes
// for min/max, emptiness, equality of the whole list. The items are compared
// separately by the caller.
func matchList(r model.Rule, expected, actual []string, n int, cascaded, showTypes bool) error {
	eq := func() bool {
		if len(expected) != len(actual) {
			return false
		}
		for i := range expected {
			if expected[i] != actual[i] {
				return false
			}
		}
		return true
	}
	return matchListLazy(r, func() []string { return expected }, func() []string { return actual }, n, eq, cascaded, showTypes)
}

// matchListLazy is matchList with the item renderings and the equality test
// computed only when a message needs them (lists can be large).
func matchListLazy(r model.Rule, expected, actual func() []string, n int, equal func() bool, cascaded, showTypes bool) error {
	disp := func() string { return "[" + strings.Join(actual(), ", ") + "]" }
	switch r.Kind {
	case model.MinType, model.MinMaxType, model.MaxType:
		if !cascaded && (r.Kind != model.MaxType) && n < r.Min {
			return fmt.Errorf("Expected %s (size %d) to have minimum size of %d", disp(), n, r.Min)
		}
		if !cascaded && (r.Kind != model.MinType) && n > r.Max {
			return fmt.Errorf("Expected %s (size %d) to have maximum size of %d", disp(), n, r.Max)
		}
		return nil
	case model.Equality:
		if equal() {
			return nil
		}
		return fmt.Errorf("Expected %s to be equal to %s", stringsJSON(actual()), stringsJSON(expected()))
	case model.NotEmpty:
		if n == 0 {
			if showTypes {
				return fmt.Errorf("Expected %s (Array) to not be empty", stringsJSON(actual()))
			}
			return fmt.Errorf("Expected %s to not be empty", stringsJSON(actual()))
		}
		return nil
	case model.Null, model.StatusCode:
		return fmt.Errorf("Unable to match %s using %s", stringsJSON(actual()), ruleDebug(r))
	case model.Plugin:
		return errPlugin
	}
	return nil
}

// jsonItems renders the items of a list the way the reference displays them.
func jsonItems(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = jsonText(v)
	}
	return out
}

func stringsJSON(l []string) string {
	vals := make([]any, len(l))
	for i, s := range l {
		vals[i] = s
	}
	return jsonText(vals)
}

// matchMap is the reference's map-level rule check (DoMatch<&BTreeMap>),
// which words the maps as Rust's Debug of them (rustDebugMap).
func matchMap(r model.Rule, expected, actual *jsonObject, cascaded bool) error {
	n := actual.len()
	switch r.Kind {
	case model.Regex, model.Type, model.ArrayContains, model.EachKey, model.EachValue, model.Values:
		return nil
	case model.MinType, model.MaxType, model.MinMaxType:
		if !cascaded && r.Kind != model.MaxType && n < r.Min {
			return fmt.Errorf("Expected %s (size %d) to have minimum size of %d", rustDebugMap(actual), n, r.Min)
		}
		if !cascaded && r.Kind != model.MinType && n > r.Max {
			return fmt.Errorf("Expected %s (size %d) to have maximum size of %d", rustDebugMap(actual), n, r.Max)
		}
		return nil
	case model.Equality:
		if jsonEqual(expected, actual) {
			return nil
		}
		return fmt.Errorf("Expected %s to be equal to %s", rustDebugMap(actual), rustDebugMap(expected))
	case model.NotEmpty:
		if n == 0 {
			return fmt.Errorf("Expected %s (Map) to not be empty", rustDebugMap(actual))
		}
		return nil
	case model.Plugin:
		return errPlugin
	}
	return fmt.Errorf("Unable to match %s using %s", rustDebugMap(actual), ruleDebug(r))
}

func dateFormat(r model.Rule) string {
	if r.Format != "" {
		return r.Format
	}
	switch r.Kind {
	case model.Date:
		return "yyyy-MM-dd"
	case model.Time:
		return "HH:mm:ss"
	}
	return "yyyy-MM-dd'T'HH:mm:ssXXX"
}

func dateKind(r model.Rule) string {
	switch r.Kind {
	case model.Date:
		return "date"
	case model.Time:
		return "time"
	}
	return "timestamp"
}

func ruleString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	return jsonText(fromGo(v))
}

// ruleDebug renders a rule the way the reference's Debug output does, for the
// "Unable to match ... using ..." messages.
func ruleDebug(r model.Rule) string {
	q := strconv.Quote
	switch r.Kind {
	case model.Equality:
		return "Equality"
	case model.Regex:
		return "Regex(" + q(r.Regex) + ")"
	case model.Type:
		return "Type"
	case model.MinType:
		return fmt.Sprintf("MinType(%d)", r.Min)
	case model.MaxType:
		return fmt.Sprintf("MaxType(%d)", r.Max)
	case model.MinMaxType:
		return fmt.Sprintf("MinMaxType(%d, %d)", r.Min, r.Max)
	case model.Include:
		return "Include(" + q(ruleString(r.Value())) + ")"
	case model.Integer:
		return "Integer"
	case model.Decimal:
		return "Decimal"
	case model.Number:
		return "Number"
	case model.Null:
		return "Null"
	case model.Boolean:
		return "Boolean"
	case model.Date:
		return "Date(" + q(r.Format) + ")"
	case model.Time:
		return "Time(" + q(r.Format) + ")"
	case model.Timestamp:
		return "Timestamp(" + q(r.Format) + ")"
	case model.ContentType:
		return "ContentType(" + q(ruleString(r.Value())) + ")"
	case model.Values:
		return "Values"
	case model.ArrayContains:
		return "ArrayContains"
	case model.StatusCode:
		return fmt.Sprintf("StatusCode(%v)", r.Status())
	case model.NotEmpty:
		return "NotEmpty"
	case model.Semver:
		return "Semver"
	case model.EachKey:
		return "EachKey"
	case model.EachValue:
		return "EachValue"
	}
	return "Plugin(" + q(r.Name()) + ")"
}
