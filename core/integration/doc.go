// Package integration turns what Pact client libraries send through the FFI
// into plain example values plus matching rules and generators.
//
// Client libraries describe matchers inline, in the "integration JSON" format
// of pact_ffi's IntegrationJson.md: an object such as
//
//	{"pact:matcher:type": "regex", "regex": "\\d+", "value": "100"}
//
// stands where the example value goes, or a matching-rule definition
// expression such as
//
//	matching(regex, '\d+', '100')
//
// stands for it. This package reads both:
//
//   - ProcessJSON: a JSON body → the example body, rules and generators by
//     body path ("$.items[*].id"), keys kept in order;
//   - ProcessXML: the XML builder JSON → an XML document, rules and generators;
//   - ProcessForm: a JSON object → a form-urlencoded body, rules and generators;
//   - ProcessValue / ProcessValues: a header, query, path or status value;
//   - ProcessMetadataValue: a message metadata value;
//   - ParseDefinition, IsDefinition, ParseDefinitionOrValue: expressions (the
//     grammar is in SYNTAX.md in this directory).
//
// Rules come back as model.Rule values (combined with AND) and generators as
// model.Generator values; the caller (the FFI layer) places them in an
// interaction's model.MatchingRules and model.Generators under the right
// category.
//
// Where the reference implementation logs a malformed matcher and carries on
// with a null example, these functions return an error that names the path.
package integration
