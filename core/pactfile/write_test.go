package pactfile

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func mustRead(t *testing.T, name string) *model.Pact {
	t.Helper()
	p, _, err := Read(filepath.Join("testdata", "pacts", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMarshalVersionLimits(t *testing.T) {
	if _, _, err := Marshal(mustRead(t, "v4-mixed.json"), model.V3); err == nil || !strings.Contains(err.Error(), "synchronous messages need V4") {
		t.Errorf("V4 with sync messages as V3: %v", err)
	}
	if _, _, err := Marshal(mustRead(t, "v3-message.json"), model.V2); err == nil || !strings.Contains(err.Error(), "messages need V3") {
		t.Errorf("messages as V2: %v", err)
	}
	mixed := httpPact("a")
	mixed.AddInteraction(model.AsyncMessage, "m")
	if _, _, err := Marshal(mixed, model.V3); err == nil || !strings.Contains(err.Error(), "both HTTP interactions and messages") {
		t.Errorf("mixed as V3: %v", err)
	}
	if _, _, err := Marshal(mixed, model.V4); err != nil {
		t.Errorf("mixed as V4: %v", err)
	}
	_, warnings, err := Marshal(mustRead(t, "v3-http.json"), model.V2)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(warnings, "\n")
	for _, want := range []string{
		"dropped all but the first at '$.body.customer'",
		"V2 pacts cannot hold generators",
		"hold one provider state; dropped all but 'a customer exists'",
		"cannot hold provider state parameters",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("V2 warnings lack %q:\n%s", want, all)
		}
	}
	// pact_models writes a V1 pact's rules in the V2 form (found side by
	// side with pact-python), so nothing is dropped.
	out, warnings, _ := Marshal(mustRead(t, "v2.json"), model.V1)
	if strings.Contains(strings.Join(warnings, "\n"), "matching rules") || !strings.Contains(string(out), `"$.body`) {
		t.Errorf("V1: warnings %v\n%s", warnings, out)
	}
}

// TestComputedKeys: pact_models writes an interaction's key only when one
// was given (found side by side with pact-python and pact-js: pact_ffi 0.5.8
// writes none for interactions built without with_key); InteractionKey is
// still the content hash pact_models' unique_key gives.
func TestComputedKeys(t *testing.T) {
	p := httpPact("a", "b")
	p.SpecVersion = model.V4
	out1, _, _ := Marshal(p, model.V4)
	out2, _, _ := Marshal(p, model.V4)
	if string(out1) != string(out2) {
		t.Fatal("two writes differ")
	}
	if strings.Contains(string(out1), `"key"`) {
		t.Fatalf("a key was written for interactions that have none:\n%s", out1)
	}
	k0, k1 := InteractionKey(p.Interactions[0]), InteractionKey(p.Interactions[1])
	if !regexp.MustCompile(`^[0-9a-f]{16}$`).MatchString(k0) || k0 == k1 {
		t.Fatalf("InteractionKey = %q, %q", k0, k1)
	}
	p.Interactions[0].Response.Status = 404
	if InteractionKey(p.Interactions[0]) == k0 {
		t.Errorf("key did not change with the content")
	}
	p.Interactions[1].Key = "given-key"
	out3, _, _ := Marshal(p, model.V4)
	keys := regexp.MustCompile(`"key": "([^"]*)"`).FindAllStringSubmatch(string(out3), -1)
	if len(keys) != 1 || keys[0][1] != "given-key" || InteractionKey(p.Interactions[1]) != "given-key" {
		t.Errorf("keys written = %v", keys)
	}
}

// TestMarshalDeterministic writes a model built in Go (maps everywhere) many
// times: every write must give the same bytes.
func TestMarshalDeterministic(t *testing.T) {
	p := mustRead(t, "v4-mixed.json")
	for _, i := range p.Interactions {
		i.Key = ""
	}
	first, _, err := Marshal(p, model.V4)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 50; n++ {
		out, _, _ := Marshal(p, model.V4)
		if string(out) != string(first) {
			t.Fatalf("write %d differs", n)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{``, "the input is empty"},
		{`{"consumer": {"name": "a"},`, "line 1, column 28: unexpected end of input"},
		{"{\n  \"a\": 1,\n  }", "invalid JSON at line 3, column 3"},
		{`[1]`, "must be a JSON object, but this one is an array"},
		{`{} {}`, "unexpected data after the top-level value"},
		{`{"interactions": {}}`, "'interactions' must be an array"},
		{`{"interactions": [1]}`, "interaction 0 must be a JSON object"},
		{`{"interactions": [{"type": "Odd"}], "metadata": {"pactSpecification": {"version": "4.0"}}}`, "unknown type 'Odd'"},
		{`{"interactions": [{"response": {"status": 200.5}}]}`, "'status' must be an integer HTTP status, got 200.5"},
	}
	for _, tt := range tests {
		_, _, err := Parse([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestParseDefaults(t *testing.T) {
	p, warnings, err := Parse([]byte("\xEF\xBB\xBF" + `{"interactions": [{"request": {"method": "post"}, "response": {}, "extra": 1}],
		"metadata": {"pactSpecification": {"version": "2"}, "pact-jvm": {"version": "4"}}}`))
	if err != nil {
		t.Fatal(err)
	}
	i := p.Interactions[0]
	if p.Consumer != "consumer" || p.Provider != "provider" || i.Description != "Interaction 0" || i.Request.Method != "POST" ||
		i.Request.Path != "/" || i.Response.Status != 200 || p.SpecVersion != model.V2 || p.Metadata["pact-jvm"] == nil {
		t.Errorf("defaults: %+v %+v", p, i)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "ignoring unknown attribute 'extra'") {
		t.Errorf("warnings = %v", warnings)
	}
	for ver, want := range map[string]model.SpecVersion{"1": model.V1, "1.0": model.V1, "1.1.0": model.V1_1, "2.0": model.V2, "3": model.V3, "4.0.0": model.V4, "5.0": model.V3, "x": model.V3} {
		p, _, err := Parse([]byte(`{"metadata": {"pact-specification": {"version": "` + ver + `"}}}`))
		if err != nil || p.SpecVersion != want {
			t.Errorf("version %q read as %v (%v), want %v", ver, p.SpecVersion, err, want)
		}
	}
	p, _, _ = Parse([]byte(`{"interactions": [{"type": "Synchronous/HTTP", "description": "x", "request": {}, "response": {}}]}`))
	if p.SpecVersion != model.V4 {
		t.Errorf("a versionless pact with typed interactions read as %v", p.SpecVersion)
	}
}
