package integration

import (
	"encoding/json"

	"github.com/libpact/libpact/core/model"
)

// ProcessMetadataValue reads the value of message metadata entry key as
// pactffi_message_with_metadata_v2 receives it, and returns the example as
// JSON text with the rules and generators it describes. Metadata values are
// JSON values, not only strings, so the value is processed like a JSON body
// (see ProcessJSON) rooted at the key instead of "$": a matcher on the whole
// value sits at "key", on a field of an object value at "key.field".
//
//	ex, rules, _, _ := integration.ProcessMetadataValue("ID",
//		`{"pact:matcher:type":"integer","value":42}`)
//	// ex = 42; rules = ID: integer
//
// A value that is not JSON is a string; a matching-rule expression gives its
// example (typed: matching(integer, 42) gives the number 42) and rules at key.
func ProcessMetadataValue(key, value string) (example []byte, rules model.PathRules, gens map[string]model.Generator, err error) {
	p := newProcessor()
	if looksLikeDefinition(value) {
		def, err := ParseDefinition(value)
		if err != nil {
			return nil, model.PathRules{}, nil, err
		}
		for _, r := range def.resolvedRules() {
			p.addRule(key, r)
		}
		if def.Generator != nil {
			p.gens[key] = *def.Generator
		}
		return def.example().marshal(), p.rules, p.gens, nil
	}
	n, perr := parseNode([]byte(value))
	if perr != nil {
		b, _ := json.Marshal(value) // a string always marshals
		return b, p.rules, p.gens, nil
	}
	out, err := p.value(n, key)
	if err != nil {
		return nil, model.PathRules{}, nil, err
	}
	return out.marshal(), p.rules, p.gens, nil
}
