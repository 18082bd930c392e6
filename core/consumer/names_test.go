package consumer

import "testing"

func TestNames(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name               string
		consumer, provider *string
		wantC, wantP       string
	}{
		{"both given", str("web"), str("api"), "web", "api"},
		{"both NULL", nil, nil, "Consumer", "Provider"},
		{"consumer NULL", nil, str("api"), "Consumer", "api"},
		{"provider NULL", str("web"), nil, "web", "Provider"},
		{"empty stays empty", str(""), str(""), "", ""},
		{"defaults are only for NULL", str("Provider"), str("Consumer"), "Provider", "Consumer"},
	}
	for _, tt := range tests {
		c, p := Names(tt.consumer, tt.provider)
		if c != tt.wantC || p != tt.wantP {
			t.Errorf("%s: Names = %q, %q; want %q, %q", tt.name, c, p, tt.wantC, tt.wantP)
		}
	}
}
