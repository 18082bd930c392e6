package main

/*
#include <string.h>
#include "types.h"

void libpact_set_last_error(const char *msg, size_t n);
const char *libpact_last_error(size_t *n);
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"
)

// The last error of each OS thread lives in C thread-local storage
// (errors.c), as pact_ffi keeps a thread-local LAST_ERROR: a cgo call from C
// runs on the calling OS thread for its whole duration, so the exported
// function and these helpers see the C caller's thread.

// setError records err as the calling thread's last error. A nil err clears it.
func setError(err error) {
	if err == nil {
		clearError()
		return
	}
	setErrorMessage(err.Error())
}

// setErrorf records a formatted message as the calling thread's last error.
func setErrorf(format string, args ...any) {
	setErrorMessage(fmt.Sprintf(format, args...))
}

func setErrorMessage(msg string) {
	if msg == "" {
		msg = "unknown error"
	}
	b := []byte(msg)
	C.libpact_set_last_error((*C.char)(unsafe.Pointer(&b[0])), C.size_t(len(b)))
}

// clearError forgets the calling thread's last error.
func clearError() {
	C.libpact_set_last_error(nil, 0)
}

// lastErrorMessage returns the calling thread's last error, or "".
func lastErrorMessage() string {
	var n C.size_t
	p := C.libpact_last_error(&n)
	if p == nil {
		return ""
	}
	return C.GoStringN(p, C.int(n))
}

// errorf returns an error for an argument problem, prefixed with the
// function name: errorf("pactffi_with_body", "body is not valid JSON: %v", err).
func errorf(fn, format string, args ...any) error {
	return fmt.Errorf("%s: %s", fn, fmt.Sprintf(format, args...))
}

// errNoPlugins is the error of every plugin function.
var errNoPlugins = errors.New("libpact does not support plugins")

//export pactffi_get_error_message
func pactffi_get_error_message(buffer *C.char, length C.int) (ret C.int) {
	defer guard(&ret, -3, "pactffi_get_error_message")
	if buffer == nil {
		return -1
	}
	if length < 0 {
		return -2
	}
	msg := lastErrorMessage()
	for i := 0; i < len(msg); i++ {
		if msg[i] == 0 { // an interior NUL cannot be written as a C string
			return -4
		}
	}
	need := len(msg) + 1
	if int(length) < need {
		return -2
	}
	dst := unsafe.Slice((*byte)(unsafe.Pointer(buffer)), int(length))
	copy(dst, msg)
	for i := len(msg); i < len(dst); i++ {
		dst[i] = 0
	}
	return C.int(need)
}

// libpact_stub_called records the last error for a weak C stub (stubs.c) of
// a function libpact does not implement. It is not part of the public ABI.
//
//export libpact_stub_called
func libpact_stub_called(name *C.char) {
	setErrorf("%s is not implemented by libpact", C.GoString(name))
}

// libpact_stub_string returns a malloc'd copy of the message for a stub that
// returns a StringResult. It is not part of the public ABI.
//
//export libpact_stub_string
func libpact_stub_string(name *C.char) *C.char {
	return C.CString(C.GoString(name) + " is not implemented by libpact")
}
