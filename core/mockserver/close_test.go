package mockserver

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// freePort returns a port that was free a moment ago.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Close of an idle server returns without waiting for its goroutines, but
// by then the port refuses connections and can be bound again at once, by
// another mock server or anything else.
func TestCloseReleasesPortAtOnce(t *testing.T) {
	port := freePort(t)
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for round := range 100 {
		s, err := New(simplePact(), Config{Addr: addr})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(); err != nil {
			t.Fatalf("round %d: Start on the port just closed: %v", round, err)
		}
		if round%10 == 0 {
			if r := send(t, nil, "GET", s.URL()+"/hello", nil, nil); r.status != 200 {
				t.Fatalf("round %d: status %d", round, r.status)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatalf("round %d: Close: %v", round, err)
		}
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			t.Fatalf("round %d: the closed server still accepts connections", round)
		}
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatalf("binding the port after Close: %v", err)
	}
	l.Close()
}

// A keep-alive connection left open by a client ends with Close, and a
// request sent on it afterwards is neither answered nor recorded.
func TestCloseEndsIdleConnections(t *testing.T) {
	for _, useTLS := range []bool{false, true} {
		t.Run(fmt.Sprint("tls=", useTLS), func(t *testing.T) {
			s := start(t, simplePact(), Config{TLS: useTLS})
			var c net.Conn
			var err error
			if useTLS {
				c, err = dialTLS(s)
			} else {
				c, err = net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			br := bufio.NewReader(c)
			get := func() (*http.Response, error) {
				if _, err := io.WriteString(c, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
					return nil, err
				}
				resp, err := http.ReadResponse(br, nil)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				return resp, err
			}
			if resp, err := get(); err != nil || resp.StatusCode != 200 {
				t.Fatalf("first request: %v %v", resp, err)
			}
			begin := time.Now()
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if d := time.Since(begin); d > 300*time.Millisecond {
				t.Errorf("Close took %v", d)
			}
			c.SetDeadline(time.Now().Add(3 * time.Second))
			if resp, err := get(); err == nil {
				t.Fatalf("a request after Close was answered: %d", resp.StatusCode)
			}
			time.Sleep(50 * time.Millisecond)
			s.mu.Lock()
			n := s.received[0]
			s.mu.Unlock()
			if n != 1 {
				t.Errorf("received %d requests, want 1", n)
			}
			if len(s.Mismatches()) != 0 {
				t.Errorf("mismatches after Close: %s", s.MismatchesJSON())
			}
			if logs := s.Logs(); strings.Contains(logs, "stopped") {
				t.Errorf("logs: %s", logs)
			}
		})
	}
}

// dialTLS opens a TLS connection to s, trusting its certificate.
func dialTLS(s *Server) (net.Conn, error) {
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM([]byte(CACertificatePEM()))
	return tls.Dial("tcp", strings.TrimPrefix(s.URL(), "https://"), &tls.Config{RootCAs: pool, NextProtos: []string{"http/1.1"}})
}
