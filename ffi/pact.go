package main

/*
#include "types.h"
*/
import "C"

import (
	"sync"

	"github.com/libpact/libpact/core/consumer"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// Pact handles: create, configure, write and free a pact.

//export pactffi_new_pact
func pactffi_new_pact(consumerName *C.char, providerName *C.char) (ret C.PactHandle) {
	const fn = "pactffi_new_pact"
	defer guard(&ret, 0, fn)
	h, err := newNamedPact(consumerName, providerName)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0
	}
	return C.PactHandle(h)
}

// newNamedPact registers a new pact between the consumer and provider names
// of pactffi_new_pact and pactffi_new_message_pact: NULL takes its default
// (consumer.Names); text that is not UTF-8 is refused.
func newNamedPact(consumerName, providerName *C.char) (uint16, error) {
	c, err := ptrCstr(consumerName, "consumer_name")
	if err != nil {
		return 0, err
	}
	p, err := ptrCstr(providerName, "provider_name")
	if err != nil {
		return 0, err
	}
	return newPactHandle(consumer.New(consumer.Names(c, p)))
}

//export pactffi_free_pact_handle
func pactffi_free_pact_handle(pact C.PactHandle) (ret C.uint) {
	const fn = "pactffi_free_pact_handle"
	defer guard(&ret, 1, fn)
	if _, err := pacts.Remove(uint64(pact)); err != nil {
		setError(errorf(fn, "%v", err))
		return 1
	}
	return 0
}

// specVersion converts a PactSpecification argument.
func specVersion(v C.enum_PactSpecification) (model.SpecVersion, bool) {
	if v < C.PactSpecification_V1 || v > C.PactSpecification_V4 {
		return 0, false
	}
	return model.SpecVersion(v), true
}

//export pactffi_with_specification
func pactffi_with_specification(pact C.PactHandle, version C.enum_PactSpecification) (ret C.bool) {
	const fn = "pactffi_with_specification"
	defer guard(&ret, false, fn)
	v, ok := specVersion(version)
	if !ok {
		setError(errorf(fn, "version %d is not a PactSpecification (1=V1 .. 5=V4)", int(version)))
		return false
	}
	if err := withPact(uint16(pact), func(b *consumer.Builder) error { return b.SetSpecVersion(v) }); err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return true
}

//export pactffi_handle_get_pact_spec_version
func pactffi_handle_get_pact_spec_version(pact C.PactHandle) (ret C.enum_PactSpecification) {
	const fn = "pactffi_handle_get_pact_spec_version"
	defer guard(&ret, C.PactSpecification_Unknown, fn)
	var v model.SpecVersion
	if err := withPact(uint16(pact), func(b *consumer.Builder) error { v = b.Pact.SpecVersion; return nil }); err != nil {
		setError(errorf(fn, "%v", err))
		return C.PactSpecification_Unknown
	}
	return C.enum_PactSpecification(v)
}

//export pactffi_with_pact_metadata
func pactffi_with_pact_metadata(pact C.PactHandle, namespace *C.char, name *C.char, value *C.char) (ret C.bool) {
	const fn = "pactffi_with_pact_metadata"
	defer guard(&ret, false, fn)
	ns, err := cstr(namespace, "namespace")
	if err == nil {
		var n, v string
		if n, err = cstr(name, "name"); err == nil {
			if v, err = cstr(value, "value"); err == nil {
				err = withPact(uint16(pact), func(b *consumer.Builder) error { return b.SetMetadata(ns, n, v) })
			}
		}
	}
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return true
}

// newInteraction adds an interaction of type t and returns its handle, or 0.
func newInteraction(fn string, pact C.PactHandle, description *C.char, t model.InteractionType) C.InteractionHandle {
	desc, err := cstr(description, "description")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0
	}
	var n int
	err = withPact(uint16(pact), func(b *consumer.Builder) error {
		n, err = b.NewInteraction(t, desc)
		return err
	})
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0
	}
	h, err := interactionHandle(uint16(pact), n)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0
	}
	return C.InteractionHandle(h)
}

//export pactffi_new_interaction
func pactffi_new_interaction(pact C.PactHandle, description *C.char) (ret C.InteractionHandle) {
	defer guard(&ret, 0, "pactffi_new_interaction")
	return newInteraction("pactffi_new_interaction", pact, description, model.HTTP)
}

//export pactffi_new_message_interaction
func pactffi_new_message_interaction(pact C.PactHandle, description *C.char) (ret C.InteractionHandle) {
	defer guard(&ret, 0, "pactffi_new_message_interaction")
	return newInteraction("pactffi_new_message_interaction", pact, description, model.AsyncMessage)
}

//export pactffi_new_sync_message_interaction
func pactffi_new_sync_message_interaction(pact C.PactHandle, description *C.char) (ret C.InteractionHandle) {
	defer guard(&ret, 0, "pactffi_new_sync_message_interaction")
	return newInteraction("pactffi_new_sync_message_interaction", pact, description, model.SyncMessage)
}

//export pactffi_pact_handle_write_file
func pactffi_pact_handle_write_file(pact C.PactHandle, directory *C.char, overwrite C.bool) (ret C.int32_t) {
	const fn = "pactffi_pact_handle_write_file"
	defer guard(&ret, 1, fn)
	dir := "."
	if directory != nil {
		d, err := cstr(directory, "directory")
		if err != nil {
			setError(errorf(fn, "%v", err))
			return 1
		}
		if d != "" {
			dir = d
		}
	}
	var path string
	err := withPact(uint16(pact), func(b *consumer.Builder) error {
		var err error
		path, err = pactfile.Write(b.Pact, dir, b.Pact.SpecVersion, bool(overwrite))
		return err
	})
	if err != nil {
		if _, lookupErr := pacts.Get(uint64(pact)); lookupErr != nil {
			setError(errorf(fn, "%v", err))
			return 3
		}
		setError(errorf(fn, "writing the pact file to %s: %v", dir, err))
		return 2
	}
	_ = path
	return 0
}

// pactPointers holds the struct Pact * values of pact_handle_to_pointer and
// parse_pact_json: snapshots of a pact, freed with pactffi_pact_model_delete
// (ffi/model.go).
var pactPointers = newPtrTable[*model.Pact]("Pact")

func init() { registerTable("Pact pointers", pactPointers.Len) }

//export pactffi_pact_handle_to_pointer
func pactffi_pact_handle_to_pointer(pact C.PactHandle) (ret *C.Pact) {
	const fn = "pactffi_pact_handle_to_pointer"
	defer guard(&ret, nil, fn)
	var snapshot *model.Pact
	if err := withPact(uint16(pact), func(b *consumer.Builder) error { snapshot = b.Pact.Clone(); return nil }); err != nil {
		setError(errorf(fn, "%v", err))
		return nil
	}
	return (*C.Pact)(pactPointers.Add(snapshot))
}

// testRunID is the id given to pactffi_set_test_run_id; libpact records it
// only for logging (pact_ffi passes it to plugins).
var (
	testRunIDMu sync.Mutex
	testRunID   string // guarded by testRunIDMu
)

//export pactffi_set_test_run_id
func pactffi_set_test_run_id(id *C.char) {
	const fn = "pactffi_set_test_run_id"
	defer guardVoid(fn)
	s, err := cstr(id, "test_run_id")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return
	}
	testRunIDMu.Lock()
	testRunID = s
	testRunIDMu.Unlock()
}
