package integration

import (
	"fmt"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// ProcessValue reads a header, query parameter, path, status or message
// metadata value as a Pact client sends it through the FFI, and returns the
// example value with the rules (combined with AND) and the generator it
// describes. The value may be
//
//   - a plain string, returned as is ("/path/to/100", "text/html");
//   - a matching-rule expression ("matching(regex, '\\d+', '100')"): a
//     keyword of IsDefinition followed by "(" (a bare "matching" is a string);
//   - a JSON object in the integration format (see ProcessJSON): the example
//     is its "value" as a string (a number or boolean as its JSON text, null
//     or a missing value as ""), the rules come from "pact:matcher:type" and
//     the generator from "pact:generator:type". An object without
//     "pact:matcher:type" gives its "value"; one that holds just
//     "expression" and "value" is the ProviderState shorthand of
//     IntegrationJson.md, a generator with no rule.
//
// When the value is an array of values (see ProcessValues), ProcessValue
// returns the first of them, as pact_ffi does for paths and status codes.
//
//	ex, rules, gen, err := integration.ProcessValue(`{"value":"100","pact:matcher:type":"regex","regex":"\\d+"}`)
//	// ex = "100", rules = [Regex \d+], gen = nil
//
// Any other JSON (a string, number or array given on its own) is taken as a
// plain string. A matcher that cannot be read gives an error.
func ProcessValue(v string) (example string, rules []model.Rule, gen *model.Generator, err error) {
	examples, rules, gen, err := processValue(v)
	if err != nil {
		return "", nil, nil, err
	}
	if len(examples) > 0 {
		example = examples[0]
	}
	return example, rules, gen, nil
}

// ProcessValues is ProcessValue for a value that may stand for several:
// repeated query parameters or a multi-value header. When the example of the
// integration JSON is an array, its items are the values and the rules apply
// to them all:
//
//	exs, rules, _, _ := integration.ProcessValues(`{"value":["1","2"],"pact:matcher:type":"regex","regex":"\\d+"}`)
//	// exs = ["1", "2"], rules = [Regex \d+]
//
// Any other value gives a single example.
func ProcessValues(v string) (examples []string, rules []model.Rule, gen *model.Generator, err error) {
	return processValue(v)
}

func processValue(v string) ([]string, []model.Rule, *model.Generator, error) {
	if looksLikeDefinition(v) {
		def, err := ParseDefinition(v)
		if err != nil {
			return nil, nil, nil, err
		}
		return []string{def.Value}, def.resolvedRules(), def.Generator, nil
	}
	if t := strings.TrimLeft(v, " \t\r\n"); t == "" || t[0] != '{' {
		return []string{v}, nil, nil, nil // not a JSON object: a plain value
	}
	jp := pooledParser() // only strings leave this function, no node
	defer jp.release()
	n, err := jp.parseString(v)
	if err != nil || n.kind != nObject || !n.has("value") && !hasPactKey(n) {
		return []string{v}, nil, nil, nil
	}
	var rules []model.Rule
	var gen *model.Generator
	var def *Definition
	if n.has("pact:matcher:type") {
		if rules, gen, def, err = matchersOf(n, nil); err != nil {
			return nil, nil, nil, err
		}
	}
	if g := n.get("pact:generator:type"); g != nil {
		if pg, ok := generatorOf(g.text(), n); ok {
			gen = &pg
		}
	} else if gen == nil && len(n.keys) == 2 && n.has("expression") && n.has("value") {
		if pg, ok := generatorOf("ProviderState", n); ok {
			gen = &pg
		}
	}
	val := n.get("value")
	if val == nil && def != nil {
		val = def.example()
	}
	var examples []string
	switch {
	case val == nil:
		examples = []string{""}
	case val.kind == nArray:
		for i, item := range val.items {
			if item.kind == nObject || item.kind == nArray {
				return nil, nil, nil, fmt.Errorf("value %d of the array is %s; the values of a header, query parameter or path must be strings (put the matcher around the array)", i, item.kindName())
			}
			examples = append(examples, item.text())
		}
	case val.kind == nObject:
		return nil, nil, nil, fmt.Errorf("'value' is an object; the value of a header, query parameter or path must be a string")
	default:
		examples = []string{val.text()}
	}
	return examples, rules, gen, nil
}

// hasPactKey reports whether an object holds any "pact:" key.
func hasPactKey(n *node) bool {
	for _, k := range n.keys {
		if isPactKey(k) {
			return true
		}
	}
	return false
}
