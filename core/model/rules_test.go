package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// pathsOf lists the paths of p in iteration order, each with its rule kinds
// and combine: "$.a:1,2/OR".
func pathsOf(p *PathRules) []string {
	var out []string
	for path, l := range p.All() {
		kinds := make([]string, len(l.Rules))
		for n, r := range l.Rules {
			kinds[n] = fmt.Sprint(int(r.Kind))
		}
		out = append(out, path+":"+strings.Join(kinds, ",")+"/"+l.Combine.String())
	}
	return out
}

func TestPathRules(t *testing.T) {
	integer, typ := Rule{Kind: Integer}, Rule{Kind: Type}
	tests := []struct {
		name  string
		build func(p *PathRules)
		want  []string // pathsOf after build
		empty bool
	}{
		{"zero value", func(p *PathRules) {}, nil, true},
		{"add keeps the order of first addition", func(p *PathRules) {
			p.Add("$.b", integer)
			p.Add("$.a", typ)
			p.Add("$.b", typ)
		}, []string{"$.b:7,2/AND", "$.a:2/AND"}, false},
		{"set replaces the list in place", func(p *PathRules) {
			p.Add("$.a", integer)
			p.Add("$.b", integer)
			p.Set("$.a", RuleList{Rules: []Rule{typ}, Combine: Or})
		}, []string{"$.a:2/OR", "$.b:7/AND"}, false},
		{"only empty lists", func(p *PathRules) { p.Set("$.a", RuleList{}) }, []string{"$.a:/AND"}, true},
		{"delete", func(p *PathRules) {
			for _, path := range []string{"$.a", "$.b", "$.c"} {
				p.Add(path, integer)
			}
			p.DeleteFunc(func(path string) bool { return path == "$.b" })
		}, []string{"$.a:7/AND", "$.c:7/AND"}, false},
		{"sort", func(p *PathRules) {
			for _, path := range []string{"$.c", "$.a", "$.b"} {
				p.Add(path, integer)
			}
			p.Sort()
		}, []string{"$.a:7/AND", "$.b:7/AND", "$.c:7/AND"}, false},
		{"a second rule leaves the next path's rule alone", func(p *PathRules) {
			for _, path := range []string{"$.a", "$.b", "$.c", "$.d", "$.e", "$.f"} {
				p.Add(path, integer)
			}
			for _, path := range []string{"$.a", "$.b", "$.d", "$.e"} {
				p.Add(path, typ)
			}
		}, []string{"$.a:7,2/AND", "$.b:7,2/AND", "$.c:7/AND", "$.d:7,2/AND", "$.e:7,2/AND", "$.f:7/AND"}, false},
		{"grow, then more paths than the room made", func(p *PathRules) {
			p.Grow(3)
			for _, path := range []string{"$.a", "$.b", "$.c", "$.d", "$.e"} {
				p.Add(path, integer)
			}
			p.Add("$.b", typ)
			p.Grow(2)
			p.Add("$.f", typ)
			p.Add("$.c", typ)
		}, []string{"$.a:7/AND", "$.b:7,2/AND", "$.c:7,2/AND", "$.d:7/AND", "$.e:7/AND", "$.f:2/AND"}, false},
		{"paths added after a delete", func(p *PathRules) {
			for _, path := range []string{"$.a", "$.b", "$.c"} {
				p.Add(path, integer)
			}
			p.DeleteFunc(func(path string) bool { return path == "$.a" })
			p.Add("$.d", typ)
			p.Add("$.e", typ)
			p.Add("$.b", typ)
		}, []string{"$.b:7,2/AND", "$.c:7/AND", "$.d:2/AND", "$.e:2/AND"}, false},
		{"get gives the held list", func(p *PathRules) {
			p.Add("$.a", integer)
			p.Get("$.a").Combine = Or
		}, []string{"$.a:7/OR"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p PathRules
			tt.build(&p)
			if got := pathsOf(&p); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("paths %q, want %q", got, tt.want)
			}
			if p.Len() != len(tt.want) || p.IsEmpty() != tt.empty {
				t.Errorf("Len %d, IsEmpty %v; want %d, %v", p.Len(), p.IsEmpty(), len(tt.want), tt.empty)
			}
			if p.Get("$.missing") != nil {
				t.Error("Get of a missing path is not nil")
			}
			c := p.Clone()
			if !reflect.DeepEqual(pathsOf(&c), tt.want) {
				t.Errorf("clone has %q", pathsOf(&c))
			}
		})
	}
	var nilp *PathRules
	if nilp.Len() != 0 || !nilp.IsEmpty() || nilp.Get("$") != nil || len(pathsOf(nilp)) != 0 {
		t.Error("a nil *PathRules is not empty")
	}
	nilp.DeleteFunc(func(string) bool { return true })
}

// TestPathRulesMany checks Add, Get, Set, DeleteFunc, Sort and Clone on a
// set large enough to be indexed, against a map.
func TestPathRulesMany(t *testing.T) {
	var p PathRules
	want := map[string]int{}
	const n = 3000
	for k := range n {
		path := fmt.Sprintf("$.f%d", (k*7919)%n)
		p.Add(path, Rule{Kind: Integer, Min: k})
		want[path] = k
	}
	p.Add("$.f5", Rule{Kind: Type}) // a second rule at an existing path
	check := func(p *PathRules, what string) {
		t.Helper()
		if p.Len() != len(want) {
			t.Fatalf("%s: %d paths, want %d", what, p.Len(), len(want))
		}
		for path, k := range want {
			l := p.Get(path)
			if l == nil || l.Rules[0].Min != k {
				t.Fatalf("%s: Get(%q) = %+v, want min %d", what, path, l, k)
			}
		}
		if p.Get("$.nope") != nil {
			t.Fatalf("%s: Get of a missing path is not nil", what)
		}
	}
	check(&p, "built")
	if l := p.Get("$.f5"); len(l.Rules) != 2 || l.Rules[1].Kind != Type {
		t.Fatalf("$.f5 = %+v", l)
	}
	c := p.Clone()
	check(&c, "clone")
	c.Get("$.f1").Rules[0].Min = -1
	if p.Get("$.f1").Rules[0].Min == -1 {
		t.Fatal("changing the clone changed the original")
	}
	p.DeleteFunc(func(path string) bool { return strings.HasSuffix(path, "7") })
	for path := range want {
		if strings.HasSuffix(path, "7") {
			delete(want, path)
		}
	}
	check(&p, "after DeleteFunc")
	p.Sort()
	check(&p, "sorted")
	p.Set("$.new", RuleList{Rules: []Rule{{Min: -2}}})
	want["$.new"] = -2
	check(&p, "after Set")
}

func TestMatchingRules(t *testing.T) {
	var m MatchingRules
	if !m.IsEmpty() || m.Get(CategoryBody, "$") != nil || m.Category(CategoryBody) != nil {
		t.Fatal("a nil MatchingRules is not empty")
	}
	m.Add(CategoryQuery, "q", Rule{Kind: Regex, Regex: "x"})
	m.Add(CategoryBody, "$.b", Rule{Kind: Integer})
	m.Add(CategoryBody, "$.a", Rule{Kind: Type})
	m.Set(CategoryPath, "", RuleList{Rules: []Rule{{Kind: Regex, Regex: "/p"}}, Combine: Or})
	m.Add(CategoryQuery, "r", Rule{Kind: Integer}) // past the block the first category came in
	m.Add(CategoryQuery, "q", Rule{Kind: Type})
	var cats []string
	for _, c := range m {
		cats = append(cats, string(c.Category)+"="+strings.Join(pathsOf(&c.Paths), " "))
	}
	want := []string{"query=q:1,2/AND r:7/AND", "body=$.b:7/AND $.a:2/AND", "path=:1/OR"}
	if !reflect.DeepEqual(cats, want) {
		t.Errorf("got %q\nwant %q", cats, want)
	}
	if m.IsEmpty() || m.Get(CategoryBody, "$.a").Rules[0].Kind != Type || m.Category(CategoryHeader) != nil {
		t.Error("lookups")
	}
	c := m.Clone()
	c.Get(CategoryQuery, "q").Rules[0].Regex = "y"
	if m.Get(CategoryQuery, "q").Rules[0].Regex != "x" {
		t.Error("changing the clone changed the original")
	}
	m.Sort()
	cats = cats[:0]
	for _, c := range m {
		cats = append(cats, string(c.Category)+"="+strings.Join(pathsOf(&c.Paths), " "))
	}
	want = []string{"body=$.a:2/AND $.b:7/AND", "path=:1/OR", "query=q:1,2/AND r:7/AND"}
	if !reflect.DeepEqual(cats, want) {
		t.Errorf("sorted: got %q\nwant %q", cats, want)
	}
	if !(MatchingRules{{Category: CategoryBody}}).IsEmpty() {
		t.Error("a category without paths is not empty")
	}
}

// BenchmarkPathRulesAdd10k adds 10,000 paths and looks each up: linear in
// the number of paths (the index), not quadratic.
func BenchmarkPathRulesAdd10k(b *testing.B) {
	paths := make([]string, 10000)
	for k := range paths {
		paths[k] = fmt.Sprintf("$.items[%d].id", k)
	}
	b.ReportAllocs()
	for b.Loop() {
		var p PathRules
		for _, path := range paths {
			p.Add(path, Rule{Kind: Integer})
		}
		for _, path := range paths {
			if p.Get(path) == nil {
				b.Fatal(path)
			}
		}
	}
}

// TestPathRulesGrowSizes adds paths of one rule, then a second rule to
// each, after every amount of room Grow can make: a carved list that ran
// into its neighbour would change the neighbour's first rule.
func TestPathRulesGrowSizes(t *testing.T) {
	for room := range 7 {
		for paths := range 11 {
			var p PathRules
			p.Grow(room)
			for k := range paths {
				p.Add(fmt.Sprint(k), Rule{Kind: Integer, Min: k})
			}
			for k := range paths {
				p.Add(fmt.Sprint(k), Rule{Kind: Type, Min: -k})
			}
			for k := range paths {
				l := p.Get(fmt.Sprint(k))
				if l == nil || len(l.Rules) != 2 || l.Rules[0] != (Rule{Kind: Integer, Min: k}) || l.Rules[1] != (Rule{Kind: Type, Min: -k}) {
					t.Fatalf("Grow(%d), %d paths: path %d has %+v", room, paths, k, l)
				}
			}
		}
	}
}
