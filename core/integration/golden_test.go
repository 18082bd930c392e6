package integration

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenResult renders the output of a Process* function for a golden file:
// the exact example text, and the rules and generators as pact-file JSON.
func goldenResult(t *testing.T, example []byte, rules model.PathRules, gens map[string]model.Generator) []byte {
	t.Helper()
	out := map[string]any{"example": string(example)}
	if rules.Len() > 0 {
		r := map[string]any{}
		for p, l := range rules.All() {
			r[p] = l.ToJSON()
		}
		out["rules"] = r
	}
	if len(gens) > 0 {
		g := map[string]any{}
		for p, x := range gens {
			g[p] = x.ToJSON()
		}
		out["generators"] = g
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// checkGolden compares got with the golden file, or rewrites it with -update.
func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it)\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// runGolden runs process over every input in dir with the given extension.
func runGolden(t *testing.T, dir, ext string, process func([]byte) ([]byte, model.PathRules, map[string]model.Generator, error)) {
	files, err := filepath.Glob(filepath.Join("testdata", dir, "*"+ext))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no test inputs in testdata/%s", dir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ext)
		t.Run(name, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			ex, rules, gens, err := process(in)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			checkGolden(t, strings.TrimSuffix(f, ext)+".golden", goldenResult(t, ex, rules, gens))
		})
	}
}

func TestProcessJSONGolden(t *testing.T) {
	runGolden(t, "json", ".json", ProcessJSON)
}
