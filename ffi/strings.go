package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import "unsafe"

// ownedString returns a malloc'd copy of s for the caller to free with
// pactffi_string_delete (or pactffi_free_string, or libc free). A NUL byte
// inside s ends the C string early.
func ownedString(s string) *C.char { return C.CString(s) }

// okResult and failedResult build the StringResult of with_multipart_file
// and the generate_* functions; the string is owned by the caller.
func okResult(s string) C.StringResult {
	return C.StringResult{tag: C.StringResult_Ok, value: ownedString(s)}
}

func failedResult(msg string) C.StringResult {
	return C.StringResult{tag: C.StringResult_Failed, value: ownedString(msg)}
}

//export pactffi_string_delete
func pactffi_string_delete(s *C.char) {
	defer guardVoid("pactffi_string_delete")
	if s != nil {
		C.free(unsafe.Pointer(s))
	}
}

//export pactffi_free_string
func pactffi_free_string(s *C.char) {
	defer guardVoid("pactffi_free_string")
	if s != nil {
		C.free(unsafe.Pointer(s))
	}
}
