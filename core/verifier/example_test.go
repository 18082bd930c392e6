package verifier_test

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

	"github.com/libpact/libpact/core/verifier"
)

// Verifying a provider (here an httptest server) against a pact file.
func Example() {
	provider := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"status": "up"}`)
	}))
	defer provider.Close()

	dir, _ := os.MkdirTemp("", "pacts")
	defer os.RemoveAll(dir)
	pact := filepath.Join(dir, "web-api.json")
	os.WriteFile(pact, []byte(`{"consumer": {"name": "web"}, "provider": {"name": "api"},
	  "interactions": [{"description": "a health check", "request": {"method": "GET", "path": "/health"},
	    "response": {"status": 200, "body": {"status": "up"}}}],
	  "metadata": {"pactSpecification": {"version": "3.0.0"}}}`), 0o644)

	rep, err := verifier.Verify(context.Background(), verifier.Config{
		Provider: verifier.Provider{Name: "api", Host: "127.0.0.1", Port: provider.Listener.Addr().(*net.TCPAddr).Port},
		Sources:  []verifier.Source{verifier.FileSource(pact)},
	})
	if err != nil {
		fmt.Println("could not run:", err)
		return
	}
	fmt.Println("passed:", rep.Result)
	for _, line := range rep.Output {
		if strings.Contains(line, "Verifying") || strings.Contains(line, "has ") {
			fmt.Println(line)
		}
	}
	// Output:
	// passed: true
	//
	// Verifying a pact between web and api
	//       has status code 200 (OK)
	//       has a matching body (OK)
}
