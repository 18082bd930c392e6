package consumer

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// withBodyCases are the content-type decisions of WithBody: declared,
// sniffed, invalid JSON kept, JSON describing XML or a form, rules merged
// into existing ones.
var withBodyCases = []struct {
	name, header, contentType, body string
	twice                           bool // call WithBody twice (the second merges into the first's rules)
}{
	{name: "json with matchers", contentType: "application/json",
		body: `{"id": {"pact:matcher:type": "integer", "value": 7}, "name": {"pact:matcher:type": "type", "value": "item 7"}, ` +
			`"tags": {"pact:matcher:type": "type", "min": 1, "value": ["new"]}, ` +
			`"updated": {"pact:matcher:type": "regex", "regex": "^\\d{4}-\\d{2}-\\d{2}$", "value": "2024-01-08"}}`},
	{name: "json invalid kept", contentType: "application/json", body: `{"a": 1`},
	{name: "json trailing data kept", contentType: "application/json", body: `{"a":1} x`},
	{name: "json bad matcher", contentType: "application/json", body: `{"a": {"pact:matcher:type": "regex", "value": "x"}}`},
	{name: "json spaces", contentType: "application/json", body: " [ ] "},
	{name: "json generator", contentType: "application/json",
		body: `{"a": {"pact:generator:type": "RandomInt", "min": 1, "max": 5, "value": 3}}`},
	{name: "json suffix type", contentType: "application/vnd.api+json", body: `{"a": {"pact:matcher:type": "type", "value": 1}}`},
	{name: "json twice", contentType: "application/json", body: `{"a": {"pact:matcher:type": "type", "value": 1}}`, twice: true},
	{name: "json empty", contentType: "application/json", body: ""},
	{name: "declared by header", header: "application/json", body: `{"a": {"pact:matcher:type": "type", "value": 1}}`},
	{name: "declared text by header", header: "text/plain", body: `{"a": 1}`},
	{name: "sniffed object", body: `{"a": {"pact:matcher:type": "integer", "value": 1}}`},
	{name: "sniffed array", body: ` [1, 2]`},
	{name: "sniffed invalid object", body: `{"a": }`},
	{name: "sniffed string", body: `"str"`},
	{name: "sniffed xml declaration", body: `<?XML version="1.0"?><a/>`},
	{name: "sniffed doctype", body: "\n <!DocType HTML><html></html>"},
	{name: "sniffed html", body: `<HTML><body/></HTML>`},
	{name: "sniffed tag", body: `<a>x</a>`},
	{name: "sniffed not a tag", body: `< a`},
	{name: "sniffed kelvin", body: "<\u212Atml>"},
	{name: "sniffed plain", body: "plain text"},
	{name: "xml described in json", contentType: "application/xml",
		body: `{"version":"1.0","charset":"UTF-8","root":{"name":"items","children":[{"name":"id","children":[` +
			`{"matcher":{"pact:matcher:type":"integer"},"content":10}],"attributes":{}}],"attributes":{}}}`},
	{name: "xml given as xml", contentType: "application/xml", body: `<a>1</a>`},
	{name: "xml with invalid json", contentType: "text/xml", body: `{"root": `},
	{name: "form described in json", contentType: "application/x-www-form-urlencoded",
		body: `{"a": {"pact:matcher:type": "integer", "value": 1}, "b": ["x y", "z"]}`},
	{name: "form given as form", contentType: "application/x-www-form-urlencoded", body: `a=1&b=2`},
	{name: "text with json", contentType: "text/plain", body: `{"a": {"pact:matcher:type": "type", "value": 1}}`},
}

// describeBody renders what WithBody left in the request for a golden file.
func describeBody(i *Interaction, err error) string {
	r := i.I.Request
	var b strings.Builder
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	fmt.Fprintf(&b, "state %d, content type %q, Content-Type header %q\n", r.Body.State, r.Body.ContentType, r.Headers.First("Content-Type"))
	fmt.Fprintf(&b, "content: %s\n", r.Body.Content)
	out := map[string]any{}
	for _, cat := range r.MatchingRules {
		c := cat.Category
		m := map[string]any{}
		for p, l := range cat.Paths.All() {
			m[p] = l.ToJSON()
		}
		out["rules "+string(c)] = m
	}
	for c, paths := range r.Generators {
		m := map[string]any{}
		for p, g := range paths {
			m[p] = g.ToJSON()
		}
		out["generators "+string(c)] = m
	}
	keys := make([]string, 0, len(out))
	for k := range out {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		j, _ := json.Marshal(out[k]) // maps marshal with sorted keys
		fmt.Fprintf(&b, "%s: %s\n", k, j)
	}
	return b.String()
}

func TestWithBodyGolden(t *testing.T) {
	var got bytes.Buffer
	for _, c := range withBodyCases {
		_, i := newHTTP(t)
		if c.header != "" {
			must(t, i.SetHeader(Request, "Content-Type", c.header))
		}
		err := i.WithBody(Request, c.contentType, c.body)
		if c.twice && err == nil {
			must(t, i.WithMatchingRules(Request, `{"body": {"$.b": {"matchers": [{"match": "integer"}]}}}`))
			err = i.WithBody(Request, c.contentType, strings.ReplaceAll(c.body, `"type"`, `"number"`))
		}
		fmt.Fprintf(&got, "== %s\n%s", c.name, describeBody(i, err))
	}
	path := filepath.Join("testdata", "withbody.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got.String() != string(want) {
		t.Errorf("WithBody results differ from %s:\n%s", path, got.String())
	}
}

// sniffByLowering is sniff as it was written first, lowering the whole body.
func sniffByLowering(body string) string {
	s := strings.TrimLeft(body, " \t\r\n")
	lower := strings.ToLower(s)
	switch {
	case strings.HasPrefix(lower, "<?xml"):
		return "application/xml"
	case strings.HasPrefix(lower, "<!doctype html"), strings.HasPrefix(lower, "<html"):
		return "text/html"
	case len(s) > 1 && s[0] == '<' && (s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z'):
		return "application/xml"
	case json.Valid([]byte(s)) && (s[0] == '{' || s[0] == '['):
		return "application/json"
	}
	return ""
}

func TestSniffMatchesLowering(t *testing.T) {
	for _, c := range withBodyCases {
		if got, want := sniff(c.body), sniffByLowering(c.body); got != want {
			t.Errorf("sniff(%q) = %q, want %q", c.body, got, want)
		}
	}
	// Every non-ASCII rune whose lower case is ASCII, after each prefix
	// sniff looks for.
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		l := strings.ToLower(string(r))
		if len(l) == 0 || l[0] >= utf8.RuneSelf {
			continue
		}
		for _, prefix := range []string{"<?xm", "<!doctype htm", "<htm", "<", ""} {
			s := prefix + string(r) + "l>"
			if got, want := sniff(s), sniffByLowering(s); got != want {
				t.Errorf("sniff(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

func FuzzSniff(f *testing.F) {
	for _, c := range withBodyCases {
		f.Add(c.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if got, want := sniff(body), sniffByLowering(body); got != want {
			t.Fatalf("sniff(%q) = %q, want %q", body, got, want)
		}
	})
}
