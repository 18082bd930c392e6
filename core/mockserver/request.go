package mockserver

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// multiValueHeaders are the headers whose values are lists: a received value
// is split on "," and trimmed only for these (spec-checklist §5.2). Every
// other header keeps its value whole, so a date or a custom header with a
// comma stays one value. It is the list pactfile.SplitHeaderValue uses for
// pact files, kept here in a form that looks names up without allocating.
// Keys are lower case; listHeader looks names up.
var multiValueHeaders = map[string]bool{
	"accept":                         true,
	"accept-encoding":                true,
	"accept-language":                true,
	"access-control-allow-headers":   true,
	"access-control-allow-methods":   true,
	"access-control-expose-headers":  true,
	"access-control-request-headers": true,
	"allow":                          true,
	"cache-control":                  true,
	"if-match":                       true,
	"if-none-match":                  true,
	"vary":                           true,
}

// canonicalListHeaders holds multiValueHeaders in Go's canonical form
// ("Accept-Encoding"), the form net/http gives received header names, so the
// lookup usually needs no allocation.
var canonicalListHeaders = func() map[string]bool {
	m := make(map[string]bool, len(multiValueHeaders))
	for k := range multiValueHeaders {
		m[http.CanonicalHeaderKey(k)] = true
	}
	return m
}()

// listHeader reports whether name is one of multiValueHeaders, ignoring case.
func listHeader(name string) bool {
	return canonicalListHeaders[http.CanonicalHeaderKey(name)]
}

// errBodyTooLarge is returned by toRequest when the body exceeds the limit.
var errBodyTooLarge = errors.New("request body too large")

// errHeaderEncoding is returned by toRequest when a header value holds a byte
// that is not visible ASCII (net/http has already refused control
// characters, so this means bytes 0x80 and above), which the reference's
// mock server cannot read as a string either.
var errHeaderEncoding = errors.New("invalid header encoding")

// checkHeaderEncoding returns an error naming the first header whose value is
// not visible ASCII (or tab).
func checkHeaderEncoding(h map[string][]string) error {
	for name, values := range h {
		for _, v := range values {
			for i := 0; i < len(v); i++ {
				if c := v[i]; c >= 0x7f || (c < 0x20 && c != '\t') {
					return fmt.Errorf("header %s: byte 0x%02x at offset %d: %w", name, c, i, errHeaderEncoding)
				}
			}
		}
	}
	return nil
}

// toRequest converts a received request to the model (spec-checklist §7 M2):
// the method; the path as sent, without decoding; the query parsed from the
// raw request URI (pactfile.ParseQuery, as for pact files); the headers, with a line sent several times kept as
// several values and list headers split; and the body bytes, with zero bytes
// giving an empty body. limit bounds the body; a larger body gives
// errBodyTooLarge. A header value that is not visible ASCII gives
// errHeaderEncoding.
func toRequest(r *http.Request, limit int64) (*model.Request, error) {
	req := &model.Request{Method: r.Method}
	path, rawQuery := splitURI(r)
	req.Path = path
	if rawQuery != "" {
		req.RawQuery = rawQuery
		req.Query, req.QueryNoValue = pactfile.ParseQuery(rawQuery)
	}
	if err := checkHeaderEncoding(r.Header); err != nil {
		req.Headers = headersOf(r.Header)
		return req, err
	}
	req.Headers = toHeaders(r)

	if r.ContentLength > limit {
		return req, errBodyTooLarge
	}
	if r.Body != nil && r.Body != http.NoBody {
		body, err := readBody(r, limit)
		if err != nil {
			var tooLarge *http.MaxBytesError
			if errors.As(err, &tooLarge) {
				return req, errBodyTooLarge
			}
			return req, fmt.Errorf("reading request body: %w", err)
		}
		if len(body) > 0 {
			req.Body = model.PresentBody(body, r.Header.Get("Content-Type"))
			return req, nil
		}
	}
	req.Body = model.Body{State: model.BodyEmpty}
	return req, nil
}

// readBody reads the whole body, at most limit bytes. When the request states
// its length, the buffer is allocated once at that size (io.ReadAll would grow
// it by doubling: a 2.5 MB body cost 5-6 MB of copies and garbage).
func readBody(r *http.Request, limit int64) ([]byte, error) {
	rd := http.MaxBytesReader(nil, r.Body, limit)
	n := r.ContentLength
	if n <= 0 || n > limit {
		return io.ReadAll(rd)
	}
	// one byte more than announced, so that a body longer than its
	// Content-Length (which net/http does not allow anyway) is still read whole
	buf := make([]byte, 0, n+1)
	for {
		m, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			rest, err := io.ReadAll(rd)
			return append(buf, rest...), err
		}
	}
}

// splitURI returns the path and the query of the request exactly as the
// request line gave them. An absolute-form target ("http://host/p?q") gives
// its path; "*" (OPTIONS *) is kept as it is.
func splitURI(r *http.Request) (path, rawQuery string) {
	uri := r.RequestURI
	if uri == "" || (uri[0] != '/' && uri != "*") {
		if r.URL == nil {
			return "/", ""
		}
		return r.URL.EscapedPath(), r.URL.RawQuery
	}
	if i := strings.IndexByte(uri, '?'); i >= 0 {
		return uri[:i], uri[i+1:]
	}
	return uri, ""
}

// toHeaders returns the request headers as the model's, sorted by name,
// splitting the values of list headers (multiValueHeaders) on commas. The
// values share r.Header's slices where they are not split. Go moves the Host
// header out of the map; it is put back so that a pact can expect it.
func toHeaders(r *http.Request) model.Headers {
	extra := 0
	if r.Host != "" {
		extra = 1
	}
	h := make(model.Headers, 0, len(r.Header)+extra)
	for name, values := range r.Header {
		if extra == 1 && name == "Host" {
			continue // replaced by r.Host below
		}
		if listHeader(name) && hasComma(values) {
			split := make([]string, 0, len(values)+2)
			for _, v := range values {
				for part := range strings.SplitSeq(v, ",") {
					split = append(split, strings.TrimSpace(part))
				}
			}
			values = split
		}
		h = append(h, model.Field{Name: name, Values: values})
	}
	if extra == 1 {
		h = append(h, model.Field{Name: "Host", Values: []string{r.Host}})
	}
	h.Sort()
	return h
}

// headersOf returns h as the model's headers, sorted by name, sharing its
// value slices.
func headersOf(h http.Header) model.Headers {
	out := make(model.Headers, 0, len(h))
	for name, values := range h {
		out = append(out, model.Field{Name: name, Values: values})
	}
	out.Sort()
	return out
}

func hasComma(values []string) bool {
	for _, v := range values {
		if strings.IndexByte(v, ',') >= 0 {
			return true
		}
	}
	return false
}
