package verifier

import (
	"crypto/x509"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/broker/brokertest"
	"github.com/libpact/libpact/core/matching"
)

const healthPact = `{
  "consumer": {"name": "web"}, "provider": {"name": "orders"},
  "interactions": [{"description": "a health check", "request": {"method": "GET", "path": "/health"},
    "response": {"status": 200, "body": "ok"}}],
  "metadata": {"pactSpecification": {"version": "2.0.0"}}
}`

func TestVerifyHTTPS(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	f := newFixture(t)
	cfg := f.config(t, healthPact)
	cfg.StateChange = StateChange{}
	cfg.Provider = Provider{Name: "orders", Scheme: "https", Host: "127.0.0.1", Port: srv.Listener.Addr().(*net.TCPAddr).Port}

	rep := mustVerify(t, cfg)
	if rep.Result || !strings.Contains(rep.Errors[0].Error, "certificate") {
		t.Errorf("untrusted certificate: %+v", rep.Errors)
	}
	cfg.DisableTLSVerification = true
	if rep = mustVerify(t, cfg); !rep.Result {
		t.Errorf("TLS verification disabled: %+v", rep.Errors)
	}
	cfg.DisableTLSVerification = false
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	cfg.RootCAs = pool
	if rep = mustVerify(t, cfg); !rep.Result {
		t.Errorf("custom CA: %+v", rep.Errors)
	}
}

func TestVerifyRedirects(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/health" {
			http.Redirect(w, r, "/healthz", http.StatusFound)
			return
		}
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	f := newFixture(t)
	cfg := f.config(t, healthPact)
	cfg.StateChange = StateChange{}
	cfg.Provider.Port = srv.Listener.Addr().(*net.TCPAddr).Port
	rep := mustVerify(t, cfg)
	if rep.Result || !hasMismatch(rep.Errors[0].Mismatches, "StatusMismatch") {
		t.Errorf("not following: %+v", rep.Errors)
	}
	cfg.FollowRedirects = true
	if rep = mustVerify(t, cfg); !rep.Result {
		t.Errorf("following: %+v", rep.Errors)
	}
}

// hasMismatch reports whether ms holds a mismatch of the given type (a
// response's body mismatches come before its status, as in pact_matching).
func hasMismatch(ms []matching.Mismatch, typ string) bool {
	for _, m := range ms {
		if m.Type == typ {
			return true
		}
	}
	return false
}

func TestPublishOnlyBrokerPacts(t *testing.T) {
	b := brokertest.New()
	defer b.Close()
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.Publish = &PublishOptions{ProviderVersion: "1"}
	rep := mustVerify(t, cfg)
	if !rep.Result || len(b.Results()) != 0 {
		t.Fatalf("result %v", rep.Result)
	}
	found := false
	for _, l := range rep.Logs {
		found = found || strings.Contains(l, "Not publishing results as publishing for pact source File(")
	}
	if !found {
		t.Errorf("no log line about not publishing: %v", rep.Logs)
	}
	cfg.Publish = &PublishOptions{}
	if _, err := Verify(t.Context(), cfg); err == nil || !strings.Contains(err.Error(), "needs a provider version") {
		t.Errorf("publish without version: %v", err)
	}
}
