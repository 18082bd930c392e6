package matching

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// queryOf returns the request's query, parsing RawQuery when Query is not
// filled in.
//
// V1 note: the V1 specification compares query strings as plain text (order
// and a trailing "&" matter). Like the reference implementation, libpact
// always compares V1 queries as parameter maps (V1.1 semantics); see
// conformance/DEVIATIONS.md.
func queryOf(r *model.Request) model.Query {
	if len(r.Query) > 0 || r.RawQuery == "" {
		return r.Query
	}
	return ParseQuery(r.RawQuery)
}

// ParseQuery parses a query string (or a form-urlencoded body) into a
// list of parameters, with pactfile.ParseQuery, the one query parser that pact
// files, received requests and the matcher share: split on "&", skip empty
// segments, split each on the first "=", decode %XX and "+". A name without
// "=" gets the value "". The result is never nil.
//
//	matching.ParseQuery("a=1&b=x%3Dy&a=2&") // [{a [1 2]} {b [x=y]}]
func ParseQuery(raw string) model.Query {
	q, _ := pactfile.ParseQuery(raw)
	if q == nil {
		q = model.Query{}
	}
	return q
}

// debugStrings renders a list as Rust's Debug does: ["a", "b"].
func debugStrings(l []string) string {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = strconv.Quote(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// matchQuery compares query parameters: missing and unexpected names fail,
// values are compared in order, or by the rule on the name.
func matchQuery(expected, actual model.Query, rules *ruleSet) []Mismatch {
	return matchParams(expected, actual, rules, "QueryMismatch", "query parameter", nil)
}

// matchParams is the query-map comparison, shared with form bodies (which
// word it "form post parameter" and report BodyMismatch at "$.name").
func matchParams(expected, actual model.Query, rules *ruleSet, typ, noun string, pathOf func(string) string) []Mismatch {
	if pathOf == nil {
		pathOf = func(k string) string { return k }
	}
	mk := func(key string, e, a any, msg string) Mismatch {
		return Mismatch{Type: typ, Path: pathOf(key), Expected: e, Actual: a, Description: msg}
	}
	actualIndex, expectedIndex := indexParams(actual), indexParams(expected)
	var out []Mismatch
	for _, f := range expected.Sorted() {
		key, ev := f.Name, f.Values
		av, ok := actualIndex.get(key)
		if !ok {
			out = append(out, mk(key, debugStrings(ev), "", fmt.Sprintf("Expected %s '%s' but was missing", noun, key)))
			continue
		}
		path := []string{"$", key}
		if rules.defined(path) {
			l, cascaded := rules.best(path)
			out = append(out, compareStringLists(l, cascaded, ev, av, path, rules, func(e, a string, rs *ruleSet) []Mismatch {
				return compareParamValue(key, e, a, rs, mk)
			}, func(e, a any, msg string) Mismatch { return mk(key, e, a, msg) })...)
			continue
		}
		if len(ev) == 0 && len(av) > 0 {
			out = append(out, mk(key, debugStrings(ev), debugStrings(av),
				fmt.Sprintf("Expected an empty parameter list for '%s' but received %s", key, debugStrings(av))))
			continue
		}
		for i := 0; i < max(len(ev), len(av)); i++ {
			e := ""
			if i < len(ev) {
				e = ev[i]
			}
			if i < len(av) {
				ip := []string{"$", key, strconv.Itoa(i)}
				if rules.defined(ip) {
					l, cascaded := rules.best(ip)
					for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, e, av[i], cascaded, false) }) {
						out = append(out, mk(key, e, av[i], msg))
					}
				} else if e != av[i] {
					out = append(out, mk(key, e, av[i], fmt.Sprintf("Expected %s '%s' with value '%s' but was '%s'", noun, key, e, av[i])))
				}
				continue
			}
			out = append(out, mk(key, debugStrings(ev), debugStrings(av), fmt.Sprintf("Expected %s '%s' value '%s' but was missing", noun, key, e)))
		}
		if len(ev) != len(av) {
			out = append(out, mk(key, debugStrings(ev), debugStrings(av),
				fmt.Sprintf("Expected %s '%s' with %d value(s) but received %d value(s)", noun, key, len(ev), len(av))))
		}
	}
	for _, f := range actual.Sorted() {
		if _, ok := expectedIndex.get(f.Name); !ok {
			out = append(out, mk(f.Name, "", debugStrings(f.Values), fmt.Sprintf("Unexpected %s '%s' received", noun, f.Name)))
		}
	}
	return out
}

// paramIndex finds parameters by name: by scanning a short list, through a
// map built once for a long one (a form body of thousands of fields).
type paramIndex struct {
	q      model.Query
	byName map[string]int
}

// indexParams returns the index of q.
func indexParams(q model.Query) paramIndex {
	x := paramIndex{q: q}
	if len(q) > 32 {
		x.byName = make(map[string]int, len(q))
		for n := len(q) - 1; n >= 0; n-- { // the first of a repeated name wins, as in Query.Get
			x.byName[q[n].Name] = n
		}
	}
	return x
}

// get returns the values of the parameter name and whether there is one.
func (x paramIndex) get(name string) ([]string, bool) {
	if x.byName == nil {
		return x.q.Get(name)
	}
	n, ok := x.byName[name]
	if !ok {
		return nil, false
	}
	return x.q[n].Values, true
}

// compareParamValue compares one value of a parameter that has a rule (the
// reference's compare_query_parameter_value, reached through the list
// comparison): the rule that applies to "$.name.i.0", else equality.
func compareParamValue(key, e, a string, rules *ruleSet, mk func(key string, e, a any, msg string) Mismatch) []Mismatch {
	ip := []string{"$", key, "0", "0"}
	var out []Mismatch
	if l, cascaded := rules.best(ip); l != nil {
		for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, e, a, cascaded, false) }) {
			out = append(out, mk(key, e, a, msg))
		}
	} else if e != a {
		out = append(out, mk(key, e, a, fmt.Sprintf("Expected '%s' to be equal to '%s'", a, e)))
	}
	return out
}
