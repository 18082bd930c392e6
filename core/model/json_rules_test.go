package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func decodeObj(t testing.TB, s string) map[string]any {
	t.Helper()
	var m map[string]any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(&m); err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return m
}

func TestRuleFromJSON(t *testing.T) {
	gen := Generator{Type: "RandomInt", Attrs: map[string]any{"min": json.Number("1")}}
	tests := []struct {
		in   string
		want Rule
	}{
		{`{"match":"equality"}`, Rule{Kind: Equality}},
		{`{"match":"regex","regex":"\\d+"}`, Rule{Kind: Regex, Regex: `\d+`}},
		{`{"regex":"a+"}`, Rule{Kind: Regex, Regex: "a+"}},
		{`{"pact:matcher:type":"regex","regex":"a+","value":"aa"}`, Rule{Kind: Regex, Regex: "a+"}},
		{`{"match":"type"}`, Rule{Kind: Type}},
		{`{"match":"type","min":1}`, Rule{Kind: MinType, Min: 1}},
		{`{"match":"type","max":"5"}`, Rule{Kind: MaxType, Max: 5}},
		{`{"match":"type","min":"1","max":4}`, Rule{Kind: MinMaxType, Min: 1, Max: 4}},
		{`{"min":2}`, Rule{Kind: MinType, Min: 2}},
		{`{"max":2}`, Rule{Kind: MaxType, Max: 2}},
		{`{"match":"min-type","min":0}`, Rule{Kind: MinType}},
		{`{"match":"max-type","max":3}`, Rule{Kind: MaxType, Max: 3}},
		{`{"match":"include","value":"sub"}`, Rule{Kind: Include}.WithValue("sub")},
		{`{"match":"integer"}`, Rule{Kind: Integer}},
		{`{"match":"real"}`, Rule{Kind: Decimal}},
		{`{"match":"decimal"}`, Rule{Kind: Decimal}},
		{`{"match":"number"}`, Rule{Kind: Number}},
		{`{"match":"null"}`, Rule{Kind: Null}},
		{`{"match":"boolean"}`, Rule{Kind: Boolean}},
		{`{"match":"date","format":"yyyy"}`, Rule{Kind: Date, Format: "yyyy"}},
		{`{"date":"yyyy-MM-dd"}`, Rule{Kind: Date, Format: "yyyy-MM-dd"}},
		{`{"time":"HH:mm"}`, Rule{Kind: Time, Format: "HH:mm"}},
		{`{"match":"time"}`, Rule{Kind: Time}},
		{`{"timestamp":"yyyy"}`, Rule{Kind: Timestamp, Format: "yyyy"}},
		{`{"match":"timestamp","format":"yyyy"}`, Rule{Kind: Timestamp, Format: "yyyy"}},
		{`{"match":"datetime","format":"yyyy"}`, Rule{Kind: Timestamp, Format: "yyyy"}},
		{`{"match":"content-type","value":"image/png"}`, Rule{Kind: ContentType}.WithValue("image/png")},
		{`{"match":"contentType","value":"image/png"}`, Rule{Kind: ContentType}.WithValue("image/png")},
		{`{"match":"values"}`, Rule{Kind: Values}},
		{`{"match":"status-code"}`, Rule{Kind: StatusCode}.WithStatus("success")},
		{`{"match":"statusCode","status":"clientError"}`, Rule{Kind: StatusCode}.WithStatus("clientError")},
		{`{"match":"statusCode","status":[200,204]}`, Rule{Kind: StatusCode}.WithStatus([]int{200, 204})},
		{`{"match":"not-empty"}`, Rule{Kind: NotEmpty}},
		{`{"match":"notEmpty"}`, Rule{Kind: NotEmpty}},
		{`{"match":"semver"}`, Rule{Kind: Semver}},
		{`{"match":"each-key","rules":[{"match":"regex","regex":"[a-z]+"}],"value":"one"}`,
			Rule{Kind: EachKey}.WithRules([]Rule{{Kind: Regex, Regex: "[a-z]+"}}).WithValue("one")},
		{`{"match":"eachValue","rules":[{"match":"type"}],"generator":{"type":"RandomInt","min":1}}`,
			Rule{Kind: EachValue}.WithRules([]Rule{{Kind: Type}}).WithGenerator(&gen)},
		{`{"match":"protobuf","config":{"a":1}}`, Rule{Kind: Plugin}.WithName("protobuf").WithAttrs(map[string]any{"config": map[string]any{"a": json.Number("1")}})},
		{`{"match":"array-contains","variants":[{"index":0,"rules":{"$.a":{"matchers":[{"match":"type"}]}},"generators":{"$.b":{"type":"Uuid"}}}]}`,
			Rule{Kind: ArrayContains}.WithVariants([]Variant{{Index: 0,
				Rules:      PathRulesOf(PathRule{"$.a", RuleList{Rules: []Rule{{Kind: Type}}}}),
				Generators: map[string]Generator{"$.b": {Type: "Uuid"}}}})},
	}
	for _, tt := range tests {
		got, err := RuleFromJSON(decodeObj(t, tt.in))
		if err != nil {
			t.Errorf("RuleFromJSON(%s): %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("RuleFromJSON(%s)\n got %#v\nwant %#v", tt.in, got, tt.want)
		}
		// The written form reads back to the same rule.
		back, err := RuleFromJSON(decodeObj(t, mustJSON(t, got.ToJSON())))
		if err != nil || !reflect.DeepEqual(back, got) {
			t.Errorf("round trip of %s: got %#v, %v", tt.in, back, err)
		}
	}
}

func mustJSON(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestRuleFromJSONErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{}`, "Matching rule missing 'match' field and unable to guess its type"},
		{`{"match":""}`, "matching rule type is empty"},
		{`{"match":1}`, "'match' must be a string"},
		{`{"match":"regex"}`, "missing the 'regex' attribute"},
		{`{"match":"include"}`, "missing the 'value' attribute"},
		{`{"match":"contentType"}`, "missing the 'value' attribute"},
		{`{"match":"arrayContains"}`, "missing the 'variants' attribute"},
		{`{"match":"type","min":"x"}`, "'min' must be an integer"},
		{`{"match":"min-type"}`, "missing the 'min' attribute"},
		{`{"match":"max"}`, "missing the 'max' attribute"},
		{`{"match":"eachKey","rules":{}}`, "'rules' must be an array"},
		{`{"match":"eachKey","rules":[{}]}`, "rule 0: Matching rule missing"},
		{`{"match":"statusCode","status":true}`, "'status' must be"},
	}
	for _, tt := range tests {
		_, err := RuleFromJSON(decodeObj(t, tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("RuleFromJSON(%s) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestRuleToJSON(t *testing.T) {
	tests := []struct {
		r    Rule
		want string
	}{
		{Rule{Kind: MinType, Min: 1}, `{"match":"type","min":1}`},
		{Rule{Kind: MinMaxType, Min: 1, Max: 3}, `{"match":"type","max":3,"min":1}`},
		{Rule{Kind: Timestamp, Format: "yyyy"}, `{"format":"yyyy","match":"datetime"}`},
		// pact_models writes "datetime" and always a format, whatever the rule was read as.
		{Rule{Kind: Timestamp}.WithName("timestamp"), `{"format":"","match":"datetime"}`},
		{Rule{Kind: Date}, `{"format":"","match":"date"}`},
		{Rule{Kind: Time, Format: "HH:mm"}, `{"format":"HH:mm","match":"time"}`},
		// arrayContains: no "generators" in a variant that has none (pact_ffi omits it).
		{Rule{Kind: ArrayContains}.WithVariants([]Variant{{Index: 0, Rules: PathRulesOf(PathRule{"$.a", RuleList{Rules: []Rule{{Kind: Type}}}})}}),
			`{"match":"arrayContains","variants":[{"index":0,"rules":{"$.a":{"combine":"AND","matchers":[{"match":"type"}]}}}]}`},
		{Rule{Kind: ArrayContains}.WithVariants([]Variant{{Index: 1, Generators: map[string]Generator{"$.b": {Type: "Uuid"}}}}),
			`{"match":"arrayContains","variants":[{"generators":{"$.b":{"type":"Uuid"}},"index":1,"rules":{}}]}`},
		{Rule{Kind: Decimal}.WithName("real"), `{"match":"decimal"}`},
		{Rule{Kind: StatusCode}, `{"match":"statusCode","status":"success"}`},
		{Rule{Kind: Plugin}.WithName("x").WithAttrs(map[string]any{"a": 1}), `{"a":1,"match":"x"}`},
	}
	for _, tt := range tests {
		if got := mustJSON(t, tt.r.ToJSON()); got != tt.want {
			t.Errorf("%#v.ToJSON() = %s, want %s", tt.r, got, tt.want)
		}
	}
}

func TestRuleListFromJSON(t *testing.T) {
	l, err := RuleListFromJSON(decodeObj(t, `{"matchers":[{"match":"integer"},{"match":"null"}],"combine":"or"}`))
	if err != nil {
		t.Fatal(err)
	}
	want := &RuleList{Rules: []Rule{{Kind: Integer}, {Kind: Null}}, Combine: Or}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("got %#v", l)
	}
	if got := mustJSON(t, l.ToJSON()); got != `{"combine":"OR","matchers":[{"match":"integer"},{"match":"null"}]}` {
		t.Errorf("ToJSON = %s", got)
	}
	l, err = RuleListFromJSON(decodeObj(t, `{"match":"type"}`))
	if err != nil || len(l.Rules) != 1 || l.Rules[0].Kind != Type {
		t.Errorf("bare rule: %#v, %v", l, err)
	}
	for _, bad := range []any{"x", decodeObj(t, `{"matchers":{}}`), decodeObj(t, `{"matchers":[],"combine":"XOR"}`), decodeObj(t, `{"matchers":[1]}`)} {
		if _, err := RuleListFromJSON(bad); err == nil {
			t.Errorf("RuleListFromJSON(%v): no error", bad)
		}
	}
}

func TestGeneratorFromJSON(t *testing.T) {
	g, err := GeneratorFromJSON(decodeObj(t, `{"type":"RandomInt","min":0,"max":10}`))
	if err != nil {
		t.Fatal(err)
	}
	// Numbers keep their JSON text (json.Number): no precision is lost.
	want := Generator{Type: "RandomInt", Attrs: map[string]any{"min": json.Number("0"), "max": json.Number("10")}}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("got %#v", g)
	}
	if got := mustJSON(t, g.ToJSON()); got != `{"max":10,"min":0,"type":"RandomInt"}` {
		t.Errorf("ToJSON = %s", got)
	}
	g, err = GeneratorFromJSON(decodeObj(t, `{"pact:generator:type":"Uuid","pact:matcher:type":"regex"}`))
	if err != nil || g.Type != "Uuid" || g.Attrs != nil {
		t.Errorf("integration form: %#v, %v", g, err)
	}
	for _, bad := range []string{`{}`, `{"type":""}`, `{"type":3}`} {
		if _, err := GeneratorFromJSON(decodeObj(t, bad)); err == nil {
			t.Errorf("GeneratorFromJSON(%s): no error", bad)
		}
	}
}

func FuzzRuleFromJSON(f *testing.F) {
	for _, s := range []string{
		`{"match":"type","min":1}`, `{"regex":"a"}`, `{"match":"arrayContains","variants":[{"index":0,"rules":{"$":{"matchers":[{"match":"type"}]}}}]}`,
		`{"match":"eachKey","rules":[{"match":"regex","regex":"a"}],"value":1,"generator":{"type":"Uuid"}}`,
		`{"match":"statusCode","status":[200]}`, `{"match":"x","y":[1,{"z":null}]}`, `{"matchers":[{"match":"null"}],"combine":"OR"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// A hang kills the worker, so that the fuzzer records the input.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("FuzzRuleFromJSON hung on %q", s)) })
		defer watchdog.Stop()
		var v any
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		if d.Decode(&v) != nil {
			return
		}
		l, err := RuleListFromJSON(v)
		if err != nil {
			return
		}
		// Whatever was read must write and read back to the same list.
		var back any
		d = json.NewDecoder(strings.NewReader(mustJSON(t, l.ToJSON())))
		d.UseNumber()
		if err := d.Decode(&back); err != nil {
			t.Fatal(err)
		}
		l2, err := RuleListFromJSON(back)
		if err != nil {
			t.Fatalf("written form %s does not read back: %v", mustJSON(t, l.ToJSON()), err)
		}
		if mustJSON(t, l2.ToJSON()) != mustJSON(t, l.ToJSON()) {
			t.Fatalf("round trip changed the list: %s vs %s", mustJSON(t, l.ToJSON()), mustJSON(t, l2.ToJSON()))
		}
	})
}
