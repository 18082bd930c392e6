package matching

import (
	"runtime"
	"testing"
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
