package matching

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestMatchResponseOrder: pact_matching's match_response lists body
// mismatches first, then the status, then headers; a verifier prints them in
// that order (found side by side with pact-python).
func TestMatchResponseOrder(t *testing.T) {
	jsonHeaders := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	tests := []struct {
		name     string
		expected model.Response
		actual   model.Response
		want     []string
	}{
		{
			name:     "body type, status, header",
			expected: model.Response{Status: 200, Headers: jsonHeaders, Body: model.PresentBody([]byte(`[{"id":5}]`), "application/json")},
			actual:   model.Response{Status: 500, Headers: model.Headers{{Name: "Content-Type", Values: []string{"text/plain"}}}, Body: model.PresentBody([]byte("boom"), "text/plain")},
			want:     []string{"BodyTypeMismatch", "StatusMismatch", "HeaderMismatch"},
		},
		{
			name:     "body value then status",
			expected: model.Response{Status: 200, Headers: jsonHeaders, Body: model.PresentBody([]byte(`{"a":1}`), "application/json")},
			actual:   model.Response{Status: 201, Headers: jsonHeaders, Body: model.PresentBody([]byte(`{"a":2}`), "application/json")},
			want:     []string{"BodyMismatch", "StatusMismatch"},
		},
		{
			name:     "status only",
			expected: model.Response{Status: 200},
			actual:   model.Response{Status: 404},
			want:     []string{"StatusMismatch"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchResponse(&tt.expected, &tt.actual)
			var types []string
			for _, m := range got {
				types = append(types, m.Type)
			}
			if len(types) != len(tt.want) {
				t.Fatalf("got %v, want %v", types, tt.want)
			}
			for n := range types {
				if types[n] != tt.want[n] {
					t.Fatalf("got %v, want %v", types, tt.want)
				}
			}
		})
	}
}
