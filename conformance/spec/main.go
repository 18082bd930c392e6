// Command spec runs the pact-specification testcases (all versions) through
// the libpact matching engine and reports per-version counts and failures.
//
//	go run ./conformance/spec            # from the repository root
//	PACT_CONFORMANCE_DIR=/data go run ./conformance/spec
//
// The last line is always "pact-specification: N passed, N failed". The exit
// status is 0 when every failure is a deviation listed (with its reason) in
// conformance/DEVIATIONS.md, 1 when some failure is not, and 2 when the
// testcases cannot be found.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/libpact/libpact/core/matching/spectest"
)

func main() {
	flag.Parse()
	dir, err := spectest.FindDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, "spec:", err)
		os.Exit(2)
	}
	results, err := spectest.Run(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "spec:", err)
		os.Exit(2)
	}
	devPath := filepath.Join("conformance", "DEVIATIONS.md")
	if root, err := spectest.RepoRoot(); err == nil {
		devPath = filepath.Join(root, devPath)
	}
	deviations, err := spectest.ReadDeviations(devPath)
	if err != nil {
		fmt.Fprintf(os.Stderr, "spec: reading %s: %v (no deviations allowed)\n", devPath, err)
		deviations = map[string]string{}
	}

	type counts struct{ passed, failed int }
	perVersion := map[string]*counts{}
	unlisted := 0
	passed, failed := 0, 0
	for _, r := range results {
		c := perVersion[r.Version]
		if c == nil {
			c = &counts{}
			perVersion[r.Version] = c
		}
		if r.Passed() {
			c.passed++
			passed++
			continue
		}
		c.failed++
		failed++
		reason, listed := deviations[r.Key()]
		if listed {
			fmt.Printf("DEVIATION %s (match=%v): %s\n", r.Key(), r.Want, reason)
		} else {
			unlisted++
			fmt.Printf("FAIL %s: expected match=%v, got match=%v (%s)\n", r.Key(), r.Want, r.Got, r.Comment)
		}
		if r.Err != nil {
			fmt.Printf("    error: %v\n", r.Err)
		}
		for _, m := range r.Mismatches {
			fmt.Printf("    %s\n", m)
		}
	}
	for _, v := range spectest.Versions {
		if c := perVersion[v.Dir]; c != nil {
			fmt.Printf("%s: %d passed, %d failed\n", v.Dir, c.passed, c.failed)
		}
	}
	for key := range deviations {
		found := false
		for _, r := range results {
			if r.Key() == key && !r.Passed() {
				found = true
			}
		}
		if !found {
			fmt.Printf("note: listed deviation %s now passes (or does not exist)\n", key)
		}
	}
	fmt.Printf("pact-specification: %d passed, %d failed\n", passed, failed)
	if unlisted > 0 {
		os.Exit(1)
	}
}
