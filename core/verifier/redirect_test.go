package verifier

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestRedirectLoopError checks the words for a provider that redirects
// without end when redirects are followed: reqwest's "error following
// redirect for url (...)", naming the redirect not followed (pact-js side by
// side).
func TestRedirectLoopError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	}))
	defer srv.Close()
	c := &http.Client{CheckRedirect: limitRedirects}
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/start", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Do(req)
	if err == nil {
		resp.Body.Close()
		t.Fatal("the redirect loop ended")
	}
	v := &run{http: c}
	want := "error following redirect for url (" + srv.URL + "/loop)"
	if got := v.describeError(req, err).Error(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
