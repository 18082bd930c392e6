package integration

import (
	"encoding/json"
	"testing"
)

// Numbers in matching-rule expressions may have leading zeros; the examples
// written from them must still be JSON (fuzz regression:
// testdata/fuzz/FuzzProcessJSON/6be4fe8f19510a54, "matching(decimal,00)").
func TestJSONNumber(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "00": "0", "007": "7", "-00": "-0", "-007.50": "-7.50", "00.5": "0.5", "12": "12", "1.0": "1.0", "-3": "-3",
	} {
		got := jsonNumber(in)
		if string(got) != want || !json.Valid([]byte(got)) {
			t.Errorf("jsonNumber(%q) = %q, want %q (valid JSON)", in, got, want)
		}
	}
}
