package matching

import (
	"fmt"

	"github.com/libpact/libpact/core/message"
)

// Summary is pact_matching's Mismatch::summary: a short phrase that completes
// "the request/response ...", as pact_ffi's pactffi_mismatch_summary gives it.
//
//	m := matching.Mismatch{Type: "HeaderMismatch", Path: "X-A", Expected: "b"}
//	m.Summary() // "includes header 'X-A' with value 'b'"
//
// A body, body-type or unknown mismatch reads "has a matching body".
func (m Mismatch) Summary() string {
	e := message.JSONString(m.Expected)
	switch m.Type {
	case "MethodMismatch":
		return "is a " + e + " request"
	case "PathMismatch":
		return "to path '" + e + "'"
	case "StatusMismatch":
		return "has status code " + e
	case "QueryMismatch":
		return fmt.Sprintf("includes parameter '%s' with value '%s'", m.Path, e)
	case "HeaderMismatch":
		return fmt.Sprintf("includes header '%s' with value '%s'", m.Path, e)
	case "MetadataMismatch":
		return "has matching metadata"
	}
	return "has a matching body"
}

// Describe is pact_matching's Mismatch::description, or with ansi its
// ansi_description (the expected value in red, the actual one in green), as
// pact_ffi's pactffi_mismatch_description and pactffi_mismatch_ansi_description
// give them.
//
//	m := matching.Mismatch{Type: "BodyMismatch", Path: "$.a", Description: "Expected 2 (Integer) to be equal to 1 (Integer)"}
//	m.Describe(false) // "$.a -> Expected 2 (Integer) to be equal to 1 (Integer)"
//
// A method mismatch without a description (or in colour) is worded from its
// values; other kinds give Description as it is.
func (m Mismatch) Describe(ansi bool) string {
	e, a := message.JSONString(m.Expected), message.JSONString(m.Actual)
	if ansi {
		e, a = "\x1b[31m"+e+"\x1b[0m", "\x1b[32m"+a+"\x1b[0m"
	}
	switch m.Type {
	case "MethodMismatch":
		if m.Description == "" || ansi {
			return fmt.Sprintf("expected %s but was %s", e, a)
		}
	case "BodyTypeMismatch":
		return fmt.Sprintf("Expected a body of '%s' but the actual content type was '%s'", e, a)
	case "BodyMismatch":
		return m.Path + " -> " + m.Description
	}
	return m.Description
}
