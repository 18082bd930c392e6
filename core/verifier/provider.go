package verifier

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/libpact/libpact/core/broker"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// DefaultRequestTimeout bounds each request to the provider when
// Config.RequestTimeout is 0 (the reference's default of 5000 ms).
const DefaultRequestTimeout = 5 * time.Second

// maxResponseBody bounds how much of a provider's answer is read.
const maxResponseBody = 64 << 20

// httpClients builds the client for the provider and state changes, and the
// one for pact URLs and the broker.
func httpClients(cfg *Config) (provider, brokerHTTP *http.Client) {
	tlsCfg := &tls.Config{InsecureSkipVerify: cfg.DisableTLSVerification, RootCAs: cfg.RootCAs} // #nosec G402 -- asked for
	tr := &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSClientConfig:       tlsCfg,
		DisableCompression:    true, // send exactly the pact's headers
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	timeout := cfg.RequestTimeout
	if timeout <= 0 {
		timeout = DefaultRequestTimeout
	}
	provider = &http.Client{Transport: tr, Timeout: timeout}
	if !cfg.FollowRedirects {
		provider.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	} else {
		provider.CheckRedirect = limitRedirects
	}
	brokerHTTP = cfg.BrokerHTTPClient
	if brokerHTTP == nil {
		btr := tr.Clone()
		btr.DisableCompression = false
		brokerHTTP = &http.Client{Transport: btr}
	}
	return provider, brokerHTTP
}

// baseURL is the URL requests of an interaction with the given transport go
// to. kind is "http" or "message".
func (p *Provider) baseURL(transport, kind string) string {
	host := p.Host
	if host == "" {
		host = "localhost"
	}
	if strings.Contains(host, ":") && !strings.HasPrefix(host, "[") {
		host = "[" + host + "]"
	}
	var t *Transport
	find := func(names ...string) *Transport {
		for _, n := range names {
			for i := range p.Transports {
				if strings.EqualFold(p.Transports[i].Protocol, n) {
					return &p.Transports[i]
				}
			}
		}
		return nil
	}
	switch {
	case transport != "":
		t = find(transport)
		if t == nil && kind == "http" && (transport == "http" || transport == "https") {
			t = find("http", "https")
		}
		if t == nil && kind != "http" {
			t = find("message", kind)
		}
	case kind == "http":
		t = find("http", "https")
	default:
		t = find("message", kind)
	}
	if t != nil {
		scheme := t.Scheme
		if scheme == "" {
			scheme = "http"
			if strings.EqualFold(t.Protocol, "https") {
				scheme = "https"
			}
		}
		if t.Port > 0 {
			return fmt.Sprintf("%s://%s:%d%s", scheme, host, t.Port, t.Path)
		}
		return fmt.Sprintf("%s://%s%s", scheme, host, t.Path)
	}
	scheme := p.Scheme
	if scheme == "" {
		scheme = "http"
	}
	if p.Port > 0 {
		return fmt.Sprintf("%s://%s:%d%s", scheme, host, p.Port, p.Path)
	}
	return fmt.Sprintf("%s://%s%s", scheme, host, p.Path)
}

// joinPaths joins a base URL (or path) and a request path as the reference
// does: one slash between them, and "/" for two empty ones.
func joinPaths(base, path string) string {
	if path != "" && path != "/" {
		return strings.TrimRight(base, "/") + "/" + strings.TrimLeft(path, "/")
	}
	if base != "" && base != "/" {
		if u, err := url.Parse(base); err == nil && u.Path == "" {
			return base + "/"
		}
		return strings.TrimRight(base, "/")
	}
	return "/"
}

// encodeQuery renders a query: RawQuery as given, else the parameters in
// name order (the reference sorts them), values in order.
func encodeQuery(r *model.Request) string {
	if r.RawQuery != "" {
		return escapeRawQuery(r.RawQuery)
	}
	if len(r.Query) == 0 {
		return ""
	}
	var b strings.Builder
	for _, f := range r.Query.Sorted() {
		k := f.Name
		for _, v := range f.Values {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			if v == "" && r.QueryNoValue[k] {
				continue
			}
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}

// escapeRawQuery percent-encodes the bytes of a query string as given in a
// pact that cannot appear in a request line (spaces, non-ASCII, controls),
// keeping everything else, including existing %XX escapes, as written.
func escapeRawQuery(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		c := q[i]
		if c > ' ' && c < 0x7f && c != '#' && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' && c != '{' && c != '|' && c != '}' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// newRequest builds the HTTP request for r against base, with the custom
// headers replacing the pact's headers of the same name.
func (v *run) newRequest(ctx context.Context, base string, r *model.Request) (*http.Request, error) {
	target := joinPaths(base, r.Path)
	if q := encodeQuery(r); q != "" {
		target += "?" + q
	}
	var body io.Reader
	switch r.Body.State {
	case model.BodyPresent:
		body = bytes.NewReader(r.Body.Content)
	case model.BodyNull:
		ct := r.Headers.First("Content-Type")
		if ct == "" {
			ct = r.Body.ContentType
		}
		if strings.Contains(strings.ToLower(ct), "json") {
			body = strings.NewReader("null")
		}
	}
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	req, err := http.NewRequestWithContext(ctx, strings.ToUpper(method), target, body)
	if err != nil {
		return nil, fmt.Errorf("Invalid request: %w", err)
	}
	for _, f := range r.Headers {
		name, values := f.Name, f.Values
		if v.customHeader(name) {
			continue
		}
		for _, val := range values {
			if !validHeader(name, val) {
				return nil, fmt.Errorf("Invalid header value: 'Failed to parse header value: %s'", val)
			}
			req.Header.Add(name, val)
		}
	}
	if r.Body.State == model.BodyPresent && req.Header.Get("Content-Type") == "" && r.Body.ContentType != "" {
		req.Header.Set("Content-Type", r.Body.ContentType)
	}
	for name, val := range v.cfg.CustomHeaders {
		req.Header.Set(name, val)
	}
	if h := req.Header.Get("Host"); h != "" {
		req.Host = h
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "libpact/"+broker.Version)
	}
	return req, nil
}

func (v *run) customHeader(name string) bool {
	for k := range v.cfg.CustomHeaders {
		if strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}

// validHeader reports whether a header line can be sent.
func validHeader(name, value string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c <= ' ' || c >= 0x7f || c == ':' {
			return false
		}
	}
	return !strings.ContainsAny(value, "\r\n\x00")
}

// send sends req and converts the answer. Errors name the URL and the cause
// (connection refused, timeout after N ms, ...).
func (v *run) send(req *http.Request) (*model.Response, error) {
	resp, err := v.http.Do(req)
	if err != nil {
		return nil, v.describeError(req, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBody))
	if err != nil {
		return nil, v.describeError(req, err)
	}
	out := &model.Response{Status: resp.StatusCode, Headers: make(model.Headers, 0, len(resp.Header))}
	for name, values := range resp.Header {
		if len(values) == 0 {
			continue
		}
		var vals []string
		for _, val := range values {
			vals = append(vals, pactfile.SplitHeaderValue(name, val)...)
		}
		out.Headers = append(out.Headers, model.Field{Name: name, Values: vals})
	}
	out.Headers = out.Headers.Sorted() // a map's order is no order
	if len(data) > 0 {
		out.Body = model.Body{State: model.BodyPresent, Content: data}
	} else {
		out.Body = model.Body{State: model.BodyEmpty}
	}
	return out, nil
}

// describeError words a failed request: "error sending request for url
// (http://...): <cause>", as reqwest does, with a timeout spelled out.
func (v *run) describeError(req *http.Request, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		var tooMany *tooManyRedirects
		if errors.As(ue.Err, &tooMany) {
			// reqwest's words, naming the redirect it would not follow
			return fmt.Errorf("error following redirect for url (%s)", tooMany.url)
		}
		err = ue.Err
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("error sending request for url (%s): operation timed out (no answer within %s)",
			req.URL.Redacted(), formatMillis(v.http.Timeout))
	}
	return fmt.Errorf("error sending request for url (%s): %v", req.URL.Redacted(), err)
}

func formatMillis(d time.Duration) string {
	return strconv.FormatInt(d.Milliseconds(), 10) + " ms"
}

// tooManyRedirects stops a provider request after 10 redirects, as
// reqwest's default policy does; url is the redirect not followed.
type tooManyRedirects struct{ url string }

func (e *tooManyRedirects) Error() string { return "too many redirects (next: " + e.url + ")" }

func limitRedirects(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return &tooManyRedirects{url: req.URL.Redacted()}
	}
	return nil
}
