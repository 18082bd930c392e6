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

	"github.com/libpact/libpact/core/consumer"
	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// The message consumer functions: message pacts (MessagePactHandle), messages
// (MessageHandle), metadata, reification, writing, and the iterators over the
// interactions of a pact handle.
//
// As in pact_ffi 0.5, a MessagePactHandle is a PactHandle (one table holds
// both) and a MessageHandle is an InteractionHandle (pact << 16 | 1-based
// index), so the two APIs can be mixed.

// withMessage runs f on the message interaction behind h, holding its
// pact's lock; HTTP interactions are refused.
func withMessage(h uint32, f func(i *consumer.Interaction, ver model.SpecVersion) error) error {
	return withInteraction(h, func(i *consumer.Interaction) error {
		if i.I.Type == model.HTTP {
			return fmt.Errorf("handle %d is an HTTP interaction, not a message", h)
		}
		return f(i, i.Builder().Pact.SpecVersion)
	})
}

//export pactffi_new_message_pact
func pactffi_new_message_pact(consumerName, providerName *C.char) (ret C.MessagePactHandle) {
	const fn = "pactffi_new_message_pact"
	defer guard(&ret, 0, fn)
	h, err := newNamedPact(consumerName, providerName)
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	return C.MessagePactHandle(h)
}

//export pactffi_free_message_pact_handle
func pactffi_free_message_pact_handle(pact C.MessagePactHandle) (ret C.uint) {
	const fn = "pactffi_free_message_pact_handle"
	defer guard(&ret, 1, fn)
	if _, err := pacts.Remove(uint64(pact)); err != nil {
		fail(fn, err)
		return 1
	}
	clearError()
	return 0
}

// newMessage adds an asynchronous message to the pact behind h.
func newMessage(fn string, pact uint16, description *C.char) C.MessageHandle {
	d, err := cstr(description, "description")
	if err != nil {
		fail(fn, err)
		return 0
	}
	var n int
	err = withPact(pact, func(b *consumer.Builder) error {
		var err error
		n, err = b.NewInteraction(model.AsyncMessage, d)
		return err
	})
	if err != nil {
		fail(fn, err)
		return 0
	}
	h, err := interactionHandle(pact, n)
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	return C.MessageHandle(h)
}

//export pactffi_new_message
func pactffi_new_message(pact C.MessagePactHandle, description *C.char) (ret C.MessageHandle) {
	const fn = "pactffi_new_message"
	defer guard(&ret, 0, fn)
	return newMessage(fn, uint16(pact), description)
}

//export pactffi_new_async_message
func pactffi_new_async_message(pact C.PactHandle, description *C.char) (ret C.MessageHandle) {
	const fn = "pactffi_new_async_message"
	defer guard(&ret, 0, fn)
	return newMessage(fn, uint16(pact), description)
}

//export pactffi_message_expects_to_receive
func pactffi_message_expects_to_receive(msg C.MessageHandle, description *C.char) {
	const fn = "pactffi_message_expects_to_receive"
	defer guardVoid(fn)
	d, err := cstr(description, "description")
	if err == nil {
		err = withMessage(uint32(msg), func(i *consumer.Interaction, _ model.SpecVersion) error {
			return i.UponReceiving(d)
		})
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_message_given
func pactffi_message_given(msg C.MessageHandle, description *C.char) {
	const fn = "pactffi_message_given"
	defer guardVoid(fn)
	d, err := cstr(description, "description")
	if err == nil {
		err = withMessage(uint32(msg), func(i *consumer.Interaction, _ model.SpecVersion) error {
			if err := i.Check(); err != nil {
				return err
			}
			message.AddState(i.I, d)
			return nil
		})
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_message_given_with_param
func pactffi_message_given_with_param(msg C.MessageHandle, description, name, value *C.char) {
	const fn = "pactffi_message_given_with_param"
	defer guardVoid(fn)
	d, err := cstr(description, "description")
	var n, v string
	if err == nil {
		n, err = cstr(name, "name")
	}
	if err == nil && value != nil {
		v, err = cstr(value, "value")
	}
	if err == nil {
		err = withMessage(uint32(msg), func(i *consumer.Interaction, _ model.SpecVersion) error {
			if err := i.Check(); err != nil {
				return err
			}
			message.AddStateParam(i.I, d, n, v)
			return nil
		})
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_message_with_contents
func pactffi_message_with_contents(msg C.MessageHandle, contentType *C.char, body *C.uint8_t, size C.size_t) {
	const fn = "pactffi_message_with_contents"
	defer guardVoid(fn)
	ct, _, err := optCstr(contentType, "content_type")
	if err != nil {
		fail(fn, err)
		return
	}
	if ct == "" {
		ct = "text/plain"
	}
	var data []byte
	switch {
	case body == nil:
		if size != 0 {
			fail(fn, fmt.Errorf("body is NULL but its size is %d", uint64(size)))
			return
		}
	case message.IsText(ct) && size == 0:
		// Text bodies may be passed as C strings without a size.
		data = []byte(C.GoString((*C.char)(unsafe.Pointer(body))))
	case message.IsText(ct):
		// pact_ffi reads text bodies as C strings and ignores size; libpact
		// reads at most size bytes (never past the caller's buffer) and stops
		// at a NUL, which gives the same text for NUL-terminated input.
		data, err = cbytes(unsafe.Pointer(body), size, "body")
		if err != nil {
			fail(fn, err)
			return
		}
		if n := bytes.IndexByte(data, 0); n >= 0 {
			data = data[:n]
		}
	default:
		data, err = cbytes(unsafe.Pointer(body), size, "body")
		if err != nil {
			fail(fn, err)
			return
		}
	}
	err = withMessage(uint32(msg), func(i *consumer.Interaction, _ model.SpecVersion) error {
		if err := i.Check(); err != nil {
			return err
		}
		if i.I.Type != model.AsyncMessage {
			return fmt.Errorf("message_with_contents works on asynchronous messages; use pactffi_with_body for synchronous messages")
		}
		return message.SetContents(&i.I.MessageParts().Message, ct, data)
	})
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

// asyncMetadata runs set on the contents of the asynchronous message behind
// h (the deprecated message_with_metadata functions).
func asyncMetadata(fn string, h C.MessageHandle, key *C.char, set func(mc *model.MessageContents, key string) error) {
	k, err := cstr(key, "key")
	if err == nil {
		err = withMessage(uint32(h), func(i *consumer.Interaction, _ model.SpecVersion) error {
			if err := i.Check(); err != nil {
				return err
			}
			if i.I.Type != model.AsyncMessage {
				return fmt.Errorf("this function works on asynchronous messages; use pactffi_with_metadata for synchronous messages")
			}
			return set(&i.I.MessageParts().Message, k)
		})
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

//export pactffi_message_with_metadata
func pactffi_message_with_metadata(msg C.MessageHandle, key, value *C.char) {
	const fn = "pactffi_message_with_metadata"
	defer guardVoid(fn)
	v, _, err := optCstr(value, "value")
	if err != nil {
		fail(fn, err)
		return
	}
	asyncMetadata(fn, msg, key, func(mc *model.MessageContents, k string) error {
		message.SetMetadataString(mc, k, v)
		return nil
	})
}

//export pactffi_message_with_metadata_v2
func pactffi_message_with_metadata_v2(msg C.MessageHandle, key, value *C.char) {
	const fn = "pactffi_message_with_metadata_v2"
	defer guardVoid(fn)
	v, _, err := optCstr(value, "value")
	if err != nil {
		fail(fn, err)
		return
	}
	asyncMetadata(fn, msg, key, func(mc *model.MessageContents, k string) error {
		return message.SetMetadataJSON(mc, k, v)
	})
}

//export pactffi_with_metadata
func pactffi_with_metadata(interaction C.InteractionHandle, key, value *C.char, part C.InteractionPart) (ret C.bool) {
	const fn = "pactffi_with_metadata"
	defer guard(&ret, false, fn)
	k, err := cstr(key, "key")
	if err != nil {
		fail(fn, err)
		return false
	}
	var v *string
	if value != nil {
		s, err := cstr(value, "value")
		if err != nil {
			fail(fn, err)
			return false
		}
		v = &s
	}
	if part != C.InteractionPart_Request && part != C.InteractionPart_Response {
		fail(fn, fmt.Errorf("part %d is not an InteractionPart (0 = request, 1 = response)", int(part)))
		return false
	}
	err = withInteraction(uint32(interaction), func(i *consumer.Interaction) error {
		if err := i.Check(); err != nil {
			return err
		}
		if i.I.Type == model.HTTP {
			return fmt.Errorf("interaction %q is an HTTP interaction; use pactffi_with_header_v2 to add headers", i.I.Description)
		}
		return message.SetMetadata(i.I, message.Part(part), k, v)
	})
	if err != nil {
		fail(fn, err)
		return false
	}
	clearError()
	return true
}

//export pactffi_message_reify
func pactffi_message_reify(msg C.MessageHandle) (ret *C.char) {
	const fn = "pactffi_message_reify"
	defer guardCString(&ret, "", fn)
	var out string
	err := withMessage(uint32(msg), func(i *consumer.Interaction, ver model.SpecVersion) error {
		var err error
		out, err = message.Reify(i.I, ver)
		return err
	})
	if err != nil {
		// pact_ffi returns an empty string, never NULL, on failure; clients
		// pass the result straight to a JSON parser or string constructor.
		fail(fn, err)
		return C.CString("")
	}
	clearError()
	return C.CString(out)
}

//export pactffi_write_message_pact_file
func pactffi_write_message_pact_file(pact C.MessagePactHandle, directory *C.char, overwrite C.bool) (ret C.int32_t) {
	const fn = "pactffi_write_message_pact_file"
	defer guard(&ret, 1, fn)
	dir := "."
	if directory != nil {
		d, err := cstr(directory, "directory")
		if err != nil {
			fail(fn, err)
			return 1
		}
		if d != "" {
			dir = d
		}
	}
	if _, err := pacts.Get(uint64(pact)); err != nil {
		fail(fn, err)
		return 2
	}
	err := withPact(uint16(pact), func(b *consumer.Builder) error {
		p := b.Pact
		if p.SpecVersion < model.V4 {
			// A V3 message carries its body's content type in its metadata
			// (pact_models as_message), which the reference writes out.
			p = p.Clone()
			for _, i := range p.Interactions {
				if i.Type == model.AsyncMessage {
					asV3Message(i)
				}
			}
		}
		_, err := pactfile.Write(p, dir, p.SpecVersion, bool(overwrite))
		return err
	})
	if err != nil {
		fail(fn, fmt.Errorf("writing the message pact file to %s: %w", dir, err))
		return 1
	}
	clearError()
	return 0
}

//export pactffi_with_message_pact_metadata
func pactffi_with_message_pact_metadata(pact C.MessagePactHandle, namespace, name, value *C.char) {
	const fn = "pactffi_with_message_pact_metadata"
	defer guardVoid(fn)
	ns, err := cstr(namespace, "namespace")
	var n, v string
	if err == nil {
		n, err = cstr(name, "name")
	}
	if err == nil {
		v, err = cstr(value, "value")
	}
	if err == nil {
		err = withPact(uint16(pact), func(b *consumer.Builder) error { return b.SetMetadata(ns, n, v) })
	}
	if err != nil {
		fail(fn, err)
		return
	}
	clearError()
}

// ---- iterators over the interactions of a pact handle ------------------------------

// handleIter snapshots the interactions of type t of the pact behind h into
// a caller-owned iterator of kind.
func handleIter(fn string, h C.PactHandle, t model.InteractionType, kind objKind) unsafe.Pointer {
	var snapshot *model.Pact
	err := withPact(uint16(h), func(b *consumer.Builder) error {
		snapshot = b.Pact.Clone()
		return nil
	})
	if err != nil {
		fail(fn, err)
		return nil
	}
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return kindIter(snapshot, t, kind)
}

//export pactffi_pact_handle_get_message_iter
func pactffi_pact_handle_get_message_iter(pact C.PactHandle) (ret *C.PactMessageIterator) {
	const fn = "pactffi_pact_handle_get_message_iter"
	defer guard(&ret, nil, fn)
	return (*C.PactMessageIterator)(handleIter(fn, pact, model.AsyncMessage, kindPactMessageIter))
}

//export pactffi_pact_handle_get_async_message_iter
func pactffi_pact_handle_get_async_message_iter(pact C.PactHandle) (ret *C.PactAsyncMessageIterator) {
	const fn = "pactffi_pact_handle_get_async_message_iter"
	defer guard(&ret, nil, fn)
	return (*C.PactAsyncMessageIterator)(handleIter(fn, pact, model.AsyncMessage, kindPactAsyncMessageIter))
}

//export pactffi_pact_handle_get_sync_message_iter
func pactffi_pact_handle_get_sync_message_iter(pact C.PactHandle) (ret *C.PactSyncMessageIterator) {
	const fn = "pactffi_pact_handle_get_sync_message_iter"
	defer guard(&ret, nil, fn)
	return (*C.PactSyncMessageIterator)(handleIter(fn, pact, model.SyncMessage, kindPactSyncMessageIter))
}

//export pactffi_pact_handle_get_sync_http_iter
func pactffi_pact_handle_get_sync_http_iter(pact C.PactHandle) (ret *C.PactSyncHttpIterator) {
	const fn = "pactffi_pact_handle_get_sync_http_iter"
	defer guard(&ret, nil, fn)
	return (*C.PactSyncHttpIterator)(handleIter(fn, pact, model.HTTP, kindPactSyncHTTPIter))
}
