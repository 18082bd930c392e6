package pactfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/libpact/libpact/core/model"
)

// FuzzParse feeds the pact reader arbitrary bytes, seeded with the real-world
// pacts and the hand-written testdata. It must never panic, and whatever it
// reads must write and read back: a second write gives the same bytes.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "pacts", "*.json"))
	if d := findConformanceDir(); d != "" {
		dir := filepath.Join(d, "real-pacts")
		if pacts, err := readIndex(dir); err == nil {
			for _, rp := range pacts {
				seeds = append(seeds, filepath.Join(dir, rp.file))
			}
		}
	}
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// A hang kills the worker, so that the fuzzer records the input.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("FuzzParse hung on %q", data)) })
		defer watchdog.Stop()
		p, warnings, err := Parse(data)
		// The reader decodes interactions one at a time, and V4 HTTP ones
		// straight into the model when it can (fast_read.go); reading the
		// fully decoded document must give the same pact, warnings and
		// failures.
		tp, twarnings, terr := parseViaTree(data)
		if terr != nil && err == nil {
			t.Fatalf("Parse read what the decoded tree rejects (%v)", terr)
		}
		if terr == nil {
			if err != nil {
				t.Fatalf("Parse failed (%v) where the decoded tree reads", err)
			}
			a, _, _ := Marshal(p, model.V4)
			b, _, _ := Marshal(tp, model.V4)
			if string(a) != string(b) || fmt.Sprint(warnings) != fmt.Sprint(twarnings) {
				t.Fatalf("Parse and the decoded tree differ:\n%s\n%v\n---\n%s\n%v", a, warnings, b, twarnings)
			}
		}
		if err != nil {
			return
		}
		ver := p.SpecVersion
		out, _, err := Marshal(p, ver)
		if err != nil {
			// Only the version limits may refuse a pact that was read.
			if !strings.Contains(err.Error(), "need V") && !strings.Contains(err.Error(), "both HTTP interactions and messages") {
				t.Fatalf("Marshal: %v", err)
			}
			ver = model.V4
			if out, _, err = Marshal(p, ver); err != nil {
				t.Fatalf("Marshal as V4: %v", err)
			}
		}
		p2, _, err := Parse(out)
		if err != nil {
			t.Fatalf("written pact does not read back: %v\n%s", err, out)
		}
		if len(p2.Interactions) != len(p.Interactions) {
			t.Fatalf("%d interactions, %d after a round trip", len(p.Interactions), len(p2.Interactions))
		}
		out2, _, err := Marshal(p2, ver)
		if err != nil {
			t.Fatalf("second Marshal: %v", err)
		}
		if string(out2) != string(out) {
			t.Fatalf("second write differs:\n%s\n---\n%s", out, out2)
		}
	})
}

// parseViaTree reads a pact from its fully decoded JSON tree.
func parseViaTree(data []byte) (*model.Pact, []string, error) {
	v, err := DecodeJSON(data)
	if err != nil {
		return nil, nil, err
	}
	doc, ok := v.(map[string]any)
	if !ok {
		return nil, nil, fmt.Errorf("not an object")
	}
	r := &reader{}
	p, err := r.pact(doc, nil)
	return p, r.warnings, err
}
