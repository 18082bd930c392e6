package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/libpact/libpact/core/consumer"
)

// Registry is a table of live objects addressed by small integer ids, the
// way pact_ffi hands out PactHandle values: a map behind a mutex. Ids are
// never zero and are not reused until the counter wraps around max, so a
// stale handle is reported as unknown rather than silently hitting a newer
// object.
//
//	r := NewRegistry[*pactEntry]("pact", 0xFFFF)
//	id, err := r.Add(e)
//	e, err = r.Get(id) // error, never a panic, for 0 or a freed id
type Registry[T any] struct {
	name string
	max  uint64

	mu    sync.Mutex
	next  uint64       // guarded by mu: last id handed out
	items map[uint64]T // guarded by mu
	// hit is the entry Get found last, so that the next Get of the same id
	// (a client builds one pact for many calls in a row) takes no lock.
	// It is set under mu, and Remove clears it under mu before the id can
	// be handed out again.
	hit atomic.Pointer[registryHit[T]]
}

// registryHit is an id of a Registry with its object.
type registryHit[T any] struct {
	id uint64
	v  T
}

// NewRegistry returns an empty registry whose ids run from 1 to max.
// name appears in error messages ("no pact with handle 7").
func NewRegistry[T any](name string, max uint64) *Registry[T] {
	return &Registry[T]{name: name, max: max, items: map[uint64]T{}}
}

// Add stores v and returns its new id. It fails only when every id from 1 to
// max is live.
func (r *Registry[T]) Add(v T) (uint64, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if uint64(len(r.items)) >= r.max {
		return 0, fmt.Errorf("too many live %s handles (%d); free some first", r.name, r.max)
	}
	for {
		r.next++
		if r.next > r.max {
			r.next = 1
		}
		if _, taken := r.items[r.next]; !taken {
			r.items[r.next] = v
			return r.next, nil
		}
	}
}

// Get returns the object with id, or an error naming the registry when there
// is none (0, freed, or never handed out).
func (r *Registry[T]) Get(id uint64) (T, error) {
	if h := r.hit.Load(); h != nil && h.id == id {
		return h.v, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.items[id]
	if ok {
		r.hit.Store(&registryHit[T]{id: id, v: v})
	}
	if !ok {
		var zero T
		if id == 0 {
			return zero, fmt.Errorf("%s handle is 0, which is never a valid handle", r.name)
		}
		return zero, fmt.Errorf("no %s with handle %d (it was never created or has been freed)", r.name, id)
	}
	return v, nil
}

// Remove deletes id and returns what it held. It is an error if id is not live.
func (r *Registry[T]) Remove(id uint64) (T, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v, ok := r.items[id]
	if !ok {
		var zero T
		return zero, fmt.Errorf("no %s with handle %d (it was never created or has been freed)", r.name, id)
	}
	delete(r.items, id)
	if h := r.hit.Load(); h != nil && h.id == id {
		r.hit.Store(nil)
	}
	return v, nil
}

// Len returns the number of live ids.
func (r *Registry[T]) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.items)
}

// Each calls f for every live entry, under the lock: f must not call back
// into r.
func (r *Registry[T]) Each(f func(id uint64, v T)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for id, v := range r.items {
		f(id, v)
	}
}

// ptrTable maps C-stable pointers to Go values, for the opaque struct
// pointers of the ABI (struct Pact *, struct Message *, iterators, ...).
// Each object gets a fresh one-byte C.malloc allocation as its token: the
// address is stable, unique among live objects, and not a Go pointer, so C
// may keep it. Pointers that did not come from the table (NULL, freed,
// foreign) are rejected with an error instead of being dereferenced.
//
//	var messages = newPtrTable[*model.Interaction]("Message")
//	p := messages.Add(i)          // unsafe.Pointer to hand to C
//	i, err := messages.Get(p)     // error for NULL or an unknown pointer
//	messages.Remove(p)            // frees the token
type ptrTable[T any] struct {
	name string

	mu    sync.Mutex
	items map[uintptr]T // guarded by mu
}

// newPtrTable returns an empty table; name is the C type name used in errors.
func newPtrTable[T any](name string) *ptrTable[T] {
	return &ptrTable[T]{name: name, items: map[uintptr]T{}}
}

// Add stores v and returns its token pointer.
func (t *ptrTable[T]) Add(v T) unsafe.Pointer {
	p := C.malloc(1)
	if p == nil {
		panic("out of memory allocating a " + t.name + " token")
	}
	t.mu.Lock()
	t.items[uintptr(p)] = v
	t.mu.Unlock()
	return p
}

// Get returns the value behind p, or an error when p is NULL or not a live
// pointer of this table.
func (t *ptrTable[T]) Get(p unsafe.Pointer) (T, error) {
	var zero T
	if p == nil {
		return zero, fmt.Errorf("%s pointer is NULL", t.name)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.items[uintptr(p)]
	if !ok {
		return zero, fmt.Errorf("%s pointer %p is not a live %s created by libpact (already deleted, or another type)", t.name, p, t.name)
	}
	return v, nil
}

// Remove forgets p and frees its token. It returns an error for NULL or an
// unknown pointer, and frees nothing then.
func (t *ptrTable[T]) Remove(p unsafe.Pointer) (T, error) {
	var zero T
	if p == nil {
		return zero, fmt.Errorf("%s pointer is NULL", t.name)
	}
	t.mu.Lock()
	v, ok := t.items[uintptr(p)]
	if ok {
		delete(t.items, uintptr(p))
	}
	t.mu.Unlock()
	if !ok {
		return zero, fmt.Errorf("%s pointer %p is not a live %s created by libpact (already deleted, or another type)", t.name, p, t.name)
	}
	C.free(p)
	return v, nil
}

// Len returns the number of live pointers.
func (t *ptrTable[T]) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.items)
}

// tableLens holds the Len of every handle table, by name, for
// handleTablesEmpty. Files that declare a table register it in an init func:
//
//	func init() { registerTable("messages", messages.Len) }
var (
	tableLensMu sync.Mutex
	tableLens   = map[string]func() int{}
)

func registerTable(name string, length func() int) {
	tableLensMu.Lock()
	defer tableLensMu.Unlock()
	tableLens[name] = length
}

// handleTablesEmpty returns the tables that still hold objects, with their
// counts; an empty map means nothing leaked. Tests call it at the end.
func handleTablesEmpty() map[string]int {
	tableLensMu.Lock()
	defer tableLensMu.Unlock()
	out := map[string]int{}
	for name, length := range tableLens {
		if n := length(); n > 0 {
			out[name] = n
		}
	}
	return out
}

// pactEntry is one live pact handle (PactHandle or MessagePactHandle; both
// live in the pacts table, as in pact_ffi). mu serializes every call that
// reads or changes the pact.
type pactEntry struct {
	mu sync.Mutex
	b  *consumer.Builder // guarded by mu
}

// pacts is the table behind PactHandle and MessagePactHandle values.
var pacts = NewRegistry[*pactEntry]("pact", 0xFFFF)

func init() { registerTable("pacts", pacts.Len) }

// newPactHandle registers b and returns its handle.
func newPactHandle(b *consumer.Builder) (uint16, error) {
	id, err := pacts.Add(&pactEntry{b: b})
	return uint16(id), err
}

// withPact runs f on the pact behind h, holding the pact's lock.
//
//	err := withPact(uint16(pact), func(b *consumer.Builder) error { return b.SetSpecVersion(v) })
func withPact(h uint16, f func(b *consumer.Builder) error) error {
	e, err := pacts.Get(uint64(h))
	if err != nil {
		return err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return f(e.b)
}

// interactionHandle packs a pact handle and a 1-based interaction index the
// way pact_ffi does: pact << 16 | index.
func interactionHandle(pact uint16, index int) (uint32, error) {
	if index < 1 || index > 0xFFFF {
		return 0, fmt.Errorf("a pact can hold at most 65535 interactions through the C API")
	}
	return uint32(pact)<<16 | uint32(index), nil
}

// splitInteraction unpacks an InteractionHandle (or MessageHandle).
func splitInteraction(h uint32) (pact uint16, index int) {
	return uint16(h >> 16), int(h & 0xFFFF)
}

// withInteraction runs f on the interaction behind h (an InteractionHandle
// or a MessageHandle), holding its pact's lock. Errors say which part of the
// handle is wrong.
func withInteraction(h uint32, f func(i *consumer.Interaction) error) error {
	if h == 0 {
		return fmt.Errorf("interaction handle is 0, which is never a valid handle")
	}
	ph, n := splitInteraction(h)
	e, err := pacts.Get(uint64(ph))
	if err != nil {
		return fmt.Errorf("interaction handle %d: %w", h, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	i, err := e.b.Interaction(n)
	if err != nil {
		return fmt.Errorf("interaction handle %d: %w", h, err)
	}
	return f(i)
}
