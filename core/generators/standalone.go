package generators

import (
	"fmt"

	"github.com/libpact/libpact/core/model"
)

// GenerateOne runs one generator on its own, outside any request or message,
// as pact_ffi's generator_generate_string and generator_generate_integer do:
// MockServerURL runs as the consumer's mock server would, every other type
// (ProviderState in particular) as in provider verification. A generator
// that produces no value is an error.
//
//	v, err := generators.GenerateOne(model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 1}}, 0, generators.Context{})
//	// v: 1
func GenerateOne(g model.Generator, example any, ctx Context) (any, error) {
	mode := Provider
	if g.Type == "MockServerURL" {
		mode = Consumer
	}
	v, applied, err := Generate(g, example, mode, ctx)
	if err != nil {
		return nil, fmt.Errorf("Failed to generate value - %v", err)
	}
	if !applied {
		return nil, fmt.Errorf("the %s generator produced no value", g.Type)
	}
	return v, nil
}
