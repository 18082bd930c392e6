package reliability

import (
	"context"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/verifier"
)

// The verifier's own tests (core/verifier/verify_test.go, tls_test.go) cover
// a provider that refuses connections (TestVerifyUnreachableProvider), hangs
// (TestVerifyHangingProviderTimesOut) or has an untrusted certificate
// (TestVerifyHTTPS); core/broker/broker_test.go TestFailures covers a broker
// that answers 5xx, hangs or returns invalid JSON. These add the providers
// that reset the connection, answer garbage, close without answering, or
// stall in the middle of a response.

const verifyPact = `{
  "consumer": {"name": "rel-consumer"}, "provider": {"name": "rel-provider"},
  "interactions": [{"description": "a request", "request": {"method": "GET", "path": "/thing"},
    "response": {"status": 200, "body": {"id": 1}}}],
  "metadata": {"pactSpecification": {"version": "3.0.0"}}
}`

// badProvider accepts connections and treats each with handle.
func badProvider(t *testing.T, handle func(c net.Conn)) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go handle(c)
		}
	}()
	return l.Addr().(*net.TCPAddr).Port
}

func readRequest(c net.Conn) {
	buf := make([]byte, 4096)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	c.Read(buf)
}

func TestVerifierAgainstBrokenProviders(t *testing.T) {
	cases := []struct {
		name   string
		handle func(c net.Conn)
		want   []string // every one must appear in the failure
	}{
		{"reset", func(c net.Conn) {
			readRequest(c)
			c.(*net.TCPConn).SetLinger(0) // close with RST
			c.Close()
		}, []string{"error sending request", "connection reset"}},
		{"garbage", func(c net.Conn) {
			readRequest(c)
			c.Write([]byte("this is not HTTP\r\n\r\n"))
			c.Close()
		}, []string{"error sending request", "malformed HTTP"}},
		{"closes without answering", func(c net.Conn) {
			readRequest(c)
			c.Close()
		}, []string{"error sending request", "EOF"}},
		{"stalls in the body", func(c net.Conn) {
			readRequest(c)
			c.Write([]byte("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id\""))
			time.Sleep(5 * time.Second)
			c.Close()
		}, []string{"timed out"}},
	}
	for _, c := range cases {
		port := badProvider(t, c.handle)
		cfg := verifier.Config{
			Provider:       verifier.Provider{Name: "rel-provider", Host: "127.0.0.1", Port: port},
			Sources:        []verifier.Source{verifier.JSONSource([]byte(verifyPact))},
			RequestTimeout: time.Second,
		}
		start := time.Now()
		rep, err := verifier.Verify(context.Background(), cfg)
		took := time.Since(start)
		if err != nil {
			t.Errorf("%s: Verify: %v", c.name, err)
			continue
		}
		if took > 3*time.Second {
			t.Errorf("%s: took %v with a 1 s request timeout", c.name, took)
		}
		if rep.Result || len(rep.Errors) != 1 {
			t.Errorf("%s: result %v, errors %+v", c.name, rep.Result, rep.Errors)
			continue
		}
		msg := rep.Errors[0].Error + " | " + rep.Errors[0].Cause
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: failure %q does not say %q", c.name, msg, w)
			}
		}
		t.Logf("%s (%v): %s", c.name, took.Round(time.Millisecond), msg)
	}
}

// A broker or pact URL whose TLS certificate does not verify fails with an
// error that names the certificate problem, quickly, and no interaction is
// reported as verified.
func TestVerifierUntrustedBrokerCertificate(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/hal+json")
		io.WriteString(w, `{"_links": {}}`)
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshakes are expected
	srv.StartTLS()
	defer srv.Close()
	for _, src := range []verifier.Source{
		verifier.BrokerSource(srv.URL, broker.Auth{}, nil),
		verifier.URLSource(srv.URL+"/pacts/provider/p/consumer/c/latest", broker.Auth{}),
	} {
		cfg := verifier.Config{
			Provider:       verifier.Provider{Name: "rel-provider", Host: "127.0.0.1", Port: 1},
			Sources:        []verifier.Source{src},
			RequestTimeout: 2 * time.Second,
			BrokerRetries:  1,
		}
		start := time.Now()
		rep, err := verifier.Verify(context.Background(), cfg)
		took := time.Since(start)
		var msg string
		switch {
		case err != nil:
			msg = err.Error()
		case rep.Result:
			t.Errorf("%s: verification passed against an untrusted certificate", src)
			continue
		default:
			for _, f := range rep.Errors {
				msg += f.Error + " " + f.Cause + " | "
			}
		}
		if !strings.Contains(msg, "certificate") {
			t.Errorf("%s: the failure does not name the certificate: %q", src, msg)
		}
		if took > 5*time.Second {
			t.Errorf("%s: took %v", src, took)
		}
		t.Logf("%s (%v): %.300s", src, took.Round(time.Millisecond), msg)
	}
}
