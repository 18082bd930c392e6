package pactfile

import (
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestParseMessageEntry(t *testing.T) {
	entry := map[string]any{"description": "d", "contents": "x", "metadata": map[string]any{"k": "v"}}
	for _, ver := range []model.SpecVersion{model.Unknown, model.V3, model.V4} {
		i, err := ParseMessageEntry(entry, ver)
		if err != nil {
			t.Fatalf("ParseMessageEntry(%v): %v", ver, err)
		}
		if i.Type != model.AsyncMessage || i.Description != "d" || string(i.Message.Contents.Content) != "x" || i.Message.Metadata["k"] != "v" {
			t.Errorf("ParseMessageEntry(%v) = %+v", ver, i)
		}
	}
	if _, err := ParseMessageEntry(nil, model.V3); err == nil {
		t.Errorf("ParseMessageEntry(null) = %v, want an error", err)
	}
}
