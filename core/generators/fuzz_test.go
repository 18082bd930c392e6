package generators

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// FuzzApplyBody feeds arbitrary bodies, content types and paths to the JSON,
// XML and form body parsers. Whatever happens, nothing panics, the input is
// left alone, and a JSON body that was generated is still valid JSON.
func FuzzApplyBody(f *testing.F) {
	seeds := []struct{ content, ct, path string }{
		{`{"one":"a","two":"b"}`, "application/json", "$.one"},
		{`{"a":[{"b":1},{"b":2}]}`, "application/json", "$.a[*].b"},
		{`[1,2,3]`, "", "$[1]"},
		{`<?xml version="1.0"?><a x="1"><b>t</b></a>`, "application/xml", "$.a.b['@x']"},
		{`<a><b>t</b><b>u</b></a>`, "text/xml", "$.a.b[1]['#text']"},
		{"a=1&b=2&a=3", "application/x-www-form-urlencoded", "$.a[1]"},
		{"plain", "text/plain", "$"},
	}
	for _, s := range seeds {
		f.Add(s.content, s.ct, s.path)
	}
	f.Fuzz(func(t *testing.T, content, ct, path string) {
		in := model.PresentBody([]byte(content), "")
		gens := map[string]model.Generator{
			path:  {Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 9}},
			"$.*": {Type: "Uuid"},
		}
		out, err := ApplyBody(in, ct, gens, Consumer, nil)
		if string(in.Content) != content {
			t.Fatal("input modified")
		}
		if err == nil && bodyKind(ct, []byte(content)) == kindJSON && json.Valid([]byte(content)) && !json.Valid(out.Content) {
			t.Fatalf("generated invalid JSON %q from %q", out.Content, content)
		}
	})
}
