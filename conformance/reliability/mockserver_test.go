package reliability

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/libpact/libpact/core/mockserver"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// hostilePact has a GET and a POST interaction.
func hostilePact() *model.Pact {
	p := model.NewPact("hostile-consumer", "hostile-provider", model.V3)
	i := p.AddInteraction(model.HTTP, "a request for a thing")
	i.Request.Method, i.Request.Path = "GET", "/thing"
	i.Response.Status = 200
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Response.Body = model.PresentBody([]byte(`{"id":1}`), "application/json")
	j := p.AddInteraction(model.HTTP, "a thing is created")
	j.Request.Method, j.Request.Path = "POST", "/things"
	j.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/octet-stream"}}}
	j.Response.Status = 201
	return p
}

func startServer(t testing.TB, cfg mockserver.Config) *mockserver.Server {
	t.Helper()
	s, err := mockserver.New(hostilePact(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// goodRequest checks that the server answers GET /thing correctly.
func goodRequest(t testing.TB, s *mockserver.Server) {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(s.URL() + "/thing")
	if err != nil {
		t.Fatalf("the next good request failed: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != `{"id":1}` {
		t.Fatalf("the next good request got %d %q", resp.StatusCode, body)
	}
}

// rawExchange writes raw to the server and returns what it answers before
// closing (or until the deadline).
func rawExchange(t testing.TB, s *mockserver.Server, raw []byte, deadline time.Duration) string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(s.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(deadline))
	conn.Write(raw)
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.CloseWrite()
	}
	out, _ := io.ReadAll(conn)
	return string(out)
}

// Malformed HTTP gets a 4xx (or the connection is closed); the server stays
// up and answers the next good request; nothing malformed reaches the pact.
func TestMalformedHTTP(t *testing.T) {
	s := startServer(t, mockserver.Config{ReadTimeout: 2 * time.Second})
	cases := map[string]string{
		"garbage":               "\x00\x01\x02\xff\xfe garbage\r\n\r\n",
		"no version":            "GET /thing\r\n\r\n",
		"bad version":           "GET /thing HTTP/9.9\r\nHost: x\r\n\r\n",
		"space in method":       "G ET /thing HTTP/1.1\r\nHost: x\r\n\r\n",
		"header without colon":  "GET /thing HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n",
		"control char in value": "GET /thing HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n",
		"two content lengths":   "POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
		"negative length":       "POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
		"bad chunk size":        "POST /things HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
		"truncated chunk":       "POST /things HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffff\r\nabc",
		"short body":            "POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
		"huge header":           "GET /thing HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 2<<20) + "\r\n\r\n",
		"200k headers (1.6 MB)": "GET /thing HTTP/1.1\r\nHost: x\r\n" + strings.Repeat("X-H: v\r\n", 200000) + "\r\n",
		"only a CRLF":           "\r\n",
		"TLS hello to HTTP":     "\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03",
		"smuggling TE+CL":       "POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /thing HTTP/1.1\r\nHost: x\r\n\r\n",
	}
	for name, raw := range cases {
		out := rawExchange(t, s, []byte(raw), 10*time.Second)
		if strings.HasPrefix(out, "HTTP/1.1 2") && !strings.Contains(name, "smuggling") {
			t.Errorf("%s: answered %q", name, firstLine(out))
		}
		goodRequest(t, s)
	}
	checkPactIntact(t, s)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// checkPactIntact writes the server's pact and reads it back: valid JSON with
// exactly the pact's two interactions.
func checkPactIntact(t testing.TB, s *mockserver.Server) {
	t.Helper()
	path, err := s.WritePact(t.TempDir(), true)
	if err != nil {
		t.Fatalf("writing the pact: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(data) {
		t.Fatalf("the pact file is not valid JSON: %.200s", data)
	}
	p, _, err := pactfile.Parse(data)
	if err != nil || len(p.Interactions) != 2 {
		t.Fatalf("the pact file holds %v interactions (err %v), want 2", interactionCount(p), err)
	}
}

func interactionCount(p *model.Pact) int {
	if p == nil {
		return -1
	}
	return len(p.Interactions)
}

// A 100 MB body is refused with 413 at the default 10 MB limit, whether its
// length is announced or it is chunked; the limit is configurable; the
// server stays up.
func TestHugeBody(t *testing.T) {
	size := int64(100 << 20)
	if testing.Short() {
		size = 20 << 20
	}
	s := startServer(t, mockserver.Config{})
	for _, chunked := range []bool{false, true} {
		var rd io.Reader = io.LimitReader(zeros{}, size)
		req, _ := http.NewRequest("POST", s.URL()+"/things", rd)
		req.Header.Set("Content-Type", "application/octet-stream")
		if !chunked {
			req.ContentLength = size
		}
		start := time.Now()
		resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
		if err != nil {
			// The server may close the connection while the client is still
			// sending; what it answered is then lost, which is fine as long as
			// it is up and the request is recorded.
			t.Logf("chunked=%v: client error after %v: %v", chunked, time.Since(start), err)
		} else {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(body), "10485760") {
				t.Errorf("chunked=%v: %d %q, want 413 naming the limit", chunked, resp.StatusCode, body)
			}
			t.Logf("chunked=%v: 413 after %v", chunked, time.Since(start))
		}
		goodRequest(t, s)
	}
	if s.Matched() {
		t.Error("Matched() after refused bodies")
	}

	small := startServer(t, mockserver.Config{BodyLimit: 1024})
	for n, want := range map[int]int{1024: 201, 1025: 413} {
		resp, err := http.Post(small.URL()+"/things", "application/octet-stream", bytes.NewReader(make([]byte, n)))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("BodyLimit 1024, body %d: %d, want %d", n, resp.StatusCode, want)
		}
	}
	checkPactIntact(t, s)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// A client that sends its request slowly, or stops sending, is cut off after
// ReadTimeout, while other clients are answered meanwhile.
func TestSlowClients(t *testing.T) {
	s := startServer(t, mockserver.Config{ReadTimeout: 500 * time.Millisecond})
	addr := strings.TrimPrefix(s.URL(), "http://")
	var conns []net.Conn
	for range 20 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte("GET /thing HTTP/1.1\r\nHost: x\r\n")) // never finished
		conns = append(conns, c)
	}
	slowBody, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	slowBody.Write([]byte("POST /things HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc"))
	conns = append(conns, slowBody)
	goodRequest(t, s) // answered while 21 connections stall
	start := time.Now()
	for _, c := range conns {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		io.ReadAll(c) // returns when the server closes the connection
		c.Close()
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stalled connections were closed after %v, want about the 500ms ReadTimeout", d)
	}
	goodRequest(t, s)
	checkPactIntact(t, s)
}

// Many connections at once are all answered correctly.
func TestConcurrentConnections(t *testing.T) {
	n := 1000
	if testing.Short() {
		n = 200
	}
	s := startServer(t, mockserver.Config{})
	addr := strings.TrimPrefix(s.URL(), "http://")
	var wg sync.WaitGroup
	var bad atomic.Int64
	var firstErr atomic.Value
	startGate := make(chan struct{})
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-startGate
			// Raw sockets, so that all n connections are open at once
			// (http.Client would pool them).
			c, err := net.DialTimeout("tcp", addr, 20*time.Second)
			if err != nil {
				bad.Add(1)
				firstErr.CompareAndSwap(nil, err.Error())
				return
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(30 * time.Second))
			fmt.Fprintf(c, "GET /thing?k=%d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", k)
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				bad.Add(1)
				firstErr.CompareAndSwap(nil, err.Error())
				return
			}
			io.ReadAll(resp.Body)
			// The query is not in the pact: each request is a mismatch
			// answered 500, which proves it was matched individually.
			if resp.StatusCode != 500 {
				bad.Add(1)
				firstErr.CompareAndSwap(nil, resp.Status)
			}
		}()
	}
	close(startGate)
	wg.Wait()
	if bad.Load() > 0 {
		t.Errorf("%d of %d connections failed; the first: %v", bad.Load(), n, firstErr.Load())
	}
	// Every request is recorded once, plus the POST interaction that was
	// never requested ("missing-request").
	got := s.Mismatches()
	perPath := map[string]int{}
	for _, m := range got {
		perPath[m.Path]++
	}
	if perPath["/thing"] != n || perPath["/things"] != 1 || len(got) != n+1 {
		t.Errorf("recorded %v (%d in all), want /thing %d times and /things once", perPath, len(got), n)
	}
	goodRequest(t, s)
	checkPactIntact(t, s)
}

// Requests that arrive while the server is closing get an answer or a closed
// connection, never a hang or a crash; Close returns promptly; the pact written
// afterwards is intact.
func TestRequestsDuringShutdown(t *testing.T) {
	rounds := 5
	if long() {
		rounds = 20
	}
	for range rounds {
		s, err := mockserver.New(hostilePact(), mockserver.Config{ReadTimeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(); err != nil {
			t.Fatal(err)
		}
		stop := make(chan struct{})
		var wg sync.WaitGroup
		var answered, refused atomic.Int64
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c := &http.Client{Timeout: 15 * time.Second}
				for {
					select {
					case <-stop:
						return
					default:
					}
					resp, err := c.Get(s.URL() + "/thing")
					if err != nil {
						refused.Add(1)
						continue
					}
					io.ReadAll(resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						t.Errorf("during shutdown: %d", resp.StatusCode)
					}
					answered.Add(1)
				}
			}()
		}
		for wait := time.Now(); answered.Load() < 8 && time.Since(wait) < 10*time.Second; {
			time.Sleep(time.Millisecond)
		}
		start := time.Now()
		s.Close()
		if d := time.Since(start); d > 12*time.Second {
			t.Errorf("Close took %v", d)
		}
		time.Sleep(10 * time.Millisecond)
		close(stop)
		wg.Wait()
		if answered.Load() == 0 {
			t.Error("no request was answered before the shutdown")
		}
		checkPactIntact(t, s)
	}
}

// An HTTPS mock server given plain HTTP, garbage and a truncated handshake
// stays up and answers the next TLS request.
func TestHTTPSGarbage(t *testing.T) {
	s := startServer(t, mockserver.Config{TLS: true, ReadTimeout: 2 * time.Second})
	addr := strings.TrimPrefix(s.URL(), "https://")
	for _, raw := range []string{
		"GET /thing HTTP/1.1\r\nHost: x\r\n\r\n",
		"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage",
		"\x00\x00\x00\x00\x00\x00",
	} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		c.SetDeadline(time.Now().Add(5 * time.Second))
		c.Write([]byte(raw))
		io.ReadAll(c)
		c.Close()
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM([]byte(mockserver.CACertificatePEM()))
	c := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	resp, err := c.Get(s.URL() + "/thing")
	if err != nil {
		t.Fatalf("the next TLS request: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != `{"id":1}` {
		t.Errorf("the next TLS request got %d %q", resp.StatusCode, body)
	}
	checkPactIntact(t, s)
}
