package pactfile

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// goldenCases are the hand-written pacts of testdata/pacts and the versions
// each is written as. Writing at the pact's own version must round-trip.
var goldenCases = []struct {
	file string
	vers []model.SpecVersion
}{
	{"v1.json", []model.SpecVersion{model.V1, model.V3, model.V4}},
	{"v1_1.json", []model.SpecVersion{model.V1_1, model.V4}},
	{"v2.json", []model.SpecVersion{model.V2, model.V3, model.V4}},
	{"v3-http.json", []model.SpecVersion{model.V3, model.V2, model.V4}},
	{"v3-message.json", []model.SpecVersion{model.V3, model.V4}},
	{"v4-mixed.json", []model.SpecVersion{model.V4}},
}

func versionTag(v model.SpecVersion) string {
	return "v" + strings.ReplaceAll(strings.TrimSuffix(v.String(), ".0"), ".", "_")
}

// TestGolden reads each hand-written pact, writes it at several versions and
// compares the output with testdata/golden (go test -update rewrites them).
// Written at its own version, the pact must read back to the same model, and
// a second write must give the same bytes.
func TestGolden(t *testing.T) {
	for _, gc := range goldenCases {
		src := filepath.Join("testdata", "pacts", gc.file)
		p1, warnings, err := Read(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range warnings {
			t.Errorf("%s: unexpected warning: %s", gc.file, w)
		}
		for _, ver := range gc.vers {
			name := strings.TrimSuffix(gc.file, ".json") + ".as-" + versionTag(ver) + ".json"
			out, _, err := Marshal(p1, ver)
			if err != nil {
				t.Errorf("%s as %s: %v", gc.file, ver, err)
				continue
			}
			golden := filepath.Join("testdata", "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, out, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if want, err := os.ReadFile(golden); err != nil {
				t.Errorf("%s: %v (run go test -update)", name, err)
			} else if string(want) != string(out) {
				t.Errorf("%s: output differs from the golden file (run go test -update and review the diff)", name)
			}
			p2, _, err := Parse(out)
			if err != nil {
				t.Errorf("%s: reading back: %v", name, err)
				continue
			}
			again, _, _ := Marshal(p2, ver)
			if string(again) != string(out) {
				t.Errorf("%s: the second write differs from the first", name)
			}
			if ver == p1.SpecVersion {
				assertSamePact(t, name, p1, p2)
			}
		}
	}
}

func assertSamePact(t *testing.T, name string, a, b *model.Pact) {
	t.Helper()
	strip := func(p *model.Pact) map[string]any {
		md := map[string]any{}
		for k, v := range p.Metadata {
			if k != "libpact" {
				md[k] = v
			}
		}
		return md
	}
	if !reflect.DeepEqual(strip(a), strip(b)) {
		t.Errorf("%s: metadata changed: %v vs %v", name, a.Metadata, b.Metadata)
	}
	if a.Consumer != b.Consumer || a.Provider != b.Provider || a.SpecVersion != b.SpecVersion {
		t.Errorf("%s: pact header changed", name)
	}
	if len(a.Interactions) != len(b.Interactions) {
		t.Fatalf("%s: %d interactions, then %d", name, len(a.Interactions), len(b.Interactions))
	}
	// The writer orders interactions; compare in that order.
	as, bs := sortedInteractions(a.Interactions), sortedInteractions(b.Interactions)
	for n := range as {
		x, y := as[n], bs[n]
		if !reflect.DeepEqual(x, y) {
			t.Errorf("%s: interaction %d (%s) changed in the round trip:\n%s\nvs\n%s", name, n, x.Description, dump(x), dump(y))
		}
	}
}

func dump(i *model.Interaction) string {
	w := &writer{ver: model.V4}
	return string(encodeJSON(w.interaction(i), false)) + "\n" + strings.Repeat("-", 10) + fmtGo(i)
}

func fmtGo(i *model.Interaction) string {
	var b strings.Builder
	for _, part := range []any{i.Request, i.Response, i.Messages.Message} {
		b.WriteString("\n")
		b.WriteString(strings.ReplaceAll(strings.TrimSpace(goString(part)), "\n", " "))
	}
	return b.String()
}

func goString(v any) string { return fmt.Sprintf("%#v", v) }
