package matching

import "sync"

// Parsed trees are carved from an arena that matchJSONBodies takes from a
// pool and gives back when its match is done, so that matching one large body
// after another reuses the same memory instead of allocating it anew. Without
// it a 2.5 MB body allocated about 11 MB of tree per request, and the garbage
// collector's work on that memory (marking it, and the write barriers while it
// marked) was over a third of the time of the match.
//
// A tree must not be used after its arena is released: nothing of it may leave
// the match. Mismatches carry copies of its strings (jsonMatcher.add). A
// released arena still points at the strings of its last bodies until it is
// reused or the pool drops it (at the second garbage collection without use).

// arena is the memory of parsed trees: slabs of interface values (object
// values and array items), of strings (object keys and boxed scalars, see
// jsonbox.go) and of objects, and the parser's scratch stacks.
type arena struct {
	anys  slab[any]
	strs  slab[string]
	objs  slab[jsonObject]
	lists slab[[]any] // headers of boxed arrays
	keys  []string
	vals  []any
}

// slab hands out slices of chunks of chunk elements, reusing its chunks after
// reset.
type slab[T any] struct {
	chunks [][]T
	next   int // chunks[next:] are free
	cur    []T // what is left of chunks[next-1]
}

// take returns n consecutive elements (n <= chunk), holding stale values when
// the slab was reset: the caller overwrites them.
func (s *slab[T]) take(n, chunk int) []T {
	if len(s.cur) < n {
		if s.next < len(s.chunks) {
			s.cur = s.chunks[s.next]
		} else {
			s.cur = make([]T, chunk)
			s.chunks = append(s.chunks, s.cur)
		}
		s.next++
	}
	out := s.cur[:n:n]
	s.cur = s.cur[n:]
	return out
}

func (s *slab[T]) reset() { s.next, s.cur = 0, nil }

const (
	chunkSize     = 4096 // elements per chunk of anys and strs
	objChunkSize  = 512
	maxSmallSlice = chunkSize / 8 // larger object or array slices are allocated on their own
	maxPooled     = 1 << 14       // chunks; an arena that grew larger (a huge body) is not kept
)

var arenas = sync.Pool{New: func() any { return new(arena) }}

func getArena() *arena { return arenas.Get().(*arena) }

// release makes the arena's memory free for the next parse; every tree parsed
// in it becomes invalid.
func (a *arena) release() {
	if len(a.anys.chunks)+len(a.strs.chunks)+len(a.objs.chunks)+len(a.lists.chunks) > maxPooled {
		return
	}
	a.anys.reset()
	a.strs.reset()
	a.objs.reset()
	a.lists.reset()
	a.keys, a.vals = a.keys[:0], a.vals[:0]
	arenas.Put(a)
}
