package broker

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	cases := []struct {
		base, href, want string
		keep             bool
	}{
		{"http://b:9292", "http://b:9292/pacts/x", "http://b:9292/pacts/x", false},
		{"http://b:9292", "http://internal:80/pacts/x?a=1", "http://b:9292/pacts/x?a=1", false},
		{"http://b:9292", "http://internal:80/pacts/x", "http://internal:80/pacts/x", true},
		{"http://b:9292", "/pacts/x", "http://b:9292/pacts/x", false},
		{"http://b:9292", "/pacts/x", "http://b:9292/pacts/x", true},
		{"https://b/ctx", "/pacts/x", "https://b/ctx/pacts/x", false},
		{"https://b/ctx/", "/pacts/x", "https://b/ctx/pacts/x", false},
		{"https://b/ctx", "/ctx/pacts/x", "https://b/ctx/pacts/x", false},
		{"https://b/ctx", "/ctxfoo/x", "https://b/ctx/ctxfoo/x", false},
		{"https://b/ctx", "http://other/ctx/pacts/x", "https://b/ctx/pacts/x", false},
		{"https://b/ctx", "pacts/x", "https://b/ctx/pacts/x", false},
		{"https://b/ctx", "/pacts/A%20B", "https://b/ctx/pacts/A%20B", false},
		{"https://u:p@b", "/x", "https://u:p@b/x", false},
	}
	for _, tc := range cases {
		var opts []Option
		if tc.keep {
			opts = append(opts, KeepLinkHosts())
		}
		c := New(tc.base, Auth{}, opts...)
		got, err := c.resolve(tc.href)
		if err != nil || got != tc.want {
			t.Errorf("base %s href %s keep %v: got %q, %v; want %q", tc.base, tc.href, tc.keep, got, err, tc.want)
		}
	}
	if _, err := New("", Auth{}).resolve("/x"); err == nil {
		t.Error("relative link without a base URL: no error")
	}
	if got, err := New("", Auth{}).resolve("http://h/x"); err != nil || got != "http://h/x" {
		t.Errorf("absolute link without a base URL: %q, %v", got, err)
	}
}

func TestExpand(t *testing.T) {
	cases := []struct{ href, want string }{
		{"/pacts/provider/{provider}/for-verification", "/pacts/provider/My%20API/for-verification"},
		{"/p/{provider}/latest/{tag}", "/p/My%20API/latest/feat%2Fx"},
		{"/p/{unknown}", "/p/{unknown}"},
		{"/plain", "/plain"},
	}
	for _, tc := range cases {
		if got := expand(tc.href, map[string]string{"provider": "My API", "tag": "feat/x"}); got != tc.want {
			t.Errorf("expand(%q) = %q, want %q", tc.href, got, tc.want)
		}
	}
}

func TestParseLinks(t *testing.T) {
	doc := `{"_links": {
		"self": {"href": "/", "title": "Index"},
		"pb:x": {"href": "/x/{a}", "templated": true},
		"pacts": [{"href": "/p/1", "name": "A"}, {"href": "/p/2", "name": "B"}],
		"curies": [],
		"bare": "/bare",
		"odd": 3}}`
	links, err := ParseLinks([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := Links{
		"self":  {Href: "/", Title: "Index"},
		"pb:x":  {Href: "/x/{a}", Templated: true},
		"pacts": {Href: "/p/1", Name: "A"},
		"bare":  {Href: "/bare"},
	}
	if len(links) != len(want) {
		t.Errorf("got %v, want %v", links, want)
	}
	for rel, l := range want {
		if links[rel] != l {
			t.Errorf("%s: got %+v, want %+v", rel, links[rel], l)
		}
	}
	all, _ := ParseLinkList([]byte(doc))
	if len(all["pacts"]) != 2 || all["pacts"][1].Name != "B" {
		t.Errorf("pacts: %+v", all["pacts"])
	}
	if l, err := ParseLinks([]byte(`{"a": 1}`)); err != nil || l != nil {
		t.Errorf("no _links: %v, %v", l, err)
	}
	for _, bad := range []string{`[1]`, `{"_links": [1]}`, `nope`, `{"_links": {"x": [1}}`} {
		if _, err := ParseLinks([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

func FuzzParseLinks(f *testing.F) {
	f.Add([]byte(`{"_links": {"self": {"href": "/"}, "pacts": [{"href": "/p"}, "x"]}}`))
	f.Add([]byte(`{"_links": null}`))
	f.Add([]byte(`{"_links": {"a": {"href": 1}}}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		links, err := ParseLinks(doc)
		if err != nil {
			return
		}
		all, err := ParseLinkList(doc)
		if err != nil {
			t.Fatalf("ParseLinks accepted what ParseLinkList refuses: %v", err)
		}
		for rel, l := range links {
			if len(all[rel]) == 0 || all[rel][0] != l {
				t.Fatalf("%s: %+v is not the first of %+v", rel, l, all[rel])
			}
		}
		c := New("http://b/ctx", Auth{})
		for _, l := range links {
			c.resolve(expand(l.Href, map[string]string{"provider": "p"})) // must not panic
		}
	})
}

func TestErrorText(t *testing.T) {
	long := strings.Repeat("é", 300)
	cases := []struct {
		err  *Error
		want string
	}{
		{&Error{Method: "GET", URL: "http://b/", StatusCode: 401, Body: `{"error":"no"}`, Attempts: 1},
			`GET http://b/: pact broker answered 401 Unauthorized: {"error":"no"}`},
		{&Error{Method: "GET", URL: "http://b/", StatusCode: 503, Attempts: 3},
			`GET http://b/: pact broker answered 503 Service Unavailable: (empty body) (after 3 attempts)`},
		{&Error{Method: "GET", URL: "http://b/", StatusCode: 200, Body: "<html>", Problem: `content type "text/html", not JSON`},
			`GET http://b/: pact broker answered 200 OK with content type "text/html", not JSON: <html>`},
		{&Error{Method: "POST", URL: "http://b/x", Attempts: 2, Err: &timeoutError{after: time.Second}},
			`POST http://b/x: no answer from the pact broker after 2 attempts: no answer within 1s`},
		{&Error{Method: "GET", URL: "http://b/", Attempts: 1, Err: errors.New("connection refused")},
			`GET http://b/: no answer from the pact broker after 1 attempt: connection refused`},
		{&Error{Method: "GET", URL: "http://b/", StatusCode: 502, Body: "bad", Attempts: 2, Err: errors.New("context canceled")},
			`GET http://b/: gave up (context canceled) after 2 attempts; the pact broker last answered 502 Bad Gateway: bad`},
		{&Error{Method: "GET", URL: "http://b/", StatusCode: 502, Body: "bad", Attempts: 1, Err: errors.New("context canceled")},
			`GET http://b/: gave up (context canceled) after 1 attempt; the pact broker last answered 502 Bad Gateway: bad`},
	}
	for _, tc := range cases {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
	ex := excerpt([]byte("  a \n\t b  " + long))
	if !strings.HasPrefix(ex, "a b ") || !strings.HasSuffix(ex, "…") || len(ex) > excerptLen+len("…") || !strings.HasPrefix(strings.TrimPrefix(ex, "a b "), "é") {
		t.Errorf("excerpt = %q", ex)
	}
	if !(&Error{Err: &timeoutError{}}).Timeout() || (&Error{Err: errors.New("x")}).Timeout() {
		t.Error("Timeout() wrong")
	}
}

func TestIsJSONType(t *testing.T) {
	for ct, want := range map[string]bool{
		"application/json": true, "application/hal+json;charset=utf-8": true, "Application/JSON ; q=1": true,
		"application/problem+json": true, "text/html": false, "text/json": false, "": false,
	} {
		if got := isJSONType(ct); got != want {
			t.Errorf("isJSONType(%q) = %v", ct, got)
		}
	}
}
