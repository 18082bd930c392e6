package verifier

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/matching"
)

// The testResults of a published result, shaped as the reference's.
func TestTestResults(t *testing.T) {
	ok := []InteractionResult{{ID: "a", OK: true, InteractionDescription: "A"}, {ID: "", OK: true}, {ID: "b", OK: true}}
	got, _ := json.Marshal(testResults(ok))
	if string(got) != `[{"interactionId":"a","success":true},{"interactionId":"b","success":true}]` {
		t.Errorf("all passed: %s", got)
	}
	failed := []InteractionResult{
		{ID: "a", OK: true, InteractionDescription: "A"},
		{ID: "b", InteractionDescription: "B", Mismatches: []matching.Mismatch{
			{Type: "StatusMismatch", Expected: 200, Actual: 500, Description: "expected 200 but was 500"},
			{Type: "BodyTypeMismatch", Expected: "application/json", Actual: "text/plain"},
			{Type: "HeaderMismatch", Path: "X-A", Description: "Mismatch with header 'X-A'"}}},
		{ID: "c", InteractionDescription: "C", Error: "Request Failed"},
	}
	got, _ = json.Marshal(testResults(failed))
	want := `[{"interactionId":"a","interactionDescription":"A","success":true},` +
		`{"interactionId":"b","interactionDescription":"B","success":false,"mismatches":[` +
		`{"attribute":"status","description":"expected 200 but was 500"},` +
		`{"attribute":"body","identifier":"$","description":"Expected body type of 'application/json' but received 'text/plain'"},` +
		`{"attribute":"header","identifier":"X-A","description":"Mismatch with header 'X-A'"}]},` +
		`{"interactionId":"c","interactionDescription":"C","success":false,"exceptions":[{"message":"Request Failed"}]}]`
	if string(got) != want {
		t.Errorf("failed:\n got %s\nwant %s", got, want)
	}
}
