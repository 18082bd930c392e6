package consumer

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestWithBodyUnusableContentType checks that a content type that is not a
// media type counts as none (pact_ffi falls back to the declared type or
// detection): pact-js's V2 DSL passes a header matcher's JSON as the content
// type of a JSON body, whose matchers must still be processed.
func TestWithBodyUnusableContentType(t *testing.T) {
	_, i := newHTTP(t)
	must(t, i.WithHeader(Response, "Content-Type", 0, `{"value":"application/json","regex":"application/json.*","pact:matcher:type":"regex"}`))
	must(t, i.WithBody(Response, `{"value":"application/json","regex":"application/json.*","pact:matcher:type":"regex"}`,
		`{"id":{"value":1,"pact:matcher:type":"type"}}`))
	if got := i.I.Response.Body.String(); got != `{"id":1}` {
		t.Errorf("body = %s", got)
	}
	if l := i.I.Response.MatchingRules.Get(model.CategoryBody, "$.id"); l == nil || l.Rules[0].Kind != model.Type {
		t.Errorf("rules = %+v", i.I.Response.MatchingRules)
	}
	for ct, want := range map[string]string{
		"application/json; charset=utf-8": "application/json; charset=utf-8",
		"text/plain":                      "text/plain",
		"text":                            "",
		`{"value":"x"}`:                   "",
		"":                                "",
	} {
		if got := usableContentType(ct); got != want {
			t.Errorf("usableContentType(%q) = %q, want %q", ct, got, want)
		}
	}
}
