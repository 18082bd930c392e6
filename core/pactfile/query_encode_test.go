package pactfile

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
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

// TestParseQuery: parameters come sorted by name with their values in the
// order given, the same below and above manyParams distinct names (where
// ParseQuery switches from scanning to a map).
func TestParseQuery(t *testing.T) {
	many := func(n int) (string, model.Query) {
		var raw []string
		var want model.Query
		for k := n - 1; k >= 0; k-- {
			name := fmt.Sprintf("p%03d", k)
			raw = append(raw, name+"="+strconv.Itoa(k))
			want = append(model.Query{{Name: name, Values: []string{strconv.Itoa(k), "again"}}}, want...)
		}
		for k := 0; k < n; k++ {
			raw = append(raw, fmt.Sprintf("p%03d=again", k))
		}
		return strings.Join(raw, "&"), want
	}
	type tc struct {
		name    string
		raw     string
		want    model.Query
		noValue map[string]bool
	}
	tests := []tc{
		{"empty", "", nil, nil},
		{"only a question mark", "?", nil, nil},
		{"repeated and valueless", "?c&b=x%3Dy&a=1&&a=2", model.Query{{Name: "a", Values: []string{"1", "2"}},
			{Name: "b", Values: []string{"x=y"}}, {Name: "c", Values: []string{""}}}, map[string]bool{"c": true}},
		{"names exact", "A=1&a=2", model.Query{{Name: "A", Values: []string{"1"}}, {Name: "a", Values: []string{"2"}}}, nil},
		// as the reference's decode_query: text that decodes to bytes that are not UTF-8 is kept undecoded, a
		// "%" without two hex digits is kept with the characters after it
		{"not UTF-8", "%80=a%ff%fe&b=%e2%82%ac", model.Query{{Name: "%80", Values: []string{"a%ff%fe"}},
			{Name: "b", Values: []string{"€"}}}, nil},
		{"bad escapes", "a=x%20%zz+&b=%4&c=%&d=%z%41&e=1+2%2B3", model.Query{{Name: "a", Values: []string{"x %zz "}},
			{Name: "b", Values: []string{"%4"}}, {Name: "c", Values: []string{"%"}}, {Name: "d", Values: []string{"%z%41"}},
			{Name: "e", Values: []string{"1 2+3"}}}, nil},
	}
	for _, n := range []int{manyParams - 1, manyParams, manyParams + 1, 3 * manyParams} {
		raw, want := many(n)
		tests = append(tests, tc{fmt.Sprintf("%d names", n), raw, want, nil})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, noValue := ParseQuery(tt.raw)
			if !reflect.DeepEqual(q, tt.want) || !reflect.DeepEqual(noValue, tt.noValue) {
				t.Errorf("ParseQuery(%q) = %v %v, want %v %v", tt.raw, q, noValue, tt.want, tt.noValue)
			}
		})
	}
}
