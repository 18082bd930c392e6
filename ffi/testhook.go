package main

/*
#include "types.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Test-only hooks (libpact extensions, declared in the "Test hooks" section of
// include/pact.h). They let a host's test check that an internal error in the
// library reaches it as a failure value and a message, and that every handle
// table is empty after its frees. Nothing else calls them.

// testPanicSink is written through by mode 2 so the nil dereference is not
// optimised away.
var testPanicSink int

//export libpact_test_panic
func libpact_test_panic(mode C.int) (ret C.int) {
	defer guard(&ret, -1, "libpact_test_panic")
	clearError()
	switch mode {
	case 0:
		return 0
	case 1:
		panic("libpact_test_panic: panic requested by the caller (mode 1)")
	case 2:
		var p *int
		testPanicSink = *p // a runtime error: nil pointer dereference
		return 0
	case 3:
		s := []int{}
		i := int(mode)
		testPanicSink = s[i] // a runtime error: index out of range
		return 0
	case 4:
		panic(errors.New("libpact_test_panic: an error value (mode 4)"))
	default:
		setErrorf("libpact_test_panic: unknown mode %d (want 0 to 4)", int(mode))
		return -2
	}
}

//export libpact_test_live_handles
func libpact_test_live_handles() (ret C.int) {
	defer guard(&ret, -1, "libpact_test_live_handles")
	live := handleTablesEmpty()
	if len(live) == 0 {
		clearError()
		return 0
	}
	total := 0
	names := make([]string, 0, len(live))
	for name, n := range live {
		total += n
		names = append(names, fmt.Sprintf("%s: %d", name, n))
	}
	sort.Strings(names)
	setErrorf("libpact_test_live_handles: %d live objects (%s)", total, strings.Join(names, ", "))
	return C.int(total)
}
