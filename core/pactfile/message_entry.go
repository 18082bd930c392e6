package pactfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"

	"github.com/libpact/libpact/core/model"
)

// ErrNotMessage is ParseMessageEntry's error for an entry that reads as something
// other than one message.
var ErrNotMessage = errors.New("not a message")

// ParseMessageEntry reads entry index (0-based) of a message pact's
// "messages" array (a decoded JSON object) as the asynchronous message it
// describes, by reading it inside a message pact of version ver (V3 when ver
// is Unknown or V4, the versions without such an array), as pact_ffi's
// message_new_from_json does. As there, a message without a description is
// "Message <index>", and a null description is "null".
//
//	i, err := pactfile.ParseMessageEntry(2, map[string]any{"contents": "x"}, model.V3)
//	// i.Description: "Message 2"; i.Message.Contents.Content: "x"
//
// An entry that is not one message gives ErrNotMessage; other errors are
// the reader's.
func ParseMessageEntry(index int, entry any, ver model.SpecVersion) (*model.Interaction, error) {
	if ver == model.Unknown || ver == model.V4 {
		ver = model.V3
	}
	if m, ok := entry.(map[string]any); ok {
		if d, ok := m["description"]; !ok || d == nil {
			c := make(map[string]any, len(m)+1)
			maps.Copy(c, m)
			c["description"] = fmt.Sprintf("Message %d", index)
			if ok {
				c["description"] = "null"
			}
			entry = c
		}
	}
	doc := map[string]any{
		"consumer": map[string]any{"name": "consumer"},
		"provider": map[string]any{"name": "provider"},
		"messages": []any{entry},
		"metadata": map[string]any{"pactSpecification": map[string]any{"version": ver.String()}},
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	p, _, err := Parse(data)
	if err != nil {
		return nil, err
	}
	if len(p.Interactions) != 1 || p.Interactions[0].Type != model.AsyncMessage {
		return nil, ErrNotMessage
	}
	return p.Interactions[0], nil
}
