package main

/*
#include "types.h"
*/
import "C"

import (
	"fmt"
	"runtime/debug"
	"unicode/utf8"
	"unsafe"

	"github.com/libpact/libpact/core/logging"
)

// guard is deferred first in every exported function. It turns a panic into
// the function's documented failure value and records a message as the
// thread's last error, so a bug in libpact never takes the host process down:
//
//	func pactffi_with_body(...) (ret C.bool) {
//		defer guard(&ret, false, "pactffi_with_body")
//		...
//	}
func guard[T any](ret *T, fail T, name string) {
	if r := recover(); r != nil {
		*ret = fail
		msg := fmt.Sprintf("%s: internal error (a bug in libpact, please report it): %v", name, r)
		setErrorMessage(msg)
		logging.LogError(msg, "stack", string(debug.Stack()))
	}
}

// guardVoid is guard for functions that return nothing.
func guardVoid(name string) {
	if r := recover(); r != nil {
		msg := fmt.Sprintf("%s: internal error (a bug in libpact, please report it): %v", name, r)
		setErrorMessage(msg)
		logging.LogError(msg, "stack", string(debug.Stack()))
	}
}

// cstr converts a required C string argument. It rejects NULL and invalid
// UTF-8 with a message naming the parameter:
//
//	desc, err := cstr(description, "description")
//	// err: "description is NULL; pass a UTF-8 string"
func cstr(p *C.char, name string) (string, error) {
	if p == nil {
		return "", fmt.Errorf("%s is NULL; pass a NUL-terminated UTF-8 string", name)
	}
	s := C.GoString(p)
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("%s is not valid UTF-8 (first bad byte at offset %d)", name, firstInvalid(s))
	}
	return s, nil
}

// optCstr converts an optional C string argument: NULL gives "" and ok=false.
func optCstr(p *C.char, name string) (s string, ok bool, err error) {
	if p == nil {
		return "", false, nil
	}
	s, err = cstr(p, name)
	return s, err == nil, err
}

// ptrCstr converts an optional C string argument to a Go pointer: NULL gives
// nil, for core functions that give a missing value a meaning.
func ptrCstr(p *C.char, name string) (*string, error) {
	s, ok, err := optCstr(p, name)
	if !ok {
		return nil, err
	}
	return &s, nil
}

func firstInvalid(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// cbytes copies n bytes from p. NULL with n > 0 is an error; NULL with n == 0
// is an empty slice.
func cbytes(p unsafe.Pointer, n C.size_t, name string) ([]byte, error) {
	if n == 0 {
		return []byte{}, nil
	}
	if p == nil {
		return nil, fmt.Errorf("%s is NULL but its size is %d", name, uint64(n))
	}
	if uint64(n) > 1<<31 {
		return nil, fmt.Errorf("%s size %d is too large (over 2 GiB)", name, uint64(n))
	}
	return C.GoBytes(p, C.int(n)), nil
}
