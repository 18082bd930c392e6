package main

/*
#include <string.h>
#include "types.h"
*/
import "C"

import (
	"sync"
	"unsafe"
)

// sharedStrings holds one Go copy of the short strings C callers pass again
// and again: methods, header names and values, query parameter names and
// matcher JSON, content types. A call that passes one of them gets the held
// copy instead of a new one (no allocation, no UTF-8 check), and whatever is
// parsed from it (a matcher's regex, an example) shares its memory. The
// table is bounded: once full, strings are converted as cstr does.
//
//	m, err := cstrShared(method, "method") // "GET", the same string every time
type sharedStrings struct {
	mu sync.RWMutex
	m  map[string]string // guarded by mu
}

// The bounds of the shared-string table: strings up to maxSharedLen bytes, at
// most maxShared of them (1 MiB at most).
const (
	maxSharedLen = 256
	maxShared    = 4096
)

var shared = sharedStrings{m: map[string]string{}}

// cstrShared is cstr for strings that repeat across calls (see sharedStrings):
// the same result and errors, from a table of held copies when it can.
func cstrShared(p *C.char, name string) (string, error) {
	if p == nil {
		return cstr(p, name)
	}
	return shared.get(unsafe.Pointer(p), func() (string, error) { return cstr(p, name) })
}

// get returns the held copy of the NUL-terminated string at p, or converts
// it with convert (and holds the result when there is room).
func (t *sharedStrings) get(p unsafe.Pointer, convert func() (string, error)) (string, error) {
	n := cLen(p, maxSharedLen+1)
	if n > maxSharedLen {
		return convert()
	}
	view := unsafe.String((*byte)(p), n)
	t.mu.RLock()
	s, ok := t.m[view]
	t.mu.RUnlock()
	if ok {
		return s, nil
	}
	s, err := convert()
	if err != nil {
		return "", err
	}
	t.mu.Lock()
	if len(t.m) < maxShared {
		t.m[s] = s
	}
	t.mu.Unlock()
	return s, nil
}

// cLen returns the length of the NUL-terminated string at p, or limit when
// it is longer. It is strnlen(3): it reads no byte past the NUL or the limit,
// so memory checkers (ASan, valgrind) in the host see no stray read.
func cLen(p unsafe.Pointer, limit int) int {
	return int(C.strnlen((*C.char)(p), C.size_t(limit)))
}

// optCstrShared is optCstr for strings that repeat across calls.
func optCstrShared(p *C.char, name string) (s string, ok bool, err error) {
	if p == nil {
		return "", false, nil
	}
	s, err = cstrShared(p, name)
	return s, err == nil, err
}
