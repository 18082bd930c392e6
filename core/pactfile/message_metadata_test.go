package pactfile

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestV4MessageMetadataOmittedWhenEmpty checks that a V4 message (and each
// part of a synchronous message) has "metadata" only when it holds some, as
// pact_models writes it (found side by side with pact-js).
func TestV4MessageMetadataOmittedWhenEmpty(t *testing.T) {
	p := model.NewPact("web", "api", model.V4)
	bare := p.AddInteraction(model.AsyncMessage, "a bare event")
	bare.Messages.Message.Contents = model.PresentBody([]byte("hi"), "text/plain")
	withMD := p.AddInteraction(model.AsyncMessage, "an event with metadata")
	withMD.Messages.Message.Contents = model.PresentBody([]byte("hi"), "text/plain")
	withMD.Messages.Message.Metadata = map[string]any{"queue": "q"}
	data, _, err := Marshal(p, model.V4)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Interactions []map[string]any `json:"interactions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	for _, i := range doc.Interactions {
		md, has := i["metadata"]
		switch i["description"] {
		case "a bare event":
			if has {
				t.Errorf("bare event has metadata %v", md)
			}
		case "an event with metadata":
			if m, _ := md.(map[string]any); m["queue"] != "q" {
				t.Errorf("metadata = %v", md)
			}
		}
	}
}
