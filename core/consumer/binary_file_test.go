package consumer

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// TestBinaryFileResponseContentType checks what a V4 pact file says of bodies
// set by the binary-file call: the request body takes its type, the response
// body says "*/*", as pact_ffi 0.5.8 writes them (found side by side with
// pact-js's body() on a response).
func TestBinaryFileResponseContentType(t *testing.T) {
	b, i := newHTTP(t)
	b.Pact.SpecVersion = model.V4
	must(t, i.WithBinaryFile(Request, "application/octet-stream", []byte{0, 1, 0xfe}))
	must(t, i.WithBinaryFile(Response, "application/octet-stream", []byte{0, 1, 0xfe}))
	if got := i.I.Response.Headers.First("Content-Type"); got != "application/octet-stream" {
		t.Errorf("response Content-Type header = %q", got)
	}
	data, _, err := pactfile.Marshal(b.Pact, model.V4)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Interactions []struct {
			Request, Response struct {
				Body map[string]any `json:"body"`
			}
		} `json:"interactions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	req, resp := doc.Interactions[0].Request.Body, doc.Interactions[0].Response.Body
	if req["contentType"] != "application/octet-stream" || req["encoded"] != "base64" {
		t.Errorf("request body = %v", req)
	}
	if resp["contentType"] != "*/*" || resp["encoded"] != "base64" || resp["content"] != "AAH+" {
		t.Errorf("response body = %v", resp)
	}
}
