package pactfile

import (
	"encoding/json"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestIsV4BinaryType(t *testing.T) {
	tests := []struct {
		ct   string
		want bool
	}{
		{"multipart/form-data; boundary=XB", true},
		{"multipart/mixed", true},
		{"application/octet-stream", true},
		{"application/javascript", true},
		{"*/*", true},
		{"image/png", true},
		{"text/plain", false},
		{"text/csv", false},
		{"application/json; charset=utf-8", false},
		{"application/vnd.api+json", false},
		{"application/xml", false},
		{"application/atom+xml", false},
		{"application/x-www-form-urlencoded", false},
	}
	for _, tt := range tests {
		if got := isV4BinaryType(tt.ct); got != tt.want {
			t.Errorf("isV4BinaryType(%q) = %v, want %v", tt.ct, got, tt.want)
		}
	}
}

// TestV4MultipartBodyBase64 checks that a multipart body is written
// Base64-encoded in a V4 pact (as pact_models' to_v4_json does, found side by
// side with pact-js) by both writers, and as text in a V3 pact.
func TestV4MultipartBodyBase64(t *testing.T) {
	const part = "--XB\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhi\r\n--XB--\r\n"
	const b64 = "LS1YQg0KQ29udGVudC1EaXNwb3NpdGlvbjogZm9ybS1kYXRhOyBuYW1lPSJmaWxlIjsgZmlsZW5hbWU9ImEudHh0Ig0KDQpoaQ0KLS1YQi0tDQo="
	build := func(ver model.SpecVersion) *model.Pact {
		p := model.NewPact("web", "api", ver)
		i := p.AddInteraction(model.HTTP, "an upload")
		i.Request.Method, i.Request.Path = "POST", "/up"
		i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"multipart/form-data; boundary=XB"}}}
		i.Request.Body = model.PresentBody([]byte(part), "multipart/form-data")
		return p
	}
	for _, ver := range []model.SpecVersion{model.V3, model.V4} {
		data, _, err := Marshal(build(ver), ver)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Interactions []struct {
				Request struct {
					Body any `json:"body"`
				} `json:"request"`
			} `json:"interactions"`
		}
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		got := doc.Interactions[0].Request.Body
		if ver == model.V3 {
			if got != part {
				t.Errorf("V3 body = %#v, want the text", got)
			}
			continue
		}
		m, _ := got.(map[string]any)
		if m["content"] != b64 || m["encoded"] != "base64" || m["contentType"] != "multipart/form-data" {
			t.Errorf("V4 body = %#v", got)
		}
	}
	// the tree writer (the fallback of the fast one) decides the same way
	w := &writer{ver: model.V4}
	o, ok := w.v4Body(model.PresentBody([]byte(part), "multipart/form-data"), "")
	if !ok {
		t.Fatal("no body")
	}
	out := encoder{buf: nil}
	out.value(o, 0)
	var m map[string]any
	if err := json.Unmarshal(out.buf, &m); err != nil {
		t.Fatalf("%v: %s", err, out.buf)
	}
	if m["content"] != b64 || m["encoded"] != "base64" {
		t.Errorf("tree writer body = %#v", m)
	}
}
