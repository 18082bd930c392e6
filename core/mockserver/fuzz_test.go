package mockserver

import (
	"bufio"
	"bytes"
	"net/http"
	"strings"
	"testing"
)

// FuzzServeRaw feeds raw HTTP requests through the handler: whatever
// net/http accepts must be answered without an internal error.
func FuzzServeRaw(f *testing.F) {
	for _, seed := range []string{
		"GET /basic HTTP/1.1\r\nHost: x\r\n\r\n",
		"GET /with_params?a=1&b=2&a=%zz&&c HTTP/1.1\r\nHost: x\r\nAccept: a, b,,c\r\n\r\n",
		"PUT /basic HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"one\":1}",
		"PUT /xml HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\nContent-Length: 7\r\n\r\n<a><b/>",
		"PUT /form HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\n\r\na=%zz",
		"OPTIONS * HTTP/1.1\r\nHost: x\r\nOrigin: o\r\n\r\n",
		"GET http://h/abs?q HTTP/1.1\r\nHost: x\r\n\r\n",
	} {
		f.Add([]byte(seed))
	}
	s, err := New(compatPact(f), Config{CORS: true, BodyLimit: 1 << 16})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := http.ReadRequest(bufio.NewReader(bytes.NewReader(raw)))
		if err != nil {
			return
		}
		w := &recorder{header: http.Header{}}
		s.ServeHTTP(w, r)
		if w.status == http.StatusInternalServerError && strings.Contains(w.body.String(), "Internal error") {
			t.Fatalf("internal error for %q: %s", raw, w.body.String())
		}
	})
}
