package mockserver

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
)

// The CORS headers of §7 M5.
const (
	corsMethods = "GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH"
	corsExpose  = "Location, Link"
)

// Header values shared by every response, so that answering allocates less.
// net/http only reads them; nothing may append to them in place (their
// capacity equals their length, so append copies).
var (
	valStar        = []string{"*"}
	valCorsMethods = []string{corsMethods}
	valCorsExpose  = []string{corsExpose}
	valTrue        = []string{"true"}
)

// ServeHTTP handles one request: it converts it to the model, matches it,
// records the result, then answers (§7 M2–M7). It never panics: a panic is
// recovered, logged, recorded as a failure and answered with a 500.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			s.recovered(w, r, v)
		}
	}()

	req, err := toRequest(r, s.cfg.BodyLimit)
	if err != nil {
		if errors.Is(err, errBodyTooLarge) {
			msg := fmt.Sprintf("Request body is larger than the mock server's limit of %d bytes", s.cfg.BodyLimit)
			s.logf(logging.Error, "%s %s: %s", req.Method, req.Path, msg)
			s.record(Result{Kind: Failed, index: -1, Method: req.Method, Path: req.Path, Request: req, Error: msg})
			plainError(w, http.StatusRequestEntityTooLarge, msg)
			return
		}
		if errors.Is(err, errHeaderEncoding) {
			// The reference answers 500 with this text (hyper_server.rs).
			const msg = "Found an invalid header encoding"
			s.logf(logging.Error, "%s %s: %v", req.Method, req.Path, err)
			s.record(Result{Kind: Failed, index: -1, Method: req.Method, Path: req.Path, Request: req, Error: msg})
			plainError(w, http.StatusInternalServerError, msg)
			return
		}
		s.logf(logging.Error, "%s %s: %v", req.Method, req.Path, err)
		s.record(Result{Kind: Failed, index: -1, Method: req.Method, Path: req.Path, Request: req, Error: "Could not process request body"})
		plainError(w, http.StatusInternalServerError, "Could not process request body")
		return
	}
	s.log(logging.Info, "received request "+req.Method+" "+requestTarget(req))
	s.answer(w, req, s.match(req))
}

// recovered answers a request whose handling panicked with v: it logs the
// panic, records the request as failed and answers 500. http.ErrAbortHandler
// is panicked on (it aborts the connection).
func (s *Server) recovered(w http.ResponseWriter, r *http.Request, v any) {
	if v == http.ErrAbortHandler {
		panic(v)
	}
	s.logf(logging.Error, "internal error handling %s %s: %v\n%s", r.Method, r.RequestURI, v, debug.Stack())
	s.record(Result{Kind: Failed, index: -1, Method: r.Method, Path: r.RequestURI,
		Error: fmt.Sprintf("internal error in the mock server: %v", v)})
	plainError(w, http.StatusInternalServerError, fmt.Sprintf("Internal error in the mock server: %v", v))
}

// answer records the result of matching a request and answers it: the
// interaction's response, a mismatch, or the CORS pre-flight answer.
func (s *Server) answer(w http.ResponseWriter, req *model.Request, res Result) {
	if res.Kind == NotFound && s.cfg.CORS && req.Method == http.MethodOptions {
		s.logf(logging.Info, "answering CORS pre-flight request %s", req.Path)
		writePreflight(w, req)
		return
	}
	// Record before answering, so that a client that has its response can
	// ask whether everything matched and get the right answer (§7 M7).
	res = s.record(res)

	if res.Kind != Matched {
		s.log(logging.Warn, res.describe()+bodyPreview(req))
		writeMismatch(w, req, res)
		return
	}
	s.log(logging.Info, s.matchedLog[res.index])
	s.writeResponse(w, req, res.Interaction)
}

// record keeps a result: it counts a matched or mismatched interaction as
// received, and keeps every failure. When several interactions match a
// request equally well (the same request under different provider states,
// say), the one requested least so far answers, the earliest on a tie, so
// that repeated requests are answered by the interactions in the order they
// were defined; record returns the result with that interaction.
func (s *Server) record(res Result) Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sealed {
		return res // arrived as Close returned: too late to count
	}
	if res.Kind == Matched {
		if ties := res.ties; len(ties) > 1 {
			best := ties[0]
			for _, t := range ties[1:] {
				if s.received[t] < s.received[best] {
					best = t
				}
			}
			res.index, res.Interaction = best, s.interactions[best]
		}
		s.received[res.index]++
		s.touched[res.index] = true
		return res
	}
	if res.Kind == Mismatch {
		s.touched[res.index] = true
	}
	s.failures = append(s.failures, s.keepFailure(res))
	return res
}

// failureBudget bounds the bytes of request bodies and mismatch texts that a
// server keeps with its failed requests, so that a client sending many large
// bad requests cannot exhaust the host's memory (each is kept until Close,
// and a mismatch can hold several copies of its body). Past the budget, each
// failure keeps the first truncatedKeep bytes of each, with a note. A
// variable so that tests can lower it.
var failureBudget = 64 << 20

const truncatedKeep = 4 << 10

// keepFailure returns res as it is while the failures kept so far are within
// failureBudget, and a copy with its body and mismatch texts cut to
// truncatedKeep bytes after that. s.mu must be held.
func (s *Server) keepFailure(res Result) Result {
	size := 0
	if res.Request != nil {
		size += len(res.Request.Body.Content)
	}
	for _, m := range res.Mismatches {
		size += len(m.Description) + len(m.ExpectedBody) + len(m.ActualBody)
		for _, v := range []any{m.Expected, m.Actual} {
			if str, ok := v.(string); ok {
				size += len(str)
			}
		}
	}
	if s.kept+size <= failureBudget || size <= truncatedKeep {
		s.kept += size
		return res
	}
	if res.Request != nil && len(res.Request.Body.Content) > truncatedKeep {
		r := *res.Request
		r.Body.Content = cutBytes(r.Body.Content)
		res.Request = &r
	}
	if len(res.Mismatches) > 0 {
		ms := make([]matching.Mismatch, len(res.Mismatches))
		for n, m := range res.Mismatches {
			m.Description = cutString(m.Description)
			m.ExpectedBody, m.ActualBody = cutBytes(m.ExpectedBody), cutBytes(m.ActualBody)
			if str, ok := m.Expected.(string); ok {
				m.Expected = cutString(str)
			}
			if str, ok := m.Actual.(string); ok {
				m.Actual = cutString(str)
			}
			ms[n] = m
		}
		res.Mismatches = ms
	}
	return res
}

// truncationNote ends a body or text cut by keepFailure.
func truncationNote(n int) string {
	return fmt.Sprintf("... [%d bytes in all; the rest was not kept: the mock server keeps at most %d MB of failed requests]",
		n, failureBudget>>20)
}

func cutBytes(b []byte) []byte {
	if len(b) <= truncatedKeep {
		return b
	}
	return append(append([]byte(nil), b[:truncatedKeep]...), truncationNote(len(b))...)
}

func cutString(str string) string {
	if len(str) <= truncatedKeep {
		return str
	}
	return strings.ToValidUTF8(str[:truncatedKeep], "") + truncationNote(len(str))
}

// writeResponse answers a matched request with the interaction's response,
// generated in consumer mode, with the CORS headers of §7 M5.
func (s *Server) writeResponse(w http.ResponseWriter, req *model.Request, i *model.Interaction) {
	resp := &i.Response
	if needsGeneration(resp) {
		// On an error g still holds every value that could be generated; the
		// parts that failed keep their example values.
		g, err := generators.GenerateResponse(resp, generators.Consumer, s.genCtx)
		if err != nil {
			s.logf(logging.Warn, "generating the response of %q: %v; the values that could not be generated keep their examples", i.Description, err)
		}
		resp = &g
	}
	h := w.Header()
	h["Access-Control-Allow-Origin"] = originValue(req)
	h["Access-Control-Allow-Headers"] = valStar
	h["Access-Control-Allow-Methods"] = valCorsMethods
	h["Access-Control-Expose-Headers"] = valCorsExpose
	h["Access-Control-Allow-Credentials"] = valTrue
	hasContentType := false
	for _, f := range resp.Headers {
		values := f.Values
		key := http.CanonicalHeaderKey(f.Name)
		if key == "Content-Type" {
			hasContentType = true
		}
		if _, set := h[key]; set && !isCORS(key) {
			h[key] = append(slices.Clip(h[key]), values...)
			continue
		}
		h[key] = values
	}
	if !hasContentType {
		if resp.Body.IsPresent() && resp.Body.ContentType != "" {
			h["Content-Type"] = []string{resp.Body.ContentType}
		} else {
			h["Content-Type"] = nil // no sniffing: send no Content-Type
		}
	}
	status := resp.Status
	if status == 0 {
		status = http.StatusOK
	}
	if status < 100 || status > 999 {
		s.logf(logging.Error, "interaction %q has an invalid response status %d", i.Description, status)
		status = http.StatusInternalServerError
	}
	if resp.Body.IsPresent() && len(resp.Body.Content) > 2048 {
		// net/http sets the length of small bodies itself; a larger one
		// would otherwise be sent chunked.
		h["Content-Length"] = []string{strconv.Itoa(len(resp.Body.Content))}
	}
	w.WriteHeader(status)
	if resp.Body.IsPresent() {
		w.Write(resp.Body.Content)
	}
}

// needsGeneration reports whether a response has any generator, at the top
// level or inside a matching rule (eachValue, arrayContains variants).
func needsGeneration(r *model.Response) bool {
	if !r.Generators.IsEmpty() {
		return true
	}
	for n := range r.MatchingRules {
		for _, l := range r.MatchingRules[n].Paths.All() {
			for _, rule := range l.Rules {
				if rule.Generator() != nil {
					return true
				}
				for _, v := range rule.Variants() {
					if len(v.Generators) > 0 {
						return true
					}
				}
			}
		}
	}
	return false
}

func isCORS(key string) bool {
	switch key {
	case "Access-Control-Allow-Origin", "Access-Control-Allow-Headers", "Access-Control-Allow-Methods",
		"Access-Control-Expose-Headers", "Access-Control-Allow-Credentials":
		return true
	}
	return false
}

// originValue is the request's Origin header as a header value, or "*".
func originValue(req *model.Request) []string {
	if v, ok := req.Headers.Exact("Origin"); ok && len(v) == 1 && v[0] != "" {
		return slices.Clip(v)
	}
	if o := origin(req); o != "*" {
		return []string{o}
	}
	return valStar
}

// origin is the request's Origin header, or "*".
func origin(req *model.Request) string {
	if v, ok := req.Headers.Exact("Origin"); ok && len(v) > 0 {
		return v[0]
	}
	if o := req.Headers.First("Origin"); o != "" {
		return o
	}
	return "*"
}

// writePreflight answers an unmatched OPTIONS request when CORS is on.
func writePreflight(w http.ResponseWriter, req *model.Request) {
	allowHeaders := "*"
	if v, ok := req.Headers.Get("Access-Control-Request-Headers"); ok && len(v) > 0 {
		allowHeaders = joinComma(v) + ", *"
	}
	h := w.Header()
	h["Access-Control-Allow-Origin"] = []string{origin(req)}
	h["Access-Control-Allow-Methods"] = []string{corsMethods}
	h["Access-Control-Allow-Headers"] = []string{allowHeaders}
	h["Access-Control-Expose-Headers"] = []string{corsExpose}
	h["Access-Control-Allow-Credentials"] = []string{"true"}
	w.WriteHeader(http.StatusNoContent)
}

// writeMismatch answers a mismatched or unexpected request (§7 M6): 500,
// a JSON body {"error": "<key> : <request>"} and an X-Pact header with the key.
// For a mismatch the body also lists what differed, so that a client that
// prints the body shows the cause:
//
//	{"error": "Request-Mismatch : HttpRequest { ... }",
//	 "mismatches": ["HeaderMismatch X-TEST: Expected a header 'X-TEST' but was missing"]}
func writeMismatch(w http.ResponseWriter, req *model.Request, res Result) {
	out := map[string]any{"error": res.Key() + " : " + describeRequest(req)}
	if len(res.Mismatches) > 0 {
		msgs := make([]string, len(res.Mismatches))
		for n, m := range res.Mismatches {
			msgs[n] = m.String()
		}
		out["mismatches"] = msgs
	}
	body, _ := json.Marshal(out)
	h := w.Header()
	h["Access-Control-Allow-Origin"] = []string{"*"}
	h["Content-Type"] = []string{"application/json; charset=utf-8"}
	h["X-Pact"] = []string{res.Key()}
	h["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(body)
}

// bodyPreview shows the start of a request body for the log: the text
// itself when it is valid UTF-8, otherwise its size; "" for no body.
func bodyPreview(r *model.Request) string {
	if !r.Body.IsPresent() {
		return ""
	}
	const max = 1024
	b := r.Body.Content
	if !utf8.Valid(b) {
		return fmt.Sprintf("\n    body: %d bytes of binary data", len(b))
	}
	if len(b) > max {
		return fmt.Sprintf("\n    body: %s... (%d bytes)", strings.ToValidUTF8(string(b[:max]), ""), len(b))
	}
	return "\n    body: " + string(b)
}

// plainError answers with a status and a plain-text message.
func plainError(w http.ResponseWriter, status int, msg string) {
	h := w.Header()
	h["Content-Type"] = []string{"text/plain; charset=utf-8"}
	h["X-Pact"] = []string{"Request-Error"}
	w.WriteHeader(status)
	w.Write([]byte(msg))
}
