package matching

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// FuzzMatchJSON matches two arbitrary bodies under a rule at an arbitrary
// path. It checks that nothing panics, that the JSON parser accepts exactly
// what encoding/json accepts, and that a valid body always matches itself.
func FuzzMatchJSON(f *testing.F) {
	f.Add([]byte(`{"a":1}`), []byte(`{"a":2}`), "$.a", uint8(0))
	f.Add([]byte(`[{"id":1}]`), []byte(`[{"id":2},{"id":"x"}]`), "$[*].id", uint8(2))
	f.Add([]byte(`{"a":{"b":[1,2]}}`), []byte(`{"a":{"b":[]}}`), "$.a.b", uint8(3))
	f.Add([]byte(`{"100":"a"}`), []byte(`{"x":"\u00e9"}`), "$", uint8(20))
	f.Add([]byte(`"x"`), []byte(`1e400`), "$['a b']", uint8(9))
	f.Fuzz(func(t *testing.T, expected, actual []byte, path string, kind uint8) {
		for _, doc := range [][]byte{expected, actual} {
			tree, err := parseJSON(doc)
			if valid := json.Valid(doc); valid != (err == nil) {
				t.Fatalf("parseJSON(%q) error %v, but encoding/json says valid=%v", doc, err, valid)
			}
			if err != nil {
				continue
			}
			// the tree holds what encoding/json decodes
			d := json.NewDecoder(bytes.NewReader(doc))
			d.UseNumber()
			var v any
			if err := d.Decode(&v); err != nil {
				t.Fatal(err)
			}
			if got, want := jsonText(tree), jsonText(fromGo(v)); got != want && finiteNumbers(v) {
				t.Fatalf("parseJSON(%q) = %s, encoding/json gives %s", doc, got, want)
			}
		}
		rule := model.Rule{Kind: model.RuleKind(int(kind) % int(model.Plugin+1)), Regex: `\d+`, Min: 1, Max: 2}.WithValue("a").WithRules([]model.Rule{{Kind: model.Regex, Regex: "[a-z]+"}})
		rules := model.MatchingRules{}
		rules.Add(model.CategoryBody, path, rule)
		h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
		eb, ab := model.PresentBody(expected, ""), model.PresentBody(actual, "")
		MatchBody(eb, ab, h, h, rules, false)
		MatchBody(eb, ab, h, h, rules, true)
		if json.Valid(expected) {
			for _, allow := range []bool{false, true} {
				if mm := MatchBody(eb, eb, h, h, nil, allow); len(mm) != 0 {
					t.Fatalf("%q does not match itself: %v", expected, mm)
				}
			}
		}
	})
}

// FuzzContentType resolves and sniffs arbitrary content and headers. Parsed
// content types must survive a round trip through their string form.
func FuzzContentType(f *testing.F) {
	f.Add([]byte(`{"a":1}`), "application/json; charset=UTF-8")
	f.Add([]byte("<?xml version='1.0'?><a/>"), "application/vnd.x+xml")
	f.Add([]byte("\xff\xd8\xff\xe0"), "image/jpeg")
	f.Add([]byte("a=1&b=2"), "multipart/form-data; boundary=xyz")
	f.Fuzz(func(t *testing.T, data []byte, header string) {
		ContentTypeOf(model.PresentBody(data, ""), model.Headers{{Name: "Content-Type", Values: []string{header}}})
		ContentTypeOf(model.PresentBody(data, header), nil)
		sniffContentType(data)
		_ = matchContentType(data, header)
		if c, ok := parseContentType(header); ok && !c.unknown() {
			c2, ok2 := parseContentType(c.String())
			if !ok2 || c2.String() != c.String() {
				t.Fatalf("round trip of %q: %q → %q (ok=%v)", header, c.String(), c2.String(), ok2)
			}
		}
	})
}

// FuzzMatchXML matches arbitrary XML documents under a rule at an arbitrary
// path; nothing may panic, and a document that parses matches itself.
func FuzzMatchXML(f *testing.F) {
	f.Add([]byte(`<a x="1"><b>t</b></a>`), []byte(`<a x="2"><b>u</b><c/></a>`), "$.a.b", uint8(2))
	f.Add([]byte(`<p:a xmlns:p="urn:x"><![CDATA[x]]></p:a>`), []byte(`<a xmlns="urn:x"/>`), "$.a['#text']", uint8(1))
	f.Add([]byte(`<a><b/><b/></a>`), []byte(`<a/>`), "$.a", uint8(3))
	f.Fuzz(func(t *testing.T, expected, actual []byte, path string, kind uint8) {
		rule := model.Rule{Kind: model.RuleKind(int(kind) % int(model.Plugin+1)), Regex: `\w+`, Min: 1, Max: 2}.WithValue("a")
		rules := model.MatchingRules{}
		rules.Add(model.CategoryBody, path, rule)
		h := model.Headers{{Name: "Content-Type", Values: []string{"application/xml"}}}
		eb, ab := model.PresentBody(expected, ""), model.PresentBody(actual, "")
		MatchBody(eb, ab, h, h, rules, false)
		MatchBody(eb, ab, h, h, rules, true)
		if _, err := parseXML(expected); err == nil {
			if mm := MatchBody(eb, eb, h, h, nil, false); len(mm) != 0 {
				t.Fatalf("%q does not match itself: %v", expected, mm)
			}
		}
	})
}

// FuzzParseQuery parses arbitrary query strings and form bodies; a query
// always matches itself.
func FuzzParseQuery(f *testing.F) {
	f.Add("a=1&b=2&a=3&")
	f.Add("a=b=c&%zz=1&+x+=%20")
	f.Fuzz(func(t *testing.T, raw string) {
		q := ParseQuery(raw)
		if mm := matchQuery(q, ParseQuery(raw), newRuleSet(nil, model.CategoryQuery)); len(mm) != 0 {
			t.Fatalf("%q does not match itself: %v", raw, mm)
		}
		form := model.Headers{{Name: "Content-Type", Values: []string{"application/x-www-form-urlencoded"}}}
		MatchBody(model.PresentBody([]byte(raw), ""), model.PresentBody([]byte(raw+"&x=1"), ""), form, form, nil, false)
	})
}

// finiteNumbers reports whether every number in a value decoded with
// UseNumber fits a float64 (fromGo keeps the others as strings).
func finiteNumbers(v any) bool {
	switch x := v.(type) {
	case json.Number:
		_, err := x.Float64()
		return err == nil
	case []any:
		for _, e := range x {
			if !finiteNumbers(e) {
				return false
			}
		}
	case map[string]any:
		for _, e := range x {
			if !finiteNumbers(e) {
				return false
			}
		}
	}
	return true
}
