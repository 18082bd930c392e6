package verifier

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
)

// Report is the outcome of a verification run.
type Report struct {
	// Result is true when every interaction that is not pending passed and
	// every pact could be loaded.
	Result bool
	// Notices are the broker's notices for the verified pacts.
	Notices []map[string]string
	// Output is the text output, line by line (see Text).
	Output []string
	// Errors and PendingErrors are the failures; pending failures do not
	// make Result false.
	Errors        []Failure
	PendingErrors []Failure
	// Interactions has one entry per verified interaction.
	Interactions []InteractionResult
	// Logs are the run's log lines ("<time> LEVEL message").
	Logs []string
	// PublishErrors are failures to publish results (they do not change
	// Result).
	PublishErrors []string
}

// Failure is one failed interaction, or a pact that could not be loaded
// (Interaction is then "Failed to load pact").
type Failure struct {
	// Interaction is "Verifying a pact between C and P Given s - description".
	Interaction   string
	InteractionID string
	// Error is set when the interaction could not be verified (the provider
	// could not be reached, a state change failed, ...), in the reference's
	// words; Cause adds the details the reference leaves in its log.
	Error string
	Cause string
	// Mismatches are the differences found otherwise.
	Mismatches []matching.Mismatch

	diff *bodyDiff
}

// InteractionResult is the outcome of one interaction.
type InteractionResult struct {
	ID                     string // broker "_id", if any
	Key                    string // V4 interaction key
	Description            string // "Verifying a pact between C and P Given s - description"
	InteractionDescription string
	Consumer, Provider     string
	ProviderStates         []string
	Pending                bool
	OK                     bool
	Error                  string
	Cause                  string
	Mismatches             []matching.Mismatch
	Duration               time.Duration

	diff *bodyDiff
}

// Text is the output as the reference prints it, lines joined with "\n".
func (r *Report) Text() string { return strings.Join(r.Output, "\n") }

var ansiRe = regexp.MustCompile("\x1b\\[(?:;?[0-9]{1,3})+[mGK]")

// StripANSI removes ANSI colour codes.
func StripANSI(s string) string { return ansiRe.ReplaceAllString(s, "") }

// JSON is the report in the shape of pact_ffi's pactffi_verifier_json:
//
//	{"result": false, "notices": [...], "output": ["..."],
//	 "errors": [{"interaction": "...", "mismatch": {"type": "mismatches", "mismatches": [...], "interactionId": ""}}],
//	 "pendingErrors": [...],
//	 "interactionResults": [{"description": "...", "result": "OK", "duration": "12ms", "interactionKey": "...",
//	   "consumer": "...", "provider": "...", "pending": false, "providerStates": ["..."], "mismatch": {...}}]}
//
// (pact_ffi 0.5.8 adds consumer, provider, pending, providerStates and, for a
// failed interaction, mismatch to each interaction result; so does libpact.)
//
// An error entry's mismatch is {"type": "error", "message": "...", "interactionId": ""}.
func (r *Report) JSON() []byte {
	failures := func(fs []Failure) []any {
		out := make([]any, 0, len(fs))
		for _, f := range fs {
			out = append(out, map[string]any{"interaction": f.Interaction, "mismatch": mismatchJSON(f.Error, f.InteractionID, f.Mismatches)})
		}
		return out
	}
	results := make([]any, 0, len(r.Interactions))
	for _, ir := range r.Interactions {
		states := ir.ProviderStates
		if states == nil {
			states = []string{}
		}
		m := map[string]any{"description": ir.InteractionDescription, "duration": rustDuration(ir.Duration), "result": "OK",
			"consumer": ir.Consumer, "provider": ir.Provider, "pending": ir.Pending, "providerStates": states}
		if !ir.OK {
			m["result"] = "Error"
			m["mismatch"] = mismatchJSON(ir.Error, ir.ID, ir.Mismatches)
		}
		if ir.ID != "" {
			m["interactionId"] = ir.ID
		}
		if ir.Key != "" {
			m["interactionKey"] = ir.Key
		}
		results = append(results, m)
	}
	notices := r.Notices
	if notices == nil {
		notices = []map[string]string{}
	}
	output := r.Output
	if output == nil {
		output = []string{}
	}
	doc := map[string]any{
		"result":             r.Result,
		"notices":            notices,
		"output":             output,
		"errors":             failures(r.Errors),
		"pendingErrors":      failures(r.PendingErrors),
		"interactionResults": results,
	}
	b, err := rustJSON(doc)
	if err != nil { // cannot happen: every value above is JSON
		return []byte(`{"result":false,"errors":[],"pendingErrors":[],"output":[],"notices":[],"interactionResults":[]}`)
	}
	return b
}

// mismatchJSON is a failure as pact_verifier's VerificationMismatchResult:
// {"type": "error", "message", "interactionId"} or {"type": "mismatches",
// "mismatches": [...], "interactionId"}.
func mismatchJSON(err, id string, mm []matching.Mismatch) map[string]any {
	if err != "" {
		return map[string]any{"type": "error", "message": err, "interactionId": id}
	}
	list := make([]any, 0, len(mm))
	for _, x := range mm {
		list = append(list, x.ToJSON())
	}
	return map[string]any{"type": "mismatches", "mismatches": list, "interactionId": id}
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Time     string      `xml:"time,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Time      string        `xml:"time,attr"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitProblem `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Text    string `xml:",chardata"`
}

// JUnit renders the report as JUnit XML: one test suite per pact, one test
// case per interaction. Mismatches are failures, errors are errors, and a
// pending interaction that failed is reported as skipped (it does not fail
// the build). Pacts that could not be loaded are error cases of a suite
// named "pact loading".
func (r *Report) JUnit() []byte {
	doc := junitSuites{Name: "pact verification"}
	index := map[string]int{}
	for _, ir := range r.Interactions {
		name := "Verifying a pact between " + ir.Consumer + " and " + ir.Provider
		n, ok := index[name]
		if !ok {
			n = len(doc.Suites)
			index[name] = n
			doc.Suites = append(doc.Suites, junitSuite{Name: name})
		}
		s := &doc.Suites[n]
		c := junitCase{Name: strings.TrimPrefix(ir.Description, name+" "), ClassName: ir.Consumer + "." + ir.Provider,
			Time: strconv.FormatFloat(ir.Duration.Seconds(), 'f', 3, 64)}
		text := failureText(ir.Error, ir.Cause, ir.Mismatches)
		switch {
		case ir.OK:
		case ir.Pending:
			c.Skipped = &junitProblem{Message: "pending interaction failed (non-fatal)", Text: text}
			s.Skipped++
		case ir.Error != "":
			c.Error = &junitProblem{Message: ir.Error, Type: "error", Text: text}
			s.Errors++
		default:
			c.Failure = &junitProblem{Message: fmt.Sprintf("%d mismatch(es)", len(ir.Mismatches)), Type: "mismatch", Text: text}
			s.Failures++
		}
		s.Tests++
		s.Cases = append(s.Cases, c)
	}
	var load junitSuite
	for _, f := range r.Errors {
		if f.Interaction == "Failed to load pact" {
			load.Tests++
			load.Errors++
			load.Cases = append(load.Cases, junitCase{Name: "load pact", ClassName: "pact", Time: "0.000",
				Error: &junitProblem{Message: f.Error, Type: "error", Text: f.Error}})
		}
	}
	if load.Tests > 0 {
		load.Name = "pact loading"
		doc.Suites = append(doc.Suites, load)
	}
	for i := range doc.Suites {
		s := &doc.Suites[i]
		var total time.Duration
		for _, c := range s.Cases {
			f, _ := strconv.ParseFloat(c.Time, 64)
			total += time.Duration(f * float64(time.Second))
		}
		s.Time = strconv.FormatFloat(total.Seconds(), 'f', 3, 64)
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	b, _ := xml.MarshalIndent(doc, "", "  ")
	return append([]byte(xml.Header), append(b, '\n')...)
}

func failureText(err, cause string, mm []matching.Mismatch) string {
	if err != "" {
		if cause != "" {
			return err + " (" + cause + ")"
		}
		return err
	}
	lines := make([]string, 0, len(mm))
	for _, m := range mm {
		lines = append(lines, summary(m)+": "+describe(m))
	}
	return strings.Join(lines, "\n")
}

// noticeMap turns a broker notice into the reference's string map.
func noticeMap(n broker.Notice) map[string]string {
	m := map[string]string{"text": n.Text}
	if n.When != "" {
		m["when"] = n.When
	}
	if n.Type != "" {
		m["type"] = n.Type
	}
	return m
}

// ANSI styles.
const (
	red    = "31"
	green  = "32"
	yellow = "33"
	bold   = "1"
)

func (v *run) paint(style, s string) string {
	if !v.cfg.Coloured {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

func (v *run) bold(s string) string { return v.paint(bold, s) }

func (v *run) okFailed(ok bool) string {
	if ok {
		return v.paint(green, "OK")
	}
	return v.paint(red, "FAILED")
}

// resultLines adds the per-interaction result lines (the reference's
// generate_display_for_result for HTTP and messages).
func (v *run) resultLines(out []string, i *model.Interaction, o outcome) []string {
	if o.err != nil {
		line := "Request Failed - " + o.err.Error()
		if se, ok := o.err.(*stateError); ok && se.Cause != "" {
			line += " (" + se.Cause + ")"
		}
		return append(out, "      "+v.paint(red, line))
	}
	has := func(types ...string) bool {
		for _, m := range o.mismatches {
			for _, t := range types {
				if m.Type == t {
					return true
				}
			}
		}
		return false
	}
	keyFailed := func(typ, key string) bool {
		for _, m := range o.mismatches {
			if m.Type == typ && strings.EqualFold(m.Path, key) {
				return true
			}
		}
		return false
	}
	bodyOK := !has("BodyMismatch", "BodyTypeMismatch")
	switch i.Type {
	case model.HTTP:
		out = append(out, "    returns a response which")
		out = append(out, fmt.Sprintf("      has status code %s (%s)", v.bold(strconv.Itoa(i.Response.Status)), v.okFailed(!has("StatusMismatch"))))
		if len(i.Response.Headers) > 0 {
			out = append(out, "      includes headers")
			for _, f := range i.Response.Headers.Sorted() {
				out = append(out, fmt.Sprintf("        \"%s\" with value \"%s\" (%s)", v.bold(f.Name),
					v.bold(strings.Join(f.Values, ", ")), v.okFailed(!keyFailed("HeaderMismatch", f.Name))))
			}
		}
		out = append(out, fmt.Sprintf("      has a matching body (%s)", v.okFailed(bodyOK)))
	default:
		parts := i.MessagePartsOrEmpty()
		msg := &parts.Message
		if i.Type == model.SyncMessage {
			if len(parts.Responses) == 0 {
				return out
			}
			msg = &parts.Responses[0]
		}
		out = append(out, "    generates a message which")
		md := msg.Metadata
		if o.metadata != nil {
			md = o.metadata
		}
		if len(md) > 0 {
			out = append(out, "      includes metadata")
			keys := make([]string, 0, len(md))
			for k := range md {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				b, _ := rustJSON(md[k])
				out = append(out, fmt.Sprintf("        \"%s\" with value %s (%s)", v.bold(k), v.bold(string(b)),
					v.okFailed(!keyFailed("MetadataMismatch", k))))
			}
		}
		out = append(out, fmt.Sprintf("      has a matching body (%s)", v.okFailed(bodyOK)))
	}
	return out
}

// commentLines adds a V4 interaction's comments (the reference's
// process_comments).
func commentLines(out []string, i *model.Interaction) []string {
	c := i.Comments
	if len(c) == 0 {
		return out
	}
	if s := jsonToString(c["testname"]); s != "" {
		out = append(out, "\n  Test Name: "+s)
	}
	switch t := c["text"].(type) {
	case []any:
		if len(t) > 0 {
			out = append(out, "\n  Comments:")
			for _, x := range t {
				out = append(out, jsonToString(x))
			}
			out = append(out, "")
		}
	case []string:
		if len(t) > 0 {
			out = append(out, "\n  Comments:")
			out = append(out, t...)
			out = append(out, "")
		}
	case string:
		if t != "" {
			out = append(out, "\n  Comments:", t, "")
		}
	}
	if refs, ok := c["references"].(map[string]any); ok && len(refs) > 0 {
		out = append(out, "\n  References:")
		for _, g := range sortedKeys(refs) {
			out = append(out, "    "+g+":")
			if gm, ok := refs[g].(map[string]any); ok {
				for _, n := range sortedKeys(gm) {
					out = append(out, "      "+n+": "+jsonToString(gm[n]))
				}
			}
		}
		out = append(out, "")
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// jsonToString renders a JSON value as pact_models' json_to_string: a string
// as itself, anything else as JSON ("" for nothing).
func jsonToString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	b, err := rustJSON(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// failureLines renders the failures section (the reference's
// process_errors / interaction_mismatch_output).
func (v *run) failureLines(out []string, fs []Failure) []string {
	for n, f := range fs {
		if f.Error != "" {
			msg := f.Error
			if f.Cause != "" {
				msg += " (" + f.Cause + ")"
			}
			out = append(out, fmt.Sprintf("%d) %s - %s\n", n+1, f.Interaction, msg))
			continue
		}
		out = append(out, fmt.Sprintf("%d) %s", n+1, f.Interaction))
		j := 1
		mm := f.Mismatches
		for start := 0; start < len(mm); {
			end := start + 1
			for end < len(mm) && mm[end].Type == mm[start].Type {
				end++
			}
			first := mm[start]
			out = append(out, fmt.Sprintf("    %d.%d) %s", n+1, j, summary(first)))
			out = append(out, "           "+v.describeColoured(first))
			rest := append([]matching.Mismatch(nil), mm[start+1:end]...)
			sort.SliceStable(rest, func(a, b int) bool { return rest[a].Path < rest[b].Path })
			for _, m := range rest {
				out = append(out, "           "+v.describeColoured(m))
			}
			if first.Type == "BodyMismatch" && f.diff != nil {
				out = append(out, displayDiff(f.diff.expected, f.diff.actual, first.Path, "    "))
			}
			j++
			start = end
		}
	}
	return out
}

// summary is pact_matching's Mismatch::summary.
func summary(m matching.Mismatch) string {
	switch m.Type {
	case "MethodMismatch":
		return fmt.Sprintf("is a %v request", m.Expected)
	case "PathMismatch":
		return fmt.Sprintf("to path '%v'", m.Expected)
	case "StatusMismatch":
		return fmt.Sprintf("has status code %v", m.Expected)
	case "QueryMismatch":
		return fmt.Sprintf("includes parameter '%s' with value '%v'", m.Path, m.Expected)
	case "HeaderMismatch":
		return fmt.Sprintf("includes header '%s' with value '%v'", m.Path, m.Expected)
	case "MetadataMismatch":
		return "has matching metadata"
	}
	return "has a matching body"
}

// describe is pact_matching's Mismatch::description.
func describe(m matching.Mismatch) string {
	switch m.Type {
	case "BodyTypeMismatch":
		return fmt.Sprintf("Expected a body of '%v' but the actual content type was '%v'", m.Expected, m.Actual)
	case "BodyMismatch":
		return m.Path + " -> " + m.Description
	}
	return m.Description
}

// describeColoured is Mismatch::ansi_description when colours are on.
func (v *run) describeColoured(m matching.Mismatch) string {
	if !v.cfg.Coloured {
		return describe(m)
	}
	switch m.Type {
	case "StatusMismatch":
		return fmt.Sprintf("expected %s but was %s", v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)))
	case "HeaderMismatch":
		return fmt.Sprintf("Expected header '%s' to have value '%s' but was '%s'", v.bold(m.Path),
			v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)))
	case "BodyTypeMismatch":
		return fmt.Sprintf("expected a body of '%s' but the actual content type was '%s'",
			v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)))
	case "BodyMismatch":
		return v.bold(m.Path) + " -> " + m.Description
	case "MetadataMismatch":
		return fmt.Sprintf("Expected message metadata '%s' to have value '%s' but was '%s'", v.bold(m.Path),
			v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)))
	case "MethodMismatch":
		return fmt.Sprintf("expected %s but was %s", v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)))
	case "PathMismatch":
		return fmt.Sprintf("expected '%s' but was '%s'", v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)))
	case "QueryMismatch":
		return fmt.Sprintf("Expected '%s' but received '%s' for query parameter '%s'",
			v.paint(red, fmt.Sprint(m.Expected)), v.paint(green, fmt.Sprint(m.Actual)), v.bold(m.Path))
	}
	return m.Description
}

// humanDuration formats a duration as the humantime crate does: "0s",
// "12ms", "1s 5ms", "2m 3s".
func humanDuration(d time.Duration) string {
	if d <= 0 {
		return "0s"
	}
	var parts []string
	units := []struct {
		d    time.Duration
		name string
	}{{24 * time.Hour, "day"}, {time.Hour, "h"}, {time.Minute, "m"}, {time.Second, "s"}, {time.Millisecond, "ms"}, {time.Microsecond, "us"}, {1, "ns"}}
	for _, u := range units {
		if d >= u.d {
			n := d / u.d
			d -= n * u.d
			name := u.name
			if u.name == "day" {
				name = "days"
				if n == 1 {
					name = "day"
				}
			}
			parts = append(parts, strconv.FormatInt(int64(n), 10)+name)
		}
	}
	return strings.Join(parts, " ")
}

// rustDuration formats a duration as Rust's Debug for Duration: "0ns",
// "12ms", "1.5s", "250µs".
func rustDuration(d time.Duration) string {
	if d <= 0 {
		return "0ns"
	}
	unit, div := "ns", time.Duration(1)
	switch {
	case d >= time.Second:
		unit, div = "s", time.Second
	case d >= time.Millisecond:
		unit, div = "ms", time.Millisecond
	case d >= time.Microsecond:
		unit, div = "µs", time.Microsecond
	}
	whole, frac := d/div, d%div
	s := strconv.FormatInt(int64(whole), 10)
	if frac > 0 {
		digits := len(strconv.FormatInt(int64(div), 10)) - 1
		f := fmt.Sprintf("%0*d", digits, int64(frac))
		s += "." + strings.TrimRight(f, "0")
	}
	return s + unit
}
