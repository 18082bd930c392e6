package model

import "testing"

func TestParsePath(t *testing.T) {
	tests := []struct {
		in, want string
		wantErr  bool
	}{
		{"$", "$", false},
		{"$.a.b", "$.a.b", false},
		{"a.b", "$.a.b", false},
		{"$.a[0].b", "$.a[0].b", false},
		{"$.a[*].b", "$.a[*].b", false},
		{"$.*", "$.*", false},
		{"$['two words'].x", "$['two words'].x", false},
		{"$.body['2'].str", "$.body[2].str", false},
		{"$.alligator['@name']", "$.alligator.@name", false},
		{"$.a.#text", "$.a.#text", false},
		{"$.a[", "", true},
		{"$['x", "", true},
		{"$..a", "", true},
		{"$.a[x]", "", true},
	}
	for _, tt := range tests {
		p, err := ParsePath(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParsePath(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if err == nil && p.String() != tt.want {
			t.Errorf("ParsePath(%q) = %q, want %q", tt.in, p.String(), tt.want)
		}
	}
}

func TestWeight(t *testing.T) {
	item := []string{"$", "items", "0", "id"}
	tests := []struct {
		path string
		want int
	}{
		{"$", 2},
		{"$.items", 4},
		{"$.items[*].id", 8},
		{"$.items[0].id", 16},
		{"$.*[*].id", 4},
		{"$.items[1].id", 0},
		{"$.items[*].id.x", 0},
		{"$.other", 0},
	}
	for _, tt := range tests {
		if got := MustParsePath(tt.path).Weight(item); got != tt.want {
			t.Errorf("Weight(%s) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"$", "$.a.b", "$['x y'][*].z", "$.a[12]", "a.b", "$.*", "$['it\\'s']"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePath(s)
		if err != nil {
			return
		}
		// A parsed path renders to an expression that parses to the same steps.
		q, err := ParsePath(p.String())
		if err != nil {
			t.Fatalf("rendered path %q of %q does not parse: %v", p.String(), s, err)
		}
		if q.String() != p.String() {
			t.Fatalf("round trip of %q: %q then %q", s, p.String(), q.String())
		}
	})
}
