package broker

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// Error is a request to the broker that failed. It quotes what the broker
// answered, so that the user sees the broker's own explanation:
//
//	POST http://broker/pacts/provider/P/for-verification: pact broker answered 401 Unauthorized: {"error":"Invalid token"}
//	GET http://broker/: pact broker answered 200 OK with a body that is not valid JSON (unexpected end of JSON input): {"_links": {
//	GET http://broker/: no answer from the pact broker after 3 attempts: no answer within 2s
//
// Callers can test StatusCode (0 when no answer arrived) and Timeout().
type Error struct {
	Method     string
	URL        string
	StatusCode int    // the HTTP status of the answer; 0 when none arrived
	Body       string // the start of the answer's body, whitespace squeezed
	Problem    string // what is wrong with a 2xx answer ("a body that is not valid JSON ...")
	Attempts   int    // how many requests were made
	Err        error  // the cause when no answer arrived (connection refused, timeout, context)
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", e.Method, e.URL)
	switch {
	case e.StatusCode != 0 && e.Err != nil:
		fmt.Fprintf(&b, "gave up (%v) after %s; the pact broker last answered %s: %s",
			e.Err, attempts(e.Attempts), statusText(e.StatusCode), bodyText(e.Body))
	case e.StatusCode != 0 && e.Problem != "":
		fmt.Fprintf(&b, "pact broker answered %s with %s: %s", statusText(e.StatusCode), e.Problem, bodyText(e.Body))
	case e.StatusCode != 0:
		fmt.Fprintf(&b, "pact broker answered %s: %s", statusText(e.StatusCode), bodyText(e.Body))
		if e.Attempts > 1 {
			fmt.Fprintf(&b, " (after %s)", attempts(e.Attempts))
		}
	default:
		fmt.Fprintf(&b, "no answer from the pact broker after %s: %v", attempts(e.Attempts), e.Err)
	}
	return b.String()
}

func attempts(n int) string {
	if n == 1 {
		return "1 attempt"
	}
	return fmt.Sprintf("%d attempts", n)
}

// Unwrap gives the cause when no answer arrived.
func (e *Error) Unwrap() error { return e.Err }

// Timeout says whether the request was given up for lack of an answer in time
// (the per-request timeout, or the caller's deadline).
func (e *Error) Timeout() bool {
	var t *timeoutError
	return errors.As(e.Err, &t) || errors.Is(e.Err, context.DeadlineExceeded)
}

func statusText(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d %s", code, t)
	}
	return fmt.Sprint(code)
}

func bodyText(s string) string {
	if s == "" {
		return "(empty body)"
	}
	return s
}

// excerptLen is how much of a body an error quotes.
const excerptLen = 400

// excerpt is the start of body for an error message: whitespace runs squeezed
// to one space, cut at excerptLen bytes (on a rune boundary) with "…".
func excerpt(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if len(s) <= excerptLen {
		return s
	}
	cut := excerptLen
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// checkJSON fails when a 2xx answer is not a JSON document; with checkType
// its content type must say JSON too (when it has one).
func checkJSON(method, rawURL string, a *answer, checkType bool) error {
	if ct := a.header.Get("Content-Type"); checkType && ct != "" && !isJSONType(ct) {
		return &Error{Method: method, URL: rawURL, StatusCode: a.status, Body: excerpt(a.body),
			Problem: fmt.Sprintf("content type %q, not JSON", ct)}
	}
	var v any
	d := json.NewDecoder(bytes.NewReader(a.body))
	err := d.Decode(&v)
	if err == nil && d.More() {
		err = errors.New("data after the JSON document")
	}
	if err != nil {
		return &Error{Method: method, URL: rawURL, StatusCode: a.status, Body: excerpt(a.body),
			Problem: fmt.Sprintf("a body that is not valid JSON (%v)", err)}
	}
	return nil
}
