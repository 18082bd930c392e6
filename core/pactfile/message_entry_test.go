package pactfile

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestParseMessageEntry(t *testing.T) {
	entry := map[string]any{"description": "d", "contents": "x", "metadata": map[string]any{"k": "v"}}
	for _, ver := range []model.SpecVersion{model.Unknown, model.V3, model.V4} {
		i, err := ParseMessageEntry(0, entry, ver)
		if err != nil {
			t.Fatalf("ParseMessageEntry(%v): %v", ver, err)
		}
		if i.Type != model.AsyncMessage || i.Description != "d" || string(i.Messages.Message.Contents.Content) != "x" || i.Messages.Message.Metadata["k"] != "v" {
			t.Errorf("ParseMessageEntry(%v) = %+v", ver, i)
		}
	}
	if _, err := ParseMessageEntry(0, nil, model.V3); err == nil {
		t.Errorf("ParseMessageEntry(null) = %v, want an error", err)
	}
}

func TestParseMessageEntryDescription(t *testing.T) {
	tests := []struct {
		name  string
		index int
		entry map[string]any
		want  string
	}{
		{"given", 3, map[string]any{"description": "an event", "contents": "x"}, "an event"},
		{"missing", 3, map[string]any{"contents": "x"}, "Message 3"},
		{"missing at 0", 0, map[string]any{"contents": "x"}, "Message 0"},
		{"null", 3, map[string]any{"description": nil, "contents": "x"}, "null"},
		{"empty stays empty", 3, map[string]any{"description": "", "contents": "x"}, ""},
		{"not a string", 3, map[string]any{"description": 5.0, "contents": "x"}, "5"},
	}
	for _, tt := range tests {
		i, err := ParseMessageEntry(tt.index, tt.entry, model.V3)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if i.Description != tt.want {
			t.Errorf("%s: description %q; want %q", tt.name, i.Description, tt.want)
		}
	}
	entry := map[string]any{"contents": "x"}
	if _, err := ParseMessageEntry(1, entry, model.V3); err != nil || len(entry) != 1 {
		t.Errorf("ParseMessageEntry changed its argument: %v (err %v)", entry, err)
	}
	if _, err := ParseMessageEntry(1, []any{}, model.V3); err == nil {
		t.Errorf("ParseMessageEntry(array) = %v; want an error", err)
	}
}
