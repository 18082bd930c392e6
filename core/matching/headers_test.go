package matching

import (
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestMatchHeaders(t *testing.T) {
	regex := model.MatchingRules{}
	regex.Add(model.CategoryHeader, "X-Test", model.Rule{Kind: model.Regex, Regex: `\d{1,4}`})
	tests := []struct {
		name             string
		expected, actual model.Headers
		rules            model.MatchingRules
		want             string // substring of the one expected description; "" = match
	}{
		{"equal", model.Headers{{Name: "content-type", Values: []string{"application/json"}}}, model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}, nil, ""},
		{"charset case", model.Headers{{Name: "content-type", Values: []string{"application/json;charset=UTF-8"}}}, model.Headers{{Name: "content-type", Values: []string{"application/json;charset=utf-8"}}}, nil, ""},
		{"extra charset", model.Headers{{Name: "content-type", Values: []string{"application/json"}}}, model.Headers{{Name: "content-type", Values: []string{"application/json;charset=UTF-8"}}}, nil, ""},
		{"params in other order", model.Headers{{Name: "content-type", Values: []string{"application/x;a=1;b=2"}}}, model.Headers{{Name: "content-type", Values: []string{"application/x; b=2; a=1"}}}, nil, ""},
		{"missing charset", model.Headers{{Name: "content-type", Values: []string{"application/json;charset=UTF-8"}}}, model.Headers{{Name: "content-type", Values: []string{"application/json"}}}, nil,
			"Mismatch with header 'content-type': Expected header 'content-type' to have value 'application/json;charset=UTF-8' but was 'application/json'"},
		{"different charset", model.Headers{{Name: "content-type", Values: []string{"application/json;charset=UTF-16"}}}, model.Headers{{Name: "content-type", Values: []string{"application/json;charset=UTF-8"}}}, nil,
			"Expected header 'content-type' to have value 'application/json;charset=UTF-16' but was 'application/json;charset=UTF-8'"},
		{"accept list with q params", model.Headers{{Name: "accept", Values: []string{"text/html", "application/xhtml+xml", "application/xml", "image/webp", "*/*"}}},
			model.Headers{{Name: "accept", Values: []string{"text/html", "application/xhtml+xml", "application/xml;q=0.9", "image/webp", "*/*;q=0.8"}}}, nil, ""},
		{"accept list as one value", model.Headers{{Name: "accept", Values: []string{"text/html, application/xml"}}}, model.Headers{{Name: "accept", Values: []string{"text/html, application/xml;q=0.9"}}}, nil, ""},
		{"accept missing value", model.Headers{{Name: "accept", Values: []string{"text/html", "application/xhtml+xml", "application/xml", "image/webp", "*/*"}}},
			model.Headers{{Name: "accept", Values: []string{"text/html", "application/xml;q=0.9", "image/webp", "*/*;q=0.8"}}}, nil, "but was missing (actual has 4 value(s))"},
		{"missing header", model.Headers{{Name: "X-TEST", Values: []string{"a"}}}, model.Headers{}, nil, "Expected a header 'X-TEST' but was missing"},
		{"extra actual header", model.Headers{}, model.Headers{{Name: "X-B", Values: []string{"1"}}}, nil, ""},
		{"whitespace after comma", model.Headers{{Name: "X-A", Values: []string{"alligators,hippos"}}}, model.Headers{{Name: "x-a", Values: []string{"alligators, hippos"}}}, nil, ""},
		{"value case matters", model.Headers{{Name: "X-A", Values: []string{"alligators"}}}, model.Headers{{Name: "x-a", Values: []string{"Alligators"}}}, nil,
			"Mismatch with header 'X-A': Expected 'Alligators' to be equal to 'alligators'"},
		{"regex rule, name case ignored", model.Headers{{Name: "X-Test", Values: []string{"1"}}}, model.Headers{{Name: "x-test", Values: []string{"9999"}}}, regex, ""},
		{"regex rule whole value", model.Headers{{Name: "X-Test", Values: []string{"1"}}}, model.Headers{{Name: "x-test", Values: []string{"9999ABC"}}}, regex, `Expected '9999ABC' to match '\d{1,4}'`},
		{"regex rule repeated", model.Headers{{Name: "X-Test", Values: []string{"1"}}}, model.Headers{{Name: "x-test", Values: []string{"123", "9999ABC"}}}, regex, `Expected '9999ABC' to match '\d{1,4}'`},
		{"empty expected", model.Headers{{Name: "X-A", Values: []string{}}}, model.Headers{{Name: "X-A", Values: []string{"b"}}}, nil, "Expected an empty header 'X-A' but actual value was 'b'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := matchHeaders(tt.expected, tt.actual, newRuleSet(tt.rules, model.CategoryHeader))
			checkMismatches(t, mm, "HeaderMismatch", tt.want)
		})
	}
}

func checkMismatches(t *testing.T, mm []Mismatch, typ, want string) {
	t.Helper()
	if want == "" {
		for _, m := range mm {
			t.Errorf("unexpected mismatch %s", m)
		}
		return
	}
	for _, m := range mm {
		if m.Type == typ && strings.Contains(m.Description, want) {
			return
		}
	}
	t.Errorf("no %s containing %q in %v", typ, want, mm)
}

func TestMatchQuery(t *testing.T) {
	regex := model.MatchingRules{}
	regex.Add(model.CategoryQuery, "a", model.Rule{Kind: model.Regex, Regex: `\d{1,4}`})
	tests := []struct {
		name             string
		expected, actual string
		rules            model.MatchingRules
		want             string
	}{
		{"same", "a=1&b=2", "b=2&a=1", nil, ""},
		{"trailing ampersand", "a=1", "a=1&", nil, ""},
		{"encoded", "a=b=c", "a=b%3Dc", nil, ""},
		{"missing", "a=1&b=2", "a=1", nil, "Expected query parameter 'b' but was missing"},
		{"unexpected", "a=1", "a=1&c=3", nil, "Unexpected query parameter 'c' received"},
		{"value", "a=1", "a=2", nil, "Expected query parameter 'a' with value '1' but was '2'"},
		{"count", "a=1&a=2", "a=1", nil, "Expected query parameter 'a' with 2 value(s) but received 1 value(s)"},
		{"order of repeated values", "a=1&a=2", "a=2&a=1", nil, "Expected query parameter 'a' with value '1' but was '2'"},
		{"regex rule repeated", "a=1", "a=123&a=9999", regex, ""},
		{"regex rule whole value", "a=1", "a=123&a=9999X", regex, `Expected '9999X' to match '\d{1,4}'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mm := matchQuery(ParseQuery(tt.expected), ParseQuery(tt.actual), newRuleSet(tt.rules, model.CategoryQuery))
			checkMismatches(t, mm, "QueryMismatch", tt.want)
		})
	}
}

func TestMatchRequestParts(t *testing.T) {
	pathRule := model.MatchingRules{}
	pathRule.Add(model.CategoryPath, "", model.Rule{Kind: model.Regex, Regex: `/path/\d+`})
	tests := []struct {
		name             string
		expected, actual model.Request
		typ, want        string
	}{
		{"method case", model.Request{Method: "GET", Path: "/"}, model.Request{Method: "get", Path: "/"}, "", ""},
		{"method", model.Request{Method: "GET", Path: "/"}, model.Request{Method: "POST", Path: "/"}, "MethodMismatch", "expected GET but was POST"},
		{"path", model.Request{Method: "GET", Path: "/a/"}, model.Request{Method: "GET", Path: "/a"}, "PathMismatch", "Expected '/a' to be equal to '/a/'"},
		{"path regex +", model.Request{Method: "GET", Path: "/path/1", MatchingRules: pathRule}, model.Request{Method: "GET", Path: "/path/1234"}, "", ""},
		{"path regex -", model.Request{Method: "GET", Path: "/path/1", MatchingRules: pathRule}, model.Request{Method: "GET", Path: "/path/abc"},
			"PathMismatch", `Expected '/path/abc' to match '/path/\d+'`},
		{"raw query only", model.Request{Method: "GET", Path: "/", RawQuery: "a=1"}, model.Request{Method: "GET", Path: "/", Query: model.Query{{Name: "a", Values: []string{"2"}}}},
			"QueryMismatch", "Expected query parameter 'a' with value '1' but was '2'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMismatches(t, MatchRequest(&tt.expected, &tt.actual), tt.typ, tt.want)
		})
	}
}

func TestMatchResponseStatus(t *testing.T) {
	r := model.MatchingRules{}
	r.Add(model.CategoryStatus, "", model.Rule{Kind: model.StatusCode}.WithStatus("success"))
	tests := []struct {
		name             string
		expected, actual model.Response
		want             string
	}{
		{"equal", model.Response{Status: 200}, model.Response{Status: 200}, ""},
		{"different", model.Response{Status: 200}, model.Response{Status: 404}, "expected 200 but was 404"},
		{"rule +", model.Response{Status: 200, MatchingRules: r}, model.Response{Status: 299}, ""},
		{"rule -", model.Response{Status: 200, MatchingRules: r}, model.Response{Status: 400}, "Expected status code 400 to be a Successful response (200–299)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMismatches(t, MatchResponse(&tt.expected, &tt.actual), "StatusMismatch", tt.want)
		})
	}
}

func TestMatchMessageMetadata(t *testing.T) {
	r := model.MatchingRules{}
	r.Add(model.CategoryMetadata, "destination", model.Rule{Kind: model.Regex, Regex: `[a-z]+-\d+`})
	r.Add(model.CategoryMetadata, "kafka topic", model.Rule{Kind: model.Type})
	body := model.PresentBody([]byte(`{"a":1}`), "")
	tests := []struct {
		name             string
		expected, actual map[string]any
		rules            model.MatchingRules
		want             string
	}{
		{"equal", map[string]any{"a": "b"}, map[string]any{"a": "b", "extra": 1.0}, nil, ""},
		{"missing", map[string]any{"a": "b"}, map[string]any{}, nil, "Expected message metadata 'a' but was missing"},
		{"different", map[string]any{"a": "b"}, map[string]any{"a": "c"}, nil,
			`Expected metadata key 'a' to have value '"b"' but was '"c"' - Expected 'c' to be equal to 'b'`},
		{"content type params", map[string]any{"contentType": "application/json"}, map[string]any{"contentType": "application/json;charset=utf-8"}, nil, ""},
		{"regex +", map[string]any{"destination": "x-1"}, map[string]any{"destination": "queue-42"}, r, ""},
		{"key that is not an identifier", map[string]any{"kafka topic": "a"}, map[string]any{"kafka topic": "b"}, r, ""},
		{"regex -", map[string]any{"destination": "x-1"}, map[string]any{"destination": "Queue"}, r, `Expected 'Queue' to match '[a-z]+-\d+'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := model.MessageContents{Contents: body, Metadata: tt.expected, MatchingRules: tt.rules}
			a := model.MessageContents{Contents: body, Metadata: tt.actual}
			checkMismatches(t, MatchMessage(&e, &a), "MetadataMismatch", tt.want)
		})
	}
}
