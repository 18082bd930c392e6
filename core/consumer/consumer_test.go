package consumer

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func newHTTP(t *testing.T) (*Builder, *Interaction) {
	t.Helper()
	b := New("web", "api")
	n, err := b.NewInteraction(model.HTTP, "a request")
	if err != nil {
		t.Fatal(err)
	}
	i, err := b.Interaction(n)
	if err != nil {
		t.Fatal(err)
	}
	return b, i
}

func TestRequestAndHeaders(t *testing.T) {
	_, i := newHTTP(t)
	must(t, i.WithRequest("POST", `{"value":"/users/1","pact:matcher:type":"regex","regex":"/users/\\d+"}`))
	must(t, i.WithHeader(Request, "Accept", 0, "application/json, text/plain"))
	must(t, i.WithHeader(Request, "X-Id", 0, `{"value":"abc","pact:matcher:type":"regex","regex":"\\w+"}`))
	must(t, i.WithHeader(Request, "X-Id", 1, "second"))
	must(t, i.WithQueryParameter("q", 0, strptr("a")))
	must(t, i.WithQueryParameter("q", 1, strptr("b")))
	must(t, i.WithQueryParameter("flag", 0, nil))
	r := i.I.Request
	if r.Method != "POST" || r.Path != "/users/1" {
		t.Errorf("method/path = %s %s", r.Method, r.Path)
	}
	if l := r.MatchingRules.Get(model.CategoryPath, ""); l == nil || l.Rules[0].Kind != model.Regex {
		t.Errorf("path rule = %+v", l)
	}
	if got := r.Headers.Values("Accept"); !reflect.DeepEqual(got, []string{"application/json", "text/plain"}) {
		t.Errorf("Accept = %q", got)
	}
	if got := r.Headers.Values("X-Id"); !reflect.DeepEqual(got, []string{"abc", "second"}) {
		t.Errorf("X-Id = %q", got)
	}
	if r.MatchingRules.Get(model.CategoryHeader, "X-Id") == nil {
		t.Errorf("header rule not keyed by the name: %v", r.MatchingRules.Category(model.CategoryHeader))
	}
	must(t, i.WithQueryParameter("n", 0, strptr(`{"value":"1","pact:matcher:type":"regex","regex":"\\d"}`)))
	must(t, i.WithQueryParameter("n", 1, strptr(`{"value":"x","pact:matcher:type":"type"}`)))
	if l := i.I.Request.MatchingRules.Get(model.CategoryQuery, "n"); l == nil || len(l.Rules) != 1 || l.Rules[0].Kind != model.Type {
		t.Errorf("query rules for n = %+v (want the later value's type rule only, as pact_ffi)", l)
	}
	if got := r.Query.Values("q"); !reflect.DeepEqual(got, []string{"a", "b"}) {
		t.Errorf("q = %q", got)
	}
	if !r.QueryNoValue["flag"] {
		t.Error("flag has a value")
	}
}

// TestSharedValuesStayApart builds two interactions from the same
// integration JSON (whose examples and rules the memo shares) and then
// changes the second one's values and rules in every way the builder can:
// the third must keep what it was given.
func TestSharedValuesStayApart(t *testing.T) {
	const one = `{"value":"1","pact:matcher:type":"regex","regex":"\\d"}`
	const many = `{"value":["a","b"],"pact:matcher:type":"regex","regex":"\\w"}`
	tests := []struct {
		name   string
		change func(i *Interaction) error
	}{
		{"query value 0", func(i *Interaction) error { return i.WithQueryParameter("n", 0, strptr("9")) }},
		{"query value 1", func(i *Interaction) error { return i.WithQueryParameter("n", 1, strptr("9")) }},
		{"query values appended", func(i *Interaction) error { return i.WithQueryParameter("n", 0, strptr(many)) }},
		{"header value 0", func(i *Interaction) error { return i.WithHeader(Request, "X-N", 0, "9") }},
		{"header value 1", func(i *Interaction) error { return i.WithHeader(Request, "X-N", 1, "9") }},
		{"header values", func(i *Interaction) error { return i.WithHeader(Request, "X-M", 1, "9") }},
		{"more rules", func(i *Interaction) error {
			i.I.Request.Headers.Values("X-M")[0] = "changed in place"
			return i.WithHeader(Request, "X-N", 0, `{"value":"2","pact:matcher:type":"type"}`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New("web", "api")
			var is [3]*Interaction // the second and third share what the memo keeps
			for k := range is {
				n, err := b.NewInteraction(model.HTTP, []string{"first", "second", "third"}[k])
				must(t, err)
				i, err := b.Interaction(n)
				must(t, err)
				is[k] = i
				must(t, i.WithQueryParameter("n", 0, strptr(one)))
				must(t, i.WithHeader(Request, "X-N", 0, one))
				must(t, i.WithHeader(Request, "X-M", 0, many))
			}
			must(t, tt.change(is[1]))
			r := is[2].I.Request
			if got := r.Query.Values("n"); !reflect.DeepEqual(got, []string{"1"}) {
				t.Errorf("third query n = %q", got)
			}
			if got := r.Headers.Values("X-N"); !reflect.DeepEqual(got, []string{"1"}) {
				t.Errorf("third X-N = %q", got)
			}
			if got := r.Headers.Values("X-M"); !reflect.DeepEqual(got, []string{"a", "b"}) {
				t.Errorf("third X-M = %q", got)
			}
			for _, k := range []struct {
				c    model.Category
				key  string
				want string
			}{{model.CategoryQuery, "n", `\d`}, {model.CategoryHeader, "X-N", `\d`}, {model.CategoryHeader, "X-M", `\w`}} {
				if l := r.MatchingRules.Get(k.c, k.key); l == nil || len(l.Rules) != 1 || l.Rules[0].Regex != k.want {
					t.Errorf("third %s %s rules = %+v", k.c, k.key, l)
				}
			}
		})
	}
}

func TestBodies(t *testing.T) {
	b, i := newHTTP(t)
	must(t, i.WithBody(Response, "", `{"id":{"pact:matcher:type":"integer","value":7}}`))
	resp := i.I.Response
	if resp.Body.String() != `{"id":7}` || resp.Body.ContentType != "application/json" {
		t.Errorf("body = %q (%s)", resp.Body.String(), resp.Body.ContentType)
	}
	if resp.Headers.First("content-type") != "application/json" {
		t.Errorf("Content-Type header = %q", resp.Headers.First("content-type"))
	}
	if l := resp.MatchingRules.Get(model.CategoryBody, "$.id"); l == nil || l.Rules[0].Kind != model.Integer {
		t.Errorf("body rule = %+v", resp.MatchingRules)
	}
	must(t, i.WithBody(Request, "text/plain", "hello"))
	if i.I.Request.Body.String() != "hello" {
		t.Errorf("text body = %q", i.I.Request.Body.String())
	}
	must(t, i.WithBinaryFile(Request, "image/png", []byte{1, 2, 3}))
	if l := i.I.Request.MatchingRules.Get(model.CategoryBody, "$"); l == nil || l.Rules[0].Kind != model.ContentType {
		t.Errorf("binary file rule = %+v", i.I.Request.MatchingRules)
	}
	if err := i.WithBody(Response, "application/json", `{"id":{"pact:matcher:type":"regex"}}`); err == nil {
		t.Error("a regex matcher without a regex was accepted")
	}
	b.Lock()
	if err := i.WithBody(Request, "", "x"); !errors.Is(err, ErrLocked) {
		t.Errorf("WithBody on a locked pact: %v", err)
	}
}

func TestMultipart(t *testing.T) {
	_, i := newHTTP(t)
	f := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(f, []byte("hello"), 0o644)
	must(t, i.WithMultipartFile(Request, "text/plain", f, "doc", "XYZ"))
	must(t, i.WithMultipartFile(Request, "text/plain", f, "doc2", ""))
	body := i.I.Request.Body.String()
	if !strings.HasPrefix(body, "--XYZ\r\n") || !strings.HasSuffix(body, "--XYZ--\r\n") || strings.Count(body, "--XYZ\r\n") != 2 {
		t.Errorf("multipart body:\n%s", body)
	}
	if got := i.I.Request.Headers.First("Content-Type"); got != "multipart/form-data; boundary=XYZ" {
		t.Errorf("Content-Type = %q", got)
	}
	if i.I.Request.MatchingRules.Get(model.CategoryBody, "$.doc2") == nil {
		t.Error("no contentType rule for the second part")
	}
}

func TestStatesRulesGeneratorsComments(t *testing.T) {
	_, i := newHTTP(t)
	must(t, i.GivenWithParam("user exists", "id", "42"))
	must(t, i.GivenWithParam("user exists", "name", "Fred"))
	must(t, i.GivenWithParams("two", `{"a":[1,2]}`))
	if err := i.GivenWithParams("bad", `{"a":`); !errors.Is(err, ErrInvalidParams) {
		t.Errorf("bad params: %v", err)
	}
	ps := i.I.ProviderStates
	if len(ps) != 2 || ps[0].Params["id"] != int64(42) || ps[0].Params["name"] != "Fred" {
		t.Errorf("states = %+v", ps)
	}
	must(t, i.WithMatchingRules(Response, `{"body":{"$.a":{"matchers":[{"match":"type"}]}},"status":{"matchers":[{"match":"statusCode","status":"success"}]}}`))
	if i.I.Response.MatchingRules.Get(model.CategoryStatus, "") == nil || i.I.Response.MatchingRules.Get(model.CategoryBody, "$.a") == nil {
		t.Errorf("rules = %+v", i.I.Response.MatchingRules)
	}
	// An empty OR list: the list already there becomes OR; none is added
	// where there was none.
	must(t, i.WithMatchingRules(Response, `{"body":{"$.a":{"combine":"OR","matchers":[]},"$.b":{"combine":"OR","matchers":[]}}}`))
	if l := i.I.Response.MatchingRules.Get(model.CategoryBody, "$.a"); l == nil || l.Combine != model.Or || len(l.Rules) != 1 ||
		i.I.Response.MatchingRules.Get(model.CategoryBody, "$.b") != nil {
		t.Errorf("rules after empty OR lists = %+v", i.I.Response.MatchingRules)
	}
	if err := i.WithMatchingRules(Response, `[1]`); err == nil {
		t.Error("a non-object rules document was accepted")
	}
	must(t, i.WithGenerators(Request, `{"path":{"type":"ProviderState","expression":"/u/${id}"},"body":{"$.n":{"type":"RandomInt"}}}`))
	if _, ok := i.I.Request.Generators[model.CategoryPath][""]; !ok {
		t.Errorf("generators = %+v", i.I.Request.Generators)
	}
	must(t, i.AddTextComment("one"))
	must(t, i.AddTextComment("two"))
	must(t, i.AddReference("openapi", "op", "getUser"))
	must(t, i.SetComment("k", strptr(`{"x":1}`)))
	must(t, i.SetComment("k", nil))
	c := i.I.Comments
	if !reflect.DeepEqual(c["text"], []any{"one", "two"}) || c["references"] == nil || c["k"] != nil {
		t.Errorf("comments = %+v", c)
	}
	must(t, i.ResponseStatusV2(`{"pact:matcher:type":"statusCode","status":"success","value":201}`))
	if i.I.Response.Status != 201 || i.I.Response.MatchingRules.Get(model.CategoryStatus, "") == nil {
		t.Errorf("status = %d", i.I.Response.Status)
	}
}

func TestMetadata(t *testing.T) {
	b := New("c", "p")
	must(t, b.SetMetadata("ns", "k", "v"))
	if err := b.SetMetadata("pactRust", "k", "v"); err == nil {
		t.Error("pactRust namespace was writable")
	}
	if err := b.SetSpecVersion(model.SpecVersion(9)); err == nil {
		t.Error("spec version 9 accepted")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func strptr(s string) *string { return &s }

func TestNewInteractionReplacesSameDescription(t *testing.T) {
	b := New("c", "p")
	n1, _ := b.NewInteraction(model.HTTP, "one")
	n2, _ := b.NewInteraction(model.HTTP, "two")
	i, _ := b.Interaction(n1)
	must(t, i.WithRequest("POST", "/x"))
	n3, _ := b.NewInteraction(model.AsyncMessage, "one")
	if n1 != 1 || n2 != 2 || n3 != 1 || len(b.Pact.Interactions) != 2 {
		t.Fatalf("indexes %d %d %d, %d interactions", n1, n2, n3, len(b.Pact.Interactions))
	}
	if b.Pact.Interactions[0].Type != model.AsyncMessage || b.Pact.Interactions[0].Request.Method != "GET" {
		t.Errorf("interaction one was not replaced: %+v", b.Pact.Interactions[0])
	}
}

func TestMessageBodies(t *testing.T) {
	b := New("c", "p")
	n, _ := b.NewInteraction(model.AsyncMessage, "an event")
	i, _ := b.Interaction(n)
	must(t, i.WithBody(Request, "", `{"id":{"pact:matcher:type":"integer","value":3}}`))
	m := i.I.Messages.Message
	if m.Contents.String() != `{"id":3}` || m.Metadata["contentType"] != "application/json" || m.MatchingRules.Get(model.CategoryBody, "$.id") == nil {
		t.Errorf("async message = %+v", m)
	}
	n, _ = b.NewInteraction(model.SyncMessage, "a call")
	s, _ := b.Interaction(n)
	must(t, s.WithBody(Request, "text/plain", "ping"))
	must(t, s.WithBody(Response, "text/plain", "pong"))
	must(t, s.WithBinaryBody(Response, "application/octet-stream", []byte{0, 1}))
	if s.I.Messages.Request.Contents.String() != "ping" || len(s.I.Messages.Responses) != 2 || s.I.Messages.Responses[0].Contents.String() != "pong" {
		t.Errorf("sync message = %+v", s.I)
	}
	must(t, s.WithMatchingRules(Response, `{"body":{"$":{"matchers":[{"match":"type"}]}}}`))
	for k, r := range s.I.Messages.Responses {
		if r.MatchingRules.Get(model.CategoryBody, "$") == nil {
			t.Errorf("response %d has no rule", k)
		}
	}
	if err := s.WithRequest("GET", "/"); err == nil {
		t.Error("WithRequest on a message interaction succeeded")
	}
}

func TestXMLAndFormBodies(t *testing.T) {
	_, i := newHTTP(t)
	must(t, i.WithBody(Request, "application/x-www-form-urlencoded", `{"a":{"pact:matcher:type":"integer","value":1},"b":"x y"}`))
	if got := i.I.Request.Body.String(); !strings.Contains(got, "a=1") || !strings.Contains(got, "b=x") {
		t.Errorf("form body = %q", got)
	}
	if i.I.Request.MatchingRules.Get(model.CategoryBody, "$.a") == nil {
		t.Errorf("form rules = %+v", i.I.Request.MatchingRules)
	}
	must(t, i.WithBody(Response, "application/xml", `{"version":"1.0","charset":"UTF-8","root":{"name":"user","attributes":{"id":"1"},"children":[]}}`))
	if got := i.I.Response.Body.String(); !strings.Contains(got, "<user") {
		t.Errorf("xml body = %q", got)
	}
	must(t, i.WithBody(Response, "application/xml", `<raw/>`))
	if got := i.I.Response.Body.String(); got != "<raw/>" {
		t.Errorf("raw xml body = %q", got)
	}
}

func TestV2MatchingRules(t *testing.T) {
	_, i := newHTTP(t)
	must(t, i.WithMatchingRules(Request, `{"$.body.one": {"match": "regex", "regex": "\\w{3}\\d{3}"}, "$.path": {"match": "type"}, "$.query.a": {"match": "type"}, "$.headers['x-test']": {"match": "type"}, "$.header.X-Other": {"match": "type"}}`))
	r := i.I.Request.MatchingRules
	for _, want := range []struct {
		c    model.Category
		path string
	}{{model.CategoryBody, "$.one"}, {model.CategoryPath, ""}, {model.CategoryQuery, "a"}, {model.CategoryHeader, "x-test"}, {model.CategoryHeader, "X-Other"}} {
		if r.Get(want.c, want.path) == nil {
			t.Errorf("no rule at %s %q: %+v", want.c, want.path, r)
		}
	}
	if err := i.WithMatchingRules(Request, `{"$.nowhere": {"match": "type"}}`); err == nil {
		t.Error("an unknown V2 key was accepted")
	}
}

func TestInteractionViewFollowsReplacement(t *testing.T) {
	b := New("web", "api")
	n, _ := b.NewInteraction(model.HTTP, "a")
	m, _ := b.NewInteraction(model.HTTP, "b")
	first, _ := b.Interaction(n)
	if again, _ := b.Interaction(n); again != first {
		t.Error("asking twice for one interaction gave two views")
	}
	must(t, first.Given("state"))
	if other, _ := b.Interaction(m); other.I != b.Pact.Interactions[1] {
		t.Error("the view of interaction 2 is not interaction 2")
	}
	if _, err := b.NewInteraction(model.HTTP, "a"); err != nil { // replaces interaction 1
		t.Fatal(err)
	}
	i, _ := b.Interaction(n)
	if i.I != b.Pact.Interactions[0] || len(i.I.ProviderStates) != 0 {
		t.Errorf("after the replacement the view still shows the old interaction (%+v)", i.I.ProviderStates)
	}
}
