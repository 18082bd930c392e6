package pactfile

import (
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestEncodeQuery: the V1/V2 query string is encoded as pact_models'
// encode_query encodes ASCII (found side by side with pact-python:
// "a%2eb%5fc%7ed%2ae%21%27%28%29"); non-ASCII characters and control
// characters, which the reference garbles or panics on, are written as their
// UTF-8 bytes; everything reads back as written.
func TestEncodeQuery(t *testing.T) {
	tests := []struct {
		q    model.Query
		want string
	}{
		{model.Query{{Name: "k_0", Values: []string{"a.b_c~d*e!'()"}}}, "k%5f0=a%2eb%5fc%7ed%2ae%21%27%28%29"},
		{model.Query{{Name: "q", Values: []string{"x y&z=1"}}, {Name: "e", Values: []string{""}}}, "e=&q=x+y%26z%3d1"},
		{model.Query{{Name: "m", Values: []string{"1", "2"}}}, "m=1&m=2"},
		{model.Query{{Name: "p", Values: []string{"x/y?z#w", "100%"}}}, "p=x%2fy%3fz%23w&p=100%25"},
		{model.Query{{Name: "u", Values: []string{"é+/"}}}, "u=%c3%a9%2b%2f"},
		{model.Query{{Name: "t", Values: []string{"tab\there", "€😀"}}}, "t=tab%09here&t=%e2%82%ac%f0%9f%98%80"},
	}
	for _, tt := range tests {
		got := encodeQuery(tt.q, nil)
		if got != tt.want {
			t.Errorf("encodeQuery(%v) = %s, want %s", tt.q, got, tt.want)
			continue
		}
		back, _ := ParseQuery(got)
		if !reflect.DeepEqual(back, tt.q.Sorted()) { // written in name order
			t.Errorf("%s reads back as %v, want %v", got, back, tt.q.Sorted())
		}
	}
}
