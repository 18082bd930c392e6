package mockserver

import (
	"bufio"
	"bytes"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/libpact/libpact/core/model"
)

// When one generator of a response fails (here a body generator on a body
// that is not JSON), the response is still sent with every other generated
// value (here a header), not with all the example values.
func TestGeneratorErrorKeepsGeneratedParts(t *testing.T) {
	p := model.NewPact("c", "p", model.V3)
	i := p.AddInteraction(model.HTTP, "partly generated")
	i.Request.Path = "/partly"
	i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}, {Name: "X-Id", Values: []string{"1000"}}}
	i.Response.Body = model.PresentBody([]byte(`not json`), "application/json")
	i.Response.Generators = model.Generators{}
	i.Response.Generators.Add(model.CategoryHeader, "X-Id", model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 9}})
	i.Response.Generators.Add(model.CategoryBody, "$.id", model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 9}})
	s := start(t, p, Config{})
	r := send(t, nil, "GET", s.URL()+"/partly", nil, nil)
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if got := r.header.Get("X-Id"); len(got) != 1 || got < "1" || got > "9" {
		t.Errorf("X-Id = %q, want the generated value in [1, 9] (the example is 1000)", got)
	}
	if string(r.body) != "not json" {
		t.Errorf("body %q, want the example body", r.body)
	}
}

// A header value with bytes that are not visible ASCII gets 500 "Found an
// invalid header encoding", as the reference's mock server answers, and is
// recorded as a failed request; the server goes on answering.
func TestInvalidHeaderEncoding(t *testing.T) {
	s := start(t, simplePact(), Config{})
	for _, value := range []string{"caf\xc3\xa9", "\xff\xfe", "ok \x80"} {
		conn, err := net.Dial("tcp", s.URL()[len("http://"):])
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		_, err = conn.Write([]byte("GET /hello HTTP/1.1\r\nHost: x\r\nX-Name: " + value + "\r\nConnection: close\r\n\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		rd := bufio.NewReader(conn)
		status, _ := rd.ReadString('\n')
		var body strings.Builder
		inBody := false
		for {
			line, err := rd.ReadString('\n')
			if inBody {
				body.WriteString(line)
			} else if line == "\r\n" {
				inBody = true
			}
			if err != nil {
				break
			}
		}
		conn.Close()
		if !strings.HasPrefix(status, "HTTP/1.1 500 ") || body.String() != "Found an invalid header encoding" {
			t.Errorf("X-Name %q: %q %q, want 500 \"Found an invalid header encoding\"", value, status, body.String())
		}
	}
	if s.Matched() {
		t.Error("Matched() is true after requests that could not be read")
	}
	if r := send(t, nil, "GET", s.URL()+"/hello", nil, nil); r.status != 200 || string(r.body) != "hi" {
		t.Errorf("the next good request got %d %q", r.status, r.body)
	}
}

// Many large requests that fail to match are kept within failureBudget: the
// first failures keep their bodies whole, later ones keep the start of each
// body and mismatch text with a note, and log lines are cut, so a client
// cannot exhaust the host's memory through the failures a server records.
func TestFailuresKeptWithinBudget(t *testing.T) {
	old := failureBudget
	failureBudget = 8 << 20
	defer func() { failureBudget = old }()
	p := model.NewPact("c", "p", model.V3)
	i := p.AddInteraction(model.HTTP, "post json")
	i.Request.Method, i.Request.Path = "POST", "/json"
	i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Request.Body = model.PresentBody([]byte(`{"a": 1}`), "application/json")
	s := start(t, p, Config{})
	big := append(append([]byte(`{"a": "`), bytes.Repeat([]byte("x"), 1<<20)...), '"', '}')
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range 20 {
		if r := send(t, nil, "POST", s.URL()+"/json", map[string]string{"Content-Type": "application/json"}, big); r.status != 500 {
			t.Fatalf("status %d", r.status)
		}
		if r := send(t, nil, "POST", s.URL()+"/elsewhere", nil, big); r.status != 500 {
			t.Fatalf("status %d", r.status)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grew := int64(after.HeapInuse) - int64(before.HeapInuse); grew > 30<<20 {
		t.Errorf("40 failed 1 MB requests kept %d MB", grew>>20)
	}
	ms := s.Mismatches()
	if len(ms) != 40 {
		t.Fatalf("%d failures recorded, want 40", len(ms))
	}
	if first := ms[0]; first.Kind != Mismatch || !strings.Contains(first.Mismatches[0].Description, strings.Repeat("x", 1<<20)) {
		t.Errorf("the first failure was not kept whole: %.200v", first.Mismatches)
	}
	last := ms[len(ms)-1]
	if last.Kind != NotFound || len(last.Request.Body.Content) > truncatedKeep+200 ||
		!strings.Contains(string(last.Request.Body.Content), "bytes in all; the rest was not kept") {
		t.Errorf("the last failure kept %d bytes of body: %.100q", len(last.Request.Body.Content), last.Request.Body.Content)
	}
	if l := s.Logs(); len(l) > 4096*(maxLineBytes+200) || strings.Contains(l, strings.Repeat("x", maxLineBytes+1)) {
		t.Errorf("the log keeps %d bytes, with lines over %d bytes", len(l), maxLineBytes)
	}
}

// LIBPACT_MOCK_SERVER_BODY_LIMIT sets the body limit of servers whose Config
// leaves it 0 (the C ABI has no other way to set it); a bad value is ignored.
func TestBodyLimitFromEnvironment(t *testing.T) {
	for env, want := range map[string]int64{"1024": 1024, "": DefaultBodyLimit, "ten": DefaultBodyLimit, "-5": DefaultBodyLimit} {
		t.Setenv(BodyLimitEnv, env)
		s, err := New(simplePact(), Config{})
		if err != nil {
			t.Fatal(err)
		}
		if s.cfg.BodyLimit != want {
			t.Errorf("%s=%q: limit %d, want %d", BodyLimitEnv, env, s.cfg.BodyLimit, want)
		}
	}
	t.Setenv(BodyLimitEnv, "1024")
	s := start(t, simplePact(), Config{})
	if r := send(t, nil, "GET", s.URL()+"/hello", nil, make([]byte, 1025)); r.status != 413 {
		t.Errorf("a 1,025-byte body with a 1,024-byte limit: %d", r.status)
	}
	if s := start(t, simplePact(), Config{BodyLimit: 4096}); s.cfg.BodyLimit != 4096 {
		t.Errorf("Config.BodyLimit is overridden by the environment: %d", s.cfg.BodyLimit)
	}
}
