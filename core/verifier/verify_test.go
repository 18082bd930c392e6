package verifier

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/model"
)

// A V3 pact between "web" and "orders": an interaction with a provider state
// whose callback supplies the order id (a ProviderState generator on the
// path), and one without a state.
const ordersPact = `{
  "consumer": {"name": "web"},
  "provider": {"name": "orders"},
  "interactions": [
    {
      "description": "a request for an order",
      "providerStates": [{"name": "an order exists", "params": {"customer": "ann"}}],
      "request": {"method": "GET", "path": "/orders/1",
        "generators": {"path": {"type": "ProviderState", "expression": "/orders/${id}", "dataType": "STRING"}}},
      "response": {"status": 200, "headers": {"Content-Type": "application/json"},
        "body": {"id": 1, "customer": "ann"},
        "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}}}}
    },
    {
      "description": "a health check",
      "request": {"method": "GET", "path": "/health", "query": {"verbose": ["true"]}},
      "response": {"status": 200, "body": "ok", "headers": {"Content-Type": "text/plain"}}
    }
  ],
  "metadata": {"pactSpecification": {"version": "3.0.0"}}
}`

// stateCall is one call received by the state handler.
type stateCall struct {
	State  string
	Action string
	Params map[string]any
}

// fixture is a provider and a state change handler on loopback ports.
type fixture struct {
	provider *httptest.Server
	states   *httptest.Server

	mu       sync.Mutex
	calls    []stateCall
	requests []*http.Request
	// stateStatus is what the state handler answers (0: 200).
	stateStatus int
	// customer is the value the provider puts in orders.
	customer string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{customer: "ann"}
	f.provider = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r.Clone(context.Background()))
		customer := f.customer
		f.mu.Unlock()
		switch {
		case strings.HasPrefix(r.URL.Path, "/orders/"):
			id := strings.TrimPrefix(r.URL.Path, "/orders/")
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"id": `+id+`, "customer": "`+customer+`"}`)
		case r.URL.Path == "/health":
			w.Header().Set("Content-Type", "text/plain")
			io.WriteString(w, "ok")
		case r.URL.Path == "/messages":
			serveMessage(w, r)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(f.provider.Close)
	f.states = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var c stateCall
		if r.Header.Get("Content-Type") == "application/json" {
			json.NewDecoder(r.Body).Decode(&c)
		} else {
			q := r.URL.Query()
			c.State, c.Action = q.Get("state"), q.Get("action")
			c.Params = map[string]any{}
			for k, v := range q {
				if k != "state" && k != "action" {
					c.Params[k] = v[0]
				}
			}
		}
		f.mu.Lock()
		f.calls = append(f.calls, c)
		status := f.stateStatus
		f.mu.Unlock()
		if status != 0 {
			w.WriteHeader(status)
			io.WriteString(w, "state handler exploded")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if c.State == "an order exists" && c.Action == "setup" {
			io.WriteString(w, `{"id": 42}`)
			return
		}
		io.WriteString(w, `{}`)
	}))
	t.Cleanup(f.states.Close)
	return f
}

func (f *fixture) port() int { return f.provider.Listener.Addr().(*net.TCPAddr).Port }

func (f *fixture) config(t *testing.T, pacts ...string) Config {
	t.Helper()
	cfg := Config{
		Provider:       Provider{Name: "orders", Host: "127.0.0.1", Port: f.port()},
		StateChange:    StateChange{URL: f.states.URL, Teardown: true},
		RequestTimeout: 2 * time.Second,
		NoPactsIsError: true,
	}
	for n, p := range pacts {
		path := filepath.Join(t.TempDir(), "pact"+string(rune('a'+n))+".json")
		if err := os.WriteFile(path, []byte(p), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg.Sources = append(cfg.Sources, FileSource(path))
	}
	return cfg
}

func mustVerify(t *testing.T, cfg Config) *Report {
	t.Helper()
	rep, err := Verify(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	return rep
}

func TestVerifyPasses(t *testing.T) {
	f := newFixture(t)
	rep := mustVerify(t, f.config(t, ordersPact))
	text := rep.Text()
	if !rep.Result {
		t.Fatalf("verification failed:\n%s", text)
	}
	for _, want := range []string{
		"\nVerifying a pact between web and orders",
		"  a request for an order (",
		"     Given an order exists",
		"    returns a response which",
		"      has status code 200 (OK)",
		"      includes headers",
		"        \"Content-Type\" with value \"application/json\" (OK)",
		"      has a matching body (OK)",
		"  a health check (",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Failures") {
		t.Errorf("output reports failures:\n%s", text)
	}
	// The generator used the value the state callback returned.
	if got := f.requests[0].URL.Path; got != "/orders/42" {
		t.Errorf("request path = %s, want /orders/42 (from the state callback)", got)
	}
	if got := f.requests[1].URL.RawQuery; got != "verbose=true" {
		t.Errorf("query = %q", got)
	}
	// Setup and teardown per interaction; the empty state for the one without.
	want := []stateCall{
		{"an order exists", "setup", map[string]any{"customer": "ann"}},
		{"an order exists", "teardown", map[string]any{"customer": "ann"}},
		{"", "setup", map[string]any{}},
		{"", "teardown", map[string]any{}},
	}
	if len(f.calls) != len(want) {
		t.Fatalf("state calls = %+v", f.calls)
	}
	for i := range want {
		g, _ := json.Marshal(f.calls[i])
		w, _ := json.Marshal(want[i])
		if string(g) != string(w) {
			t.Errorf("state call %d = %s, want %s", i, g, w)
		}
	}
	if len(rep.Interactions) != 2 || !rep.Interactions[0].OK {
		t.Errorf("interaction results = %+v", rep.Interactions)
	}
}

func TestVerifyStateAsQuery(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.StateChange.AsQuery = true
	cfg.StateChange.Teardown = false
	rep := mustVerify(t, cfg)
	if len(f.calls) != 2 || f.calls[0].State != "an order exists" || f.calls[0].Params["customer"] != "ann" || f.calls[0].Action != "setup" {
		t.Fatalf("state calls = %+v", f.calls)
	}
	// Without a JSON body the handler still answers {"id": 42}.
	if !rep.Result {
		t.Fatalf("failed:\n%s", rep.Text())
	}
}

func TestVerifyFailsWithReadableMismatch(t *testing.T) {
	f := newFixture(t)
	f.customer = "bob"
	rep := mustVerify(t, f.config(t, ordersPact))
	if rep.Result {
		t.Fatal("verification passed although the customer differs")
	}
	text := rep.Text()
	for _, want := range []string{
		"      has a matching body (FAILED)",
		"\nFailures:\n",
		"1) Verifying a pact between web and orders Given an order exists - a request for an order",
		"    1.1) has a matching body",
		"           $.customer -> Expected 'bob' (String) to be equal to 'ann' (String)",
		"\nThere were 1 pact failures\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Mismatches[0].Type != "BodyMismatch" {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	var doc struct {
		Result bool `json:"result"`
		Errors []struct {
			Interaction string `json:"interaction"`
			Mismatch    struct {
				Type       string           `json:"type"`
				Mismatches []map[string]any `json:"mismatches"`
			} `json:"mismatch"`
		} `json:"errors"`
		InteractionResults []map[string]any `json:"interactionResults"`
	}
	if err := json.Unmarshal(rep.JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Result || len(doc.Errors) != 1 || doc.Errors[0].Mismatch.Type != "mismatches" ||
		doc.Errors[0].Mismatch.Mismatches[0]["path"] != "$.customer" {
		t.Errorf("JSON = %s", rep.JSON())
	}
	if doc.InteractionResults[0]["result"] != "Error" || doc.InteractionResults[1]["result"] != "OK" {
		t.Errorf("interactionResults = %v", doc.InteractionResults)
	}
}

func TestVerifyStatusAndHeaderMismatch(t *testing.T) {
	f := newFixture(t)
	pact := strings.Replace(ordersPact, `"status": 200, "body": "ok", "headers": {"Content-Type": "text/plain"}`,
		`"status": 201, "body": "ok", "headers": {"Content-Type": "text/plain", "X-Version": "2"}`, 1)
	rep := mustVerify(t, f.config(t, pact))
	text := rep.Text()
	for _, want := range []string{
		"      has status code 201 (FAILED)",
		"        \"X-Version\" with value \"2\" (FAILED)",
		"    1.1) has status code 201",
		"           expected 201 but was 200",
		"    1.2) includes header 'X-Version' with value '\"2\"'",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
}

func TestVerifyColouredOutput(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.Coloured = true
	rep := mustVerify(t, cfg)
	text := rep.Text()
	if !strings.Contains(text, "\x1b[1mweb\x1b[0m") || !strings.Contains(text, "\x1b[32mOK\x1b[0m") {
		t.Errorf("no colours:\n%q", text)
	}
	if !strings.Contains(StripANSI(text), "has status code 200 (OK)") {
		t.Errorf("stripped output:\n%s", StripANSI(text))
	}
}

func TestVerifyFilters(t *testing.T) {
	cases := []struct {
		name   string
		filter Filter
		env    map[string]string
		want   []string
	}{
		{"none", Filter{}, nil, []string{"a request for an order", "a health check"}},
		{"description", Filter{Description: "health"}, nil, []string{"a health check"}},
		{"state", Filter{State: "order.*exists"}, nil, []string{"a request for an order"}},
		{"no state", Filter{NoState: true}, nil, []string{"a health check"}},
		{"description and state", Filter{Description: "order", State: "nothing"}, nil, nil},
		{"consumer", Filter{Consumers: []string{"mobile"}}, nil, nil},
		{"env description", Filter{}, map[string]string{"PACT_DESCRIPTION": "^a request"}, []string{"a request for an order"}},
		{"env no state", Filter{}, map[string]string{"PACT_PROVIDER_NO_STATE": "true"}, []string{"a health check"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			f := newFixture(t)
			cfg := f.config(t, ordersPact)
			cfg.Filter = c.filter
			cfg.NoPactsIsError = false
			rep := mustVerify(t, cfg)
			var got []string
			for _, r := range rep.Interactions {
				got = append(got, r.InteractionDescription)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("verified %q, want %q", got, c.want)
			}
		})
	}
	if _, err := Verify(context.Background(), Config{Filter: Filter{Description: "("}}); err == nil ||
		!strings.Contains(err.Error(), "invalid interaction description filter") {
		t.Errorf("bad regex: err = %v", err)
	}
}

func TestVerifyUnreachableProvider(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	cfg.Provider.Port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	start := time.Now()
	rep := mustVerify(t, cfg)
	if time.Since(start) > 3*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
	if rep.Result || len(rep.Errors) != 2 {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	msg := rep.Errors[1].Error
	if !strings.Contains(msg, "error sending request for url (http://127.0.0.1:") || !strings.Contains(msg, "connection refused") {
		t.Errorf("error = %q", msg)
	}
	if !strings.Contains(rep.Text(), "      Request Failed - error sending request for url") {
		t.Errorf("output:\n%s", rep.Text())
	}
	// Teardown still ran for both interactions after the failed request.
	if len(f.calls) != 4 {
		t.Errorf("state calls = %+v", f.calls)
	}
}

func TestVerifyHangingProviderTimesOut(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/health" {
			io.WriteString(w, "ok")
			return
		}
		<-release
	}))
	defer hang.Close()
	defer close(release)
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.Provider.Port = hang.Listener.Addr().(*net.TCPAddr).Port
	cfg.RequestTimeout = time.Second
	start := time.Now()
	rep := mustVerify(t, cfg)
	took := time.Since(start)
	if took < time.Second || took > 3*time.Second {
		t.Errorf("took %v, want about 1 s", took)
	}
	if rep.Result || len(rep.Errors) != 1 {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	if msg := rep.Errors[0].Error; !strings.Contains(msg, "operation timed out (no answer within 1000 ms)") {
		t.Errorf("error = %q", msg)
	}
	// The other interaction was still verified.
	if !rep.Interactions[1].OK {
		t.Errorf("health check: %+v", rep.Interactions[1])
	}
}

func TestVerifyStateChangeFailure(t *testing.T) {
	f := newFixture(t)
	f.stateStatus = 500
	cfg := f.config(t, ordersPact)
	start := time.Now()
	rep := mustVerify(t, cfg)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("took %v", took)
	}
	if rep.Result || len(rep.Errors) != 2 {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	e := rep.Errors[0]
	if e.Error != "One or more of the setup state change handlers has failed" {
		t.Errorf("error = %q", e.Error)
	}
	if !strings.Contains(e.Cause, "state 'an order exists': Invalid status code: 500") || !strings.Contains(e.Cause, "state handler exploded") {
		t.Errorf("cause = %q", e.Cause)
	}
	// No request reached the provider, no teardown was sent; each setup was
	// tried 3 times (2 retries).
	if len(f.requests) != 0 {
		t.Errorf("provider got %d requests", len(f.requests))
	}
	for _, c := range f.calls {
		if c.Action != "setup" {
			t.Errorf("teardown called after a failed setup: %+v", c)
		}
	}
	if len(f.calls) != 6 {
		t.Errorf("%d state calls, want 6", len(f.calls))
	}
	if !strings.Contains(rep.Text(), "1) Verifying a pact between web and orders Given an order exists - a request for an order - One or more of the setup state change handlers has failed (state 'an order exists': Invalid status code: 500") {
		t.Errorf("output:\n%s", rep.Text())
	}
}

func TestVerifyNoStateChangeURL(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.StateChange = StateChange{}
	cfg.Filter.Description = "health"
	rep := mustVerify(t, cfg)
	if !rep.Result {
		t.Fatalf("failed:\n%s", rep.Text())
	}
	cfg.Filter.Description = "order"
	rep = mustVerify(t, cfg)
	// The order interaction fails (no id from a state callback: the generator
	// cannot run and the path stays /orders/1 but the body matches), and the
	// log says the state change was skipped.
	found := false
	for _, l := range rep.Logs {
		if strings.Contains(l, "WARN State Change ignored as there is no state change URL provided for interaction") {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning in logs: %v", rep.Logs)
	}
}

func TestVerifyStateFunc(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	var got []string
	cfg.StateChange = StateChange{Teardown: true, Func: func(_ context.Context, s model.ProviderState, action string) (map[string]any, error) {
		got = append(got, action+":"+s.Name)
		return map[string]any{"id": 7}, nil
	}}
	rep := mustVerify(t, cfg)
	if !rep.Result || f.requests[0].URL.Path != "/orders/7" {
		t.Fatalf("result %v, path %s", rep.Result, f.requests[0].URL.Path)
	}
	if strings.Join(got, ",") != "setup:an order exists,teardown:an order exists,setup:,teardown:" {
		t.Errorf("calls = %v", got)
	}
}

func TestVerifyCustomHeadersAndRequestFilter(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.CustomHeaders = map[string]string{"X-Tenant": "t1"}
	cfg.RequestFilter = func(r *http.Request) error {
		r.Header.Set("Authorization", "Bearer abc")
		return nil
	}
	rep := mustVerify(t, cfg)
	if !rep.Result {
		t.Fatalf("failed:\n%s", rep.Text())
	}
	for _, r := range f.requests {
		if r.Header.Get("X-Tenant") != "t1" || r.Header.Get("Authorization") != "Bearer abc" {
			t.Errorf("headers = %v", r.Header)
		}
	}
}

func TestVerifyInvalidPactAndOthersStillVerified(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, `{"consumer": {"name": "web"}, "provider": `, ordersPact)
	rep := mustVerify(t, cfg)
	if rep.Result {
		t.Fatal("passed with an invalid pact")
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Interaction != "Failed to load pact" ||
		!strings.HasPrefix(rep.Errors[0].Error, "Failed to load pact '"+cfg.Sources[0].Path+"' - ") {
		t.Fatalf("errors = %+v", rep.Errors)
	}
	if len(rep.Interactions) != 2 || !rep.Interactions[0].OK || !rep.Interactions[1].OK {
		t.Errorf("the valid pact was not verified: %+v", rep.Interactions)
	}
	missing := f.config(t)
	missing.Sources = []Source{FileSource(filepath.Join(t.TempDir(), "nope.json"))}
	rep = mustVerify(t, missing)
	if rep.Result || !strings.Contains(rep.Errors[0].Error, "no such file or directory") {
		t.Errorf("missing file: %+v", rep.Errors)
	}
}

func TestVerifyDirectoryAndNoPacts(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "web-orders.json"), []byte(ordersPact), 0o644)
	os.WriteFile(filepath.Join(dir, "other.json"), []byte(strings.Replace(ordersPact, `"orders"}`, `"billing"}`, 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("not a pact"), 0o644)
	cfg := f.config(t)
	cfg.Sources = []Source{DirSource(dir)}
	rep := mustVerify(t, cfg)
	if !rep.Result || len(rep.Interactions) != 2 {
		t.Fatalf("dir: result %v, %d interactions\n%s", rep.Result, len(rep.Interactions), rep.Text())
	}

	// An empty directory (or no source) passes, with or without
	// NoPactsIsError, as in pact_verifier, which fails only for a broker with
	// no pacts.
	empty := t.TempDir()
	for _, sources := range [][]Source{{DirSource(empty)}, nil} {
		for _, noPactsIsError := range []bool{true, false} {
			cfg.Sources, cfg.NoPactsIsError = sources, noPactsIsError
			rep = mustVerify(t, cfg)
			if !rep.Result || len(rep.Errors) != 0 || len(rep.Interactions) != 0 {
				t.Errorf("no pacts (sources %v, NoPactsIsError %v): result %v, errors %+v", sources, noPactsIsError, rep.Result, rep.Errors)
			}
		}
	}
}

func TestVerifyURLSource(t *testing.T) {
	f := newFixture(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "user" || p != "pass" {
			w.WriteHeader(401)
			io.WriteString(w, `{"error": "unauthorised"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, ordersPact)
	}))
	defer srv.Close()
	cfg := f.config(t)
	cfg.Sources = []Source{URLSource(srv.URL+"/pact.json", basicAuth("user", "pass"))}
	rep := mustVerify(t, cfg)
	if !rep.Result || len(rep.Interactions) != 2 {
		t.Fatalf("url: %v\n%s", rep.Errors, rep.Text())
	}
	cfg.Sources = []Source{URLSource(srv.URL+"/pact.json", basicAuth("user", "wrong"))}
	rep = mustVerify(t, cfg)
	if rep.Result || !strings.Contains(rep.Errors[0].Error, "401") {
		t.Errorf("url 401: %+v", rep.Errors)
	}
}

// A V3 message pact and a V4 pact with a synchronous message and a pending
// HTTP interaction.
const messagePact = `{
  "consumer": {"name": "worker"},
  "provider": {"name": "orders"},
  "messages": [
    {
      "description": "an order created event",
      "providerStates": [{"name": "an order exists"}],
      "contents": {"id": 10, "status": "NEW"},
      "metadata": {"contentType": "application/json", "topic": "orders"},
      "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}},
        "metadata": {"topic": {"matchers": [{"match": "regex", "regex": "ord.*"}]}}}
    },
    {
      "description": "a broken event",
      "contents": {"id": 10, "status": "SHIPPED"},
      "metadata": {"contentType": "application/json"}
    }
  ],
  "metadata": {"pactSpecification": {"version": "3.0.0"}}
}`

func serveMessage(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Description    string           `json:"description"`
		ProviderStates []map[string]any `json:"providerStates"`
		Request        map[string]any   `json:"request"`
	}
	json.NewDecoder(r.Body).Decode(&req)
	md, _ := json.Marshal(map[string]any{"topic": "orders.v1"})
	w.Header().Set("Pact-Message-Metadata", base64.StdEncoding.EncodeToString(md))
	w.Header().Set("Content-Type", "application/json")
	switch req.Description {
	case "an order created event", "a broken event":
		io.WriteString(w, `{"id": 99, "status": "NEW"}`)
	case "a quote":
		contents, _ := req.Request["contents"].(map[string]any)
		content, _ := contents["content"].(map[string]any)
		io.WriteString(w, `{"price": 12, "item": "`+content["item"].(string)+`"}`)
	default:
		w.WriteHeader(404)
	}
}

func TestVerifyMessages(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, messagePact)
	cfg.Provider.Transports = []Transport{{Protocol: "message", Port: f.port(), Path: "/messages"}}
	rep := mustVerify(t, cfg)
	text := rep.Text()
	if rep.Result || len(rep.Errors) != 1 {
		t.Fatalf("errors = %+v\n%s", rep.Errors, text)
	}
	if !rep.Interactions[0].OK {
		t.Errorf("the event failed: %+v", rep.Interactions[0])
	}
	for _, want := range []string{
		"    generates a message which",
		"      includes metadata",
		"        \"topic\" with value \"orders\" (OK)",
		"      has a matching body (OK)",
		"1) Verifying a pact between worker and orders - a broken event",
		"    1.1) has a matching body",
		"$.status -> Expected 'NEW' (String) to be equal to 'SHIPPED' (String)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	// The provider was asked with the description and the states.
	if got := f.calls[0]; got.State != "an order exists" {
		t.Errorf("state calls = %+v", f.calls)
	}
}

const v4Pact = `{
  "consumer": {"name": "app"},
  "provider": {"name": "orders"},
  "interactions": [
    {
      "type": "Synchronous/Messages",
      "description": "a quote",
      "key": "q1",
      "request": {"contents": {"content": {"item": "tea"}, "contentType": "application/json"}},
      "response": [{"contents": {"content": {"price": 12, "item": "tea"}, "contentType": "application/json"},
        "matchingRules": {"body": {"$.price": {"combine": "AND", "matchers": [{"match": "integer"}]}}}}],
      "comments": {"testname": "quotes_test", "text": ["priced in pence"]}
    },
    {
      "type": "Synchronous/HTTP",
      "description": "a new endpoint",
      "key": "n1",
      "pending": true,
      "request": {"method": "GET", "path": "/v2/new"},
      "response": {"status": 200}
    }
  ],
  "metadata": {"pactSpecification": {"version": "4.0"}}
}`

func TestVerifyV4SyncMessageAndPending(t *testing.T) {
	f := newFixture(t)
	cfg := f.config(t, v4Pact)
	cfg.Provider.Transports = []Transport{{Protocol: "message", Port: f.port(), Path: "/messages"}}
	rep := mustVerify(t, cfg)
	text := rep.Text()
	if !rep.Result {
		t.Fatalf("a pending failure failed the run:\n%s", text)
	}
	if len(rep.PendingErrors) != 1 || len(rep.Errors) != 0 || !rep.Interactions[0].OK {
		t.Fatalf("pending %+v errors %+v results %+v", rep.PendingErrors, rep.Errors, rep.Interactions)
	}
	for _, want := range []string{
		"  a new endpoint (",
		"verification) [PENDING]",
		"\n  Test Name: quotes_test",
		"\n  Comments:",
		"priced in pence",
		"\nPending Failures:\n",
		"    1.1) has status code 200",
		"There were 1 non-fatal pact failures on pending pacts or interactions (see docs.pact.io/pending for more information)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	var doc map[string]any
	json.Unmarshal(rep.JSON(), &doc)
	res := doc["interactionResults"].([]any)
	if res[0].(map[string]any)["interactionKey"] != "q1" || doc["result"] != true || len(doc["pendingErrors"].([]any)) != 1 {
		t.Errorf("JSON = %s", rep.JSON())
	}
}

func TestJUnitReport(t *testing.T) {
	f := newFixture(t)
	f.customer = "bob"
	cfg := f.config(t, ordersPact)
	cfg.JUnitFile = filepath.Join(t.TempDir(), "junit.xml")
	mustVerify(t, cfg)
	data, err := os.ReadFile(cfg.JUnitFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc junitSuites
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if doc.Tests != 2 || doc.Failures != 1 || len(doc.Suites) != 1 || doc.Suites[0].Cases[0].Failure == nil ||
		!strings.Contains(doc.Suites[0].Cases[0].Failure.Text, "$.customer -> Expected 'bob'") {
		t.Errorf("junit:\n%s", data)
	}
}

func TestDurations(t *testing.T) {
	for _, c := range []struct {
		d           time.Duration
		human, rust string
	}{
		{0, "0s", "0ns"},
		{12 * time.Millisecond, "12ms", "12ms"},
		{1500 * time.Millisecond, "1s 500ms", "1.5s"},
		{62 * time.Second, "1m 2s", "62s"},
		{250 * time.Microsecond, "250us", "250µs"},
	} {
		if got := humanDuration(c.d); got != c.human {
			t.Errorf("humanDuration(%v) = %q, want %q", c.d, got, c.human)
		}
		if got := rustDuration(c.d); got != c.rust {
			t.Errorf("rustDuration(%v) = %q, want %q", c.d, got, c.rust)
		}
	}
}

func TestJoinPaths(t *testing.T) {
	for _, c := range [][3]string{
		{"http://h:1/", "/a", "http://h:1/a"},
		{"http://h:1/base/", "/a/b", "http://h:1/base/a/b"},
		{"http://h:1/base", "/", "http://h:1/base"},
		{"http://h:1", "", "http://h:1/"},
		{"", "", "/"},
	} {
		if got := joinPaths(c[0], c[1]); got != c[2] {
			t.Errorf("joinPaths(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}

func basicAuth(u, p string) (a brokerAuth) { a.Username, a.Password = u, p; return a }

type brokerAuth = broker.Auth

func TestVerifyHangingStateChange(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer hang.Close()
	defer close(release)
	f := newFixture(t)
	cfg := f.config(t, ordersPact)
	cfg.StateChange.URL = hang.URL
	cfg.Filter.Description = "order"
	cfg.RequestTimeout = time.Second
	start := time.Now()
	rep := mustVerify(t, cfg)
	if took := time.Since(start); took > 2500*time.Millisecond {
		t.Errorf("took %v: a hanging state handler must fail within the timeout, without retries", took)
	}
	if rep.Result || rep.Errors[0].Error != "One or more of the setup state change handlers has failed" ||
		!strings.Contains(rep.Errors[0].Cause, "operation timed out (no answer within 1000 ms)") {
		t.Errorf("errors = %+v", rep.Errors)
	}
}

func TestEscapeRawQuery(t *testing.T) {
	for in, want := range map[string]string{
		"a=1&b=2":          "a=1&b=2",
		"a=hello world":    "a=hello%20world",
		"x=é&y=%2F":        "x=%C3%A9&y=%2F",
		"q={\"a\"}#frag|x": "q=%7B%22a%22%7D%23frag%7Cx",
	} {
		if got := escapeRawQuery(in); got != want {
			t.Errorf("escapeRawQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerifyPluginTransport(t *testing.T) {
	f := newFixture(t)
	pact := strings.Replace(v4Pact, `"key": "n1",`, `"key": "n1", "transport": "grpc",`, 1)
	cfg := f.config(t, pact)
	cfg.Provider.Transports = []Transport{{Protocol: "message", Port: f.port(), Path: "/messages"}, {Protocol: "grpc", Port: 1}}
	rep := mustVerify(t, cfg)
	if len(rep.PendingErrors) != 1 || !strings.Contains(rep.PendingErrors[0].Error, "interaction uses the 'grpc' transport, which needs a plugin") {
		t.Errorf("pending errors = %+v", rep.PendingErrors)
	}
}
