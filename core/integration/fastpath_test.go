package integration

import (
	"reflect"
	"sync"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// plainRuleNames are the matcher names plainRule handles, and a few it
// leaves to the general path.
var plainRuleNames = []string{
	"equality", "integer", "decimal", "real", "number", "null", "boolean", "values", "notEmpty", "not-empty",
	"semver", "regex", "type", "date", "time", "timestamp", "datetime",
	"min", "max-type", "include", "contentType", "eachKey", "credit-card", "",
}

// checkPlainRule fails when plainRule gives a rule for name and the object
// body that differs from what the general path (every attribute through
// model.RuleFromJSON) gives, or when the general path fails there.
func checkPlainRule(t *testing.T, name string, body string) (handled bool) {
	t.Helper()
	n, err := parseNode([]byte(body))
	if err != nil || n.kind != nObject {
		return false
	}
	got, ok := plainRule(name, n)
	if !ok {
		return false
	}
	want, err := ruleFromAttrs(name, n)
	if err != nil {
		t.Fatalf("plainRule(%q, %s) = %+v, but the general path fails: %v", name, body, got, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("plainRule(%q, %s)\n got %+v\nwant %+v", name, body, got, want)
	}
	return true
}

func TestPlainRule(t *testing.T) {
	bodies := []string{
		`{"value": 1}`,
		`{"value": [{"a": 1}], "min": 1}`,
		`{"min": 2, "max": 5, "value": []}`,
		`{"max": 3}`,
		`{"min": null, "max": 3}`,
		`{"min": 1.0}`,
		`{"min": 1e2}`,
		`{"min": -0}`,
		`{"min": 1.5}`,
		`{"min": "2"}`,
		`{"min": 9007199254740993}`,
		`{"min": 1e400}`,
		`{"regex": "^\\d+$", "value": "12"}`,
		`{"regex": 5, "value": "12"}`,
		`{"regex": null}`,
		`{"format": "yyyy-MM-dd", "value": "2024-01-01"}`,
		`{"format": 1, "date": "yyyy", "time": "HH", "timestamp": "x", "datetime": "y"}`,
		`{"datetime": "y"}`,
		`{"timestamp": "x", "datetime": "y"}`,
		`{"": "empty key", "format": null}`,
		`{"match": "integer", "pact:matcher:type": "regex", "regex": "a"}`,
	}
	handled := 0
	for _, name := range plainRuleNames {
		for _, body := range bodies {
			if checkPlainRule(t, name, body) {
				handled++
			}
		}
	}
	if handled < 200 {
		t.Fatalf("plainRule handled only %d cases; the test no longer exercises it", handled)
	}
}

func FuzzPlainRule(f *testing.F) {
	f.Add("type", `{"min": 1, "value": ["a"]}`)
	f.Add("regex", `{"regex": "\\d", "value": "1"}`)
	f.Add("timestamp", `{"datetime": "yyyy", "format": 2}`)
	f.Fuzz(func(t *testing.T, name, body string) {
		checkPlainRule(t, name, body)
	})
}

func TestChildPath(t *testing.T) {
	for _, k := range []string{"", "a", "id", "a-b", "a:b", "#x", "@y", "_", "1", "007", "1a", "a b", "a.b", "a'b",
		"é", "aé", "a[0]", "-", "99999999999999999999", "a\\b"} {
		if got, want := childPath("$.x", k), "$.x"+model.FieldSuffix(k); got != want {
			t.Errorf("childPath(%q) = %q, want %q", k, got, want)
		}
	}
}

func FuzzChildPath(f *testing.F) {
	f.Add("a-b")
	f.Add("12")
	f.Fuzz(func(t *testing.T, k string) {
		if got, want := childPath("$", k), "$"+model.FieldSuffix(k); got != want {
			t.Fatalf("childPath(%q) = %q, want %q", k, got, want)
		}
	})
}

// lexedIsDefinition and lexedLooksLikeDefinition are IsDefinition and
// looksLikeDefinition without the quick first-letter test.
func lexedIsDefinition(s string) bool {
	l := lexer{src: s}
	t := l.next()
	return t.Kind == tIdent && expressionStarts[t.Text]
}

func lexedLooksLikeDefinition(s string) bool {
	l := lexer{src: s}
	t := l.next()
	return t.Kind == tIdent && expressionStarts[t.Text] && l.next().Kind == tLParen
}

func checkQuickDefinitionTest(t *testing.T, s string) {
	t.Helper()
	if got, want := IsDefinition(s), lexedIsDefinition(s); got != want {
		t.Fatalf("IsDefinition(%q) = %v, lexing says %v", s, got, want)
	}
	if got, want := looksLikeDefinition(s), lexedLooksLikeDefinition(s); got != want {
		t.Fatalf("looksLikeDefinition(%q) = %v, lexing says %v", s, got, want)
	}
}

func TestQuickDefinitionTest(t *testing.T) {
	for w := range expressionStarts {
		if !isExpressionStart(w) {
			t.Errorf("isExpressionStart(%q) is false", w)
		}
	}
	for _, w := range []string{"", "match", "matchingX", "true", "null", "Matching", "eachkey"} {
		if isExpressionStart(w) {
			t.Errorf("isExpressionStart(%q) is true", w)
		}
	}
	for _, s := range []string{"", " ", "matching(type, 1)", " \t\n\f\rnotEmpty('a')", "eachKey(x)", "eachValue(x)",
		"atLeast(1)", "atMost(2)", "arrayContains(x)", "matchingX", "type", "regex", "integer", "application/json",
		"/items/1", `{"value": 1}`, "a", "m", "\vmatching(type, 1)", "Matching(type, 1)", "\u00a0matching(x)",
		"matching", "matching (", "matching\t\n(x", "matching x(", "matching$(", "atMost", "atMost(", "eachKey)", "application/json"} {
		checkQuickDefinitionTest(t, s)
	}
}

func FuzzQuickDefinitionTest(f *testing.F) {
	f.Add("matching(type, 'x')")
	f.Add(" atMost (2)")
	f.Fuzz(func(t *testing.T, s string) { checkQuickDefinitionTest(t, s) })
}

// memoValues are header and query values of the kinds the memo keeps and
// skips.
var memoValues = []string{
	`{"pact:matcher:type": "regex", "regex": "^[a-z,]+$", "value": "id,name"}`,
	`{"value": ["1", "2"], "pact:matcher:type": "regex", "regex": "\\d+"}`,
	`{"value": 12, "pact:matcher:type": "integer"}`,
	`{"value": "x", "pact:matcher:type": "include", "value": "abc"}`,
	`{"value": "1.0.0", "pact:matcher:type": "semver"}`,
	`{"value": 200, "pact:matcher:type": "statusCode", "status": "success"}`,
	`{"value": 200, "pact:matcher:type": "statusCode", "status": [200, 201]}`,
	`{"value": "a", "pact:matcher:type": "eachValue(matching(type, 'a'))"}`,
	`{"value": "7", "pact:generator:type": "RandomInt", "min": 1, "max": 9}`,
	`{"expression": "${id}", "value": "7"}`,
	`{"value": {"a": 1}, "pact:matcher:type": "type"}`,
	`{"pact:matcher:type": "regex", "value": "x"}`,
	"matching(regex, '\\d+', '12')",
	"matching(type, 'x'), notEmpty('y')",
	`{"a": 1}`, `{`, `{"value": null}`,
}

func TestValueMemo(t *testing.T) {
	for _, v := range memoValues {
		for round := range 3 {
			want1, want2, want3, wantErr := processValueUncached(v, looksLikeDefinition(v))
			got1, got2, got3, gotErr := processValue(v)
			if !reflect.DeepEqual(got1, want1) || !reflect.DeepEqual(got2, want2) || !reflect.DeepEqual(got3, want3) ||
				(gotErr == nil) != (wantErr == nil) || gotErr != nil && gotErr.Error() != wantErr.Error() {
				t.Fatalf("round %d, %s:\n got %q %+v %+v %v\nwant %q %+v %+v %v", round, v, got1, got2, got3, gotErr, want1, want2, want3, wantErr)
			}
			// What a caller does with its copies must not reach the next caller.
			for i := range got1 {
				got1[i] = "changed"
			}
			for i := range got2 {
				got2[i].Regex = "changed"
			}
		}
	}
	if len(memo.m) == 0 {
		t.Error("nothing was remembered")
	}
	memo.mu.RLock()
	defer memo.mu.RUnlock()
	for v, e := range memo.m {
		for _, r := range e.rules {
			if !flatRule(r) {
				t.Errorf("the memo keeps a rule that shares memory, for %s: %+v", v, r)
			}
		}
	}
}

// TestProcessValuesShared checks that the shared results equal the copied
// ones and end at their length (so that appending to them leaves the memo
// alone).
func TestProcessValuesShared(t *testing.T) {
	for _, v := range memoValues {
		for round := range 3 {
			want1, want2, want3, wantErr := ProcessValues(v)
			got1, got2, got3, gotErr := ProcessValuesShared(v)
			if !reflect.DeepEqual(got1, want1) || !reflect.DeepEqual(got2, want2) || !reflect.DeepEqual(got3, want3) ||
				(gotErr == nil) != (wantErr == nil) {
				t.Fatalf("round %d, %s:\n got %q %+v %+v %v\nwant %q %+v %+v %v", round, v, got1, got2, got3, gotErr, want1, want2, want3, wantErr)
			}
			if cap(got1) != len(got1) || cap(got2) != len(got2) {
				t.Fatalf("%s: capacity %d, %d past the length %d, %d: an append would write into the memo", v, cap(got1), cap(got2), len(got1), len(got2))
			}
		}
		if !IsPlainValue(v) {
			continue
		}
		if exs, rules, _, _ := ProcessValuesShared(v); len(exs) != 1 || exs[0] != v || rules != nil {
			t.Errorf("plain %q: %q %+v", v, exs, rules)
		}
	}
}

func FuzzValueMemo(f *testing.F) {
	for _, v := range memoValues {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v string) {
		want1, want2, want3, wantErr := processValueUncached(v, looksLikeDefinition(v))
		for range 2 {
			got1, got2, got3, gotErr := processValue(v)
			if !reflect.DeepEqual(got1, want1) || !reflect.DeepEqual(got2, want2) || !reflect.DeepEqual(got3, want3) ||
				(gotErr == nil) != (wantErr == nil) {
				t.Fatalf("%q: got %q %+v %+v %v, want %q %+v %+v %v", v, got1, got2, got3, gotErr, want1, want2, want3, wantErr)
			}
		}
	})
}

// TestValueMemoConcurrent runs processValue from several goroutines (go test
// -race checks the memo's locking).
func TestValueMemoConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 200 {
				v := memoValues[(g+k)%len(memoValues)]
				want1, want2, _, _ := processValueUncached(v, looksLikeDefinition(v))
				got1, got2, _, _ := processValue(v)
				if !reflect.DeepEqual(got1, want1) || !reflect.DeepEqual(got2, want2) {
					t.Errorf("%s: got %q %+v, want %q %+v", v, got1, got2, want1, want2)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestIsPlainValue(t *testing.T) {
	for v, want := range map[string]bool{
		"":                       true,
		"  ":                     true,
		"application/json":       true,
		"x{":                     true,
		`{"value":"1"}`:          false,
		" \t\r\n{}":              false,
		"\f{}":                   true, // only space, tab, CR and LF come before an object
		"matching(type, 'x')":    false,
		"matching":               true,
		`["a", {"value":"1"}]`:   true,
		" matching(type, 'x')":   false,
		"notEmpty('x')":          false,
		"\n{\"value\": \"1\"}\n": false,
	} {
		if got := IsPlainValue(v); got != want {
			t.Errorf("IsPlainValue(%q) = %v, want %v", v, got, want)
		}
	}
}
