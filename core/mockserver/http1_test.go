package mockserver

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/libpact/libpact/core/model"
)

// fastPact has interactions whose responses the fast path writes itself and
// some it must leave to net/http.
func fastPact() *model.Pact {
	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "an item")
	i.Request.Method, i.Request.Path = "GET", "/items/1"
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}, {Name: "x-multi", Values: []string{"a", "b"}}, {Name: "ETag", Values: []string{`"1"`}}}
	i.Response.Body = model.PresentBody([]byte(`{"id":1}`), "application/json")

	i = p.AddInteraction(model.HTTP, "a new item")
	i.Request.Method, i.Request.Path = "POST", "/items"
	i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Request.Body = model.PresentBody([]byte(`{"name":"x"}`), "application/json")
	i.Response.Status = 201
	i.Response.Headers = model.Headers{{Name: "location", Values: []string{"/items/2"}}}

	i = p.AddInteraction(model.HTTP, "a query")
	i.Request.Method, i.Request.Path = "GET", "/search"
	i.Request.Query = model.Query{{Name: "q", Values: []string{"a b"}}}
	i.Response.Status = 299
	i.Response.Body = model.PresentBody([]byte("plain text"), "")

	i = p.AddInteraction(model.HTTP, "no content")
	i.Request.Method, i.Request.Path = "DELETE", "/items/1"
	i.Response.Status = 204

	i = p.AddInteraction(model.HTTP, "a big item")
	i.Request.Method, i.Request.Path = "GET", "/big"
	i.Response.Body = model.PresentBody(bytes.Repeat([]byte("x"), 5000), "text/plain")

	i = p.AddInteraction(model.HTTP, "odd headers")
	i.Request.Method, i.Request.Path = "GET", "/odd"
	i.Response.Headers = model.Headers{{Name: "X-Space", Values: []string{"a "}}, {Name: "Connection", Values: []string{"close"}}, {Name: "Date", Values: []string{"yesterday"}}}

	i = p.AddInteraction(model.HTTP, "a date")
	i.Request.Method, i.Request.Path = "PUT", "/date"
	i.Response.Headers = model.Headers{{Name: "Date", Values: []string{"Mon, 02 Jan 2006 15:04:05 GMT"}}}

	i = p.AddInteraction(model.HTTP, "generated")
	i.Request.Method, i.Request.Path = "GET", "/gen"
	i.Response.Body = model.PresentBody([]byte(`{"id":1}`), "application/json")
	i.Response.Generators = model.Generators{}
	i.Response.Generators.Add(model.CategoryBody, "$.id", model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 5, "max": 5}})

	i = p.AddInteraction(model.HTTP, "options")
	i.Request.Method, i.Request.Path = "OPTIONS", "/opt"
	return p
}

// fastCases are raw request streams; each is sent on its own connection.
var fastCases = []string{
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nhost: localhost:80\r\naccept: application/json, text/plain\r\nX-A: 1\r\nx-a:  2 \r\nUser-Agent: t\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nOrigin: http://example.com\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nConnection: Keep-Alive\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nConnection: upgrade\r\n\r\n",
	"GET /items/1 HTTP/1.0\r\nHost: localhost\r\n\r\n",
	"HEAD /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: bad host\r\n\r\n",
	"GET /items/1 HTTP/1.1\nHost: localhost\n\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nX-Fold: a\r\n b\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nX-Bin: caf\xc3\xa9\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nX-Ctl: a\x01b\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nPragma: no-cache\r\n\r\n",
	"GET /items/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /items/%31 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET http://localhost/items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /search?q=a%20b HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /search?q=a+b&x HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /search? HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n",
	// unexpected requests log their headers: how each was read shows
	"GET /nowhere HTTP/1.1\r\nHost: localhost\r\nPragma: no-cache\r\n\r\n",
	"GET /nowhere HTTP/1.1\r\nhost: localhost\r\naccept: a, b\r\nX-A: 1\r\nx-a:  2 \r\nx-b:\t3\t\r\nx-empty:\r\nConnection: keep-alive\r\n\r\n",
	"GET /nowhere HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip,deflate\r\nCache-Control: no-cache, max-age=0\r\nContent-Type: text/plain\r\n\r\n",
	"POST /nowhere?a=1&a=2&b HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
	"DELETE /nowhere HTTP/1.1\r\nHost: localhost\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"name\":\"x\"}",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"name\":\"y\"}",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 12\r\nContent-Length: 12\r\n\r\n{\"name\":\"x\"}",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: +12\r\n\r\n{\"name\":\"x\"}",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nc\r\n{\"name\":\"x\"}\r\n0\r\n\r\n",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 12\r\n\r\n{\"name\":\"x\"}",
	"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 300\r\n\r\n" + strings.Repeat(" ", 300),
	"DELETE /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /odd HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"PUT /date HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"GET /gen HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"OPTIONS /opt HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"OPTIONS /elsewhere HTTP/1.1\r\nHost: localhost\r\nAccess-Control-Request-Headers: X-A\r\n\r\n",
	"OPTIONS * HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"BREW /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	// pipelined: the fast path answers the first two, net/http the rest
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /search?q=a%20b HTTP/1.1\r\nHost: localhost\r\n\r\n" +
		"GET /items/1 HTTP/1.0\r\nHost: localhost\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\nDELETE /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\nGET /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",
	"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
	"GET /items/1 HTTP/1.1\r\nHost: localhost\r\nX-Long: " + strings.Repeat("y", fastMaxHeader) + "\r\n\r\n",
}

// exchangeWait is how long exchange waits for answers.
var exchangeWait = 300 * time.Millisecond

var dateHeader = regexp.MustCompile(`(?m)^Date: [^\r]*\r$`)

// exchange sends one case on a new connection and returns everything the
// server sent until it closed the connection, answered every request in
// it, or was silent for 300 ms.
func exchange(t *testing.T, url, raw string) string { return exchangeConn(t, url, raw, false) }

// exchangeConn is exchange, with the connection's sending side shut after
// the request when halfClose is set (the server then reads an end of file).
func exchangeConn(t *testing.T, url, raw string, halfClose bool) string {
	t.Helper()
	var methods []string
	br := bufio.NewReader(strings.NewReader(raw))
	for {
		r, err := http.ReadRequest(br)
		if err != nil {
			break
		}
		io.Copy(io.Discard, r.Body)
		methods = append(methods, r.Method)
	}
	c, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, raw); err != nil {
		t.Fatal(err)
	}
	if halfClose {
		c.(*net.TCPConn).CloseWrite()
	}
	var out bytes.Buffer
	buf := make([]byte, 64<<10)
	// the first answer may take a while on a loaded machine (a hand-off
	// starts net/http); after that, silence means the server is done
	c.SetReadDeadline(time.Now().Add(5 * exchangeWait))
	for {
		n, err := c.Read(buf)
		c.SetReadDeadline(time.Now().Add(exchangeWait))
		out.Write(buf[:n])
		// with the sending side shut, the server ends the connection when
		// it has answered everything: read to the end (or silence)
		if err != nil || (!halfClose && answered(out.Bytes(), methods)) {
			break
		}
	}
	return dateHeader.ReplaceAllString(out.String(), "Date: X\r")
}

// answered reports whether b holds a final response to each request.
func answered(b []byte, methods []string) bool {
	if len(methods) == 0 {
		return false
	}
	br := bufio.NewReader(bytes.NewReader(b))
	for n := 0; n < len(methods); {
		resp, err := http.ReadResponse(br, &http.Request{Method: methods[n]})
		if err != nil {
			return false
		}
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			return false
		}
		if resp.StatusCode >= 200 {
			n++
		}
	}
	return true
}

var logTime = regexp.MustCompile(`(?m)^\S+ `)

// TestFastPathMatchesNetHTTP sends the same requests to a server with the
// fast path and one without, and checks that they answer byte for byte the
// same (but for Date), record the same results and log the same lines.
func TestFastPathMatchesNetHTTP(t *testing.T) {
	for _, cors := range []bool{false, true} {
		cfg := Config{CORS: cors, BodyLimit: 200}
		fast, err := New(fastPact(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := New(fastPact(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		slow.noFast = true
		for _, s := range []*Server{fast, slow} {
			if err := s.Start(); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
		}
		for _, raw := range fastCases {
			got, want := exchange(t, fast.URL(), raw), exchange(t, slow.URL(), raw)
			if got != want {
				t.Errorf("cors %v, request %q:\nfast path sent %q\nnet/http sent  %q", cors, raw, got, want)
			}
		}
		if got, want := string(fast.MismatchesJSON()), string(slow.MismatchesJSON()); got != want {
			t.Errorf("cors %v: mismatches\n%s\nwant\n%s", cors, got, want)
		}
		if got, want := requestLog(fast), requestLog(slow); got != want {
			t.Errorf("cors %v: log\n%s\nwant\n%s", cors, got, want)
		}
	}
}

// requestLog is a server's log without times and the start line.
func requestLog(s *Server) string {
	var b strings.Builder
	for l := range strings.SplitSeq(s.Logs(), "\n") {
		if strings.Contains(l, "mock server started") {
			continue
		}
		b.WriteString(logTime.ReplaceAllString(l, "") + "\n")
	}
	return b.String()
}

// TestFastPathServes checks that simple requests are in fact served by the
// fast path: the connection stays with it (no hand-off to net/http).
func TestFastPathServes(t *testing.T) {
	s := start(t, fastPact(), Config{})
	c := &http.Client{}
	for range 3 {
		resp, err := c.Get(s.URL() + "/items/1")
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || resp.Header.Get("X-Multi") != "a" {
			t.Fatalf("status %d, header %v", resp.StatusCode, resp.Header)
		}
	}
	s.connMu.Lock()
	defer s.connMu.Unlock()
	if len(s.conns) != 1 {
		t.Fatalf("%d connections, want 1", len(s.conns))
	}
	for c := range s.conns {
		if _, ok := c.(*net.TCPConn); !ok {
			t.Errorf("connection %T: handed to net/http", c)
		}
	}
}

// TestCloseAfterHandOff checks Close when net/http was started for a
// connection the fast path handed off and another connection stayed with the
// fast path: both end, and Close returns at once.
func TestCloseAfterHandOff(t *testing.T) {
	s, err := New(fastPact(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(s.URL(), "http://")
	var conns []net.Conn
	for _, raw := range []string{
		"HEAD /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n", // net/http
		"GET /items/1 HTTP/1.1\r\nHost: localhost\r\n\r\n",  // fast path
	} {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		io.WriteString(c, raw)
		resp, err := http.ReadResponse(bufio.NewReader(c), &http.Request{Method: strings.Fields(raw)[0]})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		conns = append(conns, c)
	}
	if !s.handoffs[0].started.Load() {
		t.Fatal("net/http was not started for the HEAD request")
	}
	start := time.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("Close took %v", d)
	}
	for n, c := range conns {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := c.Read(make([]byte, 1)); err == nil {
			t.Errorf("connection %d: still open after Close", n)
		}
	}
	if _, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		t.Error("the port still accepts connections after Close")
	}
}

// FuzzFastPathMatchesNetHTTP is TestFastPathMatchesNetHTTP for any bytes: a
// server with the fast path and one without must send the same answer
// (Date aside) and record the same failures.
func FuzzFastPathMatchesNetHTTP(f *testing.F) {
	for _, raw := range fastCases {
		f.Add([]byte(raw))
	}
	// shorter than the test's wait, for speed, but long enough for a
	// loaded machine under -race
	exchangeWait = 200 * time.Millisecond
	defer func() { exchangeWait = 300 * time.Millisecond }()
	cfg := Config{CORS: true, BodyLimit: 200}
	fast, err := New(fastPact(), cfg)
	if err != nil {
		f.Fatal(err)
	}
	slow, err := New(fastPact(), cfg)
	if err != nil {
		f.Fatal(err)
	}
	slow.noFast = true
	for _, s := range []*Server{fast, slow} {
		if err := s.Start(); err != nil {
			f.Fatal(err)
		}
		defer s.Close()
	}
	failures := func(s *Server) []string {
		var out []string
		for _, r := range s.Mismatches() {
			if r.Kind != Missing {
				out = append(out, fmt.Sprint(r.ToJSON()))
			}
		}
		return out
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if bytes.HasPrefix(raw, []byte("PRI")) {
			// HTTP/2 (the fast path hands it over at once): with the sending
			// side shut, whether net/http's HTTP/2 server writes its
			// settings before it reads the end of file is a race
			return
		}
		before := len(failures(fast))
		// the sending side is shut after the bytes, so that an unfinished
		// request ends at once rather than after a wait
		got, want := exchangeConn(t, fast.URL(), string(raw), true), exchangeConn(t, slow.URL(), string(raw), true)
		if got != want {
			t.Fatalf("request %q:\nfast path sent %q\nnet/http sent  %q", raw, got, want)
		}
		fa, sa := failures(fast), failures(slow)
		if len(fa) != len(sa) || fmt.Sprint(fa[before:]) != fmt.Sprint(sa[before:]) {
			t.Fatalf("request %q: recorded %v, net/http recorded %v", raw, fa[before:], sa[min(before, len(sa)):])
		}
	})
}
