// Command gostd is a Go c-shared library made of nothing but the parts of the
// standard library a Pact core cannot do without: an HTTP/1.1 and HTTP/2
// server and client (net/http), TLS (crypto/tls, x509), an embedded time zone
// database (time/tzdata, for the V3 datetime matchers), regular expressions
// and JSON. floor.sh measures its size and idle memory: the floor under
// libpact before any Pact code.
//
//	go build -buildmode=c-shared -trimpath -ldflags="-s -w" -o gostd.so ./conformance/bench/floor/gostd
package main

import "C"

import (
	"crypto/tls"
	"encoding/json"
	"net/http"
	"regexp"
	_ "time/tzdata"
)

//export pactffi_version
func pactffi_version() *C.char { return nil }

// use keeps every part reachable, so that the linker keeps it, without
// running any of it unless asked.
//
//export use
func use(n C.int) C.int {
	switch n {
	case 1:
		go http.ListenAndServe("127.0.0.1:0", nil)
	case 2:
		if l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{}); err == nil {
			go http.Serve(l, nil)
		}
	case 3:
		if r, err := http.Get("https://127.0.0.1:1"); err == nil {
			r.Body.Close()
		}
	}
	b, _ := json.Marshal(regexp.MustCompile(`a+`).FindString("aaa"))
	return C.int(len(b))
}

func main() {}
