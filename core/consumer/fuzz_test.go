package consumer

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// FuzzBuilderInputs feeds arbitrary strings to every builder method that
// parses its input (integration JSON, rules, generators, parameters). They
// may reject the input, but must not panic.
func FuzzBuilderInputs(f *testing.F) {
	for _, s := range []string{
		`{"id":{"pact:matcher:type":"integer","value":1}}`,
		`{"body":{"$.a":{"matchers":[{"match":"type"}]}}}`,
		`{"$.body.a":{"match":"regex","regex":"\\d+"}}`,
		`{"path":{"type":"ProviderState","expression":"/u/${id}"}}`,
		`{"value":["a","b"],"pact:matcher:type":"type"}`,
		`matching(regex, '\d+', '100')`,
		`{"version":"1.0","root":{"name":"a"}}`,
		`[1,2`, ``, `null`, "\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := New("c", "p")
		n, _ := b.NewInteraction(model.HTTP, "i")
		i, _ := b.Interaction(n)
		i.WithRequest("GET", s)
		i.WithQueryParameter("q", 1, &s)
		i.WithHeader(Request, "X", 0, s)
		i.ResponseStatusV2(s)
		i.WithBody(Response, "", s)
		i.WithBody(Request, "application/json", s)
		i.WithBody(Request, "application/xml", s)
		i.WithBody(Request, "application/x-www-form-urlencoded", s)
		i.WithMatchingRules(Request, s)
		i.WithGenerators(Response, s)
		i.GivenWithParams("state", s)
		i.GivenWithParam("state", "k", s)
		i.SetComment("k", &s)
		i.AddReference("g", "n", s)
		m, _ := b.NewInteraction(model.SyncMessage, "m")
		mi, _ := b.Interaction(m)
		mi.WithBody(Response, "", s)
		mi.WithMatchingRules(Response, s)
	})
}
