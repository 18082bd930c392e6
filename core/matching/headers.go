package matching

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// parameterisedHeaders are compared as a base value plus ";"-separated
// parameters (spec-checklist §5.2).
var parameterisedHeaders = map[string]bool{"accept": true, "content-type": true}

// matchHeaders compares headers: every expected header must be present
// (names ignore case); extra actual headers are fine.
func matchHeaders(expected, actual model.Headers, rules *ruleSet) []Mismatch {
	var out []Mismatch
	for _, f := range expected.Sorted() {
		key, ev := f.Name, f.Values
		av, ok := actual.Get(key)
		if !ok {
			out = append(out, Mismatch{Type: "HeaderMismatch", Path: key, Expected: strconv.Quote(strings.Join(ev, ", ")), Actual: "",
				Description: fmt.Sprintf("Expected a header '%s' but was missing", key)})
			continue
		}
		if len(ev) == 0 && len(av) > 0 {
			out = append(out, Mismatch{Type: "HeaderMismatch", Path: key, Expected: "", Actual: strings.Join(av, ", "),
				Description: fmt.Sprintf("Expected an empty header '%s' but actual value was '%s'", key, strings.Join(av, ", "))})
			continue
		}
		if len(ev) == 1 && len(av) == 1 {
			out = append(out, matchHeaderValue(key, 0, ev[0], av[0], rules, true)...)
			continue
		}
		path := []string{"$", strings.ToLower(key)}
		if rules.defined(path) {
			l, cascaded := rules.best(path)
			out = append(out, compareStringLists(l, cascaded, ev, av, path, rules, func(e, a string, rs *ruleSet) []Mismatch {
				return matchHeaderValue(key, 0, e, a, rs, false)
			}, func(e, a any, msg string) Mismatch {
				return Mismatch{Type: "HeaderMismatch", Path: renderPath(path), Expected: e, Actual: a, Description: msg}
			})...)
			continue
		}
		for i := 0; i < max(len(ev), len(av)); i++ {
			e := ""
			if i < len(ev) {
				e = ev[i]
			}
			if i < len(av) {
				out = append(out, matchHeaderValue(key, i, e, av[i], rules, false)...)
				continue
			}
			out = append(out, Mismatch{Type: "HeaderMismatch", Path: key, Expected: e, Actual: "",
				Description: fmt.Sprintf("Mismatch with header '%s': Expected value '%s' at index %d but was missing (actual has %d value(s))", key, e, i, len(av))})
		}
	}
	return out
}

// matchHeaderValue compares one header value (reference match_header_value).
func matchHeaderValue(key string, index int, expected, actual string, rules *ruleSet, single bool) []Mismatch {
	lower := strings.ToLower(key)
	path := []string{"$", lower}
	indexed := []string{"$", lower, strconv.Itoa(index)}
	expected, actual = strings.TrimSpace(expected), strings.TrimSpace(actual)
	suffix := func(msgs []string) []string {
		if single {
			return msgs
		}
		for i := range msgs {
			msgs[i] = fmt.Sprintf("%s for value at index %d", msgs[i], index)
		}
		return msgs
	}
	var msgs []string
	switch {
	case rules.defined(path):
		l, cascaded := rules.best(path)
		msgs = suffix(applyRules(l, func(r model.Rule) error { return matchStr(r, expected, actual, cascaded, false) }))
	case rules.defined(indexed):
		l, cascaded := rules.best(indexed)
		msgs = suffix(applyRules(l, func(r model.Rule) error { return matchStr(r, expected, actual, cascaded, false) }))
	case parameterisedHeaders[lower] && (strings.Contains(expected, ",") || strings.Contains(actual, ",")):
		// a list such as "text/html, application/xml;q=0.9" given as one
		// value: compare item by item
		ei, ai := splitTrim(expected, ","), splitTrim(actual, ",")
		if len(ei) != len(ai) {
			msgs = []string{fmt.Sprintf("Expected header '%s' to have value '%s' but was '%s'", key, expected, actual)}
			break
		}
		for i := range ei {
			if len(matchParameterHeader(ei[i], ai[i], key, "header", i, true)) > 0 {
				msgs = []string{fmt.Sprintf("Expected header '%s' to have value '%s' but was '%s'", key, expected, actual)}
				break
			}
		}
	case parameterisedHeaders[lower]:
		msgs = matchParameterHeader(expected, actual, key, "header", index, single)
	default:
		if expected == actual {
			break
		}
		ne, na := normaliseCommas(expected), normaliseCommas(actual)
		if ne != na {
			msgs = suffix([]string{fmt.Sprintf("Expected '%s' to be equal to '%s'", na, ne)})
		}
	}
	out := make([]Mismatch, 0, len(msgs))
	for _, m := range msgs {
		out = append(out, Mismatch{Type: "HeaderMismatch", Path: key, Expected: expected, Actual: actual,
			Description: fmt.Sprintf("Mismatch with header '%s': %s", key, m)})
	}
	return out
}

func normaliseCommas(s string) string {
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, ",")
}

func splitTrim(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// matchParameterHeader compares a parameterised value such as
// "application/json; charset=UTF-8": the base value exactly, and every
// expected parameter must be present with an equal value (ignoring case).
func matchParameterHeader(expected, actual, header, valueType string, index int, single bool) []string {
	if expected == actual {
		return nil // same base, same parameters
	}
	ev, av := splitTrim(expected, ";"), splitTrim(actual, ";")
	var msg string
	if single {
		msg = fmt.Sprintf("Expected %s '%s' to have value '%s' but was '%s'", valueType, header, expected, actual)
	} else {
		msg = fmt.Sprintf("Expected %s '%s' at index %d to have value '%s' but was '%s'", valueType, header, index, expected, actual)
	}
	ebase, abase := "", ""
	if len(ev) > 0 {
		ebase, ev = ev[0], ev[1:]
	}
	if len(av) > 0 {
		abase, av = av[0], av[1:]
	}
	if ebase != abase {
		return []string{msg}
	}
	ep, ap := parseParams(ev), parseParams(av)
	keys := make([]string, 0, len(ep))
	for k := range ep {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		a, ok := ap[k]
		if !ok || !strings.EqualFold(a, ep[k]) {
			out = append(out, msg)
		}
	}
	return out
}

func parseParams(ps []string) map[string]string {
	out := map[string]string{}
	for _, p := range ps {
		if k, v, ok := strings.Cut(p, "="); ok {
			out[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return out
}

// compareStringLists applies a rule list to a list of string values (repeated
// headers, query parameters, form fields), as the reference's
// compare_lists_with_matchingrules does: for each rule, the list-level check
// and then every actual value against the expected value at its index (or the
// first expected value when there are more actual values); arrayContains
// looks for each expected value anywhere in the list; eachValue applies its
// sub-rules to every value. item compares one pair of values under a rule
// set; listMismatch builds a mismatch about the list as a whole.
func compareStringLists(l *model.RuleList, cascaded bool, ev, av []string, path []string, rules *ruleSet,
	item func(e, a string, rules *ruleSet) []Mismatch, listMismatch func(e, a any, msg string) Mismatch) []Mismatch {
	var results [][]Mismatch
	failed := 0
	for _, r := range l.Rules {
		res := compareStringListRule(r, cascaded, ev, av, path, rules, item, listMismatch)
		results = append(results, res)
		if len(res) > 0 {
			failed++
		}
	}
	if l.Combine == model.Or && failed < len(l.Rules) {
		return nil
	}
	var out []Mismatch
	for _, r := range results {
		out = append(out, r...)
	}
	return out
}

func compareStringListRule(r model.Rule, cascaded bool, ev, av []string, path []string, rules *ruleSet,
	item func(e, a string, rules *ruleSet) []Mismatch, listMismatch func(e, a any, msg string) Mismatch) []Mismatch {
	if len(ev) == 0 {
		return nil
	}
	var res []Mismatch
	contents := func(rules *ruleSet) {
		for i := 0; i < max(len(ev), len(av)); i++ {
			e := ev[0]
			if i < len(ev) {
				e = ev[i]
			}
			if i < len(av) {
				res = append(res, item(e, av[i], rules)...)
			} else if !rules.defined(child(path, strconv.Itoa(i))) {
				res = append(res, listMismatch(stringsJSON(ev), stringsJSON(av), fmt.Sprintf("Expected %s (%d) but was missing", e, i)))
			}
		}
	}
	switch r.Kind {
	case model.ArrayContains:
		variants := r.Variants()
		if len(variants) == 0 {
			for i := range ev {
				variants = append(variants, model.Variant{Index: i, Rules: model.PathRulesOf(
					model.PathRule{Path: "$", RuleList: model.RuleList{Rules: []model.Rule{{Kind: model.Equality}}}})})
			}
		}
		for _, v := range variants {
			if v.Index < 0 || v.Index >= len(ev) {
				res = append(res, listMismatch(stringsJSON(ev), stringsJSON(av),
					fmt.Sprintf("ArrayContains: variant %d is missing from the expected list, which has %d items", v.Index, len(ev))))
				continue
			}
			vr := subRuleSet(&v.Rules)
			vr.weighted = rules.weighted
			found := false
			for _, a := range av {
				if len(item(ev[v.Index], a, vr)) == 0 {
					found = true
					break
				}
			}
			if !found {
				res = append(res, listMismatch(ev[v.Index], stringsJSON(av),
					fmt.Sprintf("Variant at index %d (%s) was not found in the actual list", v.Index, ev[v.Index])))
			}
		}
	case model.EachValue:
		if !cascaded {
			contents(starRules(path, r.Rules()))
		}
	default:
		if err := matchList(r, ev, av, len(av), cascaded, true); err != nil {
			res = append(res, listMismatch(stringsJSON(ev), stringsJSON(av), err.Error()))
		}
		contents(rules)
	}
	return res
}
