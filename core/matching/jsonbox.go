package matching

import "unsafe"

// Boxing parsed strings and numbers without one allocation each.
//
// The matcher's tree holds strings and numbers in interfaces (any). Go boxes a
// string into an interface by copying its header to a fresh 16-byte heap
// object, so a body of 20,000 objects with seven scalar values each costs
// 140,000 allocations, and the garbage collector's work that follows: about a
// third of the time of matching such a body. The parser instead writes the
// headers into slabs of a few hundred and builds each interface around a
// pointer into a slab, exactly as Go's own conversion would around its fresh
// copy. A slab entry is written once, before its interface exists, and never
// changed; the slab lives as long as any interface pointing into it.
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
)

func typeWord(v any) unsafe.Pointer { return (*eface)(unsafe.Pointer(&v)).typ }

const boxSlab = 512

// boxString returns s as an interface, its header stored in the parser's slab.
func (p *jsonParser) boxString(s string) any {
	if len(p.boxes) == 0 {
		p.boxes = make([]string, boxSlab)
	}
	slot := &p.boxes[0]
	p.boxes = p.boxes[1:]
	*slot = s
	var v any
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: stringTypeWord, data: unsafe.Pointer(slot)}
	return v
}

// boxNumber returns n as an interface, its header stored in the parser's slab
// (jsonNumber has the layout of a string).
func (p *jsonParser) boxNumber(n jsonNumber) any {
	if len(p.boxes) == 0 {
		p.boxes = make([]string, boxSlab)
	}
	slot := &p.boxes[0]
	p.boxes = p.boxes[1:]
	*slot = string(n)
	var v any
	*(*eface)(unsafe.Pointer(&v)) = eface{typ: numberTypeWord, data: unsafe.Pointer(slot)}
	return v
}
