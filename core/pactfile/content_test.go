package pactfile

import (
	"slices"
	"testing"
)

func TestSplitHeaderValue(t *testing.T) {
	tests := []struct {
		name, value string
		want        []string
		splits      bool
	}{
		{"Accept", "application/json", []string{"application/json"}, false},
		{"Accept", "text/html, application/json", []string{"text/html", "application/json"}, true},
		{"accept", " text/html ", []string{"text/html"}, true},
		{"Date", "Mon, 01 Jan 2024", []string{"Mon, 01 Jan 2024"}, false},
		{"X-Pad", " padded ", []string{" padded "}, false},
		{"Vary", "", []string{""}, false},
	}
	for _, tt := range tests {
		got := SplitHeaderValue(tt.name, tt.value)
		if !slices.Equal(got, tt.want) {
			t.Errorf("SplitHeaderValue(%q, %q) = %q, want %q", tt.name, tt.value, got, tt.want)
		}
		if s := SplitsHeaderValue(tt.name, tt.value); s != tt.splits {
			t.Errorf("SplitsHeaderValue(%q, %q) = %v, want %v", tt.name, tt.value, s, tt.splits)
		}
	}
}
