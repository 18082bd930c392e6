// Package verifier verifies a provider against pacts: it loads pacts from
// files, directories, URLs or a Pact Broker, puts the provider into each
// interaction's provider states, replays each request (or asks for each
// message), compares what the provider answers with what the pact expects,
// and reports the outcome as text (laid out as the Rust reference verifier
// lays it out), as JSON (the shape of pact_ffi's pactffi_verifier_json) and as
// JUnit XML. Results of broker-sourced pacts can be published back.
//
//	rep, err := verifier.Verify(ctx, verifier.Config{
//		Provider: verifier.Provider{Name: "Orders", Host: "127.0.0.1", Port: 8080},
//		Sources:  []verifier.Source{verifier.FileSource("pacts/web-orders.json")},
//		StateChange: verifier.StateChange{URL: "http://127.0.0.1:8080/_pact/state", Teardown: true},
//	})
//	if err != nil { ... }      // the verification could not run at all
//	fmt.Println(rep.Text())   // "Verifying a pact between web and Orders ..."
//	if !rep.Result { ... }     // an interaction (that is not pending) failed
//
// Verify never needs the calling goroutine's OS thread to make progress, so
// the provider under test may run in the same process.
//
// # Differences from the reference verifier (pact_verifier 1.4 / pact_ffi 0.5.8)
//
// The text output and the JSON report are laid out as the reference's (the
// C test conformance/ctest/test_verifier.c, linked against pact_ffi 0.5.8,
// shows them identical but for timings). Deliberate differences:
//
//   - Errors say why: "error sending request for url (...): dial tcp ...:
//     connect: connection refused" or "operation timed out (no answer within
//     1000 ms)" where the reference stops at the URL; a failed state change
//     keeps the reference's message ("One or more of the setup state change
//     handlers has failed") and adds the cause (Failure.Cause, and in the text).
//   - A state change is retried twice, 100 ms then 200 ms apart, on a 5xx,
//     408, 429 or a refused connection, never on a timeout (the reference
//     retries 8 times over up to two minutes).
//   - Regexes of filters are Go regexps (RE2), partial matches as in the
//     reference.
//   - Published results carry verifiedBy {implementation: "libpact",
//     version}, without clientLanguage.
//   - A JSON body mismatch is not followed by the reference's diff of the
//     two bodies in the failure list.
//   - Plugin transports (a V4 interaction with a transport other than
//     http/https/message) fail with an error naming the transport.
package verifier

import (
	"context"
	"crypto/x509"
	"io"
	"net/http"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/model"
)

// Config is everything one verification run needs. The zero value of each
// field is a usable default unless its comment says otherwise.
type Config struct {
	// Provider says where the provider listens and what it is called.
	Provider Provider
	// Sources are the pacts to verify, in order.
	Sources []Source
	// Filter selects the interactions and consumers to verify.
	Filter Filter
	// StateChange puts the provider into each interaction's provider states.
	StateChange StateChange

	// CustomHeaders are added to every request sent to the provider, replacing
	// a header of the same name from the pact.
	CustomHeaders map[string]string
	// RequestFilter, when set, may change each request just before it is
	// sent to the provider (e.g. to add an Authorization header). An error
	// fails the interaction with that error.
	RequestFilter func(*http.Request) error

	// RequestTimeout bounds each request to the provider and to the state
	// change URL; 0 means 5 s (the reference's default).
	RequestTimeout time.Duration
	// DisableTLSVerification accepts any certificate from the provider and
	// the state change URL.
	DisableTLSVerification bool
	// RootCAs, when set, are the certificate authorities trusted for HTTPS
	// to the provider, the state change URL and pact URLs.
	RootCAs *x509.CertPool
	// FollowRedirects makes the verifier follow redirects from the provider
	// (the reference's default is to follow; the zero value here does not).
	FollowRedirects bool

	// NoPactsIsError makes a broker that has no pact for the provider a
	// failure (as in the reference; files and directories that hold no pact
	// are never one).
	NoPactsIsError bool
	// Coloured adds ANSI colours to the text output.
	Coloured bool
	// Publish, when set, publishes the results of broker-sourced pacts.
	Publish *PublishOptions
	// Broker is the HTTP client used for the broker and pact URLs (nil: one
	// built from RootCAs / DisableTLSVerification).
	BrokerHTTPClient *http.Client
	// BrokerRetries is how many attempts a broker request gets (0: the broker
	// client's default).
	BrokerRetries int

	// Stdout, when set, receives the text output once the run is over (the
	// reference prints it to standard output; libpact only does so when asked).
	Stdout io.Writer
	// JUnitFile, when set, is where a JUnit XML report is written.
	JUnitFile string
	// AppName and AppVersion name the calling application (logged).
	AppName, AppVersion string
}

// Provider is where the provider under test listens. Transports add
// listeners for other protocols (e.g. "message" for message pacts); an HTTP
// interaction uses the "http" transport if there is one, else Scheme, Host,
// Port and Path.
type Provider struct {
	Name   string
	Scheme string // "http" (default) or "https"
	Host   string // default "localhost"
	Port   int    // 0: the scheme's default port
	Path   string // base path, e.g. "/api"
	// Transports are extra listeners, looked up by Protocol.
	Transports []Transport
}

// Transport is one listener of the provider: Protocol is "http", "https",
// "message" (asynchronous and synchronous messages), "async-message",
// "sync-message", or a V4 interaction's transport name.
type Transport struct {
	Protocol string
	Port     int
	Path     string
	Scheme   string // default "http"
}

// Filter selects interactions. Description and State are regular
// expressions (partial matches, as in the reference); NoState selects
// interactions without provider states. Consumers, when not empty, lists the
// consumers whose pacts are verified.
//
// When Description, State and NoState are all unset, the environment
// variables PACT_DESCRIPTION, PACT_PROVIDER_STATE and PACT_PROVIDER_NO_STATE
// ("true") are read instead, as the reference CLI does.
type Filter struct {
	Description string
	State       string
	NoState     bool
	Consumers   []string
}

// StateChange is how the provider is put into provider states. With Func
// set it is called in process; else with URL set the verifier POSTs
// {"state": name, "params": {...}, "action": "setup"|"teardown"} to URL (or
// sends them as query parameters with AsQuery). A JSON object in the answer
// becomes values for ProviderState generators. With neither, states are
// skipped with a warning in the log.
type StateChange struct {
	URL      string
	AsQuery  bool
	Teardown bool
	// Func, when set, replaces the HTTP call. action is "setup" or
	// "teardown"; the returned map feeds ProviderState generators.
	Func func(ctx context.Context, state model.ProviderState, action string) (map[string]any, error)
	// Retries is how many more times a state change that failed with a 5xx
	// answer or a connection error (not a timeout) is tried (0: 2; negative: none). The
	// reference retries 8 times with back-off up to 64 s; libpact keeps the
	// wait short so that a broken state handler fails fast.
	Retries int
}

// PublishOptions say how results are published to the broker. Results are
// published only for pacts that came from a broker (or from a URL whose
// pact has a pb:publish-verification-results link).
type PublishOptions struct {
	ProviderVersion string // required
	BuildURL        string
	ProviderTags    []string
	ProviderBranch  string
}

// SourceKind is the kind of a pact source.
type SourceKind int

// The source kinds.
const (
	SourceFile SourceKind = iota
	SourceDir
	SourceURL
	SourceBroker
	SourceJSON
)

// Source is where pacts come from; build one with FileSource, DirSource,
// URLSource, BrokerSource or JSONSource.
type Source struct {
	Kind SourceKind
	// Path is the file or directory (SourceFile, SourceDir).
	Path string
	// URL is the pact URL (SourceURL) or the broker's base URL (SourceBroker).
	URL  string
	Auth broker.Auth
	// The broker's pacts-for-verification options (SourceBroker). Selectors
	// are passed to the broker as given. With WithSelectors false the
	// broker is asked for the latest pacts of the provider.
	WithSelectors   bool
	Selectors       []map[string]any
	EnablePending   bool
	IncludeWIPSince string
	ProviderTags    []string
	ProviderBranch  string
	// ProviderBranchGiven says a branch was given even if it is empty: the
	// broker is then sent "providerVersionBranch": "" (as by pact_ffi).
	ProviderBranchGiven bool
	// JSON is a pact document (SourceJSON).
	JSON []byte
}

// FileSource is a pact file.
func FileSource(path string) Source { return Source{Kind: SourceFile, Path: path} }

// DirSource is every pact file (*.json) in a directory and its
// subdirectories whose provider is the provider being verified.
func DirSource(dir string) Source { return Source{Kind: SourceDir, Path: dir} }

// URLSource is a pact fetched from url with optional credentials.
func URLSource(url string, auth broker.Auth) Source {
	return Source{Kind: SourceURL, URL: url, Auth: auth}
}

// JSONSource is a pact document held in memory.
func JSONSource(doc []byte) Source { return Source{Kind: SourceJSON, JSON: doc} }

// BrokerSource is the pacts a Pact Broker selects for the provider, through
// its "pacts for verification" API.
//
//	verifier.BrokerSource("https://broker", broker.TokenAuth(tok),
//		[]map[string]any{{"mainBranch": true}, {"deployedOrReleased": true}})
func BrokerSource(url string, auth broker.Auth, selectors []map[string]any) Source {
	return Source{Kind: SourceBroker, URL: url, Auth: auth, WithSelectors: true, Selectors: selectors}
}

// String describes the source as the reference does: "File(x)", "Dir(x)",
// "URL(x)", "PactBroker(x)".
func (s Source) String() string {
	switch s.Kind {
	case SourceFile:
		return "File(" + s.Path + ")"
	case SourceDir:
		return "Dir(" + s.Path + ")"
	case SourceURL:
		return "URL(" + s.URL + ")"
	case SourceBroker:
		return "PactBroker(" + s.URL + ")"
	}
	return "JSON"
}
