package reliability

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// FuzzMatchRequest feeds the HTTP request matcher (matching.MatchRequest)
// with real pacts from the conformance data (real-pacts/, 400 pact files
// from public repositories) and a fuzzed body, path and header value for the
// actual request. For every HTTP interaction of the pact it matches the
// expected request against an actual request built from it with the fuzzed
// parts, and against every other interaction's request. Properties: no panic;
// the same inputs give the same mismatches twice; an interaction's own request
// without matching rules matches itself.
func FuzzMatchRequest(f *testing.F) {
	dir := filepath.Join(conformanceDir(f), "real-pacts")
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) == 0 {
		f.Skipf("no real pacts in %s (set PACT_CONFORMANCE_DIR)", dir)
	}
	for k, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		bodies := []string{"", `{"id": 1}`, `[1, "a", null]`, "<a><b>1</b></a>", "a=1&b=2"}
		f.Add(data, []byte(bodies[k%len(bodies)]), "/fuzz", "application/json")
	}
	f.Fuzz(func(t *testing.T, pactJSON, body []byte, path, header string) {
		p, _, err := pactfile.Parse(pactJSON)
		if err != nil {
			return
		}
		var reqs []*model.Request
		for _, i := range p.Interactions {
			if i != nil && i.Type == model.HTTP {
				reqs = append(reqs, &i.Request)
			}
		}
		if len(reqs) > 20 {
			reqs = reqs[:20]
		}
		for n, expected := range reqs {
			if len(expected.MatchingRules) == 0 && len(expected.Generators) == 0 {
				self := cloneRequest(expected)
				if mm := matching.MatchRequest(expected, self); len(mm) > 0 && !hasXMLorMultipart(expected) {
					t.Errorf("interaction %d does not match its own request: %v", n, mm)
				}
			}
			actual := cloneRequest(expected)
			if len(body) > 0 {
				actual.Body = model.PresentBody(body, actual.Headers.First("Content-Type"))
			}
			if path != "" {
				actual.Path = path
			}
			if actual.Headers == nil {
				actual.Headers = model.Headers{}
			}
			actual.Headers.Set("Content-Type", header)
			first := matching.MatchRequest(expected, actual)
			second := matching.MatchRequest(expected, actual)
			if !reflect.DeepEqual(first, second) {
				t.Errorf("interaction %d: two matches of the same requests differ:\n%v\n%v", n, first, second)
			}
			other := reqs[(n+1)%len(reqs)]
			matching.MatchRequest(expected, other)
		}
	})
}

func cloneRequest(r *model.Request) *model.Request {
	i := &model.Interaction{Type: model.HTTP, Request: *r}
	return &i.Clone().Request
}

// hasXMLorMultipart reports bodies whose self-match depends on parsing that a
// real pact may not satisfy (malformed XML or multipart examples); they are
// still fuzzed for panics and determinism.
func hasXMLorMultipart(r *model.Request) bool {
	ct := r.Headers.First("Content-Type")
	if ct == "" {
		ct = r.Body.ContentType
	}
	ct = strings.ToLower(ct)
	return strings.Contains(ct, "xml") || strings.Contains(ct, "multipart")
}
