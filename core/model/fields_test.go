package model

import (
	"reflect"
	"testing"
)

func hf(name string, values ...string) Field { return Field{Name: name, Values: values} }

func TestHeaders(t *testing.T) {
	tests := []struct {
		name   string
		h      Headers
		do     func(h *Headers) any // returns what the operation returned, or nil
		want   Headers
		result any
	}{
		{"Get ignores case", Headers{hf("Content-Type", "a")},
			func(h *Headers) any { v, ok := h.Get("content-type"); return []any{v, ok} },
			Headers{hf("Content-Type", "a")}, []any{[]string{"a"}, true}},
		{"Get prefers the exact name", Headers{hf("x-a", "lower"), hf("X-A", "exact")},
			func(h *Headers) any { v, _ := h.Get("X-A"); return v },
			nil, []string{"exact"}},
		{"Get takes the first of several case variants", Headers{hf("x-a", "1"), hf("X-a", "2")},
			func(h *Headers) any { v, _ := h.Get("X-A"); return v },
			nil, []string{"1"}},
		{"Get of a missing header", Headers{hf("A", "1")},
			func(h *Headers) any { v, ok := h.Get("B"); return []any{v, ok} },
			nil, []any{[]string(nil), false}},
		{"Exact does not ignore case", Headers{hf("Content-Type", "a")},
			func(h *Headers) any { _, ok := h.Exact("content-type"); return ok },
			nil, false},
		{"Values is the exact name's values", Headers{hf("X", "1", "2")},
			func(h *Headers) any { return []any{h.Values("X"), h.Values("x")} },
			nil, []any{[]string{"1", "2"}, []string(nil)}},
		{"First", Headers{hf("Accept", "text/html", "*/*"), hf("Empty")},
			func(h *Headers) any { return []string{h.First("accept"), h.First("empty"), h.First("none")} },
			nil, []string{"text/html", "", ""}},
		{"Set keeps the existing spelling", Headers{hf("X-A", "1"), hf("B", "2")},
			func(h *Headers) any { h.Set("x-a", "3", "4"); return nil },
			Headers{hf("X-A", "3", "4"), hf("B", "2")}, nil},
		{"Set adds at the end", Headers{hf("B", "2")},
			func(h *Headers) any { h.Set("A", "1"); return nil },
			Headers{hf("B", "2"), hf("A", "1")}, nil},
		{"Set on nil headers", nil,
			func(h *Headers) any { h.Set("A", "1"); return nil },
			Headers{hf("A", "1")}, nil},
		{"Put is exact", Headers{hf("X-A", "1")},
			func(h *Headers) any { h.Put("x-a", []string{"2"}); h.Put("X-A", []string{"3"}); return nil },
			Headers{hf("X-A", "3"), hf("x-a", "2")}, nil},
		{"Add appends a value or a header", Headers{hf("A", "1")},
			func(h *Headers) any { h.Add("A", "2"); h.Add("a", "3"); return nil },
			Headers{hf("A", "1", "2"), hf("a", "3")}, nil},
		{"Delete removes every case variant", Headers{hf("X-A"), hf("B", "1"), hf("x-a")},
			func(h *Headers) any { h.Delete("X-A"); h.Delete("none"); return nil },
			Headers{hf("B", "1")}, nil},
		{"Names are sorted", Headers{hf("b"), hf("A"), hf("a")},
			func(h *Headers) any { return h.Names() },
			nil, []string{"A", "a", "b"}},
		{"Sort sorts in place by byte order", Headers{hf("b", "1"), hf("a"), hf("B")},
			func(h *Headers) any { h.Sort(); return nil },
			Headers{hf("B"), hf("a"), hf("b", "1")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.h
			before := h.Clone()
			got := tt.do(&h)
			want := tt.want
			if want == nil && tt.h != nil {
				want = before // a reading operation changes nothing
			}
			if !reflect.DeepEqual(h, want) {
				t.Errorf("headers = %v, want %v", h, want)
			}
			if !reflect.DeepEqual(got, tt.result) {
				t.Errorf("result = %#v, want %#v", got, tt.result)
			}
		})
	}
}

func TestQuery(t *testing.T) {
	tests := []struct {
		name   string
		q      Query
		do     func(q *Query) any
		want   Query
		result any
	}{
		{"Get is exact", Query{hf("a", "1")},
			func(q *Query) any { v, ok := q.Get("a"); _, okA := q.Get("A"); return []any{v, ok, okA} },
			nil, []any{[]string{"1"}, true, false}},
		{"Values", Query{hf("a", "1", "2")},
			func(q *Query) any { return []any{q.Values("a"), q.Values("b")} },
			nil, []any{[]string{"1", "2"}, []string(nil)}},
		{"Set replaces or adds", Query{hf("a", "1")},
			func(q *Query) any { q.Set("a", []string{"2"}); q.Set("A", nil); return nil },
			Query{hf("a", "2"), {Name: "A"}}, nil},
		{"Add appends", nil,
			func(q *Query) any { q.Add("a", "1"); q.Add("b", "2"); q.Add("a", "3"); return nil },
			Query{hf("a", "1", "3"), hf("b", "2")}, nil},
		{"Names", Query{hf("b"), hf("a")},
			func(q *Query) any { return q.Names() },
			nil, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			before := q.Clone()
			got := tt.do(&q)
			want := tt.want
			if want == nil && tt.q != nil {
				want = before
			}
			if !reflect.DeepEqual(q, want) {
				t.Errorf("query = %v, want %v", q, want)
			}
			if !reflect.DeepEqual(got, tt.result) {
				t.Errorf("result = %#v, want %#v", got, tt.result)
			}
		})
	}
}

func TestFieldsSortedAndClone(t *testing.T) {
	sorted := Headers{hf("A", "1"), hf("B", "2")}
	if s := sorted.Sorted(); &s[0] != &sorted[0] {
		t.Error("Sorted copied a list that was already sorted")
	}
	unsorted := Query{hf("b", "2"), hf("a", "1")}
	s := unsorted.Sorted()
	if !reflect.DeepEqual(s, Query{hf("a", "1"), hf("b", "2")}) || unsorted[0].Name != "b" {
		t.Errorf("Sorted = %v, original %v", s, unsorted)
	}
	long := make(Headers, 0, 20)
	for _, n := range "tsrqponmlkjihgfedcba" {
		long = append(long, hf(string(n)))
	}
	long.Sort()
	if names := long.Names(); long[0].Name != "a" || long[19].Name != "t" || !reflect.DeepEqual(names, []string{
		"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t"}) {
		t.Errorf("long sort = %v", long)
	}

	h := Headers{hf("A", "1", "2"), {Name: "B"}, {Name: "C", Values: []string{}}, hf("D", "3")}
	c := h.Clone()
	if !reflect.DeepEqual(c, h) {
		t.Fatalf("clone = %#v, want %#v", c, h)
	}
	c[0].Values[0] = "x"
	c[0].Values = append(c[0].Values, "appended") // must not write into D's values
	if h[0].Values[0] != "1" || c[3].Values[0] != "3" {
		t.Errorf("clone shares values: %v / %v", h, c)
	}
	if Headers(nil).Clone() != nil || Query(nil).Clone() != nil {
		t.Error("a nil list cloned to non-nil")
	}
}
