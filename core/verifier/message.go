package verifier

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
)

// stateJSON is a provider state as the reference sends it to the message
// endpoint: {"name": ..., "params": {...}} (params only when there are some).
func stateJSON(states []model.ProviderState) []any {
	out := make([]any, 0, len(states))
	for _, s := range states {
		m := map[string]any{"name": s.Name}
		if len(s.Params) > 0 {
			m["params"] = s.Params
		}
		out = append(out, m)
	}
	return out
}

// contentsJSON renders message contents as the V4 pact format does:
// {"contents": {"content": ..., "contentType": ..., "encoded": ...}, "metadata": {...}}.
func contentsJSON(m *model.MessageContents) map[string]any {
	out := map[string]any{}
	b := m.Contents
	ct := b.ContentType
	if ct == "" {
		ct = matching.ContentTypeOf(b, nil)
	}
	switch b.State {
	case model.BodyPresent:
		c := map[string]any{"contentType": ct}
		if strings.Contains(ct, "json") && json.Valid(b.Content) {
			c["content"] = json.RawMessage(b.Content)
			c["encoded"] = false
		} else if isText(ct, b.Content) {
			c["content"] = string(b.Content)
			c["encoded"] = false
		} else {
			c["content"] = base64.StdEncoding.EncodeToString(b.Content)
			c["encoded"] = "base64"
		}
		out["contents"] = c
	case model.BodyEmpty:
		out["contents"] = map[string]any{"content": ""}
	case model.BodyNull:
		out["contents"] = map[string]any{"content": nil}
	}
	if len(m.Metadata) > 0 {
		out["metadata"] = m.Metadata
	}
	return out
}

func isText(ct string, b []byte) bool {
	ct = strings.ToLower(ct)
	if strings.HasPrefix(ct, "text/") || strings.Contains(ct, "xml") || strings.Contains(ct, "json") ||
		strings.Contains(ct, "x-www-form-urlencoded") {
		return true
	}
	return false
}

// requestMessage POSTs a message request to the provider's message
// endpoint and returns its answer as message contents: the body, with the
// answer's Content-Type as metadata "contentType" plus the Base64 JSON object
// of the Pact-Message-Metadata header.
func (v *run) requestMessage(ctx context.Context, i *model.Interaction, doc map[string]any) (*model.MessageContents, int, error) {
	body, err := json.Marshal(doc)
	if err != nil {
		return nil, 0, fmt.Errorf("encoding the message request: %w", err)
	}
	r := &model.Request{Method: http.MethodPost, Path: "/",
		Headers: model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}},
		Body:    model.PresentBody(body, "application/json")}
	kind := "async-message"
	if i.Type == model.SyncMessage {
		kind = "sync-message"
	}
	transport := i.Transport
	if transport == "http" {
		transport = ""
	}
	req, err := v.newRequest(ctx, v.cfg.Provider.baseURL(transport, kind), r)
	if err != nil {
		return nil, 0, err
	}
	if err := v.filter(req); err != nil {
		return nil, 0, err
	}
	v.logf("INFO", "Sending request to provider at %s", req.URL.Redacted())
	resp, err := v.send(req)
	if err != nil {
		return nil, 0, err
	}
	ct := resp.Headers.First("Content-Type")
	md := map[string]any{"contentType": ct}
	for _, f := range resp.Headers {
		name, values := f.Name, f.Values
		if strings.EqualFold(name, "Pact-Message-Metadata") && len(values) > 0 {
			raw, derr := base64.StdEncoding.DecodeString(strings.TrimSpace(values[0]))
			if derr != nil {
				v.logf("WARN", "Ignoring the Pact-Message-Metadata header: it is not Base64 (%v)", derr)
				continue
			}
			var extra map[string]any
			if jerr := json.Unmarshal(raw, &extra); jerr != nil {
				v.logf("WARN", "Ignoring the Pact-Message-Metadata header: it is not a JSON object (%v)", jerr)
				continue
			}
			for k, val := range extra {
				md[k] = val
			}
		}
	}
	actual := &model.MessageContents{Metadata: md}
	if resp.Body.State == model.BodyPresent {
		actual.Contents = model.Body{State: model.BodyPresent, Content: resp.Body.Content, ContentType: ct}
	} else {
		actual.Contents = model.Body{State: model.BodyEmpty, ContentType: ct}
	}
	return actual, resp.Status, nil
}

// verifyMessage verifies an asynchronous message.
func (v *run) verifyMessage(ctx context.Context, ver model.SpecVersion, i *model.Interaction) outcome {
	doc := map[string]any{"description": i.Description}
	if len(i.ProviderStates) > 0 {
		doc["providerStates"] = stateJSON(i.ProviderStates)
	}
	actual, _, err := v.requestMessage(ctx, i, doc)
	if err != nil {
		return outcome{err: err}
	}
	expected := expectedAsyncMessage(ver, &i.MessagePartsOrEmpty().Message)
	return outcome{mismatches: matchMessage(expected, actual), metadata: expected.Metadata, diff: messageDiff(ver, expected, actual)}
}

// messageDiff is the diff input for a message's body (see bodyDiff).
func messageDiff(ver model.SpecVersion, expected, actual *model.MessageContents) *bodyDiff {
	return newBodyDiff(ver, true, expected.Contents, actual.Contents, metadataType(expected.Metadata), metadataType(actual.Metadata))
}

// metadataType is a message's content type from its metadata.
func metadataType(md map[string]any) string {
	for _, k := range []string{"contentType", "content-type", "Content-Type"} {
		if s, ok := md[k].(string); ok {
			return s
		}
	}
	return ""
}

// verifySyncMessage verifies a synchronous message: the request is sent
// with the description and provider states, and the answer is compared with
// the first expected response only (as the reference does).
func (v *run) verifySyncMessage(ctx context.Context, ver model.SpecVersion, i *model.Interaction, gctx generators.Context) outcome {
	parts := i.MessagePartsOrEmpty()
	if len(parts.Responses) > 1 {
		v.logf("WARN", "Matching synchronous messages with more than one response is not currently supported, will only use the first response")
	}
	reqMsg, gerr := generators.GenerateMessage(&parts.Request, generators.Provider, gctx)
	if gerr != nil {
		v.logf("WARN", "Some generators of the message request could not run: %v", gerr)
	}
	doc := map[string]any{"description": i.Description, "request": contentsJSON(&reqMsg)}
	if len(i.ProviderStates) > 0 {
		doc["providerStates"] = stateJSON(i.ProviderStates)
	}
	actual, status, err := v.requestMessage(ctx, i, doc)
	if err != nil {
		return outcome{err: err}
	}
	if status < 200 || status > 299 {
		return outcome{err: fmt.Errorf("Request to fetch message from provider failed: status %d", status)}
	}
	if len(parts.Responses) == 0 {
		return outcome{}
	}
	return outcome{mismatches: matchMessage(&parts.Responses[0], actual), diff: messageDiff(ver, &parts.Responses[0], actual)}
}

// matchMessage compares message contents. A body whose expected content type
// is not known takes the actual one (a message pact often gives the content
// type only in the metadata).
func matchMessage(expected, actual *model.MessageContents) []matching.Mismatch {
	return matching.MatchMessage(expected, actual)
}
