package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"bytes"
	"fmt"
	"unsafe"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
)

// The getters and setters of SynchronousHttp, AsynchronousMessage,
// SynchronousMessage, Message (V3), MessageContents, HttpRequest/Response and
// ProviderState.

// contentsRef resolves the MessageContents an object stands for. Contents
// borrowed from a synchronous message are re-resolved on every use, because
// setting a response past the end grows (and may move) the response list.
type contentsRef func() (*model.MessageContents, error)

func fixedContents(mc *model.MessageContents) contentsRef {
	return func() (*model.MessageContents, error) { return mc, nil }
}

func contentsArg(p unsafe.Pointer) (*object, *model.MessageContents, error) {
	o, err := lookup(p, "message contents", kindMessageContents)
	if err != nil {
		return nil, nil, err
	}
	mc, err := o.val.(contentsRef)()
	return o, mc, err
}

// ---- bodies ------------------------------------------------------------------

// bodyString returns a body as a new C string: Missing gives NULL, Empty and
// Null give "" (as pact_ffi does).
func bodyString(fn string, b *model.Body) *C.char {
	switch b.State {
	case model.BodyMissing:
		clearError()
		return nil
	case model.BodyEmpty, model.BodyNull:
		clearError()
		return C.CString("")
	}
	// pact_ffi gives "" for bodies it does not see as text: a BINARY hint, a
	// binary content type, or bytes that are not UTF-8. (It also gives "" for
	// a body with no content type of its own, which libpact does not copy:
	// such bodies are returned as text when they are UTF-8.)
	if message.IsBinaryBody(*b, b.ContentType) {
		clearError()
		return C.CString("")
	}
	if bytes.IndexByte(b.Content, 0) >= 0 {
		fail(fn, fmt.Errorf("the contents hold a NUL byte, so they cannot be returned as a C string; use the *_contents_bin function"))
		return nil
	}
	clearError()
	return C.CString(string(b.Content))
}

func bodyLength(b *model.Body) C.size_t {
	if b.State != model.BodyPresent {
		return 0
	}
	return C.size_t(len(b.Content))
}

// bodyBin returns a pointer to the body's bytes that stays valid while owner
// lives, or NULL when the body has none.
func bodyBin(owner *object, key string, b *model.Body) *C.uchar {
	if b.State != model.BodyPresent {
		return nil
	}
	return (*C.uchar)(borrowBytes(owner, key, b.Content))
}

// setBodyStr sets a body from a C string (NULL gives a Null body), with an
// optional content type, as the *_set_contents_str functions do.
func setBodyStr(b *model.Body, contents, contentType *C.char) error {
	if contents == nil {
		*b = model.Body{State: model.BodyNull}
		return nil
	}
	s, err := cstr(contents, "contents")
	if err != nil {
		return err
	}
	ct, _, err := optCstr(contentType, "content_type")
	if err != nil {
		return err
	}
	*b = model.Body{State: model.BodyPresent, Content: []byte(s), ContentType: ct, Hint: model.HintText}
	return nil
}

// setBodyBin sets a body from bytes (NULL gives a Null body), as the
// *_set_contents_bin functions do.
func setBodyBin(b *model.Body, contents *C.uchar, n C.size_t, contentType *C.char) error {
	if contents == nil {
		*b = model.Body{State: model.BodyNull}
		return nil
	}
	data, err := cbytes(unsafe.Pointer(contents), n, "contents")
	if err != nil {
		return err
	}
	ct, _, err := optCstr(contentType, "content_type")
	if err != nil {
		return err
	}
	*b = model.Body{State: model.BodyPresent, Content: data, ContentType: ct, Hint: model.HintBinary}
	return nil
}

// ---- descriptions ------------------------------------------------------------

func getDescription(fn string, p unsafe.Pointer, what string, kinds ...objKind) *C.char {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, what, kinds...)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(i.Description)
}

func setDescription(fn string, p unsafe.Pointer, description *C.char, what string, kinds ...objKind) C.int {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, what, kinds...)
	if err != nil {
		fail(fn, err)
		return 1
	}
	d, err := cstr(description, "description")
	if err != nil {
		fail(fn, err)
		return 1
	}
	i.Description = d
	clearError()
	return 0
}

//export pactffi_sync_http_get_description
func pactffi_sync_http_get_description(interaction *C.SynchronousHttp) (ret *C.char) {
	const fn = "pactffi_sync_http_get_description"
	defer guard(&ret, nil, fn)
	return getDescription(fn, unsafe.Pointer(interaction), "interaction", kindSyncHTTP)
}

//export pactffi_sync_http_set_description
func pactffi_sync_http_set_description(interaction *C.SynchronousHttp, description *C.char) (ret C.int) {
	const fn = "pactffi_sync_http_set_description"
	defer guard(&ret, 1, fn)
	return setDescription(fn, unsafe.Pointer(interaction), description, "interaction", kindSyncHTTP)
}

//export pactffi_async_message_get_description
func pactffi_async_message_get_description(msg *C.AsynchronousMessage) (ret *C.char) {
	const fn = "pactffi_async_message_get_description"
	defer guard(&ret, nil, fn)
	return getDescription(fn, unsafe.Pointer(msg), "message", kindAsyncMessage)
}

//export pactffi_async_message_set_description
func pactffi_async_message_set_description(msg *C.AsynchronousMessage, description *C.char) (ret C.int) {
	const fn = "pactffi_async_message_set_description"
	defer guard(&ret, 1, fn)
	return setDescription(fn, unsafe.Pointer(msg), description, "message", kindAsyncMessage)
}

//export pactffi_sync_message_get_description
func pactffi_sync_message_get_description(msg *C.SynchronousMessage) (ret *C.char) {
	const fn = "pactffi_sync_message_get_description"
	defer guard(&ret, nil, fn)
	return getDescription(fn, unsafe.Pointer(msg), "message", kindSyncMessage)
}

//export pactffi_sync_message_set_description
func pactffi_sync_message_set_description(msg *C.SynchronousMessage, description *C.char) (ret C.int) {
	const fn = "pactffi_sync_message_set_description"
	defer guard(&ret, 1, fn)
	return setDescription(fn, unsafe.Pointer(msg), description, "message", kindSyncMessage)
}

//export pactffi_message_get_description
func pactffi_message_get_description(msg *C.Message) (ret *C.char) {
	const fn = "pactffi_message_get_description"
	defer guard(&ret, nil, fn)
	return getDescription(fn, unsafe.Pointer(msg), "message", kindMessage)
}

//export pactffi_message_set_description
func pactffi_message_set_description(msg *C.Message, description *C.char) (ret C.int) {
	const fn = "pactffi_message_set_description"
	defer guard(&ret, 1, fn)
	return setDescription(fn, unsafe.Pointer(msg), description, "message", kindMessage)
}

// ---- provider states ---------------------------------------------------------

// stateAt returns the provider state at index of the interaction at p,
// borrowed from it.
func stateAt(fn string, p unsafe.Pointer, index C.uint, what string, kinds ...objKind) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, i, err := interactionArg(p, what, kinds...)
	if err != nil {
		fail(fn, err)
		return nil
	}
	n := int(index)
	if n >= len(i.ProviderStates) {
		fail(fn, fmt.Errorf("index %d is out of bounds: the interaction has %d provider states", n, len(i.ProviderStates)))
		return nil
	}
	clearError()
	return borrow(o, fmt.Sprintf("state:%d", n), kindProviderState, func() any { return &i.ProviderStates[n] }).ptr
}

// stateIter returns a caller-owned iterator over the provider states of the
// interaction at p.
func stateIter(fn string, p unsafe.Pointer, what string, kinds ...objKind) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, what, kinds...)
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := &iterState{}
	for n := range i.ProviderStates {
		it.items = append(it.items, &i.ProviderStates[n])
	}
	clearError()
	return newObject(kindProviderStateIter, it, nil, 0).ptr
}

//export pactffi_sync_http_get_provider_state
func pactffi_sync_http_get_provider_state(interaction *C.SynchronousHttp, index C.uint) (ret *C.ProviderState) {
	const fn = "pactffi_sync_http_get_provider_state"
	defer guard(&ret, nil, fn)
	return (*C.ProviderState)(stateAt(fn, unsafe.Pointer(interaction), index, "interaction", kindSyncHTTP))
}

//export pactffi_sync_http_get_provider_state_iter
func pactffi_sync_http_get_provider_state_iter(interaction *C.SynchronousHttp) (ret *C.ProviderStateIterator) {
	const fn = "pactffi_sync_http_get_provider_state_iter"
	defer guard(&ret, nil, fn)
	return (*C.ProviderStateIterator)(stateIter(fn, unsafe.Pointer(interaction), "interaction", kindSyncHTTP))
}

//export pactffi_async_message_get_provider_state
func pactffi_async_message_get_provider_state(msg *C.AsynchronousMessage, index C.uint) (ret *C.ProviderState) {
	const fn = "pactffi_async_message_get_provider_state"
	defer guard(&ret, nil, fn)
	return (*C.ProviderState)(stateAt(fn, unsafe.Pointer(msg), index, "message", kindAsyncMessage))
}

//export pactffi_async_message_get_provider_state_iter
func pactffi_async_message_get_provider_state_iter(msg *C.AsynchronousMessage) (ret *C.ProviderStateIterator) {
	const fn = "pactffi_async_message_get_provider_state_iter"
	defer guard(&ret, nil, fn)
	return (*C.ProviderStateIterator)(stateIter(fn, unsafe.Pointer(msg), "message", kindAsyncMessage))
}

//export pactffi_sync_message_get_provider_state
func pactffi_sync_message_get_provider_state(msg *C.SynchronousMessage, index C.uint) (ret *C.ProviderState) {
	const fn = "pactffi_sync_message_get_provider_state"
	defer guard(&ret, nil, fn)
	return (*C.ProviderState)(stateAt(fn, unsafe.Pointer(msg), index, "message", kindSyncMessage))
}

//export pactffi_sync_message_get_provider_state_iter
func pactffi_sync_message_get_provider_state_iter(msg *C.SynchronousMessage) (ret *C.ProviderStateIterator) {
	const fn = "pactffi_sync_message_get_provider_state_iter"
	defer guard(&ret, nil, fn)
	return (*C.ProviderStateIterator)(stateIter(fn, unsafe.Pointer(msg), "message", kindSyncMessage))
}

//export pactffi_message_get_provider_state
func pactffi_message_get_provider_state(msg *C.Message, index C.uint) (ret *C.ProviderState) {
	const fn = "pactffi_message_get_provider_state"
	defer guard(&ret, nil, fn)
	return (*C.ProviderState)(stateAt(fn, unsafe.Pointer(msg), index, "message", kindMessage))
}

//export pactffi_message_get_provider_state_iter
func pactffi_message_get_provider_state_iter(msg *C.Message) (ret *C.ProviderStateIterator) {
	const fn = "pactffi_message_get_provider_state_iter"
	defer guard(&ret, nil, fn)
	return (*C.ProviderStateIterator)(stateIter(fn, unsafe.Pointer(msg), "message", kindMessage))
}

//export pactffi_provider_state_iter_next
func pactffi_provider_state_iter_next(iter *C.ProviderStateIterator) (ret *C.ProviderState) {
	const fn = "pactffi_provider_state_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.ProviderState)(iterNext(fn, unsafe.Pointer(iter), kindProviderStateIter, kindProviderState))
}

//export pactffi_provider_state_iter_delete
func pactffi_provider_state_iter_delete(iter *C.ProviderStateIterator) {
	const fn = "pactffi_provider_state_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindProviderStateIter)
}

//export pactffi_provider_state_get_name
func pactffi_provider_state_get_name(state *C.ProviderState) (ret *C.char) {
	const fn = "pactffi_provider_state_get_name"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(state), "provider state", kindProviderState)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(o.val.(*model.ProviderState).Name)
}

//export pactffi_provider_state_delete
func pactffi_provider_state_delete(state *C.ProviderState) {
	const fn = "pactffi_provider_state_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(state), "provider state", kindProviderState)
}

// ---- SynchronousHttp -----------------------------------------------------------

//export pactffi_sync_http_new
func pactffi_sync_http_new() (ret *C.SynchronousHttp) {
	const fn = "pactffi_sync_http_new"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	i := model.NewInteraction(model.HTTP, "")
	clearError()
	return (*C.SynchronousHttp)(newObject(kindSyncHTTP, i, nil, 0).ptr)
}

//export pactffi_sync_http_delete
func pactffi_sync_http_delete(interaction *C.SynchronousHttp) {
	const fn = "pactffi_sync_http_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(interaction), "interaction", kindSyncHTTP)
}

//export pactffi_sync_http_get_request
func pactffi_sync_http_get_request(interaction *C.SynchronousHttp) (ret *C.HttpRequest) {
	const fn = "pactffi_sync_http_get_request"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, i, err := interactionArg(unsafe.Pointer(interaction), "interaction", kindSyncHTTP)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.HttpRequest)(borrow(o, "request", kindHTTPRequest, func() any { return &i.Request }).ptr)
}

//export pactffi_sync_http_get_response
func pactffi_sync_http_get_response(interaction *C.SynchronousHttp) (ret *C.HttpResponse) {
	const fn = "pactffi_sync_http_get_response"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, i, err := interactionArg(unsafe.Pointer(interaction), "interaction", kindSyncHTTP)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.HttpResponse)(borrow(o, "response", kindHTTPResponse, func() any { return &i.Response }).ptr)
}

// httpBody returns the request (part 0) or response body of a
// SynchronousHttp.
func httpBody(p unsafe.Pointer, response bool) (*object, *model.Body, error) {
	o, i, err := interactionArg(p, "interaction", kindSyncHTTP)
	if err != nil {
		return nil, nil, err
	}
	if response {
		return o, &i.Response.Body, nil
	}
	return o, &i.Request.Body, nil
}

func httpContents(fn string, p unsafe.Pointer, response bool) *C.char {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, b, err := httpBody(p, response)
	if err != nil {
		fail(fn, err)
		return nil
	}
	return bodyString(fn, b)
}

func httpLength(fn string, p unsafe.Pointer, response bool) C.size_t {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, b, err := httpBody(p, response)
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	return bodyLength(b)
}

func httpBin(fn string, p unsafe.Pointer, response bool) *C.uchar {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, b, err := httpBody(p, response)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	key := "request"
	if response {
		key = "response"
	}
	return bodyBin(o, key, b)
}

func httpSetStr(fn string, p unsafe.Pointer, response bool, contents, ct *C.char) {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, b, err := httpBody(p, response)
	if err == nil {
		err = setBodyStr(b, contents, ct)
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

func httpSetBin(fn string, p unsafe.Pointer, response bool, contents *C.uchar, n C.size_t, ct *C.char) {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, b, err := httpBody(p, response)
	if err == nil {
		err = setBodyBin(b, contents, n, ct)
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_sync_http_get_request_contents
func pactffi_sync_http_get_request_contents(interaction *C.SynchronousHttp) (ret *C.char) {
	const fn = "pactffi_sync_http_get_request_contents"
	defer guard(&ret, nil, fn)
	return httpContents(fn, unsafe.Pointer(interaction), false)
}

//export pactffi_sync_http_get_request_contents_length
func pactffi_sync_http_get_request_contents_length(interaction *C.SynchronousHttp) (ret C.size_t) {
	const fn = "pactffi_sync_http_get_request_contents_length"
	defer guard(&ret, 0, fn)
	return httpLength(fn, unsafe.Pointer(interaction), false)
}

//export pactffi_sync_http_get_request_contents_bin
func pactffi_sync_http_get_request_contents_bin(interaction *C.SynchronousHttp) (ret *C.uchar) {
	const fn = "pactffi_sync_http_get_request_contents_bin"
	defer guard(&ret, nil, fn)
	return httpBin(fn, unsafe.Pointer(interaction), false)
}

//export pactffi_sync_http_set_request_contents
func pactffi_sync_http_set_request_contents(interaction *C.SynchronousHttp, contents, contentType *C.char) {
	const fn = "pactffi_sync_http_set_request_contents"
	defer guardVoid(fn)
	httpSetStr(fn, unsafe.Pointer(interaction), false, contents, contentType)
}

//export pactffi_sync_http_set_request_contents_bin
func pactffi_sync_http_set_request_contents_bin(interaction *C.SynchronousHttp, contents *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_sync_http_set_request_contents_bin"
	defer guardVoid(fn)
	httpSetBin(fn, unsafe.Pointer(interaction), false, contents, n, contentType)
}

//export pactffi_sync_http_get_response_contents
func pactffi_sync_http_get_response_contents(interaction *C.SynchronousHttp) (ret *C.char) {
	const fn = "pactffi_sync_http_get_response_contents"
	defer guard(&ret, nil, fn)
	return httpContents(fn, unsafe.Pointer(interaction), true)
}

//export pactffi_sync_http_get_response_contents_length
func pactffi_sync_http_get_response_contents_length(interaction *C.SynchronousHttp) (ret C.size_t) {
	const fn = "pactffi_sync_http_get_response_contents_length"
	defer guard(&ret, 0, fn)
	return httpLength(fn, unsafe.Pointer(interaction), true)
}

//export pactffi_sync_http_get_response_contents_bin
func pactffi_sync_http_get_response_contents_bin(interaction *C.SynchronousHttp) (ret *C.uchar) {
	const fn = "pactffi_sync_http_get_response_contents_bin"
	defer guard(&ret, nil, fn)
	return httpBin(fn, unsafe.Pointer(interaction), true)
}

//export pactffi_sync_http_set_response_contents
func pactffi_sync_http_set_response_contents(interaction *C.SynchronousHttp, contents, contentType *C.char) {
	const fn = "pactffi_sync_http_set_response_contents"
	defer guardVoid(fn)
	httpSetStr(fn, unsafe.Pointer(interaction), true, contents, contentType)
}

//export pactffi_sync_http_set_response_contents_bin
func pactffi_sync_http_set_response_contents_bin(interaction *C.SynchronousHttp, contents *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_sync_http_set_response_contents_bin"
	defer guardVoid(fn)
	httpSetBin(fn, unsafe.Pointer(interaction), true, contents, n, contentType)
}

// ---- message contents by owner -------------------------------------------------

// msgContents resolves the contents of an async message, a V3 message, or
// the request (index < 0) or a response of a sync message. grow makes a
// response past the end exist (the setters do; pact_ffi resizes the list).
func msgContents(i *model.Interaction, index int, grow bool) (*model.MessageContents, error) {
	switch i.Type {
	case model.AsyncMessage:
		return &i.MessageParts().Message, nil
	case model.SyncMessage:
		parts := i.MessageParts()
		if index < 0 {
			return &parts.Request, nil
		}
		if index >= len(parts.Responses) {
			if !grow {
				return nil, fmt.Errorf("response index %d is out of bounds: the message has %d responses", index, len(parts.Responses))
			}
			for len(parts.Responses) <= index {
				parts.Responses = append(parts.Responses, model.MessageContents{})
			}
		}
		return &parts.Responses[index], nil
	}
	return nil, fmt.Errorf("interaction %q is not a message", i.Description)
}

func msgContentsStr(fn string, p unsafe.Pointer, index int, kind objKind, generate bool) *C.char {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	mc, err := msgContents(i, index, false)
	if err != nil {
		clearError() // pact_ffi returns NULL for an index past the end
		return nil
	}
	if generate && mc.Contents.State == model.BodyPresent {
		g, err := generators.GenerateMessage(mc, generators.Consumer, generators.Context{})
		if err != nil {
			fail(fn, fmt.Errorf("applying generators: %w", err))
			return nil
		}
		mc = &g
	}
	return bodyString(fn, &mc.Contents)
}

func msgContentsLength(fn string, p unsafe.Pointer, index int, kind objKind) C.size_t {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	mc, err := msgContents(i, index, false)
	if err != nil {
		return 0
	}
	return bodyLength(&mc.Contents)
}

func msgContentsBin(fn string, p unsafe.Pointer, index int, kind objKind) *C.uchar {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	mc, err := msgContents(i, index, false)
	if err != nil {
		return nil
	}
	return bodyBin(o, fmt.Sprintf("contents:%d", index), &mc.Contents)
}

func msgSetStr(fn string, p unsafe.Pointer, index int, kind objKind, contents, ct *C.char) {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return
	}
	mc, err := msgContents(i, index, true)
	if err == nil {
		err = setBodyStr(&mc.Contents, contents, ct)
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

func msgSetBin(fn string, p unsafe.Pointer, index int, kind objKind, contents *C.uchar, n C.size_t, ct *C.char) {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return
	}
	mc, err := msgContents(i, index, true)
	if err == nil {
		err = setBodyBin(&mc.Contents, contents, n, ct)
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

// msgContentsObj returns the MessageContents of a message borrowed from it
// (index < 0: the async contents or the sync request).
func msgContentsObj(fn string, p unsafe.Pointer, index int, kind objKind) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	if _, err := msgContents(i, index, false); err != nil {
		clearError()
		return nil
	}
	clearError()
	ref := contentsRef(func() (*model.MessageContents, error) { return msgContents(i, index, false) })
	return borrow(o, fmt.Sprintf("contents:%d", index), kindMessageContents, func() any { return ref }).ptr
}

// msgGenerate returns caller-owned contents with generators applied.
func msgGenerate(fn string, p unsafe.Pointer, index int, kind objKind) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(p, "message", kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	mc, err := msgContents(i, index, false)
	if err != nil {
		clearError()
		return nil
	}
	g, err := generators.GenerateMessage(mc, generators.Consumer, generators.Context{})
	if err != nil {
		fail(fn, fmt.Errorf("applying generators: %w", err))
		return nil
	}
	clearError()
	return newObject(kindMessageContents, fixedContents(&g), nil, 0).ptr
}

// ---- AsynchronousMessage ---------------------------------------------------------

//export pactffi_async_message_new
func pactffi_async_message_new() (ret *C.AsynchronousMessage) {
	const fn = "pactffi_async_message_new"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.AsynchronousMessage)(newObject(kindAsyncMessage, model.NewInteraction(model.AsyncMessage, ""), nil, 0).ptr)
}

//export pactffi_async_message_delete
func pactffi_async_message_delete(msg *C.AsynchronousMessage) {
	const fn = "pactffi_async_message_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(msg), "message", kindAsyncMessage)
}

//export pactffi_async_message_get_contents
func pactffi_async_message_get_contents(msg *C.AsynchronousMessage) (ret *C.MessageContents) {
	const fn = "pactffi_async_message_get_contents"
	defer guard(&ret, nil, fn)
	return (*C.MessageContents)(msgContentsObj(fn, unsafe.Pointer(msg), -1, kindAsyncMessage))
}

//export pactffi_async_message_generate_contents
func pactffi_async_message_generate_contents(msg *C.AsynchronousMessage) (ret *C.MessageContents) {
	const fn = "pactffi_async_message_generate_contents"
	defer guard(&ret, nil, fn)
	return (*C.MessageContents)(msgGenerate(fn, unsafe.Pointer(msg), -1, kindAsyncMessage))
}

//export pactffi_async_message_get_contents_str
func pactffi_async_message_get_contents_str(msg *C.AsynchronousMessage) (ret *C.char) {
	const fn = "pactffi_async_message_get_contents_str"
	defer guard(&ret, nil, fn)
	return msgContentsStr(fn, unsafe.Pointer(msg), -1, kindAsyncMessage, false)
}

//export pactffi_async_message_set_contents_str
func pactffi_async_message_set_contents_str(msg *C.AsynchronousMessage, contents, contentType *C.char) {
	const fn = "pactffi_async_message_set_contents_str"
	defer guardVoid(fn)
	msgSetStr(fn, unsafe.Pointer(msg), -1, kindAsyncMessage, contents, contentType)
}

//export pactffi_async_message_get_contents_length
func pactffi_async_message_get_contents_length(msg *C.AsynchronousMessage) (ret C.size_t) {
	const fn = "pactffi_async_message_get_contents_length"
	defer guard(&ret, 0, fn)
	return msgContentsLength(fn, unsafe.Pointer(msg), -1, kindAsyncMessage)
}

//export pactffi_async_message_get_contents_bin
func pactffi_async_message_get_contents_bin(msg *C.AsynchronousMessage) (ret *C.uchar) {
	const fn = "pactffi_async_message_get_contents_bin"
	defer guard(&ret, nil, fn)
	return msgContentsBin(fn, unsafe.Pointer(msg), -1, kindAsyncMessage)
}

//export pactffi_async_message_set_contents_bin
func pactffi_async_message_set_contents_bin(msg *C.AsynchronousMessage, contents *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_async_message_set_contents_bin"
	defer guardVoid(fn)
	msgSetBin(fn, unsafe.Pointer(msg), -1, kindAsyncMessage, contents, n, contentType)
}

// ---- SynchronousMessage ------------------------------------------------------------

//export pactffi_sync_message_new
func pactffi_sync_message_new() (ret *C.SynchronousMessage) {
	const fn = "pactffi_sync_message_new"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.SynchronousMessage)(newObject(kindSyncMessage, model.NewInteraction(model.SyncMessage, ""), nil, 0).ptr)
}

//export pactffi_sync_message_delete
func pactffi_sync_message_delete(msg *C.SynchronousMessage) {
	const fn = "pactffi_sync_message_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(msg), "message", kindSyncMessage)
}

//export pactffi_sync_message_get_request_contents_str
func pactffi_sync_message_get_request_contents_str(msg *C.SynchronousMessage) (ret *C.char) {
	const fn = "pactffi_sync_message_get_request_contents_str"
	defer guard(&ret, nil, fn)
	return msgContentsStr(fn, unsafe.Pointer(msg), -1, kindSyncMessage, false)
}

//export pactffi_sync_message_set_request_contents_str
func pactffi_sync_message_set_request_contents_str(msg *C.SynchronousMessage, contents, contentType *C.char) {
	const fn = "pactffi_sync_message_set_request_contents_str"
	defer guardVoid(fn)
	msgSetStr(fn, unsafe.Pointer(msg), -1, kindSyncMessage, contents, contentType)
}

//export pactffi_sync_message_get_request_contents_length
func pactffi_sync_message_get_request_contents_length(msg *C.SynchronousMessage) (ret C.size_t) {
	const fn = "pactffi_sync_message_get_request_contents_length"
	defer guard(&ret, 0, fn)
	return msgContentsLength(fn, unsafe.Pointer(msg), -1, kindSyncMessage)
}

//export pactffi_sync_message_get_request_contents_bin
func pactffi_sync_message_get_request_contents_bin(msg *C.SynchronousMessage) (ret *C.uchar) {
	const fn = "pactffi_sync_message_get_request_contents_bin"
	defer guard(&ret, nil, fn)
	return msgContentsBin(fn, unsafe.Pointer(msg), -1, kindSyncMessage)
}

//export pactffi_sync_message_set_request_contents_bin
func pactffi_sync_message_set_request_contents_bin(msg *C.SynchronousMessage, contents *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_sync_message_set_request_contents_bin"
	defer guardVoid(fn)
	msgSetBin(fn, unsafe.Pointer(msg), -1, kindSyncMessage, contents, n, contentType)
}

//export pactffi_sync_message_get_request_contents
func pactffi_sync_message_get_request_contents(msg *C.SynchronousMessage) (ret *C.MessageContents) {
	const fn = "pactffi_sync_message_get_request_contents"
	defer guard(&ret, nil, fn)
	return (*C.MessageContents)(msgContentsObj(fn, unsafe.Pointer(msg), -1, kindSyncMessage))
}

//export pactffi_sync_message_generate_request_contents
func pactffi_sync_message_generate_request_contents(msg *C.SynchronousMessage) (ret *C.MessageContents) {
	const fn = "pactffi_sync_message_generate_request_contents"
	defer guard(&ret, nil, fn)
	return (*C.MessageContents)(msgGenerate(fn, unsafe.Pointer(msg), -1, kindSyncMessage))
}

//export pactffi_sync_message_get_number_responses
func pactffi_sync_message_get_number_responses(msg *C.SynchronousMessage) (ret C.size_t) {
	const fn = "pactffi_sync_message_get_number_responses"
	defer guard(&ret, 0, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(unsafe.Pointer(msg), "message", kindSyncMessage)
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	return C.size_t(len(i.MessagePartsOrEmpty().Responses))
}

// responseIndex converts a size_t response index, refusing ones that do not
// fit an int.
func responseIndex(index C.size_t) int {
	if uint64(index) > 1<<31 {
		return 1 << 31
	}
	return int(index)
}

//export pactffi_sync_message_get_response_contents_str
func pactffi_sync_message_get_response_contents_str(msg *C.SynchronousMessage, index C.size_t) (ret *C.char) {
	const fn = "pactffi_sync_message_get_response_contents_str"
	defer guard(&ret, nil, fn)
	return msgContentsStr(fn, unsafe.Pointer(msg), responseIndex(index), kindSyncMessage, false)
}

//export pactffi_sync_message_set_response_contents_str
func pactffi_sync_message_set_response_contents_str(msg *C.SynchronousMessage, index C.size_t, contents, contentType *C.char) {
	const fn = "pactffi_sync_message_set_response_contents_str"
	defer guardVoid(fn)
	if uint64(index) > 1<<16 {
		setErrorf("%s: response index %d is too large", fn, uint64(index))
		return
	}
	msgSetStr(fn, unsafe.Pointer(msg), int(index), kindSyncMessage, contents, contentType)
}

//export pactffi_sync_message_get_response_contents_length
func pactffi_sync_message_get_response_contents_length(msg *C.SynchronousMessage, index C.size_t) (ret C.size_t) {
	const fn = "pactffi_sync_message_get_response_contents_length"
	defer guard(&ret, 0, fn)
	return msgContentsLength(fn, unsafe.Pointer(msg), responseIndex(index), kindSyncMessage)
}

//export pactffi_sync_message_get_response_contents_bin
func pactffi_sync_message_get_response_contents_bin(msg *C.SynchronousMessage, index C.size_t) (ret *C.uchar) {
	const fn = "pactffi_sync_message_get_response_contents_bin"
	defer guard(&ret, nil, fn)
	return msgContentsBin(fn, unsafe.Pointer(msg), responseIndex(index), kindSyncMessage)
}

//export pactffi_sync_message_set_response_contents_bin
func pactffi_sync_message_set_response_contents_bin(msg *C.SynchronousMessage, index C.size_t, contents *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_sync_message_set_response_contents_bin"
	defer guardVoid(fn)
	if uint64(index) > 1<<16 {
		setErrorf("%s: response index %d is too large", fn, uint64(index))
		return
	}
	msgSetBin(fn, unsafe.Pointer(msg), int(index), kindSyncMessage, contents, n, contentType)
}

//export pactffi_sync_message_get_response_contents
func pactffi_sync_message_get_response_contents(msg *C.SynchronousMessage, index C.size_t) (ret *C.MessageContents) {
	const fn = "pactffi_sync_message_get_response_contents"
	defer guard(&ret, nil, fn)
	return (*C.MessageContents)(msgContentsObj(fn, unsafe.Pointer(msg), responseIndex(index), kindSyncMessage))
}

//export pactffi_sync_message_generate_response_contents
func pactffi_sync_message_generate_response_contents(msg *C.SynchronousMessage, index C.size_t) (ret *C.MessageContents) {
	const fn = "pactffi_sync_message_generate_response_contents"
	defer guard(&ret, nil, fn)
	return (*C.MessageContents)(msgGenerate(fn, unsafe.Pointer(msg), responseIndex(index), kindSyncMessage))
}

// ---- MessageContents ---------------------------------------------------------------

//export pactffi_message_contents_delete
func pactffi_message_contents_delete(contents *C.MessageContents) {
	const fn = "pactffi_message_contents_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(contents), "message contents", kindMessageContents)
}

//export pactffi_message_contents_get_contents_str
func pactffi_message_contents_get_contents_str(contents *C.MessageContents) (ret *C.char) {
	const fn = "pactffi_message_contents_get_contents_str"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, mc, err := contentsArg(unsafe.Pointer(contents))
	if err != nil {
		fail(fn, err)
		return nil
	}
	return bodyString(fn, &mc.Contents)
}

//export pactffi_message_contents_set_contents_str
func pactffi_message_contents_set_contents_str(contents *C.MessageContents, str, contentType *C.char) {
	const fn = "pactffi_message_contents_set_contents_str"
	defer guardVoid(fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, mc, err := contentsArg(unsafe.Pointer(contents))
	if err == nil {
		err = setBodyStr(&mc.Contents, str, contentType)
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_message_contents_get_contents_length
func pactffi_message_contents_get_contents_length(contents *C.MessageContents) (ret C.size_t) {
	const fn = "pactffi_message_contents_get_contents_length"
	defer guard(&ret, 0, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, mc, err := contentsArg(unsafe.Pointer(contents))
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	return bodyLength(&mc.Contents)
}

//export pactffi_message_contents_get_contents_bin
func pactffi_message_contents_get_contents_bin(contents *C.MessageContents) (ret *C.uchar) {
	const fn = "pactffi_message_contents_get_contents_bin"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, mc, err := contentsArg(unsafe.Pointer(contents))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return bodyBin(o, "contents", &mc.Contents)
}

//export pactffi_message_contents_set_contents_bin
func pactffi_message_contents_set_contents_bin(contents *C.MessageContents, bin *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_message_contents_set_contents_bin"
	defer guardVoid(fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, mc, err := contentsArg(unsafe.Pointer(contents))
	if err == nil {
		err = setBodyBin(&mc.Contents, bin, n, contentType)
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}
