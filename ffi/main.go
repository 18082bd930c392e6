// Command ffi is libpact's C ABI: built with -buildmode=c-shared it becomes
// libpact_ffi.so, a drop-in replacement for the Rust pact_ffi 0.5.8 library.
// The public header is include/pact.h.
//
// The package only converts arguments, looks up handles, calls core/ and
// converts results. Every exported function starts with a deferred guard (a
// panic becomes the documented failure value plus a last-error message) and
// validates its arguments (NULL, UTF-8, JSON, handles) before doing anything.
//
// Files: registry.go (handle and pointer tables), errors.go (last error),
// guard.go (panic guard, argument helpers), strings.go (owned strings),
// logging.go, plugins.go, pact.go, interaction.go, mockserver.go,
// message.go and model*.go (messages and the model accessors),
// matching_utils.go, verifier.go, and stubs.c (a weak stub for every
// symbol, so that all of them exist even before a Go implementation does).
// types.h holds the C types for the cgo preambles; include/pact.h is the
// public header (never include it here: cgo's prototypes would conflict).
package main

/*
#include "types.h"
*/
import "C"

// ffiVersion is what pactffi_version returns: clients compare it with the
// pact_ffi version they were built for. Override with
// -ldflags "-X main.ffiVersion=0.5.6".
var ffiVersion = "0.5.8"

// libpactVersion is libpact's own version (libpact_version).
var libpactVersion = "0.1.0"

var (
	ffiVersionC     *C.char
	libpactVersionC *C.char
)

func init() {
	// Static strings: allocated once, never freed.
	ffiVersionC = C.CString(ffiVersion)
	libpactVersionC = C.CString(libpactVersion)
}

func main() {}

//export pactffi_version
func pactffi_version() (ret *C.char) {
	defer guard(&ret, nil, "pactffi_version")
	return ffiVersionC
}

//export libpact_version
func libpact_version() (ret *C.char) {
	defer guard(&ret, nil, "libpact_version")
	return libpactVersionC
}

//export pactffi_enable_ansi_support
func pactffi_enable_ansi_support() {
	// Only Windows consoles need ANSI support switched on; nothing to do here.
}
