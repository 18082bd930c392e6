package verifier

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/libpact/libpact/core/broker"
)

// Arg describes one command-line argument of the verifier, in the terms of
// pact_ffi's pactffi_verifier_cli_args: Long and Short names, Help, Env (an
// environment variable that supplies the value), PossibleValues, Default,
// and Multiple (may be repeated). Flags take no value.
type Arg struct {
	Long           string   `json:"long"`
	Short          string   `json:"short,omitempty"`
	Help           string   `json:"help"`
	PossibleValues []string `json:"possible_values,omitempty"`
	Default        string   `json:"default_value,omitempty"`
	Multiple       bool     `json:"multiple"`
	Env            string   `json:"env,omitempty"`
	flag           bool
}

// Args lists the command-line arguments ParseArgs understands (the
// reference pact_verifier_cli's, less the plugin and metrics ones).
var Args = []Arg{
	{Long: "file", Short: "f", Help: "Pact file to verify (can be repeated)", Multiple: true},
	{Long: "dir", Short: "d", Help: "Directory of pact files to verify (can be repeated)", Multiple: true},
	{Long: "url", Short: "u", Help: "URL of pact file to verify (can be repeated)", Multiple: true},
	{Long: "broker-url", Short: "b", Help: "URL of the pact broker to fetch pacts from to verify (requires the provider name parameter)", Env: "PACT_BROKER_BASE_URL"},
	{Long: "user", Help: "Username to use when fetching pacts from URLS", Env: "PACT_BROKER_USERNAME"},
	{Long: "password", Help: "Password to use when fetching pacts with the username", Env: "PACT_BROKER_PASSWORD"},
	{Long: "token", Short: "t", Help: "Bearer token to use when fetching pacts from URLS", Env: "PACT_BROKER_TOKEN"},
	{Long: "hostname", Short: "h", Help: "Provider hostname (defaults to localhost)"},
	{Long: "port", Short: "p", Help: "Provider port (defaults to protocol default 80/443)"},
	{Long: "scheme", Help: "Provider URI scheme (defaults to http)", PossibleValues: []string{"http", "https"}, Default: "http"},
	{Long: "transport", Help: "Provider protocol transport to use (http, https, message, etc.)", Default: "http"},
	{Long: "base-path", Help: "Base path to add to all requests"},
	{Long: "request-timeout", Help: "Sets the HTTP request timeout in milliseconds for requests to the target API and for state change requests."},
	{Long: "header", Short: "H", Help: "Add a custom header to be included in the calls to the provider. Values must be in the form KEY=VALUE, where KEY and VALUE contain ASCII characters (32-127) only. Can be repeated.", Multiple: true},
	{Long: "provider-name", Short: "n", Help: "Provider name (defaults to provider)"},
	{Long: "state-change-url", Short: "s", Help: "URL to post state change requests to"},
	{Long: "filter-description", Help: "Only validate interactions whose descriptions match this filter (regex format)", Env: "PACT_DESCRIPTION"},
	{Long: "filter-state", Help: "Only validate interactions whose provider states match this filter (regex format)", Env: "PACT_PROVIDER_STATE"},
	{Long: "filter-consumer", Short: "c", Help: "Consumer name to filter the pacts to be verified (can be repeated)", Multiple: true},
	{Long: "consumer-version-tags", Help: "Consumer tags to use when fetching pacts from the Broker. Accepts comma-separated values.", Multiple: true},
	{Long: "consumer-version-selectors", Help: "Consumer version selectors to use when fetching pacts from the Broker. Accepts a JSON string as per https://docs.pact.io/pact_broker/advanced_topics/consumer_version_selectors/. Can be repeated.", Multiple: true},
	{Long: "provider-tags", Help: "Provider tags to use when publishing results. Accepts comma-separated values.", Multiple: true},
	{Long: "provider-branch", Help: "Provider branch to use when publishing results"},
	{Long: "provider-version", Help: "Provider version that is being verified. This is required when publishing results."},
	{Long: "build-url", Help: "URL of the build to associate with the published verification results."},
	{Long: "include-wip-pacts-since", Help: "Allow pacts that don't match given consumer selectors (or tags) to  be verified, without causing the overall task to fail. For more information, see https://pact.io/wip"},
	{Long: "json", Help: "Generate a JSON report of the verification"},
	{Long: "junit", Help: "Generate a JUnit XML report of the verification (requires the junit feature)"},
	{Long: "loglevel", Short: "l", Help: "Log level to emit log events at (defaults to warn)", PossibleValues: []string{"error", "warn", "info", "debug", "trace", "none"}},
	{Long: "filter-no-state", Help: "Only validate interactions that have no defined provider state", Env: "PACT_PROVIDER_NO_STATE", flag: true},
	{Long: "state-change-as-query", Help: "State change request data will be sent as query parameters instead of in the request body", flag: true},
	{Long: "state-change-teardown", Help: "State change teardown requests are to be made after each interaction", flag: true},
	{Long: "publish", Help: "Enables publishing of verification results back to the Pact Broker. Requires the broker-url and provider-version parameters.", flag: true},
	{Long: "disable-ssl-verification", Help: "Disables validation of SSL certificates", flag: true},
	{Long: "enable-pending", Help: "Enables Pending Pacts", flag: true},
	{Long: "ignore-no-pacts-error", Help: "Do not fail if no pacts are found to verify", flag: true},
	{Long: "no-colour", Help: "Disables ANSI escape codes in the output", flag: true},
	{Long: "follow-redirects", Help: "Follow redirects from the provider", flag: true},
}

// CLIArgsJSON is the document pactffi_verifier_cli_args returns:
// {"options": [...], "flags": [...]}.
func CLIArgsJSON() []byte {
	opts, flags := []Arg{}, []Arg{}
	for _, a := range Args {
		if a.flag {
			flags = append(flags, a)
		} else {
			opts = append(opts, a)
		}
	}
	b, _ := json.Marshal(map[string]any{"options": opts, "flags": flags})
	return b
}

// CLIOptions are the settings of ParseArgs that are not part of Config.
type CLIOptions struct {
	JSONFile string // --json
	LogLevel string // --loglevel
}

// ParseArgs parses command-line arguments as the reference verifier CLI
// takes them ("--file", "x" or "--file=x"; short names; flags without a
// value) into a Config. Environment variables named by Args supply values
// not given. Errors name the argument.
//
//	cfg, opts, err := verifier.ParseArgs([]string{"--file", "pact.json", "--port", "8080", "--provider-name", "api"})
func ParseArgs(args []string) (Config, CLIOptions, error) {
	byName := map[string]*Arg{}
	for i := range Args {
		if Args[i].Long == "consumer-version-selectors" {
			byName["--consumer-version-selector"] = &Args[i] // pact-go's spelling
		}
		byName["--"+Args[i].Long] = &Args[i]
		if Args[i].Short != "" {
			byName["-"+Args[i].Short] = &Args[i]
		}
	}
	values := map[string][]string{}
	for i := 0; i < len(args); i++ {
		a := strings.TrimSpace(args[i])
		if a == "" {
			continue
		}
		name, val, hasVal := strings.Cut(a, "=")
		spec := byName[name]
		if spec == nil {
			return Config{}, CLIOptions{}, fmt.Errorf("unknown argument %q", a)
		}
		if spec.flag {
			if hasVal {
				return Config{}, CLIOptions{}, fmt.Errorf("flag --%s takes no value", spec.Long)
			}
			values[spec.Long] = append(values[spec.Long], "true")
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return Config{}, CLIOptions{}, fmt.Errorf("argument --%s needs a value", spec.Long)
			}
			i++
			val = args[i]
		}
		// An argument that is not Multiple may still be repeated (pact-go
		// repeats --filter-state); the last value wins.
		values[spec.Long] = append(values[spec.Long], val)
	}
	for _, a := range Args {
		if _, ok := values[a.Long]; !ok && a.Env != "" {
			if v := os.Getenv(a.Env); v != "" {
				values[a.Long] = []string{v}
			}
		}
	}
	one := func(k string) string {
		if v := values[k]; len(v) > 0 {
			return v[len(v)-1]
		}
		return ""
	}
	has := func(k string) bool { return one(k) == "true" }
	list := func(k string) []string {
		var out []string
		for _, v := range values[k] {
			for _, p := range strings.Split(v, ",") {
				if p = strings.TrimSpace(p); p != "" {
					out = append(out, p)
				}
			}
		}
		return out
	}

	cfg := Config{Coloured: !has("no-colour"), NoPactsIsError: !has("ignore-no-pacts-error"),
		FollowRedirects: has("follow-redirects"), DisableTLSVerification: has("disable-ssl-verification")}
	opts := CLIOptions{JSONFile: one("json"), LogLevel: one("loglevel")}
	cfg.JUnitFile = one("junit")
	cfg.Provider = Provider{Name: one("provider-name"), Scheme: one("scheme"), Host: one("hostname"), Path: one("base-path")}
	if cfg.Provider.Name == "" {
		cfg.Provider.Name = "provider"
	}
	if p := one("port"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 65535 {
			return cfg, opts, fmt.Errorf("argument --port: %q is not a port number", p)
		}
		cfg.Provider.Port = n
	}
	if t := one("transport"); t != "" && t != "http" {
		cfg.Provider.Transports = append(cfg.Provider.Transports, Transport{Protocol: t, Port: cfg.Provider.Port, Path: cfg.Provider.Path})
	}
	if t := one("request-timeout"); t != "" {
		n, err := strconv.ParseUint(t, 10, 63)
		if err != nil {
			return cfg, opts, fmt.Errorf("argument --request-timeout: %q is not a number of milliseconds", t)
		}
		cfg.RequestTimeout = time.Duration(n) * time.Millisecond
	}
	for _, h := range values["header"] {
		k, v, ok := strings.Cut(h, "=")
		if !ok || k == "" {
			return cfg, opts, fmt.Errorf("argument --header: %q is not in the form KEY=VALUE", h)
		}
		if cfg.CustomHeaders == nil {
			cfg.CustomHeaders = map[string]string{}
		}
		cfg.CustomHeaders[k] = v
	}
	cfg.StateChange = StateChange{URL: one("state-change-url"), AsQuery: has("state-change-as-query"), Teardown: has("state-change-teardown")}
	cfg.Filter = Filter{Description: one("filter-description"), State: one("filter-state"), NoState: has("filter-no-state"),
		Consumers: values["filter-consumer"]}

	auth := broker.Auth{Username: one("user"), Password: one("password"), Token: one("token")}
	for _, f := range values["file"] {
		cfg.Sources = append(cfg.Sources, FileSource(f))
	}
	for _, d := range values["dir"] {
		cfg.Sources = append(cfg.Sources, DirSource(d))
	}
	for _, u := range values["url"] {
		cfg.Sources = append(cfg.Sources, URLSource(u, auth))
	}
	if b := one("broker-url"); b != "" {
		var sels []map[string]any
		for _, s := range values["consumer-version-selectors"] {
			var m map[string]any
			if err := json.Unmarshal([]byte(s), &m); err != nil {
				return cfg, opts, fmt.Errorf("argument --consumer-version-selectors: %q is not a JSON object: %v", s, err)
			}
			sels = append(sels, m)
		}
		for _, tag := range list("consumer-version-tags") {
			sels = append(sels, map[string]any{"tag": tag, "latest": true})
		}
		src := BrokerSource(b, auth, sels)
		src.EnablePending = has("enable-pending")
		src.IncludeWIPSince = one("include-wip-pacts-since")
		src.ProviderTags = list("provider-tags")
		src.ProviderBranch = one("provider-branch")
		cfg.Sources = append(cfg.Sources, src)
	}
	if len(cfg.Sources) == 0 {
		return cfg, opts, fmt.Errorf("no pact source given: use --file, --dir, --url or --broker-url")
	}
	if has("publish") {
		if one("provider-version") == "" {
			return cfg, opts, fmt.Errorf("argument --publish needs --provider-version")
		}
		cfg.Publish = &PublishOptions{ProviderVersion: one("provider-version"), BuildURL: one("build-url"),
			ProviderTags: list("provider-tags"), ProviderBranch: one("provider-branch")}
	}
	return cfg, opts, nil
}
