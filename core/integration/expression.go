package integration

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/Masterminds/semver/v3"

	"github.com/libpact/libpact/core/model"
)

// ValueType is the type of the example value of a Definition, as the
// expression wrote it.
type ValueType int

// The value types. ValueNull is the literal null; pact_ffi, which has no null
// value type, reports it as String.
const (
	ValueUnknown ValueType = iota
	ValueString
	ValueNumber
	ValueInteger
	ValueDecimal
	ValueBoolean
	ValueNull
)

// String returns the name of the type as pact_ffi spells it ("String",
// "Integer", ...).
func (t ValueType) String() string {
	switch t {
	case ValueString:
		return "String"
	case ValueNumber:
		return "Number"
	case ValueInteger:
		return "Integer"
	case ValueDecimal:
		return "Decimal"
	case ValueBoolean:
		return "Boolean"
	case ValueNull:
		return "Null"
	}
	return "Unknown"
}

// merge combines the types of two joined expressions: a string example wins,
// a more specific number type refines a less specific one, and Unknown (or
// null) gives way to anything.
func (t ValueType) merge(o ValueType) ValueType {
	if t == ValueString || o == ValueString {
		return ValueString
	}
	if o == ValueUnknown || o == ValueNull {
		if t == ValueUnknown {
			return o
		}
		return t
	}
	switch t {
	case ValueNumber:
		if o == ValueBoolean {
			return ValueNumber
		}
	case ValueInteger:
		if o == ValueNumber || o == ValueBoolean {
			return ValueInteger
		}
	case ValueDecimal:
		return ValueDecimal
	}
	return o
}

// dataType is the ProviderState generator dataType for an example of this
// type.
func (t ValueType) dataType() string {
	switch t {
	case ValueString:
		return "STRING"
	case ValueNumber, ValueDecimal:
		return "DECIMAL"
	case ValueInteger:
		return "INTEGER"
	case ValueBoolean:
		return "BOOLEAN"
	}
	return "RAW"
}

// Definition is a parsed matching-rule definition expression: the example
// value, the rules (combined with AND) and the generator it implies.
//
//	d, _ := integration.ParseDefinition("matching(datetime, 'yyyy-MM-dd HH:mm', '2020-05-21 16:44')")
//	// d.Value = "2020-05-21 16:44", d.ValueType = ValueString,
//	// d.Rules = [Timestamp "yyyy-MM-dd HH:mm"],
//	// d.Generator = DateTime {"format": "yyyy-MM-dd HH:mm"}
type Definition struct {
	// Value is the example, as text ("100", "true", "Fred"); "" when the
	// expression gives none (atLeast, eachValue, ...) or for null.
	Value     string
	ValueType ValueType
	// Rules are the matchers, in the order written.
	Rules []model.Rule
	// Generator is the generator the expression implies (fromProviderState,
	// or the date/time forms), or nil. When several parts imply one, the
	// first wins.
	Generator *model.Generator
	// Reference is the first matching($'name') reference, and References all
	// of them. A reference says "match like the value of key name"; where it
	// sits inside eachKey, eachValue or arrayContains the parser stands a
	// Type rule in for it, as the reference implementation does once the key
	// is found.
	Reference  string
	References []string
	// Expression is the source text.
	Expression string

	// topRefs are the references written directly in the comma-separated
	// list (not inside eachKey, eachValue or arrayContains).
	topRefs []string
	// order lists the rules (by index) and top-level references in the
	// order written; nil means all rules, then all topRefs.
	order []item
}

// item is one entry of Definition.order: Rules[rule], or the reference ref
// when rule is -1.
type item struct {
	rule int
	ref  string
}

// Item is one rule or top-level reference of a definition, in the order
// written (pact_ffi's matcher-definition iterator yields them so). Exactly
// one of Rule and Reference is set.
type Item struct {
	Rule      *model.Rule
	Reference string
}

// Items returns the rules and the top-level references in the order they
// were written:
//
//	d, _ := integration.ParseDefinition("matching($'a'), matching(type, 1)")
//	d.Items() // [{Reference: "a"}, {Rule: Type}]
func (d *Definition) Items() []Item {
	var out []Item
	for _, it := range d.itemOrder() {
		if it.rule >= 0 {
			out = append(out, Item{Rule: &d.Rules[it.rule]})
		} else {
			out = append(out, Item{Reference: it.ref})
		}
	}
	return out
}

func (d *Definition) itemOrder() []item {
	if d.order != nil {
		return d.order
	}
	var order []item
	for i := range d.Rules {
		order = append(order, item{rule: i})
	}
	for _, r := range d.topRefs {
		order = append(order, item{rule: -1, ref: r})
	}
	return order
}

// SyntaxError is a malformed expression: what was expected, what was found,
// and where (a byte offset).
type SyntaxError struct {
	Expression string
	Pos        int
	Expected   string
	Got        string
	Detail     string // an extra explanation, or ""
}

// Error renders the error on one line, with a caret line when the expression
// is short enough to show.
func (e *SyntaxError) Error() string {
	msg := fmt.Sprintf("invalid matching rule definition %q: expected %s at position %d, got %s",
		e.Expression, e.Expected, e.Pos, e.Got)
	if e.Detail != "" {
		msg += " (" + e.Detail + ")"
	}
	return msg
}

// expressionStarts are the first tokens that make a string an expression.
var expressionStarts = map[string]bool{
	"matching": true, "notEmpty": true, "eachKey": true, "eachValue": true,
	"atLeast": true, "atMost": true, "arrayContains": true,
}

// IsDefinition reports whether s starts like a matching-rule definition
// expression: its first token is matching, notEmpty, eachKey, eachValue,
// atLeast, atMost or arrayContains. Use it to tell an expression from a plain
// string value; it does not check the rest of s.
//
//	integration.IsDefinition("matching(type, 'x')") // true
//	integration.IsDefinition("matchingX")           // false
//	integration.IsDefinition("hello")               // false
func IsDefinition(s string) bool {
	word, _ := firstWord(s)
	return isExpressionStart(word)
}

// firstWord returns the first token of s when it is a run of letters (an
// identifier to the lexer), and what follows it; word is "" when the first
// token is anything else.
func firstWord(s string) (word, rest string) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	start := i
	for i < len(s) && isLetter(s[i]) {
		i++
	}
	return s[start:i], s[i:]
}

// isExpressionStart reports whether word is one of expressionStarts.
func isExpressionStart(word string) bool {
	switch word {
	case "matching", "notEmpty", "eachKey", "eachValue", "atLeast", "atMost", "arrayContains":
		return true
	}
	return false
}

// looksLikeDefinition is IsDefinition made safe for places where plain
// strings are common (header and query values): the keyword must be followed
// by an opening bracket, so a header value "matching" stays a string.
func looksLikeDefinition(s string) bool {
	word, rest := firstWord(s)
	if !isExpressionStart(word) {
		return false
	}
	rest = strings.TrimLeft(rest, " \t\n\f\r")
	return rest != "" && rest[0] == '('
}

// ParseDefinition parses a matching-rule definition expression (see SYNTAX.md
// in this directory): one or more of matching(...), notEmpty(...),
// eachKey(...), eachValue(...), atLeast(n), atMost(n) and arrayContains(...),
// separated by commas.
//
//	d, err := integration.ParseDefinition("atLeast(1), eachValue(matching(regex, '\\d+', '12'))")
//	// d.Rules = [MinType 1, EachValue [Regex \d+] "12"], d.Value = ""
//
// A malformed expression gives a *SyntaxError naming the byte position and
// what was expected there.
func ParseDefinition(s string) (*Definition, error) {
	p := &parser{lex: lexer{src: s}, src: s}
	if s == "" {
		return nil, &SyntaxError{Expression: s, Expected: "a matching rule definition", Got: "an empty string"}
	}
	d, err := p.definition()
	if err != nil {
		return nil, err
	}
	d.Expression = s
	return d, nil
}

type parser struct {
	lex lexer
	src string
}

func (p *parser) fail(t token, expected string) error {
	e := &SyntaxError{Expression: p.src, Pos: t.Pos, Expected: expected, Got: t.describe()}
	if t.Err != nil {
		e.Detail = t.Err.Error()
	}
	return e
}

func (p *parser) expect(kind tokKind, expected string) (token, error) {
	t := p.lex.next()
	if t.Kind != kind || t.Err != nil {
		return t, p.fail(t, expected)
	}
	return t, nil
}

// definition := exp ("," exp)* EOF
func (p *parser) definition() (*Definition, error) {
	d, err := p.exp()
	if err != nil {
		return nil, err
	}
	for {
		t := p.lex.next()
		switch t.Kind {
		case tEOF:
			return d, nil
		case tComma:
			o, err := p.exp()
			if err != nil {
				return nil, err
			}
			d = d.merge(o)
		default:
			return nil, p.fail(t, "a comma or the end of the expression")
		}
	}
}

// merge joins the definition o, written after d, into d.
func (d *Definition) merge(o *Definition) *Definition {
	r := &Definition{
		Value:     d.Value,
		ValueType: d.ValueType.merge(o.ValueType),
		Rules:     append(append([]model.Rule{}, d.Rules...), o.Rules...),
		Generator: d.Generator,
	}
	if len(d.References)+len(o.References) > 0 {
		r.References = append(append([]string{}, d.References...), o.References...)
	}
	if len(d.topRefs)+len(o.topRefs) > 0 {
		r.topRefs = append(append([]string{}, d.topRefs...), o.topRefs...)
	}
	r.order = append([]item{}, d.itemOrder()...)
	for _, it := range o.itemOrder() {
		if it.rule >= 0 {
			it.rule += len(d.Rules)
		}
		r.order = append(r.order, it)
	}
	if r.Value == "" {
		r.Value = o.Value
	}
	if r.Generator == nil {
		r.Generator = o.Generator
	}
	if len(r.References) > 0 {
		r.Reference = r.References[0]
	}
	return r
}

const expStarts = "a matching rule definition (matching, notEmpty, eachKey, eachValue, atLeast, atMost or arrayContains)"

// exp is one of the expression forms.
func (p *parser) exp() (*Definition, error) {
	t := p.lex.next()
	if t.Kind != tIdent || !expressionStarts[t.Text] {
		return nil, p.fail(t, expStarts)
	}
	if _, err := p.expect(tLParen, "an opening bracket"); err != nil {
		return nil, err
	}
	var d *Definition
	var err error
	switch t.Text {
	case "matching":
		d, err = p.matching()
	case "notEmpty":
		var v value
		v, err = p.primitive(true)
		d = &Definition{Value: v.text, ValueType: v.typ, Generator: v.gen,
			Rules: []model.Rule{{Kind: model.NotEmpty}}}
	case "eachKey", "eachValue":
		var inner *Definition
		inner, err = p.exp()
		if err == nil {
			kind := model.EachKey
			if t.Text == "eachValue" {
				kind = model.EachValue
			}
			d = &Definition{Rules: []model.Rule{inner.asEach(kind)}, References: inner.References}
		}
	case "atLeast", "atMost":
		var n int
		n, err = p.size()
		if t.Text == "atLeast" {
			d = &Definition{Rules: []model.Rule{{Kind: model.MinType, Min: n}}}
		} else {
			d = &Definition{Rules: []model.Rule{{Kind: model.MaxType, Max: n}}}
		}
	case "arrayContains":
		d, err = p.arrayContains()
		if err == nil {
			return d, nil // consumed its own closing bracket
		}
	}
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tRParen, "a closing bracket"); err != nil {
		return nil, err
	}
	if len(d.References) > 0 {
		d.Reference = d.References[0]
	}
	return d, nil
}

// asEach wraps d as the EachKey or EachValue rule it describes. References
// inside it become Type rules.
func (d *Definition) asEach(kind model.RuleKind) model.Rule {
	r := model.Rule{Kind: kind}.WithRules(d.resolvedRules()).WithGenerator(d.Generator)
	if d.Value != "" {
		r = r.WithValue(d.Value)
	}
	return r
}

// resolvedRules is Rules with a Type rule standing in for each reference
// written at the top level.
func (d *Definition) resolvedRules() []model.Rule {
	rules := append([]model.Rule{}, d.Rules...)
	for range d.topRefs {
		rules = append(rules, model.Rule{Kind: model.Type})
	}
	return rules
}

// size := UINT
func (p *parser) size() (int, error) {
	t := p.lex.next()
	if t.Kind != tInt || t.Text[0] == '-' {
		return 0, p.fail(t, "an unsigned number")
	}
	n, err := strconv.Atoi(t.Text)
	if err != nil {
		return 0, p.fail(t, "an unsigned number small enough to be a size")
	}
	return n, nil
}

// arrayContains := exp ("," exp)* ")"; variant i is the i-th expression.
func (p *parser) arrayContains() (*Definition, error) {
	d := &Definition{}
	var variants []model.Variant
	for i := 0; ; i++ {
		e, err := p.exp()
		if err != nil {
			return nil, err
		}
		if d.Value == "" {
			d.Value = e.Value
		}
		v := model.Variant{Index: i}
		if rules := e.resolvedRules(); len(rules) > 0 {
			v.Rules.Set("$", model.RuleList{Rules: rules})
		}
		if e.Generator != nil {
			v.Generators = map[string]model.Generator{"$": *e.Generator}
		}
		variants = append(variants, v)
		d.References = append(d.References, e.References...)
		t := p.lex.next()
		switch t.Kind {
		case tRParen:
			d.Rules = []model.Rule{model.Rule{Kind: model.ArrayContains}.WithVariants(variants)}
			if len(d.References) > 0 {
				d.Reference = d.References[0]
			}
			return d, nil
		case tComma:
		default:
			return nil, p.fail(t, "a closing bracket or a comma")
		}
	}
}

// value is a parsed primitive: its text, its type and any generator
// (fromProviderState).
type value struct {
	text string
	typ  ValueType
	gen  *model.Generator
}

// primitive := STRING | INT | DECIMAL | BOOLEAN | null | fromProviderState
func (p *parser) primitive(allowProviderState bool) (value, error) {
	t := p.lex.next()
	if t.Err != nil {
		return value{}, p.fail(t, "a primitive value")
	}
	switch t.Kind {
	case tString:
		return value{text: t.Value, typ: ValueString}, nil
	case tInt:
		return value{text: t.Text, typ: ValueInteger}, nil
	case tDecimal:
		return value{text: t.Text, typ: ValueDecimal}, nil
	case tBool:
		return value{text: t.Text, typ: ValueBoolean}, nil
	case tNull:
		return value{typ: ValueNull}, nil
	case tIdent:
		if t.Text == "fromProviderState" && allowProviderState {
			return p.fromProviderState()
		}
	}
	expected := "a primitive value (a string, number, boolean or null)"
	if allowProviderState {
		expected = "a primitive value (a string, number, boolean, null or fromProviderState)"
	}
	return value{}, p.fail(t, expected)
}

// fromProviderState := "(" STRING "," primitive ")", after the
// fromProviderState keyword.
func (p *parser) fromProviderState() (value, error) {
	if _, err := p.expect(tLParen, "an opening bracket"); err != nil {
		return value{}, err
	}
	expr, err := p.str()
	if err != nil {
		return value{}, err
	}
	if err := p.comma(); err != nil {
		return value{}, err
	}
	v, err := p.primitive(false)
	if err != nil {
		return value{}, err
	}
	if _, err := p.expect(tRParen, "a closing bracket"); err != nil {
		return value{}, err
	}
	v.gen = &model.Generator{Type: "ProviderState", Attrs: map[string]any{
		"expression": expr, "dataType": v.typ.dataType()}}
	return v, nil
}

func (p *parser) str() (string, error) {
	t := p.lex.next()
	if t.Kind != tString || t.Err != nil {
		return "", p.fail(t, "a string in single quotes")
	}
	return t.Value, nil
}

func (p *parser) comma() error {
	_, err := p.expect(tComma, "a comma")
	return err
}

// stringOrProviderState reads the example of the regex and date/time forms.
func (p *parser) stringOrProviderState() (value, error) {
	if t := p.lex.peek(); t.Kind == tIdent && t.Text == "fromProviderState" {
		p.lex.next()
		return p.fromProviderState()
	}
	s, err := p.str()
	return value{text: s, typ: ValueString}, err
}

// numberOrProviderState reads the example of number, integer and decimal.
func (p *parser) numberOrProviderState(kinds []tokKind, expected string) (value, error) {
	t := p.lex.next()
	if t.Kind == tIdent && t.Text == "fromProviderState" {
		return p.fromProviderState()
	}
	for _, k := range kinds {
		if t.Kind == k && t.Err == nil {
			typ := ValueInteger
			if k == tDecimal {
				typ = ValueDecimal
			}
			return value{text: t.Text, typ: typ}, nil
		}
	}
	return value{}, p.fail(t, expected)
}

// matching := "(" rule ")", the brackets read by the caller.
func (p *parser) matching() (*Definition, error) {
	t := p.lex.next()
	if t.Kind == tDollar {
		name, err := p.str()
		if err != nil {
			return nil, err
		}
		return &Definition{Value: name, References: []string{name}, topRefs: []string{name}}, nil
	}
	if t.Kind != tIdent {
		return nil, p.fail(t, "the type of matcher (equalTo, type, regex, number, ...) or $'reference'")
	}
	name := t.Text
	if err := p.comma(); err != nil {
		return nil, err
	}
	one := func(v value, r model.Rule) (*Definition, error) {
		return &Definition{Value: v.text, ValueType: v.typ, Generator: v.gen, Rules: []model.Rule{r}}, nil
	}
	switch name {
	case "equalTo", "type":
		v, err := p.primitive(true)
		if err != nil {
			return nil, err
		}
		kind := model.Equality
		if name == "type" {
			kind = model.Type
		}
		return one(v, model.Rule{Kind: kind})
	case "number":
		v, err := p.numberOrProviderState([]tokKind{tInt, tDecimal}, "a number")
		if err != nil {
			return nil, err
		}
		if v.gen == nil {
			v.typ = ValueNumber
		}
		return one(v, model.Rule{Kind: model.Number})
	case "integer":
		v, err := p.numberOrProviderState([]tokKind{tInt}, "an integer")
		if err != nil {
			return nil, err
		}
		return one(v, model.Rule{Kind: model.Integer})
	case "decimal":
		v, err := p.numberOrProviderState([]tokKind{tInt, tDecimal}, "a decimal number")
		if err != nil {
			return nil, err
		}
		if v.gen == nil {
			v.typ = ValueDecimal
		}
		return one(v, model.Rule{Kind: model.Decimal})
	case "datetime", "date", "time":
		format, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.comma(); err != nil {
			return nil, err
		}
		v, err := p.stringOrProviderState()
		if err != nil {
			return nil, err
		}
		kind, gen := model.Timestamp, "DateTime"
		switch name {
		case "date":
			kind, gen = model.Date, "Date"
		case "time":
			kind, gen = model.Time, "Time"
		}
		if v.gen == nil {
			v.gen = &model.Generator{Type: gen, Attrs: map[string]any{"format": format}}
		}
		return one(v, model.Rule{Kind: kind, Format: format})
	case "regex":
		re, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.comma(); err != nil {
			return nil, err
		}
		v, err := p.stringOrProviderState()
		if err != nil {
			return nil, err
		}
		return one(v, model.Rule{Kind: model.Regex, Regex: re})
	case "include":
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return one(value{text: s, typ: ValueString}, model.Rule{Kind: model.Include}.WithValue(s))
	case "boolean":
		t, err := p.expect(tBool, "a boolean (true or false)")
		if err != nil {
			return nil, err
		}
		return one(value{text: t.Text, typ: ValueBoolean}, model.Rule{Kind: model.Boolean})
	case "semver":
		t := p.lex.next()
		if t.Kind != tString || t.Err != nil {
			return nil, p.fail(t, "a string in single quotes")
		}
		if _, err := semver.StrictNewVersion(t.Value); err != nil {
			e := p.fail(t, "a semantic version (such as '1.0.0')").(*SyntaxError)
			e.Detail = err.Error()
			return nil, e
		}
		return one(value{text: t.Value, typ: ValueString}, model.Rule{Kind: model.Semver})
	case "contentType":
		ct, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.comma(); err != nil {
			return nil, err
		}
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		return one(value{text: s, typ: ValueUnknown}, model.Rule{Kind: model.ContentType}.WithValue(ct))
	}
	// Any other name is a plugin-provided matcher: name, [config,] example.
	first, err := p.primitive(true)
	if err != nil {
		return nil, err
	}
	attrs := map[string]any{}
	if p.lex.peek().Kind == tComma {
		p.lex.next()
		example, err := p.primitive(true)
		if err != nil {
			return nil, err
		}
		attrs["value"] = first.jsonValue()
		first = example
	}
	return one(first, model.Rule{Kind: model.Plugin}.WithName(name).WithAttrs(attrs))
}

// jsonValue is the value as JSON would hold it: numbers as float64 or int64,
// booleans as bool, null as nil, anything else as its text.
func (v value) jsonValue() any {
	switch v.typ {
	case ValueInteger:
		if n, err := strconv.ParseInt(v.text, 10, 64); err == nil {
			return n
		}
	case ValueNumber, ValueDecimal:
		if f, err := strconv.ParseFloat(v.text, 64); err == nil {
			return f
		}
	case ValueBoolean:
		return v.text == "true"
	case ValueNull:
		return nil
	}
	return v.text
}
