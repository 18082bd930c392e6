package matching_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/libpact/libpact/core/matching/spectest"
)

// TestSpecificationTestcases runs every pact-specification testcase file; a
// file may disagree only if conformance/DEVIATIONS.md lists it.
func TestSpecificationTestcases(t *testing.T) {
	dir, err := spectest.FindDir()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "pact-specification")); err != nil {
		t.Skipf("conformance data not found at %s (set PACT_CONFORMANCE_DIR): %v", dir, err)
	}
	results, err := spectest.Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	root, err := spectest.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	deviations, err := spectest.ReadDeviations(filepath.Join(root, "conformance", "DEVIATIONS.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 803 {
		t.Errorf("ran %d testcase files, want 803", len(results))
	}
	if len(deviations) > 16 {
		t.Errorf("%d deviations listed, at most 16 allowed", len(deviations))
	}
	passed := 0
	for _, r := range results {
		if r.Passed() {
			passed++
			if _, listed := deviations[r.Key()]; listed {
				t.Errorf("%s is listed in DEVIATIONS.md but now passes; remove it", r.Key())
			}
			continue
		}
		if _, listed := deviations[r.Key()]; listed {
			continue
		}
		t.Errorf("%s (%s): want match=%v, got match=%v, err=%v", r.Key(), r.Comment, r.Want, r.Got, r.Err)
		for _, m := range r.Mismatches {
			t.Logf("    %s", m)
		}
	}
	t.Logf("pact-specification: %d passed, %d failed", passed, len(results)-passed)
}
