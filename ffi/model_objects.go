package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"
)

// objKind is the C type of a model object handed out by pointer (struct
// Pact *, struct Message *, the iterators, the pairs, ...). Every pointer is
// checked against its kind, so passing a Message * where a
// SynchronousMessage * is expected is an error with a message, not a crash.
type objKind uint8

// The object kinds, named after their C types.
const (
	kindPact objKind = iota + 1
	kindPactInteraction
	kindSyncHTTP
	kindAsyncMessage
	kindSyncMessage
	kindMessage
	kindMessageContents
	kindHTTPRequest
	kindHTTPResponse
	kindProviderState
	kindConsumer
	kindProvider
	kindMatchingRule
	kindGenerator
	kindMatchingRuleResult
	kindMatcherDefinition
	kindMismatches
	kindMismatch
	kindMessagePact
	kindPactInteractionIter
	kindPactMessageIter
	kindPactAsyncMessageIter
	kindPactSyncMessageIter
	kindPactSyncHTTPIter
	kindProviderStateIter
	kindProviderStateParamIter
	kindMatchingRulesIter
	kindGeneratorsIter
	kindMetadataIter
	kindMatchingRuleIter
	kindMismatchesIter
	kindMessagePactMessageIter
	kindMessagePactMetadataIter
	kindMetadataPair
	kindParamPair
	kindRulePair
	kindGeneratorPair
	kindMetadataTriple
)

var kindNames = map[objKind]string{
	kindPact:                    "Pact",
	kindPactInteraction:         "PactInteraction",
	kindSyncHTTP:                "SynchronousHttp",
	kindAsyncMessage:            "AsynchronousMessage",
	kindSyncMessage:             "SynchronousMessage",
	kindMessage:                 "Message",
	kindMessageContents:         "MessageContents",
	kindHTTPRequest:             "HttpRequest",
	kindHTTPResponse:            "HttpResponse",
	kindProviderState:           "ProviderState",
	kindConsumer:                "Consumer",
	kindProvider:                "Provider",
	kindMatchingRule:            "MatchingRule",
	kindGenerator:               "Generator",
	kindMatchingRuleResult:      "MatchingRuleResult",
	kindMatcherDefinition:       "MatchingRuleDefinitionResult",
	kindMismatches:              "Mismatches",
	kindMismatch:                "Mismatch",
	kindMessagePact:             "MessagePact",
	kindPactInteractionIter:     "PactInteractionIterator",
	kindPactMessageIter:         "PactMessageIterator",
	kindPactAsyncMessageIter:    "PactAsyncMessageIterator",
	kindPactSyncMessageIter:     "PactSyncMessageIterator",
	kindPactSyncHTTPIter:        "PactSyncHttpIterator",
	kindProviderStateIter:       "ProviderStateIterator",
	kindProviderStateParamIter:  "ProviderStateParamIterator",
	kindMatchingRulesIter:       "MatchingRuleCategoryIterator",
	kindGeneratorsIter:          "GeneratorCategoryIterator",
	kindMetadataIter:            "MessageMetadataIterator",
	kindMatchingRuleIter:        "MatchingRuleIterator",
	kindMismatchesIter:          "MismatchesIterator",
	kindMessagePactMessageIter:  "MessagePactMessageIterator",
	kindMessagePactMetadataIter: "MessagePactMetadataIterator",
	kindMetadataPair:            "MessageMetadataPair",
	kindParamPair:               "ProviderStateParamPair",
	kindRulePair:                "MatchingRuleKeyValuePair",
	kindGeneratorPair:           "GeneratorKeyValuePair",
	kindMetadataTriple:          "MessagePactMetadataTriple",
}

func (k objKind) String() string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return fmt.Sprintf("kind %d", int(k))
}

// object is one live model object. Its address for C is ptr, a C.malloc
// allocation (for the pair kinds, the C struct itself; otherwise a token).
//
// Ownership: an object with an owner is borrowed — it is freed with its
// owner, never by the caller (iterator items, contents borrowed from a
// message). Objects without an owner belong to the caller and are freed by
// the matching *_delete function. Freeing an object frees its children and
// its C allocations (cmem: strings and byte buffers handed out as borrowed
// pointers).
type object struct {
	kind     objKind
	val      any
	ptr      unsafe.Pointer
	owner    *object
	children []*object
	cmem     []unsafe.Pointer
	borrowed map[string]*object        // cache of borrowed children by key
	bins     map[string]unsafe.Pointer // cache of borrowed byte copies by key
	binData  map[string]string         // the bytes each bins entry copies
	release  func()                    // frees ptr when it is not ours (adopted pointers)
}

// objects maps every live C pointer to its object. modelMu serializes every
// exported model function, so objects and the Go values behind them are
// never used by two threads at once.
var (
	modelMu sync.Mutex
	objects = map[uintptr]*object{} // guarded by modelMu
)

func init() {
	registerTable("model objects", func() int {
		modelMu.Lock()
		defer modelMu.Unlock()
		return len(objects)
	})
}

// newObject registers val as a new object of kind, owned by owner (nil: by
// the caller). size is the number of bytes to allocate for its C address (0
// means a one-byte token).
func newObject(kind objKind, val any, owner *object, size uintptr) *object {
	if size == 0 {
		size = 1
	}
	p := C.calloc(1, C.size_t(size))
	if p == nil {
		panic("out of memory allocating a " + kind.String())
	}
	o := &object{kind: kind, val: val, ptr: p, owner: owner}
	objects[uintptr(p)] = o
	if owner != nil {
		owner.children = append(owner.children, o)
	}
	return o
}

// lookup returns the live object at p, which must be of one of kinds.
func lookup(p unsafe.Pointer, what string, kinds ...objKind) (*object, error) {
	if p == nil {
		return nil, fmt.Errorf("%s is NULL", what)
	}
	o, ok := objects[uintptr(p)]
	if !ok {
		return nil, fmt.Errorf("%s (%p) is not a live object created by libpact (it was deleted, or never came from libpact)", what, p)
	}
	for _, k := range kinds {
		if o.kind == k {
			return o, nil
		}
	}
	names := ""
	for n, k := range kinds {
		if n > 0 {
			names += " or "
		}
		names += k.String()
	}
	return nil, fmt.Errorf("%s (%p) is a %s, not a %s", what, p, o.kind, names)
}

// release frees o, its children and its C memory.
func release(o *object) {
	if o == nil || o.ptr == nil {
		return
	}
	for _, c := range o.children {
		c.owner = nil
		release(c)
	}
	o.children = nil
	for _, m := range o.cmem {
		C.free(m)
	}
	o.cmem = nil
	o.bins = nil
	delete(objects, uintptr(o.ptr))
	if o.release != nil {
		o.release()
	} else {
		C.free(o.ptr)
	}
	o.ptr = nil
	if o.owner != nil {
		kids := o.owner.children
		for n, c := range kids {
			if c == o {
				o.owner.children = append(kids[:n], kids[n+1:]...)
				break
			}
		}
		o.owner = nil
	}
}

// deleteOwned frees the caller-owned object at p of kind. Borrowed objects
// are refused: they belong to their owner.
func deleteOwned(p unsafe.Pointer, what string, kinds ...objKind) error {
	if p == nil {
		return nil // like free(NULL)
	}
	o, err := lookup(p, what, kinds...)
	if err != nil {
		return err
	}
	if o.owner != nil {
		return fmt.Errorf("%s (%p) is borrowed from a %s and is freed with it; do not delete it", what, p, o.owner.kind)
	}
	release(o)
	return nil
}

// borrow returns the child of o cached under key, creating it with make the
// first time. Borrowed children live as long as o.
func borrow(o *object, key string, kind objKind, make func() any) *object {
	if c, ok := o.borrowed[key]; ok && c.ptr != nil {
		return c
	}
	c := newObject(kind, make(), o, 0)
	if o.borrowed == nil {
		o.borrowed = map[string]*object{}
	}
	o.borrowed[key] = c
	return c
}

// borrowBytes returns a C copy of b that stays valid while o lives. Asking
// again for the same key and bytes returns the same pointer; new bytes get a
// new copy and the old one stays valid until o is freed. Empty b gives NULL.
func borrowBytes(o *object, key string, b []byte) unsafe.Pointer {
	if len(b) == 0 {
		return nil
	}
	root := o
	if p, ok := root.bins[key]; ok && root.binData[key] == string(b) {
		return p
	}
	p := C.CBytes(b)
	root.cmem = append(root.cmem, p)
	if root.bins == nil {
		root.bins = map[string]unsafe.Pointer{}
		root.binData = map[string]string{}
	}
	root.bins[key] = p
	root.binData[key] = string(b)
	return p
}

// borrowCString returns a NUL-terminated C copy of s that stays valid while o
// lives (for the const char * results that are not the caller's to free).
func borrowCString(o *object, s string) *C.char {
	p := C.CString(s)
	o.cmem = append(o.cmem, unsafe.Pointer(p))
	return p
}

// iterState is the cursor of every iterator kind: the items it yields, in
// order, and the index of the next one.
type iterState struct {
	items []any
	next  int
}

// advance returns the next item, or false past the end.
func (it *iterState) advance() (any, bool) {
	if it.next >= len(it.items) {
		it.next = len(it.items) + 1
		return nil, false
	}
	v := it.items[it.next]
	it.next++
	return v, true
}
