package mockserver

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/libpact/libpact/core/model"
)

// conformanceDir returns the shared conformance data: $PACT_CONFORMANCE_DIR,
// or ../shared/conformance next to the repository root (the directory with
// go.mod).
func conformanceDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("PACT_CONFORMANCE_DIR")
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			t.Fatal(err)
		}
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dir = filepath.Join(d, "..", "shared", "conformance")
				break
			}
			if filepath.Dir(d) == d {
				t.Fatal("no go.mod above " + wd)
			}
		}
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("conformance data not found at %s (set PACT_CONFORMANCE_DIR): %v", dir, err)
	}
	return dir
}

// fixture reads a compatibility-suite fixture file.
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(conformanceDir(t), "compatibility-suite", "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compatPact builds the interactions of the background of the compatibility
// suite's V1 http_consumer.feature (1–8; 9, multipart, is left to the
// suite itself).
func compatPact(t testing.TB) *model.Pact {
	basic := fixture(t, "basic.json")
	p := model.NewPact("V1-consumer", "V1-provider", model.V1)
	i := p.AddInteraction(model.HTTP, "interaction 1")
	i.Request.Method, i.Request.Path = "GET", "/basic"
	i.Response.Status = 200
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Response.Body = model.PresentBody(basic, "application/json")

	i = p.AddInteraction(model.HTTP, "interaction 2")
	i.Request.Method, i.Request.Path = "GET", "/with_params"
	i.Request.Query = model.Query{{Name: "a", Values: []string{"1"}}, {Name: "b", Values: []string{"2"}}}
	i.Request.RawQuery = "a=1&b=2"
	i.Response.Status = 200

	i = p.AddInteraction(model.HTTP, "interaction 3")
	i.Request.Method, i.Request.Path = "GET", "/with_headers"
	i.Request.Headers = model.Headers{{Name: "X-TEST", Values: []string{"Compatibility"}}}
	i.Response.Status = 200

	i = p.AddInteraction(model.HTTP, "interaction 4")
	i.Request.Method, i.Request.Path = "PUT", "/basic"
	i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Request.Body = model.PresentBody(basic, "application/json")
	i.Response.Status = 200

	bodyInteraction(t, p, "/plain", "text-body.xml", "")
	bodyInteraction(t, p, "/xml", "xml-body.xml", "")
	bodyInteraction(t, p, "/bin", "rat.jpg", "image/jpeg")
	bodyInteraction(t, p, "/form", "form-post-body.xml", "")
	return p
}

// fixtureBody reads a compatibility-suite body descriptor (an XML file with
// the content type and contents) or, for other files, the file itself with
// the content type given.
func fixtureBody(t testing.TB, name, contentType string) (data []byte, ct string) {
	t.Helper()
	b := fixture(t, name)
	if !strings.HasSuffix(name, ".xml") {
		return b, contentType
	}
	var d struct {
		ContentType string `xml:"contentType"`
		Contents    string `xml:"contents"`
	}
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return []byte(d.Contents), d.ContentType
}

// bodyInteraction is an interaction PUT path with the body of a fixture.
func bodyInteraction(t testing.TB, p *model.Pact, path, file, contentType string) {
	body, ct := fixtureBody(t, file, contentType)
	i := p.AddInteraction(model.HTTP, "PUT "+path)
	i.Request.Method, i.Request.Path = "PUT", path
	i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{ct}}}
	i.Request.Body = model.PresentBody(body, ct)
	i.Response.Status = 200
}

// only returns a copy of p with just the interactions numbered (from 1).
func only(p *model.Pact, nums ...int) *model.Pact {
	c := p.Clone()
	c.Interactions = nil
	for _, n := range nums {
		c.Interactions = append(c.Interactions, p.Interactions[n-1].Clone())
	}
	return c
}

// start starts a server for p and closes it when the test ends.
func start(t testing.TB, p *model.Pact, cfg Config) *Server {
	t.Helper()
	s, err := New(p, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func send(t testing.TB, c *http.Client, method, url string, header map[string]string, body []byte) reply {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = []string{v}
	}
	if c == nil {
		c = http.DefaultClient
	}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{resp.StatusCode, resp.Header, b}
}

// decode parses JSON, failing the test on error.
func decode(t testing.TB, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("bad JSON %q: %v", b, err)
	}
	return v
}

// The compatibility suite's V1 http_consumer scenarios that concern the mock
// server (the answer to each request, the status afterwards, and the
// mismatch JSON).
func TestCompatibilityV1Consumer(t *testing.T) {
	all := compatPact(t)
	basic := fixture(t, "basic.json")
	tests := []struct {
		name         string
		interactions []int
		method, path string
		header       map[string]string
		body         []byte
		wantStatus   int
		wantXPact    string
		wantBody     []byte
		wantMatched  bool
		wantJSON     string // the mismatches JSON, compared as JSON
	}{
		{name: "all requests made", interactions: []int{1}, method: "GET", path: "/basic",
			wantStatus: 200, wantBody: basic, wantMatched: true, wantJSON: `[]`},
		{name: "not all requests made", interactions: []int{1, 2}, method: "GET", path: "/basic",
			wantStatus: 200, wantBody: basic,
			wantJSON: `[{"type":"missing-request","method":"GET","path":"/with_params",
				"request":{"method":"GET","path":"/with_params","query":{"a":["1"],"b":["2"]}}}]`},
		{name: "unexpected request", interactions: []int{1}, method: "GET", path: "/with_params?a=1&b=2",
			wantStatus: 500, wantXPact: "Unexpected-Request",
			wantJSON: `[{"type":"request-not-found","method":"GET","path":"/with_params",
				"request":{"method":"GET","path":"/with_params","query":{"a":["1"],"b":["2"]},"body":"",
					"headers":{"accept-encoding":"gzip","host":"HOST","user-agent":"Go-http-client/1.1"}}},
				{"type":"missing-request","method":"GET","path":"/basic","request":{"method":"GET","path":"/basic"}}]`},
		{name: "query parameters", interactions: []int{2}, method: "GET", path: "/with_params?a=1&b=2",
			wantStatus: 200, wantMatched: true, wantJSON: `[]`},
		{name: "invalid query parameters", interactions: []int{2}, method: "GET", path: "/with_params?a=1&c=3",
			wantStatus: 500, wantXPact: "Request-Mismatch",
			wantJSON: `[{"type":"request-mismatch","method":"GET","path":"/with_params","mismatches":[
				{"type":"QueryMismatch","parameter":"b","expected":"[\"2\"]","actual":"","mismatch":"Expected query parameter 'b' but was missing"},
				{"type":"QueryMismatch","parameter":"c","expected":"","actual":"[\"3\"]","mismatch":"Unexpected query parameter 'c' received"}]}]`},
		{name: "invalid path", interactions: []int{1}, method: "GET", path: "/path",
			wantStatus: 500, wantXPact: "Unexpected-Request"},
		{name: "invalid method", interactions: []int{1}, method: "HEAD", path: "/basic",
			wantStatus: 500, wantXPact: "Unexpected-Request"},
		{name: "headers", interactions: []int{3}, method: "GET", path: "/with_headers",
			header: map[string]string{"X-TEST": "Compatibility"}, wantStatus: 200, wantMatched: true, wantJSON: `[]`},
		{name: "invalid headers", interactions: []int{3}, method: "GET", path: "/with_headers",
			header: map[string]string{"X-OTHER": "Something"}, wantStatus: 500, wantXPact: "Request-Mismatch"},
		{name: "body", interactions: []int{4}, method: "PUT", path: "/basic",
			header: map[string]string{"Content-Type": "application/json"}, body: basic,
			wantStatus: 200, wantMatched: true, wantJSON: `[]`},
		{name: "invalid body", interactions: []int{4}, method: "PUT", path: "/basic",
			header: map[string]string{"Content-Type": "application/json"}, body: []byte(`{"one": "a", "two": "c"}`),
			wantStatus: 500, wantXPact: "Request-Mismatch",
			wantJSON: `[{"type":"request-mismatch","method":"PUT","path":"/basic","mismatches":[
				{"type":"BodyMismatch","path":"$.two","expected":"\"b\"","actual":"\"c\"",
				 "mismatch":"Expected 'c' (String) to be equal to 'b' (String)"}]}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := start(t, only(all, tt.interactions...), Config{})
			r := send(t, nil, tt.method, s.URL()+tt.path, tt.header, tt.body)
			if r.status != tt.wantStatus {
				t.Errorf("status %d, want %d; body %s", r.status, tt.wantStatus, r.body)
			}
			if got := r.header.Get("X-Pact"); got != tt.wantXPact {
				t.Errorf("X-Pact %q, want %q", got, tt.wantXPact)
			}
			if tt.wantStatus == 500 && tt.method != "HEAD" {
				if ct := r.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
					t.Errorf("500 Content-Type %q", ct)
				}
				e, _ := decode(t, r.body).(map[string]any)
				if msg, _ := e["error"].(string); !strings.HasPrefix(msg, tt.wantXPact+" : HttpRequest { method: \""+tt.method) {
					t.Errorf("error body %s", r.body)
				}
				if ms, _ := e["mismatches"].([]any); (len(ms) > 0) != (tt.wantXPact == "Request-Mismatch") {
					t.Errorf("error body mismatches %s", r.body)
				}
			}
			if tt.wantBody != nil && !bytes.Equal(r.body, tt.wantBody) {
				t.Errorf("body %q, want %q", r.body, tt.wantBody)
			}
			if tt.wantBody != nil && r.header.Get("Content-Type") != "application/json" {
				t.Errorf("Content-Type %q", r.header.Get("Content-Type"))
			}
			if got := s.Matched(); got != tt.wantMatched {
				t.Errorf("Matched() = %v, want %v", got, tt.wantMatched)
			}
			got := bytes.ReplaceAll(s.MismatchesJSON(), []byte(strings.TrimPrefix(s.URL(), "http://")), []byte("HOST"))
			if tt.wantJSON != "" && !reflect.DeepEqual(decode(t, got), decode(t, []byte(tt.wantJSON))) {
				t.Errorf("mismatches\n got %s\nwant %s", got, tt.wantJSON)
			}
			if tt.wantJSON == "" && len(s.Mismatches()) == 0 {
				t.Errorf("no mismatches recorded")
			}
		})
	}
}

// The mismatch messages of the compatibility suite's negative scenarios.
func TestCompatibilityV1Messages(t *testing.T) {
	all := compatPact(t)
	spider, _ := fixtureBody(t, "spider.jpg", "image/jpeg")
	tests := []struct {
		interaction  int
		method, path string
		header       map[string]string
		body         string
		wantType     string
		wantMismatch string
	}{
		{5, "PUT", "/plain", map[string]string{"Content-Type": "text/plain"}, "Hello Mars!", "BodyMismatch",
			"Expected body 'Hello World!' to match 'Hello Mars!' using equality but did not match"},
		{6, "PUT", "/xml", map[string]string{"Content-Type": "application/xml"},
			`<?xml version="1.0" encoding="UTF-8" ?><values><one>A</one></values>`, "BodyMismatch",
			"Expected child <two/> but was missing"},
		{7, "PUT", "/bin", map[string]string{"Content-Type": "image/jpeg"}, string(spider), "BodyMismatch",
			"Actual body [image/jpeg, 30922 bytes, starting with ffd8ffe000104a46494600010101004800480000ffe100ae4578696600004949] " +
				"is not equal to the expected body [image/jpeg, 28058 bytes, starting with ffd8ffe000104a46494600010101012c012c0000ffe12db64578696600004949]"},
		{8, "PUT", "/form", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, "a=1&b=2&c=33&d=4", "BodyMismatch",
			"Expected form post parameter 'c' with value '3' but was '33'"},
		{3, "GET", "/with_headers", map[string]string{"X-OTHER": "Something"}, "", "HeaderMismatch",
			"Expected a header 'X-TEST' but was missing"},
		{4, "PUT", "/basic", map[string]string{"Content-Type": "application/json"}, `{"one": "a"}`, "BodyMismatch",
			"Expected a Map with keys [one, two] but received one with keys [one]"},
		{4, "PUT", "/basic", map[string]string{"Content-Type": "application/xml"},
			`<?xml version="1.0" encoding="UTF-8"?><alligator name="Mary" feet="4"/>`, "BodyTypeMismatch",
			"Expected a body of 'application/json' but the actual content type was 'application/xml'"},
	}
	for _, tt := range tests {
		t.Run(tt.path+" "+tt.wantType, func(t *testing.T) {
			s := start(t, only(all, tt.interaction), Config{})
			want := all.Interactions[tt.interaction-1].Request
			header := map[string]string{}
			for _, f := range want.Headers {
				header[f.Name] = f.Values[0]
			}
			if r := send(t, nil, tt.method, s.URL()+tt.path, header, want.Body.Content); r.status != 200 {
				t.Fatalf("positive case: status %d %s", r.status, r.body)
			}
			send(t, nil, tt.method, s.URL()+tt.path, tt.header, []byte(tt.body))
			ms := s.Mismatches()
			if len(ms) != 1 || ms[0].Kind != Mismatch {
				t.Fatalf("mismatches %s", s.MismatchesJSON())
			}
			found := false
			for _, m := range ms[0].Mismatches {
				if m.Type == tt.wantType && m.Description == tt.wantMismatch {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s %q in %s", tt.wantType, tt.wantMismatch, s.MismatchesJSON())
			}
		})
	}
}

// A response with generators is generated per request in consumer mode,
// with the mock server's URL in the context.
func TestGenerators(t *testing.T) {
	p := model.NewPact("c", "p", model.V3)
	i := p.AddInteraction(model.HTTP, "generated")
	i.Request.Path = "/gen"
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Response.Body = model.PresentBody([]byte(`{"id": 100, "link": "http://1234:8080/a"}`), "application/json")
	i.Response.Generators = model.Generators{}
	i.Response.Generators.Add(model.CategoryBody, "$.id", model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 9}})
	i.Response.Generators.Add(model.CategoryBody, "$.link", model.Generator{Type: "MockServerURL",
		Attrs: map[string]any{"regex": ".*(/a)", "example": "http://1234:8080/a"}})
	s := start(t, p, Config{})
	seen := map[float64]bool{}
	for range 40 {
		r := send(t, nil, "GET", s.URL()+"/gen", nil, nil)
		if r.status != 200 {
			t.Fatalf("status %d: %s", r.status, r.body)
		}
		body, _ := decode(t, r.body).(map[string]any)
		id, _ := body["id"].(float64)
		if id < 1 || id > 9 || id != float64(int(id)) {
			t.Fatalf("id %v not an integer in [1, 9]: %s", body["id"], r.body)
		}
		seen[id] = true
		if body["link"] != s.URL()+"/a" {
			t.Fatalf("link %v, want %s/a", body["link"], s.URL())
		}
	}
	if len(seen) < 2 {
		t.Errorf("40 requests generated only %v", seen)
	}
	if !s.Matched() {
		t.Errorf("not matched: %s", s.MismatchesJSON())
	}
}

func simplePact() *model.Pact {
	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "hello")
	i.Request.Method, i.Request.Path = "GET", "/hello"
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"text/plain"}}}
	i.Response.Body = model.PresentBody([]byte("hi"), "text/plain")
	return p
}

func TestHTTPS(t *testing.T) {
	s := start(t, simplePact(), Config{TLS: true})
	if !strings.HasPrefix(s.URL(), "https://127.0.0.1:") {
		t.Fatalf("URL %s", s.URL())
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM([]byte(CACertificatePEM())) {
		t.Fatal("CACertificatePEM is not a PEM certificate")
	}
	for _, host := range []string{"127.0.0.1", "localhost"} {
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}, ForceAttemptHTTP2: true}}
		url := strings.Replace(s.URL(), "127.0.0.1", host, 1)
		resp, err := c.Get(url + "/hello")
		if err != nil {
			t.Fatalf("%s: %v", host, err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || string(b) != "hi" || resp.ProtoMajor != 2 {
			t.Errorf("%s: %s %d %q", host, resp.Proto, resp.StatusCode, b)
		}
	}
	// A client that does not trust the certificate is refused.
	if _, err := http.Get(s.URL() + "/hello"); err == nil {
		t.Error("an untrusting client was answered")
	}
	// Close does not wait for the idle HTTP/2 clients to hang up.
	begin := time.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(begin); d > 300*time.Millisecond {
		t.Errorf("Close with idle HTTP/2 connections took %v", d)
	}
}

func ipv6Available() bool {
	l, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		return false
	}
	l.Close()
	return true
}

// Addresses: IPv4 and IPv6 loopback, unspecified, and localhost on both
// families at once.
func TestAddresses(t *testing.T) {
	v6 := ipv6Available()
	tests := []struct {
		addr    string
		wantURL string // prefix
		dial    []string
		needV6  bool
	}{
		{"", "http://127.0.0.1:", []string{"127.0.0.1"}, false},
		{"127.0.0.1:0", "http://127.0.0.1:", []string{"127.0.0.1"}, false},
		{"0.0.0.0:0", "http://127.0.0.1:", []string{"127.0.0.1"}, false},
		{"[::1]:0", "http://[::1]:", []string{"::1"}, true},
		{"[::]:0", "http://[::1]:", []string{"::1"}, true},
		{"localhost:0", "http://localhost:", []string{"127.0.0.1", "::1"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if tt.needV6 && !v6 {
				t.Skip("this machine has no IPv6 loopback")
			}
			s := start(t, simplePact(), Config{Addr: tt.addr})
			if !strings.HasPrefix(s.URL(), tt.wantURL) || s.Port() == 0 {
				t.Fatalf("URL %s port %d", s.URL(), s.Port())
			}
			for _, ip := range tt.dial {
				url := "http://" + net.JoinHostPort(ip, strconv.Itoa(s.Port())) + "/hello"
				c := &http.Client{Timeout: 2 * time.Second}
				r := send(t, c, "GET", url, nil, nil)
				if r.status != 200 {
					t.Errorf("%s: status %d", url, r.status)
				}
			}
		})
	}
	// A fixed port that is taken fails Start with an error.
	s := start(t, simplePact(), Config{})
	s2, err := New(simplePact(), Config{Addr: "127.0.0.1:" + strconv.Itoa(s.Port())})
	if err != nil {
		t.Fatal(err)
	}
	if err := s2.Start(); err == nil {
		s2.Close()
		t.Error("binding a used port succeeded")
	}
}

// A fixed port can be used again as soon as the server on it is closed.
func TestFixedPortReusable(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	for round := range 3 {
		s := start(t, simplePact(), Config{Addr: fmt.Sprint("127.0.0.1:", port)})
		if s.Port() != port {
			t.Fatalf("round %d: port %d, want %d", round, s.Port(), port)
		}
		if r := send(t, &http.Client{Transport: &http.Transport{}}, "GET", s.URL()+"/hello", nil, nil); r.status != 200 {
			t.Fatalf("round %d: status %d", round, r.status)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCORS(t *testing.T) {
	tests := []struct {
		cors        bool
		wantStatus  int
		wantMatched bool
	}{
		{true, 204, true},
		{false, 500, false},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint("cors=", tt.cors), func(t *testing.T) {
			s := start(t, simplePact(), Config{CORS: tt.cors})
			r := send(t, nil, "OPTIONS", s.URL()+"/hello", map[string]string{
				"Origin": "http://app.example", "Access-Control-Request-Method": "GET",
				"Access-Control-Request-Headers": "x-a, x-b"}, nil)
			if r.status != tt.wantStatus {
				t.Fatalf("status %d", r.status)
			}
			if tt.cors {
				want := map[string]string{
					"Access-Control-Allow-Origin":      "http://app.example",
					"Access-Control-Allow-Methods":     corsMethods,
					"Access-Control-Allow-Headers":     "x-a, x-b, *",
					"Access-Control-Expose-Headers":    corsExpose,
					"Access-Control-Allow-Credentials": "true",
				}
				for k, v := range want {
					if got := r.header.Get(k); got != v {
						t.Errorf("%s: %q, want %q", k, got, v)
					}
				}
			}
			// A matched response carries the CORS headers too.
			r = send(t, nil, "GET", s.URL()+"/hello", map[string]string{"Origin": "http://app.example"}, nil)
			if r.header.Get("Access-Control-Allow-Origin") != "http://app.example" ||
				r.header.Get("Access-Control-Allow-Methods") != corsMethods {
				t.Errorf("matched response headers %v", r.header)
			}
			if s.Matched() != tt.wantMatched {
				t.Errorf("Matched() = %v: %s", s.Matched(), s.MismatchesJSON())
			}
		})
	}
}

func TestBodyLimit(t *testing.T) {
	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "upload")
	i.Request.Method, i.Request.Path = "POST", "/up"
	s := start(t, p, Config{BodyLimit: 1024})
	r := send(t, nil, "POST", s.URL()+"/up", nil, bytes.Repeat([]byte("x"), 2048))
	if r.status != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if s.Matched() {
		t.Error("an oversized request left the server matched")
	}
	ms := s.Mismatches()
	if len(ms) == 0 || ms[0].Kind != Failed || ms[0].ToJSON()["type"] != "request-error" {
		t.Errorf("mismatches %s", s.MismatchesJSON())
	}
	// The server still answers.
	if r := send(t, nil, "POST", s.URL()+"/up", nil, []byte("small")); r.status != 200 {
		t.Errorf("small body: status %d %s", r.status, r.body)
	}
}

// Close waits for a request in flight: the client's body arrives slowly, and
// Close returns only after the response was sent.
func TestCloseWaitsForInFlight(t *testing.T) {
	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "upload")
	i.Request.Method, i.Request.Path = "POST", "/up"
	s, err := New(p, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	type result struct {
		status int
		err    error
		at     time.Time
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Post(s.URL()+"/up", "text/plain", pr)
		if err != nil {
			done <- result{err: err, at: time.Now()}
			return
		}
		resp.Body.Close()
		done <- result{status: resp.StatusCode, at: time.Now()}
	}()
	pw.Write([]byte("part one "))
	time.Sleep(100 * time.Millisecond) // the request is in flight
	closed := make(chan time.Time, 1)
	go func() { s.Close(); closed <- time.Now() }()
	time.Sleep(200 * time.Millisecond)
	select {
	case <-closed:
		t.Fatal("Close returned while a request was in flight")
	default:
	}
	pw.Write([]byte("part two"))
	pw.Close()
	r := <-done
	closedAt := <-closed
	if r.err != nil || r.status != 200 {
		t.Fatalf("in-flight request: %d %v", r.status, r.err)
	}
	if closedAt.Before(r.at.Add(-50 * time.Millisecond)) {
		t.Errorf("Close returned %v before the response", r.at.Sub(closedAt))
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := http.Get(s.URL() + "/up"); err == nil {
		t.Error("closed server still answers")
	}
}

// Keep-alive: successive requests of one client reuse one connection.
func TestKeepAlive(t *testing.T) {
	s := start(t, simplePact(), Config{})
	c := &http.Client{Transport: &http.Transport{}}
	reused := 0
	for range 5 {
		req, _ := http.NewRequest("GET", s.URL()+"/hello", nil)
		req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
			GotConn: func(i httptrace.GotConnInfo) {
				if i.Reused {
					reused++
				}
			}}))
		resp, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
	if reused != 4 {
		t.Errorf("%d of 4 later requests reused the connection", reused)
	}
	// Close does not wait for the idle keep-alive connection.
	begin := time.Now()
	s.Close()
	if d := time.Since(begin); d > 300*time.Millisecond {
		t.Errorf("Close with an idle keep-alive connection took %v", d)
	}
}

// A stalled client is dropped after ReadTimeout; malformed requests get a
// 400 from net/http and leave the server working.
func TestSlowAndMalformedClients(t *testing.T) {
	s := start(t, simplePact(), Config{ReadTimeout: 200 * time.Millisecond})
	addr := strings.TrimPrefix(s.URL(), "http://")

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET /hello HTTP/1.1\r\nHost: x\r\n")) // never finished
	conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	start := time.Now()
	io.ReadAll(conn)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("stalled connection held for %v", d)
	}

	for _, raw := range []string{"GARBAGE\r\n\r\n", "GET /hello HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "\x00\x01\x02\r\n\r\n"} {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write([]byte(raw))
		conn.SetReadDeadline(time.Now().Add(2 * time.Second))
		b, _ := io.ReadAll(conn)
		conn.Close()
		if !bytes.HasPrefix(b, []byte("HTTP/1.1 400")) {
			t.Errorf("%q: got %q", raw, b)
		}
	}
	if r := send(t, nil, "GET", s.URL()+"/hello", nil, nil); r.status != 200 {
		t.Errorf("after bad clients: status %d", r.status)
	}
}

// A panic while handling a request is answered with a 500 and recorded.
func TestPanicIsRecovered(t *testing.T) {
	s, err := New(simplePact(), Config{})
	if err != nil {
		t.Fatal(err)
	}
	w := &recorder{header: http.Header{}}
	// A request with no URL and no request URI makes the conversion panic.
	s.ServeHTTP(w, &http.Request{Method: "GET", Header: http.Header{}, Body: panicBody{}})
	if w.status != 500 || !strings.Contains(w.body.String(), "Internal error") {
		t.Errorf("got %d %q", w.status, w.body.String())
	}
	if s.Matched() || len(s.Mismatches()) != 2 {
		t.Errorf("mismatches %s", s.MismatchesJSON())
	}
}

type panicBody struct{}

func (panicBody) Read([]byte) (int, error) { panic("boom") }
func (panicBody) Close() error             { return nil }

type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }
func (r *recorder) WriteHeader(s int)   { r.status = s }
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = 200
	}
	return r.body.Write(b)
}

// Two interactions with the same request are served in order; a request
// matching one interaction better (more headers) goes to that one.
func TestSameRequestServedInOrder(t *testing.T) {
	p := model.NewPact("c", "p", model.V4)
	for n, status := range []int{200, 404} {
		i := p.AddInteraction(model.HTTP, fmt.Sprint("get ", n))
		i.Request.Path = "/thing"
		i.Response.Status = status
	}
	auth := p.AddInteraction(model.HTTP, "authorised")
	auth.Request.Path = "/thing"
	auth.Request.Headers = model.Headers{{Name: "Authorization", Values: []string{"Bearer x"}}}
	auth.Response.Status = 201

	s := start(t, p, Config{})
	var got []int
	for _, h := range []map[string]string{nil, {"Authorization": "Bearer x"}, nil, nil} {
		got = append(got, send(t, nil, "GET", s.URL()+"/thing", h, nil).status)
	}
	if want := []int{200, 201, 404, 200}; !reflect.DeepEqual(got, want) {
		t.Errorf("statuses %v, want %v", got, want)
	}
	if !s.Matched() {
		t.Errorf("not matched: %s", s.MismatchesJSON())
	}
}

// New copies the pact: changing it afterwards changes nothing.
func TestPactIsCopied(t *testing.T) {
	p := simplePact()
	s := start(t, p, Config{})
	p.Interactions[0].Request.Path = "/changed"
	p.Interactions[0].Response.Body.Content[0] = 'X'
	r := send(t, nil, "GET", s.URL()+"/hello", nil, nil)
	if r.status != 200 || string(r.body) != "hi" {
		t.Errorf("got %d %q", r.status, r.body)
	}
}

// 100 goroutines × 50 requests, matched and mismatched, on 20 interactions.
func TestConcurrentRequests(t *testing.T) {
	p := model.NewPact("c", "p", model.V4)
	for n := range 20 {
		i := p.AddInteraction(model.HTTP, fmt.Sprint("item ", n))
		i.Request.Path = fmt.Sprint("/items/", n)
		i.Response.Body = model.PresentBody([]byte(fmt.Sprintf(`{"n":%d}`, n)), "application/json")
	}
	s := start(t, p, Config{})
	c := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 100}}
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				n := (g + k) % 20
				path := fmt.Sprint("/items/", n)
				if k == 49 && g%10 == 0 {
					path = "/nothing"
				}
				resp, err := c.Get(s.URL() + path)
				if err != nil {
					errs <- err
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if path != "/nothing" && (resp.StatusCode != 200 || string(b) != fmt.Sprintf(`{"n":%d}`, n)) {
					errs <- fmt.Errorf("%s: %d %s", path, resp.StatusCode, b)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if ms := s.Mismatches(); len(ms) != 10 {
		t.Errorf("%d mismatches, want 10 unexpected requests", len(ms))
	}
	s.mu.Lock()
	total := 0
	for _, n := range s.received {
		total += n
	}
	s.mu.Unlock()
	if total != 100*50-10 {
		t.Errorf("%d requests counted as matched, want %d", total, 100*50-10)
	}
}

func TestLogs(t *testing.T) {
	s := start(t, simplePact(), Config{})
	send(t, nil, "GET", s.URL()+"/hello", nil, nil)
	send(t, nil, "GET", s.URL()+"/nope", nil, nil)
	send(t, nil, "POST", s.URL()+"/nope", nil, []byte(`{"name":"x"}`))
	logs := s.Logs()
	for _, want := range []string{"mock server started", "received request GET /hello", `request matched interaction "hello"`,
		"Request was not expected - HttpRequest { method: \"GET\", path: \"/nope\"",
		"\n    body: {\"name\":\"x\"}"} {
		if !strings.Contains(logs, want) {
			t.Errorf("logs lack %q:\n%s", want, logs)
		}
	}
}

// An interaction whose path has a matching rule is always a candidate; the
// lookup by method and path does not hide it.
func TestPathRule(t *testing.T) {
	p := model.NewPact("c", "p", model.V3)
	exact := p.AddInteraction(model.HTTP, "exact")
	exact.Request.Path = "/items/1"
	exact.Response.Status = 200
	ruled := p.AddInteraction(model.HTTP, "any item")
	ruled.Request.Path = "/items/7"
	ruled.Request.MatchingRules = model.MatchingRules{}
	ruled.Request.MatchingRules.Add(model.CategoryPath, "", model.Rule{Kind: model.Regex, Regex: `/items/\d+`})
	ruled.Response.Status = 202
	s := start(t, p, Config{})
	for path, want := range map[string]int{"/items/1": 200, "/items/42": 202, "/items/x": 500} {
		if r := send(t, nil, "GET", s.URL()+path, nil, nil); r.status != want {
			t.Errorf("%s: status %d, want %d", path, r.status, want)
		}
	}
	ms := s.Mismatches()
	if len(ms) != 1 || ms[0].Kind != NotFound || ms[0].Path != "/items/x" {
		t.Errorf("mismatches %s", s.MismatchesJSON())
	}
}

// Plain-text HTTP/2 with prior knowledge (h2c) is served too.
func TestH2C(t *testing.T) {
	s := start(t, simplePact(), Config{})
	protocols := new(http.Protocols)
	protocols.SetUnencryptedHTTP2(true)
	c := &http.Client{Transport: &http.Transport{Protocols: protocols}}
	resp, err := c.Get(s.URL() + "/hello")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.ProtoMajor != 2 || resp.StatusCode != 200 || string(b) != "hi" {
		t.Errorf("%s %d %q", resp.Proto, resp.StatusCode, b)
	}
}

// Every response header value is sent; a response without a Content-Type
// gets none (no sniffing) unless its body has a content type.
func TestResponseHeaders(t *testing.T) {
	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "cookies")
	i.Request.Path = "/cookies"
	i.Response.Status = 201
	i.Response.Headers = model.Headers{{Name: "set-cookie", Values: []string{"a=1", "b=2"}}, {Name: "X-Date", Values: []string{"Mon, 01 Jan 2024 00:00:00 GMT"}}}
	i.Response.Body = model.PresentBody([]byte("<html></html>"), "")
	j := p.AddInteraction(model.HTTP, "typed body")
	j.Request.Path = "/typed"
	j.Response.Body = model.PresentBody([]byte(`{"a":1}`), "application/json")
	s := start(t, p, Config{})

	r := send(t, nil, "GET", s.URL()+"/cookies", nil, nil)
	if r.status != 201 || !reflect.DeepEqual(r.header["Set-Cookie"], []string{"a=1", "b=2"}) ||
		r.header.Get("X-Date") != "Mon, 01 Jan 2024 00:00:00 GMT" {
		t.Errorf("got %d %v", r.status, r.header)
	}
	if ct, ok := r.header["Content-Type"]; ok {
		t.Errorf("Content-Type %q sent for a body without one", ct)
	}
	r = send(t, nil, "GET", s.URL()+"/typed", nil, nil)
	if r.header.Get("Content-Type") != "application/json" || string(r.body) != `{"a":1}` {
		t.Errorf("typed body: %v %q", r.header, r.body)
	}
}

// TestNewOwned checks that NewOwned serves the pact it was given, without a
// copy, and New a copy.
func TestNewOwned(t *testing.T) {
	p := fastPact()
	owned, err := NewOwned(p, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if owned.pact != p {
		t.Error("NewOwned copied the pact")
	}
	copied, err := New(p, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if copied.pact == p || copied.pact.Interactions[0] == p.Interactions[0] {
		t.Error("New did not copy the pact")
	}
	if err := owned.Start(); err != nil {
		t.Fatal(err)
	}
	defer owned.Close()
	resp, err := http.Get(owned.URL() + "/items/1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("status %d", resp.StatusCode)
	}
}
