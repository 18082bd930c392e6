package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"unsafe"

	"github.com/libpact/libpact/core/consumer"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/mockserver"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// Mock servers are identified by their port, as in pact_ffi.

// msEntry is one running mock server. strings holds the C strings handed
// out by mock_server_mismatches and mock_server_logs: the server owns them
// and frees them at cleanup, so a pointer stays valid until then.
type msEntry struct {
	srv *mockserver.Server

	mu      sync.Mutex
	strings []*C.char // guarded by mu
}

// keep stores a C copy of s in the entry and returns it. Asking again for
// an unchanged string returns the same pointer, so polling does not grow
// memory.
func (e *msEntry) keep(s string) *C.char {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, c := range e.strings {
		if C.GoString(c) == s {
			return c
		}
	}
	c := C.CString(s)
	e.strings = append(e.strings, c)
	return c
}

var (
	mockServersMu sync.Mutex
	mockServers   = map[int32]*msEntry{} // guarded by mockServersMu; by port
)

func init() {
	registerTable("mock servers", func() int {
		mockServersMu.Lock()
		defer mockServersMu.Unlock()
		return len(mockServers)
	})
}

func lookupMockServer(port C.int32_t) (*msEntry, error) {
	mockServersMu.Lock()
	defer mockServersMu.Unlock()
	e, ok := mockServers[int32(port)]
	if !ok {
		return nil, fmt.Errorf("no mock server is running on port %d", int32(port))
	}
	return e, nil
}

// The return codes of create_mock_server_for_transport (and the 0.4.x
// create_mock_server functions).
const (
	msInvalidHandle = -1
	msBadConfig     = -2
	msCantStart     = -3
	msPanic         = -4
	msBadAddress    = -5
)

// startMockServer starts a server for p on addr and registers it; p becomes
// the server's and must not be changed afterwards. It returns
// the port or a negative code, having set the last error.
func startMockServer(fn string, p *model.Pact, addr string, tls, cors bool) C.int32_t {
	// p is the caller's own copy (taken under the pact's lock, or parsed):
	// the server may keep it without copying it again
	srv, err := mockserver.NewOwned(p, mockserver.Config{Addr: addr, TLS: tls, CORS: cors, SpecVersion: p.SpecVersion})
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadAddress
	}
	if err := srv.Start(); err != nil {
		setError(errorf(fn, "could not start the mock server on %s: %v", addr, err))
		return msCantStart
	}
	port := int32(srv.Port())
	mockServersMu.Lock()
	_, taken := mockServers[port]
	if !taken {
		mockServers[port] = &msEntry{srv: srv}
	}
	mockServersMu.Unlock()
	if taken { // another mock server has this port on another address: ports identify servers
		srv.Close()
		setError(errorf(fn, "another mock server already uses port %d (on another address); mock servers are identified by their port", port))
		return msCantStart
	}
	logging.LogDebug("mock server started", "port", port, "url", srv.URL(), "consumer", p.Consumer, "provider", p.Provider)
	return C.int32_t(port)
}

func (e *msEntry) close() {
	e.srv.Close()
	e.mu.Lock()
	for _, s := range e.strings {
		C.free(unsafe.Pointer(s))
	}
	e.strings = nil
	e.mu.Unlock()
}

// lockedPact marks the pact behind h as served (no more changes) and
// returns a copy taken under the pact's lock.
func lockedPact(h C.PactHandle) (*model.Pact, error) {
	var p *model.Pact
	err := withPact(uint16(h), func(b *consumer.Builder) error {
		b.Lock()
		p = b.Pact.Clone()
		return nil
	})
	return p, err
}

//export pactffi_create_mock_server_for_transport
func pactffi_create_mock_server_for_transport(pact C.PactHandle, addr *C.char, port C.uint16_t, transport *C.char, transportConfig *C.char) (ret C.int32_t) {
	const fn = "pactffi_create_mock_server_for_transport"
	defer guard(&ret, msPanic, fn)
	host, _, err := optCstr(addr, "addr")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadAddress
	}
	address, err := mockserver.Address(host, uint16(port))
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadAddress
	}
	tr, _, err := optCstr(transport, "transport")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msCantStart
	}
	var tls bool
	switch strings.ToLower(tr) {
	case "", "http":
	case "https":
		tls = true
	default:
		setError(errorf(fn, "transport %q is not supported (libpact serves http and https; other transports need plugins)", tr))
		return msCantStart
	}
	cfg, _, err := optCstr(transportConfig, "transport_config")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadConfig
	}
	tc, err := mockserver.ParseTransportConfig(cfg)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadConfig
	}
	p, err := lockedPact(pact)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msInvalidHandle
	}
	return startMockServer(fn, p, address, tls, tc.CORSPreflight)
}

//export pactffi_create_mock_server_for_pact
func pactffi_create_mock_server_for_pact(pact C.PactHandle, addrStr *C.char, tls C.bool) (ret C.int32_t) {
	const fn = "pactffi_create_mock_server_for_pact"
	defer guard(&ret, msPanic, fn)
	addr, err := cstr(addrStr, "addr_str")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadAddress
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		setError(errorf(fn, "addr_str %q is not host:port: %v", addr, err))
		return msBadAddress
	}
	p, err := lockedPact(pact)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msInvalidHandle
	}
	return startMockServer(fn, p, addr, bool(tls), false)
}

//export pactffi_create_mock_server
func pactffi_create_mock_server(pactStr *C.char, addrStr *C.char, tls C.bool) (ret C.int32_t) {
	const fn = "pactffi_create_mock_server"
	defer guard(&ret, msPanic, fn)
	js, err := cstr(pactStr, "pact_str")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return -1
	}
	addr, err := cstr(addrStr, "addr_str")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return msBadAddress
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		setError(errorf(fn, "addr_str %q is not host:port: %v", addr, err))
		return msBadAddress
	}
	p, _, err := pactfile.Parse([]byte(js))
	if err != nil {
		setError(errorf(fn, "the pact JSON could not be read: %v", err))
		return -2
	}
	return startMockServer(fn, p, addr, bool(tls), false)
}

//export pactffi_mock_server_matched
func pactffi_mock_server_matched(port C.int32_t) (ret C.bool) {
	const fn = "pactffi_mock_server_matched"
	defer guard(&ret, false, fn)
	e, err := lookupMockServer(port)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return C.bool(e.srv.Matched())
}

//export pactffi_mock_server_mismatches
func pactffi_mock_server_mismatches(port C.int32_t) (ret *C.char) {
	const fn = "pactffi_mock_server_mismatches"
	defer guard(&ret, nil, fn)
	e, err := lookupMockServer(port)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return nil
	}
	return e.keep(string(e.srv.MismatchesJSON()))
}

//export pactffi_mock_server_logs
func pactffi_mock_server_logs(port C.int32_t) (ret *C.char) {
	const fn = "pactffi_mock_server_logs"
	defer guard(&ret, nil, fn)
	e, err := lookupMockServer(port)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return nil
	}
	return e.keep(e.srv.Logs())
}

//export pactffi_cleanup_mock_server
func pactffi_cleanup_mock_server(port C.int32_t) (ret C.bool) {
	const fn = "pactffi_cleanup_mock_server"
	defer guard(&ret, false, fn)
	mockServersMu.Lock()
	e, ok := mockServers[int32(port)]
	delete(mockServers, int32(port))
	mockServersMu.Unlock()
	if !ok {
		setError(errorf(fn, "no mock server is running on port %d", int32(port)))
		return false
	}
	e.close()
	return true
}

//export pactffi_write_pact_file
func pactffi_write_pact_file(port C.int32_t, directory *C.char, overwrite C.bool) (ret C.int32_t) {
	const fn = "pactffi_write_pact_file"
	defer guard(&ret, 1, fn)
	dir, _, err := optCstr(directory, "directory")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 2
	}
	if dir == "" {
		dir = "."
	}
	e, err := lookupMockServer(port)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 3
	}
	if _, err := e.srv.WritePact(dir, bool(overwrite)); err != nil {
		setError(errorf(fn, "%v", err))
		return 2
	}
	return 0
}

//export pactffi_get_tls_ca_certificate
func pactffi_get_tls_ca_certificate() (ret *C.char) {
	const fn = "pactffi_get_tls_ca_certificate"
	defer guard(&ret, nil, fn)
	pem := mockserver.CACertificatePEM()
	if pem == "" {
		setError(errors.New(fn + ": the TLS certificate could not be created"))
		return nil
	}
	return ownedString(pem)
}
