package generators

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/uuid"

	"github.com/libpact/libpact/core/model"
)

// conformanceDir finds the shared conformance data: $PACT_CONFORMANCE_DIR, or
// ../shared/conformance next to the repository root (the dir with go.mod).
func conformanceDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("PACT_CONFORMANCE_DIR"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "conformance")
	if _, err := os.Stat(d); err != nil {
		t.Skipf("conformance data not found at %s (set PACT_CONFORMANCE_DIR)", d)
	}
	return d
}

// loadGenerators reads a compatibility-suite generator fixture ({"body": {...}}).
func loadGenerators(t *testing.T, file string) model.Generators {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]map[string]map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	gens := model.Generators{}
	for cat, byPath := range raw {
		for path, attrs := range byPath {
			typ, _ := attrs["type"].(string)
			delete(attrs, "type")
			gens.Add(model.Category(cat), path, model.Generator{Type: typ, Attrs: attrs})
		}
	}
	return gens
}

// TestCompatibilitySuiteGenerators replays the body-generator scenarios of
// V3/generators.feature, V3/http_generators.feature and V4/generators.feature
// with their fixtures, checking values the way the suite's steps do (the
// JSON text of "$.one" against the step's regex).
func TestCompatibilitySuiteGenerators(t *testing.T) {
	fixtures := filepath.Join(conformanceDir(t), "compatibility-suite", "fixtures")
	basic, err := os.ReadFile(filepath.Join(fixtures, "basic.json"))
	if err != nil {
		t.Skipf("fixtures not found: %v", err)
	}
	isUUID := func(s string) bool { _, err := uuid.Parse(s); return err == nil }
	tests := []struct {
		fixture string
		mode    Mode
		ctx     Context
		want    string // a regex the step requires somewhere in the value, or the exact value
		exact   bool
		check   func(string) bool
	}{
		{fixture: "randomint-generator.json", want: `\d+`},
		{fixture: "randomdec-generator.json", want: `\d+\.\d+`},
		{fixture: "randomhex-generator.json", want: `[a-fA-F0-9]+`},
		{fixture: "randomstr-generator.json", want: `.`},
		{fixture: "randomregex-generator.json", want: `\d{1,8}`},
		{fixture: "date-generator.json", want: `\d{4}-\d{2}-\d{2}`},
		{fixture: "time-generator.json", want: `\d{2}:\d{2}:\d{2}`},
		{fixture: "datetime-generator.json", want: `\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,9}`},
		{fixture: "uuid-generator.json", check: isUUID},
		{fixture: "uuid-generator-simple.json", check: func(s string) bool { return isUUID(s) && regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(s) }},
		{fixture: "uuid-generator-lower-case-hyphenated.json", check: func(s string) bool { return isUUID(s) && regexp.MustCompile(`^[0-9a-f-]{36}$`).MatchString(s) }},
		{fixture: "uuid-generator-upper-case-hyphenated.json", check: func(s string) bool { return isUUID(s) && regexp.MustCompile(`^[0-9A-F-]{36}$`).MatchString(s) }},
		{fixture: "uuid-generator-urn.json", check: func(s string) bool { return isUUID(s) && regexp.MustCompile(`^urn:uuid:`).MatchString(s) }},
		{fixture: "boolean-generator.json", want: `^(true|false)$`},
		{fixture: "providerstate-generator.json", mode: Provider, ctx: Context{"providerState": map[string]any{"id": 1000.0}}, want: "1000", exact: true},
		{fixture: "mockserver-generator.json", mode: Consumer, ctx: Context{"mockServer": map[string]any{"href": "http://somewhere.world"}}, want: "http://somewhere.world/a", exact: true},
	}
	for _, tc := range tests {
		t.Run(tc.fixture, func(t *testing.T) {
			gens := loadGenerators(t, filepath.Join(fixtures, tc.fixture))
			req := &model.Request{Method: "GET", Path: "/", Headers: model.Headers{{Name: "content-type", Values: []string{"application/json"}}},
				Body: model.PresentBody(basic, "application/json"), Generators: gens}
			for i := 0; i < 20; i++ {
				out, err := GenerateRequest(req, tc.mode, tc.ctx)
				if err != nil {
					t.Fatal(err)
				}
				var doc map[string]any
				if err := json.Unmarshal(out.Body.Content, &doc); err != nil {
					t.Fatalf("body %s: %v", out.Body.Content, err)
				}
				s := ToString(doc["one"])
				switch {
				case tc.exact && s != tc.want:
					t.Fatalf("$.one = %q; want %q", s, tc.want)
				case tc.check != nil && !tc.check(s):
					t.Fatalf("$.one = %q fails the check", s)
				case !tc.exact && tc.want != "" && !regexp.MustCompile(tc.want).MatchString(s):
					t.Fatalf("$.one = %q does not match %s", s, tc.want)
				case s == "a":
					t.Fatalf("$.one was not replaced")
				}
				if doc["two"] != "b" {
					t.Fatalf("$.two changed: %v", doc["two"])
				}
			}
		})
	}
}
