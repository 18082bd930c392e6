package verifier

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/broker/brokertest"
)

// invoicesPact is ordersPact plus an interaction the provider does not
// implement (it answers 404).
var invoicesPact = strings.Replace(ordersPact, `"interactions": [`, `"interactions": [
    {"description": "a request for invoices", "request": {"method": "GET", "path": "/invoices"},
     "response": {"status": 200}},`, 1)

const mobilePact = `{
  "consumer": {"name": "mobile"},
  "provider": {"name": "orders"},
  "interactions": [
    {"description": "a request for a receipt", "request": {"method": "GET", "path": "/receipts/1"},
     "response": {"status": 200}}
  ],
  "metadata": {"pactSpecification": {"version": "3.0.0"}}
}`

func TestVerifyFromBrokerWithSelectorsPendingAndWIP(t *testing.T) {
	b := brokertest.New(brokertest.WithToken("s3cret"))
	defer b.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	// Two versions of consumer "web": 1.0.0 on main (deployed), 1.1.0 on a
	// feature branch with an interaction the provider lacks; and "mobile"
	// on a feature branch, selected by no selector (a WIP pact).
	must(b.AddPact("1.0.0", "main", nil, []byte(ordersPact)))
	must(b.MarkDeployed("web", "1.0.0"))
	must(b.AddPact("1.1.0", "feat-invoices", nil, []byte(invoicesPact)))
	must(b.AddPact("0.1.0", "feat-receipts", nil, []byte(mobilePact)))

	f := newFixture(t)
	cfg := f.config(t)
	cfg.Publish = &PublishOptions{ProviderVersion: "2.0.0", BuildURL: "http://ci/1"}
	src := BrokerSource(b.URL, broker.TokenAuth("s3cret"), []map[string]any{{"mainBranch": true}, {"deployedOrReleased": true}})
	src.EnablePending = true
	src.ProviderBranch = "main"
	cfg.Sources = []Source{src}

	// First run: main and deployed select web 1.0.0 only; it passes and the
	// result is published.
	rep := mustVerify(t, cfg)
	if !rep.Result || len(rep.Interactions) != 2 {
		t.Fatalf("first run: %v %+v\n%s", rep.Result, rep.Errors, rep.Text())
	}
	res := b.Results()
	if len(res) != 1 || !res[0].Success || res[0].ProviderVersion != "2.0.0" || res[0].Consumer != "web" ||
		len(res[0].TestResults) != 2 || res[0].TestResults[0].InteractionID == "" {
		t.Fatalf("published results = %+v", res)
	}

	// Second run: {consumer: web, latest: true} adds web 1.1.0 (pending: never
	// verified), WIP adds mobile's pact (pending). Their failures do not fail
	// the run, and are published as failures.
	src.Selectors = append(src.Selectors, map[string]any{"consumer": "web", "latest": true})
	src.IncludeWIPSince = "2020-01-01"
	cfg.Sources = []Source{src}
	rep = mustVerify(t, cfg)
	text := rep.Text()
	if !rep.Result {
		t.Fatalf("pending failures failed the run:\n%s", text)
	}
	if len(rep.Errors) != 0 || len(rep.PendingErrors) != 2 {
		t.Fatalf("errors %+v pending %+v\n%s", rep.Errors, rep.PendingErrors, text)
	}
	for _, want := range []string{
		"Verifying a pact between web and orders",
		"Verifying a pact between mobile and orders",
		"There were 2 non-fatal pact failures on pending pacts or interactions",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if len(rep.Notices) == 0 {
		t.Errorf("no broker notices")
	}
	res = b.Results()
	if len(res) != 4 {
		t.Fatalf("%d results published, want 4 (1 + 3)", len(res))
	}
	failed := 0
	for _, r := range res[1:] {
		if !r.Success {
			failed++
		}
	}
	if failed != 2 {
		t.Errorf("published %d failures, want 2: %+v", failed, res[1:])
	}
	// The provider version's branch was recorded before publishing.
	sawBranch := false
	for _, r := range b.Requests() {
		if r.Method == "PUT" && strings.Contains(r.Path, "/branches/main/versions/2.0.0") {
			sawBranch = true
		}
	}
	if !sawBranch {
		t.Errorf("provider branch not recorded; requests: %v", b.Requests())
	}
}

func TestVerifyBrokerErrors(t *testing.T) {
	b := brokertest.New(brokertest.WithToken("s3cret"))
	defer b.Close()
	f := newFixture(t)
	cfg := f.config(t)
	cfg.BrokerRetries = 1
	cfg.Sources = []Source{BrokerSource(b.URL, broker.TokenAuth("wrong"), nil)}
	rep := mustVerify(t, cfg)
	if rep.Result || len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Error, "401") ||
		!strings.Contains(rep.Errors[0].Error, "No pacts found for provider 'orders' matching the given consumer version selectors in pact broker") {
		t.Errorf("401: %+v", rep.Errors)
	}

	b.Fail(brokertest.Status500, -1)
	cfg.Sources = []Source{BrokerSource(b.URL, broker.TokenAuth("s3cret"), nil)}
	rep = mustVerify(t, cfg)
	if rep.Result || !strings.Contains(rep.Errors[0].Error, "500") {
		t.Errorf("500: %+v", rep.Errors)
	}

	b.Fail(brokertest.Hang, -1)
	cfg.RequestTimeout = 0
	start := time.Now()
	cfg.BrokerHTTPClient = nil
	cfg.Sources = []Source{BrokerSource(b.URL, broker.TokenAuth("s3cret"), nil)}
	cfg.BrokerHTTPClient = nil
	// A short per-request broker timeout comes from a custom client.
	cfg.BrokerHTTPClient = &httpClientWithTimeout
	rep = mustVerify(t, cfg)
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("hanging broker took %v", took)
	}
	if rep.Result || !strings.Contains(rep.Errors[0].Error, "No pacts found for provider 'orders'") {
		t.Errorf("hang: %+v", rep.Errors)
	}

	// No pacts at all: an error only when asked.
	b.Fail(brokertest.NoFailure, 0)
	cfg.BrokerHTTPClient = nil
	rep = mustVerify(t, cfg)
	if rep.Result || !strings.Contains(rep.Errors[0].Error, "No pacts found for provider 'orders'") {
		t.Errorf("empty broker: %+v", rep.Errors)
	}
	cfg.NoPactsIsError = false
	rep = mustVerify(t, cfg)
	if !rep.Result {
		t.Errorf("empty broker, no-pacts not an error: %+v", rep.Errors)
	}
}

var httpClientWithTimeout = http.Client{Timeout: 500 * time.Millisecond}

// A pact URL (as a broker webhook gives it) is verified and, because the
// pact came from a broker, its result is published.
func TestVerifyPactURLFromBrokerPublishes(t *testing.T) {
	b := brokertest.New()
	defer b.Close()
	if err := b.AddPact("1.0.0", "main", nil, []byte(ordersPact)); err != nil {
		t.Fatal(err)
	}
	pacts, err := broker.New(b.URL, broker.Auth{}).PactsForVerification(t.Context(), broker.Selection{Provider: "orders"})
	if err != nil || len(pacts) != 1 {
		t.Fatalf("pacts %v, err %v", pacts, err)
	}
	f := newFixture(t)
	cfg := f.config(t)
	cfg.Sources = []Source{URLSource(pacts[0].URL, broker.Auth{})}
	cfg.Publish = &PublishOptions{ProviderVersion: "3.0.0", ProviderBranch: "main"}
	rep := mustVerify(t, cfg)
	if !rep.Result || len(rep.PublishErrors) != 0 {
		t.Fatalf("result %v, publish errors %v\n%s", rep.Result, rep.PublishErrors, rep.Text())
	}
	res := b.Results()
	if len(res) != 1 || !res[0].Success || res[0].ProviderVersion != "3.0.0" {
		t.Errorf("results = %+v", res)
	}
}
