package verifier

import (
	"reflect"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestDisplayDiff checks the diff printed after a body mismatch against what
// pact_verifier 0.5.8 printed for the same bodies (pact-js side by side,
// conformance/clients/pactjs, test verifier-diffs).
func TestDisplayDiff(t *testing.T) {
	tests := []struct {
		name, expected, actual, path, want string
	}{
		{"whole body, a key missing",
			`{"a": 1, "b": {"c": 2, "d": [1, 2.5, "x"]}, "e": "café"}`, `{"a":1,"e":"café"}`, "$",
			"    {\n  \"a\": 1,\n\x1b[31m    -  \"b\": {\n    \"c\": 2,\n    \"d\": [\n      1,\n      2.5,\n      \"x\"\n    ]\n  },\n\x1b[0m      \"e\": \"café\"\n}\n"},
		{"two fields: the second field from the top, as Debug",
			`{"b": {"c": 2}, "c": {"x": [1, 2], "y": "two\nlines"}}`, `{"b":{"c":3},"c":{"x":[1,2],"y":"two\nlines"}}`, "$.b.c",
			"    Ok(\"{\\n  \\\"x\\\": [\\n    1,\\n    2\\n  ],\\n  \\\"y\\\": \\\"two\\\\nlines\\\"\\n}\")\n"},
		{"one field: nothing", `{"tags":["a"]}`, `{"tags":[]}`, "$.tags", ""},
		{"an index path: nothing", `[{"id": 1}, {"id": 2}]`, `[{"id":1},{"id":3}]`, "$[1].id", ""},
		{"a changed value in the whole body", `{"a":1,"b":2}`, `{"a":1,"b":3}`, "$",
			"    {\n  \"a\": 1,\n\x1b[31m    -  \"b\": 2\n\x1b[0m\x1b[32m    +  \"b\": 3\n\x1b[0m    }\n"},
		{"numbers as serde_json prints them", `{"n": 1.50, "m": 1e21}`, `{}`, "$",
			"\x1b[31m    -{\n  \"m\": 1e21,\n  \"n\": 1.5\n}\n\x1b[0m\x1b[32m    +{}\n\x1b[0m"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := displayDiff(tt.expected, tt.actual, tt.path, "    "); got != tt.want {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// TestLineDiff checks the line diff (the difference crate's Changeset::new
// with "\n": a common subsequence that is one empty line joins to "", which
// then counts as no common lines).
func TestLineDiff(t *testing.T) {
	tests := []struct {
		orig, edit string
		want       []difference
	}{
		{"a\nb", "a\n\nb", []difference{{'=', "a"}, {'+', ""}, {'=', "b"}}},
		{"a\n", "c\n", []difference{{'-', "a\n"}, {'+', "c\n"}}},
		{"", "", nil},
		{"", "a", []difference{{'+', "a"}}},
		{"x\ny", "x\ny", []difference{{'=', "x\ny"}}},
	}
	for _, tt := range tests {
		if got := lineDiff(tt.orig, tt.edit); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("lineDiff(%q, %q) = %v, want %v", tt.orig, tt.edit, got, tt.want)
		}
	}
}

func TestNewBodyDiff(t *testing.T) {
	js := model.PresentBody([]byte(`{"a":1}`), "")
	tests := []struct {
		name    string
		ver     model.SpecVersion
		message bool
		stated  string
		want    bool
	}{
		{"V4 HTTP JSON", model.V4, false, "application/json", true},
		{"V4 HTTP sniffed", model.V4, false, "", true},
		{"V4 HTTP text", model.V4, false, "text/plain", false},
		{"V3 HTTP: no content type kept", model.V3, false, "application/json", false},
		{"V3 message with a JSON type in the metadata", model.V3, true, "application/json", true},
		{"V3 message without one", model.V3, true, "", false},
	}
	for _, tt := range tests {
		if got := newBodyDiff(tt.ver, tt.message, js, js, tt.stated, "") != nil; got != tt.want {
			t.Errorf("%s: diff = %v, want %v", tt.name, got, tt.want)
		}
	}
}
