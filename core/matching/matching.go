// Package matching compares an actual request, response or message with the
// expected one of a pact, applying the pact's matching rules, and reports the
// differences as Mismatch values worded as the Rust reference implementation
// (pact_matching) words them.
//
//	mm := matching.MatchRequest(&interaction.Request, &received)
//	for _, m := range mm {
//		fmt.Println(m.Type, m.Path, m.Description)
//	}
//
// Requests are strict about body keys (an unexpected key is a mismatch);
// responses and messages allow extra keys. Regular expressions match the whole
// value, as Java's String.matches and the reference's Oniguruma do.
package matching

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// Mismatch is one difference between expected and actual. Type is the pact_ffi
// mismatch type name.
//
// Path is the body or metadata path ("$.a[0]") for BodyMismatch, the query
// parameter name for QueryMismatch, the header name for HeaderMismatch and the
// metadata key for MetadataMismatch. Expected and Actual are what pact_ffi
// reports (a string, or the status code as an int for StatusMismatch).
type Mismatch struct {
	Type                     string // "MethodMismatch" "PathMismatch" "QueryMismatch" "HeaderMismatch" "BodyMismatch" "BodyTypeMismatch" "StatusMismatch" "MetadataMismatch"
	Path                     string
	Expected                 any
	Actual                   any
	Description              string
	ExpectedBody, ActualBody []byte // BodyTypeMismatch only
}

// String renders the mismatch on one line: "BodyMismatch $.a: Expected ...".
func (m Mismatch) String() string {
	if m.Path != "" {
		return m.Type + " " + m.Path + ": " + m.Description
	}
	return m.Type + ": " + m.Description
}

// ToJSON returns the mismatch in pact_ffi's JSON shape, for example
//
//	{"type":"BodyMismatch","path":"$.a","expected":"1","actual":"2","mismatch":"Expected 2 (Integer) to be equal to 1 (Integer)"}
//	{"type":"QueryMismatch","parameter":"a","expected":"b","actual":"c","mismatch":"..."}
//	{"type":"HeaderMismatch","key":"X-A","expected":"b","actual":"c","mismatch":"..."}
func (m Mismatch) ToJSON() map[string]any {
	out := map[string]any{"type": m.Type, "expected": m.Expected, "actual": m.Actual, "mismatch": m.Description}
	switch m.Type {
	case "BodyMismatch":
		out["path"] = m.Path
		out["expected"] = utf8OrError(m.Expected, "ERROR: could not convert from bytes")
		out["actual"] = utf8OrError(m.Actual, "ERROR: could not convert from bytes")
	case "QueryMismatch":
		out["parameter"] = m.Path
	case "HeaderMismatch", "MetadataMismatch":
		out["key"] = m.Path
	case "BodyTypeMismatch":
		out["expectedBody"] = bodyJSON(m.ExpectedBody)
		out["actualBody"] = bodyJSON(m.ActualBody)
	}
	return out
}

// bodyJSON is a BodyTypeMismatch's expectedBody or actualBody: the bytes as
// a string, or the reference's placeholder when they are not UTF-8.
func bodyJSON(b []byte) any {
	if b == nil {
		return nil
	}
	if !utf8.Valid(b) {
		return "ERROR: could not convert to UTF-8 from bytes"
	}
	return string(b)
}

// utf8OrError is a BodyMismatch's expected or actual value: pact_matching
// holds them as bytes and writes placeholder instead of bytes that are not
// UTF-8 (a binary body), where encoding/json would put U+FFFD.
//
//	utf8OrError("\xff", "ERROR: could not convert from bytes") // "ERROR: could not convert from bytes"
func utf8OrError(v any, placeholder string) any {
	switch x := v.(type) {
	case string:
		if !utf8.ValidString(x) {
			return placeholder
		}
	case []byte:
		if !utf8.Valid(x) {
			return placeholder
		}
		return string(x)
	}
	return v
}

// MatchRequest compares an actual request with the expected one and returns
// the mismatches (none when it matches). Unexpected body keys are mismatches.
func MatchRequest(expected, actual *model.Request) []Mismatch {
	var out []Mismatch
	if !strings.EqualFold(expected.Method, actual.Method) {
		out = append(out, Mismatch{Type: "MethodMismatch", Expected: expected.Method, Actual: actual.Method,
			Description: fmt.Sprintf("expected %s but was %s", expected.Method, actual.Method)})
	}
	out = append(out, matchPath(expected.Path, actual.Path, newRuleSet(expected.MatchingRules, model.CategoryPath))...)
	out = append(out, matchQuery(queryOf(expected), queryOf(actual), newRuleSet(expected.MatchingRules, model.CategoryQuery))...)
	hrules := newRuleSet(expected.MatchingRules, model.CategoryHeader)
	out = append(out, matchHeaders(expected.Headers, actual.Headers, hrules)...)
	out = append(out, matchBody(expected.Body, actual.Body, expected.Headers, actual.Headers,
		newRuleSet(expected.MatchingRules, model.CategoryBody), hrules, false)...)
	return out
}

// MatchResponse compares an actual response with the expected one. Unexpected
// body keys are allowed. The mismatches come in pact_matching's order: body,
// then status, then headers (a verifier lists them so).
func MatchResponse(expected, actual *model.Response) []Mismatch {
	hrules := newRuleSet(expected.MatchingRules, model.CategoryHeader)
	out := matchBody(expected.Body, actual.Body, expected.Headers, actual.Headers,
		newRuleSet(expected.MatchingRules, model.CategoryBody), hrules, true)
	out = append(out, matchStatus(expected.Status, actual.Status, newRuleSet(expected.MatchingRules, model.CategoryStatus))...)
	return append(out, matchHeaders(expected.Headers, actual.Headers, hrules)...)
}

// MatchMessage compares actual message contents and metadata with the
// expected ones. Unexpected body keys and extra metadata keys are allowed.
func MatchMessage(expected, actual *model.MessageContents) []Mismatch {
	var out []Mismatch
	out = append(out, matchMessageContents(expected, actual)...)
	out = append(out, matchMetadata(expected.Metadata, actual.Metadata, newRuleSet(expected.MatchingRules, model.CategoryMetadata))...)
	return out
}

// MatchBody compares two bodies: it resolves both content types (see
// ContentTypeOf), reports a BodyTypeMismatch when they differ, applies the
// body-presence rules (a missing expected body matches anything; an empty or
// null one requires an empty actual body) and then compares by content type:
// JSON, XML, multipart, form-urlencoded, binary or text. rules are the
// expected part's rules (the body and header categories are used).
func MatchBody(expected, actual model.Body, expectedHeaders, actualHeaders model.Headers, rules model.MatchingRules, allowUnexpectedKeys bool) []Mismatch {
	return matchBody(expected, actual, expectedHeaders, actualHeaders, newRuleSet(rules, model.CategoryBody),
		newRuleSet(rules, model.CategoryHeader), allowUnexpectedKeys)
}

func matchBody(expected, actual model.Body, eh, ah model.Headers, rules, hrules *ruleSet, allowUnexpected bool) []Mismatch {
	ect := contentTypeOf(expected, eh)
	act := contentTypeOf(actual, ah)
	ok := ect.unknown() || act.unknown() || ect.equivalent(act) || ect.equivalent(act.base())
	if !ok && hrules.defined([]string{"$", "content-type"}) {
		ok = len(matchHeaderValue("Content-Type", 0, ect.String(), act.String(), hrules, true)) == 0
	}
	if !ok {
		if expected.State == model.BodyPresent {
			return []Mismatch{{Type: "BodyTypeMismatch", Expected: ect.String(), Actual: act.String(),
				Description:  fmt.Sprintf("Expected a body of '%s' but the actual content type was '%s'", ect, act),
				ExpectedBody: bodyBytes(expected), ActualBody: bodyBytes(actual)}}
		}
		return nil
	}
	return matchBodyContent(ect, expected, actual, eh, ah, rules, allowUnexpected)
}

func bodyBytes(b model.Body) []byte {
	if b.State != model.BodyPresent {
		return nil
	}
	return b.Content
}

func bodyDisplay(b model.Body) string {
	switch b.State {
	case model.BodyMissing:
		return "Missing"
	case model.BodyEmpty:
		return "Empty"
	case model.BodyNull:
		return "Null"
	}
	if b.ContentType != "" {
		return fmt.Sprintf("Present(%d bytes, %s)", len(b.Content), b.ContentType)
	}
	return fmt.Sprintf("Present(%d bytes)", len(b.Content))
}

// matchBodyContent applies the presence rules, then compares by content type.
func matchBodyContent(ct ctype, expected, actual model.Body, eh, ah model.Headers, rules *ruleSet, allowUnexpected bool) []Mismatch {
	switch expected.State {
	case model.BodyMissing:
		return nil
	case model.BodyNull, model.BodyEmpty:
		if actual.State == model.BodyPresent {
			return []Mismatch{{Type: "BodyMismatch", Path: "/", Expected: nil, Actual: string(actual.Content),
				Description: "Expected empty body but received " + bodyDisplay(actual)}}
		}
		return nil
	}
	switch actual.State {
	case model.BodyMissing:
		return []Mismatch{{Type: "BodyMismatch", Path: "/", Expected: string(expected.Content), Actual: nil,
			Description: fmt.Sprintf("Expected body %s but was missing", bodyDisplay(expected))}}
	case model.BodyEmpty:
		return []Mismatch{{Type: "BodyMismatch", Path: "/", Expected: string(expected.Content), Actual: nil,
			Description: fmt.Sprintf("Expected body %s but was empty", bodyDisplay(expected))}}
	}
	return compareBodies(ct, expected, actual, eh, ah, rules, allowUnexpected)
}

// compareBodies dispatches on the content type (spec-checklist §5.1).
func compareBodies(ct ctype, expected, actual model.Body, eh, ah model.Headers, rules *ruleSet, allowUnexpected bool) []Mismatch {
	e, a := bodyBytes(expected), bodyBytes(actual)
	switch {
	case ct.isJSON():
		return matchJSONBodies(e, a, rules, allowUnexpected)
	case ct.isXML():
		return matchXML(e, a, rules, allowUnexpected)
	case ct.isMultipart():
		return matchMultipart(expected, actual, eh, ah, rules, allowUnexpected)
	case ct.isForm():
		return matchForm(e, a, rules)
	case ct.isBinary() || (ct.main == "application" && ct.sub == "octet-stream"):
		return matchBinary(expected, actual, eh, ah, rules)
	}
	root := []string{"$"}
	if rules.defined(root) {
		if l, _ := rules.best(root); l != nil {
			for _, r := range l.Rules {
				if r.Kind == model.ContentType {
					return matchBinary(expected, actual, eh, ah, rules)
				}
			}
		}
	}
	return matchText(e, a, rules)
}

func matchMessageContents(expected, actual *model.MessageContents) []Mismatch {
	ect := messageContentType(expected)
	act := messageContentType(actual)
	if ect.equivalent(act) || (ect.unknown() && act.unknown()) {
		return matchBodyContent(ect, expected.Contents, actual.Contents, metadataHeaders(expected.Metadata),
			metadataHeaders(actual.Metadata), newRuleSet(expected.MatchingRules, model.CategoryBody), true)
	}
	if expected.Contents.State == model.BodyPresent {
		return []Mismatch{{Type: "BodyTypeMismatch", Expected: ect.String(), Actual: act.String(),
			Description:  fmt.Sprintf("Expected message with content type %s but was %s", ect, act),
			ExpectedBody: bodyBytes(expected.Contents), ActualBody: bodyBytes(actual.Contents)}}
	}
	return nil
}

// messageContentType is the body's own type, then the metadata contentType
// (or content-type), then a sniff of the contents.
func messageContentType(m *model.MessageContents) ctype {
	return contentTypeOf(m.Contents, metadataHeaders(m.Metadata))
}

// metadataHeaders exposes the message's content type metadata as a
// Content-Type header, so that the body code can treat messages and HTTP
// parts alike.
func metadataHeaders(md map[string]any) model.Headers {
	keys := make([]string, 0, len(md))
	for k := range md {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if strings.EqualFold(k, "contentType") || strings.EqualFold(k, "content-type") {
			if s, ok := md[k].(string); ok {
				return model.Headers{{Name: "Content-Type", Values: []string{s}}}
			}
		}
	}
	return nil
}

func matchPath(expected, actual string, rules *ruleSet) []Mismatch {
	var msgs []string
	if rules.defined(nil) {
		l, _ := rules.best(nil)
		msgs = applyRules(l, func(r model.Rule) error { return matchStr(r, expected, actual, false, false) })
	} else if expected != actual {
		msgs = []string{fmt.Sprintf("Expected '%s' to be equal to '%s'", actual, expected)}
	}
	var out []Mismatch
	for _, msg := range msgs {
		out = append(out, Mismatch{Type: "PathMismatch", Expected: expected, Actual: actual, Description: msg})
	}
	return out
}

func matchStatus(expected, actual int, rules *ruleSet) []Mismatch {
	if rules.defined(nil) {
		l, _ := rules.best(nil)
		var out []Mismatch
		for _, msg := range applyRules(l, func(r model.Rule) error { return matchNumber(r, expected, actual, false) }) {
			out = append(out, Mismatch{Type: "StatusMismatch", Expected: expected, Actual: actual, Description: msg})
		}
		return out
	}
	if expected != actual {
		return []Mismatch{{Type: "StatusMismatch", Expected: expected, Actual: actual,
			Description: fmt.Sprintf("expected %d but was %d", expected, actual)}}
	}
	return nil
}

// matchMetadata compares message metadata: every expected key must be there
// with a matching value; extra keys are fine.
func matchMetadata(expected, actual map[string]any, rules *ruleSet) []Mismatch {
	keys := make([]string, 0, len(expected))
	for k := range expected {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []Mismatch
	for _, k := range keys {
		ev := fromGo(expected[k])
		av, ok := actual[k]
		if !ok {
			out = append(out, Mismatch{Type: "MetadataMismatch", Path: k, Expected: jsonToString(ev), Actual: "",
				Description: fmt.Sprintf("Expected message metadata '%s' but was missing", k)})
			continue
		}
		a := fromGo(av)
		path := []string{"$", k}
		var msgs []string
		switch {
		case rules.defined(path):
			l, cascaded := rules.best(path)
			msgs = applyRules(l, func(r model.Rule) error { return matchJSON(r, ev, a, cascaded, true) })
		case strings.EqualFold(k, "contentType") || strings.EqualFold(k, "content-type"):
			es, _ := ev.(string)
			as, _ := a.(string)
			msgs = matchParameterHeader(es, as, k, "metadata", 0, true)
		default:
			if !jsonEqual(ev, a) {
				msgs = []string{fmt.Sprintf("Expected %s to be equal to %s", valueOf(a), valueOf(ev))}
			}
		}
		for _, msg := range msgs {
			out = append(out, Mismatch{Type: "MetadataMismatch", Path: k, Expected: jsonText(ev), Actual: jsonText(a),
				Description: fmt.Sprintf("Expected metadata key '%s' to have value '%s' but was '%s' - %s", k, jsonText(ev), jsonText(a), msg)})
		}
	}
	return out
}
