package integration

import (
	"fmt"
	"slices"
	"sync"

	"github.com/libpact/libpact/core/model"
)

// ProcessValue reads a header, query parameter, path, status or message
// metadata value as a Pact client sends it through the FFI, and returns the
// example value with the rules (combined with AND) and the generator it
// describes. The value may be
//
//   - a plain string, returned as is ("/path/to/100", "text/html");
//   - a matching-rule expression ("matching(regex, '\\d+', '100')"): a
//     keyword of IsDefinition followed by "(" (a bare "matching" is a string);
//   - a JSON object in the integration format (see ProcessJSON): the example
//     is its "value" as a string (a number or boolean as its JSON text, null
//     or a missing value as ""), the rules come from "pact:matcher:type" and
//     the generator from "pact:generator:type". An object without
//     "pact:matcher:type" gives its "value"; one that holds just
//     "expression" and "value" is the ProviderState shorthand of
//     IntegrationJson.md, a generator with no rule.
//
// When the value is an array of values (see ProcessValues), ProcessValue
// returns the first of them, as pact_ffi does for paths and status codes.
//
//	ex, rules, gen, err := integration.ProcessValue(`{"value":"100","pact:matcher:type":"regex","regex":"\\d+"}`)
//	// ex = "100", rules = [Regex \d+], gen = nil
//
// Any other JSON (a string, number or array given on its own) is taken as a
// plain string. A matcher that cannot be read gives an error.
func ProcessValue(v string) (example string, rules []model.Rule, gen *model.Generator, err error) {
	if isPlainValue(v) {
		return v, nil, nil, nil
	}
	examples, rules, gen, err := processValue(v)
	if err != nil {
		return "", nil, nil, err
	}
	if len(examples) > 0 {
		example = examples[0]
	}
	return example, rules, gen, nil
}

// ProcessValues is ProcessValue for a value that may stand for several:
// repeated query parameters or a multi-value header. When the example of the
// integration JSON is an array, its items are the values and the rules apply
// to them all:
//
//	exs, rules, _, _ := integration.ProcessValues(`{"value":["1","2"],"pact:matcher:type":"regex","regex":"\\d+"}`)
//	// exs = ["1", "2"], rules = [Regex \d+]
//
// Any other value gives a single example.
func ProcessValues(v string) (examples []string, rules []model.Rule, gen *model.Generator, err error) {
	return processValue(v)
}

// ProcessValuesShared is ProcessValues without the copies: the examples and
// rules of a value seen before come from the memo of recent values, shared
// with every caller, so they must be read (or copied), never changed. Their
// capacity ends at their length, so an append makes a copy. A plain value is
// left to the caller (see IsPlainValue), which can hold it without
// allocating.
//
//	exs, rules, _, _ := integration.ProcessValuesShared(`{"value":"1","pact:matcher:type":"regex","regex":"\\d+"}`)
//	q.Add("n", exs[0]) // keeps a string, not the slice
func ProcessValuesShared(v string) (examples []string, rules []model.Rule, gen *model.Generator, err error) {
	return processValueOf(v, false)
}

// IsPlainValue reports whether v is neither an expression nor a JSON object:
// a value that ProcessValue returns as it is, with no rule.
//
//	integration.IsPlainValue("application/json") // true
//	integration.IsPlainValue(`{"value":"1"}`)    // false
func IsPlainValue(v string) bool { return isPlainValue(v) }

// isPlainValue reports whether v is neither an expression nor a JSON object:
// a value that stands for itself.
func isPlainValue(v string) bool {
	if looksLikeDefinition(v) {
		return false
	}
	for i := 0; i < len(v); i++ { // strings.TrimLeft would build its set of four bytes on every call
		switch v[i] {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return false
		}
		return true
	}
	return true
}

func processValue(v string) ([]string, []model.Rule, *model.Generator, error) {
	return processValueOf(v, true)
}

// processValueOf is processValue; own says whether the caller gets slices
// of its own (copies of the memo's) or may share the memo's.
func processValueOf(v string, own bool) ([]string, []model.Rule, *model.Generator, error) {
	if isPlainValue(v) {
		return []string{v}, nil, nil, nil
	}
	if exs, rules, ok := memo.get(v, own); ok {
		return exs, rules, nil, nil
	}
	exs, rules, gen, err := processValueUncached(v, looksLikeDefinition(v))
	if err == nil && gen == nil {
		memo.put(v, exs, rules)
	}
	return exs, rules, gen, err
}

// processValueUncached is processValue without the memo; definition says
// whether v looks like a matching-rule expression.
func processValueUncached(v string, definition bool) ([]string, []model.Rule, *model.Generator, error) {
	if definition {
		def, err := ParseDefinition(v)
		if err != nil {
			return nil, nil, nil, err
		}
		return []string{def.Value}, def.resolvedRules(), def.Generator, nil
	}
	jp := pooledParser() // only strings leave this function, no node
	defer jp.release()
	n, err := jp.parseString(v)
	if err != nil || n.kind != nObject || !n.has("value") && !hasPactKey(n) {
		return []string{v}, nil, nil, nil
	}
	var rules []model.Rule
	var gen *model.Generator
	var def *Definition
	if n.has("pact:matcher:type") {
		if rules, gen, def, err = matchersOf(n, nil); err != nil {
			return nil, nil, nil, err
		}
	}
	if g := n.get("pact:generator:type"); g != nil {
		if pg, ok := generatorOf(g.text(), n); ok {
			gen = &pg
		}
	} else if gen == nil && len(n.keys) == 2 && n.has("expression") && n.has("value") {
		if pg, ok := generatorOf("ProviderState", n); ok {
			gen = &pg
		}
	}
	val := n.get("value")
	if val == nil && def != nil {
		val = def.example()
	}
	var examples []string
	switch {
	case val == nil:
		examples = []string{""}
	case val.kind == nArray:
		for i, item := range val.items {
			if item.kind == nObject || item.kind == nArray {
				return nil, nil, nil, fmt.Errorf("value %d of the array is %s; the values of a header, query parameter or path must be strings (put the matcher around the array)", i, item.kindName())
			}
			examples = append(examples, item.text())
		}
	case val.kind == nObject:
		return nil, nil, nil, fmt.Errorf("'value' is an object; the value of a header, query parameter or path must be a string")
	default:
		examples = []string{val.text()}
	}
	return examples, rules, gen, nil
}

// valueMemo remembers what processValue made of JSON objects and
// expressions, which clients often pass again and again (the same matcher
// on a header or query parameter of every interaction). It keeps only
// results whose rules hold no map, slice or pointer but strings and the
// rules' rare attributes (which no one changes once set, see model.Rule),
// and hands out copies, so that no caller shares anything it could change,
// except to ProcessValuesShared, whose callers promise not to change what
// they get. It is bounded: once full, new values are processed every time.
type valueMemo struct {
	mu sync.RWMutex
	m  map[string]memoValue // guarded by mu
}

type memoValue struct {
	examples []string
	rules    []model.Rule
}

// The bounds of the memo: values up to maxMemoLen bytes, at most
// maxMemoValues of them.
const (
	maxMemoLen    = 512
	maxMemoValues = 1024
)

var memo = valueMemo{m: map[string]memoValue{}}

// get returns the examples and rules remembered for v: copies when own is
// true, else the memo's own, whose capacity ends at their length.
func (m *valueMemo) get(v string, own bool) ([]string, []model.Rule, bool) {
	if len(v) > maxMemoLen {
		return nil, nil, false
	}
	m.mu.RLock()
	e, ok := m.m[v]
	m.mu.RUnlock()
	if !ok {
		return nil, nil, false
	}
	if !own {
		return slices.Clip(e.examples), slices.Clip(e.rules), true
	}
	return slices.Clone(e.examples), slices.Clone(e.rules), true
}

// put remembers copies of the examples and rules of v when they can be
// shared (see valueMemo) and there is room.
func (m *valueMemo) put(v string, examples []string, rules []model.Rule) {
	if len(v) > maxMemoLen {
		return
	}
	for _, r := range rules {
		if !flatRule(r) {
			return
		}
	}
	e := memoValue{examples: slices.Clone(examples), rules: slices.Clone(rules)}
	m.mu.Lock()
	if len(m.m) < maxMemoValues {
		m.m[v] = e
	}
	m.mu.Unlock()
}

// flatRule reports whether r holds nothing a copy would share but strings
// and its block of rare attributes, which is never changed once set.
func flatRule(r model.Rule) bool {
	if r.Variants() != nil || r.Rules() != nil || r.Generator() != nil || r.Attrs() != nil {
		return false
	}
	for _, a := range []any{r.Value(), r.Status()} {
		switch a.(type) {
		case nil, string:
		default:
			return false
		}
	}
	return true
}

// hasPactKey reports whether an object holds any "pact:" key.
func hasPactKey(n *node) bool {
	for _, k := range n.keys {
		if isPactKey(k) {
			return true
		}
	}
	return false
}
