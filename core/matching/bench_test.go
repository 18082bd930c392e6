package matching

import (
	"fmt"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// largeArray returns a JSON array of n objects (about 125 bytes each).
func largeArray(n int) []byte {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"%08d","sku":"SKU-%06d","name":"item number %d","price":%d.%02d,"active":%v,"tags":["a","b"],"owner":{"n":%d}}`,
			i, i, i, i%1000, i%100, i%2 == 0, i%7)
	}
	b.WriteByte(']')
	return []byte(b.String())
}

// BenchmarkMatchLargeArray matches a 2.5 MB array of 20,000 objects against
// a one-item example with a min-1 type rule at "$" and a regex on "$[*].id".
func BenchmarkMatchLargeArray(b *testing.B) {
	actual := largeArray(20000)
	expected := largeArray(1)
	rules := model.MatchingRules{}
	rules.Add(model.CategoryBody, "$", model.Rule{Kind: model.MinType, Min: 1})
	rules.Add(model.CategoryBody, "$[*].id", model.Rule{Kind: model.Regex, Regex: `\d{8}`})
	h := model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
	eb := model.PresentBody(expected, "")
	ab := model.PresentBody(actual, "")
	if mm := MatchBody(eb, ab, h, h, rules, true); len(mm) != 0 {
		b.Fatalf("unexpected mismatches: %v", mm[:min(3, len(mm))])
	}
	b.SetBytes(int64(len(actual)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if mm := MatchBody(eb, ab, h, h, rules, true); len(mm) != 0 {
			b.Fatal("mismatch")
		}
	}
}
