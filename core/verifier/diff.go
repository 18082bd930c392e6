package verifier

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
)

// bodyDiff is what the failures section needs to show the diff the
// reference prints after the first body mismatch of an interaction
// (pact_verifier's display_body_mismatch): the expected and actual bodies as
// the reference displays them, when the expected body is JSON.
type bodyDiff struct {
	expected, actual string
}

// newBodyDiff returns the diff inputs for an expected and an actual body, or
// nil when the expected body is not JSON (the reference prints no diff then).
// expectedCT and actualCT are the content types stated beside the bodies
// (a header or message metadata).
//
// The expected body's content type is the one the reference keeps with the
// body when it reads the pact: in a V4 pact the body's own, else the stated
// one, else what the content looks like; in a V3 pact only a message's
// metadata gives one (a V3 HTTP body that is a JSON value has none, so no
// diff is shown for it).
func newBodyDiff(ver model.SpecVersion, message bool, expected, actual model.Body, expectedCT, actualCT string) *bodyDiff {
	ct := ""
	switch {
	case ver >= model.V4:
		ct = expected.ContentType
		if ct == "" {
			ct = expectedCT
		}
		if ct == "" && expected.State == model.BodyPresent && json.Valid(expected.Content) {
			ct = "application/json"
		}
	case message:
		ct = expectedCT
	}
	if !isJSONMedia(ct) {
		return nil
	}
	act := actual.ContentType
	if act == "" {
		act = actualCT
	}
	return &bodyDiff{expected: displayString(expected, ct), actual: displayString(actual, act)}
}

// isJSONMedia is pact_models' ContentType::is_json: application/json...,
// application/*+json and application/graphql.
func isJSONMedia(ct string) bool {
	m := ct
	if i := strings.IndexByte(m, ';'); i >= 0 {
		m = m[:i]
	}
	main, sub, _ := strings.Cut(strings.ToLower(strings.TrimSpace(m)), "/")
	return main == "application" && (strings.HasPrefix(sub, "json") || strings.HasSuffix(sub, "+json") || sub == "graphql")
}

// displayString is OptionalBody::display_string: the text of a present body
// of a text type, else its first 32 bytes in hex with the length; "" for
// anything but a present body.
func displayString(b model.Body, ct string) string {
	if b.State != model.BodyPresent {
		return ""
	}
	text := b.Hint == model.HintText
	if b.Hint == model.HintDefault {
		m := ct
		if i := strings.IndexByte(m, ';'); i >= 0 {
			m = m[:i]
		}
		m = strings.ToLower(strings.TrimSpace(m))
		main, sub, _ := strings.Cut(m, "/")
		text = main == "text" || isJSONMedia(m) || m == "application/x-www-form-urlencoded" ||
			((main == "application" || main == "text") && (sub == "xml" || strings.HasSuffix(sub, "+xml")))
	}
	if text && utf8.Valid(b.Content) {
		return string(b.Content)
	}
	n := min(len(b.Content), 32)
	return fmt.Sprintf("%X (%d bytes)", b.Content[:n], len(b.Content))
}

// displayDiff is pact_matching's json::display_diff: the two bodies (or
// fragments of them) pretty-printed, then a line diff, each line prefixed
// with indent, "+" (green) or "-" (red). A path with one field ("$.a") gives
// no fragments and so "" (the reference's walk takes the path from its
// second field, and only that field, from the top of the body: "$.a.b"
// compares the top-level "b"). The fragments are printed as Rust's Debug of
// the pretty JSON (`Ok("{\n  \"x\": 1\n}")`), the whole bodies plainly.
func displayDiff(expected, actual, path, indent string) string {
	parse := func(s string) any {
		if s == "" {
			return ""
		}
		d := json.NewDecoder(strings.NewReader(s))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil || d.More() {
			return nil
		}
		return v
	}
	e, a := parse(expected), parse(actual)
	segs := strings.Split(path, ".")[1:]
	fragment := func(body any) string {
		if len(segs) == 0 {
			return prettyJSON(body)
		}
		if len(segs) < 2 {
			return ""
		}
		p := segs[1]
		switch x := body.(type) {
		case map[string]any:
			if v, ok := x[p]; ok {
				return `Ok(` + matching.RustDebugString(prettyJSON(v)) + `)`
			}
		case []any:
			if i, err := strconv.ParseUint(p, 10, 64); err == nil && i < uint64(len(x)) {
				return `Ok(` + matching.RustDebugString(prettyJSON(x[i])) + `)`
			}
		}
		return ""
	}
	var out strings.Builder
	for _, d := range lineDiff(fragment(e), fragment(a)) {
		switch d.kind {
		case '=':
			out.WriteString(indent + d.text + "\n")
		case '+':
			out.WriteString("\x1b[32m" + indent + "+" + d.text + "\n\x1b[0m")
		case '-':
			out.WriteString("\x1b[31m" + indent + "-" + d.text + "\n\x1b[0m")
		}
	}
	return out.String()
}

type difference struct {
	kind byte // '=', '+' or '-'
	text string
}

// lineDiff is the `difference` crate's Changeset::new(orig, edit, "\n") as
// pact_matching uses it: a longest common subsequence of lines (a table
// filled row by row, walked back from the end preferring to step back in
// edit when that keeps a longer subsequence), then runs of same, removed and
// added lines, each run joined with "\n".
func lineDiff(orig, edit string) []difference {
	a, b := strings.Split(orig, "\n"), strings.Split(edit, "\n")
	n, m := len(a), len(b)
	idx := make([]int, n*m)
	for i := 0; i < n; i++ {
		for j := 0; j < m; j++ {
			k := i*m + j
			switch {
			case a[i] == b[j] && (i == 0 || j == 0):
				idx[k] = 1
			case a[i] == b[j]:
				idx[k] = idx[k-m-1] + 1
			case i == 0 && j > 0:
				idx[k] = idx[k-1]
			case j == 0 && i > 0:
				idx[k] = idx[k-m]
			case i > 0:
				idx[k] = max(idx[k-1], idx[k-m])
			}
		}
	}
	var common []string
	for i, j := n-1, m-1; i >= 0 && j >= 0; {
		k := i*m + j
		switch {
		case a[i] == b[j]:
			common = append(common, a[i])
			i--
			j--
		case i == 0 && j == 0:
			i = -1
		// the crate reads idx[i*m+j-1] even when j is 0: the last cell of
		// the row before
		case i == 0 || idx[k-1] > idx[k-m]:
			j--
		default:
			i--
		}
	}
	for x, y := 0, len(common)-1; x < y; x, y = x+1, y-1 {
		common[x], common[y] = common[y], common[x]
	}
	joined := strings.Join(common, "\n")

	lines := func(s string) []string {
		if s == "" {
			return nil
		}
		return strings.Split(s, "\n")
	}
	l, r, c := lines(orig), lines(edit), lines(joined)
	peek := func(s []string) (string, bool) {
		if len(s) == 0 {
			return "", false
		}
		return s[0], true
	}
	same := func(x, y []string) bool {
		xv, xok := peek(x)
		yv, yok := peek(y)
		return xok == yok && xv == yv
	}
	var out []difference
	for len(l) > 0 || len(r) > 0 {
		var run []string
		for len(l) > 0 && same(l, c) && same(r, c) {
			run = append(run, l[0])
			l, r, c = l[1:], r[1:], c[1:]
		}
		if len(run) > 0 {
			out = append(out, difference{'=', strings.Join(run, "\n")})
		}
		run = nil
		for len(l) > 0 && !same(l, c) {
			run, l = append(run, l[0]), l[1:]
		}
		if len(run) > 0 {
			out = append(out, difference{'-', strings.Join(run, "\n")})
		}
		run = nil
		for len(r) > 0 && !same(r, c) {
			run, r = append(run, r[0]), r[1:]
		}
		if len(run) > 0 {
			out = append(out, difference{'+', strings.Join(run, "\n")})
		}
	}
	return out
}

// prettyJSON is serde_json::to_string_pretty of a value parsed by serde_json:
// two-space indents, object keys sorted, numbers as serde_json prints them
// (integers as they are, other numbers in the shortest f64 form, "100.0",
// "1e21"), strings escaped as serde_json escapes them.
func prettyJSON(v any) string {
	var b bytes.Buffer
	writePretty(&b, v, "")
	return b.String()
}

func writePretty(b *bytes.Buffer, v any, indent string) {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case json.Number:
		b.WriteString(message.SerdeNumber(string(x)))
	case string:
		b.WriteString(matching.SerdeString(x))
	case []any:
		if len(x) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for i, item := range x {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(indent + "  ")
			writePretty(b, item, indent+"  ")
		}
		b.WriteString("\n" + indent + "]")
	case map[string]any:
		if len(x) == 0 {
			b.WriteString("{}")
			return
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteString("{\n")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(indent + "  ")
			b.WriteString(matching.SerdeString(k))
			b.WriteString(": ")
			writePretty(b, x[k], indent+"  ")
		}
		b.WriteString("\n" + indent + "}")
	}
}
