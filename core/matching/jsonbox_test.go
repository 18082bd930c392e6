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
	v, err := parseJSON([]byte(`["abc", "", 12.5, -3, "a\"b", {"k": "v"}]`))
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
	if got := jsonText(v); got != `["abc","",12.5,-3,"a\"b",{"k":"v"}]` {
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
