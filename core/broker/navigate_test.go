package broker_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/libpact/libpact/core/broker"
)

// TestPactsForVerificationNavigates checks the requests for the pacts to
// verify, as pact_verifier makes them: the index, a GET of the
// pb:provider-pacts-for-verification link, then the POST to that
// resource's "self" link.
func TestPactsForVerificationNavigates(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.Method+" "+r.URL.Path)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/hal+json")
		switch r.Method + " " + r.URL.Path {
		case "GET /":
			w.Write([]byte(`{"_links":{"pb:provider-pacts-for-verification":{"href":"` + srv.URL + `/pfv/{provider}","templated":true}}}`))
		case "GET /pfv/P":
			w.Write([]byte(`{"_links":{"self":{"href":"` + srv.URL + `/pfv-post/P"}}}`))
		case "POST /pfv-post/P":
			w.Write([]byte(`{"_embedded":{"pacts":[]}}`))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	c := broker.New(srv.URL, broker.Auth{})
	pacts, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: "P"})
	if err != nil || len(pacts) != 0 {
		t.Fatalf("pacts %v, err %v", pacts, err)
	}
	want := []string{"GET /", "GET /pfv/P", "POST /pfv-post/P"}
	if !reflect.DeepEqual(seen, want) {
		t.Errorf("requests %v, want %v", seen, want)
	}
}

// TestPactsForVerificationEmptyBranch checks that an empty provider branch
// is sent as "" only when asked (pact_ffi sends what it was given, and
// pact-js gives "" when it has no branch), and left out otherwise.
func TestPactsForVerificationEmptyBranch(t *testing.T) {
	for _, empty := range []bool{false, true} {
		var body []byte
		var srv *httptest.Server
		srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/hal+json")
			switch r.Method + " " + r.URL.Path {
			case "GET /":
				w.Write([]byte(`{"_links":{"pb:provider-pacts-for-verification":{"href":"` + srv.URL + `/pfv/{provider}","templated":true}}}`))
			case "GET /pfv/P":
				w.Write([]byte(`{"_links":{"self":{"href":"` + srv.URL + `/pfv/P"}}}`))
			case "POST /pfv/P":
				body, _ = io.ReadAll(r.Body)
				w.Write([]byte(`{"_embedded":{"pacts":[]}}`))
			default:
				http.NotFound(w, r)
			}
		}))
		c := broker.New(srv.URL, broker.Auth{})
		if _, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: "P", EmptyBranch: empty}); err != nil {
			t.Fatal(err)
		}
		srv.Close()
		has := strings.Contains(string(body), `"providerVersionBranch":""`)
		if has != empty {
			t.Errorf("EmptyBranch %v: body %s", empty, body)
		}
	}
}
