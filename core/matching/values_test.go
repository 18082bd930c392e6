package matching

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// jv decodes a JSON literal for the tests, keeping number text.
func jv(t *testing.T, s string) any {
	t.Helper()
	v, err := parseJSON([]byte(s))
	if err != nil {
		t.Fatalf("bad test JSON %s: %v", s, err)
	}
	return v
}

func TestMatchJSONValues(t *testing.T) {
	re := func(p string) model.Rule { return model.Rule{Kind: model.Regex, Regex: p} }
	k := func(kind model.RuleKind) model.Rule { return model.Rule{Kind: kind} }
	tests := []struct {
		name             string
		rule             model.Rule
		expected, actual string
		want             string // "" = match
	}{
		{"equality ok", k(model.Equality), `"b"`, `"b"`, ""},
		{"equality string", k(model.Equality), `"b"`, `"c"`, "Expected 'c' (String) to be equal to 'b' (String)"},
		{"equality int vs float", k(model.Equality), `1`, `1.0`, "Expected 1.0 (Decimal) to be equal to 1 (Integer)"},
		{"equality floats", k(model.Equality), `1.50`, `1.5`, ""},
		{"regex whole string", re(`\d{1,4}`), `"1"`, `"9999X"`, `Expected '9999X' to match '\d{1,4}'`},
		{"regex ok", re(`\w{3}\d{3}`), `"abc123"`, `"xyz987"`, ""},
		{"regex fail", re(`\w{3}\d{3}`), `"abc123"`, `"a"`, `Expected 'a' to match '\w{3}\d{3}'`},
		{"regex on number", re(`\d+`), `1`, `1234`, ""},
		{"regex lookahead falls back", re(`(?=.*\d)[a-z0-9]+`), `"a1"`, `"abc1"`, ""},
		{"regex lookahead fails", re(`(?=.*\d)[a-z0-9]+`), `"a1"`, `"abc"`, `Expected 'abc' to match '(?=.*\d)[a-z0-9]+'`},
		{"type string vs int", k(model.Type), `"a"`, `100`, "Expected 100 (Integer) to be the same type as 'a' (String)"},
		{"type int vs string", k(model.Type), `1`, `"100"`, "Expected '100' (String) to be the same type as 1 (Integer)"},
		{"type numbers", k(model.Type), `1`, `2.5`, ""},
		{"include", model.Rule{Kind: model.Include}.WithValue("a"), `"cat"`, `"dog"`, "Expected 'dog' to include 'a'"},
		{"integer ok", k(model.Integer), `1`, `-42`, ""},
		{"integer decimal", k(model.Integer), `1`, `100.1`, "Expected 100.1 (Decimal) to be an integer"},
		{"integer string", k(model.Integer), `1`, `"100"`, "Expected '100' (String) to be an integer"},
		{"integer array", k(model.Integer), `1`, `[]`, "Expected [] (Array) to be an integer"},
		{"decimal ok", k(model.Decimal), `1.1`, `100.0`, ""},
		{"decimal int", k(model.Decimal), `1.1`, `100`, "Expected 100 (Integer) to be a decimal number"},
		{"decimal null", k(model.Decimal), `1.1`, `null`, "Expected null (Null) to be a decimal number"},
		{"decimal string", k(model.Decimal), `1.1`, `"100.1234"`, "Expected '100.1234' (String) to be a decimal number"},
		{"number ok", k(model.Number), `1`, `1e3`, ""},
		{"number bool", k(model.Number), `1`, `true`, "Expected true (Boolean) to be a number"},
		{"number string", k(model.Number), `1`, `"100"`, "Expected '100' (String) to be a number"},
		{"null ok", k(model.Null), `null`, `null`, ""},
		{"null string", k(model.Null), `null`, `""`, "Expected '' (String) to be a null value"},
		{"boolean ok", k(model.Boolean), `true`, `false`, ""},
		{"boolean string ok", k(model.Boolean), `true`, `"true"`, ""},
		{"boolean empty", k(model.Boolean), `true`, `""`, "Expected '' (String) to match a boolean"},
		{"date ok", model.Rule{Kind: model.Date, Format: "yyyy-MM-dd"}, `""`, `"2023-07-19"`, ""},
		{"date default format", k(model.Date), `""`, `"23/07/19"`, "Expected '23/07/19' to match a date pattern of 'yyyy-MM-dd'"},
		{"time ok", model.Rule{Kind: model.Time, Format: "HH:mm"}, `""`, `"22:04"`, ""},
		{"timestamp ok", model.Rule{Kind: model.Timestamp, Format: "yyyy-MM-dd'T'HH:mm:ss"}, `""`, `"2015-06-10T20:41:37"`, ""},
		{"notEmpty string", k(model.NotEmpty), `"a"`, `""`, "Expected '' (String) to not be empty"},
		{"notEmpty null", k(model.NotEmpty), `"a"`, `null`, "Expected non-empty value but got a NULL"},
		{"notEmpty number", k(model.NotEmpty), `1`, `0`, ""},
		{"semver ok", k(model.Semver), `"1.0.0"`, `"1.2.3-beta.1+b5"`, ""},
		{"semver short", k(model.Semver), `"1.0.0"`, `"1.0"`, "'1.0' is not a valid semantic version"},
		{"semver junk", k(model.Semver), `"1.0.0"`, `"1.0abc"`, "'1.0abc' is not a valid semantic version"},
		{"plugin", model.Rule{Kind: model.Plugin}.WithName("protobuf"), `1`, `1`, "plugins are not supported by libpact"},
		{"status code", model.Rule{Kind: model.StatusCode}.WithStatus("success"), `200`, `400`, "Expected status code 400 to be a Successful response (200–299)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := matchJSON(tt.rule, jv(t, tt.expected), jv(t, tt.actual), false, true)
			checkErr(t, err, tt.want)
		})
	}
}

// checkErr wants err to start with want (the reference sometimes appends the
// parser's own explanation after the documented wording).
func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("unexpected error %q", err)
	case want != "" && err == nil:
		t.Errorf("no error, want %q", want)
	case want != "" && !strings.HasPrefix(err.Error(), want):
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestMatchStringCoercion(t *testing.T) {
	k := func(kind model.RuleKind) model.Rule { return model.Rule{Kind: kind} }
	tests := []struct {
		name             string
		rule             model.Rule
		expected, actual string
		want             string
	}{
		{"integer coerces", k(model.Integer), "1", "100", ""},
		{"integer negative fails (u64)", k(model.Integer), "1", "-1", "Expected '-1' to match an integer number"},
		{"integer junk", k(model.Integer), "1", "100X01", "Expected '100X01' to match an integer number"},
		{"number coerces", k(model.Number), "1", "100.5", ""},
		{"decimal coerces", k(model.Decimal), "1", "100", ""},
		{"number junk", k(model.Number), "1", "abc", "Expected 'abc' to match a number"},
		{"type always", k(model.Type), "a", "1", ""},
		{"equality", k(model.Equality), "a", "b", "Expected 'b' to be equal to 'a'"},
		{"regex", model.Rule{Kind: model.Regex, Regex: `\d{1,4}`}, "1", "9999ABC", `Expected '9999ABC' to match '\d{1,4}'`},
		{"boolean", k(model.Boolean), "true", "yes", "Expected yes to match a boolean"},
		{"null unsupported", k(model.Null), "", "x", "Unable to match 'x' using Null"},
		{"date", model.Rule{Kind: model.Date}, "", "2020-02-30", "Expected '2020-02-30' to match a date pattern of 'yyyy-MM-dd'"},
		{"status code class", model.Rule{Kind: model.StatusCode}.WithStatus("clientError"), "", "404", ""},
		{"status code list", model.Rule{Kind: model.StatusCode}.WithStatus([]any{json.Number("200"), json.Number("204")}), "", "201",
			"Expected status code 201 to be a 200, 204"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErr(t, MatchString(tt.rule, tt.expected, tt.actual), tt.want)
		})
	}
}

func TestMatchValueCollections(t *testing.T) {
	tests := []struct {
		name             string
		rule             model.Rule
		expected, actual any
		want             string
	}{
		{"min size", model.Rule{Kind: model.MinType, Min: 1}, []any{1.0}, []any{}, "Expected [] (size 0) to have minimum size of 1"},
		{"max size", model.Rule{Kind: model.MaxType, Max: 4}, []any{1.0}, []any{1.0, 2.0, 3.0, 4.0, 5.0},
			"Expected [1, 2, 3, 4, 5] (size 5) to have maximum size of 4"},
		{"minmax ok", model.Rule{Kind: model.MinMaxType, Min: 1, Max: 3}, []any{1.0}, []any{1.0, 2.0}, ""},
		{"notEmpty array", model.Rule{Kind: model.NotEmpty}, []any{"a"}, []any{}, "Expected [] (Array) to not be empty"},
		{"notEmpty map", model.Rule{Kind: model.NotEmpty}, map[string]any{"a": 1.0}, map[string]any{}, "Expected {} (Map) to not be empty"},
		{"go ints", model.Rule{Kind: model.Integer}, 1, 2, ""},
		{"float64 whole is integer", model.Rule{Kind: model.Integer}, 1.0, 2.0, ""},
		{"float64 fraction is decimal", model.Rule{Kind: model.Decimal}, 1.5, 2.5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkErr(t, MatchValue(tt.rule, tt.expected, tt.actual), tt.want)
		})
	}
}

func TestMatchNumberStatus(t *testing.T) {
	tests := []struct {
		rule     model.Rule
		e, a     int
		want     string
		cascaded bool
	}{
		{model.Rule{Kind: model.StatusCode}.WithStatus("success"), 200, 400, "Expected status code 400 to be a Successful response (200–299)", false},
		{model.Rule{Kind: model.StatusCode}.WithStatus("nonError"), 200, 302, "", false},
		{model.Rule{Kind: model.StatusCode}.WithStatus("error"), 500, 302, "Expected status code 302 to be a Error response (>= 400)", false},
		{model.Rule{Kind: model.StatusCode}, 200, 204, "", false},
		{model.Rule{Kind: model.Equality}, 200, 201, "Expected 201 to be equal to 200", false},
	}
	for _, tt := range tests {
		checkErr(t, matchNumber(tt.rule, tt.e, tt.a, tt.cascaded), tt.want)
	}
}

func TestCompileRegexCachesAndReportsErrors(t *testing.T) {
	if _, err := compileRegex(`(`); err == nil || !strings.HasPrefix(err.Error(), "'(' is not a valid regular expression - ") {
		t.Errorf("got %v", err)
	}
	a, _ := compileRegex(`\d+`)
	b, _ := compileRegex(`\d+`)
	if a != b {
		t.Error("the compiled pattern is not cached")
	}
	if !a.MatchString("123") || a.MatchString("123a") {
		t.Error("not a whole-string match")
	}
	alt, _ := compileRegex(`a|b`)
	if alt.MatchString("ab") || !alt.MatchString("b") {
		t.Error("alternation is not anchored as a whole")
	}
}

func TestMatchBytes(t *testing.T) {
	tests := []struct {
		rule model.Rule
		e, a []byte
		want string
	}{
		{model.Rule{Kind: model.NotEmpty}, []byte("x"), nil, "Expected [] (0 bytes) to not be empty"},
		{model.Rule{Kind: model.NotEmpty}, []byte("x"), []byte{0}, ""},
		{model.Rule{Kind: model.ContentType}.WithValue("application/pdf"), nil, []byte("%PDF-1.4"), ""},
		{model.Rule{Kind: model.ContentType}.WithValue("image/jpeg"), nil, []byte("%PDF-1.4"),
			"Expected binary contents to have content type 'image/jpeg' but detected contents was 'application/pdf'"},
		{model.Rule{Kind: model.Equality}, []byte{1, 2}, []byte{1, 3}, "Expected '[1, 2]...' (2 bytes) to be equal to '[1, 3]...' (2 bytes)"},
		{model.Rule{Kind: model.Regex, Regex: "a+"}, nil, []byte("aab"), "Expected 'aab' to match 'a+'"},
	}
	for _, tt := range tests {
		checkErr(t, MatchBytes(tt.rule, tt.e, tt.a), tt.want)
	}
}
