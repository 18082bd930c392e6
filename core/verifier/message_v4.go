package verifier

import (
	"sort"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// expectedAsyncMessage is the message a V4 asynchronous message interaction
// is verified against: its contents, with "contentType" added to the
// metadata from the contents' content type when the metadata has no key
// spelled exactly "contentType" (pact_models' AsynchronousMessage::as_message,
// which pact_verifier matches and displays). A V3 message is used as it is.
//
//	// contents of type text/plain, metadata {"queue": "q"} →
//	// metadata {"queue": "q", "contentType": "text/plain"}
func expectedAsyncMessage(ver model.SpecVersion, m *model.MessageContents) *model.MessageContents {
	if ver < model.V4 || m.Contents.ContentType == "" {
		return m
	}
	if _, ok := m.Metadata["contentType"]; ok {
		return m
	}
	out := *m
	out.Metadata = make(map[string]any, len(m.Metadata)+1)
	for k, v := range m.Metadata {
		out.Metadata[k] = v
	}
	out.Metadata["contentType"] = rustContentType(m.Contents.ContentType)
	return &out
}

// rustContentType writes a content type as pact_models' ContentType displays
// it: the media type, then its parameters sorted, each as ";name=value"
// without spaces. "application/json; charset=utf-8" gives
// "application/json;charset=utf-8".
func rustContentType(ct string) string {
	parts := strings.Split(ct, ";")
	base := strings.TrimSpace(parts[0])
	var params []string
	for _, p := range parts[1:] {
		if p = strings.TrimSpace(p); p != "" {
			params = append(params, p)
		}
	}
	if len(params) == 0 {
		return base
	}
	sort.Strings(params)
	return base + ";" + strings.Join(params, ";")
}
