package mockserver

import (
	"strings"

	"github.com/libpact/libpact/core/model"
)

// receivedHeaderNames returns r with its header names in lower case, as the
// reference's mock server (hyper) holds a received request, so a
// "request-not-found" result lists "content-type" where net/http gives
// "Content-Type" (pact-js prints those names when a test makes an unexpected
// request). r is not changed.
//
//	receivedHeaderNames(&model.Request{Headers: model.Headers{{Name: "X-Id", Values: []string{"1"}}}}).Headers // [{x-id [1]}]
func receivedHeaderNames(r *model.Request) *model.Request {
	if r == nil || len(r.Headers) == 0 {
		return r
	}
	out := *r
	out.Headers = make(model.Headers, 0, len(r.Headers))
	for _, f := range r.Headers {
		lk := strings.ToLower(f.Name)
		v, _ := out.Headers.Exact(lk)
		out.Headers.Put(lk, append(v, f.Values...))
	}
	return &out
}
