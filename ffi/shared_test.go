package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// cString returns a NUL-terminated copy of s and the conversion cstr would
// make of it.
func cString(s string) (unsafe.Pointer, func() (string, error)) {
	b := append([]byte(s), 0)
	return unsafe.Pointer(&b[0]), func() (string, error) { return string(b[:len(b)-1]), nil }
}

func TestSharedStrings(t *testing.T) {
	tab := &sharedStrings{m: map[string]string{}}
	p, conv := cString("application/json")
	first, err := tab.get(p, conv)
	if err != nil || first != "application/json" {
		t.Fatalf("get = %q, %v", first, err)
	}
	q, conv2 := cString("application/json") // other memory, same text
	again, _ := tab.get(q, conv2)
	if again != first || unsafe.StringData(again) != unsafe.StringData(first) {
		t.Error("the same text twice must give the held copy")
	}
	if other, _ := tab.get(cString("text/plain")); other != "text/plain" {
		t.Errorf("other text gave %q", other)
	}

	long := strings.Repeat("x", maxSharedLen+1)
	if got, _ := tab.get(cString(long)); got != long {
		t.Error("a long string must be converted")
	}
	if _, held := tab.m[long]; held {
		t.Error("a string over maxSharedLen must not be held")
	}
	edge := strings.Repeat("y", maxSharedLen)
	if got, _ := tab.get(cString(edge)); got != edge {
		t.Error("a string of maxSharedLen bytes must come back whole")
	}
	if _, held := tab.m[edge]; !held {
		t.Error("a string of maxSharedLen bytes must be held")
	}

	bad := errors.New("value is not valid UTF-8")
	bp, _ := cString("\xff")
	if _, err := tab.get(bp, func() (string, error) { return "", bad }); err != bad {
		t.Errorf("the conversion's error must come back, got %v", err)
	}
	if _, held := tab.m["\xff"]; held {
		t.Error("a string that failed to convert must not be held")
	}

	for k := len(tab.m); k < maxShared+10; k++ {
		s := fmt.Sprintf("value %d", k)
		if got, _ := tab.get(cString(s)); got != s {
			t.Fatalf("get(%q) = %q", s, got)
		}
	}
	if len(tab.m) != maxShared {
		t.Errorf("the table holds %d strings, want at most %d", len(tab.m), maxShared)
	}
}

func TestCLen(t *testing.T) {
	// Strings placed across a 4 KiB boundary, of every length around it.
	buf := make([]byte, 3*4096)
	base := 4096 - int(uintptr(unsafe.Pointer(&buf[0]))&4095) + 4096 // offset of a 4 KiB boundary
	for _, start := range []int{base - 300, base - 257, base - 5, base - 1, base, base + 1} {
		for _, n := range []int{0, 1, 4, 255, 256, 257, 300} {
			for i := range buf {
				buf[i] = 'x'
			}
			buf[start+n] = 0
			want := min(n, 257)
			if got := cLen(unsafe.Pointer(&buf[start]), 257); got != want {
				t.Errorf("start %d (boundary at %d), length %d: cLen = %d, want %d", start, base, n, got, want)
			}
		}
	}
}

// TestSharedStringsConcurrent reads and fills one table from several
// goroutines (go test -race checks the locking).
func TestSharedStringsConcurrent(t *testing.T) {
	tab := &sharedStrings{m: map[string]string{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 300 {
				s := fmt.Sprintf("header value %d", (g*7+k)%50)
				if got, err := tab.get(cString(s)); err != nil || got != s {
					t.Errorf("get(%q) = %q, %v", s, got, err)
					return
				}
			}
		}()
	}
	wg.Wait()
}
