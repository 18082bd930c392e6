package matching

import "testing"

// TestToJSONBinaryValues checks the placeholders pact_matching's
// Mismatch::to_json writes for values that are not UTF-8 (found side by side
// with pact-js verifying a binary body).
func TestToJSONBinaryValues(t *testing.T) {
	bin := string([]byte{0, 3, 0xfa, 0xff})
	tests := []struct {
		name string
		m    Mismatch
		key  string
		want any
	}{
		{"body expected binary", Mismatch{Type: "BodyMismatch", Path: "$", Expected: bin, Actual: `{"a":1}`}, "expected", "ERROR: could not convert from bytes"},
		{"body actual binary bytes", Mismatch{Type: "BodyMismatch", Path: "$", Expected: "x", Actual: []byte(bin)}, "actual", "ERROR: could not convert from bytes"},
		{"body actual text bytes", Mismatch{Type: "BodyMismatch", Path: "$", Expected: "x", Actual: []byte("ok")}, "actual", "ok"},
		{"body text kept", Mismatch{Type: "BodyMismatch", Path: "$", Expected: "\u00e9t\u00e9", Actual: nil}, "expected", "\u00e9t\u00e9"},
		{"body nil kept", Mismatch{Type: "BodyMismatch", Path: "$", Expected: "x", Actual: nil}, "actual", nil},
		{"type mismatch body binary", Mismatch{Type: "BodyTypeMismatch", ExpectedBody: []byte(bin)}, "expectedBody", "ERROR: could not convert to UTF-8 from bytes"},
		{"type mismatch body text", Mismatch{Type: "BodyTypeMismatch", ActualBody: []byte("hi")}, "actualBody", "hi"},
		{"header value untouched", Mismatch{Type: "HeaderMismatch", Path: "X", Expected: bin}, "expected", bin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.m.ToJSON()[tt.key]; got != tt.want {
				t.Errorf("%s = %#v, want %#v", tt.key, got, tt.want)
			}
		})
	}
}
