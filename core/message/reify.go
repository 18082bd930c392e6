package message

import (
	"encoding/base64"
	"fmt"
	"sort"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/model"
)

// Reify returns the message a consumer test receives for the message
// interaction i, as pactffi_message_reify does: generators are applied (in
// consumer mode) to the contents and metadata, and the result is rendered as
// JSON with sorted keys.
//
// For spec versions up to V3 the shape is the V3 message:
//
//	{"contents":{"id":7},"description":"an event","matchingRules":{...},
//	 "metadata":{"contentType":"application/json"},"providerStates":[{"name":"s"}]}
//
// For V4 it is the V4 interaction, with the contents as a body object:
//
//	{"contents":{"content":{"id":7},"contentType":"application/json","encoded":false},
//	 "description":"an event","pending":false,"type":"Asynchronous/Messages",...}
//
// A message with no contents reifies to "" (pact_ffi does the same), and a
// synchronous message or an HTTP interaction is an error.
//
// Deviation: pact_ffi applies generators only for V3 and earlier; libpact
// applies them for V4 too, so that the consumer sees generated values whatever
// the version (spec-checklist §7 M11).
func Reify(i *model.Interaction, ver model.SpecVersion) (string, error) {
	if i.Type != model.AsyncMessage {
		return "", fmt.Errorf("interaction %q is a %s interaction; only asynchronous messages can be reified", i.Description, i.Type)
	}
	parts := *i.MessagePartsOrEmpty()
	switch parts.Message.Contents.State {
	case model.BodyNull:
		return "null", nil
	case model.BodyMissing, model.BodyEmpty:
		return "", nil
	}
	mc, err := generators.GenerateMessage(&parts.Message, generators.Consumer, generators.Context{})
	if err != nil {
		return "", fmt.Errorf("applying generators to message %q: %w", i.Description, err)
	}
	gi := *i
	parts.Message = mc
	gi.Messages = &parts
	var v map[string]any
	if ver == model.V4 {
		v = V4AsyncJSON(&gi)
	} else {
		v = V3MessageJSON(&gi, ver)
	}
	b, err := encodeJSON(v)
	if err != nil {
		return "", fmt.Errorf("rendering message %q: %w", i.Description, err)
	}
	return string(b), nil
}

// V3MessageJSON renders an asynchronous message as a V3 message-pact entry
// (pact_models Message::to_json after as_message): the body's content type is
// copied into the metadata key contentType when that key is missing, and
// "body"/"metadata" rules and generators are written when present.
func V3MessageJSON(i *model.Interaction, ver model.SpecVersion) map[string]any {
	mc := i.MessagePartsOrEmpty().Message
	md := map[string]any{}
	for k, v := range mc.V3Metadata() {
		md[k] = v
	}
	out := map[string]any{
		"description": i.Description,
		"metadata":    md,
	}
	if !mc.MatchingRules.IsEmpty() {
		out["matchingRules"] = RulesJSON(mc.MatchingRules)
	}
	if !mc.Generators.IsEmpty() {
		out["generators"] = GeneratorsJSON(mc.Generators)
	}
	withCT := mc
	withCT.Metadata = md
	switch mc.Contents.State {
	case model.BodyPresent:
		out["contents"] = V3ContentsJSON(mc.Contents, ContentType(&withCT))
	case model.BodyEmpty:
		out["contents"] = ""
	case model.BodyNull:
		out["contents"] = nil
	}
	if len(i.ProviderStates) > 0 {
		out["providerStates"] = StatesJSON(i.ProviderStates)
	}
	return out
}

// V3ContentsJSON renders present contents the V3 way: a JSON value for JSON
// content (Base64 when it does not parse), Base64 for binary content types,
// else the text (Base64 when it is not UTF-8).
func V3ContentsJSON(b model.Body, contentType string) any {
	switch {
	case IsJSON(contentType):
		if v, err := decodeJSON(b.Content); err == nil {
			return v
		}
		return base64.StdEncoding.EncodeToString(b.Content)
	case IsBinary(contentType):
		return base64.StdEncoding.EncodeToString(b.Content)
	}
	if utf8Valid(b.Content) {
		return string(b.Content)
	}
	return base64.StdEncoding.EncodeToString(b.Content)
}

// V4BodyJSON renders a body as a V4 body object ({"content", "contentType",
// "encoded"[, "contentTypeHint"]}), or nil when the body is missing or null
// (the key is then left out).
func V4BodyJSON(b model.Body, contentType string) map[string]any {
	switch b.State {
	case model.BodyEmpty:
		return map[string]any{"content": ""}
	case model.BodyPresent:
	default:
		return nil
	}
	if b.ContentType != "" {
		contentType = b.ContentType
	}
	out := map[string]any{"contentType": contentType}
	switch {
	case IsJSON(contentType) && b.Hint != model.HintBinary:
		if v, err := decodeJSON(b.Content); err == nil {
			out["content"] = v
			out["encoded"] = false
		} else {
			out["content"] = base64.StdEncoding.EncodeToString(b.Content)
			out["encoded"] = "base64"
		}
	case IsBinaryBody(b, contentType):
		out["content"] = base64.StdEncoding.EncodeToString(b.Content)
		out["encoded"] = "base64"
	default:
		out["content"] = string(b.Content)
		out["encoded"] = false
	}
	// The hint is written only where it changes how the content is read
	// (pact_ffi's builders leave it unset, so it is not written for them).
	if (b.Hint == model.HintText && IsBinary(contentType)) || (b.Hint == model.HintBinary && !IsBinary(contentType)) {
		out["contentTypeHint"] = b.Hint.String()
	}
	return out
}

// V4AsyncJSON renders an asynchronous message as a V4 interaction
// (pact_models AsynchronousMessage::to_json).
func V4AsyncJSON(i *model.Interaction) map[string]any {
	out := map[string]any{
		"type":        model.AsyncMessage.String(),
		"description": i.Description,
		"pending":     i.Pending,
	}
	if i.Key != "" {
		out["key"] = i.Key
	}
	v4MessageParts(out, &i.MessagePartsOrEmpty().Message)
	if len(i.ProviderStates) > 0 {
		out["providerStates"] = StatesJSON(i.ProviderStates)
	}
	if len(i.Comments) > 0 {
		out["comments"] = i.Comments
	}
	if len(i.PluginConfig) > 0 {
		out["pluginConfiguration"] = i.PluginConfig
	}
	if len(i.InteractionMarkup) > 0 {
		out["interactionMarkup"] = i.InteractionMarkup
	}
	return out
}

// v4MessageParts adds contents, metadata, matchingRules and generators of mc
// to out.
func v4MessageParts(out map[string]any, mc *model.MessageContents) {
	if b := V4BodyJSON(mc.Contents, ContentType(mc)); b != nil {
		out["contents"] = b
	}
	if len(mc.Metadata) > 0 {
		out["metadata"] = mc.Metadata
	}
	if !mc.MatchingRules.IsEmpty() {
		out["matchingRules"] = RulesJSON(mc.MatchingRules)
	}
	if !mc.Generators.IsEmpty() {
		out["generators"] = GeneratorsJSON(mc.Generators)
	}
}

// MessageContentsJSON renders message contents as a V4 MessageContents object
// ({"contents", "metadata", "matchingRules", "generators"}).
func MessageContentsJSON(mc *model.MessageContents) map[string]any {
	out := map[string]any{}
	v4MessageParts(out, mc)
	return out
}

// StatesJSON renders provider states as [{"name", "params"}], leaving params
// out when there are none.
func StatesJSON(states []model.ProviderState) []any {
	out := make([]any, len(states))
	for n, s := range states {
		m := map[string]any{"name": s.Name}
		if len(s.Params) > 0 {
			m["params"] = s.Params
		}
		out[n] = m
	}
	return out
}

// RulesJSON renders matching rules in the V3/V4 categorised form:
// {"body": {"$.a": {"combine": "AND", "matchers": [...]}}, ...}. The path,
// method and status categories hold their single rule list directly.
func RulesJSON(rules model.MatchingRules) map[string]any {
	out := map[string]any{}
	for n := range rules {
		c, paths := rules[n].Category, &rules[n].Paths
		if paths.Len() == 0 {
			continue
		}
		switch c {
		case model.CategoryPath, model.CategoryMethod, model.CategoryStatus:
			if l := paths.Get(""); l != nil && len(l.Rules) > 0 {
				out[string(c)] = l.ToJSON()
			}
			continue
		}
		cat := map[string]any{}
		for p, l := range paths.All() {
			if len(l.Rules) > 0 {
				cat[p] = l.ToJSON()
			}
		}
		if len(cat) > 0 {
			out[string(c)] = cat
		}
	}
	return out
}

// GeneratorsJSON renders generators by category and path; the path, method
// and status categories hold their single generator directly.
func GeneratorsJSON(gens model.Generators) map[string]any {
	out := map[string]any{}
	for c, paths := range gens {
		if len(paths) == 0 {
			continue
		}
		switch c {
		case model.CategoryPath, model.CategoryMethod, model.CategoryStatus:
			if g, ok := paths[""]; ok {
				out[string(c)] = g.ToJSON()
			}
			continue
		}
		cat := map[string]any{}
		for p, g := range paths {
			cat[p] = g.ToJSON()
		}
		out[string(c)] = cat
	}
	return out
}

// SortedKeys returns the keys of m in order.
func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// JSONString renders a metadata or parameter value the way pact_ffi's
// json_to_string does: a string as itself, anything else as compact JSON.
func JSONString(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, err := encodeJSON(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// JSON renders any value as compact JSON with sorted keys (numbers as
// written), as pact_ffi prints it.
func JSON(v any) (string, error) {
	b, err := encodeJSON(v)
	return string(b), err
}

// DecodeJSON parses one JSON value, keeping numbers as json.Number.
func DecodeJSON(data []byte) (any, error) { return decodeJSON(data) }
