package consumer

import (
	"mime"
	"strings"
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

// TestIsPlainMediaType checks the parse-free case against mime.ParseMediaType:
// what it accepts must parse, with a type and a subtype.
func TestIsPlainMediaType(t *testing.T) {
	for ct, want := range map[string]bool{
		"application/json":          true,
		"application/vnd.api+json":  true,
		"Text/Plain":                true,
		"text/plain; charset=utf-8": false,
		"text/plain ":               false,
		"text/":                     false,
		"/plain":                    false,
		"a/b/c":                     false,
		"text":                      false,
		"text/pl@in":                false,
		"text/pl\u00e9in":           false,
		`{"value":"x/y"}`:           false,
		"":                          false,
	} {
		if got := isPlainMediaType(ct); got != want {
			t.Errorf("isPlainMediaType(%q) = %v, want %v", ct, got, want)
		}
		base, _, err := mime.ParseMediaType(ct)
		if want && (err != nil || !strings.Contains(base, "/")) {
			t.Errorf("%q is plain but mime.ParseMediaType gives %q, %v", ct, base, err)
		}
	}
	for c := range 256 { // every byte in a subtype: plain only where mime agrees
		ct := "text/x" + string([]byte{byte(c)}) + "y"
		_, _, err := mime.ParseMediaType(ct)
		if plain := isPlainMediaType(ct); plain != (err == nil) {
			t.Errorf("isPlainMediaType(%q) = %v, mime.ParseMediaType error %v", ct, plain, err)
		}
	}
}
