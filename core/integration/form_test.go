package integration

import (
	"strings"
	"testing"
)

func TestProcessFormGolden(t *testing.T) {
	runGolden(t, "form", ".json", ProcessForm)
}

func TestProcessForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{ "": "empty key" }`, "=empty+key"},
		{`{ "": ["first", "second", "third"] }`, "=first&=second&=third"},
		{`{ "number_value": -123.45 }`, "number_value=-123.45"},
		{`{ "string_value": "hello world" }`, "string_value=hello+world"},
		{`{ "null_value": null }`, ""},
		{`{}`, ""},
		{`{"b":1,"a":2}`, "b=1&a=2"},
	}
	for _, tt := range tests {
		got, _, _, err := ProcessForm([]byte(tt.in))
		if err != nil || string(got) != tt.want {
			t.Errorf("ProcessForm(%s) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestProcessFormErrors(t *testing.T) {
	for in, want := range map[string]string{
		`[1]`:               "must be a JSON object",
		`"a=b"`:             "must be a JSON object",
		`{"a":{"b":1}}`:     "the value of 'a' is an object",
		`{"a":[1,{"b":1}]}`: "item 1 of 'a' is an object",
		`{"a":[["x"]]}`:     "item 0 of 'a' is an array",
		`{"a":{"pact:matcher:type":"type","value":{"b":1}}}`: "the value of 'a' is an object",
		`{"pact:matcher:type":"type","value":[1]}`:           "must be a JSON object, got an array",
		`{"a":`: "invalid JSON",
	} {
		_, _, _, err := ProcessForm([]byte(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ProcessForm(%s) error = %v, want %q", in, err, want)
		}
	}
}
