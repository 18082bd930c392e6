package matching

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

func rulesOf(cat model.Category, pairs ...any) model.MatchingRules {
	r := model.MatchingRules{}
	for i := 0; i < len(pairs); i += 2 {
		r.Add(cat, pairs[i].(string), pairs[i+1].(model.Rule))
	}
	return r
}

func TestMatchJSONBodies(t *testing.T) {
	typ := model.Rule{Kind: model.Type}
	tests := []struct {
		name             string
		expected, actual string
		rules            model.MatchingRules
		request          bool
		wantPath, want   string // "" = match
	}{
		{"equal", `{"a":1,"b":[1,2]}`, `{"b":[1,2],"a":1}`, nil, true, "", ""},
		{"int vs float", `{"a":1}`, `{"a":1.0}`, nil, true, "$.a", "Expected 1.0 (Decimal) to be equal to 1 (Integer)"},
		{"unexpected key in request", `{"a":1}`, `{"a":1,"b":2}`, nil, true, "$", "Expected a Map with keys [a] but received one with keys [a, b]"},
		{"unexpected key in response", `{"a":1}`, `{"a":1,"b":null}`, nil, false, "", ""},
		{"missing key in response", `{"a":1,"b":2}`, `{"a":1}`, nil, false, "$", "Actual map is missing the following keys: b"},
		{"empty map expected", `{}`, `{"a":1}`, nil, true, "$", `Expected an empty Map but received {"a":1}`},
		{"empty list expected", `[]`, `[1]`, nil, true, "$", "Expected an empty List but received [1]"},
		{"list too short", `[1,2]`, `[1]`, nil, true, "$", "Expected a List with 2 elements but received 1 elements"},
		{"type mismatch of containers", `{"a":{"b":1}}`, `{"a":[1]}`, nil, true, "$.a", `Type mismatch: Expected [1] (Array) to be the same type as {"b":1} (Object)`},
		{"numeric key path", `{"100":"a"}`, `{"100":"b"}`, nil, true, "$[100]", "Expected 'b' (String) to be equal to 'a' (String)"},
		{"odd key path", `{"a b":"a"}`, `{"a b":"b"}`, nil, true, "$['a b']", "Expected 'b' (String) to be equal to 'a' (String)"},
		{"each like", `[{"id":1}]`, `[{"id":2},{"id":3}]`, rulesOf(model.CategoryBody, "$", typ), true, "", ""},
		{"each like item type", `[{"id":1}]`, `[{"id":2},{"id":"x"}]`, rulesOf(model.CategoryBody, "$", typ), true,
			"$[1].id", "Expected 'x' (String) to be the same type as 1 (Integer)"},
		{"empty expected array skips checks", `{"a":[]}`, `{"a":[1,"x"]}`, rulesOf(model.CategoryBody, "$.a", model.Rule{Kind: model.MinType, Min: 1}), true, "", ""},
		{"min not checked by cascade", `{"a":[[1,2],[1,2]]}`, `{"a":[[1],[1]]}`, rulesOf(model.CategoryBody, "$.a", model.Rule{Kind: model.MinType, Min: 2}), true, "", ""},
		{"wildcard", `{"a":{"x":{"id":1}}}`, `{"a":{"x":{"id":5}}}`, rulesOf(model.CategoryBody, "$.a.*.id", typ), true, "", ""},
		{"star index beats cascade", `{"a":[{"id":"1"}]}`, `{"a":[{"id":"12"},{"id":"x"}]}`,
			rulesOf(model.CategoryBody, "$.a", typ, "$.a[*].id", model.Rule{Kind: model.Regex, Regex: `\d+`}), true, "$.a[1].id", `Expected 'x' to match '\d+'`},
		{"OR combine", `{"a":1}`, `{"a":"x"}`, model.MatchingRules{{Category: model.CategoryBody, Paths: model.PathRulesOf(model.PathRule{Path: "$.a", RuleList: model.RuleList{Combine: model.Or,
			Rules: []model.Rule{{Kind: model.Integer}, {Kind: model.Regex, Regex: "x"}}}})}}, true, "", ""},
		{"AND combine", `{"a":1}`, `{"a":"x"}`, model.MatchingRules{{Category: model.CategoryBody, Paths: model.PathRulesOf(model.PathRule{Path: "$.a", RuleList: model.RuleList{
			Rules: []model.Rule{{Kind: model.Integer}, {Kind: model.Regex, Regex: "x"}}}})}}, true, "$.a", "Expected 'x' (String) to be an integer"},
		{"eachValue on list", `{"a":["x"]}`, `{"a":["y","1"]}`, rulesOf(model.CategoryBody, "$.a",
			model.Rule{Kind: model.EachValue}.WithRules([]model.Rule{{Kind: model.Regex, Regex: "[a-z]+"}})), true, "$.a[1]", "Expected '1' to match '[a-z]+'"},
		{"arrayContains no variants", `[1,2]`, `[3,2,1]`, rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.ArrayContains}), true, "", ""},
		{"arrayContains missing", `[1,5]`, `[3,2,1]`, rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.ArrayContains}), true,
			"$", "Variant at index 1 (5) was not found in the actual list"},
		{"unparsable actual", `{"a":1}`, `{"a":`, nil, true, "$", "Failed to parse the actual body"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
			mm := MatchBody(model.PresentBody([]byte(tt.expected), ""), model.PresentBody([]byte(tt.actual), ""), h, h, tt.rules, !tt.request)
			checkBody(t, mm, tt.wantPath, tt.want)
		})
	}
}

func checkBody(t *testing.T, mm []Mismatch, path, want string) {
	t.Helper()
	if want == "" {
		for _, m := range mm {
			t.Errorf("unexpected mismatch %s", m)
		}
		return
	}
	for _, m := range mm {
		if m.Path == path && len(m.Description) >= len(want) && m.Description[:len(want)] == want {
			return
		}
	}
	t.Errorf("no mismatch %s -> %q in %v", path, want, mm)
}

func TestMatchXMLBodies(t *testing.T) {
	tests := []struct {
		name             string
		expected, actual string
		rules            model.MatchingRules
		request          bool
		wantPath, want   string
	}{
		{"equal", `<a x="1"><b>t</b></a>`, `<a x="1"><b>t</b></a>`, nil, true, "", ""},
		{"children of different names in any order", `<a><red/><blue/></a>`, `<a><blue/><red/></a>`, nil, true, "", ""},
		{"missing child", `<values><one>A</one><two>B</two></values>`, `<values><one>A</one></values>`, nil, true,
			"$.values", "Expected child <two/> but was missing"},
		{"unexpected child in request", `<a><b/></a>`, `<a><b/><c/></a>`, nil, true, "$.a", "Unexpected child <c/>"},
		{"unexpected child in response", `<a><b/></a>`, `<a><b/><c/></a>`, nil, false, "", ""},
		{"extra attribute in request", `<a x="1"/>`, `<a x="1" y="2"/>`, nil, true, "$.a", "Expected 1 attribute(s) but received 2 attribute(s)"},
		{"extra attribute in response", `<a x="1"/>`, `<a x="1" y="2"/>`, nil, false, "", ""},
		{"missing attribute", `<a x="1" y="2"/>`, `<a x="1"/>`, nil, false, "$.a['@y']", "Expected attribute 'y'='2' but was missing"},
		{"text", `<a>hello</a>`, `<a>bye</a>`, nil, true, "$.a['#text']", "Expected 'bye' to be equal to 'hello'"},
		{"cdata text", `<a><![CDATA[x<y]]></a>`, `<a>x&lt;y</a>`, nil, true, "", ""},
		{"namespace prefixes do not matter", `<p:a xmlns:p="urn:x"><p:b/></p:a>`, `<q:a xmlns:q="urn:x"><q:b/></q:a>`, nil, true, "", ""},
		{"namespace URIs matter", `<p:a xmlns:p="urn:x"/>`, `<p:a xmlns:p="urn:y"/>`, nil, true, "$['urn:x:a']", "Expected 'urn:x:a' to be equal to 'urn:y:a'"},
		{"unexpected namespace", `<a/>`, `<a xmlns="urn:x"/>`, nil, false, "$.a", "Expected 'a' to be equal to 'urn:x:a'"},
		{"type rule is each-like", `<a><b id="1"/></a>`, `<a><b id="2"/><b id="3"/></a>`,
			rulesOf(model.CategoryBody, "$.a.b", model.Rule{Kind: model.Type}), true, "", ""},
		{"regex on attribute", `<a><b id="1"/></a>`, `<a><b id="2"/><b id="x"/></a>`,
			rulesOf(model.CategoryBody, "$.a.b", model.Rule{Kind: model.Type}, "$.a.b['@id']", model.Rule{Kind: model.Regex, Regex: `\d+`}), true,
			"$.a.b['@id']", `Expected 'x' to match '\d+'`},
		{"min children", `<a><b/><b/></a>`, `<a><b/></a>`, rulesOf(model.CategoryBody, "$.a", model.Rule{Kind: model.MinType, Min: 2}), true,
			"$.a", "Expected 'a' to have at least 2 children"},
		{"element regex on a leaf's text", `<a><b>red</b></a>`, `<a><b>blue</b></a>`,
			rulesOf(model.CategoryBody, "$.a.b", model.Rule{Kind: model.Regex, Regex: "red|blue"}), true, "", ""},
		{"element regex fails on name and text", `<a><b>red</b></a>`, `<a><b>green</b></a>`,
			rulesOf(model.CategoryBody, "$.a.b", model.Rule{Kind: model.Regex, Regex: "red|blue"}), true, "$.a.b", "Expected 'b' to match 'red|blue'"},
		{"regex on text", `<a>1</a>`, `<a>x</a>`, rulesOf(model.CategoryBody, "$.a['#text']", model.Rule{Kind: model.Regex, Regex: `\d`}), true,
			"$.a['#text']", `Expected 'x' to match '\d'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := model.Headers{{Name: "Content-Type", Values: []string{"application/xml"}}}
			mm := MatchBody(model.PresentBody([]byte(tt.expected), ""), model.PresentBody([]byte(tt.actual), ""), h, h, tt.rules, !tt.request)
			checkBody(t, mm, tt.wantPath, tt.want)
		})
	}
}

func TestBodyPresenceAndTypes(t *testing.T) {
	json := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	text := model.Headers{{Name: "Content-Type", Values: []string{"text/plain"}}}
	present := func(s string) model.Body { return model.PresentBody([]byte(s), "") }
	tests := []struct {
		name             string
		expected, actual model.Body
		eh, ah           model.Headers
		rules            model.MatchingRules
		typ, want        string
	}{
		{"missing expected matches anything", model.Body{}, present(`{"a":1}`), json, json, nil, "", ""},
		{"empty expected, empty actual", model.Body{State: model.BodyEmpty}, model.Body{State: model.BodyEmpty}, json, json, nil, "", ""},
		{"missing actual when empty expected", model.Body{State: model.BodyEmpty}, model.Body{}, json, json, nil, "", ""},
		{"empty expected, present actual", model.Body{State: model.BodyEmpty}, present(`{"a":1}`), json, json, nil,
			"BodyMismatch", "Expected empty body but received Present(7 bytes)"},
		{"present expected, missing actual", present(`{"a":1}`), model.Body{}, json, json, nil, "BodyMismatch", "Expected body Present(7 bytes) but was missing"},
		{"present expected, empty actual", present(`{"a":1}`), model.Body{State: model.BodyEmpty}, json, json, nil, "BodyMismatch", "Expected body Present(7 bytes) but was empty"},
		{"content types differ", present(`{"a":1}`), present(`<a/>`), json, model.Headers{{Name: "Content-Type", Values: []string{"application/xml"}}}, nil,
			"BodyTypeMismatch", "Expected a body of 'application/json' but the actual content type was 'application/xml'"},
		{"suffix type accepted", present(`{"a":1}`), present(`{"a":1}`), json, model.Headers{{Name: "Content-Type", Values: []string{"application/hal+json"}}}, nil, "", ""},
		{"sniffed json", present(`{"a":1}`), present(`{"a":2}`), nil, nil, nil, "BodyMismatch", "Expected 2 (Integer) to be equal to 1 (Integer)"},
		{"text equality", present("Hello World!"), present("Hello Mars!"), text, text, nil, "BodyMismatch",
			"Expected body 'Hello World!' to match 'Hello Mars!' using equality but did not match"},
		{"text regex", present("abc"), present("abd"), text, text, rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.Regex, Regex: "ab[a-c]"}),
			"BodyMismatch", "Expected 'abd' to match 'ab[a-c]'"},
		{"binary contentType rule in a text body", present("x"), present("%PDF-1.4 ..."), text, text,
			rulesOf(model.CategoryBody, "$", model.Rule{Kind: model.ContentType}.WithValue("image/jpeg")),
			"BodyMismatch", "Expected binary contents to have content type 'image/jpeg' but detected contents was 'application/pdf'"},
		{"form", present("a=1&b=2"), present("b=2&a=1&c=3"), model.Headers{{Name: "Content-Type", Values: []string{"application/x-www-form-urlencoded"}}},
			model.Headers{{Name: "Content-Type", Values: []string{"application/x-www-form-urlencoded"}}}, nil, "BodyMismatch", "Unexpected form post parameter 'c' received"},
		{"binary equal", present("\x00\x01"), present("\x00\x01"), model.Headers{{Name: "Content-Type", Values: []string{"application/octet-stream"}}},
			model.Headers{{Name: "Content-Type", Values: []string{"application/octet-stream"}}}, nil, "", ""},
		{"V4 body content type wins over header", model.PresentBody([]byte(`<a/>`), "application/xml"), model.PresentBody([]byte(`<a/>`), "application/xml"),
			json, json, nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := MatchBody(tt.expected, tt.actual, tt.eh, tt.ah, tt.rules, false)
			checkMismatches(t, mm, tt.typ, tt.want)
		})
	}
}

func TestContentTypeOf(t *testing.T) {
	tests := []struct {
		body model.Body
		h    model.Headers
		want string
	}{
		{model.PresentBody([]byte(`{"a":1}`), ""), nil, "application/json"},
		{model.PresentBody([]byte(`[1,2]`), ""), nil, "application/json"},
		{model.PresentBody([]byte(`<?xml version="1.0"?><a/>`), ""), nil, "application/xml"},
		{model.PresentBody([]byte(`<a/>`), ""), nil, "application/xml"},
		{model.PresentBody([]byte(`<!DOCTYPE html><html/>`), ""), nil, "text/html"},
		{model.PresentBody([]byte(`hello`), ""), nil, "text/plain"},
		{model.PresentBody([]byte(`hello`), ""), model.Headers{{Name: "content-type", Values: []string{"text/csv; charset=UTF-8"}}}, "text/csv;charset=utf-8"},
		{model.PresentBody([]byte(`hello`), "application/x-thing"), model.Headers{{Name: "content-type", Values: []string{"text/plain"}}}, "application/x-thing"},
		{model.Body{}, nil, ""},
	}
	for _, tt := range tests {
		if got := ContentTypeOf(tt.body, tt.h); got != tt.want {
			t.Errorf("ContentTypeOf(%q, %v) = %q, want %q", tt.body.Content, tt.h, got, tt.want)
		}
	}
}

func TestSniffContentType(t *testing.T) {
	tests := []struct {
		data []byte
		want string
	}{
		{[]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10}, "image/jpeg"},
		{[]byte("\x89PNG\r\n\x1a\n...."), "image/png"},
		{[]byte("GIF89a..."), "image/gif"},
		{[]byte("%PDF-1.7"), "application/pdf"},
		{[]byte("PK\x03\x04...."), "application/zip"},
		{[]byte("plain words"), "text/plain"},
		{[]byte{0x00, 0x9f, 0x92, 0x96, 0x00}, "application/octet-stream"},
	}
	for _, tt := range tests {
		if got := sniffContentType(tt.data); got != tt.want {
			t.Errorf("sniffContentType(%q) = %q, want %q", tt.data, got, tt.want)
		}
	}
	for _, c := range []struct{ data, ct string }{
		{`{"a":1}`, "application/json"}, {`<?xml version="1.0"?><a/>`, "application/xml"}, {"hello", "text/plain"},
	} {
		if err := matchContentType([]byte(c.data), c.ct); err != nil {
			t.Errorf("matchContentType(%q, %q): %v", c.data, c.ct, err)
		}
	}
}
