package mockserver

import (
	"bufio"
	"reflect"
	"strings"
	"testing"

	"net/http"

	"github.com/libpact/libpact/core/model"
)

// readRequest parses a raw HTTP/1.1 request the way the server receives it.
func readRequest(t *testing.T, raw string) *http.Request {
	t.Helper()
	r, err := http.ReadRequest(bufio.NewReader(strings.NewReader(raw)))
	if err != nil {
		t.Fatalf("parsing %q: %v", raw, err)
	}
	return r
}

func TestToRequest(t *testing.T) {
	tests := []struct {
		name string
		raw  string
		want model.Request
	}{
		{
			name: "path is kept encoded, query decoded",
			raw:  "GET /a%20b/c?x=1%202&y=a+b&x=3&flag HTTP/1.1\r\nHost: h\r\n\r\n",
			want: model.Request{Method: "GET", Path: "/a%20b/c", RawQuery: "x=1%202&y=a+b&x=3&flag",
				Query:        model.Query{{Name: "flag", Values: []string{""}}, {Name: "x", Values: []string{"1 2", "3"}}, {Name: "y", Values: []string{"a b"}}},
				QueryNoValue: map[string]bool{"flag": true},
				Headers:      model.Headers{{Name: "Host", Values: []string{"h"}}},
				Body:         model.Body{State: model.BodyEmpty}},
		},
		{
			name: "list headers split, others whole, repeated lines kept",
			raw: "GET / HTTP/1.1\r\nHost: h\r\nAccept: text/html, application/json;q=0.9\r\n" +
				"Date: Mon, 01 Jan 2024 00:00:00 GMT\r\nX-Custom: a, b\r\nX-Rep: 1\r\nX-Rep: 2\r\n\r\n",
			want: model.Request{Method: "GET", Path: "/", Headers: model.Headers{
				{Name: "Accept", Values: []string{"text/html", "application/json;q=0.9"}}, {Name: "Date", Values: []string{"Mon, 01 Jan 2024 00:00:00 GMT"}},
				{Name: "Host", Values: []string{"h"}}, {Name: "X-Custom", Values: []string{"a, b"}}, {Name: "X-Rep", Values: []string{"1", "2"}}},
				Body: model.Body{State: model.BodyEmpty}},
		},
		{
			name: "body with content type",
			raw:  "POST /p HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
			want: model.Request{Method: "POST", Path: "/p", Headers: model.Headers{{Name: "Content-Length", Values: []string{"7"}},
				{Name: "Content-Type", Values: []string{"application/json"}}, {Name: "Host", Values: []string{"h"}}},
				Body: model.Body{State: model.BodyPresent, Content: []byte(`{"a":1}`), ContentType: "application/json"}},
		},
		{
			name: "empty query string",
			raw:  "GET /p? HTTP/1.1\r\nHost: h\r\n\r\n",
			want: model.Request{Method: "GET", Path: "/p", Headers: model.Headers{{Name: "Host", Values: []string{"h"}}},
				Body: model.Body{State: model.BodyEmpty}},
		},
	}
	for _, tt := range tests { // headers and query parameters come sorted by name
		t.Run(tt.name, func(t *testing.T) {
			got, err := toRequest(readRequest(t, tt.raw), 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", *got, tt.want)
			}
		})
	}
}

func TestToRequestBodyLimit(t *testing.T) {
	raw := "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world"
	if _, err := toRequest(readRequest(t, raw), 10); err != errBodyTooLarge {
		t.Errorf("declared length over limit: got %v", err)
	}
	chunked := "POST /p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nb\r\nhello world\r\n0\r\n\r\n"
	if _, err := toRequest(readRequest(t, chunked), 10); err != errBodyTooLarge {
		t.Errorf("chunked body over limit: got %v", err)
	}
	if r, err := toRequest(readRequest(t, chunked), 11); err != nil || string(r.Body.Content) != "hello world" {
		t.Errorf("chunked body at limit: got %v, %v", r, err)
	}
}

// TestReadBody reads bodies with and without a Content-Length, and over the
// limit, through readBody's pre-sized and growing paths.
func TestReadBody(t *testing.T) {
	big := strings.Repeat("0123456789", 5000)
	tests := []struct {
		name    string
		raw     string
		limit   int64
		want    string
		tooMany bool
	}{
		{"sized", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 50000\r\n\r\n" + big, 1 << 20, big, false},
		{"chunked", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nc350\r\n" + big + "\r\n0\r\n\r\n", 1 << 20, big, false},
		{"sized, at the limit", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nabcde", 5, "abcde", false},
		{"chunked, over the limit", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n0\r\n\r\n", 5, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := toRequest(readRequest(t, tt.raw), tt.limit)
			if tt.tooMany {
				if err != errBodyTooLarge {
					t.Fatalf("err = %v, want errBodyTooLarge", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := string(req.Body.Content); got != tt.want {
				t.Errorf("body: %d bytes, want %d", len(got), len(tt.want))
			}
		})
	}
}
