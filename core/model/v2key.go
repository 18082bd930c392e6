package model

import "strings"

// ParseV2RuleKey converts a key of a V2 matchingRules object, which names
// both the part of the interaction and the path inside it, to the category
// and path a MatchingRules holds the rule at:
//
//	"$.body"              → body "$"
//	"$.body.a[0].b"       → body "$.a[0].b"
//	"$.headers.X-Id"      → header "X-Id" (also "$.header.X-Id")
//	"$.headers['X Y']"    → header "X Y"
//	"$.query.q"           → query "q"
//	"$.query.q[0]"        → query "q" (the index of one value is dropped)
//	"$.metadata.k"        → metadata "k"
//	"$.path"              → path "" (likewise "$.method", "$.status")
//
// The part name is matched without regard to case. A header, query or
// metadata name that is not a plain path field is taken as written after
// the dot ("$.query.a.b" → query "a.b"). ok is false for any other key:
// one without the "$." prefix, an unknown part, a header, query or metadata
// key without a name, or "$.path" (method, status) followed by more.
func ParseV2RuleKey(key string) (c Category, path string, ok bool) {
	rest, ok := strings.CutPrefix(key, "$.")
	if !ok {
		return "", "", false
	}
	first, tail := rest, ""
	if end := strings.IndexAny(rest, ".["); end >= 0 {
		first, tail = rest[:end], rest[end:]
	}
	switch strings.ToLower(first) {
	case "body":
		return CategoryBody, "$" + tail, true
	case "path", "method", "status":
		if tail != "" {
			return "", "", false
		}
		return Category(strings.ToLower(first)), "", true
	case "header", "headers":
		c = CategoryHeader
	case "query":
		c = CategoryQuery
	case "metadata":
		c = CategoryMetadata
	default:
		return "", "", false
	}
	name := v2Name(tail)
	if name == "" {
		return "", "", false
	}
	return c, name, true
}

// v2Name reads the header, parameter or metadata name of a V2 key from what
// follows the part name: ".X", "['X Y']", ".rate[0]".
func v2Name(tail string) string {
	p, err := ParsePath("$" + tail)
	if err != nil || len(p) < 2 || p[1].Kind != TokField {
		// Names with odd characters: take the rest as written.
		return strings.TrimPrefix(tail, ".")
	}
	// "$.query.rate[0]" and "$.headers.X[0]" name the parameter or header
	// "rate" / "X": pact_models drops the index of a value.
	rest := p[2:]
	for len(rest) > 0 && (rest[0].Kind == TokIndex || rest[0].Kind == TokStarIndex) {
		rest = rest[1:]
	}
	if len(rest) == 0 {
		return p[1].Name
	}
	return strings.TrimPrefix(tail, ".")
}
