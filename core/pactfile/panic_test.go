package pactfile

import (
	"runtime"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// parallelPanics runs f with the parallel read/write paths forced on and
// returns what it panicked with, or nil. Without the re-panic on the calling
// goroutine, a panic in a worker ends the whole test binary (and, through
// the C ABI, the host process) instead.
func parallelPanics(t *testing.T, f func()) (p any) {
	t.Helper()
	old, procs := parallelMin, runtime.GOMAXPROCS(4)
	parallelMin = 1
	defer func() {
		parallelMin = old
		runtime.GOMAXPROCS(procs)
		p = recover()
	}()
	f()
	return nil
}

func TestParallelReadPanicReachesCaller(t *testing.T) {
	list := &elems{vals: []any{1, 2, 3, 4, 5, 6, 7, 8}}
	r := &reader{}
	p := parallelPanics(t, func() {
		r.each(list, func(_ *reader, n int, _ any) (*model.Interaction, error) {
			if n == 6 {
				panic("boom in a reader")
			}
			return &model.Interaction{}, nil
		}, false)
	})
	if p != "boom in a reader" {
		t.Errorf("recovered %v, want the worker's panic", p)
	}
}

func TestParallelWritePanicReachesCaller(t *testing.T) {
	p := model.NewPact("c", "p", model.V3)
	for range 8 {
		p.AddInteraction(model.HTTP, "i")
	}
	p.Interactions[5] = nil // a writer dereferences it
	got := parallelPanics(t, func() { (&writer{ver: model.V3}).encodeInteractions(p.Interactions, nil, nil) })
	if got == nil {
		t.Error("encoding a nil interaction did not panic on the caller's goroutine")
	}
}
