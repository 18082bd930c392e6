package integration

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// ProcessJSON turns a JSON body in the integration format (IntegrationJson.md
// of pact_ffi; spec-checklist §2.3) into the plain example body, the matching
// rules and the generators it describes, keyed by body path ("$.a.b",
// "$.items[*].id").
//
// Every object holding "pact:matcher:type" is replaced by its "value", and its
// rules are recorded at its path. The matcher type may be a name ("type",
// "regex", "each-key", any alias), an array of matcher objects (combined with
// AND), or a matching-rule expression (see SYNTAX.md). When "value" is an
// array, its items sit at path[*] (this is eachLike); when it is an object
// and the matcher is values, eachValue or arrayContains, its keys sit at
// path.*. An arrayContains matcher processes each of its "variants" as a body
// of its own, rooted at "$", into the rule's variants. "pact:generator:type"
// (with or without a matcher) records a generator built from the object's
// attributes. Other keys starting with "pact:" are dropped. Key order is kept.
//
//	ex, rules, gens, err := integration.ProcessJSON([]byte(
//		`{"id":{"pact:matcher:type":"integer","value":1},` +
//			`"tags":{"pact:matcher:type":"type","min":1,"value":["a"]}}`))
//	// ex    = {"id":1,"tags":["a"]}
//	// rules = $.id: integer; $.tags: type min 1
//
// Malformed JSON, or a matcher that cannot be read (a regex without "regex",
// a bad expression, arrayContains without "variants"), gives an error that
// names the path.
func ProcessJSON(body []byte) (example []byte, rules map[string]*model.RuleList, gens map[string]model.Generator, err error) {
	// No node outlives this call (the example is marshalled before it
	// returns), so the parser's storage can be reused.
	jp := pooledParser()
	defer jp.release()
	root, err := jp.parse(body)
	if err != nil {
		return nil, nil, nil, err
	}
	p := newProcessor()
	out, err := p.value(root, "$")
	if err != nil {
		return nil, nil, nil, err
	}
	return out.marshal(), p.rules, p.gens, nil
}

// processor collects the rules and generators of one body.
type processor struct {
	rules map[string]*model.RuleList
	gens  map[string]model.Generator
}

func newProcessor() *processor {
	return &processor{rules: map[string]*model.RuleList{}, gens: map[string]model.Generator{}}
}

func (p *processor) addRule(path string, r model.Rule) {
	l := p.rules[path]
	if l == nil {
		// The list and room for its first rule in one allocation.
		b := &struct {
			l     model.RuleList
			first [1]model.Rule
		}{}
		l = &b.l
		l.Rules = b.first[:0]
		p.rules[path] = l
	}
	l.Rules = append(l.Rules, r)
}

// value processes any node at path.
func (p *processor) value(n *node, path string) (*node, error) {
	switch n.kind {
	case nObject:
		return p.object(n, path, false)
	case nArray:
		return p.array(n, path, false)
	}
	return n, nil
}

// array processes the items of an array, at path[*] when star is set (the
// array is the value of a matcher), else at path[i].
func (p *processor) array(n *node, path string, star bool) (*node, error) {
	out := &node{kind: nArray, items: make([]*node, 0, len(n.items))}
	for i, it := range n.items {
		itemPath := path + "[" + strconv.Itoa(i) + "]"
		if star {
			itemPath = path + "[*]"
		}
		v, err := p.value(it, itemPath)
		if err != nil {
			return nil, err
		}
		out.items = append(out.items, v)
	}
	return out, nil
}

// object processes an object: a matcher object, or a plain one whose keys sit
// at path.key (path.* when star is set: the object is the value of a
// values-like matcher).
func (p *processor) object(n *node, path string, star bool) (*node, error) {
	if n.has("pact:matcher:type") || n.has("pact:generator:type") {
		return p.matcher(n, path)
	}
	out := &node{kind: nObject, keys: make([]string, 0, len(n.keys)), vals: make([]*node, 0, len(n.keys))}
	for i, k := range n.keys {
		if isPactKey(k) {
			continue
		}
		itemPath := path + model.FieldSuffix(k)
		if star {
			itemPath = path + ".*"
		}
		v, err := p.value(n.vals[i], itemPath)
		if err != nil {
			return nil, err
		}
		out.keys = append(out.keys, k)
		out.vals = append(out.vals, v)
	}
	return out, nil
}

// matcher processes an object holding pact:matcher:type and/or
// pact:generator:type, returning the example that replaces it.
func (p *processor) matcher(n *node, path string) (*node, error) {
	var example *node
	var rules []model.Rule
	if mt := n.get("pact:matcher:type"); mt != nil && mt.kind == nString && (mt.str == "arrayContains" || mt.str == "array-contains") {
		rule, ex, err := arrayContains(n, path)
		if err != nil {
			return nil, err
		}
		rules, example = []model.Rule{rule}, ex
	} else {
		rs, gen, def, err := matchersOf(n)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		rules = rs
		values := false
		for _, r := range rs {
			if r.Kind == model.Values || r.Kind == model.EachValue || r.Kind == model.ArrayContains {
				values = true
			}
		}
		switch v := n.get("value"); {
		case v == nil && n.get("pact:matcher:type") != nil && n.get("pact:matcher:type").kind == nArray:
			// The array form (IntegrationJson.md, "Supporting multiple
			// matching rules") keeps the attributes in the matcher objects,
			// so the object's other keys are the example.
			if example, err = p.object(withoutPactKeys(n), path, values); err != nil {
				return nil, err
			}
		case v == nil:
			example = def.example()
		case v.kind == nObject:
			if example, err = p.object(v, path, values); err != nil {
				return nil, err
			}
		case v.kind == nArray:
			if example, err = p.array(v, path, true); err != nil {
				return nil, err
			}
		default:
			example = v
		}
		if gen != nil {
			p.gens[path] = *gen
		}
	}
	if g := n.get("pact:generator:type"); g != nil {
		if gen, ok := generatorOf(g.text(), n); ok {
			p.gens[path] = gen
		}
	}
	for _, r := range rules {
		p.addRule(path, r)
	}
	return example, nil
}

// withoutPactKeys returns a copy of the object n without its "pact:" keys.
func withoutPactKeys(n *node) *node {
	out := &node{kind: nObject}
	for i, k := range n.keys {
		if !isPactKey(k) {
			out.keys = append(out.keys, k)
			out.vals = append(out.vals, n.vals[i])
		}
	}
	return out
}

// arrayContains reads an arrayContains matcher: each variant is processed as
// a body of its own, and the example is the array of processed variants.
func arrayContains(n *node, path string) (model.Rule, *node, error) {
	vs := n.get("variants")
	if vs == nil || vs.kind != nArray {
		return model.Rule{}, nil, fmt.Errorf("%s: arrayContains matcher is missing the 'variants' attribute (an array)", path)
	}
	rule := model.Rule{Kind: model.ArrayContains, Variants: make([]model.Variant, 0, len(vs.items))}
	example := &node{kind: nArray, items: make([]*node, 0, len(vs.items))}
	for i, item := range vs.items {
		vp := newProcessor()
		v, err := vp.value(item, "$")
		if err != nil {
			return model.Rule{}, nil, fmt.Errorf("%s: arrayContains variant %d: %w", path, i, err)
		}
		example.items = append(example.items, v)
		rule.Variants = append(rule.Variants, model.Variant{Index: i, Rules: vp.rules, Generators: vp.gens})
	}
	return rule, example, nil
}

// matchersOf reads the rules of a matcher object's pact:matcher:type: a
// name, an expression, or an array of matcher objects. For an expression it
// also returns the generator the expression implies and the definition.
func matchersOf(n *node) ([]model.Rule, *model.Generator, *Definition, error) {
	mt := n.get("pact:matcher:type")
	if mt == nil {
		return nil, nil, nil, nil // generator only
	}
	switch mt.kind {
	case nArray:
		var rules []model.Rule
		for i, item := range mt.items {
			t := item.get("pact:matcher:type")
			if item.kind != nObject || t == nil {
				return nil, nil, nil, fmt.Errorf("matcher %d of the 'pact:matcher:type' array has no 'pact:matcher:type' attribute", i)
			}
			r, err := ruleOf(t.text(), item)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("matcher %d: %w", i, err)
			}
			rules = append(rules, r)
		}
		return rules, nil, nil, nil
	case nString:
	default:
		return nil, nil, nil, fmt.Errorf("'pact:matcher:type' must be a matcher name, an expression or an array of matchers, got %s", mt.kindName())
	}
	name := mt.str
	switch name {
	case "eachKey", "eachValue", "notEmpty", "arrayContains":
		// plain names, not expressions
	default:
		if IsDefinition(name) {
			def, err := ParseDefinition(name)
			if err != nil {
				return nil, nil, nil, err
			}
			for _, ref := range def.References {
				if !n.has(ref) {
					return nil, nil, nil, fmt.Errorf("matching rule expression %q refers to '%s', which is not an attribute of this object", name, ref)
				}
			}
			return def.resolvedRules(), def.Generator, def, nil
		}
	}
	r, err := ruleOf(name, n)
	if err != nil {
		return nil, nil, nil, err
	}
	return []model.Rule{r}, nil, nil, nil
}

// ruleOf builds the rule called name from the attributes of the matcher
// object n.
func ruleOf(name string, n *node) (model.Rule, error) {
	m := map[string]any{}
	for i, k := range n.keys {
		if !isPactKey(k) {
			m[k] = n.vals[i].toAny()
		}
	}
	m["match"] = name
	r, err := model.RuleFromJSON(m)
	if err != nil {
		return model.Rule{}, err
	}
	return fromIntegration(r), nil
}

// fromIntegration adjusts a rule read from integration JSON to the form the
// reference stores: a plugin rule does not keep "value" (the example), and
// the example of eachKey/eachValue is kept as text.
func fromIntegration(r model.Rule) model.Rule {
	switch r.Kind {
	case model.Plugin:
		delete(r.Attrs, "value")
	case model.Timestamp:
		r.Name = "" // written as "datetime", whichever alias was read
	case model.EachKey, model.EachValue:
		switch v := r.Value.(type) {
		case nil, string:
		default:
			b, err := json.Marshal(v)
			if err == nil {
				r.Value = string(b)
			}
		}
		for i := range r.Rules {
			r.Rules[i] = fromIntegration(r.Rules[i])
		}
	}
	return r
}

// example is the example of a definition as a JSON node, for a matcher
// object without "value"; null when there is none.
func (d *Definition) example() *node {
	if d == nil {
		return &node{kind: nNull}
	}
	switch d.ValueType {
	case ValueNull:
		return &node{kind: nNull}
	case ValueBoolean:
		return &node{kind: nBool, b: d.Value == "true"}
	case ValueInteger, ValueDecimal, ValueNumber:
		return &node{kind: nNumber, str: string(jsonNumber(d.Value))}
	case ValueUnknown:
		if d.Value == "" || len(d.References) > 0 {
			return &node{kind: nNull}
		}
	}
	return stringNode(d.Value)
}

// jsonNumber returns the text of an expression's number (-?digits(.digits)?)
// as JSON, which does not allow leading zeros: "007" gives 7, "-00.50"
// gives -0.50, "00" gives 0.
func jsonNumber(s string) json.Number {
	sign, digits := "", s
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	whole, frac, hasFrac := strings.Cut(digits, ".")
	if trimmed := strings.TrimLeft(whole, "0"); trimmed != whole {
		if trimmed == "" {
			trimmed = "0"
		}
		whole = trimmed
	}
	if hasFrac {
		return json.Number(sign + whole + "." + frac)
	}
	return json.Number(sign + whole)
}

// generatorOf builds the generator named typ from the attributes of n, taking
// the attributes that generator has (as the reference's Generator::from_map
// does) and filling in its defaults. ok is false when the generator cannot
// be made (an empty type, Regex without "regex", ProviderState without
// "expression").
func generatorOf(typ string, n *node) (model.Generator, bool) {
	attrs := map[string]any{}
	num := func(key string, def float64) {
		attrs[key] = def
		v := n.get(key)
		if v == nil {
			return
		}
		var s string
		switch v.kind {
		case nNumber:
			s = v.str
		case nString:
			s = v.str
		default:
			return
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			attrs[key] = f
		}
	}
	str := func(key string) bool {
		v := n.get(key)
		if v == nil || v.kind == nNull {
			return false
		}
		attrs[key] = v.text()
		return true
	}
	switch typ {
	case "":
		return model.Generator{}, false
	case "RandomInt":
		num("min", 0)
		num("max", 10)
	case "Uuid":
		if v := n.get("format"); v != nil {
			switch f := v.text(); f {
			case "simple", "lower-case-hyphenated", "upper-case-hyphenated", "URN":
				attrs["format"] = f
			}
		}
	case "RandomDecimal", "RandomHexadecimal":
		num("digits", 10)
	case "RandomString":
		num("size", 10)
	case "Regex":
		if !str("regex") {
			return model.Generator{}, false
		}
	case "Date", "Time", "DateTime":
		str("format")
		str("expression")
	case "RandomBoolean":
	case "ProviderState":
		if !str("expression") {
			return model.Generator{}, false
		}
		str("dataType")
	case "MockServerURL":
		attrs["example"], attrs["regex"] = "", ""
		str("example")
		str("regex")
	default:
		for i, k := range n.keys {
			if !isPactKey(k) && k != "value" && k != "type" {
				attrs[k] = model.NormalizeJSON(n.vals[i].toAny())
			}
		}
	}
	if len(attrs) == 0 {
		attrs = nil
	}
	return model.Generator{Type: typ, Attrs: attrs}, true
}
