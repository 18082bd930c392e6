package model

import (
	"strings"
	"testing"
)

func TestParseV2RuleKey(t *testing.T) {
	tests := []struct {
		key  string
		cat  Category
		path string
		ok   bool
	}{
		{"$.body", CategoryBody, "$", true},
		{"$.body.a[0].b", CategoryBody, "$.a[0].b", true},
		{"$.body[*].a", CategoryBody, "$[*].a", true},
		{"$.body.one", CategoryBody, "$.one", true},
		{"$.Body.a", CategoryBody, "$.a", true},
		{"$.headers.Content-Type", CategoryHeader, "Content-Type", true},
		{"$.header.x-test", CategoryHeader, "x-test", true},
		{"$.header.X-Other", CategoryHeader, "X-Other", true},
		{"$.headers['X Y']", CategoryHeader, "X Y", true},
		{"$.headers['x-test']", CategoryHeader, "x-test", true},
		{"$.HEADERS.X", CategoryHeader, "X", true},
		{"$.headers.X[0]", CategoryHeader, "X", true},
		{"$.headers['X Y'][1]", CategoryHeader, "X Y", true},
		{"$.headers.X.Y", CategoryHeader, "X.Y", true},
		{"$.query.q1", CategoryQuery, "q1", true},
		{"$.query.rate[0]", CategoryQuery, "rate", true},
		{"$.query.rate[*]", CategoryQuery, "rate", true},
		{"$.query['a b']", CategoryQuery, "a b", true},
		{"$.metadata.contentType", CategoryMetadata, "contentType", true},
		{"$.path", CategoryPath, "", true},
		{"$.method", CategoryMethod, "", true},
		{"$.status", CategoryStatus, "", true},
		{"$.path.x", "", "", false},
		{"$.status[0]", "", "", false},
		{"$.headers", "", "", false},
		{"$.query", "", "", false},
		{"$.nothing", "", "", false},
		{"$.bodyx", "", "", false},
		{"$", "", "", false},
		{"body.a", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		c, p, ok := ParseV2RuleKey(tt.key)
		if c != tt.cat || p != tt.path || ok != tt.ok {
			t.Errorf("ParseV2RuleKey(%q) = %q %q %v; want %q %q %v", tt.key, c, p, ok, tt.cat, tt.path, tt.ok)
		}
	}
}

func FuzzParseV2RuleKey(f *testing.F) {
	for _, k := range []string{"$.body.a[0]", "$.headers['X Y'][1]", "$.query.rate[*]", "$.path", "$.metadata.", "$.header[", "$"} {
		f.Add(k)
	}
	f.Fuzz(func(t *testing.T, key string) {
		c, p, ok := ParseV2RuleKey(key)
		if !ok {
			if c != "" || p != "" {
				t.Fatalf("ParseV2RuleKey(%q) = %q %q, false", key, c, p)
			}
			return
		}
		switch c {
		case CategoryBody:
			if !strings.HasPrefix(p, "$") {
				t.Fatalf("ParseV2RuleKey(%q): body path %q", key, p)
			}
		case CategoryPath, CategoryMethod, CategoryStatus:
			if p != "" {
				t.Fatalf("ParseV2RuleKey(%q): %s path %q", key, c, p)
			}
		case CategoryHeader, CategoryQuery, CategoryMetadata:
			// A quoted name may hold escapes ("['a\\'b']" names a'b); any
			// other name is found in the key as written.
			if p == "" || !strings.Contains(key, `\`) && !strings.Contains(key, p) {
				t.Fatalf("ParseV2RuleKey(%q): name %q is not in the key", key, p)
			}
		default:
			t.Fatalf("ParseV2RuleKey(%q): category %q", key, c)
		}
	})
}
