package main

import (
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/libpact/libpact/core/consumer"
)

func TestRegistryIDs(t *testing.T) {
	r := NewRegistry[string]("thing", 3)
	a, _ := r.Add("a")
	b, _ := r.Add("b")
	c, _ := r.Add("c")
	if a == 0 || b == 0 || c == 0 || a == b || b == c {
		t.Fatalf("ids %d %d %d", a, b, c)
	}
	if _, err := r.Add("d"); err == nil {
		t.Fatal("a full registry accepted another object")
	}
	if _, err := r.Remove(b); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Get(b); err == nil || !strings.Contains(err.Error(), "no thing with handle") {
		t.Fatalf("Get of a removed id: %v", err)
	}
	if _, err := r.Get(0); err == nil || !strings.Contains(err.Error(), "0") {
		t.Fatalf("Get(0): %v", err)
	}
	d, err := r.Add("d") // wraps around, never 0, reuses the free id
	if err != nil || d != b {
		t.Fatalf("after wrap: id %d err %v, want %d", d, err, b)
	}
	if r.Len() != 3 {
		t.Fatalf("Len = %d", r.Len())
	}
}

// TestRegistryHit checks the last-hit entry of Get against Remove and the
// reuse of an id: a removed id is unknown even right after a Get of it, and
// a reused id gives its new object.
func TestRegistryHit(t *testing.T) {
	r := NewRegistry[string]("thing", 2)
	a, _ := r.Add("a")
	b, _ := r.Add("b")
	for _, step := range []struct {
		id   uint64
		want string // "" for an error
		then func()
	}{
		{a, "a", nil},
		{a, "a", func() { r.Remove(a) }},
		{a, "", nil},
		{b, "b", func() { r.Remove(b) }},
		{b, "", func() { r.Add("c") }}, // the ids wrap: a again
		{a, "c", nil},
		{a, "c", func() { r.Add("d") }},
		{b, "d", nil},
		{a, "c", nil},
	} {
		v, err := r.Get(step.id)
		if step.want == "" && err == nil || step.want != "" && (err != nil || v != step.want) {
			t.Fatalf("Get(%d) = %q, %v; want %q", step.id, v, err, step.want)
		}
		if step.then != nil {
			step.then()
		}
	}
}

func TestRegistryNoEarlyReuse(t *testing.T) {
	r := NewRegistry[int]("thing", 100)
	a, _ := r.Add(1)
	r.Remove(a)
	b, _ := r.Add(2)
	if a == b {
		t.Fatalf("freed id %d reused at once", a)
	}
}

func TestPtrTable(t *testing.T) {
	p := newPtrTable[string]("Thing")
	x := p.Add("x")
	if v, err := p.Get(x); err != nil || v != "x" {
		t.Fatalf("Get = %q, %v", v, err)
	}
	var local int
	if _, err := p.Get(unsafe.Pointer(&local)); err == nil {
		t.Fatal("a foreign pointer was accepted")
	}
	if _, err := p.Get(nil); err == nil {
		t.Fatal("NULL was accepted")
	}
	if _, err := p.Remove(x); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Remove(x); err == nil {
		t.Fatal("double delete accepted")
	}
	if p.Len() != 0 {
		t.Fatalf("Len = %d", p.Len())
	}
}

func TestInteractionHandles(t *testing.T) {
	h, err := newPactHandle(consumer.New("c", "p"))
	if err != nil {
		t.Fatal(err)
	}
	var n int
	withPact(h, func(b *consumer.Builder) error { n, _ = b.NewInteraction(0, "one"); return nil })
	ih, _ := interactionHandle(h, n)
	if ih>>16 != uint32(h) || ih&0xFFFF != 1 {
		t.Fatalf("handle %x for pact %d", ih, h)
	}
	if err := withInteraction(ih, func(i *consumer.Interaction) error { return i.UponReceiving("two") }); err != nil {
		t.Fatal(err)
	}
	if err := withInteraction(ih+1, func(*consumer.Interaction) error { return nil }); err == nil {
		t.Fatal("interaction 2 of a pact with one was accepted")
	}
	if _, err := pacts.Remove(uint64(h)); err != nil {
		t.Fatal(err)
	}
	if err := withInteraction(ih, func(*consumer.Interaction) error { return nil }); err == nil {
		t.Fatal("an interaction of a freed pact was accepted")
	}
	if left := handleTablesEmpty(); len(left) != 0 {
		t.Fatalf("tables not empty: %v", left)
	}
}

func TestConcurrentPacts(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 200; k++ {
				h, err := newPactHandle(consumer.New("c", "p"))
				if err != nil {
					t.Error(err)
					return
				}
				withPact(h, func(b *consumer.Builder) error { _, err := b.NewInteraction(0, "i"); return err })
				withInteraction(uint32(h)<<16|1, func(i *consumer.Interaction) error { return i.WithRequest("GET", "/") })
				pacts.Remove(uint64(h))
			}
		}()
	}
	wg.Wait()
	if n := pacts.Len(); n != 0 {
		t.Fatalf("%d pacts left", n)
	}
}
