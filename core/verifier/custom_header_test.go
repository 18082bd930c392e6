package verifier

import "testing"

func TestCheckCustomHeader(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
	}{
		{"X-Tenant", "t1", true},
		{"Authorization", "Bearer a b:c", true},
		{"x", "", true},
		{"X-Tab-Value", "a\tb", true},
		{"X-Unicode-Value", "café", true},
		{"", "v", false},
		{"X Tenant", "v", false},
		{"X:Tenant", "v", false},
		{"X\tTenant", "v", false},
		{"X\nTenant", "v", false},
		{"X-\x01", "v", false},
		{"X-\x7f", "v", false},
		{"Café", "v", false},
		{"X-A", "a\r\nX-B: b", false},
		{"X-A", "a\nb", false},
		{"X-A", "a\x00", false},
	}
	for _, tt := range tests {
		err := CheckCustomHeader(tt.name, tt.value)
		if (err == nil) != tt.ok {
			t.Errorf("CheckCustomHeader(%q, %q) = %v; want ok %v", tt.name, tt.value, err, tt.ok)
		}
	}
	want := "Custom header 'X Y' has an invalid name or value 'v'"
	if err := CheckCustomHeader("X Y", "v"); err == nil || err.Error() != want {
		t.Errorf("CheckCustomHeader error = %v; want %q", err, want)
	}
}
