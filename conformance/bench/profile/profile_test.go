// Package profile holds Go benchmarks that redo, without the C boundary, the
// work of the side-by-side scenarios of bench.c, so that they can be
// profiled with the Go tools:
//
//	go test -run '^$' -bench 'Build10k' -cpuprofile /tmp/e.prof ./conformance/bench/profile
//	go tool pprof -top /tmp/e.prof
//
// Each benchmark makes the same core calls as the ffi functions bench.c
// calls (ffi/pact.go, ffi/interaction.go, ffi/mockserver.go).
package profile

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/consumer"
	"github.com/libpact/libpact/core/mockserver"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// addItem mirrors add_item_interaction in bench.c (rich: with header and query).
func addItem(tb testing.TB, b *consumer.Builder, n int, rich bool) {
	tb.Helper()
	idx, err := b.NewInteraction(model.HTTP, fmt.Sprintf("a request for item %d", n))
	if err != nil {
		tb.Fatal(err)
	}
	i, err := b.Interaction(idx)
	if err != nil {
		tb.Fatal(err)
	}
	fields := `{"pact:matcher:type": "regex", "regex": "^[a-z,]+$", "value": "id,name"}`
	body := fmt.Sprintf(`{"id": {"pact:matcher:type": "integer", "value": %d}, `+
		`"name": {"pact:matcher:type": "type", "value": "item %d"}, `+
		`"tags": {"pact:matcher:type": "type", "min": 1, "value": ["new"]}, `+
		`"updated": {"pact:matcher:type": "regex", "regex": "^\\d{4}-\\d{2}-\\d{2}$", "value": "2024-01-0%d"}}`,
		n, n, 1+n%9)
	steps := []error{
		i.Given(fmt.Sprintf("item %d exists", n)),
		i.WithRequest("GET", fmt.Sprintf("/items/%d", n)),
	}
	if rich {
		steps = append(steps,
			i.WithHeader(consumer.Request, "Accept", 0, "application/json"),
			i.WithQueryParameter("fields", 0, &fields))
	}
	steps = append(steps,
		i.ResponseStatus(200),
		i.WithHeader(consumer.Response, "Content-Type", 0, "application/json"),
		i.WithBody(consumer.Response, "application/json", body))
	for _, err := range steps {
		if err != nil {
			tb.Fatal(err)
		}
	}
}

func build(tb testing.TB, n int) *consumer.Builder {
	b := consumer.New("bench-consumer", "bench-provider")
	for k := range n {
		addItem(tb, b, k, true)
	}
	return b
}

// BenchmarkBuild10k is scenario e: 10,000 interactions through the builder.
// Besides the time and allocations per build it reports live-B/interaction:
// the heap the finished pact keeps, per interaction, after a collection.
func BenchmarkBuild10k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		build(b, 10000)
	}
	b.StopTimer()
	b.ReportMetric(float64(retained(b, 10000))/10000, "live-B/interaction")
}

// modelOnly builds the pact that build(n) builds, object by object, with no
// parsing and no builder: what the model itself costs to allocate and
// collect, the floor for any way of building it.
func modelOnly(n int) *model.Pact {
	p := model.NewPact("bench-consumer", "bench-provider", model.V3)
	for k := range n {
		i := p.AddInteraction(model.HTTP, fmt.Sprintf("a request for item %d", k))
		i.ProviderStates = append(i.ProviderStates, model.ProviderState{Name: fmt.Sprintf("item %d exists", k)})
		q := &i.Request
		q.Path = fmt.Sprintf("/items/%d", k)
		q.Headers = model.Headers{{Name: "Accept", Values: []string{"application/json"}}}
		q.Query = model.Query{{Name: "fields", Values: []string{"id,name"}}}
		q.MatchingRules.Add(model.CategoryQuery, "fields", model.Rule{Kind: model.Regex, Regex: "^[a-z,]+$"})
		r := &i.Response
		r.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
		r.Body = model.PresentBody([]byte(fmt.Sprintf(`{"id":%d,"name":"item %d","tags":["new"],"updated":"2024-01-0%d"}`, k, k, 1+k%9)),
			"application/json")
		r.MatchingRules.Add(model.CategoryBody, "$.id", model.Rule{Kind: model.Integer})
		r.MatchingRules.Add(model.CategoryBody, "$.name", model.Rule{Kind: model.Type})
		r.MatchingRules.Add(model.CategoryBody, "$.tags", model.Rule{Kind: model.MinType, Min: 1})
		r.MatchingRules.Add(model.CategoryBody, "$.updated", model.Rule{Kind: model.Regex, Regex: `^\d{4}-\d{2}-\d{2}$`})
	}
	return p
}

// BenchmarkModelOnly10k builds the pact of BenchmarkBuild10k with modelOnly:
// compare the two to see what the builder, the integration-JSON processing
// and the C boundary add to the model's own cost.
func BenchmarkModelOnly10k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		modelOnly(10000)
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p := modelOnly(10000)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(p)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/10000, "live-B/interaction")
}

// The lean* types are a sketch of a leaner interaction model, for
// BenchmarkLeanModel10k only: small slices instead of maps, a rule of its
// kind and common attributes with a pointer to the rare ones, message parts
// left out. Nothing else uses them.
type (
	leanRule struct {
		Kind     model.RuleKind
		Min, Max int32
		Regex    string
		Rare     *model.Rule // every other attribute, when a rule has any
	}
	leanRules struct {
		Category model.Category
		Path     string
		Rules    []leanRule
	}
	leanHeader struct {
		Name   string
		Values []string
	}
	leanPart struct {
		Headers     []leanHeader
		Body        []byte
		ContentType string
		Rules       []leanRules
	}
	leanInteraction struct {
		Description  string
		States       []model.ProviderState
		Method, Path string
		Query        []leanHeader
		Request      leanPart
		Status       int
		Response     leanPart
	}
)

// leanModel builds the pact of modelOnly in the lean* types, each part's
// slices made at their final size as a builder that knows its model could.
func leanModel(n int) []*leanInteraction {
	out := make([]*leanInteraction, 0, n)
	for k := range n {
		i := &leanInteraction{Description: fmt.Sprintf("a request for item %d", k), Method: "GET", Status: 200}
		i.States = []model.ProviderState{{Name: fmt.Sprintf("item %d exists", k)}}
		i.Path = fmt.Sprintf("/items/%d", k)
		i.Request.Headers = []leanHeader{{"Accept", []string{"application/json"}}}
		i.Query = []leanHeader{{"fields", []string{"id,name"}}}
		i.Request.Rules = []leanRules{{model.CategoryQuery, "fields", []leanRule{{Kind: model.Regex, Regex: "^[a-z,]+$"}}}}
		i.Response.Headers = []leanHeader{{"Content-Type", []string{"application/json"}}}
		i.Response.Body = []byte(fmt.Sprintf(`{"id":%d,"name":"item %d","tags":["new"],"updated":"2024-01-0%d"}`, k, k, 1+k%9))
		i.Response.ContentType = "application/json"
		rules := make([]leanRule, 4)
		rules[0] = leanRule{Kind: model.Integer}
		rules[1] = leanRule{Kind: model.Type}
		rules[2] = leanRule{Kind: model.MinType, Min: 1}
		rules[3] = leanRule{Kind: model.Regex, Regex: `^\d{4}-\d{2}-\d{2}$`}
		i.Response.Rules = []leanRules{
			{model.CategoryBody, "$.id", rules[0:1:1]}, {model.CategoryBody, "$.name", rules[1:2:2]},
			{model.CategoryBody, "$.tags", rules[2:3:3]}, {model.CategoryBody, "$.updated", rules[3:4:4]},
		}
		out = append(out, i)
	}
	return out
}

// BenchmarkLeanModel10k is BenchmarkModelOnly10k for the lean* sketch: what
// scenario e's pact would cost in a leaner model (see README.md, "e, second
// round").
func BenchmarkLeanModel10k(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		leanModel(10000)
	}
	b.StopTimer()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p := leanModel(10000)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(p)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/10000, "live-B/interaction")
}

// retained returns the bytes of heap that a pact of n interactions keeps
// alive once built.
func retained(tb testing.TB, n int) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p := build(tb, n)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(p)
	return after.HeapAlloc - before.HeapAlloc
}

// BenchmarkWrite10k is scenario f: writing the pact of BenchmarkBuild10k.
func BenchmarkWrite10k(b *testing.B) {
	p := build(b, 10000).Pact
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pactfile.Write(p, dir, p.SpecVersion, true); err != nil {
			b.Fatal(err)
		}
	}
}

// lifecycle is one cycle of scenario a: a pact of one interaction, a mock
// server on port 0, one request on a new connection closed with a reset (as
// bench.c does), matched, close.
func lifecycle(tb testing.TB) {
	b := consumer.New("bench-consumer", "bench-provider")
	idx, err := b.NewInteraction(model.HTTP, "a request for the status")
	if err != nil {
		tb.Fatal(err)
	}
	i, _ := b.Interaction(idx)
	if err := i.WithRequest("GET", "/status"); err != nil {
		tb.Fatal(err)
	}
	if err := i.ResponseStatus(200); err != nil {
		tb.Fatal(err)
	}
	if err := i.WithBody(consumer.Response, "application/json", `{"status": "up"}`); err != nil {
		tb.Fatal(err)
	}
	b.Lock()
	p := b.Pact.Clone()
	s, err := mockserver.New(p, mockserver.Config{Addr: "127.0.0.1:0", SpecVersion: p.SpecVersion})
	if err != nil {
		tb.Fatal(err)
	}
	if err := s.Start(); err != nil {
		tb.Fatal(err)
	}
	c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", s.Port()))
	if err != nil {
		tb.Fatal(err)
	}
	io.WriteString(c, "GET /status HTTP/1.1\r\nHost: bench\r\n\r\n")
	buf := make([]byte, 4096)
	got := ""
	for !strings.Contains(got, `"up"}`) {
		n, err := c.Read(buf)
		if err != nil {
			tb.Fatalf("read: %v (got %q)", err, got)
		}
		got += string(buf[:n])
	}
	c.(*net.TCPConn).SetLinger(0)
	c.Close()
	if !strings.HasPrefix(got, "HTTP/1.1 200") {
		tb.Fatalf("response %q", got)
	}
	if !s.Matched() {
		tb.Fatal("not matched")
	}
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkLifecycle is scenario a.
func BenchmarkLifecycle(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lifecycle(b)
	}
}

// TestScenarios runs each scenario once, so that the benchmarks stay working.
func TestScenarios(t *testing.T) {
	lifecycle(t)
	b := build(t, 50)
	if len(b.Pact.Interactions) != 50 {
		t.Fatalf("%d interactions", len(b.Pact.Interactions))
	}
	dir := t.TempDir()
	path, err := pactfile.Write(b.Pact, dir, b.Pact.SpecVersion, true)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || filepath.Dir(path) != dir {
		t.Fatalf("%s: %v", path, err)
	}
	if n := strings.Count(string(data), `"description"`); n != 50 {
		t.Errorf("pact file has %d descriptions, want 50", n)
	}
}
