package brokertest

import (
	"encoding/json"
	"testing"
)

// FuzzParseSelector feeds selectors to the parser and to a selection over
// a small broker: neither may panic, and an accepted selector has a kind.
func FuzzParseSelector(f *testing.F) {
	for _, s := range []string{`{"mainBranch":true}`, `{"branch":"x","latest":false}`, `{"tag":"t","fallbackTag":"u","latest":true}`,
		`{"deployed":true,"environment":"production"}`, `{"consumer":"A","latest":true}`, `{"matchingBranch":true}`, `{"x":1}`} {
		f.Add([]byte(s))
	}
	b := New()
	defer b.Close()
	if err := b.AddPact("1", "main", []string{"t"}, pact("A", "a1")); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var sel map[string]any
		if json.Unmarshal(data, &sel) != nil {
			return
		}
		s, err := parseSelector(sel)
		if err == nil && s.kind == "" {
			t.Fatalf("%s: accepted without a kind", data)
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		b.selectPubs("P", sel, "main")
	})
}
