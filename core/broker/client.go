package broker

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Version is the version of libpact sent in the User-Agent header and, unless
// the caller says otherwise, as verifiedBy.version with verification results.
const Version = "0.1.0"

// The client's defaults.
const (
	DefaultTimeout  = 30 * time.Second
	DefaultAttempts = 3
	DefaultBackoff  = 250 * time.Millisecond
	// maxBody bounds how much of an answer is read (a pact can be large, but
	// not this large).
	maxBody = 64 << 20
)

// Auth is how the client authenticates to the broker: HTTP basic
// (Username/Password) or a bearer token (Token). The zero value sends no
// credentials.
//
//	broker.BasicAuth("user", "pass")  // Authorization: Basic dXNlcjpwYXNz
//	broker.TokenAuth("t0k3n")         // Authorization: Bearer t0k3n
type Auth struct {
	Username string
	Password string
	Token    string
}

// BasicAuth is Auth with an HTTP basic username and password.
func BasicAuth(username, password string) Auth {
	return Auth{Username: username, Password: password}
}

// TokenAuth is Auth with a bearer token.
func TokenAuth(token string) Auth { return Auth{Token: token} }

// apply sets the Authorization header; a token wins over a username.
func (a Auth) apply(req *http.Request) {
	switch {
	case a.Token != "":
		req.Header.Set("Authorization", "Bearer "+a.Token)
	case a.Username != "":
		req.SetBasicAuth(a.Username, a.Password)
	}
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient makes the client send its requests through hc (for a custom
// CA, a proxy, ...). Its own Timeout, if any, still applies; the per-request
// timeout of WithTimeout is applied on top.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithTimeout bounds each request (each attempt) to d; d <= 0 keeps the
// default of 30 s.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithRetries sets how many attempts a request gets in all (1 means no
// retry); n < 1 keeps the default of 3.
func WithRetries(n int) Option {
	return func(c *Client) {
		if n >= 1 {
			c.attempts = n
		}
	}
}

// WithBackoff sets the wait before the first retry; each further retry waits
// twice as long as the one before. d <= 0 keeps the default of 250 ms.
func WithBackoff(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.backoff = d
		}
	}
}

// WithUserAgent replaces the User-Agent header ("libpact/<Version>").
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// KeepLinkHosts makes the client follow absolute links exactly as the broker
// wrote them, instead of rewriting their scheme and host to the base URL's.
func KeepLinkHosts() Option { return func(c *Client) { c.keepHosts = true } }

// Client talks to one Pact Broker. It is safe for concurrent use; it caches
// the broker's index after the first successful fetch.
type Client struct {
	base      *url.URL // nil when New was given "" (FetchPact of absolute URLs only)
	baseErr   error    // why the base URL could not be parsed
	auth      Auth
	hc        *http.Client
	timeout   time.Duration
	attempts  int
	backoff   time.Duration
	userAgent string
	keepHosts bool

	mu    sync.Mutex // guards index
	index Links
}

// New returns a client for the broker at baseURL (e.g.
// "https://broker.example" or "http://host:9292/context-path"). It does no
// I/O: a bad URL is reported by the first call.
//
//	c := broker.New("http://localhost:9292", broker.BasicAuth("pact", "pact"),
//		broker.WithTimeout(5*time.Second), broker.WithRetries(5))
func New(baseURL string, auth Auth, opts ...Option) *Client {
	c := &Client{
		auth:      auth,
		hc:        http.DefaultClient,
		timeout:   DefaultTimeout,
		attempts:  DefaultAttempts,
		backoff:   DefaultBackoff,
		userAgent: "libpact/" + Version,
	}
	if baseURL != "" {
		u, err := url.Parse(baseURL)
		switch {
		case err != nil:
			c.baseErr = fmt.Errorf("invalid pact broker URL %q: %w", baseURL, err)
		case u.Scheme != "http" && u.Scheme != "https" || u.Host == "":
			c.baseErr = fmt.Errorf("invalid pact broker URL %q: want http(s)://host[:port][/path]", baseURL)
		default:
			c.base = u
		}
	}
	for _, o := range opts {
		o(c)
	}
	return c
}

// BaseURL is the broker URL the client was made with.
func (c *Client) BaseURL() string {
	if c.base == nil {
		return ""
	}
	return c.base.String()
}

// answer is a response read in full.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// retryable says whether an HTTP status is worth another attempt.
func retryable(status int) bool {
	return status >= 500 || status == http.StatusRequestTimeout || status == http.StatusTooManyRequests
}

// send makes the request, retrying as configured, and returns the last
// answer whatever its status; it fails only when no answer arrived.
func (c *Client) send(ctx context.Context, method, rawURL string, body []byte) (*answer, int, error) {
	var last *answer
	var lastErr error
	wait := c.backoff
	for attempt := 1; attempt <= c.attempts; attempt++ {
		if attempt > 1 {
			t := time.NewTimer(wait)
			select {
			case <-ctx.Done():
				t.Stop()
				return nil, attempt - 1, c.noAnswer(method, rawURL, attempt-1, ctx.Err(), lastErr, last)
			case <-t.C:
			}
			wait *= 2
		}
		a, err := c.attempt(ctx, method, rawURL, body)
		if err != nil {
			if ctx.Err() != nil {
				// err is only ctx's own error again; report the attempt before.
				return nil, attempt, c.noAnswer(method, rawURL, attempt, ctx.Err(), lastErr, last)
			}
			var perm *permanentError
			if errors.As(err, &perm) {
				return nil, attempt, &Error{Method: method, URL: rawURL, Attempts: attempt, Err: perm.err}
			}
			last, lastErr = nil, err
			continue
		}
		if retryable(a.status) && attempt < c.attempts {
			last, lastErr = a, nil
			continue
		}
		return a, attempt, nil
	}
	// Only a failed last attempt gets here (a retryable status on the last
	// attempt is returned above).
	return nil, c.attempts, &Error{Method: method, URL: rawURL, Attempts: c.attempts, Err: lastErr}
}

// noAnswer is the error for a request given up because ctx ended.
func (c *Client) noAnswer(method, rawURL string, attempts int, ctxErr, lastErr error, last *answer) error {
	e := &Error{Method: method, URL: rawURL, Attempts: attempts, Err: ctxErr}
	if last != nil {
		e.StatusCode, e.Body = last.status, excerpt(last.body)
	} else if lastErr != nil {
		e.Err = fmt.Errorf("%w (last attempt: %v)", ctxErr, lastErr)
	}
	return e
}

// permanentError marks a failure that another attempt cannot mend (a bad URL).
type permanentError struct{ err error }

func (p *permanentError) Error() string { return p.err.Error() }

// attempt makes one request within the per-request timeout.
func (c *Client) attempt(ctx context.Context, method, rawURL string, body []byte) (*answer, error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(actx, method, rawURL, rd)
	if err != nil {
		return nil, &permanentError{err}
	}
	req.Header.Set("Accept", "application/hal+json, application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	c.auth.apply(req)
	resp, err := c.hc.Do(req)
	if err != nil {
		if actx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			return nil, &timeoutError{after: c.timeout}
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // the URL is already in our message
		}
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		if actx.Err() == context.DeadlineExceeded && ctx.Err() == nil {
			return nil, &timeoutError{after: c.timeout}
		}
		return nil, fmt.Errorf("reading the answer: %w", err)
	}
	return &answer{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// timeoutError is an attempt that got no (complete) answer in time.
type timeoutError struct{ after time.Duration }

func (t *timeoutError) Error() string {
	return fmt.Sprintf("no answer within %s", t.after)
}

// Timeout lets net.Error-style checks see a timeout.
func (t *timeoutError) Timeout() bool { return true }

// do sends a request and demands a 2xx answer.
func (c *Client) do(ctx context.Context, method, rawURL string, body []byte) (*answer, error) {
	a, n, err := c.send(ctx, method, rawURL, body)
	if err != nil {
		return nil, err
	}
	if a.status < 200 || a.status > 299 {
		return nil, &Error{Method: method, URL: rawURL, StatusCode: a.status, Body: excerpt(a.body), Attempts: n}
	}
	return a, nil
}

// getJSON GETs a HAL/JSON document and checks that it is JSON.
func (c *Client) getJSON(ctx context.Context, rawURL string) (*answer, error) {
	return c.getJSONType(ctx, rawURL, true)
}

// getJSONType is getJSON, checking the content type only when checkType.
func (c *Client) getJSONType(ctx context.Context, rawURL string, checkType bool) (*answer, error) {
	a, err := c.do(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	if err := checkJSON(http.MethodGet, rawURL, a, checkType); err != nil {
		return nil, err
	}
	return a, nil
}

// sendJSON sends a JSON document and checks that the answer, if any, is JSON.
func (c *Client) sendJSON(ctx context.Context, method, rawURL string, body []byte) (*answer, error) {
	a, err := c.do(ctx, method, rawURL, body)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(a.body)) == 0 {
		return a, nil
	}
	if err := checkJSON(method, rawURL, a, true); err != nil {
		return nil, err
	}
	return a, nil
}

// isJSONType accepts application/json, application/hal+json and any other
// +json type (parameters ignored).
func isJSONType(ct string) bool {
	ct = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	return ct == "application/json" || strings.HasPrefix(ct, "application/") && strings.HasSuffix(ct, "+json")
}
