package model

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// RuleFromJSON reads one matcher object as it appears inside "matchers" in a
// V3/V4 pact file, as the whole rule value of a V2 file, or in integration
// JSON (spec-checklist §2.2).
//
// The matcher name comes from "match", else from "pact:matcher:type"; with
// neither it is inferred from the keys (regex → Regex, min → MinType, max →
// MaxType, timestamp/time/date → the date/time rules). Every alias of §2.1 is
// accepted; an unknown name gives a Plugin rule, not an error. Numbers may be
// JSON numbers or numeric strings ("min": "1").
//
//	r, err := model.RuleFromJSON(map[string]any{"match": "type", "min": 1})
//	// r = Rule{Kind: MinType, Min: 1}
//
// A rule that lacks a required attribute gives an error that says which one,
// e.g. "regex matcher is missing the 'regex' attribute".
func RuleFromJSON(m map[string]any) (Rule, error) {
	if m == nil {
		return Rule{}, fmt.Errorf("matching rule must be a JSON object, got null")
	}
	name, err := ruleName(m)
	if err != nil {
		return Rule{}, err
	}
	switch name {
	case "equality":
		return Rule{Kind: Equality}, nil
	case "regex":
		s, ok := m["regex"].(string)
		if !ok {
			return Rule{}, fmt.Errorf("regex matcher is missing the 'regex' attribute (a string)")
		}
		return Rule{Kind: Regex, Regex: s}, nil
	case "type", "min", "min-type", "max", "max-type":
		return sizeRule(name, m)
	case "include":
		v, ok := m["value"]
		if !ok || v == nil {
			return Rule{}, fmt.Errorf("include matcher is missing the 'value' attribute")
		}
		return Rule{Kind: Include}.WithValue(jsonString(v)), nil
	case "integer":
		return Rule{Kind: Integer}, nil
	case "decimal", "real":
		return Rule{Kind: Decimal}, nil
	case "number":
		return Rule{Kind: Number}, nil
	case "null":
		return Rule{Kind: Null}, nil
	case "boolean":
		return Rule{Kind: Boolean}, nil
	case "date":
		return Rule{Kind: Date, Format: formatAttr(m, "date")}, nil
	case "time":
		return Rule{Kind: Time, Format: formatAttr(m, "time")}, nil
	case "timestamp", "datetime":
		// Read under either name, written as "datetime" (pact_models).
		return Rule{Kind: Timestamp, Format: formatAttr(m, "timestamp")}, nil
	case "contentType", "content-type":
		v, ok := m["value"]
		if !ok || v == nil {
			return Rule{}, fmt.Errorf("contentType matcher is missing the 'value' attribute")
		}
		return Rule{Kind: ContentType}.WithValue(jsonString(v)), nil
	case "values":
		return Rule{Kind: Values}, nil
	case "arrayContains", "array-contains":
		return arrayContainsFromJSON(m)
	case "statusCode", "status-code":
		return statusCodeFromJSON(m)
	case "notEmpty", "not-empty":
		return Rule{Kind: NotEmpty}, nil
	case "semver":
		return Rule{Kind: Semver}, nil
	case "eachKey", "each-key":
		return eachFromJSON(EachKey, m)
	case "eachValue", "each-value":
		return eachFromJSON(EachValue, m)
	}
	attrs := map[string]any{}
	for k, v := range m {
		if k != "match" && k != "pact:matcher:type" {
			attrs[k] = cloneAny(v)
		}
	}
	return Rule{Kind: Plugin}.WithName(name).WithAttrs(attrs), nil
}

// ruleName finds the matcher name of a rule object (§2.2).
func ruleName(m map[string]any) (string, error) {
	for _, key := range []string{"match", "pact:matcher:type"} {
		v, ok := m[key]
		if !ok {
			continue
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("matching rule attribute '%s' must be a string, got %s", key, JSONKind(v))
		}
		if s == "" {
			return "", fmt.Errorf("matching rule type is empty")
		}
		return s, nil
	}
	for _, key := range []string{"regex", "min", "max", "timestamp", "time", "date"} {
		if _, ok := m[key]; ok {
			return key, nil
		}
	}
	return "", fmt.Errorf("Matching rule missing 'match' field and unable to guess its type")
}

func sizeRule(name string, m map[string]any) (Rule, error) {
	minV, hasMin := m["min"]
	maxV, hasMax := m["max"]
	if hasMin && minV == nil {
		hasMin = false
	}
	if hasMax && maxV == nil {
		hasMax = false
	}
	switch name {
	case "min", "min-type":
		if !hasMin {
			return Rule{}, fmt.Errorf("min-type matcher is missing the 'min' attribute")
		}
		hasMax = false
	case "max", "max-type":
		if !hasMax {
			return Rule{}, fmt.Errorf("max-type matcher is missing the 'max' attribute")
		}
		hasMin = false
	}
	var r Rule
	var err error
	if hasMin {
		if r.Min, err = intAttr("min", minV); err != nil {
			return Rule{}, err
		}
	}
	if hasMax {
		if r.Max, err = intAttr("max", maxV); err != nil {
			return Rule{}, err
		}
	}
	switch {
	case hasMin && hasMax:
		r.Kind = MinMaxType
	case hasMin:
		r.Kind = MinType
	case hasMax:
		r.Kind = MaxType
	default:
		r.Kind = Type
	}
	return r, nil
}

// intAttr reads a number attribute, accepting numeric strings.
func intAttr(name string, v any) (int, error) {
	f, ok := JSONNumber(v)
	if !ok {
		if s, isStr := v.(string); isStr {
			if g, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
				f, ok = g, true
			}
		}
	}
	if !ok || math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("matching rule attribute '%s' must be an integer, got %s", name, jsonString(v))
	}
	return int(f), nil
}

// JSONNumber returns v as a float64 when it is a JSON number in any of the
// forms a decoder produces (float64, json.Number, int, int64, ...).
//
//	f, ok := model.JSONNumber(json.Number("2")) // 2, true
func JSONNumber(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case float32:
		return float64(n), true
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case int32:
		return float64(n), true
	case uint64:
		return float64(n), true
	case uint:
		return float64(n), true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

// NormalizeJSON returns v with every json.Number replaced by a float64, so
// that attribute values read with json.Decoder.UseNumber look like those of
// json.Unmarshal. Maps and slices are copied.
func NormalizeJSON(v any) any {
	return CopyJSON(v, func(x any) any {
		if n, ok := x.(json.Number); ok {
			if f, err := n.Float64(); err == nil {
				return f
			}
			return n.String()
		}
		return x
	})
}

// formatAttr reads the "format" of a date/time rule, or the V2 short form
// {"date": "yyyy-MM-dd"}.
func formatAttr(m map[string]any, short string) string {
	if s, ok := m["format"].(string); ok {
		return s
	}
	if s, ok := m[short].(string); ok {
		return s
	}
	if short == "timestamp" {
		if s, ok := m["datetime"].(string); ok {
			return s
		}
	}
	return ""
}

func arrayContainsFromJSON(m map[string]any) (Rule, error) {
	raw, ok := m["variants"].([]any)
	if !ok {
		return Rule{}, fmt.Errorf("arrayContains matcher is missing the 'variants' attribute (an array)")
	}
	variants := make([]Variant, 0, len(raw))
	for i, rv := range raw {
		vm, ok := rv.(map[string]any)
		if !ok {
			return Rule{}, fmt.Errorf("arrayContains variant %d must be a JSON object, got %s", i, JSONKind(rv))
		}
		v := Variant{Index: i}
		if idx, ok := vm["index"]; ok {
			n, err := intAttr("index", idx)
			if err != nil {
				return Rule{}, fmt.Errorf("arrayContains variant %d: %w", i, err)
			}
			v.Index = n
		}
		if rules, ok := vm["rules"].(map[string]any); ok && len(rules) > 0 {
			paths := make([]string, 0, len(rules))
			for path := range rules {
				paths = append(paths, path)
			}
			slices.Sort(paths) // a fixed order, whatever the map's
			for _, path := range paths {
				l, err := RuleListFromJSON(rules[path])
				if err != nil {
					return Rule{}, fmt.Errorf("arrayContains variant %d, rules at %q: %w", i, path, err)
				}
				v.Rules.Set(path, *l)
			}
		}
		if gens, ok := vm["generators"].(map[string]any); ok && len(gens) > 0 {
			v.Generators = make(map[string]Generator, len(gens))
			for path, g := range gens {
				gm, ok := g.(map[string]any)
				if !ok {
					return Rule{}, fmt.Errorf("arrayContains variant %d, generator at %q must be a JSON object", i, path)
				}
				gen, err := GeneratorFromJSON(gm)
				if err != nil {
					return Rule{}, fmt.Errorf("arrayContains variant %d, generator at %q: %w", i, path, err)
				}
				v.Generators[path] = gen
			}
		}
		variants = append(variants, v)
	}
	return Rule{Kind: ArrayContains}.WithVariants(variants), nil
}

func statusCodeFromJSON(m map[string]any) (Rule, error) {
	switch s := m["status"].(type) {
	case nil:
		return Rule{Kind: StatusCode}.WithStatus("success"), nil
	case string:
		return Rule{Kind: StatusCode}.WithStatus(s), nil
	case []any:
		codes := make([]int, 0, len(s))
		for _, c := range s {
			n, err := intAttr("status", c)
			if err != nil {
				return Rule{}, fmt.Errorf("statusCode matcher: %w", err)
			}
			codes = append(codes, n)
		}
		return Rule{Kind: StatusCode}.WithStatus(codes), nil
	case []int:
		return Rule{Kind: StatusCode}.WithStatus(append([]int(nil), s...)), nil
	default:
		return Rule{}, fmt.Errorf("statusCode matcher: 'status' must be a status class name or an array of codes, got %s", JSONKind(s))
	}
}

func eachFromJSON(kind RuleKind, m map[string]any) (Rule, error) {
	var subs []Rule
	what := "eachKey"
	if kind == EachValue {
		what = "eachValue"
	}
	switch rules := m["rules"].(type) {
	case nil:
	case []any:
		for i, x := range rules {
			xm, ok := x.(map[string]any)
			if !ok {
				return Rule{}, fmt.Errorf("%s matcher: rule %d must be a JSON object, got %s", what, i, JSONKind(x))
			}
			sub, err := RuleFromJSON(xm)
			if err != nil {
				return Rule{}, fmt.Errorf("%s matcher: rule %d: %w", what, i, err)
			}
			subs = append(subs, sub)
		}
	default:
		return Rule{}, fmt.Errorf("%s matcher: 'rules' must be an array of matching rules, got %s", what, JSONKind(rules))
	}
	r := Rule{Kind: kind}.WithRules(subs)
	if v, ok := m["value"]; ok {
		r = r.WithValue(cloneAny(v))
	}
	if g, ok := m["generator"].(map[string]any); ok {
		gen, err := GeneratorFromJSON(g)
		if err != nil {
			return Rule{}, fmt.Errorf("%s matcher: %w", what, err)
		}
		r = r.WithGenerator(&gen)
	}
	return r, nil
}

// ToJSON returns the rule in the form the reference writer uses in a pact
// file, e.g. MinType → {"match":"type","min":1} and Timestamp →
// {"match":"datetime","format":...} (also for a rule read as "timestamp").
//
//	model.Rule{Kind: model.Regex, Regex: `\d+`}.ToJSON()
//	// {"match": "regex", "regex": "\\d+"}
func (r Rule) ToJSON() map[string]any {
	m := map[string]any{}
	switch r.Kind {
	case Equality:
		m["match"] = "equality"
	case Regex:
		m["match"] = "regex"
		m["regex"] = r.Regex
	case Type:
		m["match"] = "type"
	case MinType:
		m["match"], m["min"] = "type", r.Min
	case MaxType:
		m["match"], m["max"] = "type", r.Max
	case MinMaxType:
		m["match"], m["min"], m["max"] = "type", r.Min, r.Max
	case Include:
		m["match"], m["value"] = "include", jsonString(r.Value())
	case Integer:
		m["match"] = "integer"
	case Decimal:
		m["match"] = "decimal"
	case Number:
		m["match"] = "number"
	case Null:
		m["match"] = "null"
	case Boolean:
		m["match"] = "boolean"
	case Date, Time, Timestamp:
		// As pact_models MatchingRule::to_json: "datetime" whatever name
		// the rule was read with, and "format" always (even empty).
		m["match"] = map[RuleKind]string{Date: "date", Time: "time", Timestamp: "datetime"}[r.Kind]
		m["format"] = r.Format
	case ContentType:
		m["match"], m["value"] = "contentType", jsonString(r.Value())
	case Values:
		m["match"] = "values"
	case ArrayContains:
		m["match"] = "arrayContains"
		variants := make([]any, 0, len(r.Variants()))
		for _, v := range r.Variants() {
			rules := map[string]any{}
			for p, l := range v.Rules.All() {
				rules[p] = l.ToJSON()
			}
			variant := map[string]any{"index": v.Index, "rules": rules}
			if len(v.Generators) > 0 { // pact_ffi omits "generators" when there are none
				gens := make(map[string]any, len(v.Generators))
				for p, g := range v.Generators {
					gens[p] = g.ToJSON()
				}
				variant["generators"] = gens
			}
			variants = append(variants, variant)
		}
		m["variants"] = variants
	case StatusCode:
		m["match"] = "statusCode"
		switch s := r.Status().(type) {
		case nil:
			m["status"] = "success"
		case []int:
			codes := make([]any, len(s))
			for i, c := range s {
				codes[i] = c
			}
			m["status"] = codes
		default:
			m["status"] = s
		}
	case NotEmpty:
		m["match"] = "notEmpty"
	case Semver:
		m["match"] = "semver"
	case EachKey, EachValue:
		m["match"] = "eachKey"
		if r.Kind == EachValue {
			m["match"] = "eachValue"
		}
		rules := make([]any, 0, len(r.Rules()))
		for _, sub := range r.Rules() {
			rules = append(rules, sub.ToJSON())
		}
		m["rules"] = rules
		if v := r.Value(); v != nil {
			m["value"] = v
		}
		if g := r.Generator(); g != nil {
			m["generator"] = g.ToJSON()
		}
	case Plugin:
		for k, v := range r.Attrs() {
			m[k] = v
		}
		m["match"] = r.Name()
	default:
		m["match"] = r.Name()
	}
	return m
}

// RuleListFromJSON reads the rules at one path: {"matchers": [...],
// "combine": "AND"|"OR"} (combine is optional, AND by default, compared
// ignoring case), or a bare rule object (the V2 form).
//
//	l, err := model.RuleListFromJSON(map[string]any{
//		"matchers": []any{map[string]any{"match": "integer"}}, "combine": "OR"})
func RuleListFromJSON(v any) (*RuleList, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("matching rule list must be a JSON object, got %s", JSONKind(v))
	}
	l := &RuleList{}
	raw, hasMatchers := m["matchers"]
	if !hasMatchers {
		r, err := RuleFromJSON(m)
		if err != nil {
			return nil, err
		}
		l.Rules = []Rule{r}
		return l, nil
	}
	if c, ok := m["combine"]; ok && c != nil {
		s, isStr := c.(string)
		switch {
		case isStr && strings.EqualFold(s, "OR"):
			l.Combine = Or
		case isStr && strings.EqualFold(s, "AND"):
		default:
			return nil, fmt.Errorf("matching rule list: 'combine' must be \"AND\" or \"OR\", got %s", jsonString(c))
		}
	}
	list, ok := raw.([]any)
	if !ok {
		return nil, fmt.Errorf("matching rule list: 'matchers' must be an array, got %s", JSONKind(raw))
	}
	for i, x := range list {
		xm, ok := x.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("matcher %d must be a JSON object, got %s", i, JSONKind(x))
		}
		r, err := RuleFromJSON(xm)
		if err != nil {
			return nil, fmt.Errorf("matcher %d: %w", i, err)
		}
		l.Rules = append(l.Rules, r)
	}
	return l, nil
}

// ToJSON returns the list as written in V3/V4 files:
// {"combine": "AND", "matchers": [...]}.
func (l *RuleList) ToJSON() map[string]any {
	matchers := make([]any, 0, len(l.Rules))
	for _, r := range l.Rules {
		matchers = append(matchers, r.ToJSON())
	}
	return map[string]any{"combine": l.Combine.String(), "matchers": matchers}
}

// GeneratorFromJSON reads a generator object such as
// {"type": "RandomInt", "min": 0, "max": 10}. The type comes from "type"
// (or "pact:generator:type"); every other attribute is kept in Attrs, so
// unknown generators round-trip unchanged.
//
//	g, err := model.GeneratorFromJSON(map[string]any{"type": "Uuid", "format": "simple"})
//
// A missing or empty type is an error.
func GeneratorFromJSON(m map[string]any) (Generator, error) {
	if m == nil {
		return Generator{}, fmt.Errorf("generator must be a JSON object, got null")
	}
	key := "type"
	t, ok := m["type"]
	if !ok {
		key = "pact:generator:type"
		t, ok = m[key]
	}
	if !ok {
		return Generator{}, fmt.Errorf("generator is missing the 'type' attribute")
	}
	s, isStr := t.(string)
	if !isStr || s == "" {
		return Generator{}, fmt.Errorf("generator 'type' must be a non-empty string, got %s", jsonString(t))
	}
	g := Generator{Type: s}
	for k, v := range m {
		if k == key || strings.HasPrefix(k, "pact:") {
			continue
		}
		if g.Attrs == nil {
			g.Attrs = map[string]any{}
		}
		g.Attrs[k] = cloneAny(v)
	}
	return g, nil
}

// ToJSON returns the generator as written in a pact file:
// {"type": g.Type, ...g.Attrs}.
func (g Generator) ToJSON() map[string]any {
	m := make(map[string]any, len(g.Attrs)+1)
	for k, v := range g.Attrs {
		m[k] = v
	}
	m["type"] = g.Type
	return m
}

// jsonString returns a string value as is, and any other value as JSON text.
func jsonString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
