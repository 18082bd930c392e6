package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// The MessagePact model functions: a V3 message pact loaded from JSON, its
// consumer and provider (borrowed), its messages and its two-level metadata.

func messagePactArg(p unsafe.Pointer) (*object, *model.Pact, error) {
	o, err := lookup(p, "message_pact", kindMessagePact)
	if err != nil {
		return nil, nil, err
	}
	return o, o.val.(*model.Pact), nil
}

//export pactffi_message_pact_new_from_json
func pactffi_message_pact_new_from_json(fileName, jsonStr *C.char) (ret *C.MessagePact) {
	const fn = "pactffi_message_pact_new_from_json"
	defer guard(&ret, nil, fn)
	name, err := cstr(fileName, "file_name")
	if err != nil {
		fail(fn, err)
		return nil
	}
	s, err := cstr(jsonStr, "json_str")
	if err != nil {
		fail(fn, err)
		return nil
	}
	p, _, err := pactfile.Parse([]byte(s))
	if err != nil {
		fail(fn, fmt.Errorf("%s: %w", name, err))
		return nil
	}
	for _, i := range p.Interactions {
		if i.Type != model.AsyncMessage {
			fail(fn, fmt.Errorf("%s: interaction %q is a %s interaction; a message pact holds only messages", name, i.Description, i.Type))
			return nil
		}
	}
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.MessagePact)(newObject(kindMessagePact, p, nil, 0).ptr)
}

//export pactffi_message_pact_delete
func pactffi_message_pact_delete(mp *C.MessagePact) {
	const fn = "pactffi_message_pact_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(mp), "message_pact", kindMessagePact)
}

//export pactffi_message_pact_get_consumer
func pactffi_message_pact_get_consumer(mp *C.MessagePact) (ret *C.Consumer) {
	const fn = "pactffi_message_pact_get_consumer"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, p, err := messagePactArg(unsafe.Pointer(mp))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.Consumer)(borrow(o, "consumer", kindConsumer, func() any { return p.Consumer }).ptr)
}

//export pactffi_message_pact_get_provider
func pactffi_message_pact_get_provider(mp *C.MessagePact) (ret *C.Provider) {
	const fn = "pactffi_message_pact_get_provider"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, p, err := messagePactArg(unsafe.Pointer(mp))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.Provider)(borrow(o, "provider", kindProvider, func() any { return p.Provider }).ptr)
}

//export pactffi_message_pact_get_message_iter
func pactffi_message_pact_get_message_iter(mp *C.MessagePact) (ret *C.MessagePactMessageIterator) {
	const fn = "pactffi_message_pact_get_message_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := messagePactArg(unsafe.Pointer(mp))
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := &iterState{}
	for _, i := range p.Interactions {
		if i.Type == model.AsyncMessage {
			asV3Message(i)
			it.items = append(it.items, i) // the messages themselves: changes show in the pact
		}
	}
	clearError()
	return (*C.MessagePactMessageIterator)(newObject(kindMessagePactMessageIter, it, nil, 0).ptr)
}

//export pactffi_message_pact_message_iter_next
func pactffi_message_pact_message_iter_next(iter *C.MessagePactMessageIterator) (ret *C.Message) {
	const fn = "pactffi_message_pact_message_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.Message)(iterNext(fn, unsafe.Pointer(iter), kindMessagePactMessageIter, kindMessage))
}

//export pactffi_message_pact_message_iter_delete
func pactffi_message_pact_message_iter_delete(iter *C.MessagePactMessageIterator) {
	const fn = "pactffi_message_pact_message_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindMessagePactMessageIter)
}

//export pactffi_message_pact_find_metadata
func pactffi_message_pact_find_metadata(mp *C.MessagePact, key1, key2 *C.char) (ret *C.char) {
	const fn = "pactffi_message_pact_find_metadata"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := messagePactArg(unsafe.Pointer(mp))
	if err != nil {
		fail(fn, err)
		return nil
	}
	k1, err := cstr(key1, "key1")
	if err != nil {
		fail(fn, err)
		return nil
	}
	k2, err := cstr(key2, "key2")
	if err != nil {
		fail(fn, err)
		return nil
	}
	inner, ok := pactfile.MetadataSection(p, k1)
	if !ok {
		fail(fn, fmt.Errorf("invalid metadata key (key 1): %q", k1))
		return nil
	}
	v, ok := inner[k2]
	if !ok {
		fail(fn, fmt.Errorf("invalid metadata key (key 2): %q", k2))
		return nil
	}
	clearError()
	return C.CString(message.JSONString(v))
}

// messagePactMetaIter walks the metadata keys of a message pact
// (pactfile.MetadataKeys).
type messagePactMetaIter struct {
	pact *model.Pact
	keys []pactfile.MetadataKey
	next int
}

//export pactffi_message_pact_get_metadata_iter
func pactffi_message_pact_get_metadata_iter(mp *C.MessagePact) (ret *C.MessagePactMetadataIterator) {
	const fn = "pactffi_message_pact_get_metadata_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := messagePactArg(unsafe.Pointer(mp))
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := &messagePactMetaIter{pact: p, keys: pactfile.MetadataKeys(p)}
	clearError()
	return (*C.MessagePactMetadataIterator)(newObject(kindMessagePactMetadataIter, it, nil, 0).ptr)
}

//export pactffi_message_pact_metadata_iter_next
func pactffi_message_pact_metadata_iter_next(iter *C.MessagePactMetadataIterator) (ret *C.MessagePactMetadataTriple) {
	const fn = "pactffi_message_pact_metadata_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(iter), "iterator", kindMessagePactMetadataIter)
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := o.val.(*messagePactMetaIter)
	clearError()
	for it.next < len(it.keys) {
		k := it.keys[it.next]
		it.next++
		inner, ok := pactfile.MetadataSection(it.pact, k.Section)
		if !ok {
			continue
		}
		v, ok := inner[k.Key]
		if !ok {
			continue
		}
		t := newObject(kindMetadataTriple, nil, nil, unsafe.Sizeof(C.MessagePactMetadataTriple{}))
		ct := (*C.MessagePactMetadataTriple)(t.ptr)
		ct.outer_key = borrowCString(t, k.Section)
		ct.inner_key = borrowCString(t, k.Key)
		ct.value = borrowCString(t, message.JSONString(v))
		return ct
	}
	return nil
}

//export pactffi_message_pact_metadata_iter_delete
func pactffi_message_pact_metadata_iter_delete(iter *C.MessagePactMetadataIterator) {
	const fn = "pactffi_message_pact_metadata_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindMessagePactMetadataIter)
}

//export pactffi_message_pact_metadata_triple_delete
func pactffi_message_pact_metadata_triple_delete(triple *C.MessagePactMetadataTriple) {
	const fn = "pactffi_message_pact_metadata_triple_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(triple), "metadata triple", kindMetadataTriple)
}
