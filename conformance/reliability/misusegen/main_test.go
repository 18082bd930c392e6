package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The generator understands every declaration of the real header: each
// function is called, or said to take no parameter, or excluded with a
// reason; none is left without a failure value.
func TestGenerateFromHeader(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "include", "pact.h"))
	if err != nil {
		t.Fatal(err)
	}
	fns, err := parse(string(src))
	if err != nil {
		t.Fatal(err)
	}
	out, problems := generate(fns)
	if len(problems) > 0 {
		t.Fatalf("functions whose failure value the header does not give:\n%s", strings.Join(problems, "\n"))
	}
	declared := regexp.MustCompile(`\b((?:pactffi|libpact)_\w+)\(`).FindAllStringSubmatch(
		regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(string(src), ""), -1)
	if len(declared) < 284 {
		t.Errorf("only %d declarations found", len(declared))
	}
	for _, m := range declared {
		name := m[1]
		if !strings.Contains(out, "static void call_"+name+"(void)") && !strings.Contains(out, "/* "+name+":") {
			t.Errorf("%s is neither called nor accounted for", name)
		}
	}
}

// Failure values come from the declaration and its comment.
func TestFailure(t *testing.T) {
	for _, c := range []struct {
		f    fn
		want string
	}{
		{fn{ret: "bool"}, "r == false"},
		{fn{ret: "const char *"}, "r == NULL"},
		{fn{ret: "const char *", doc: "Returns NULL on a match, else the mismatch message."}, "r != NULL"},
		{fn{ret: "int32_t", doc: "Returns the port, or -1 if ..."}, "r < 0"},
		{fn{ret: "int", doc: "Returns 0 on success, 1 if ..."}, "r != 0"},
		{fn{ret: "unsigned short", doc: "Generates an integer; returns 0 on failure."}, "r == 0"},
		{fn{ret: "enum PactSpecification"}, "r == PactSpecification_Unknown"},
		{fn{ret: "int", doc: "Does something."}, ""},
	} {
		if got := failure(c.f); got != c.want {
			t.Errorf("failure(%s %q) = %q, want %q", c.f.ret, c.f.doc, got, c.want)
		}
	}
}
