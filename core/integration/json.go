package integration

import (
	"encoding/json"
	"fmt"
	"math"
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
// names the path. gens is nil when the body has no generator.
func ProcessJSON(body []byte) (example []byte, rules model.PathRules, gens map[string]model.Generator, err error) {
	return ProcessJSONString(string(body))
}

// ProcessJSONString is ProcessJSON for a body held as a string, which it
// does not copy: the strings of the rules and generators may share its
// memory.
func ProcessJSONString(body string) (example []byte, rules model.PathRules, gens map[string]model.Generator, err error) {
	// No node outlives this call (the example is marshalled before it
	// returns), so the parser's storage can be reused.
	jp := pooledParser()
	defer jp.release()
	root, err := jp.parseString(body)
	if err != nil {
		return nil, model.PathRules{}, nil, err
	}
	// The example tree is carved from the parser's storage too, and the
	// generators map is made only when there is one.
	p := &processor{jp: jp}
	if jp.matchers > 1 { // room for a path per matcher at once (one is the first path's own block)
		p.rules.Grow(min(jp.matchers, maxGrowPaths))
	}
	out, err := p.value(root, "$")
	if err != nil {
		return nil, model.PathRules{}, nil, err
	}
	return jp.marshal(out), p.rules, p.gens, nil
}

// maxGrowPaths bounds the room for paths ProcessJSONString makes up front
// from its count of matchers (arrayContains variants, which have rules of
// their own, count there too).
const maxGrowPaths = 64

// processor collects the rules and generators of one body.
type processor struct {
	rules model.PathRules
	gens  map[string]model.Generator // made by setGen when nil
	// jp, when set, is the pooled parser of the document: the example nodes
	// come from its storage (the caller keeps no node past its release).
	jp *jsonParser
}

func newProcessor() *processor {
	return &processor{gens: map[string]model.Generator{}}
}

// setGen records the generator at path.
func (p *processor) setGen(path string, g model.Generator) {
	if p.gens == nil {
		p.gens = map[string]model.Generator{}
	}
	p.gens[path] = g
}

// newNode returns an empty node of kind k.
func (p *processor) newNode(k nodeKind) *node {
	if p.jp != nil {
		return p.jp.node(k)
	}
	return &node{kind: k}
}

// newKeys returns an empty slice with room for n keys.
func (p *processor) newKeys(n int) []string {
	if p.jp != nil {
		return p.jp.reserveKeys(n)
	}
	return make([]string, 0, n)
}

// newPtrs returns an empty slice with room for n nodes.
func (p *processor) newPtrs(n int) []*node {
	if p.jp != nil {
		return p.jp.reservePtrs(n)
	}
	return make([]*node, 0, n)
}

func (p *processor) addRule(path string, r model.Rule) {
	p.rules.Add(path, r)
}

// container reports whether n is an object or an array, the only values
// that can hold matchers.
func (n *node) container() bool { return n.kind == nObject || n.kind == nArray }

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
	out := p.newNode(nArray)
	out.items = p.newPtrs(len(n.items))
	for i, it := range n.items {
		if !it.container() { // no rule can sit in a plain value: no path needed
			out.items = append(out.items, it)
			continue
		}
		var itemPath string
		if star {
			itemPath = path + "[*]"
		} else {
			itemPath = path + "[" + strconv.Itoa(i) + "]"
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
	out := p.newNode(nObject)
	out.keys, out.vals = p.newKeys(len(n.keys)), p.newPtrs(len(n.keys))
	for i, k := range n.keys {
		if isPactKey(k) {
			continue
		}
		if !n.vals[i].container() { // no rule can sit in a plain value: no path needed
			out.keys = append(out.keys, k)
			out.vals = append(out.vals, n.vals[i])
			continue
		}
		var itemPath string
		if star {
			itemPath = path + ".*"
		} else {
			itemPath = childPath(path, k)
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
	var buf [1]model.Rule // room for the usual single rule
	if mt := n.get("pact:matcher:type"); mt != nil && mt.kind == nString && (mt.str == "arrayContains" || mt.str == "array-contains") {
		rule, ex, err := p.arrayContains(n, path)
		if err != nil {
			return nil, err
		}
		rules, example = []model.Rule{rule}, ex
	} else {
		rs, gen, def, err := matchersOf(n, buf[:0])
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
			p.setGen(path, *gen)
		}
	}
	if g := n.get("pact:generator:type"); g != nil {
		if gen, ok := generatorOf(g.text(), n); ok {
			p.setGen(path, gen)
		}
	}
	for _, r := range rules {
		p.addRule(path, r)
	}
	return example, nil
}

// childPath is path + model.FieldSuffix(key) made with one allocation when
// key is a plain identifier (".key": [_A-Za-z][_A-Za-z0-9]*), the common
// case.
func childPath(path, key string) string {
	if key == "" {
		return path + model.FieldSuffix(key)
	}
	for i := 0; i < len(key); i++ {
		switch c := key[i]; {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c == '_':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return path + model.FieldSuffix(key)
		}
	}
	return path + "." + key
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
func (p *processor) arrayContains(n *node, path string) (model.Rule, *node, error) {
	vs := n.get("variants")
	if vs == nil || vs.kind != nArray {
		return model.Rule{}, nil, fmt.Errorf("%s: arrayContains matcher is missing the 'variants' attribute (an array)", path)
	}
	variants := make([]model.Variant, 0, len(vs.items))
	example := p.newNode(nArray)
	example.items = p.newPtrs(len(vs.items))
	for i, item := range vs.items {
		vp := newProcessor()
		vp.jp = p.jp
		v, err := vp.value(item, "$")
		if err != nil {
			return model.Rule{}, nil, fmt.Errorf("%s: arrayContains variant %d: %w", path, i, err)
		}
		example.items = append(example.items, v)
		variants = append(variants, model.Variant{Index: i, Rules: vp.rules, Generators: vp.gens})
	}
	return model.Rule{Kind: model.ArrayContains}.WithVariants(variants), example, nil
}

// matchersOf reads the rules of a matcher object's pact:matcher:type: a
// name, an expression, or an array of matcher objects. For an expression it
// also returns the generator the expression implies and the definition.
// Rules read from names are appended to buf.
func matchersOf(n *node, buf []model.Rule) ([]model.Rule, *model.Generator, *Definition, error) {
	mt := n.get("pact:matcher:type")
	if mt == nil {
		return nil, nil, nil, nil // generator only
	}
	switch mt.kind {
	case nArray:
		rules := buf
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
	return append(buf, r), nil, nil, nil
}

// ruleOf builds the rule called name from the attributes of the matcher
// object n.
func ruleOf(name string, n *node) (model.Rule, error) {
	if r, ok := plainRule(name, n); ok {
		return r, nil
	}
	return ruleFromAttrs(name, n)
}

// plainRule builds, straight from the node, the rules whose attributes are
// at most a string or an integer: the same rule as ruleFromAttrs gives,
// without the map of every attribute (the example included) that
// model.RuleFromJSON reads. ok is false for every other rule and whenever an
// attribute is not in the plain form (a string min, a number regex): the
// general path then gives the rule or the error. TestPlainRule compares the
// two.
func plainRule(name string, n *node) (model.Rule, bool) {
	switch name {
	case "equality":
		return model.Rule{Kind: model.Equality}, true
	case "integer":
		return model.Rule{Kind: model.Integer}, true
	case "decimal", "real":
		return model.Rule{Kind: model.Decimal}, true
	case "number":
		return model.Rule{Kind: model.Number}, true
	case "null":
		return model.Rule{Kind: model.Null}, true
	case "boolean":
		return model.Rule{Kind: model.Boolean}, true
	case "values":
		return model.Rule{Kind: model.Values}, true
	case "notEmpty", "not-empty":
		return model.Rule{Kind: model.NotEmpty}, true
	case "semver":
		return model.Rule{Kind: model.Semver}, true
	case "regex":
		if v := n.get("regex"); v != nil && v.kind == nString {
			return model.Rule{Kind: model.Regex, Regex: v.str}, true
		}
	case "type":
		minV, maxV := present(n.get("min")), present(n.get("max"))
		r := model.Rule{Kind: model.Type}
		var ok bool
		if minV != nil {
			if r.Min, ok = plainInt(minV); !ok {
				return model.Rule{}, false
			}
			r.Kind = model.MinType
		}
		if maxV != nil {
			if r.Max, ok = plainInt(maxV); !ok {
				return model.Rule{}, false
			}
			r.Kind = model.MaxType
			if minV != nil {
				r.Kind = model.MinMaxType
			}
		}
		return r, true
	case "date":
		return model.Rule{Kind: model.Date, Format: plainFormat(n, "date", "")}, true
	case "time":
		return model.Rule{Kind: model.Time, Format: plainFormat(n, "time", "")}, true
	case "timestamp", "datetime":
		return model.Rule{Kind: model.Timestamp, Format: plainFormat(n, "timestamp", "datetime")}, true
	}
	return model.Rule{}, false
}

// present returns n, or nil for a missing or null attribute.
func present(n *node) *node {
	if n == nil || n.kind == nNull {
		return nil
	}
	return n
}

// plainInt reads a number node holding an integer (at most 2^53 in size, as
// model.RuleFromJSON requires).
func plainInt(n *node) (int, bool) {
	if n.kind != nNumber {
		return 0, false
	}
	f, err := strconv.ParseFloat(n.str, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int(f), true
}

// plainFormat is the format of a date/time rule: the "format" string, else
// the short form's (short, or also alt).
func plainFormat(n *node, short, alt string) string {
	for _, k := range [...]string{"format", short, alt} {
		if v := n.get(k); k != "" && v != nil && v.kind == nString {
			return v.str
		}
	}
	return ""
}

// ruleFromAttrs builds the rule called name with model.RuleFromJSON from
// every attribute of the matcher object n.
func ruleFromAttrs(name string, n *node) (model.Rule, error) {
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
		delete(r.Attrs(), "value")
	case model.Timestamp:
		r = r.WithName("") // written as "datetime", whichever alias was read
	case model.EachKey, model.EachValue:
		switch v := r.Value().(type) {
		case nil, string:
		default:
			b, err := json.Marshal(v)
			if err == nil {
				r = r.WithValue(string(b))
			}
		}
		subs := r.Rules()
		for i := range subs {
			subs[i] = fromIntegration(subs[i])
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
