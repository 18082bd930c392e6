package mockserver

import (
	"bufio"
	"net"
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
	i.Response.Headers = model.Headers{"Content-Type": {"application/json"}, "X-Id": {"1000"}}
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
