package matching

import (
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func TestCompileRegex(t *testing.T) {
	for _, c := range []struct {
		re, s string
		want  bool
	}{
		{`\d+`, "123", true},
		{`\d+`, "abc123", false}, // whole string
		{`^\d+$`, "abc", false},
		{`foo(?=bar)bar`, "foobar", true}, // regexp2 fallback
		{`(a)\1`, "aa", true},
	} {
		match, err := CompileRegex(c.re)
		if err != nil {
			t.Fatalf("CompileRegex(%q): %v", c.re, err)
		}
		if got := match(c.s); got != c.want {
			t.Errorf("CompileRegex(%q)(%q) = %v, want %v", c.re, c.s, got, c.want)
		}
	}
	if _, err := CompileRegex("("); err == nil || !strings.HasPrefix(err.Error(), "'(' is not a valid regular expression - ") {
		t.Errorf("CompileRegex(\"(\") error = %v", err)
	}
}

func TestMatchBytesCascaded(t *testing.T) {
	for _, k := range []model.RuleKind{model.Values, model.EachKey, model.EachValue} {
		r := model.Rule{Kind: k}
		if err := MatchBytesCascaded(r, nil, []byte("x"), true); err != nil {
			t.Errorf("%v cascaded: %v", k, err)
		}
		if err := MatchBytesCascaded(r, nil, []byte("x"), false); err == nil || !strings.HasPrefix(err.Error(), "Unable to match '[120]...' (1 bytes) using ") {
			t.Errorf("%v not cascaded: %v", k, err)
		}
	}
	for _, c := range []struct {
		r    model.Rule
		e, a string
		want string
	}{
		{model.Rule{Kind: model.Equality}, "abc", "abd", "Expected '[97, 98, 99]...' (3 bytes) to be equal to '[97, 98, 100]...' (3 bytes)"},
		{model.Rule{Kind: model.NotEmpty}, "x", "", "Expected [] (0 bytes) to not be empty"},
		{model.Rule{Kind: model.Regex, Regex: `\d+`}, "", "12a", "Expected '12a' to match '\\d+'"},
		{model.Rule{Kind: model.Regex, Regex: `\d+`}, "", "\xff", "Could not convert actual bytes into a UTF-8 string - invalid utf-8 sequence"},
		{model.Rule{Kind: model.Include}.WithValue("bc"), "", "xyz", "Expected 'xyz' to include 'bc'"},
		{model.Rule{Kind: model.Integer}, "", "", "Unable to match '[]...' (0 bytes) using Integer"},
		{model.Rule{Kind: model.Type}, "a", "bcd", ""},
	} {
		err := MatchBytesCascaded(c.r, []byte(c.e), []byte(c.a), true)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != c.want {
			t.Errorf("%v on %q: %q, want %q", c.r.Kind, c.a, got, c.want)
		}
	}
}
