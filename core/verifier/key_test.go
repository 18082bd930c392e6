package verifier

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestInteractionKeyOnlyFromPact checks that an interaction result carries
// "interactionKey" only when the pact file gives the interaction a key, as
// pact_verifier does (it reports interaction.key() and computes none).
func TestInteractionKeyOnlyFromPact(t *testing.T) {
	tests := []struct {
		name string
		pact string
		want []any // interactionKey of each result, nil = absent
	}{
		{"keys in the pact", v4Pact, []any{"q1", "n1"}},
		{"no keys in the pact", strings.NewReplacer(`"key": "q1",`, "", `"key": "n1",`, "").Replace(v4Pact), []any{nil, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			cfg := f.config(t, tt.pact)
			cfg.Provider.Transports = []Transport{{Protocol: "message", Port: f.port(), Path: "/messages"}}
			rep := mustVerify(t, cfg)
			var doc struct {
				InteractionResults []map[string]any `json:"interactionResults"`
			}
			if err := json.Unmarshal(rep.JSON(), &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.InteractionResults) != len(tt.want) {
				t.Fatalf("results = %+v", doc.InteractionResults)
			}
			for i, r := range doc.InteractionResults {
				if got := r["interactionKey"]; got != tt.want[i] {
					t.Errorf("result %d interactionKey = %v, want %v", i, got, tt.want[i])
				}
			}
		})
	}
}

// TestReadPactNotJSON checks the reference's words for a pact file that is
// not JSON (pact_models' read_pact: "Failed to parse Pact JSON").
func TestReadPactNotJSON(t *testing.T) {
	dir := t.TempDir()
	bad := dir + "/bad.json"
	if err := os.WriteFile(bad, []byte("nope"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readPact(bad); err == nil || err.Error() != "Failed to parse Pact JSON" {
		t.Errorf("err = %v", err)
	}
	if err := os.WriteFile(bad, []byte(`{"consumer": {"name": "x"}, "interactions": 5}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readPact(bad); err == nil || err.Error() == "Failed to parse Pact JSON" {
		t.Errorf("JSON that is not a pact: err = %v", err)
	}
}
