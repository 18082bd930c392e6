package verifier

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestParseArgs(t *testing.T) {
	cfg, opts, err := ParseArgs([]string{"--file", "a.json", "-d", "pacts", "--port=8080", "-n", "orders",
		"--state-change-url", "http://x/state", "--state-change-teardown", "--filter-no-state",
		"-H", "X-A=1", "--request-timeout", "1500", "--no-colour", "--json", "out.json",
		"--broker-url", "http://broker", "--token", "t", "--consumer-version-selectors", `{"mainBranch": true}`,
		"--consumer-version-tags", "prod,test", "--enable-pending", "--provider-branch", "main",
		"--publish", "--provider-version", "1.2.3"})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) != 3 || cfg.Sources[0].Path != "a.json" || cfg.Sources[1].Kind != SourceDir {
		t.Errorf("sources = %+v", cfg.Sources)
	}
	b := cfg.Sources[2]
	if b.Kind != SourceBroker || b.Auth.Token != "t" || len(b.Selectors) != 3 || b.Selectors[1]["tag"] != "prod" ||
		!b.EnablePending || b.ProviderBranch != "main" {
		t.Errorf("broker source = %+v", b)
	}
	if cfg.Provider.Port != 8080 || cfg.Provider.Name != "orders" || !cfg.StateChange.Teardown ||
		!cfg.Filter.NoState || cfg.CustomHeaders["X-A"] != "1" || cfg.RequestTimeout != 1500*time.Millisecond ||
		cfg.Coloured || opts.JSONFile != "out.json" || cfg.Publish == nil || cfg.Publish.ProviderVersion != "1.2.3" {
		t.Errorf("cfg = %+v opts = %+v", cfg, opts)
	}
	// pact-go's arguments (provider/verifier.go): a singular selector
	// spelling, repeated filters, an RFC 3339 WIP date, a log level.
	cfg, _, err = ParseArgs([]string{"--file", "p.json", "--consumer-version-selector", `{"tag": "prod"}`,
		"--hostname", "localhost", "--port", "80", "--filter-state", "a", "--filter-state", "b",
		"--broker-url", "http://b", "--provider-version", "1", "--loglevel", "info",
		"--include-wip-pacts-since", "2024-01-02T03:04:05Z"})
	if err != nil || cfg.Filter.State != "b" || cfg.Sources[1].Selectors[0]["tag"] != "prod" ||
		cfg.Sources[1].IncludeWIPSince != "2024-01-02T03:04:05Z" {
		t.Errorf("pact-go args: %v %+v", err, cfg)
	}
	for _, c := range []struct{ args, err string }{
		{"--nope", `unknown argument "--nope"`},
		{"--file", "argument --file needs a value"},
		{"--port x --file a", `argument --port: "x" is not a port number`},
		{"--port 1", "no pact source given"},
		{"--file a --publish", "argument --publish needs --provider-version"},
		{"--file a --header nope", `argument --header: "nope" is not in the form KEY=VALUE`},
		{"--broker-url b --consumer-version-selectors {", "is not a JSON object"},
	} {
		_, _, err := ParseArgs(strings.Fields(c.args))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: err = %v, want %q", c.args, err, c.err)
		}
	}
}

func TestCLIArgsJSON(t *testing.T) {
	var doc struct {
		Options []map[string]any `json:"options"`
		Flags   []map[string]any `json:"flags"`
	}
	if err := json.Unmarshal(CLIArgsJSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Options) < 20 || len(doc.Flags) < 5 || doc.Options[0]["long"] != "file" || doc.Options[0]["short"] != "f" {
		t.Errorf("cli args = %s", CLIArgsJSON())
	}
}

func FuzzParseArgs(f *testing.F) {
	f.Add("--file\na.json\n--port=1")
	f.Add("--broker-url\nb\n--consumer-version-selectors\n{\"x\":1}\n--publish")
	f.Fuzz(func(t *testing.T, s string) {
		cfg, _, err := ParseArgs(strings.Split(s, "\n"))
		if err == nil && len(cfg.Sources) == 0 {
			t.Fatal("no error and no sources")
		}
	})
}
