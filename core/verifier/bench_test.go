package verifier

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkVerify100 verifies a pact of 100 JSON interactions (with a state
// change each, setup and teardown) against an in-process provider; one
// iteration is one whole run.
func BenchmarkVerify100(b *testing.B) {
	provider := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id": 7, "name": "widget", "tags": ["a", "b"], "price": 12.5}`)
	}))
	defer provider.Close()
	states := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	}))
	defer states.Close()
	var items []string
	for i := 0; i < 100; i++ {
		items = append(items, fmt.Sprintf(`{"description": "request %d", "providerStates": [{"name": "item %d exists"}],
		  "request": {"method": "GET", "path": "/items/%d"},
		  "response": {"status": 200, "headers": {"Content-Type": "application/json"},
		    "body": {"id": 1, "name": "x", "tags": ["t"], "price": 1.5},
		    "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}, "$.name": {"matchers": [{"match": "type"}]},
		      "$.tags": {"matchers": [{"match": "type", "min": 1}]}, "$.price": {"matchers": [{"match": "decimal"}]}}}}}`, i, i, i))
	}
	pact := `{"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [` + strings.Join(items, ",") +
		`], "metadata": {"pactSpecification": {"version": "3.0.0"}}}`
	path := filepath.Join(b.TempDir(), "pact.json")
	os.WriteFile(path, []byte(pact), 0o644)
	cfg := Config{
		Provider:    Provider{Name: "p", Host: "127.0.0.1", Port: provider.Listener.Addr().(*net.TCPAddr).Port},
		Sources:     []Source{FileSource(path)},
		StateChange: StateChange{URL: states.URL, Teardown: true},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := Verify(context.Background(), cfg)
		if err != nil || !rep.Result {
			b.Fatalf("%v %+v", err, rep.Errors)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*100), "µs/interaction")
}
