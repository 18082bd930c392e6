package verifier

import (
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
)

func TestExpectedAsyncMessage(t *testing.T) {
	body := func(ct string) model.Body { return model.PresentBody([]byte("hi"), ct) }
	tests := []struct {
		name string
		ver  model.SpecVersion
		msg  model.MessageContents
		want map[string]any
	}{
		{"V4 adds the body's type", model.V4, model.MessageContents{Contents: body("text/plain"), Metadata: map[string]any{"queue": "q"}},
			map[string]any{"queue": "q", "contentType": "text/plain"}},
		{"V4 with no metadata", model.V4, model.MessageContents{Contents: body("application/json")},
			map[string]any{"contentType": "application/json"}},
		{"V4 content-type is another key", model.V4, model.MessageContents{Contents: body("application/json"), Metadata: map[string]any{"content-type": "application/json"}},
			map[string]any{"content-type": "application/json", "contentType": "application/json"}},
		{"V4 keeps a stated contentType", model.V4, model.MessageContents{Contents: body("application/json"), Metadata: map[string]any{"contentType": "text/x"}},
			map[string]any{"contentType": "text/x"}},
		{"V4 parameters as pact_models writes them", model.V4, model.MessageContents{Contents: body("application/json; charset=utf-8")},
			map[string]any{"contentType": "application/json;charset=utf-8"}},
		{"V4 body with no type", model.V4, model.MessageContents{Contents: body(""), Metadata: map[string]any{"a": 1.0}},
			map[string]any{"a": 1.0}},
		{"V3 unchanged", model.V3, model.MessageContents{Contents: body("text/plain"), Metadata: map[string]any{"a": 1.0}},
			map[string]any{"a": 1.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(tt.msg.Metadata)
			got := expectedAsyncMessage(tt.ver, &tt.msg)
			if !reflect.DeepEqual(got.Metadata, tt.want) {
				t.Errorf("metadata = %v, want %v", got.Metadata, tt.want)
			}
			if len(tt.msg.Metadata) != before {
				t.Errorf("the interaction's metadata was changed: %v", tt.msg.Metadata)
			}
		})
	}
}

// TestMetadataMismatchLine checks the coloured failure line of a metadata
// mismatch (pact_matching's Mismatch::ansi_description).
func TestMetadataMismatchLine(t *testing.T) {
	v := &run{cfg: Config{Coloured: true}}
	m := matching.Mismatch{Type: "MetadataMismatch", Path: "contentType", Expected: `"text/plain"`, Actual: `"application/json"`,
		Description: "Expected metadata key 'contentType' to have value ..."}
	want := "Expected message metadata '\x1b[1mcontentType\x1b[0m' to have value '\x1b[31m\"text/plain\"\x1b[0m' but was '\x1b[32m\"application/json\"\x1b[0m'"
	if got := v.describeColoured(m); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	v.cfg.Coloured = false
	if got := v.describeColoured(m); got != m.Description {
		t.Errorf("plain = %q", got)
	}
}
