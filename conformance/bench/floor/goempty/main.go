// Command goempty is the smallest Go c-shared library: the Go runtime and one
// exported function. floor.sh measures its size and idle memory as the floor
// of any library written in Go.
//
//	go build -buildmode=c-shared -trimpath -ldflags="-s -w" -o goempty.so ./conformance/bench/floor/goempty
package main

import "C"

//export pactffi_version
func pactffi_version() *C.char { return nil }

func main() {}
