// Package reliability holds libpact's reliability tests (issue 6): the mock
// server under hostile input, atomic and concurrent pact-file writes, and a
// fuzz target for the HTTP request matcher fed with real pacts. The C, Python
// and Node parts (misuse sweep, leaks, concurrency, the test hook) are driven
// by the Makefile beside this file; conformance/RELIABILITY.md has the figures.
//
//	go test -short ./conformance/reliability/                # seconds
//	go test ./conformance/reliability/                       # about a minute
//	RELIABILITY_LONG=1 go test ./conformance/reliability/    # the full figures (about 15 minutes)
package reliability

import (
	"os"
	"path/filepath"
	"testing"
)

// long reports whether the full-size runs were asked for (RELIABILITY_LONG=1):
// 16 processes x 100 interactions x 20 merge runs, 50 kills, 20 shutdowns.
func long() bool { return os.Getenv("RELIABILITY_LONG") != "" }

// conformanceDir returns $PACT_CONFORMANCE_DIR, or ../shared/conformance next
// to the repository root (the directory holding go.mod).
func conformanceDir(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv("PACT_CONFORMANCE_DIR"); dir != "" {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return filepath.Join(d, "..", "shared", "conformance")
		}
		if filepath.Dir(d) == d {
			t.Fatal("no go.mod above " + wd)
		}
	}
}
