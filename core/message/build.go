package message

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/integration"
	"github.com/libpact/libpact/core/model"
)

func utf8Valid(b []byte) bool { return utf8.Valid(b) }

// addRules merges rules found by the integration-JSON processors into mc
// under category c, with each path rebased by rebase.
func addRules(mc *model.MessageContents, c model.Category, rules model.PathRules, gens map[string]model.Generator, rebase func(string) string) {
	for p, l := range rules.All() {
		mc.MatchingRules.Set(c, rebase(p), model.RuleList{Rules: append([]model.Rule(nil), l.Rules...), Combine: l.Combine})
	}
	if len(gens) > 0 && mc.Generators == nil {
		mc.Generators = model.Generators{}
	}
	for p, g := range gens {
		mc.Generators.Add(c, rebase(p), g)
	}
}

func same(p string) string { return p }

// processJSONBody runs integration JSON through the processor when body is
// JSON, recording its rules and generators in mc; other text is returned
// unchanged (pact_ffi's process_json).
func processJSONBody(mc *model.MessageContents, body string) ([]byte, error) {
	if !json.Valid([]byte(body)) {
		return []byte(body), nil
	}
	ex, rules, gens, err := integration.ProcessJSON([]byte(body))
	if err != nil {
		return nil, err
	}
	addRules(mc, model.CategoryBody, rules, gens, same)
	return ex, nil
}

// SetContents sets the contents of an asynchronous message the way
// pactffi_message_with_contents does: contentType defaults to text/plain;
// JSON and text bodies are processed as integration JSON (matchers and
// generators are extracted into mc); an XML body given as the XML-builder
// JSON is turned into XML; any other content type keeps body's bytes as they
// are.
//
//	_ = message.SetContents(&i.MessageParts().Message, "application/json", []byte(`{"a": 1}`))
func SetContents(mc *model.MessageContents, contentType string, body []byte) error {
	if contentType == "" {
		contentType = "text/plain"
	}
	switch {
	case IsXML(contentType):
		if json.Valid(body) {
			x, rules, gens, err := integration.ProcessXML(body)
			if err != nil {
				return fmt.Errorf("message contents: %w", err)
			}
			addRules(mc, model.CategoryBody, rules, gens, same)
			body = x
		}
	case IsJSON(contentType) || IsText(contentType):
		if !utf8.Valid(body) {
			return fmt.Errorf("message contents of type %s are not valid UTF-8", contentType)
		}
		ex, err := processJSONBody(mc, string(body))
		if err != nil {
			return fmt.Errorf("message contents: %w", err)
		}
		body = ex
	}
	mc.Contents = model.Body{State: model.BodyPresent, Content: append([]byte(nil), body...), ContentType: contentType}
	return nil
}

// SetMetadata sets (or, when value is nil, removes) the metadata key of the
// message contents part selects, as pactffi_with_metadata does. The value is
// parsed as JSON (text that is not JSON is a string); an object or array
// value may carry integration-JSON matchers and generators, which are
// recorded under the metadata category at the path key. For the responses of
// a synchronous message the value is set on every response.
//
//	v := `{"pact:matcher:type": "regex", "regex": "\\d+", "value": "12"}`
//	err := message.SetMetadata(i, message.Request, "id", &v)
func SetMetadata(i *model.Interaction, part Part, key string, value *string) error {
	targets, err := contentsOf(i, part)
	if err != nil {
		return err
	}
	for _, mc := range targets {
		if value == nil {
			delete(mc.Metadata, key)
			continue
		}
		if err := setMetadataValue(mc, key, parseLenient(*value), *value); err != nil {
			return err
		}
	}
	return nil
}

// SetMetadataString sets metadata key to the string value unprocessed
// (pactffi_message_with_metadata).
func SetMetadataString(mc *model.MessageContents, key, value string) {
	if mc.Metadata == nil {
		mc.Metadata = map[string]any{}
	}
	mc.Metadata[key] = value
}

// SetMetadataJSON sets metadata key from a JSON value that may hold
// integration-JSON matchers (pactffi_message_with_metadata_v2). Text that is
// not JSON is stored as a string.
func SetMetadataJSON(mc *model.MessageContents, key, value string) error {
	return setMetadataValue(mc, key, parseLenient(value), value)
}

func setMetadataValue(mc *model.MessageContents, key string, v any, raw string) error {
	if mc.Metadata == nil {
		mc.Metadata = map[string]any{}
	}
	switch v.(type) {
	case map[string]any, []any:
		ex, rules, gens, err := integration.ProcessJSON([]byte(raw))
		if err != nil {
			return fmt.Errorf("metadata %q: %w", key, err)
		}
		exv, err := decodeJSON(ex)
		if err != nil {
			return fmt.Errorf("metadata %q: %w", key, err)
		}
		addRules(mc, model.CategoryMetadata, rules, gens, func(p string) string {
			return key + strings.TrimPrefix(p, "$")
		})
		mc.Metadata[key] = exv
	default:
		mc.Metadata[key] = v
	}
	return nil
}
