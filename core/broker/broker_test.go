package broker_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tidwall/gjson"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/broker/brokertest"
)

const provider = "Orders"

// pactJSON is a one-interaction pact whose description names it.
func pactJSON(consumer, desc string) []byte {
	return []byte(fmt.Sprintf(`{"consumer":{"name":%q},"provider":{"name":%q},
"interactions":[{"description":%q,"request":{"method":"GET","path":"/orders"},"response":{"status":200}}],
"metadata":{"pactSpecification":{"version":"3.0.0"}}}`, consumer, provider, desc))
}

// clock is a settable clock for the stand-in.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// world is a stand-in with pacts published through the client:
//
//	Web    1 (main, tag prod, deployed)  "web 1"   published 2024-01-10
//	Web    2 (feat-x)                     "web 2"   published 2024-03-01
//	Mobile 7 (main)                       "mobile 7" published 2024-01-10
func world(t *testing.T, opts ...brokertest.Option) (*brokertest.Broker, *broker.Client) {
	t.Helper()
	clk := &clock{t: time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)}
	b := brokertest.New(append([]brokertest.Option{brokertest.WithClock(clk.now)}, opts...)...)
	t.Cleanup(b.Close)
	c := broker.New(b.URL, broker.Auth{}, broker.WithBackoff(time.Millisecond))
	ctx := context.Background()
	publish := func(r broker.PublishRequest) {
		t.Helper()
		resp, err := c.PublishContracts(ctx, r)
		if err != nil {
			t.Fatalf("PublishContracts: %v", err)
		}
		if len(resp.Notices) == 0 {
			t.Errorf("PublishContracts: no notices in %s", resp.Body)
		}
	}
	publish(broker.PublishRequest{ConsumerVersion: "1", Branch: "main", Tags: []string{"prod"},
		BuildURL: "http://ci/1", Pacts: [][]byte{pactJSON("Web", "web 1")}})
	publish(broker.PublishRequest{ConsumerVersion: "7", Branch: "main", Pacts: [][]byte{pactJSON("Mobile", "mobile 7")}})
	clk.set(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC))
	publish(broker.PublishRequest{Pacticipant: "Web", ConsumerVersion: "2", Branch: "feat-x", Pacts: [][]byte{pactJSON("Web", "web 2")}})
	if err := b.MarkDeployed("Web", "1"); err != nil {
		t.Fatal(err)
	}
	return b, c
}

// got summarises pacts as "desc[flags]" sorted: P pending, W wip.
func got(t *testing.T, pacts []broker.PactForVerification) []string {
	t.Helper()
	var out []string
	for _, p := range pacts {
		if p.Err != nil {
			t.Fatalf("pact %s: %v", p.URL, p.Err)
		}
		s := gjson.GetBytes(p.Pact, "interactions.0.description").String()
		if p.Pending {
			s += " P"
		}
		if p.WIP {
			s += " W"
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestSelectors(t *testing.T) {
	_, c := world(t)
	sel := func(s ...map[string]any) []map[string]any { return s }
	cases := []struct {
		name      string
		selectors []map[string]any
		want      []string
	}{
		{"mainBranch", sel(map[string]any{"mainBranch": true}), []string{"mobile 7", "web 1"}},
		{"deployedOrReleased", sel(map[string]any{"deployedOrReleased": true}), []string{"web 1"}},
		{"deployed", sel(map[string]any{"deployed": true}), []string{"web 1"}},
		{"released", sel(map[string]any{"released": true}), nil},
		{"consumer latest", sel(map[string]any{"consumer": "Web", "latest": true}), []string{"web 2"}},
		{"branch", sel(map[string]any{"branch": "feat-x"}), []string{"web 2"}},
		{"branch with consumer", sel(map[string]any{"branch": "main", "consumer": "Mobile"}), []string{"mobile 7"}},
		{"tag latest", sel(map[string]any{"tag": "prod", "latest": true}), []string{"web 1"}},
		{"fallback tag", sel(map[string]any{"tag": "nope", "fallbackTag": "prod", "latest": true}), []string{"web 1"}},
		{"latest of each", sel(map[string]any{"latest": true}), []string{"mobile 7", "web 2"}},
		{"merged", sel(map[string]any{"mainBranch": true}, map[string]any{"deployedOrReleased": true}), []string{"mobile 7", "web 1"}},
		{"default", nil, []string{"mobile 7", "web 1"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pacts, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: provider, ConsumerVersionSelectors: tc.selectors})
			if err != nil {
				t.Fatal(err)
			}
			if g := got(t, pacts); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got %q, want %q", g, tc.want)
			}
			for _, p := range pacts {
				if p.PublishResultsURL == "" || p.ShortDescription == "" || len(p.Notices) == 0 || p.Notices[0].When != "before_verification" {
					t.Errorf("pact %s: publish URL %q, description %q, notices %v", p.URL, p.PublishResultsURL, p.ShortDescription, p.Notices)
				}
				if gjson.GetBytes(p.Pact, "interactions.0._id").String() == "" {
					t.Errorf("pact %s: interaction has no _id", p.URL)
				}
			}
		})
	}
}

// TestPendingAndWIP walks a provider through verifications and checks the
// pending and WIP flags after each.
func TestPendingAndWIP(t *testing.T) {
	b, c := world(t)
	ctx := context.Background()
	query := func(branch string, since string) []broker.PactForVerification {
		t.Helper()
		pacts, err := c.PactsForVerification(ctx, broker.Selection{
			Provider: provider, ConsumerVersionSelectors: []map[string]any{{"mainBranch": true}},
			ProviderVersionBranch: branch, IncludePendingStatus: true, IncludeWipPactsSince: since,
		})
		if err != nil {
			t.Fatal(err)
		}
		return pacts
	}
	check := func(step string, pacts []broker.PactForVerification, want ...string) {
		t.Helper()
		if g := got(t, pacts); !reflect.DeepEqual(g, want) {
			t.Errorf("%s: got %q, want %q", step, g, want)
		}
	}
	find := func(pacts []broker.PactForVerification, desc string) broker.PactForVerification {
		for _, p := range pacts {
			if gjson.GetBytes(p.Pact, "interactions.0.description").String() == desc {
				return p
			}
		}
		t.Fatalf("no pact %q", desc)
		return broker.PactForVerification{}
	}
	publish := func(p broker.PactForVerification, ok bool, version, branch string) {
		t.Helper()
		id := gjson.GetBytes(p.Pact, "interactions.0._id").String()
		tr := broker.TestResult{InteractionID: id, Success: ok}
		if !ok {
			tr.Mismatches = []broker.TestMismatch{{Attribute: "status", Description: "expected status of 200 but was 500"}}
		}
		err := c.PublishVerificationResults(ctx, p.PublishResultsURL, broker.Result{
			Success: ok, ProviderApplicationVersion: version, ProviderBranch: branch,
			Provider: provider, PactLinks: p.Links, TestResults: []broker.TestResult{tr},
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	// Nothing verified yet: everything pending; web 2 (feat-x, published
	// 2024-03-01) is WIP since February but not since April.
	pacts := query("main", "2024-02-01")
	check("start", pacts, "mobile 7 P", "web 1 P", "web 2 P W")
	check("start, WIP since April", query("main", "2024-04-01"), "mobile 7 P", "web 1 P")
	for _, p := range pacts {
		var pendingNotice bool
		for _, n := range p.Notices {
			pendingNotice = pendingNotice || strings.Contains(n.Text, "pending") && n.When == "before_verification"
		}
		if !pendingNotice {
			t.Errorf("%s: no pending notice in %v", p.URL, p.Notices)
		}
	}

	// web 1 verified by provider main: no longer pending for main, nor for a
	// provider feature branch (main counts).
	publish(find(pacts, "web 1"), true, "100", "main")
	check("web 1 ok on main", query("main", "2024-02-01"), "mobile 7 P", "web 1", "web 2 P W")
	check("web 1 ok on main, asked for feat-p", query("feat-p", ""), "mobile 7 P", "web 1")

	// A failed WIP verification leaves it WIP; a success from a provider
	// feature branch only counts for that branch.
	publish(find(pacts, "web 2"), false, "101", "main")
	publish(find(pacts, "mobile 7"), true, "200", "feat-p")
	check("after failure and feature success, main", query("main", "2024-02-01"), "mobile 7 P", "web 1", "web 2 P W")
	check("after feature success, feat-p", query("feat-p", "2024-02-01"), "mobile 7", "web 1", "web 2 P W")

	// Once web 2 is verified on main it is neither pending nor WIP.
	publish(find(pacts, "web 2"), true, "102", "main")
	check("web 2 ok", query("main", "2024-02-01"), "mobile 7 P", "web 1")

	// The results arrived, with the provider versions' branches recorded.
	res := b.Results()
	if len(res) != 4 {
		t.Fatalf("got %d results, want 4: %+v", len(res), res)
	}
	first := res[0]
	if first.Consumer != "Web" || first.Provider != provider || first.ProviderVersion != "100" || !first.Success ||
		len(first.TestResults) != 1 || first.TestResults[0].InteractionID == "" || !first.TestResults[0].Success {
		t.Errorf("first result: %+v", first)
	}
	if r := res[1]; r.Success || len(r.TestResults) != 1 || len(r.TestResults[0].Mismatches) != 1 {
		t.Errorf("failed result: %+v", r)
	}
	var body map[string]any
	json.Unmarshal(first.Body, &body)
	if vb, _ := body["verifiedBy"].(map[string]any); vb["implementation"] != "libpact" || vb["version"] != broker.Version {
		t.Errorf("verifiedBy = %v", body["verifiedBy"])
	}
	var puts []string
	for _, r := range b.Requests() {
		if r.Method == "PUT" {
			puts = append(puts, r.Path)
		}
	}
	if len(puts) != 4 || puts[0] != "/pacticipants/Orders/branches/main/versions/100" {
		t.Errorf("PUT requests = %q", puts)
	}
}

func TestProviderTags(t *testing.T) {
	b, c := world(t)
	ctx := context.Background()
	sel := broker.Selection{Provider: provider, ConsumerVersionSelectors: []map[string]any{{"consumer": "Mobile", "latest": true}},
		ProviderVersionTags: []string{"prod"}, IncludePendingStatus: true}
	pacts, err := c.PactsForVerification(ctx, sel)
	if err != nil || len(pacts) != 1 || !pacts[0].Pending {
		t.Fatalf("before: %+v, %v", pacts, err)
	}
	// No pb:provider link in PactLinks: the index's pb:pacticipant is used.
	err = c.PublishVerificationResults(ctx, pacts[0].PublishResultsURL, broker.Result{
		Success: true, ProviderApplicationVersion: "3", ProviderTags: []string{"prod", "eu"}, Provider: provider,
		BuildURL: "http://ci/9", VerifiedBy: broker.VerifiedBy{Implementation: "pact-python", Version: "3.0.0"},
	})
	if err != nil {
		t.Fatal(err)
	}
	pacts, err = c.PactsForVerification(ctx, sel)
	if err != nil || len(pacts) != 1 || pacts[0].Pending {
		t.Fatalf("after: %+v, %v", pacts, err)
	}
	body := string(b.Results()[0].Body)
	for _, want := range []string{`"buildUrl":"http://ci/9"`, `"implementation":"pact-python"`, `"testResults":[]`} {
		if !strings.Contains(body, want) {
			t.Errorf("result body %s lacks %s", body, want)
		}
	}
}

func TestAuth(t *testing.T) {
	cases := []struct {
		name    string
		broker  brokertest.Option
		auth    broker.Auth
		wantErr bool
	}{
		{"token ok", brokertest.WithToken("s3cret"), broker.TokenAuth("s3cret"), false},
		{"token wrong", brokertest.WithToken("s3cret"), broker.TokenAuth("nope"), true},
		{"token missing", brokertest.WithToken("s3cret"), broker.Auth{}, true},
		{"basic ok", brokertest.WithBasicAuth("pact", "pw"), broker.BasicAuth("pact", "pw"), false},
		{"basic wrong", brokertest.WithBasicAuth("pact", "pw"), broker.BasicAuth("pact", "x"), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := brokertest.New(tc.broker)
			defer b.Close()
			if err := b.AddPact("1", "main", nil, pactJSON("Web", "web 1")); err != nil {
				t.Fatal(err)
			}
			c := broker.New(b.URL, tc.auth, broker.WithBackoff(time.Millisecond))
			pacts, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: provider})
			if !tc.wantErr {
				if err != nil || len(pacts) != 1 || pacts[0].Err != nil {
					t.Fatalf("got %+v, %v", pacts, err)
				}
				return
			}
			want := "GET " + b.URL + ": pact broker answered 401 Unauthorized: {\"error\":\"Unauthorized: missing or wrong credentials\"}"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("error %v\nwant it to contain %s", err, want)
			}
			var be *broker.Error
			if !errors.As(err, &be) || be.StatusCode != 401 || be.Attempts != 1 {
				t.Errorf("error %#v: want a *broker.Error with status 401 after 1 attempt", be)
			}
			if n := len(b.Requests()); n != 1 {
				t.Errorf("%d requests: a 401 must not be retried", n)
			}
		})
	}
}

func TestFailures(t *testing.T) {
	sel := broker.Selection{Provider: provider}
	t.Run("500 then success", func(t *testing.T) {
		b, _ := world(t)
		c := broker.New(b.URL, broker.Auth{}, broker.WithBackoff(time.Millisecond))
		before := len(b.Requests())
		b.Fail(brokertest.Status500, 2)
		pacts, err := c.PactsForVerification(context.Background(), sel)
		if err != nil || len(pacts) != 2 {
			t.Fatalf("got %d pacts, %v", len(pacts), err)
		}
		if n := len(b.Requests()) - before; n != 3+1+1+2 { // index x3, GET and POST for-verification, 2 pacts
			t.Errorf("%d requests, want 7", n)
		}
	})
	t.Run("500 always", func(t *testing.T) {
		b, _ := world(t)
		c := broker.New(b.URL, broker.Auth{}, broker.WithBackoff(time.Millisecond), broker.WithRetries(3))
		before := len(b.Requests())
		b.Fail(brokertest.Status500, -1)
		_, err := c.PactsForVerification(context.Background(), sel)
		want := `pact broker answered 500 Internal Server Error: {"error":{"message":"brokertest: induced failure"}} (after 3 attempts)`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v\nwant it to contain %s", err, want)
		}
		if n := len(b.Requests()) - before; n != 3 {
			t.Errorf("%d requests, want 3", n)
		}
	})
	t.Run("backoff doubles", func(t *testing.T) {
		b := brokertest.New()
		defer b.Close()
		b.Fail(brokertest.Status500, -1)
		c := broker.New(b.URL, broker.Auth{}, broker.WithBackoff(40*time.Millisecond), broker.WithRetries(3))
		start := time.Now()
		_, err := c.Index(context.Background())
		if d := time.Since(start); err == nil || d < 120*time.Millisecond || d > 2*time.Second {
			t.Errorf("took %v (want 40+80 ms of back-off), error %v", d, err)
		}
	})
	t.Run("hang", func(t *testing.T) {
		b, _ := world(t)
		c := broker.New(b.URL, broker.Auth{}, broker.WithTimeout(150*time.Millisecond), broker.WithRetries(2), broker.WithBackoff(time.Millisecond))
		b.Fail(brokertest.Hang, -1)
		start := time.Now()
		_, err := c.PactsForVerification(context.Background(), sel)
		elapsed := time.Since(start)
		want := "GET " + b.URL + ": no answer from the pact broker after 2 attempts: no answer within 150ms"
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v\nwant it to contain %s", err, want)
		}
		var be *broker.Error
		if !errors.As(err, &be) || !be.Timeout() {
			t.Errorf("want a timeout *broker.Error, got %#v", err)
		}
		if elapsed > 2*time.Second {
			t.Errorf("took %v", elapsed)
		}
	})
	t.Run("hang, caller's deadline", func(t *testing.T) {
		b, c := world(t)
		b.Fail(brokertest.Hang, -1)
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.PublishContracts(ctx, broker.PublishRequest{ConsumerVersion: "3", Pacts: [][]byte{pactJSON("Web", "web 3")}})
		if err == nil || !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
			t.Fatalf("after %v: %v", time.Since(start), err)
		}
	})
	t.Run("500, then the caller's deadline during back-off", func(t *testing.T) {
		b := brokertest.New()
		defer b.Close()
		b.Fail(brokertest.Status500, -1)
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		_, err := broker.New(b.URL, broker.Auth{}, broker.WithBackoff(10*time.Second)).Index(ctx)
		want := `gave up (context deadline exceeded) after 1 attempt; the pact broker last answered 500 Internal Server Error: {"error":{"message":"brokertest: induced failure"}}`
		if err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("error %v\nwant it to contain %s", err, want)
		}
	})
	t.Run("invalid JSON", func(t *testing.T) {
		b := brokertest.New()
		defer b.Close()
		b.Fail(brokertest.InvalidJSON, -1)
		c := broker.New(b.URL, broker.Auth{})
		_, err := c.PactsForVerification(context.Background(), sel)
		want := `pact broker answered 200 OK with a body that is not valid JSON (unexpected EOF): {"_links": {"self": {"href":`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v\nwant it to contain %s", err, want)
		}
		if n := len(b.Requests()); n != 1 {
			t.Errorf("%d requests: invalid JSON is not retried", n)
		}
	})
	t.Run("connection refused", func(t *testing.T) {
		b := brokertest.New()
		url := b.URL
		b.Close()
		c := broker.New(url, broker.Auth{}, broker.WithBackoff(time.Millisecond))
		_, err := c.PactsForVerification(context.Background(), sel)
		if err == nil || !strings.Contains(err.Error(), "no answer from the pact broker after 3 attempts") || !strings.Contains(err.Error(), "refused") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("bad selector quoted", func(t *testing.T) {
		_, c := world(t)
		_, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: provider,
			ConsumerVersionSelectors: []map[string]any{{"mainBranch": true}, {"colour": "blue"}}})
		want := `pact broker answered 400 Bad Request: {"errors":{"consumerVersionSelectors":["selector 2: unknown key \"colour\""]}}`
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Fatalf("error %v\nwant it to contain %s", err, want)
		}
	})
	t.Run("unknown provider", func(t *testing.T) {
		_, c := world(t)
		_, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: "Nobody"})
		if err == nil || !strings.Contains(err.Error(), "404 Not Found") || !strings.Contains(err.Error(), `"Nobody"`) {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("bad base URL", func(t *testing.T) {
		c := broker.New("ftp://x", broker.Auth{})
		if _, err := c.Index(context.Background()); err == nil || !strings.Contains(err.Error(), "invalid pact broker URL") {
			t.Fatalf("error %v", err)
		}
	})
}

func TestPublishErrors(t *testing.T) {
	b := brokertest.New()
	defer b.Close()
	c := broker.New(b.URL, broker.Auth{})
	ctx := context.Background()
	cases := []struct {
		name string
		req  broker.PublishRequest
		want string
	}{
		{"no version", broker.PublishRequest{Pacts: [][]byte{pactJSON("Web", "x")}}, "no consumer version given"},
		{"no pacts", broker.PublishRequest{ConsumerVersion: "1"}, "no pacts given"},
		{"not JSON", broker.PublishRequest{ConsumerVersion: "1", Pacts: [][]byte{[]byte("{")}}, "pact 1 is not valid JSON"},
		{"no names", broker.PublishRequest{ConsumerVersion: "1", Pacts: [][]byte{[]byte("{}")}}, "pact 1 has no consumer.name or provider.name"},
		{"broker refuses", broker.PublishRequest{Pacticipant: "Other", ConsumerVersion: "1", Pacts: [][]byte{pactJSON("Web", "x")}},
			`pact broker answered 400 Bad Request: {"errors":{"contracts[0].consumerName":["must match pacticipantName \"Other\""]}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.PublishContracts(ctx, tc.req)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v\nwant it to contain %s", err, tc.want)
			}
		})
	}
	if err := c.PublishVerificationResults(ctx, "", broker.Result{ProviderApplicationVersion: "1"}); err == nil ||
		!strings.Contains(err.Error(), "no 'pb:publish-verification-results' link") {
		t.Errorf("empty publish URL: %v", err)
	}
	if err := c.PublishVerificationResults(ctx, b.URL+"/x", broker.Result{}); err == nil ||
		!strings.Contains(err.Error(), "no provider application version") {
		t.Errorf("no version: %v", err)
	}
}

// TestFallback acts as a broker without pacts for verification.
func TestFallback(t *testing.T) {
	_, c := world(t, brokertest.WithoutRelations("pb:provider-pacts-for-verification"))
	ctx := context.Background()
	cases := []struct {
		name      string
		selectors []map[string]any
		want      []string
		wantErr   string
	}{
		{"latest", nil, []string{"mobile 7", "web 2"}, ""},
		{"tag", []map[string]any{{"tag": "prod", "latest": true}}, []string{"web 1"}, ""},
		{"consumer", []map[string]any{{"consumer": "Mobile", "latest": true}}, []string{"mobile 7"}, ""},
		{"unknown tag", []map[string]any{{"tag": "nope", "latest": true}}, nil, ""},
		{"mainBranch", []map[string]any{{"mainBranch": true}}, nil, `selector {"mainBranch":true} cannot be expressed without it`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pacts, err := c.PactsForVerification(ctx, broker.Selection{Provider: provider, ConsumerVersionSelectors: tc.selectors})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if g := got(t, pacts); !reflect.DeepEqual(g, tc.want) {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

func TestFetchPact(t *testing.T) {
	b, c := world(t)
	pacts, err := c.PactsForVerification(context.Background(), broker.Selection{Provider: provider,
		ConsumerVersionSelectors: []map[string]any{{"consumer": "Mobile", "latest": true}}})
	if err != nil || len(pacts) != 1 {
		t.Fatal(pacts, err)
	}
	// A webhook's pact URL, with a client that knows no broker URL.
	body, links, err := broker.New("", broker.Auth{}).FetchPact(context.Background(), pacts[0].URL)
	if err != nil {
		t.Fatal(err)
	}
	if gjson.GetBytes(body, "consumer.name").String() != "Mobile" || links.Href("pb:publish-verification-results") != pacts[0].PublishResultsURL {
		t.Errorf("body %s links %v", body, links)
	}
	// A relative URL is taken against the broker URL.
	rel := strings.TrimPrefix(pacts[0].URL, b.URL)
	if _, _, err := c.FetchPact(context.Background(), rel); err != nil {
		t.Errorf("relative %s: %v", rel, err)
	}
	if _, _, err := c.FetchPact(context.Background(), b.URL+"/pacts/provider/Orders/consumer/Mobile/pact-version/0000"); err == nil ||
		!strings.Contains(err.Error(), `pact broker answered 404 Not Found: {"error":"pact not found"}`) {
		t.Errorf("missing pact: %v", err)
	}
}

// conformanceDir finds the shared conformance data ($PACT_CONFORMANCE_DIR, or
// ../shared/conformance next to the repository root).
func conformanceDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("PACT_CONFORMANCE_DIR"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "..", "shared", "conformance")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
}

// TestCompatibilitySuiteRequests checks the requests against the broker
// pacts of the compatibility suite (fixtures/pact-broker_c1.json and c2).
func TestCompatibilitySuiteRequests(t *testing.T) {
	dir := filepath.Join(conformanceDir(t), "compatibility-suite", "fixtures")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("compatibility suite fixtures not found at %s (set PACT_CONFORMANCE_DIR)", dir)
	}
	b, c := world(t)
	ctx := context.Background()
	pacts, err := c.PactsForVerification(ctx, broker.Selection{Provider: provider})
	if err != nil {
		t.Fatal(err)
	}
	var pfvBody []byte
	for _, r := range b.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.Path, "/for-verification") {
			pfvBody = r.Body
		}
	}
	if err := c.PublishVerificationResults(ctx, pacts[0].PublishResultsURL, broker.Result{Success: true, ProviderApplicationVersion: "0.0.0",
		TestResults: []broker.TestResult{{InteractionID: "ID1", Success: true}}}); err != nil {
		t.Fatal(err)
	}
	resultBody := b.Results()[0].Body
	for _, name := range []string{"pact-broker_c1.json", "pact-broker_c2.json"} {
		fixture, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want := gjson.GetBytes(fixture, `interactions.#(description=="a request for the provider pacts").request.body.content`).Raw
		if !jsonEqual(t, want, string(pfvBody)) {
			t.Errorf("%s: pacts for verification body %s, fixture expects %s", name, pfvBody, want)
		}
		wantKeys := keys(gjson.GetBytes(fixture, `interactions.#(description%"publish verification results*").request.body.content`))
		if gotKeys := keys(gjson.ParseBytes(resultBody)); !reflect.DeepEqual(gotKeys, wantKeys) {
			t.Errorf("%s: verification result keys %v, fixture has %v", name, gotKeys, wantKeys)
		}
	}
}

func jsonEqual(t *testing.T, a, b string) bool {
	var x, y any
	if err := json.Unmarshal([]byte(a), &x); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal([]byte(b), &y); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(x, y)
}

func keys(r gjson.Result) []string {
	var out []string
	r.ForEach(func(k, _ gjson.Result) bool { out = append(out, k.String()); return true })
	sort.Strings(out)
	return out
}

func TestNotJSONContentType(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>Login</body></html>")
	}))
	defer srv.Close()
	_, err := broker.New(srv.URL, broker.Auth{}).Index(context.Background())
	want := `pact broker answered 200 OK with content type "text/html", not JSON: <html><body>Login</body></html>`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v\nwant it to contain %s", err, want)
	}
}

func TestFetchPactPlainText(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/bad" {
			fmt.Fprint(w, "<html>")
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		doc := strings.Replace(string(pactJSON("Web", "raw")), "{", `{"_links":{"pb:publish-verification-results":{"href":"results"}},`, 1)
		fmt.Fprint(w, doc)
	}))
	defer srv.Close()
	c := broker.New("", broker.Auth{})
	body, links, err := c.FetchPact(context.Background(), srv.URL+"/pact.json")
	if err != nil || gjson.GetBytes(body, "interactions.0.description").String() != "raw" ||
		links.Href("pb:publish-verification-results") != srv.URL+"/results" {
		t.Fatalf("got %s %v %v", body, links, err)
	}
	_, _, err = c.FetchPact(context.Background(), srv.URL+"/bad")
	if err == nil || !strings.Contains(err.Error(), "not valid JSON") || !strings.Contains(err.Error(), "<html>") {
		t.Fatalf("error %v", err)
	}
}

func TestUnexpectedPactsDocument(t *testing.T) {
	var srvURL string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/" {
			fmt.Fprintf(w, `{"_links":{"pb:provider-pacts-for-verification":{"href":"%s/pfv/{provider}","templated":true}}}`, srvURL)
			return
		}
		fmt.Fprint(w, `{"message":"welcome"}`)
	}))
	defer srv.Close()
	srvURL = srv.URL
	_, err := broker.New(srv.URL, broker.Auth{}).PactsForVerification(context.Background(), broker.Selection{Provider: "A B"})
	want := `POST ` + srv.URL + `/pfv/A%20B: pact broker answered 200 OK with an unexpected document (no "_embedded.pacts" list): {"message":"welcome"}`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("error %v\nwant it to contain %s", err, want)
	}
}
