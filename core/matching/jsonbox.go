package matching

import "unsafe"

// Boxing parsed strings, numbers and arrays without one allocation each.
//
// The matcher's tree holds values in interfaces (any). Go boxes a string or a
// slice into an interface by copying its header to a fresh heap object, so a
// body of 20,000 objects with seven scalar values each costs 140,000
// allocations, and the garbage collector's work that follows. The parser
// instead writes the headers into its arena's slabs (jsonarena.go) and builds
// each interface around a pointer into a slab, exactly as Go's own conversion
// would around its fresh copy. A slab entry is written before its interface
// exists and not changed while the tree is in use (the arena is reused only
// after the match that parsed the tree has returned).
//
// This relies on the layout of an empty interface (a type word, then a data
// pointer to the value), which has been the same in every Go release;
// TestBoxedValues checks that boxed values behave as converted ones.

// eface is the layout of an empty interface.
type eface struct {
	typ  unsafe.Pointer
	data unsafe.Pointer
}

var (
	stringTypeWord = typeWord("")
	numberTypeWord = typeWord(jsonNumber(""))
	listTypeWord   = typeWord([]any(nil))
)

func typeWord(v any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&v)).typ }

// boxString returns s as an interface, its header stored in the parser's arena.
func (p *jsonParser) boxString(s string) any {
	slot := &p.ar.strs.take(1, chunkSize)[0]
	*slot = s
	var v any
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: stringTypeWord, data: unsafe.Pointer(slot)}
	return v
}

// boxNumber returns n as an interface, its header stored in the parser's arena
// (jsonNumber has the layout of a string).
func (p *jsonParser) boxNumber(n jsonNumber) any {
	slot := &p.ar.strs.take(1, chunkSize)[0]
	*slot = string(n)
	var v any
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: numberTypeWord, data: unsafe.Pointer(slot)}
	return v
}

// boxList returns l as an interface, its slice header stored in the parser's
// arena.
func (p *jsonParser) boxList(l []any) any {
	slot := &p.ar.lists.take(1, objChunkSize)[0]
	*slot = l
	var v any
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: listTypeWord, data: unsafe.Pointer(slot)}
	return v
}
