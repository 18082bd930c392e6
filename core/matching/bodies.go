package matching

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// matchText compares text bodies: equality, or the rules at "$" applied to
// the whole text.
func matchText(expected, actual []byte, rules *ruleSet) []Mismatch {
	root := []string{"$"}
	if rules.defined(root) {
		var out []Mismatch
		es, as := "", ""
		if utf8.Valid(expected) {
			es = string(expected)
		} else {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
				Description: "Could not parse expected value as UTF-8 text: invalid utf-8 sequence"})
		}
		if utf8.Valid(actual) {
			as = string(actual)
		} else {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
				Description: "Could not parse actual value as UTF-8 text: invalid utf-8 sequence"})
		}
		l, cascaded := rules.best(root)
		for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, es, as, cascaded, false) }) {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual), Description: msg})
		}
		return out
	}
	if !bytes.Equal(expected, actual) {
		return []Mismatch{{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
			Description: fmt.Sprintf("Expected body '%s' to match '%s' using equality but did not match",
				strings.ToValidUTF8(string(expected), "\uFFFD"), strings.ToValidUTF8(string(actual), "\uFFFD"))}}
	}
	return nil
}

// matchForm compares application/x-www-form-urlencoded bodies like query
// strings; rules sit in the body category at "$.name".
func matchForm(expected, actual []byte, rules *ruleSet) []Mismatch {
	e := ParseQuery(string(expected))
	a := ParseQuery(string(actual))
	return matchParams(e, a, rules, "BodyMismatch", "form post parameter", func(k string) string { return "$." + k })
}

// matchBinary compares binary bodies: byte equality, or the rules at "$"
// (contentType, notEmpty, regex on UTF-8 text, ...).
func matchBinary(expected, actual model.Body, eh, ah model.Headers, rules *ruleSet) []Mismatch {
	e, a := bodyBytes(expected), bodyBytes(actual)
	root := []string{"$"}
	if rules.defined(root) {
		l, cascaded := rules.best(root)
		var out []Mismatch
		for _, msg := range applyRules(l, func(r model.Rule) error { return matchBytes(r, e, a, cascaded) }) {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(e), Actual: string(a), Description: msg})
		}
		return out
	}
	if !bytes.Equal(e, a) {
		act := contentTypeOf(actual, ah)
		ect := contentTypeOf(expected, eh)
		return []Mismatch{{Type: "BodyMismatch", Path: "$", Expected: string(e), Actual: string(a),
			Description: fmt.Sprintf("Actual body [%s, %d bytes, starting with %s] is not equal to the expected body [%s, %d bytes, starting with %s]",
				act, len(a), hexPrefix(a, 32), ect, len(e), hexPrefix(e, 32))}}
	}
	return nil
}

func hexPrefix(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	return hex.EncodeToString(b)
}

// matchBytes is the reference's bytes matcher (DoMatch<&Bytes>).
func matchBytes(r model.Rule, expected, actual []byte, cascaded bool) error {
	switch r.Kind {
	case model.Regex:
		re, err := compileRegex(r.Regex)
		if err != nil {
			return err
		}
		if !utf8.Valid(actual) {
			return fmt.Errorf("Could not convert actual bytes into a UTF-8 string - invalid utf-8 sequence")
		}
		if re.MatchString(string(actual)) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to match '%s'", actual, r.Regex)
	case model.Equality:
		if bytes.Equal(expected, actual) {
			return nil
		}
		return fmt.Errorf("Expected '%s...' (%d bytes) to be equal to '%s...' (%d bytes)",
			rustBytes(expected, 10), len(expected), rustBytes(actual, 10), len(actual))
	case model.Type, model.MinType, model.MaxType, model.MinMaxType:
		return nil
	case model.Include:
		if !utf8.Valid(actual) {
			return fmt.Errorf("Could not convert actual bytes into a UTF-8 string - invalid utf-8 sequence")
		}
		sub := ruleString(r.Value())
		if strings.Contains(string(actual), sub) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to include '%s'", actual, sub)
	case model.ContentType:
		return matchContentType(actual, ruleString(r.Value()))
	case model.NotEmpty:
		if len(actual) == 0 {
			return fmt.Errorf("Expected [] (0 bytes) to not be empty")
		}
		return nil
	case model.Plugin:
		return errPlugin
	}
	if !cascaded || canCascade(r) {
		return fmt.Errorf("Unable to match '%s...' (%d bytes) using %s", rustBytes(actual, 10), len(actual), ruleDebug(r))
	}
	return nil
}

// rustBytes renders up to n bytes as Rust's Debug of a byte slice: [1, 2, 3].
func rustBytes(b []byte, n int) string {
	if len(b) > n {
		b = b[:n]
	}
	parts := make([]string, len(b))
	for i, c := range b {
		parts[i] = fmt.Sprint(c)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
