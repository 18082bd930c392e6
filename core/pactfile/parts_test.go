package pactfile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// findConformanceDir returns the shared conformance data: $PACT_CONFORMANCE_DIR,
// else ../shared/conformance next to the repository root (the directory
// holding go.mod), or "" when it is not there.
func findConformanceDir() string {
	if d := os.Getenv("PACT_CONFORMANCE_DIR"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "conformance")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// conformanceDir is findConformanceDir for tests: it skips the test when the
// data is not there.
func conformanceDir(t testing.TB) string {
	t.Helper()
	d := findConformanceDir()
	if d == "" {
		t.Skip("conformance data not found (set PACT_CONFORMANCE_DIR, or put it at ../shared/conformance beside the repository)")
	}
	return d
}

func decode(t testing.TB, s string) any {
	t.Helper()
	v, err := DecodeJSON([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSpecTestcaseParts reads the expected and actual parts of every
// pact-specification testcase.
func TestSpecTestcaseParts(t *testing.T) {
	root := filepath.Join(conformanceDir(t), "pact-specification")
	versions := map[string]model.SpecVersion{"v1": model.V1, "v1.1": model.V1_1, "v2": model.V2, "v3": model.V3, "v4": model.V4}
	n := 0
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		ver := versions[strings.Split(rel, string(filepath.Separator))[0]]
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		v, err := DecodeJSON(data)
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			return nil
		}
		tc := v.(map[string]any)
		for _, side := range []string{"expected", "actual"} {
			part, ok := tc[side]
			if !ok {
				continue
			}
			r := &reader{ver: ver}
			switch {
			case strings.Contains(rel, "/request/"):
				_, err = r.request(part, side)
			case strings.Contains(rel, "/response/"):
				_, err = r.response(part, side)
			case strings.Contains(rel, "/message/"):
				_, err = r.message(part, side)
			default:
				t.Errorf("%s: unknown testcase kind", rel)
			}
			if err != nil {
				t.Errorf("%s %s: %v", rel, side, err)
			}
			for _, w := range r.warnings {
				if !strings.Contains(w, "ignoring unknown attribute") && !strings.HasSuffix(rel, "objects in array with type mismatching.json") {
					t.Errorf("%s %s: warning %s", rel, side, w)
				}
			}
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("read %d testcase parts", n)
	if n < 1500 {
		t.Errorf("only %d parts read", n)
	}
}

func TestParseRequest(t *testing.T) {
	req, err := ParseRequest(decode(t, `{"method":"post","path":"/a","query":"a=1&b=x%3Dy&a=2&c",
		"headers":{"Accept":"text/html, application/json","Date":"Mon, 01 Jan 2024","X":"1"},
		"body":{"b":1.0},
		"matchingRules":{"$.body.b":{"match":"decimal"},"$.headers.X":{"regex":"\\d"},"$.header.Y":{"match":"type"},"$.query.a":{"min":1},"$.path":{"regex":"/a"},"$.body":{"match":"type"}}}`), model.V2)
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != "POST" || req.Path != "/a" || req.RawQuery != "a=1&b=x%3Dy&a=2&c" {
		t.Errorf("method/path/query: %+v", req)
	}
	wantQ := model.Query{{Name: "a", Values: []string{"1", "2"}}, {Name: "b", Values: []string{"x=y"}}, {Name: "c", Values: []string{""}}}
	if !reflect.DeepEqual(req.Query, wantQ) || !req.QueryNoValue["c"] || len(req.QueryNoValue) != 1 {
		t.Errorf("query = %v %v", req.Query, req.QueryNoValue)
	}
	wantH := model.Headers{{Name: "Accept", Values: []string{"text/html", "application/json"}}, {Name: "Date", Values: []string{"Mon, 01 Jan 2024"}}, {Name: "X", Values: []string{"1"}}}
	if !reflect.DeepEqual(req.Headers, wantH) {
		t.Errorf("headers = %v", req.Headers)
	}
	if req.Body.State != model.BodyPresent || string(req.Body.Content) != `{"b":1.0}` || req.Body.ContentType != "" {
		t.Errorf("body = %+v %s", req.Body, req.Body.Content)
	}
	mr := req.MatchingRules
	checks := []struct {
		c    model.Category
		path string
		kind model.RuleKind
	}{
		{model.CategoryBody, "$.b", model.Decimal}, {model.CategoryBody, "$", model.Type},
		{model.CategoryHeader, "X", model.Regex}, {model.CategoryHeader, "Y", model.Type},
		{model.CategoryQuery, "a", model.MinType}, {model.CategoryPath, "", model.Regex},
	}
	for _, c := range checks {
		l := mr.Get(c.c, c.path)
		if l == nil || len(l.Rules) != 1 || l.Rules[0].Kind != c.kind {
			t.Errorf("rule at %s %q = %+v", c.c, c.path, l)
		}
	}
}

func TestParseBodies(t *testing.T) {
	tests := []struct {
		name  string
		ver   model.SpecVersion
		in    string
		state model.BodyState
		want  string
		ct    string
	}{
		{"missing", model.V3, `{}`, model.BodyMissing, "", ""},
		{"null", model.V3, `{"body":null}`, model.BodyNull, "", ""},
		{"empty", model.V3, `{"body":""}`, model.BodyEmpty, "", ""},
		{"text", model.V3, `{"body":"hello"}`, model.BodyPresent, "hello", ""},
		{"json string with json type", model.V3, `{"headers":{"Content-Type":"application/json"},"body":"abc"}`, model.BodyPresent, `"abc"`, ""},
		{"json text with json type", model.V3, `{"headers":{"Content-Type":"application/json"},"body":"{\"a\":1}"}`, model.BodyPresent, `{"a":1}`, ""},
		{"base64 binary", model.V3, `{"headers":{"Content-Type":"image/png"},"body":"AAEC"}`, model.BodyPresent, "\x00\x01\x02", ""},
		{"xml", model.V3, `{"headers":{"Content-Type":"application/xml"},"body":"<a/>"}`, model.BodyPresent, "<a/>", ""},
		{"array", model.V2, `{"body":[1,2.50,"x"]}`, model.BodyPresent, `[1,2.50,"x"]`, ""},
		{"v4 json", model.V4, `{"body":{"content":{"a":1},"contentType":"application/json","encoded":false}}`, model.BodyPresent, `{"a":1}`, "application/json"},
		{"v4 base64", model.V4, `{"body":{"content":"AAEC","contentType":"application/octet-stream","encoded":"base64"}}`, model.BodyPresent, "\x00\x01\x02", "application/octet-stream"},
		{"v4 json encoded", model.V4, `{"body":{"content":"{\"a\":1}","contentType":"application/json","encoded":"json"}}`, model.BodyPresent, `{"a":1}`, "application/json"},
		{"v4 text", model.V4, `{"body":{"content":"hi","contentType":"text/plain"}}`, model.BodyPresent, "hi", "text/plain"},
		{"v4 json string by header", model.V4, `{"headers":{"content-type":"application/json"},"body":{"content":"hi"}}`, model.BodyPresent, `"hi"`, ""},
		{"v4 null", model.V4, `{"body":{"content":null}}`, model.BodyNull, "", ""},
		{"v4 empty", model.V4, `{"body":{"content":"","contentType":"application/json"}}`, model.BodyEmpty, "", "application/json"},
		{"v4 attrs only", model.V4, `{"body":{"contentType":"application/json"}}`, model.BodyMissing, "", "application/json"},
		{"v4 raw object", model.V4, `{"body":{"a":1}}`, model.BodyPresent, `{"a":1}`, ""},
	}
	for _, tt := range tests {
		resp, err := ParseResponse(decode(t, tt.in), tt.ver)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		b := resp.Body
		if b.State != tt.state || string(b.Content) != tt.want || b.ContentType != tt.ct {
			t.Errorf("%s: got state %d content %q type %q", tt.name, b.State, b.Content, b.ContentType)
		}
	}
}

func TestParseMessage(t *testing.T) {
	msg, err := ParseMessage(decode(t, `{"contents":{"a":1},"metaData":{"contentType":"application/json","n":1},
		"matchingRules":{"content":{"$.a":{"matchers":[{"match":"integer"}]}},"metadata":{"n":{"matchers":[{"match":"number"}]}}},
		"generators":{"content":{"$.a":{"type":"RandomInt"}}}}`), model.V3)
	if err != nil {
		t.Fatal(err)
	}
	if string(msg.Contents.Content) != `{"a":1}` || msg.Metadata["n"] != json.Number("1") || msg.Metadata["contentType"] != "application/json" {
		t.Errorf("message = %+v", msg)
	}
	if msg.MatchingRules.Get(model.CategoryBody, "$.a") == nil || msg.MatchingRules.Get(model.CategoryMetadata, "n") == nil {
		t.Errorf("rules = %v", msg.MatchingRules)
	}
	if msg.Generators[model.CategoryBody]["$.a"].Type != "RandomInt" {
		t.Errorf("generators = %v", msg.Generators)
	}
}
