package pactfile

import "github.com/libpact/libpact/core/model"

// MetadataSection returns the object under the top-level metadata key section
// of p, as p's pact file holds it: "pactSpecification" is rebuilt from
// p.SpecVersion (the model keeps the version there, not in p.Metadata); any
// other section is read from p.Metadata and is found only when its value is a
// JSON object. This is the lookup of pact_ffi's
// pactffi_message_pact_find_metadata and metadata iterator.
//
//	p := model.NewPact("c", "p", model.V3)
//	p.Metadata["pactRust"] = map[string]any{"ffi": "0.5.8"}
//	pactfile.MetadataSection(p, "pactSpecification") // {"version": "3.0.0"}, true
//	pactfile.MetadataSection(p, "pactRust")          // {"ffi": "0.5.8"}, true
//	pactfile.MetadataSection(p, "nothing")           // nil, false
func MetadataSection(p *model.Pact, section string) (map[string]any, bool) {
	if section == "pactSpecification" {
		return map[string]any{"version": p.SpecVersion.String()}, true
	}
	m, ok := p.Metadata[section].(map[string]any)
	return m, ok
}

// MetadataKey names one value of a pact's two-level metadata: the key inside
// the top-level object Section.
type MetadataKey struct{ Section, Key string }

// MetadataKeys lists every value of p's two-level metadata in the order
// pactffi_message_pact_get_metadata_iter walks them: sections by name, then
// "pactSpecification" (see MetadataSection) when p.Metadata does not hold it,
// and the keys of each section by name. Sections that are not JSON objects
// have no keys.
//
//	p := model.NewPact("c", "p", model.V3)
//	p.Metadata["b"] = map[string]any{"y": 1, "x": 2}
//	p.Metadata["a"] = "not an object"
//	pactfile.MetadataKeys(p) // {b x} {b y} {pactSpecification version}
func MetadataKeys(p *model.Pact) []MetadataKey {
	sections := sortedKeys(p.Metadata)
	if _, ok := p.Metadata["pactSpecification"]; !ok {
		sections = append(sections, "pactSpecification")
	}
	var keys []MetadataKey
	for _, s := range sections {
		inner, _ := MetadataSection(p, s)
		for _, k := range sortedKeys(inner) {
			keys = append(keys, MetadataKey{s, k})
		}
	}
	return keys
}
