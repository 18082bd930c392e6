package mockserver

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// exampleRequest builds the HTTP request a consumer would send for an
// interaction: its own example method, path, query, headers and body.
// ok is false when the example cannot be sent as written (a path that is
// not a valid request target).
func exampleRequest(base string, r *model.Request) (req *http.Request, ok bool) {
	if strings.ContainsAny(r.Path, " \t\r\n?#") || !strings.HasPrefix(r.Path, "/") {
		return nil, false
	}
	target := base + r.Path
	switch {
	case r.RawQuery != "":
		target += "?" + r.RawQuery
	case len(r.Query) > 0:
		var parts []string
		for _, f := range r.Query.Sorted() {
			k := f.Name
			for _, v := range f.Values {
				if r.QueryNoValue[k] && v == "" {
					parts = append(parts, url.QueryEscape(k))
					continue
				}
				parts = append(parts, url.QueryEscape(k)+"="+url.QueryEscape(v))
			}
		}
		target += "?" + strings.Join(parts, "&")
	}
	var body io.Reader
	if r.Body.State == model.BodyPresent {
		body = bytes.NewReader(r.Body.Content)
	}
	req, err := http.NewRequest(r.Method, target, body)
	if err != nil {
		return nil, false
	}
	for _, f := range r.Headers {
		k, vs := f.Name, f.Values
		if strings.EqualFold(k, "Content-Length") || strings.EqualFold(k, "Host") || strings.EqualFold(k, "Transfer-Encoding") {
			return nil, false
		}
		req.Header[k] = append([]string(nil), vs...)
	}
	if _, ok := r.Headers.Get("Content-Type"); !ok && r.Body.State == model.BodyPresent && r.Body.ContentType != "" {
		req.Header.Set("Content-Type", r.Body.ContentType)
	}
	return req, true
}

// knownExampleFailures are real pacts whose own examples do not match, each
// for a reason outside the mock server (the pact's data, or the matching of
// a body kind). They are logged, not failed; any other failure fails.
var knownExampleFailures = map[string]string{
	"pact-foundation__pact-jvm__core_model_src_test_resources_pact-multipart-form-post.json":            "V3 multipart body stored as base64 text; both sides fail to parse as multipart (pactfile/matching)",
	"pact-foundation__pact-jvm__provider_spring_src_test_resources_pacts_multipart-pact.json":           "V3 multipart body stored as base64 text (pactfile/matching)",
	"pact-foundation__pact-php__example_multipart_pacts_multipartConsumer-multipartProvider.json":       "V3 multipart body stored as base64 text (pactfile/matching)",
	"pact-foundation__pact-jvm__provider_junit5_src_test_resources_pacts_XMLConsumer2-XMLProvider.json": "contentType matcher on an XML element (matching)",
	"pact-foundation__pact-reference__rust_pact_ffi_tests_missing-plugin-pact.json":                     "plugin (CSV) interaction; body content type differs from the header",
	"pactflow__openapi-pact-comparator__src___tests___fixtures_oas_request-body-swagger2_pact.json":     "multipart Content-Type without a boundary",
	"pactflow__pact-schemas__examples_v3_pass_valid-interaction-request-matching-rules.json":            "schema example: the path \"/path\" does not satisfy its own path rule \\w+",
	"pactflow__pact-schemas__examples_v4_pass_valid-interaction-request-matching-rules.json":            "schema example: the path \"/path\" does not satisfy its own path rule \\w+",
}

// Every HTTP interaction of the real pacts in the conformance data, sent as
// its own example, must match: the request conversion must not lose or
// change anything a real consumer sends.
func TestRealPactExamplesMatch(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(conformanceDir(t), "real-pacts", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no real pacts: %v", err)
	}
	c := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	var pacts, sent, skipped int
	for _, f := range files {
		p, _, err := pactfile.Read(f)
		if err != nil {
			continue // not loadable by the reader either; pactfile's tests cover these
		}
		hasHTTP := false
		for _, i := range p.Interactions {
			hasHTTP = hasHTTP || i.Type == model.HTTP
		}
		if !hasHTTP {
			continue
		}
		pacts++
		s, err := New(p, Config{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Start(); err != nil {
			t.Fatal(err)
		}
		for _, i := range s.interactions {
			req, ok := exampleRequest(s.URL(), &i.Request)
			if !ok {
				skipped++
				s.mu.Lock()
				s.touched[indexOf(s.interactions, i)] = true
				s.mu.Unlock()
				continue
			}
			resp, err := c.Do(req)
			if err != nil {
				t.Errorf("%s: %q: %v", filepath.Base(f), i.Description, err)
				continue
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			sent++
		}
		for _, m := range s.Mismatches() {
			var msgs []string
			for _, mm := range m.Mismatches {
				msgs = append(msgs, mm.Type+" "+mm.Path+": "+mm.Description)
			}
			if reason, ok := knownExampleFailures[filepath.Base(f)]; ok {
				t.Logf("known: %s: %s %s %s (%s)", filepath.Base(f), m.Key(), m.Method, m.Path, reason)
				continue
			}
			t.Errorf("%s: %s %s %s %q", filepath.Base(f), m.Key(), m.Method, m.Path, msgs)
		}
		s.Close()
	}
	t.Logf("%d pacts, %d example requests sent, %d not sendable as written", pacts, sent, skipped)
	if pacts < 100 {
		t.Errorf("only %d pacts with HTTP interactions loaded", pacts)
	}
}

func indexOf(is []*model.Interaction, i *model.Interaction) int {
	for n, x := range is {
		if x == i {
			return n
		}
	}
	return -1
}
