package mockserver

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// largeCatalogue is the body of scenario d of conformance/bench: 20,000
// objects (2.5 MB) in "items".
func largeCatalogue(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"items": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		avail := "true"
		if i%3 == 0 {
			avail = "false"
		}
		fmt.Fprintf(&b, `{"id": %d, "name": "product number %06d", "sku": "SKU-%06d-%c%c", "price": %d.%02d, "available": %s, "colour": "blue"}`,
			i, i, i, 'A'+i%26, 'A'+(i/26)%26, 1+i%500, i%100, avail)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// BenchmarkLargeBody is scenario d without the network: a POST of a 2.5 MB
// JSON body against an interaction whose body is an eachLike (type, min 1)
// of one item with a regex on "sku", through ServeHTTP.
func BenchmarkLargeBody(b *testing.B) {
	p := model.NewPact("c", "p", model.V4)
	i := p.AddInteraction(model.HTTP, "an upload of the catalogue")
	i.Request.Method, i.Request.Path = "POST", "/catalogue"
	i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	i.Request.Body = model.PresentBody([]byte(`{"items": [{"id": 1, "name": "product number 000001", "sku": "SKU-000001-AA", "price": 9.99, "available": true, "colour": "blue"}]}`), "application/json")
	i.Request.MatchingRules = model.MatchingRules{}
	i.Request.MatchingRules.Add(model.CategoryBody, "$.items", model.Rule{Kind: model.MinType, Min: 1})
	i.Request.MatchingRules.Add(model.CategoryBody, "$.items[*].sku", model.Rule{Kind: model.Regex, Regex: `^SKU-[0-9]{6}-[A-Z]{2}$`})
	i.Response.Status = 201
	s, err := New(p, Config{})
	if err != nil {
		b.Fatal(err)
	}
	body := largeCatalogue(20000)
	w := &recorder{header: http.Header{}}
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		req, _ := http.NewRequest("POST", "http://127.0.0.1/catalogue", io.NopCloser(bytes.NewReader(body)))
		req.RequestURI = "/catalogue"
		req.ContentLength = int64(len(body))
		req.Header.Set("Content-Type", "application/json")
		clear(w.header)
		w.status = 0
		s.ServeHTTP(w, req)
		if w.status != 201 {
			b.Fatalf("status %d: %s", w.status, w.body.String())
		}
	}
}
