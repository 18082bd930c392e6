package integration

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func gen(typ string, kv ...any) *model.Generator {
	g := &model.Generator{Type: typ, Attrs: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		g.Attrs[kv[i].(string)] = kv[i+1]
	}
	return g
}

func TestParseDefinition(t *testing.T) {
	rule := func(k model.RuleKind) model.Rule { return model.Rule{Kind: k} }
	tests := []struct {
		in   string
		want Definition
	}{
		{"matching(type,'Name')", Definition{Value: "Name", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
		{"matching( type, 'Name' )", Definition{Value: "Name", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
		{"matching(type,123.4)", Definition{Value: "123.4", ValueType: ValueDecimal, Rules: []model.Rule{rule(model.Type)}}},
		{"matching(type, null)", Definition{ValueType: ValueNull, Rules: []model.Rule{rule(model.Type)}}},
		{"matching(type, fromProviderState('exp', 3))", Definition{Value: "3", ValueType: ValueInteger,
			Rules: []model.Rule{rule(model.Type)}, Generator: gen("ProviderState", "expression", "exp", "dataType", "INTEGER")}},
		{"matching(equalTo, true)", Definition{Value: "true", ValueType: ValueBoolean, Rules: []model.Rule{rule(model.Equality)}}},
		{"matching(number,100)", Definition{Value: "100", ValueType: ValueNumber, Rules: []model.Rule{rule(model.Number)}}},
		{"matching(number,200.22)", Definition{Value: "200.22", ValueType: ValueNumber, Rules: []model.Rule{rule(model.Number)}}},
		{"matching(integer,-100)", Definition{Value: "-100", ValueType: ValueInteger, Rules: []model.Rule{rule(model.Integer)}}},
		{"matching(decimal,100)", Definition{Value: "100", ValueType: ValueDecimal, Rules: []model.Rule{rule(model.Decimal)}}},
		{"matching(decimal,100.22)", Definition{Value: "100.22", ValueType: ValueDecimal, Rules: []model.Rule{rule(model.Decimal)}}},
		{"matching(number, fromProviderState('exp', 3.5))", Definition{Value: "3.5", ValueType: ValueDecimal,
			Rules: []model.Rule{rule(model.Number)}, Generator: gen("ProviderState", "expression", "exp", "dataType", "DECIMAL")}},
		{"matching(datetime, 'yyyy-MM-dd HH:mm:ssZZZZZ', '2020-05-21 16:44:32+10:00')", Definition{
			Value: "2020-05-21 16:44:32+10:00", ValueType: ValueString,
			Rules:     []model.Rule{{Kind: model.Timestamp, Format: "yyyy-MM-dd HH:mm:ssZZZZZ"}},
			Generator: gen("DateTime", "format", "yyyy-MM-dd HH:mm:ssZZZZZ")}},
		{"matching(date, 'yyyy-MM-dd', '2000-01-01')", Definition{Value: "2000-01-01", ValueType: ValueString,
			Rules: []model.Rule{{Kind: model.Date, Format: "yyyy-MM-dd"}}, Generator: gen("Date", "format", "yyyy-MM-dd")}},
		{"matching(time, 'HH:mm', '22:04')", Definition{Value: "22:04", ValueType: ValueString,
			Rules: []model.Rule{{Kind: model.Time, Format: "HH:mm"}}, Generator: gen("Time", "format", "HH:mm")}},
		{"matching(date, 'yyyy-MM-dd', fromProviderState('${d}', '2000-01-01'))", Definition{Value: "2000-01-01", ValueType: ValueString,
			Rules:     []model.Rule{{Kind: model.Date, Format: "yyyy-MM-dd"}},
			Generator: gen("ProviderState", "expression", "${d}", "dataType", "STRING")}},
		{`matching(regex, '\w{3}\d+', 'abc123')`, Definition{Value: "abc123", ValueType: ValueString,
			Rules: []model.Rule{{Kind: model.Regex, Regex: `\w{3}\d+`}}}},
		{`matching(regex, '\d+', fromProviderState('${id}', '100'))`, Definition{Value: "100", ValueType: ValueString,
			Rules: []model.Rule{{Kind: model.Regex, Regex: `\d+`}}, Generator: gen("ProviderState", "expression", "${id}", "dataType", "STRING")}},
		{"matching(include, 'testing')", Definition{Value: "testing", ValueType: ValueString,
			Rules: []model.Rule{model.Rule{Kind: model.Include}.WithValue("testing")}}},
		{"matching(boolean, false)", Definition{Value: "false", ValueType: ValueBoolean, Rules: []model.Rule{rule(model.Boolean)}}},
		{"matching(semver, '1.0.0-rc.1+b7')", Definition{Value: "1.0.0-rc.1+b7", ValueType: ValueString, Rules: []model.Rule{rule(model.Semver)}}},
		{"matching(contentType, 'application/xml', '<?xml?><test/>')", Definition{Value: "<?xml?><test/>", ValueType: ValueUnknown,
			Rules: []model.Rule{model.Rule{Kind: model.ContentType}.WithValue("application/xml")}}},
		{"matching($'person')", Definition{Value: "person", Reference: "person", References: []string{"person"}}},
		{"matching(creditcard, 'visa', '4111')", Definition{Value: "4111", ValueType: ValueString,
			Rules: []model.Rule{model.Rule{Kind: model.Plugin}.WithName("creditcard").WithAttrs(map[string]any{"value": "visa"})}}},
		{"matching(creditcard, 12, '4111')", Definition{Value: "4111", ValueType: ValueString,
			Rules: []model.Rule{model.Rule{Kind: model.Plugin}.WithName("creditcard").WithAttrs(map[string]any{"value": int64(12)})}}},
		{"matching(creditcard, '4111')", Definition{Value: "4111", ValueType: ValueString,
			Rules: []model.Rule{model.Rule{Kind: model.Plugin}.WithName("creditcard").WithAttrs(map[string]any{})}}},
		{"notEmpty('test')", Definition{Value: "test", ValueType: ValueString, Rules: []model.Rule{rule(model.NotEmpty)}}},
		{"notEmpty(100)", Definition{Value: "100", ValueType: ValueInteger, Rules: []model.Rule{rule(model.NotEmpty)}}},
		{`eachKey(matching(regex, '\$(\.\w+)+', '$.test.one'))`, Definition{Rules: []model.Rule{model.Rule{Kind: model.EachKey}.WithValue("$.test.one").WithRules([]model.Rule{{Kind: model.Regex, Regex: `\$(\.\w+)+`}})}}},
		{"eachValue(matching(type, 100))", Definition{Rules: []model.Rule{model.Rule{Kind: model.EachValue}.WithValue("100").WithRules([]model.Rule{rule(model.Type)})}}},
		{"eachValue(matching($'person'))", Definition{Reference: "person", References: []string{"person"},
			Rules: []model.Rule{model.Rule{Kind: model.EachValue}.WithValue("person").WithRules([]model.Rule{rule(model.Type)})}}},
		{"atLeast(2)", Definition{Rules: []model.Rule{{Kind: model.MinType, Min: 2}}}},
		{"atMost(10)", Definition{Rules: []model.Rule{{Kind: model.MaxType, Max: 10}}}},
		{`atLeast(2), atMost(10), eachValue(matching(regex, '\d+', '1234'))`, Definition{Rules: []model.Rule{
			{Kind: model.MinType, Min: 2}, {Kind: model.MaxType, Max: 10},
			model.Rule{Kind: model.EachValue}.WithValue("1234").WithRules([]model.Rule{{Kind: model.Regex, Regex: `\d+`}})}}},
		{"matching(type, 'a'), matching(number, 1)", Definition{Value: "a", ValueType: ValueString,
			Rules: []model.Rule{rule(model.Type), rule(model.Number)}}},
		{"matching(integer, 1), matching(number, 2)", Definition{Value: "1", ValueType: ValueInteger,
			Rules: []model.Rule{rule(model.Integer), rule(model.Number)}}},
		{"atLeast(1), matching(date, 'yyyy', '2000'), matching(type, fromProviderState('x', 1))", Definition{Value: "2000", ValueType: ValueString,
			Rules:     []model.Rule{{Kind: model.MinType, Min: 1}, {Kind: model.Date, Format: "yyyy"}, rule(model.Type)},
			Generator: gen("Date", "format", "yyyy")}},
		{"arrayContains(matching(equalTo, 'a'), matching(type, 1))", Definition{Value: "a", Rules: []model.Rule{model.Rule{Kind: model.ArrayContains}.WithVariants([]model.Variant{
			{Index: 0, Rules: model.PathRulesOf(model.PathRule{Path: "$", RuleList: model.RuleList{Rules: []model.Rule{rule(model.Equality)}}})},
			{Index: 1, Rules: model.PathRulesOf(model.PathRule{Path: "$", RuleList: model.RuleList{Rules: []model.Rule{rule(model.Type)}}})},
		})}}},
		{"arrayContains(matching(date, 'yyyy', '2000'))", Definition{Value: "2000", Rules: []model.Rule{model.Rule{Kind: model.ArrayContains}.WithVariants([]model.Variant{{Index: 0,
			Rules:      model.PathRulesOf(model.PathRule{Path: "$", RuleList: model.RuleList{Rules: []model.Rule{{Kind: model.Date, Format: "yyyy"}}}}),
			Generators: map[string]model.Generator{"$": *gen("Date", "format", "yyyy")}}})}}},
		// string escapes
		{`matching(type, 'it\'s')`, Definition{Value: "it's", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
		{`matching(type, 'a\\b\nc\td\re\bf\fg')`, Definition{Value: "a\\b\nc\td\re\bf\fg", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
		{`matching(type, '\u00e9\u{1F600}\u{41}')`, Definition{Value: "é😀A", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
		{`matching(type, '\u{D800}')`, Definition{Value: "\uFFFD", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
		{"matching(type,\n\t'multi\nline')", Definition{Value: "multi\nline", ValueType: ValueString, Rules: []model.Rule{rule(model.Type)}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDefinition(tt.in)
			if err != nil {
				t.Fatalf("ParseDefinition: %v", err)
			}
			tt.want.Expression = tt.in
			g := *got
			g.topRefs, g.order = nil, nil // compared through Items
			if !reflect.DeepEqual(g, tt.want) {
				t.Errorf("got  %+v\nwant %+v", g, tt.want)
			}
		})
	}
}

func TestParseDefinitionErrors(t *testing.T) {
	tests := []struct {
		in   string
		pos  int
		want string // a substring of the message
	}{
		{"", 0, "expected a matching rule definition"},
		{"a, b, c", 0, "expected a matching rule definition"},
		{"matching some other text", 9, "expected an opening bracket"},
		{"matching(type 'a')", 14, "expected a comma"},
		{"matching(type, 'a'", 18, "expected a closing bracket at position 18, got the end of the expression"},
		{"matching(type, 'a') x", 20, "expected a comma or the end of the expression"},
		{"matching(type, 'a'),", 20, "expected a matching rule definition"},
		{"matching(integer, 1.5)", 18, "expected an integer"},
		{"matching(number, 'x')", 17, "expected a number"},
		{"matching(decimal, true)", 18, "expected a decimal number"},
		{"matching(boolean, 'true')", 18, "expected a boolean"},
		{"matching(semver, '1.0')", 17, "expected a semantic version"},
		{"matching(semver, 1)", 17, "expected a string in single quotes"},
		{"matching(regex, \\d+, '1')", 16, "expected a string in single quotes"},
		{"matching(type, 'abc)", 15, "unterminated string"},
		{"matching(type, 100.)", 15, "no digits after the decimal point"},
		{"matching(type, -)", 15, "malformed number"},
		{"matching(type, #)", 15, "unexpected character"},
		{`matching(type, '\u12')`, 15, "invalid unicode escape"},
		{`matching(type, '\u{zz}')`, 15, "invalid unicode escape"},
		{`matching(type, '\u{12')`, 15, "missing '}'"},
		{"matching(type, fromProviderState('a', fromProviderState('b', 1)))", 38, "expected a primitive value"},
		{"matching(1, 'a')", 9, "expected the type of matcher"},
		{"matching($person)", 10, "expected a string in single quotes"},
		{"atLeast(-1)", 8, "expected an unsigned number"},
		{"atLeast('1')", 8, "expected an unsigned number"},
		{"atMost(99999999999999999999)", 7, "small enough"},
		{"eachValue(1)", 10, "expected a matching rule definition"},
		{"eachKey(matching(type, 'a')", 27, "expected a closing bracket"},
		{"arrayContains(matching(type, 'a') matching(type, 'b'))", 34, "expected a closing bracket or a comma"},
		{"notEmpty()", 9, "expected a primitive value"},
		{"matching(creditcard, 'visa', )", 29, "expected a primitive value"},
		{"matching(type, 'a'))", 19, "expected a comma or the end"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDefinition(tt.in)
			if err == nil {
				t.Fatalf("no error; got %+v", d)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			if se.Pos != tt.pos {
				t.Errorf("position %d, want %d (%v)", se.Pos, tt.pos, err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}

func TestIsDefinition(t *testing.T) {
	tests := map[string]bool{
		"matching(type, 'x')": true,
		"notEmpty('x')":       true,
		"eachKey(":            true,
		"eachValue":           true,
		"atLeast(1)":          true,
		"atMost(1)":           true,
		"arrayContains(":      true,
		"  matching":          true,
		"matching":            true,
		"matchingX":           false,
		"Matching(type, 'x')": false,
		"":                    false,
		"hello world":         false,
		"'matching'":          false,
		"100":                 false,
		"type":                false,
	}
	for in, want := range tests {
		if got := IsDefinition(in); got != want {
			t.Errorf("IsDefinition(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestDefinitionToJSON(t *testing.T) {
	tests := []struct{ in, want string }{
		{"matching(integer, fromProviderState('${id}', 100))",
			`{"expression":"matching(integer, fromProviderState('${id}', 100))","generator":{"dataType":"INTEGER","expression":"${id}","type":"ProviderState"},"rules":[{"match":"integer"}],"value":"100","valueType":"Integer"}`},
		{"matching(type, null)", `{"expression":"matching(type, null)","rules":[{"match":"type"}],"value":null,"valueType":"Null"}`},
		{"eachValue(matching($'person')), atLeast(1)",
			`{"expression":"eachValue(matching($'person')), atLeast(1)","references":["person"],"rules":[{"match":"eachValue","rules":[{"match":"type"}],"value":"person"},{"match":"type","min":1}],"value":"","valueType":"Unknown"}`},
		{"plain text", `{"expression":"plain text","rules":[],"value":"plain text","valueType":"String"}`},
	}
	for _, tt := range tests {
		d, err := ParseDefinitionOrValue(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		b, err := json.Marshal(d.ToJSON())
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.in, b, tt.want)
		}
	}
	if _, err := ParseDefinitionOrValue(""); err == nil {
		t.Error("ParseDefinitionOrValue(\"\") gave no error")
	}
	d, _ := ParseDefinition("matching($'a'), matching(number, 1)")
	if l := d.RuleList(); len(l.Rules) != 2 || l.Rules[0].Kind != model.Number || l.Rules[1].Kind != model.Type {
		t.Errorf("RuleList = %+v", l)
	}
}

// TestValueTypeMerge checks the merge table against the reference's
// ValueType::merge (null, which the reference does not have, gives way to
// anything).
func TestValueTypeMerge(t *testing.T) {
	U, S, N, I, D, B, Z := ValueUnknown, ValueString, ValueNumber, ValueInteger, ValueDecimal, ValueBoolean, ValueNull
	tests := []struct{ a, b, want ValueType }{
		{S, S, S}, {S, N, S}, {S, U, S}, {U, S, S},
		{N, N, N}, {N, B, N}, {N, U, N}, {N, I, I}, {N, D, D}, {N, S, S},
		{I, N, I}, {I, B, I}, {I, U, I}, {I, I, I}, {I, D, D}, {I, S, S},
		{D, N, D}, {D, B, D}, {D, U, D}, {D, I, D}, {D, D, D}, {D, S, S},
		{B, N, N}, {B, I, I}, {B, D, D}, {B, U, B}, {B, S, S}, {B, B, B},
		{U, U, U}, {U, I, I}, {U, B, B},
		{Z, U, Z}, {U, Z, Z}, {Z, I, I}, {I, Z, I}, {Z, S, S},
	}
	for _, tt := range tests {
		if got := tt.a.merge(tt.b); got != tt.want {
			t.Errorf("%v.merge(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPluginConfigTypes(t *testing.T) {
	tests := map[string]any{
		"matching(x, 1.5, 'e')":                       1.5,
		"matching(x, true, 'e')":                      true,
		"matching(x, null, 'e')":                      nil,
		"matching(x, -7, 'e')":                        int64(-7),
		"matching(x, 'cfg', 'e')":                     "cfg",
		"matching(x, fromProviderState('a', 2), 'e')": int64(2),
	}
	for in, want := range tests {
		d, err := ParseDefinition(in)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if got := d.Rules[0].Attrs()["value"]; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: config %#v, want %#v", in, got, want)
		}
	}
}

func TestDefinitionItems(t *testing.T) {
	d, err := ParseDefinition("matching($'a'), matching(type, 1), atLeast(1), matching($'b')")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range d.Items() {
		if it.Rule != nil {
			got = append(got, it.Rule.ToJSON()["match"].(string))
		} else {
			got = append(got, "$"+it.Reference)
		}
	}
	if want := []string{"$a", "type", "type", "$b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Items = %v, want %v", got, want)
	}
	if it := d.Items()[2]; it.Rule.Kind != model.MinType || it.Rule.Min != 1 {
		t.Errorf("third item = %+v", it.Rule)
	}
}
