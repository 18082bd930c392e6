package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// This file holds the model accessors of pact_ffi: a pact loaded from JSON
// (struct Pact *), its interactions by kind, and the iterators over them.
// model_parts.go has the getters and setters of the interaction kinds,
// model_rules.go the V3 Message functions and the rule, generator, metadata
// and provider-state iterators, model_messagepact.go the MessagePact
// functions, and model_objects.go the table of C-stable pointers with its
// ownership rules (caller-owned vs borrowed from a parent or an iterator).
//
// Every function locks modelMu for its whole run, validates its pointers
// against the object table (model_objects.go) and sets the thread's last
// error on failure.

// fail records err as the thread's last error, prefixed with the function
// name, and returns it for chaining.
func fail(fn string, err error) {
	setErrorMessage(fn + ": " + err.Error())
}

// newPactObject registers a caller-owned struct Pact * for p (the caller of
// newPactObject must hand a copy it will not change). pactffi_parse_pact_json
// and pactffi_pact_handle_to_pointer both return these.
func newPactObject(p *model.Pact) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	return newObject(kindPact, p, nil, 0).ptr
}

func pactArg(p unsafe.Pointer) (*object, *model.Pact, error) {
	adoptPactPointer(p)
	o, err := lookup(p, "pact", kindPact)
	if err != nil {
		return nil, nil, err
	}
	return o, o.val.(*model.Pact), nil
}

// adoptPactPointer takes over a struct Pact * that pactffi_pact_handle_to_pointer
// registered in the pactPointers table (pact.go), so that every model
// function accepts it; deleting it then frees the pactPointers entry.
func adoptPactPointer(p unsafe.Pointer) {
	if p == nil {
		return
	}
	if _, ok := objects[uintptr(p)]; ok {
		return
	}
	snapshot, err := pactPointers.Get(p)
	if err != nil {
		return
	}
	o := &object{kind: kindPact, val: snapshot, ptr: p, release: func() { _, _ = pactPointers.Remove(p) }}
	objects[uintptr(p)] = o
}

// interactionKinds are the object kinds whose value is a *model.Interaction.
var interactionKinds = []objKind{kindPactInteraction, kindSyncHTTP, kindAsyncMessage, kindSyncMessage, kindMessage}

func interactionArg(p unsafe.Pointer, what string, kinds ...objKind) (*object, *model.Interaction, error) {
	o, err := lookup(p, what, kinds...)
	if err != nil {
		return nil, nil, err
	}
	return o, o.val.(*model.Interaction), nil
}

//export pactffi_parse_pact_json
func pactffi_parse_pact_json(json *C.char) (ret *C.Pact) {
	const fn = "pactffi_parse_pact_json"
	defer guard(&ret, nil, fn)
	s, err := cstr(json, "json")
	if err != nil {
		fail(fn, err)
		return nil
	}
	p, _, err := pactfile.Parse([]byte(s))
	if err != nil {
		fail(fn, fmt.Errorf("the pact JSON could not be loaded: %w", err))
		return nil
	}
	clearError()
	return (*C.Pact)(newPactObject(p))
}

//export pactffi_pact_model_delete
func pactffi_pact_model_delete(pact *C.Pact) {
	const fn = "pactffi_pact_model_delete"
	defer guardVoid(fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	adoptPactPointer(unsafe.Pointer(pact))
	if err := deleteOwned(unsafe.Pointer(pact), "pact", kindPact); err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_pact_spec_version
func pactffi_pact_spec_version(pact *C.Pact) (ret C.PactSpecification) {
	const fn = "pactffi_pact_spec_version"
	defer guard(&ret, C.PactSpecification_Unknown, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := pactArg(unsafe.Pointer(pact))
	if err != nil {
		fail(fn, err)
		return C.PactSpecification_Unknown
	}
	clearError()
	return C.PactSpecification(p.SpecVersion)
}

//export pactffi_pact_model_interaction_iterator
func pactffi_pact_model_interaction_iterator(pact *C.Pact) (ret *C.PactInteractionIterator) {
	const fn = "pactffi_pact_model_interaction_iterator"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := pactArg(unsafe.Pointer(pact))
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := &iterState{}
	for _, i := range p.Interactions {
		it.items = append(it.items, i.Clone())
	}
	clearError()
	return (*C.PactInteractionIterator)(newObject(kindPactInteractionIter, it, nil, 0).ptr)
}

// iterNext returns the next item of the iterator at p (of kind) registered as
// an object of itemKind owned by the iterator, or nil past the end.
func iterNext(fn string, p unsafe.Pointer, kind, itemKind objKind) unsafe.Pointer {
	o, err := lookup(p, "iterator", kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	v, ok := o.val.(*iterState).advance()
	clearError()
	if !ok {
		return nil
	}
	return newObject(itemKind, v, o, 0).ptr
}

// iterDelete frees an iterator and everything it handed out.
func iterDelete(fn string, p unsafe.Pointer, kind objKind) {
	modelMu.Lock()
	defer modelMu.Unlock()
	if err := deleteOwned(p, "iterator", kind); err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_pact_interaction_iter_next
func pactffi_pact_interaction_iter_next(iter *C.PactInteractionIterator) (ret *C.PactInteraction) {
	const fn = "pactffi_pact_interaction_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.PactInteraction)(iterNext(fn, unsafe.Pointer(iter), kindPactInteractionIter, kindPactInteraction))
}

//export pactffi_pact_interaction_iter_delete
func pactffi_pact_interaction_iter_delete(iter *C.PactInteractionIterator) {
	const fn = "pactffi_pact_interaction_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindPactInteractionIter)
}

//export pactffi_pact_interaction_delete
func pactffi_pact_interaction_delete(interaction *C.PactInteraction) {
	const fn = "pactffi_pact_interaction_delete"
	defer guardVoid(fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	if err := deleteOwned(unsafe.Pointer(interaction), "interaction", kindPactInteraction); err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

// interactionAs returns a caller-owned copy of the PactInteraction at p as
// kind when its type is t, or NULL (with no error: "not of that kind" is an
// answer, not a failure).
func interactionAs(fn string, p unsafe.Pointer, t model.InteractionType, kind objKind) unsafe.Pointer {
	_, i, err := interactionArg(p, "interaction", kindPactInteraction)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if i.Type != t {
		return nil
	}
	c := i.Clone()
	if kind == kindMessage {
		asV3Message(c)
	}
	return newObject(kind, c, nil, 0).ptr
}

// asV3Message gives a V4 asynchronous message the metadata a V3 Message has:
// the body's content type under contentType when that key is missing
// (pact_models as_message).
func asV3Message(i *model.Interaction) {
	m := &i.MessageParts().Message
	m.Metadata = m.V3Metadata()
}

//export pactffi_pact_interaction_as_synchronous_http
func pactffi_pact_interaction_as_synchronous_http(interaction *C.PactInteraction) (ret *C.SynchronousHttp) {
	const fn = "pactffi_pact_interaction_as_synchronous_http"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.SynchronousHttp)(interactionAs(fn, unsafe.Pointer(interaction), model.HTTP, kindSyncHTTP))
}

//export pactffi_pact_interaction_as_message
func pactffi_pact_interaction_as_message(interaction *C.PactInteraction) (ret *C.Message) {
	const fn = "pactffi_pact_interaction_as_message"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.Message)(interactionAs(fn, unsafe.Pointer(interaction), model.AsyncMessage, kindMessage))
}

//export pactffi_pact_interaction_as_asynchronous_message
func pactffi_pact_interaction_as_asynchronous_message(interaction *C.PactInteraction) (ret *C.AsynchronousMessage) {
	const fn = "pactffi_pact_interaction_as_asynchronous_message"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.AsynchronousMessage)(interactionAs(fn, unsafe.Pointer(interaction), model.AsyncMessage, kindAsyncMessage))
}

//export pactffi_pact_interaction_as_synchronous_message
func pactffi_pact_interaction_as_synchronous_message(interaction *C.PactInteraction) (ret *C.SynchronousMessage) {
	const fn = "pactffi_pact_interaction_as_synchronous_message"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.SynchronousMessage)(interactionAs(fn, unsafe.Pointer(interaction), model.SyncMessage, kindSyncMessage))
}

// ---- Consumer and provider ------------------------------------------------

//export pactffi_pact_get_consumer
func pactffi_pact_get_consumer(pact *C.Pact) (ret *C.Consumer) {
	const fn = "pactffi_pact_get_consumer"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := pactArg(unsafe.Pointer(pact))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.Consumer)(newObject(kindConsumer, p.Consumer, nil, 0).ptr)
}

//export pactffi_pact_get_provider
func pactffi_pact_get_provider(pact *C.Pact) (ret *C.Provider) {
	const fn = "pactffi_pact_get_provider"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, p, err := pactArg(unsafe.Pointer(pact))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.Provider)(newObject(kindProvider, p.Provider, nil, 0).ptr)
}

func nameOf(fn string, p unsafe.Pointer, what string, kind objKind) *C.char {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(p, what, kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(o.val.(string))
}

//export pactffi_consumer_get_name
func pactffi_consumer_get_name(consumer *C.Consumer) (ret *C.char) {
	const fn = "pactffi_consumer_get_name"
	defer guard(&ret, nil, fn)
	return nameOf(fn, unsafe.Pointer(consumer), "consumer", kindConsumer)
}

//export pactffi_provider_get_name
func pactffi_provider_get_name(provider *C.Provider) (ret *C.char) {
	const fn = "pactffi_provider_get_name"
	defer guard(&ret, nil, fn)
	return nameOf(fn, unsafe.Pointer(provider), "provider", kindProvider)
}

func deleteObject(fn string, p unsafe.Pointer, what string, kinds ...objKind) {
	modelMu.Lock()
	defer modelMu.Unlock()
	if err := deleteOwned(p, what, kinds...); err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_pact_consumer_delete
func pactffi_pact_consumer_delete(consumer *C.Consumer) {
	const fn = "pactffi_pact_consumer_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(consumer), "consumer", kindConsumer)
}

//export pactffi_pact_provider_delete
func pactffi_pact_provider_delete(provider *C.Provider) {
	const fn = "pactffi_pact_provider_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(provider), "provider", kindProvider)
}

// ---- Iterators over a pact's interactions of one kind ----------------------

// kindIter builds an iterator of kind over copies of the interactions of p
// of type t (for kindPactMessageIter, as V3 messages).
func kindIter(p *model.Pact, t model.InteractionType, kind objKind) unsafe.Pointer {
	it := &iterState{}
	for _, i := range p.Interactions {
		if i.Type != t {
			continue
		}
		c := i.Clone()
		if kind == kindPactMessageIter {
			asV3Message(c)
		}
		it.items = append(it.items, c)
	}
	return newObject(kind, it, nil, 0).ptr
}

//export pactffi_pact_message_iter_next
func pactffi_pact_message_iter_next(iter *C.PactMessageIterator) (ret *C.Message) {
	const fn = "pactffi_pact_message_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.Message)(iterNext(fn, unsafe.Pointer(iter), kindPactMessageIter, kindMessage))
}

//export pactffi_pact_message_iter_delete
func pactffi_pact_message_iter_delete(iter *C.PactMessageIterator) {
	const fn = "pactffi_pact_message_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindPactMessageIter)
}

//export pactffi_pact_async_message_iter_next
func pactffi_pact_async_message_iter_next(iter *C.PactAsyncMessageIterator) (ret *C.AsynchronousMessage) {
	const fn = "pactffi_pact_async_message_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.AsynchronousMessage)(iterNext(fn, unsafe.Pointer(iter), kindPactAsyncMessageIter, kindAsyncMessage))
}

//export pactffi_pact_async_message_iter_delete
func pactffi_pact_async_message_iter_delete(iter *C.PactAsyncMessageIterator) {
	const fn = "pactffi_pact_async_message_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindPactAsyncMessageIter)
}

//export pactffi_pact_sync_message_iter_next
func pactffi_pact_sync_message_iter_next(iter *C.PactSyncMessageIterator) (ret *C.SynchronousMessage) {
	const fn = "pactffi_pact_sync_message_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.SynchronousMessage)(iterNext(fn, unsafe.Pointer(iter), kindPactSyncMessageIter, kindSyncMessage))
}

//export pactffi_pact_sync_message_iter_delete
func pactffi_pact_sync_message_iter_delete(iter *C.PactSyncMessageIterator) {
	const fn = "pactffi_pact_sync_message_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindPactSyncMessageIter)
}

//export pactffi_pact_sync_http_iter_next
func pactffi_pact_sync_http_iter_next(iter *C.PactSyncHttpIterator) (ret *C.SynchronousHttp) {
	const fn = "pactffi_pact_sync_http_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.SynchronousHttp)(iterNext(fn, unsafe.Pointer(iter), kindPactSyncHTTPIter, kindSyncHTTP))
}

//export pactffi_pact_sync_http_iter_delete
func pactffi_pact_sync_http_iter_delete(iter *C.PactSyncHttpIterator) {
	const fn = "pactffi_pact_sync_http_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindPactSyncHTTPIter)
}
