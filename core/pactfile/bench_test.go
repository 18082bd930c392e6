package pactfile

import (
	"fmt"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/libpact/libpact/core/model"
)

// benchPact builds a pact of n realistic HTTP interactions: headers, a query,
// a JSON request and response body, a few matching rules and a generator.
// Written as V4 it takes 3.2 kB an interaction (32 MB for 10,000), twice the
// mean of the 386 real pacts of the conformance data (1.5 kB; median 0.9 kB),
// whose bodies are 150 bytes on average (median 70, 90th percentile 290):
// its bodies (110 and 130 bytes, unsorted keys) are typical.
func benchPact(n int) *model.Pact {
	p := model.NewPact("web", "api", model.V4)
	for k := 0; k < n; k++ {
		i := p.AddInteraction(model.HTTP, fmt.Sprintf("request %05d for an order", k))
		i.ProviderStates = []model.ProviderState{{Name: "order exists", Params: map[string]any{"id": float64(k)}}}
		i.Request.Method = "POST"
		i.Request.Path = fmt.Sprintf("/orders/%d/lines", k)
		i.Request.Query = model.Query{{Name: "expand", Values: []string{"lines", "customer"}}, {Name: "page", Values: []string{"1"}}}
		i.Request.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}, {Name: "Accept", Values: []string{"application/json"}}, {Name: "X-Request-Id", Values: []string{fmt.Sprintf("req-%d", k)}}}
		i.Request.Body = model.PresentBody([]byte(fmt.Sprintf(`{"sku":"SKU-%d","qty":%d,"price":12.50,"notes":"deliver to the back door","tags":["a","b","c"]}`, k, k%7)), "")
		i.Request.MatchingRules = model.MatchingRules{}
		i.Request.MatchingRules.Add(model.CategoryBody, "$.sku", model.Rule{Kind: model.Regex, Regex: `SKU-\d+`})
		i.Request.MatchingRules.Add(model.CategoryHeader, "X-Request-Id", model.Rule{Kind: model.Type})
		i.Response.Status = 201
		i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json; charset=utf-8"}}, {Name: "Location", Values: []string{fmt.Sprintf("/orders/%d", k)}}}
		i.Response.Body = model.PresentBody([]byte(fmt.Sprintf(`{"id":%d,"status":"CREATED","lines":[{"sku":"SKU-%d","qty":1,"price":12.5}],"createdAt":"2024-05-01T10:00:00Z"}`, k, k)), "")
		i.Response.MatchingRules = model.MatchingRules{}
		i.Response.MatchingRules.Add(model.CategoryBody, "$.id", model.Rule{Kind: model.Integer})
		i.Response.MatchingRules.Add(model.CategoryBody, "$.lines", model.Rule{Kind: model.MinType, Min: 1})
		i.Response.MatchingRules.Add(model.CategoryBody, "$.createdAt", model.Rule{Kind: model.Timestamp, Format: "yyyy-MM-dd'T'HH:mm:ssX"})
		i.Response.Generators = model.Generators{}
		i.Response.Generators.Add(model.CategoryBody, "$.id", model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 1000}})
	}
	return p
}

// BenchmarkReadWrite10k writes a 10,000-interaction V4 pact and parses it
// back (one op = Marshal + Parse).
func BenchmarkReadWrite10k(b *testing.B) {
	p := benchPact(10000)
	data, _, err := Marshal(p, model.V4)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for n := 0; n < b.N; n++ {
		out, _, err := Marshal(p, model.V4)
		if err != nil {
			b.Fatal(err)
		}
		back, _, err := Parse(out)
		if err != nil || len(back.Interactions) != 10000 {
			b.Fatalf("read back: %v", err)
		}
	}
}

// BenchmarkReadWrite10kV3 is BenchmarkReadWrite10k for a V3 pact, which
// takes the full reader and writer (the fast paths are V4 only).
func BenchmarkReadWrite10kV3(b *testing.B) {
	p := benchPact(10000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for n := 0; n < b.N; n++ {
		out, _, err := Marshal(p, model.V3)
		if err != nil {
			b.Fatal(err)
		}
		back, _, err := Parse(out)
		if err != nil || len(back.Interactions) != 10000 {
			b.Fatalf("read back: %v", err)
		}
	}
}

// BenchmarkWrite10k and BenchmarkRead10k split the same work.
func BenchmarkWrite10k(b *testing.B) {
	p := benchPact(10000)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for n := 0; n < b.N; n++ {
		if _, _, err := Marshal(p, model.V4); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead10k(b *testing.B) {
	data, _, _ := Marshal(benchPact(10000), model.V4)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for n := 0; n < b.N; n++ {
		if _, _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuTime returns the CPU time (user + system) the process has used. On a
// machine shared with other work it measures the cost better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestParallelMatchesSequential checks that long interaction lists, which are
// read and encoded on several goroutines, give exactly what one goroutine
// gives: bytes, interactions, warnings and their order.
func TestParallelMatchesSequential(t *testing.T) {
	p := benchPact(1500)
	p.Interactions[700].Pending = true // a warning from the middle when written as V3
	par, parWarn, err := Marshal(p, model.V3)
	if err != nil {
		t.Fatal(err)
	}
	pp, ppWarn, err := Parse(par)
	if err != nil {
		t.Fatal(err)
	}
	old := parallelMin
	parallelMin = 1 << 30
	defer func() { parallelMin = old }()
	seq, seqWarn, _ := Marshal(p, model.V3)
	sp, spWarn, _ := Parse(seq)
	if string(par) != string(seq) || fmt.Sprint(parWarn) != fmt.Sprint(seqWarn) {
		t.Errorf("parallel write differs from the sequential one")
	}
	if len(parWarn) != 1 {
		t.Errorf("warnings = %v", parWarn)
	}
	if len(pp.Interactions) != 1500 || fmt.Sprint(ppWarn) != fmt.Sprint(spWarn) {
		t.Errorf("parallel read: %d interactions, warnings %v vs %v", len(pp.Interactions), ppWarn, spWarn)
	}
	for n := range pp.Interactions {
		if pp.Interactions[n].Description != sp.Interactions[n].Description {
			t.Fatalf("interaction %d: %s vs %s", n, pp.Interactions[n].Description, sp.Interactions[n].Description)
		}
	}
}

// TestParallelWriteOutgrowsEstimate: interactions far larger than the
// writer's size estimate (which then puts the result together in a new
// buffer) give the same bytes in parallel as in sequence, and so do shares
// with no interaction at all.
func TestParallelWriteOutgrowsEstimate(t *testing.T) {
	p := benchPact(600)
	big := []byte(`{"notes":"` + strings.Repeat("x", 9000) + `"}`)
	for n, i := range p.Interactions {
		if n%2 == 0 {
			i.Response.Body = model.PresentBody(big, "application/json")
		}
	}
	par, _, err := Marshal(p, model.V4)
	if err != nil {
		t.Fatal(err)
	}
	old := parallelMin
	parallelMin = 1 << 30
	seq, _, _ := Marshal(p, model.V4)
	parallelMin = old
	if string(par) != string(seq) {
		t.Errorf("parallel write of large interactions differs from the sequential one")
	}
	if !strings.Contains(string(par), strings.Repeat("x", 9000)) {
		t.Errorf("the large bodies are missing")
	}
	small := benchPact(3)
	seq, _, _ = Marshal(small, model.V4)
	parallelMin, old = 1, parallelMin
	procs := runtime.GOMAXPROCS(8) // 8 shares for 3 interactions
	par, _, _ = Marshal(small, model.V4)
	runtime.GOMAXPROCS(procs)
	parallelMin = old
	if string(par) != string(seq) {
		t.Errorf("parallel write with empty shares differs:\n%s\n---\n%s", par, seq)
	}
}
