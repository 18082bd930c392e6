package main

import (
	"strings"
	"sync"
	"testing"
	"unsafe"

	"github.com/libpact/libpact/core/model"
)

// The object table behind every model pointer: ownership (borrowed children
// go with their owner), kind checks, stale pointers and borrowed bytes.

func TestObjectOwnership(t *testing.T) {
	modelMu.Lock()
	defer modelMu.Unlock()
	before := len(objects)

	i := model.NewInteraction(model.SyncMessage, "m")
	owner := newObject(kindSyncMessage, i, nil, 0)
	child := borrow(owner, "contents:-1", kindMessageContents, func() any { return fixedContents(&i.Messages.Request) })
	if again := borrow(owner, "contents:-1", kindMessageContents, nil); again != child {
		t.Error("borrowing the same key twice must return the same object")
	}
	grandchild := newObject(kindMatchingRule, &model.Rule{}, child, 0)

	if err := deleteOwned(child.ptr, "contents", kindMessageContents); err == nil || !strings.Contains(err.Error(), "borrowed") {
		t.Errorf("deleting a borrowed object: err = %v, want a 'borrowed' error", err)
	}
	if _, err := lookup(owner.ptr, "message", kindAsyncMessage); err == nil || !strings.Contains(err.Error(), "is a SynchronousMessage, not a AsynchronousMessage") {
		t.Errorf("kind mismatch: err = %v", err)
	}
	childPtr, grandPtr := child.ptr, grandchild.ptr
	if err := deleteOwned(owner.ptr, "message", kindSyncMessage); err != nil {
		t.Fatal(err)
	}
	for _, p := range []unsafe.Pointer{childPtr, grandPtr} {
		if _, ok := objects[uintptr(p)]; ok {
			t.Error("children must be freed with their owner")
		}
	}
	if len(objects) != before {
		t.Errorf("objects: %d live, want %d", len(objects), before)
	}
	if err := deleteOwned(nil, "message", kindSyncMessage); err != nil {
		t.Errorf("deleting NULL is a no-op, got %v", err)
	}
}

func TestLookupRejectsForeignPointers(t *testing.T) {
	modelMu.Lock()
	defer modelMu.Unlock()
	var x int
	if _, err := lookup(unsafe.Pointer(&x), "pact", kindPact); err == nil || !strings.Contains(err.Error(), "not a live object") {
		t.Errorf("foreign pointer: err = %v", err)
	}
	if _, err := lookup(nil, "pact", kindPact); err == nil || !strings.Contains(err.Error(), "NULL") {
		t.Errorf("NULL: err = %v", err)
	}
}

func TestBorrowBytes(t *testing.T) {
	modelMu.Lock()
	defer modelMu.Unlock()
	o := newObject(kindAsyncMessage, model.NewInteraction(model.AsyncMessage, "m"), nil, 0)
	defer release(o)
	p1 := borrowBytes(o, "contents", []byte("abc"))
	p2 := borrowBytes(o, "contents", []byte("abc"))
	if p1 != p2 {
		t.Error("the same bytes must give the same pointer")
	}
	p3 := borrowBytes(o, "contents", []byte("xyz"))
	if p3 == p1 {
		t.Error("new bytes must get a new copy")
	}
	if got := string(unsafe.Slice((*byte)(p1), 3)); got != "abc" {
		t.Errorf("the old copy must stay valid until the owner is freed, got %q", got)
	}
	if borrowBytes(o, "empty", nil) != nil {
		t.Error("no bytes gives NULL")
	}
}

func TestIterState(t *testing.T) {
	it := &iterState{items: []any{1, 2}}
	for _, want := range []int{1, 2} {
		v, ok := it.advance()
		if !ok || v.(int) != want {
			t.Fatalf("advance = %v, %v; want %d", v, ok, want)
		}
	}
	for range 3 {
		if _, ok := it.advance(); ok {
			t.Fatal("an iterator past its end must stay there")
		}
	}
}

func TestObjectsConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range 200 {
				modelMu.Lock()
				o := newObject(kindMessage, model.NewInteraction(model.AsyncMessage, "m"), nil, 0)
				borrow(o, "state:0", kindProviderState, func() any { return &model.ProviderState{Name: "s"} })
				borrowBytes(o, "contents", []byte{byte(g), byte(n)})
				modelMu.Unlock()
				modelMu.Lock()
				if err := deleteOwned(o.ptr, "message", kindMessage); err != nil {
					t.Error(err)
				}
				modelMu.Unlock()
			}
		}()
	}
	wg.Wait()
	modelMu.Lock()
	defer modelMu.Unlock()
	if len(objects) != 0 {
		t.Errorf("%d objects leaked", len(objects))
	}
}
