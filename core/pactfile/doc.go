// Package pactfile reads and writes Pact contract files of every
// specification version (V1, V1.1, V2, V3 HTTP and message pacts, V4), and
// merges new interactions into existing files safely across goroutines and
// processes.
//
// Reading is tolerant: unknown attributes and malformed matching rules are
// skipped with a warning, never a failure; only input that is not a pact at
// all (invalid JSON, not an object, interactions that are not objects) is an
// error.
//
//	p, warnings, err := pactfile.Read("pacts/web-api.json")
//	...
//	data, warnings, err := pactfile.Marshal(p, model.V4)
//	path, err := pactfile.Write(p, "pacts", model.V4, false) // merges into pacts/web-api.json
//
// Writing is deterministic: object keys are sorted, interactions come in
// pact_models' order (V1–V3: the pact's own order; V4: sorted by
// description, ties kept; a merge orders them by description, provider
// states and type), and the same model always gives the same bytes.
//
// Large pacts: Parse decodes the interactions one at a time from their spans
// in the text (a small JSON parser of its own, checked against encoding/json
// by FuzzParseJSON), and both Parse and Marshal share lists of 512 or more
// interactions between GOMAXPROCS goroutines. JSON bodies are kept as compact
// JSON text with sorted keys; numbers keep their text, so 1 and 1.0 differ
// (in bodies, and in metadata, provider-state parameters, comments and rule
// or generator attributes, which hold json.Number values).
//
// V4 HTTP interactions, the bulk of large pacts, take a fast path both ways:
// fast_read.go decodes the usual form straight from the text into the model
// (anything unusual goes to the full reader, which has the last word), and
// fast_write.go appends the model straight to the output with keys in order.
// Tests hold each fast path to its full counterpart: TestFastReadMatches and
// FuzzParse (same model and warnings), TestFastWriteMatches (same bytes).
// BenchmarkReadWrite10k measures a 32 MB pact of 10,000 interactions.
package pactfile

// Version is the libpact core version written into pact metadata as
// "libpact": {"version": Version}.
const Version = "0.1.0"
