package verifier

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/libpact/libpact/core/mockserver"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// conformanceDir returns the shared conformance data: $PACT_CONFORMANCE_DIR,
// or ../shared/conformance next to the repository root (the dir with go.mod).
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

// knownRoundTripFailures are real pacts that do not verify against libpact's
// own mock server serving them, for reasons outside the verifier. The same
// pacts fail the same way with the Rust pact_ffi 0.5.8 verifier where it can
// load them (conformance/verifierparity).
var knownRoundTripFailures = map[string]string{
	// Reading and matching.
	"pact-foundation__pact-jvm__core_model_src_test_resources_pact-multipart-form-post.json":            "V3 multipart body stored as base64 text (pactfile/matching)",
	"pact-foundation__pact-jvm__provider_spring_src_test_resources_pacts_multipart-pact.json":           "V3 multipart body stored as base64 text (pactfile/matching)",
	"pact-foundation__pact-php__example_multipart_pacts_multipartConsumer-multipartProvider.json":       "V3 multipart body stored as base64 text (pactfile/matching)",
	"pact-foundation__pact-jvm__provider_junit5_src_test_resources_pacts_XMLConsumer2-XMLProvider.json": "contentType matcher on an XML element (matching)",
	"pactflow__openapi-pact-comparator__src___tests___fixtures_oas_request-body-swagger2_pact.json":     "multipart Content-Type without a boundary",
	// Plugin pacts.
	"pact-foundation__pact-reference__rust_pact_ffi_tests_missing-plugin-pact.json":                                     "plugin (CSV) interaction",
	"pact-foundation__pact-php__example_csv_pacts_csvConsumer-csvProvider.json":                                         "plugin (CSV) pact: body content type differs from the header",
	"tienvx__pact-php-csv__example_broker_pacts_csvConsumer-csvProvider.json":                                           "plugin (CSV) pact: body content type differs from the header",
	"invalid-pactflow__pact-schemas__examples_v2_fail_invalid-interaction-response-matching-rules-unknown-matcher.json": "invalid pact: unknown matcher",
	// A GET with a JSON Content-Type and "body": null: the verifier sends
	// "null", as the reference's does, and the mock server wants no body.
	"ludorival__pact-jvm-mock__pact-jvm-mock-test_src_test_resources_pacts-deterministic_shopping-webapp-shopping-service.json":  "request body null sent as JSON null (as the reference does)",
	"ludorival__pact-jvm-mock__pact-jvm-mockk-spring_src_test_resources_pacts-deterministic_shopping-service-shopping-list.json": "request body null sent as JSON null (as the reference does)",
	"ludorival__pact-jvm-mock__spring_src_test_resources_pacts-expectation_shopping-service-shopping-list.json":                  "request body null sent as JSON null (as the reference does)",
	// The pact's own examples do not satisfy its matchers.
	"elitau__pact_elixir__test_examples_regexp_matcher.pact.json":                                                 "example '02/11/2013' does not match its regex '{2}/{2}/{4}'",
	"pact-foundation__pact-jvm__provider_pact-jvm-provider-spring_src_test_resources_pacts_readers-contract.json": "example id does not match its UUID regex",
	"pact-foundation__pact-jvm__provider_spring_src_test_resources_pacts_readers-contract.json":                   "example id does not match its UUID regex",
	"pact-foundation__pact-jvm__provider_spring_src_test_resources_pacts_library-contract.json":                   "example arrays shorter than their min; ids do not match the UUID regex",
	"pact-foundation__pact-php__example_pact_mockapiconsumer-mockapiprovider.json":                                "example arrays shorter than their min; names do not match the regex",
	"pact-foundation__pact-php__example_stub-server_consumer__resources_someconsumer-someprovider.json":           "example 'Games' does not match its regex '[gbBG]'",
	"pact-foundation__pact-support__spec_fixtures_pact-http-v2.json":                                              "example 'foo/json' does not match its regex 'json' (whole-string)",
	"pact-foundation__pact-php__example_matchers_pacts_matchersConsumer-matchersProvider.json":                    "examples do not satisfy their matchers (time '23:59::58', minimum sizes, content type)",
	"pactflow__swagger-mock-validator__test_e2e_fixtures_pact-broken-consumer.json":                               "broken pact: XML body that is not XML",
	"pact-foundation__jest-pact__docker_pact-stub-service_pacts_test-consumer-file-upload-provider.json":          "multipart boundary of the Content-Type header differs from the body's",
	"pactflow__openapi-pact-comparator__src___tests___fixtures_oas_request-parameters-header_pact.json":           "request headers Content-Length: 348 and Expect: 100-continue with no body",
	// Generators: values generated on one side are compared by equality on
	// the other (the mock server is a consumer-side stand-in, not a provider).
	"pact-foundation__pact-go__examples_v3_pacts_consumer-provider.json":                             "request DateTime generator; the mock server compares the body by equality",
	"pact-foundation__pact-stub-server__src_test-pact.json":                                          "response RandomInt generator without a matcher",
	"pact-foundation__pact-stub-server__src_test_pact_with_bodies.json":                              "response Uuid/Date generators without matchers",
	"pact-foundation__pact-php__example_generators_pacts_generatorsConsumer-generatorsProvider.json": "response RandomString generator on an equality-matched value",
	"pact-foundation__pact-jvm__fixtures_pact-broker.json":                                           "MockServerURL generator: the mock server's URL is joined without a '/' (generators)",
	"pactflow__example-siren__spring-consumer_target_pacts_SpringConsumer-SirenOrderProvider.json":   "MockServerURL generator joined without a '/' (generators); arrayContains variants",
	// Schema examples.
	"pactflow__pact-schemas__examples_v3_pass_valid-interaction-request-matching-rules.json": "schema example: the path does not satisfy its own path rule",
	"pactflow__pact-schemas__examples_v4_pass_valid-interaction-request-matching-rules.json": "schema example: the path does not satisfy its own path rule",
}

// Every real pact with only HTTP interactions, verified against libpact's
// mock server serving that same pact as the provider: the verifier must
// send what the pact describes and accept what the pact promises.
func TestRealPactsRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: starts a mock server per real pact")
	}
	files, err := filepath.Glob(filepath.Join(conformanceDir(t), "real-pacts", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no real pacts: %v", err)
	}
	sort.Strings(files)
	var pacts, interactions, passed, known int
	start := time.Now()
	for _, f := range files {
		p, _, err := pactfile.Read(f)
		if err != nil || len(p.Interactions) == 0 {
			continue
		}
		httpOnly := true
		for _, i := range p.Interactions {
			httpOnly = httpOnly && i.Type == model.HTTP && (i.Transport == "" || i.Transport == "http" || i.Transport == "https")
		}
		if !httpOnly {
			continue
		}
		srv, err := mockserver.New(p, mockserver.Config{})
		if err != nil {
			t.Errorf("%s: mock server: %v", filepath.Base(f), err)
			continue
		}
		if err := srv.Start(); err != nil {
			t.Fatal(err)
		}
		pacts++
		rep, err := Verify(context.Background(), Config{
			Provider:       Provider{Name: p.Provider, Host: "127.0.0.1", Port: srv.Port()},
			Sources:        []Source{FileSource(f)},
			RequestTimeout: 5 * time.Second,
		})
		srv.Close()
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		interactions += len(rep.Interactions)
		for _, r := range rep.Interactions {
			if r.OK {
				passed++
			}
		}
		if rep.Result {
			continue
		}
		if reason, ok := knownRoundTripFailures[filepath.Base(f)]; ok {
			known++
			t.Logf("known: %s (%s)", filepath.Base(f), reason)
			continue
		}
		var msgs []string
		for _, e := range rep.Errors {
			msg := e.Error
			for _, m := range e.Mismatches {
				msg += " [" + m.String() + "]"
			}
			msgs = append(msgs, e.Interaction+": "+msg)
		}
		t.Errorf("%s:\n  %s", filepath.Base(f), strings.Join(msgs, "\n  "))
	}
	t.Logf("%d pacts, %d interactions verified, %d passed, %d pacts failing for known reasons, in %v",
		pacts, interactions, passed, known, time.Since(start).Round(time.Millisecond))
	if pacts < 100 {
		t.Errorf("only %d HTTP pacts verified", pacts)
	}
}
