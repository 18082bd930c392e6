package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func FuzzParseDefinition(f *testing.F) {
	for _, s := range []string{
		"matching(type,'Name')", "matching(number,100)", "matching(datetime, 'yyyy-MM-dd','2000-01-01')",
		"notEmpty('test')", `eachKey(matching(regex, '\$(\.\w+)+', '$.test.one'))`, "eachValue(matching(type, 100))",
		`atLeast(2), atMost(10), eachValue(matching(regex, '\d+', '1234'))`,
		`matching(regex, '\d+', fromProviderState('${id}', '100'))`, "arrayContains(matching(equalTo, 'a'), matching($'b'))",
		`matching(type, '\u{1F600}\'\\\n')`, "matching(creditcard, 'visa', 1.5)", "matching(semver, '1.0.0')",
		"matching(boolean, true), matching(contentType, 'a/b', 'x')", "matching(decimal, -1.25)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDefinition(s)
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error %T is not a *SyntaxError: %v", err, err)
			}
			return
		}
		if !IsDefinition(s) {
			t.Fatalf("ParseDefinition(%q) succeeded but IsDefinition is false", s)
		}
		if len(d.Rules) == 0 && len(d.References) == 0 {
			t.Fatalf("ParseDefinition(%q) gave no rules and no references", s)
		}
		if _, err := json.Marshal(d.ToJSON()); err != nil {
			t.Fatalf("ToJSON of %q does not marshal: %v", s, err)
		}
	})
}

// seedFiles adds every file in testdata/dir as a seed.
func seedFiles(f *testing.F, dir string) {
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*.json"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

// checkPaths fails when a rule or generator path does not parse.
func checkPaths(t *testing.T, rules model.PathRules, gens map[string]model.Generator) {
	for p := range rules.All() {
		if _, err := model.ParsePath(p); err != nil {
			t.Fatalf("rule path %q does not parse: %v", p, err)
		}
	}
	for p := range gens {
		if _, err := model.ParsePath(p); err != nil {
			t.Fatalf("generator path %q does not parse: %v", p, err)
		}
	}
}

func FuzzProcessJSON(f *testing.F) {
	seedFiles(f, "json")
	f.Add([]byte(`{"a":{"pact:matcher:type":"eachValue(matching($'a'))","a":1}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		ex, rules, gens, err := ProcessJSON(body)
		if err != nil {
			return
		}
		if !json.Valid(ex) {
			t.Fatalf("example is not valid JSON: %s", ex)
		}
		checkPaths(t, rules, gens)
		for _, l := range rules.All() {
			for _, r := range l.Rules {
				if _, err := json.Marshal(r.ToJSON()); err != nil {
					t.Fatalf("rule %+v does not marshal: %v", r, err)
				}
			}
		}
		// ProcessValue must take any input without panicking.
		_, _, _, _ = ProcessValues(string(body))
	})
}

func FuzzProcessXML(f *testing.F) {
	seedFiles(f, "xml")
	f.Fuzz(func(t *testing.T, body []byte) {
		_, rules, gens, err := ProcessXML(body)
		if err != nil {
			return
		}
		_ = rules
		_ = gens
		_, _, _, _ = ProcessForm(body)
	})
}
