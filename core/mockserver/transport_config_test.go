package mockserver

import "testing"

func TestParseTransportConfig(t *testing.T) {
	tests := []struct {
		in      string
		cors    bool
		wantErr bool
	}{
		{"", false, false},
		{"  ", false, false},
		{`{"corsPreflight": true}`, true, false},
		{`{"corsPreflight": false, "pactSpecification": "V3"}`, false, false},
		{`{"corsPreflight": "yes"}`, false, false},
		{`{}`, false, false},
		{`[1]`, false, true},
		{`{"corsPreflight": tru`, false, true},
	}
	for _, tt := range tests {
		tc, err := ParseTransportConfig(tt.in)
		if (err != nil) != tt.wantErr || tc.CORSPreflight != tt.cors {
			t.Errorf("ParseTransportConfig(%q) = %+v, %v", tt.in, tc, err)
		}
	}
}
