package matching

import "testing"

func TestMismatchSummaryAndDescribe(t *testing.T) {
	for _, c := range []struct {
		m                   Mismatch
		summary, desc, ansi string
	}{
		{Mismatch{Type: "MethodMismatch", Expected: "GET", Actual: "POST", Description: "expected GET but was POST"},
			"is a GET request", "expected GET but was POST", "expected \x1b[31mGET\x1b[0m but was \x1b[32mPOST\x1b[0m"},
		{Mismatch{Type: "MethodMismatch", Expected: "GET", Actual: "PUT"},
			"is a GET request", "expected GET but was PUT", "expected \x1b[31mGET\x1b[0m but was \x1b[32mPUT\x1b[0m"},
		{Mismatch{Type: "PathMismatch", Expected: "/a", Actual: "/b", Description: "Expected '/b' to be equal to '/a'"},
			"to path '/a'", "Expected '/b' to be equal to '/a'", "Expected '/b' to be equal to '/a'"},
		{Mismatch{Type: "StatusMismatch", Expected: 200, Actual: 404, Description: "expected 200 but was 404"},
			"has status code 200", "expected 200 but was 404", "expected 200 but was 404"},
		{Mismatch{Type: "QueryMismatch", Path: "q", Expected: []any{"a"}, Description: "d"},
			`includes parameter 'q' with value '["a"]'`, "d", "d"},
		{Mismatch{Type: "HeaderMismatch", Path: "X-A", Expected: "b", Description: "d"},
			"includes header 'X-A' with value 'b'", "d", "d"},
		{Mismatch{Type: "MetadataMismatch", Path: "k", Expected: "v", Description: "d"},
			"has matching metadata", "d", "d"},
		{Mismatch{Type: "BodyTypeMismatch", Expected: "application/json", Actual: "text/plain", Description: "d"},
			"has a matching body", "Expected a body of 'application/json' but the actual content type was 'text/plain'",
			"Expected a body of '\x1b[31mapplication/json\x1b[0m' but the actual content type was '\x1b[32mtext/plain\x1b[0m'"},
		{Mismatch{Type: "BodyMismatch", Path: "$.a", Expected: "1", Actual: "2", Description: "Expected 2 (Integer) to be equal to 1 (Integer)"},
			"has a matching body", "$.a -> Expected 2 (Integer) to be equal to 1 (Integer)", "$.a -> Expected 2 (Integer) to be equal to 1 (Integer)"},
	} {
		if got := c.m.Summary(); got != c.summary {
			t.Errorf("%s Summary = %q, want %q", c.m.Type, got, c.summary)
		}
		if got := c.m.Describe(false); got != c.desc {
			t.Errorf("%s Describe(false) = %q, want %q", c.m.Type, got, c.desc)
		}
		if got := c.m.Describe(true); got != c.ansi {
			t.Errorf("%s Describe(true) = %q, want %q", c.m.Type, got, c.ansi)
		}
	}
}
