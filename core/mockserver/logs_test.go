package mockserver

import (
	"strings"
	"testing"
)

func TestRingKeepsLastLines(t *testing.T) {
	var r ring
	for n := range logLines + 10 {
		r.printf("INFO", "line %d", n)
	}
	s := r.String()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) != logLines+1 {
		t.Fatalf("got %d lines, want %d", len(lines), logLines+1)
	}
	if lines[0] != "... 10 earlier lines dropped" {
		t.Errorf("first line %q", lines[0])
	}
	if !strings.HasSuffix(lines[1], "INFO line 10") || !strings.HasSuffix(lines[len(lines)-1], "INFO line 4105") {
		t.Errorf("kept lines %q ... %q", lines[1], lines[len(lines)-1])
	}
}
