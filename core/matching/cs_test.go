package matching_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/matching/spectest"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// fixtures returns the compatibility-suite fixtures directory, skipping the
// test when the conformance data is absent.
func fixtures(t *testing.T) string {
	t.Helper()
	dir, err := spectest.FindDir()
	if err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(dir, "compatibility-suite", "fixtures")
	if _, err := os.Stat(f); err != nil {
		t.Skipf("compatibility-suite fixtures not found at %s (set PACT_CONFORMANCE_DIR)", f)
	}
	return f
}

// part describes one side of a scenario the way the suite's tables do.
type part struct {
	contentType string
	body        string // "JSON: {...}", "file: name", "EMPTY", or text
	rules       string // fixture file with the matching rules
	query       string
	headers     map[string]string
}

func (p part) request(t *testing.T, dir string) model.Request {
	t.Helper()
	obj := map[string]any{"method": "POST", "path": "/request"}
	if p.rules != "" {
		data, err := os.ReadFile(filepath.Join(dir, p.rules))
		if err != nil {
			t.Fatal(err)
		}
		var rules any
		if err := json.Unmarshal(data, &rules); err != nil {
			t.Fatal(err)
		}
		obj["matchingRules"] = rules
	}
	if p.query != "" {
		obj["query"] = p.query
	}
	raw, _ := json.Marshal(obj)
	v, err := pactfile.DecodeJSON(raw)
	if err != nil {
		t.Fatal(err)
	}
	req, err := pactfile.ParseRequest(v, model.V3)
	if err != nil {
		t.Fatal(err)
	}
	if p.query != "" {
		req.Query = matching.ParseQuery(p.query)
	}
	req.Headers = model.Headers{}
	for k, v := range p.headers {
		req.Headers.Put(k, []string{v})
	}
	var body []byte
	ct := p.contentType
	switch {
	case strings.HasPrefix(p.body, "JSON: "):
		body = []byte(strings.TrimPrefix(p.body, "JSON: "))
		if ct == "" {
			ct = "application/json"
		}
	case strings.HasPrefix(p.body, "file: "):
		name := strings.TrimPrefix(p.body, "file: ")
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		body = data
		if ct == "" {
			switch filepath.Ext(name) {
			case ".json":
				ct = "application/json"
			case ".jpg":
				ct = "image/jpeg"
			case ".pdf":
				ct = "application/pdf"
			case ".xml":
				ct = "application/xml"
			}
		}
	case p.body == "EMPTY":
		// the suite's harness makes a present body of zero bytes
		req.Body = model.Body{State: model.BodyPresent, Content: []byte{}}
	case p.body != "":
		body = []byte(p.body)
	}
	if body != nil {
		req.Body = model.PresentBody(body, "")
	}
	if ct != "" {
		req.Headers.Put("Content-Type", []string{ct})
	}
	return req
}

func TestCompatibilitySuiteMatchingRules(t *testing.T) {
	dir := fixtures(t)
	type want struct{ path, desc string }
	tests := []struct {
		name             string
		expected, actual part
		want             []want // nil = must match
	}{
		{"equality resets cascade",
			part{body: "file: 3-level.json", rules: "equality-matcher-reset-v3.json"},
			part{body: `JSON: { "one": { "a": { "ids": [100], "status": "Lovely" }  }, "two": [ { "ids": [1], "status": "BAD" } ] }`},
			[]want{{"$.one.a.status", "Expected 'Lovely' (String) to be equal to 'OK' (String)"}}},
		{"include +", part{body: "file: basic.json", rules: "include-matcher-v3.json"}, part{body: `JSON: { "one": "cat", "two": "b" }`}, nil},
		{"include -", part{body: "file: basic.json", rules: "include-matcher-v3.json"}, part{body: `JSON: { "one": "dog", "two": "b" }`},
			[]want{{"$.one", "Expected 'dog' to include 'a'"}}},
		{"minmax +", part{body: "file: 3-level.json", rules: "minmax-type-matcher-v3.json"},
			part{body: `JSON: { "one": { "a": { "ids": [100], "status": "OK" }  }, "two": [ { "ids": [1,2,3], "status": "BAD" } ] }`}, nil},
		{"minmax -", part{body: "file: 3-level.json", rules: "minmax-type-matcher-v3.json"},
			part{body: `JSON: { "one": { "a": { "ids": [], "status": "OK" }  }, "two": [ { "ids": [1,2,3,4,5], "status": "BAD" } ] }`},
			[]want{{"$.one.a.ids", "Expected [] (size 0) to have minimum size of 1"},
				{"$.two[0].ids", "Expected [1, 2, 3, 4, 5] (size 5) to have maximum size of 4"}}},
		{"number coerces in query and headers",
			part{query: "a=1234", headers: map[string]string{"X-A": "1234"}, rules: "number-type-matcher-v3.json"},
			part{query: "a=100.2", headers: map[string]string{"X-A": "100.4"}}, nil},
		{"number - string in body", part{body: "file: basic.json", rules: "number-type-matcher-v3.json"},
			part{body: `JSON: { "one": "100", "two": "b" }`}, []want{{"$.one", "Expected '100' (String) to be a number"}}},
		{"integer - decimal", part{body: "file: basic.json", rules: "integer-type-matcher-v3.json"},
			part{body: `JSON: { "one": 100.1, "two": "b" }`}, []want{{"$.one", "Expected 100.1 (Decimal) to be an integer"}}},
		{"decimal - integer", part{body: "file: basic.json", rules: "decimal-type-matcher-v3.json"},
			part{body: `JSON: { "one": 100, "two": "b" }`}, []want{{"$.one", "Expected 100 (Integer) to be a decimal number"}}},
		{"null -", part{body: "file: basic.json", rules: "null-matcher-v3.json"},
			part{body: `JSON: { "one": "", "two": "b" }`}, []want{{"$.one", "Expected '' (String) to be a null value"}}},
		{"date +", part{body: "file: basic.json", rules: "date-matcher-v3.json"}, part{body: `JSON: { "one": "2023-07-19", "two": "b" }`}, nil},
		{"date -", part{body: "file: basic.json", rules: "date-matcher-v3.json"},
			part{body: `JSON: { "one": "23/07/19", "two": "b" }`}, []want{{"$.one", "Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd'"}}},
		{"boolean -", part{body: `JSON: { "one": true, "two": "b" }`, rules: "boolean-matcher-v3.json"},
			part{body: `JSON: { "one": "", "two": "b" }`}, []want{{"$.one", "Expected '' (String) to match a boolean"}}},
		{"contentType +", part{contentType: "application/octet-stream", body: "file: rat.jpg", rules: "contenttype-matcher-v3.json"},
			part{contentType: "application/octet-stream", body: "file: spider.jpg"}, nil},
		{"contentType -", part{contentType: "application/octet-stream", body: "file: rat.jpg", rules: "contenttype-matcher-v3.json"},
			part{contentType: "application/octet-stream", body: "file: sample.pdf"},
			[]want{{"$", "Expected binary contents to have content type 'image/jpeg' but detected contents was 'application/pdf'"}}},
		{"values +", part{body: "file: basic.json", rules: "values-matcher-v3.json"},
			part{body: `JSON: { "one": "", "three": "b", "four": "c", "five": "100" }`}, nil},
		{"values -", part{body: "file: basic.json", rules: "values-matcher-v3.json"},
			part{body: `JSON: { "one": "", "two": "b", "three": "c", "four": 100 }`},
			[]want{{"$.four", "Expected 100 (Integer) to be the same type as 'a' (String)"}}},
		{"notEmpty +", part{body: `JSON: { "one": "", "two": ["b"] }`, rules: "notempty-matcher-v4.json"},
			part{body: `JSON: { "one": "cat", "two": ["rat"] }`}, nil},
		{"notEmpty -", part{body: `JSON: { "one": "a", "two": ["b"] }`, rules: "notempty-matcher-v4.json"},
			part{body: `JSON: { "one": "", "two": [] }`},
			[]want{{"$.one", "Expected '' (String) to not be empty"}, {"$.two", "Expected [] (Array) to not be empty"}}},
		{"notEmpty - types differ", part{body: `JSON: { "one": "a", "two": ["b"] }`, rules: "notempty-matcher-v4.json"},
			part{body: `JSON: { "one": "a", "two": "b" }`},
			[]want{{"$.two", `Type mismatch: Expected 'b' (String) to be the same type as ["b"] (Array)`}}},
		{"notEmpty binary +", part{body: "file: rat.jpg", rules: "notempty2-matcher-v4.json"}, part{body: "file: spider.jpg"}, nil},
		{"notEmpty binary -", part{body: "file: rat.jpg", rules: "notempty2-matcher-v4.json"},
			part{contentType: "image/jpeg", body: "EMPTY"}, []want{{"$", "Expected [] (0 bytes) to not be empty"}}},
		{"semver +", part{body: "file: basic.json", rules: "semver-matcher-v4.json"}, part{body: `JSON: { "one": "1.0.0", "two": "2.0.0" }`}, nil},
		{"semver -", part{body: "file: basic.json", rules: "semver-matcher-v4.json"}, part{body: `JSON: { "one": "1.0", "two": "1.0abc" }`},
			[]want{{"$.one", "'1.0' is not a valid semantic version"}, {"$.two", "'1.0abc' is not a valid semantic version"}}},
		{"eachKey +", part{body: "file: basic.json", rules: "eachkey-matcher-v4.json"},
			part{body: `JSON: { "one": "a", "two": "b", "three": "c", "four": "d" }`}, nil},
		{"eachKey -", part{body: "file: basic.json", rules: "eachkey-matcher-v4.json"},
			part{body: `JSON: { "one": "a", "two": "b", "three": "c", "100": "d" }`}, []want{{"$[100]", "Expected '100' to match '[a-z]+"}}},
		{"eachValue +", part{body: "file: basic.json", rules: "eachvalue-matcher-v4.json"},
			part{body: `JSON: { "one": "a", "three": "b", "four": "c", "five": "d" }`}, nil},
		{"eachValue -", part{body: "file: basic.json", rules: "eachvalue-matcher-v4.json"},
			part{body: `JSON: { "one": "", "two": "b", "three": "c", "four": "100" }`}, []want{{"$.four", "Expected '100' to match '[a-z]+"}}},
		{"arrayContains +", part{contentType: "application/vnd.siren+json", body: "file: siren.json", rules: "arraycontains-matcher-v4.json"},
			part{contentType: "application/vnd.siren+json", body: "file: siren2.json"}, nil},
		{"arrayContains -", part{contentType: "application/vnd.siren+json", body: "file: siren.json", rules: "arraycontains-matcher-v4.json"},
			part{contentType: "application/vnd.siren+json", body: "file: siren3.json"},
			[]want{{"$.actions", `Variant at index 1 ({"href":"http://api.x.io/orders/42/items","method":"DELETE","name":"delete-item","title":"Delete Item"}) was not found in the actual list`}}},
		{"regex v2 +", part{body: `JSON: {"one": "abc123", "two": "b"}`, rules: "regex-matcher-v2.json"}, part{body: `JSON: {"one": "xyz987", "two": "b"}`}, nil},
		{"type v2 -", part{body: `JSON: {"one": "a", "two": "b"}`, rules: "type-matcher-v2.json"},
			part{body: `JSON: {"one": 100, "two": "b"}`}, []want{{"$.one", "Expected 100 (Integer) to be the same type as 'a' (String)"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, a := tt.expected.request(t, dir), tt.actual.request(t, dir)
			mm := matching.MatchRequest(&e, &a)
			if tt.want == nil {
				for _, m := range mm {
					t.Errorf("unexpected mismatch %s", m)
				}
				return
			}
			for _, w := range tt.want {
				found := false
				for _, m := range mm {
					if m.Path == w.path && strings.HasPrefix(m.Description, w.desc) {
						found = true
					}
				}
				if !found {
					t.Errorf("no mismatch %s -> %q in %v", w.path, w.desc, mm)
				}
			}
		})
	}
}

// bodyFixture reads one of the suite's "*-body.xml" files: a content type and
// the contents (with CRLF line endings when eol="CRLF").
func bodyFixture(t *testing.T, dir, name string) (string, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	between := func(open, close string) string {
		i := strings.Index(s, open)
		j := strings.Index(s, close)
		if i < 0 || j < i {
			t.Fatalf("%s: no %s", name, open)
		}
		return s[i+len(open) : j]
	}
	ct := strings.TrimSpace(between("<contentType>", "</contentType>"))
	// the contents element: everything between its start tag and end tag
	start := strings.Index(s, "<contents")
	start += strings.Index(s[start:], ">") + 1
	contents := s[start:strings.Index(s, "</contents>")]
	if i := strings.Index(contents, "<![CDATA["); i >= 0 {
		contents = contents[i+len("<![CDATA[") : strings.LastIndex(contents, "]]>")]
	}
	contents = strings.TrimSpace(contents)
	if strings.Contains(s, `eol="CRLF"`) {
		contents = strings.ReplaceAll(contents, "\n", "\r\n") + "\r\n"
	}
	return ct, []byte(contents)
}

func TestCompatibilitySuiteBodies(t *testing.T) {
	dir := fixtures(t)
	req := func(ct string, body []byte) model.Request {
		return model.Request{Method: "PUT", Path: "/", Headers: model.Headers{{Name: "Content-Type", Values: []string{ct}}}, Body: model.PresentBody(body, "")}
	}
	fromFixture := func(name string) model.Request {
		ct, b := bodyFixture(t, dir, name)
		return req(ct, b)
	}
	file := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name             string
		expected, actual model.Request
		typ, want        string // "" = must match
	}{
		{"text +", fromFixture("text-body.xml"), fromFixture("text-body.xml"), "", ""},
		{"text -", fromFixture("text-body.xml"), req("text/plain", []byte("Hello Mars!")), "BodyMismatch",
			"Expected body 'Hello World!' to match 'Hello Mars!' using equality but did not match"},
		{"json -", req("application/json", []byte(`{"one": "a", "two": "b"}`)), req("application/json", []byte(`{"one": "a"}`)), "BodyMismatch",
			"Expected a Map with keys [one, two] but received one with keys [one]"},
		{"wrong body type", req("application/json", []byte(`{"one": "a", "two": "b"}`)),
			req("application/xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><alligator name="Mary" feet="4"/>`)), "BodyTypeMismatch",
			"Expected a body of 'application/json' but the actual content type was 'application/xml'"},
		{"xml +", fromFixture("xml-body.xml"), fromFixture("xml-body.xml"), "", ""},
		{"xml -", fromFixture("xml-body.xml"), req("application/xml", []byte(`<?xml version="1.0" encoding="UTF-8" ?><values><one>A</one></values>`)),
			"BodyMismatch", "Expected child <two/> but was missing"},
		{"binary +", req("image/jpeg", file("rat.jpg")), req("image/jpeg", file("rat.jpg")), "", ""},
		{"binary -", req("image/jpeg", file("rat.jpg")), req("image/jpeg", file("spider.jpg")), "BodyMismatch",
			"Actual body [image/jpeg, 30922 bytes, starting with ffd8ffe000104a46494600010101004800480000ffe100ae4578696600004949] is not equal to the expected body [image/jpeg, 28058 bytes, starting with ffd8ffe000104a46494600010101012c012c0000ffe12db64578696600004949]"},
		{"form +", fromFixture("form-post-body.xml"), fromFixture("form-post-body.xml"), "", ""},
		{"form -", fromFixture("form-post-body.xml"), req("application/x-www-form-urlencoded", []byte("a=1&b=2&c=33&d=4")), "BodyMismatch",
			"Expected form post parameter 'c' with value '3' but was '33'"},
		{"multipart +", fromFixture("multipart-body.xml"), fromFixture("multipart-body.xml"), "", ""},
		{"multipart -", fromFixture("multipart-body.xml"), fromFixture("multipart2-body.xml"), "BodyMismatch",
			"Actual body [application/octet-stream, 50 bytes, starting with 7b0a2020202022626f6479223a2022546869732069732074686520626f647920] is not equal to the expected body [application/octet-stream, 97 bytes, starting with 3c68746d6c3e0a20203c686561643e0a20203c2f686561643e0a20203c626f64]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := matching.MatchRequest(&tt.expected, &tt.actual)
			if tt.want == "" {
				for _, m := range mm {
					t.Errorf("unexpected mismatch %s", m)
				}
				return
			}
			for _, m := range mm {
				if m.Type == tt.typ && strings.Contains(m.Description, tt.want) {
					return
				}
			}
			t.Errorf("no %s containing %q in %v", tt.typ, tt.want, mm)
		})
	}
}
