package matching

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/libpact/libpact/core/model"
)

// jsonMatcher compares two JSON trees under one set of body rules. It follows
// the reference's compare_json / compare_maps / compare_lists.
type jsonMatcher struct {
	rules           *ruleSet
	allowUnexpected bool // responses and messages: extra map keys are fine
	out             []Mismatch
	path            []string   // the current item path, used as a stack
	pairs           []keyPairs // by depth (len(path)): the last objects' key pairs
}

// keyPairs pairs the keys of an expected object, in byte order, with the
// positions of their values in the expected and the actual object. The
// objects of a parsed document that have the same keys share one keys slice
// (parseJSON), so the pairs of one array item serve all the others: they are
// kept for the keys slices they were made from.
type keyPairs struct {
	e, a    *string // the keys slices' arrays and lengths
	en, an  int
	list    []keyPair
	missing bool // some expected key is not in the actual object
}

type keyPair struct {
	key    string
	ei, ai int // ai -1: not in the actual object
}

// keyPairs returns the key pairs of e and a; valid until the next call at the
// same depth.
func (m *jsonMatcher) keyPairs(e, a *jsonObject) *keyPairs {
	d := len(m.path)
	for len(m.pairs) <= d {
		m.pairs = append(m.pairs, keyPairs{})
	}
	c := &m.pairs[d]
	ep, ap := unsafe.SliceData(e.keys), unsafe.SliceData(a.keys)
	if c.list != nil && ep != nil && ap != nil && c.e == ep && c.en == len(e.keys) && c.a == ap && c.an == len(a.keys) {
		return c
	}
	keys := e.keys
	if len(keys) > 1 {
		keys = e.sortedKeys()
	}
	list := c.list[:0]
	missing := false
	for _, k := range keys {
		ai := a.indexOf(k)
		if ai < 0 {
			missing = true
		}
		list = append(list, keyPair{key: k, ei: e.indexOf(k), ai: ai})
	}
	*c = keyPairs{e: ep, en: len(e.keys), a: ap, an: len(a.keys), list: list, missing: missing}
	return c
}

func (m *jsonMatcher) with(rules *ruleSet) *jsonMatcher {
	return &jsonMatcher{rules: rules, allowUnexpected: m.allowUnexpected}
}

func (m *jsonMatcher) push(seg string) { m.path = append(m.path, seg) }
func (m *jsonMatcher) pop()            { m.path = m.path[:len(m.path)-1] }

// add reports a mismatch at the current path. Strings are copied: the tree's
// strings share the memory of the body being matched (parseJSON), which the
// caller may reuse once the match is done.
func (m *jsonMatcher) add(expected, actual any, description string) {
	m.out = append(m.out, Mismatch{
		Type:        "BodyMismatch",
		Path:        renderPath(m.path),
		Expected:    cloneString(expected),
		Actual:      cloneString(actual),
		Description: strings.Clone(description),
	})
}

func cloneString(v any) any {
	if s, ok := v.(string); ok {
		return strings.Clone(s)
	}
	return v
}

// matchJSONBodies parses and compares two JSON bodies.
func matchJSONBodies(expected, actual []byte, rules *ruleSet, allowUnexpected bool) []Mismatch {
	ar := getArena()
	defer ar.release() // the trees die with this call: mismatches hold copies
	e, eerr := parseJSONIn(ar, expected)
	a, aerr := parseJSONIn(ar, actual)
	if eerr != nil || aerr != nil {
		var out []Mismatch
		if eerr != nil {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
				Description: fmt.Sprintf("Failed to parse the expected body: '%v'", eerr)})
		}
		if aerr != nil {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
				Description: fmt.Sprintf("Failed to parse the actual body: '%v'", aerr)})
		}
		return out
	}
	m := &jsonMatcher{rules: rules, allowUnexpected: allowUnexpected, path: make([]string, 1, 16)}
	m.path[0] = "$"
	m.compare(e, a)
	return m.out
}

// compare compares the values at the current path.
func (m *jsonMatcher) compare(e, a any) {
	switch ev := e.(type) {
	case *jsonObject:
		if av, ok := a.(*jsonObject); ok {
			m.compareMaps(ev, av)
			return
		}
		m.add(jsonToString(e), jsonToString(a), fmt.Sprintf("Type mismatch: Expected %s (%s) to be the same type as %s (%s)",
			valueOf(a), typeOf(a), valueOf(e), typeOf(e)))
	case []any:
		if av, ok := a.([]any); ok {
			m.compareLists(ev, av)
			return
		}
		m.add(jsonToString(e), jsonToString(a), fmt.Sprintf("Type mismatch: Expected %s (%s) to be the same type as %s (%s)",
			valueOf(a), typeOf(a), valueOf(e), typeOf(e)))
	default:
		m.compareValues(e, a)
	}
}

func (m *jsonMatcher) compareValues(e, a any) {
	if l, cascaded := m.rules.best(m.path); l != nil {
		var errs []error
		ok := 0
		for _, r := range l.Rules {
			if err := matchJSON(r, e, a, cascaded, true); err != nil {
				errs = append(errs, err)
			} else {
				ok++
			}
		}
		if l.Combine == model.Or && ok > 0 {
			return
		}
		for _, err := range errs {
			m.add(jsonText(e), jsonText(a), err.Error())
		}
		return
	}
	if !jsonEqual(e, a) {
		m.add(jsonText(e), jsonText(a), fmt.Sprintf("Expected %s to be equal to %s", typed(a, true), typed(e, true)))
	}
}

func (m *jsonMatcher) compareMaps(e, a *jsonObject) {
	if e.len() == 0 && !m.allowUnexpected && a.len() > 0 {
		m.add(jsonText(e), jsonText(a), "Expected an empty Map but received "+jsonText(a))
		return
	}
	if l, cascaded := m.rules.best(m.path); l != nil {
		for _, r := range l.Rules {
			m.compareMapsWithRule(r, cascaded, e, a)
		}
		return
	}
	m.matchKeys(e, a)
	m.compareExpectedKeys(e, a)
}

func (m *jsonMatcher) compareExpectedKeys(e, a *jsonObject) {
	for _, p := range m.keyPairs(e, a).list {
		if p.ai >= 0 {
			m.push(p.key)
			m.compare(e.vals[p.ei], a.vals[p.ai])
			m.pop()
		}
	}
}

func (m *jsonMatcher) compareMapsWithRule(r model.Rule, cascaded bool, e, a *jsonObject) {
	if !cascaded && isValuesRule(r) {
		sub := m
		if r.Kind == model.EachValue {
			sub = m.with(starRules(m.path, r.Rules()))
			sub.path = append(sub.path, m.path...)
		}
		var first any
		hasFirst := false
		if e.len() > 0 {
			first, _ = e.get(e.sortedKeys()[0])
			hasFirst = true
		}
		for _, k := range a.sortedKeys() {
			av, _ := a.get(k)
			ev, ok := e.get(k)
			if !ok {
				if !hasFirst {
					continue
				}
				ev = first
			}
			sub.push(k)
			sub.compare(ev, av)
			sub.pop()
		}
		if sub != m {
			m.out = append(m.out, sub.out...)
		}
		return
	}
	if err := matchMap(r, e, a, cascaded); err != nil {
		m.add(mapForMismatch(e), mapForMismatch(a), err.Error())
	}
	m.matchKeys(e, a)
	m.compareExpectedKeys(e, a)
}

// starRules is a rule set holding just rules at path.* (how eachValue applies
// its sub-rules to every item of a collection).
func starRules(item []string, rules []model.Rule) *ruleSet {
	p := make(model.DocPath, 0, len(item)+1)
	for i, s := range item {
		if i == 0 && s == "$" {
			p = append(p, model.PathToken{Kind: model.TokRoot})
			continue
		}
		p = append(p, model.PathToken{Kind: model.TokField, Name: s})
	}
	p = append(p, model.PathToken{Kind: model.TokStar})
	return &ruleSet{weighted: true, entries: []ruleEntry{{path: p, list: &model.RuleList{Rules: rules}}}}
}

// matchKeys checks missing and unexpected keys, and applies eachKey rules.
func (m *jsonMatcher) matchKeys(e, a *jsonObject) {
	if !m.rules.directDefined(m.path, model.Values, model.EachValue, model.EachKey) {
		missing := m.keyPairs(e, a).missing
		if m.allowUnexpected && missing {
			var ks []string
			for _, k := range e.sortedKeys() {
				if _, ok := a.get(k); !ok {
					ks = append(ks, k)
				}
			}
			m.add(keysJSON(e), keysJSON(a), "Actual map is missing the following keys: "+strings.Join(ks, ", "))
		} else if !m.allowUnexpected && (missing || e.len() != a.len()) {
			m.add(keysJSON(e), keysJSON(a), fmt.Sprintf("Expected a Map with keys [%s] but received one with keys [%s]",
				strings.Join(e.sortedKeys(), ", "), strings.Join(a.sortedKeys(), ", ")))
		}
	}
	if m.rules.directDefined(m.path) {
		l, _ := m.rules.best(m.path)
		if l == nil {
			return
		}
		for _, r := range l.Rules {
			if r.Kind != model.EachKey {
				continue
			}
			for _, sub := range r.Rules() {
				for _, k := range a.sortedKeys() {
					if err := matchStr(sub, "", k, false, false); err != nil {
						m.push(k)
						m.add("", k, err.Error())
						m.pop()
					}
				}
			}
		}
	}
}

// mapForMismatch is how the reference writes the expected and actual values
// of a failed map-level rule (DisplayForMismatch of a BTreeMap): an object
// with the keys sorted, each value replaced by the string of its JSON text.
// {"b":[1],"a":"x"} gives {"a":"\"x\"","b":"[1]"}. A failed list-level rule
// writes its items the same way: stringsJSON(jsonItems(list)).
func mapForMismatch(o *jsonObject) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range o.sortedKeys() {
		if i > 0 {
			b.WriteByte(',')
		}
		v, _ := o.get(k)
		writeJSON(&b, k)
		b.WriteByte(':')
		writeJSON(&b, jsonText(v))
	}
	b.WriteByte('}')
	return b.String()
}

func keysJSON(o *jsonObject) string {
	ks := o.sortedKeys()
	vals := make([]any, len(ks))
	for i, k := range ks {
		vals[i] = k
	}
	return jsonText(vals)
}

func (m *jsonMatcher) compareLists(e, a []any) {
	if l, cascaded := m.rules.best(m.path); l != nil {
		m.compareListsWithRules(l, cascaded, e, a)
		return
	}
	if len(e) == 0 && len(a) > 0 {
		m.add(jsonText(e), jsonText(a), "Expected an empty List but received "+jsonText(a))
		return
	}
	for i, ev := range e {
		if i < len(a) {
			m.push(indexString(i))
			m.compare(ev, a[i])
			m.pop()
			continue
		}
		m.push(indexString(i))
		defined := m.rules.defined(m.path)
		m.pop()
		if !defined {
			m.add(jsonText(e), jsonText(a), fmt.Sprintf("Expected %s but was missing", jsonToString(ev)))
		}
	}
	if len(e) != len(a) {
		m.add(jsonText(e), jsonText(a), fmt.Sprintf("Expected a List with %d elements but received %d elements", len(e), len(a)))
	}
}

func (m *jsonMatcher) compareListsWithRules(l *model.RuleList, cascaded bool, e, a []any) {
	if l.Combine == model.And || len(l.Rules) == 1 {
		// every failure is reported: no need to keep the rules' results apart
		for _, r := range l.Rules {
			m.compareListsWithRule(r, cascaded, e, a)
		}
		return
	}
	var results [][]Mismatch
	failed := 0
	for _, r := range l.Rules {
		sub := m.with(m.rules)
		sub.path = append(sub.path, m.path...)
		sub.compareListsWithRule(r, cascaded, e, a)
		results = append(results, sub.out)
		if len(sub.out) > 0 {
			failed++
		}
	}
	if l.Combine == model.Or && failed < len(l.Rules) {
		return
	}
	for _, r := range results {
		m.out = append(m.out, r...)
	}
}

func (m *jsonMatcher) compareListsWithRule(r model.Rule, cascaded bool, e, a []any) {
	if len(e) == 0 {
		return
	}
	switch r.Kind {
	case model.ArrayContains:
		variants := r.Variants()
		if len(variants) == 0 {
			for i := range e {
				variants = append(variants, model.Variant{Index: i, Rules: model.PathRulesOf(
					model.PathRule{Path: "$", RuleList: model.RuleList{Rules: []model.Rule{{Kind: model.Equality}}}})})
			}
		}
		for _, v := range variants {
			if v.Index < 0 || v.Index >= len(e) {
				m.add(jsonText(e), jsonText(a), fmt.Sprintf("ArrayContains: variant %d is missing from the expected list, which has %d items", v.Index, len(e)))
				continue
			}
			ev := e[v.Index]
			rules := subRuleSet(&v.Rules)
			found := false
			for _, av := range a {
				sub := m.with(rules)
				sub.path = []string{"$"}
				sub.compare(ev, av)
				if len(sub.out) == 0 {
					found = true
					break
				}
			}
			if !found {
				m.add(jsonText(ev), stringsJSON(jsonItems(a)), fmt.Sprintf("Variant at index %d (%s) was not found in the actual list", v.Index, jsonText(ev)))
			}
		}
	case model.EachValue:
		if cascaded {
			return
		}
		sub := m.with(starRules(m.path, r.Rules()))
		sub.path = append(sub.path, m.path...)
		sub.listContents(e, a)
		m.out = append(m.out, sub.out...)
	default:
		items := func(l []any) func() []string { return func() []string { return jsonItems(l) } }
		eq := func() bool { return jsonEqual(e, a) }
		if err := matchListLazy(r, items(e), items(a), len(a), eq, cascaded, true); err != nil {
			m.add(stringsJSON(jsonItems(e)), stringsJSON(jsonItems(a)), err.Error())
		}
		m.listContents(e, a)
	}
}

// listContents compares every actual item with the expected item at the same
// index, or with the first expected item when the actual list is longer
// ("each like").
func (m *jsonMatcher) listContents(e, a []any) {
	n := max(len(e), len(a))
	for i := 0; i < n; i++ {
		ev := e[0]
		if i < len(e) {
			ev = e[i]
		}
		m.push(indexString(i))
		if i < len(a) {
			m.compare(ev, a[i])
		} else if !m.rules.defined(m.path) {
			m.pop()
			m.add(jsonText(e), jsonText(a), fmt.Sprintf("Expected %s (%d) but was missing", jsonText(ev), i))
			continue
		}
		m.pop()
	}
}
