package mockserver

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// Kind is the outcome of one request, or of an interaction never requested.
type Kind int

// The kinds of result.
const (
	Matched  Kind = iota // the request matched an interaction
	Mismatch             // the best interaction had the request's method and path, but other parts differed
	NotFound             // no interaction had the request's method and path: an unexpected request
	Missing              // an interaction was never requested
	Failed               // the request could not be handled (body too large, internal error)
)

// Result is the outcome of one request, or an interaction never requested.
//
// Interaction is the expected interaction (Matched, Mismatch, Missing);
// Request is the request received (all but Missing); Method and Path are
// those of the expected request for Mismatch and Missing and of the received
// request otherwise, as in the reference's JSON.
type Result struct {
	Kind        Kind
	Method      string
	Path        string
	Interaction *model.Interaction
	Request     *model.Request
	Mismatches  []matching.Mismatch
	Error       string // Failed only

	index int   // index of Interaction among the server's HTTP interactions, or -1
	ties  []int // Matched: every interaction that matched as well as index, in order
}

// Key returns the reference's name for the kind of result, as sent in the
// X-Pact header: "Request-Matched", "Request-Mismatch", "Unexpected-Request",
// "Missing-Request" or "Request-Error".
func (r Result) Key() string {
	switch r.Kind {
	case Matched:
		return "Request-Matched"
	case Mismatch:
		return "Request-Mismatch"
	case NotFound:
		return "Unexpected-Request"
	case Missing:
		return "Missing-Request"
	}
	return "Request-Error"
}

// ToJSON returns the result in pact_ffi's mock-server mismatch JSON shape
// (§7 M8):
//
//	{"type": "request-mismatch", "method": "GET", "path": "/a", "mismatches": [...]}
//	{"type": "request-not-found", "method": "GET", "path": "/b", "request": {...}}
//	{"type": "missing-request", "method": "GET", "path": "/c", "request": {...}}
//
// A request that could not be handled gives
// {"type": "request-error", "method", "path", "error"}.
func (r Result) ToJSON() map[string]any {
	switch r.Kind {
	case Matched:
		return map[string]any{"type": "request-match"}
	case Mismatch:
		ms := make([]any, len(r.Mismatches))
		for n, m := range r.Mismatches {
			ms[n] = m.ToJSON()
		}
		return map[string]any{"type": "request-mismatch", "method": r.Method, "path": r.Path, "mismatches": ms}
	case NotFound:
		return map[string]any{"type": "request-not-found", "method": r.Method, "path": r.Path, "request": requestJSON(receivedHeaderNames(r.Request))}
	case Missing:
		return map[string]any{"type": "missing-request", "method": r.Method, "path": r.Path, "request": requestJSON(&r.Interaction.Request)}
	}
	return map[string]any{"type": "request-error", "method": r.Method, "path": r.Path, "error": r.Error}
}

// describe returns one line (more for mismatches) saying what happened, for
// the log.
func (r Result) describe() string {
	switch r.Kind {
	case Matched:
		return "Request matched OK - " + describeRequest(r.Request)
	case Mismatch:
		var b strings.Builder
		fmt.Fprintf(&b, "Request did not match - %s", describeRequest(r.Request))
		for n, m := range r.Mismatches {
			fmt.Fprintf(&b, "\n    %d) %s", n, m.Description)
		}
		return b.String()
	case NotFound:
		return "Request was not expected - " + describeRequest(r.Request)
	case Missing:
		return "Request was not received - " + describeRequest(&r.Interaction.Request)
	}
	return "Request failed - " + r.Method + " " + r.Path + ": " + r.Error
}

// Matched reports whether the test passed: every HTTP interaction was
// requested at least once, and no request was mismatched, unexpected or
// failed. A server with no HTTP interactions that received nothing matched.
func (s *Server) Matched() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.failures) > 0 {
		return false
	}
	for _, n := range s.received {
		if n == 0 {
			return false
		}
	}
	return true
}

// Mismatches returns every failure in the order the requests came, then a
// Missing result for every interaction no request was matched or mismatched
// against (§7 M8). It is empty when Matched is true. The results point into
// the server's own copy of the pact: read them, do not change them.
func (s *Server) Mismatches() []Result {
	s.mu.Lock()
	out := append([]Result(nil), s.failures...)
	for n, i := range s.interactions {
		if !s.touched[n] {
			out = append(out, Result{Kind: Missing, Method: i.Request.Method, Path: i.Request.Path, Interaction: i, index: n})
		}
	}
	s.mu.Unlock()
	return out
}

// MismatchesJSON returns Mismatches as a JSON array, the string
// pactffi_mock_server_mismatches returns ("[]" when everything matched).
func (s *Server) MismatchesJSON() []byte {
	ms := s.Mismatches()
	arr := make([]any, len(ms))
	for n, m := range ms {
		arr[n] = m.ToJSON()
	}
	out, err := json.Marshal(arr)
	if err != nil {
		return []byte("[]")
	}
	return out
}

// requestJSON renders a request in the V3 pact-file form the reference puts
// in "request-not-found" and "missing-request" results, as the pact writer
// (pactfile.Marshal) writes it.
func requestJSON(r *model.Request) map[string]any {
	if r == nil {
		return map[string]any{}
	}
	p := model.NewPact("consumer", "provider", model.V3)
	i := p.AddInteraction(model.HTTP, "request")
	i.Request = *r
	if data, _, err := pactfile.Marshal(p, model.V3); err == nil {
		var doc struct {
			Interactions []struct {
				Request map[string]any `json:"request"`
			} `json:"interactions"`
		}
		if json.Unmarshal(data, &doc) == nil && len(doc.Interactions) == 1 && doc.Interactions[0].Request != nil {
			return doc.Interactions[0].Request
		}
	}
	return plainRequestJSON(r)
}

// plainRequestJSON renders a request when the pact writer cannot: method,
// path, query (name to list of values), headers (values joined with ", ")
// and body (JSON when it is JSON, otherwise text).
func plainRequestJSON(r *model.Request) map[string]any {
	out := map[string]any{"method": r.Method, "path": r.Path}
	if len(r.Query) > 0 {
		q := make(map[string]any, len(r.Query))
		for _, f := range r.Query {
			q[f.Name] = append([]string(nil), f.Values...)
		}
		out["query"] = q
	}
	if len(r.Headers) > 0 {
		h := make(map[string]any, len(r.Headers))
		for _, f := range r.Headers {
			h[f.Name] = strings.Join(f.Values, ", ")
		}
		out["headers"] = h
	}
	switch r.Body.State {
	case model.BodyPresent:
		var v any
		if json.Unmarshal(r.Body.Content, &v) == nil && isJSONType(r) {
			out["body"] = v
		} else {
			out["body"] = string(r.Body.Content)
		}
	case model.BodyNull:
		out["body"] = nil
	case model.BodyEmpty:
		out["body"] = ""
	}
	return out
}

// isJSONType reports whether the request's body is declared or looks like
// JSON.
func isJSONType(r *model.Request) bool {
	ct := r.Body.ContentType
	if ct == "" {
		ct = r.Headers.First("Content-Type")
	}
	if ct == "" {
		return true // sniffed: it parsed as JSON
	}
	base, _, _ := strings.Cut(strings.ToLower(ct), ";")
	base = strings.TrimSpace(base)
	return base == "application/json" || strings.HasSuffix(base, "+json") || strings.HasSuffix(base, "/json")
}

// describeRequest renders a request for error bodies and logs, in the shape
// of the reference's request debug output:
//
//	HttpRequest { method: "GET", path: "/a", query: {"x": ["1"]}, headers: {"Accept": ["*/*"]}, body: Present(12 bytes, application/json) }
func describeRequest(r *model.Request) string {
	if r == nil {
		return "HttpRequest { }"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "HttpRequest { method: %q, path: %q, query: ", r.Method, r.Path)
	writeStringsMap(&b, r.Query)
	b.WriteString(", headers: ")
	writeStringsMap(&b, r.Headers)
	b.WriteString(", body: ")
	switch r.Body.State {
	case model.BodyMissing:
		b.WriteString("Missing")
	case model.BodyEmpty:
		b.WriteString("Empty")
	case model.BodyNull:
		b.WriteString("Null")
	default:
		ct := r.Body.ContentType
		if ct == "" {
			ct = "None"
		}
		fmt.Fprintf(&b, "Present(%d bytes, %s)", len(r.Body.Content), ct)
	}
	b.WriteString(" }")
	return b.String()
}

func writeStringsMap(b *strings.Builder, fields []model.Field) {
	if len(fields) == 0 {
		b.WriteString("None")
		return
	}
	b.WriteByte('{')
	for n, f := range model.Headers(fields).Sorted() { // byte order of the names, as for a query
		if n > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(b, "%q: [", f.Name)
		for j, v := range f.Values {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(b, "%q", v)
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
}

// requestTarget is the path and query of a request, for logs.
func requestTarget(r *model.Request) string {
	if r.RawQuery == "" {
		return r.Path
	}
	return r.Path + "?" + r.RawQuery
}

func joinComma(v []string) string { return strings.Join(v, ", ") }
