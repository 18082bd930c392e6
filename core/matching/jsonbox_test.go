package matching

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// TestBoxedValues checks that strings and numbers boxed by the parser behave
// as values converted by Go: same dynamic type, equal to a converted value,
// usable as map keys, and still intact after garbage collections.
func TestBoxedValues(t *testing.T) {
	v, err := parseJSON([]byte(`["abc", "", 12.5, -3, "a\"b", {"k": "v"}, ["x", "y"]]`))
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	items := v.([]any)
	want := []any{"abc", "", jsonNumber("12.5"), jsonNumber("-3"), `a"b`}
	seen := map[any]int{}
	for i, w := range want {
		if items[i] != w {
			t.Errorf("item %d: got %#v, want %#v", i, items[i], w)
		}
		switch x := items[i].(type) {
		case string:
			if _, ok := w.(string); !ok || x != w.(string) {
				t.Errorf("item %d: string %q, want %#v", i, x, w)
			}
		case jsonNumber:
			if _, ok := w.(jsonNumber); !ok || x != w.(jsonNumber) {
				t.Errorf("item %d: number %q, want %#v", i, x, w)
			}
		default:
			t.Errorf("item %d: type %T", i, x)
		}
		seen[items[i]] = i
	}
	for i, w := range want {
		if seen[w] != i {
			t.Errorf("map lookup of %#v: got %d, want %d", w, seen[w], i)
		}
	}
	runtime.GC()
	if got, _ := items[5].(*jsonObject).get("k"); got != "v" {
		t.Errorf("object member: got %#v", got)
	}
	if l, ok := items[6].([]any); !ok || len(l) != 2 || l[1] != "y" {
		t.Errorf("nested list: %#v", items[6])
	}
	if got := jsonText(v); got != `["abc","",12.5,-3,"a\"b",{"k":"v"},["x","y"]]` {
		t.Errorf("jsonText: %s", got)
	}
}

// TestMismatchOutlivesBody checks that a mismatch keeps its texts when the
// body it came from is overwritten after the match (the tree's strings share
// the body's memory).
func TestMismatchOutlivesBody(t *testing.T) {
	expected := []byte(`{"a": {"k": 1}, "b": "y"}`)
	actual := []byte(`{"a": "actualvalue", "zzkey": "y"}`)
	mm := matchJSONBodies(expected, actual, newRuleSet(nil, model.CategoryBody), false)
	if len(mm) == 0 {
		t.Fatal("no mismatches")
	}
	show := func() string {
		var b strings.Builder
		for _, m := range mm {
			fmt.Fprintf(&b, "%s|%v|%v|%s\n", m.Path, m.Expected, m.Actual, m.Description)
		}
		return b.String()
	}
	before := show()
	for i := range actual {
		actual[i] = '#'
	}
	for i := range expected {
		expected[i] = '#'
	}
	if after := show(); after != before {
		t.Errorf("mismatches changed with the body:\nbefore %s\nafter  %s", before, after)
	}
	if !strings.Contains(before, "actualvalue") || !strings.Contains(before, "zzkey") {
		t.Errorf("mismatches do not show the actual values: %s", before)
	}
}

// TestArenaReuse matches bodies from several goroutines at once, many times,
// so that arenas are reused across matches and goroutines, and checks every
// result against the result of a match made alone.
func TestArenaReuse(t *testing.T) {
	pairs := [][2]string{
		{`{"a": [1, 2, {"b": "x"}], "c": "y"}`, `{"a": [1, 3, {"b": "z"}], "c": "y", "d": [true]}`},
		{`[{"id": 1, "n": "a"}]`, `[{"id": 1, "n": "a"}, {"id": "2", "n": "b"}, {"n": 3}]`},
		{`{"k": {"l": ["m", "n"]}}`, `{"k": {"l": "m"}}`},
		{`"text"`, `["text"]`},
	}
	show := func(mm []Mismatch) string {
		var b strings.Builder
		for _, m := range mm {
			fmt.Fprintf(&b, "%s|%v|%v|%s\n", m.Path, m.Expected, m.Actual, m.Description)
		}
		return b.String()
	}
	rules := newRuleSet(nil, model.CategoryBody)
	want := make([]string, len(pairs))
	for i, p := range pairs {
		want[i] = show(matchJSONBodies([]byte(p[0]), []byte(p[1]), rules, false))
		if want[i] == "" {
			t.Fatalf("pair %d: no mismatches", i)
		}
	}
	errs := make(chan string, 8)
	for g := 0; g < 4; g++ {
		go func() {
			for n := 0; n < 200; n++ {
				i := (g + n) % len(pairs)
				if got := show(matchJSONBodies([]byte(pairs[i][0]), []byte(pairs[i][1]), rules, false)); got != want[i] {
					errs <- fmt.Sprintf("pair %d:\n%s\nwant\n%s", i, got, want[i])
					return
				}
			}
			errs <- ""
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}
