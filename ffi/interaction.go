package main

/*
#include "types.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"unsafe"

	"github.com/libpact/libpact/core/consumer"
)

// Interactions: describe the request and response of an HTTP interaction
// (and the parts shared with message interactions: states, bodies, rules,
// V4 attributes).

// interactionPart converts an InteractionPart argument.
func interactionPart(p C.enum_InteractionPart) (consumer.Part, error) {
	switch p {
	case C.InteractionPart_Request:
		return consumer.Request, nil
	case C.InteractionPart_Response:
		return consumer.Response, nil
	}
	return 0, fmt.Errorf("part %d is not an InteractionPart (0=Request, 1=Response)", int(p))
}

// onInteraction converts nothing, but runs f on the interaction and records
// any error as the thread's last error, prefixed with fn. It reports success.
func onInteraction(fn string, h C.InteractionHandle, f func(i *consumer.Interaction) error) bool {
	if err := withInteraction(uint32(h), f); err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return true
}

// arg converts the required string argument p, called name, into *dst; on
// a bad one it records the error under fn and returns false. Chain several
// with ||, which stops at the first bad one:
//
//	if !arg(fn, &a, p, "name") || !arg(fn, &b, q, "value") { return false }
//
// Each destination is a parameter of its own, which does not leak, so that
// it can stay on the caller's stack (a variadic ...any of destinations and
// C pointers moved every destination to the heap: an allocation per call).
func arg(fn string, dst *string, p *C.char, name string) bool {
	s, err := cstr(p, name)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	*dst = s
	return true
}

//export pactffi_upon_receiving
func pactffi_upon_receiving(interaction C.InteractionHandle, description *C.char) (ret C.bool) {
	const fn = "pactffi_upon_receiving"
	defer guard(&ret, false, fn)
	var d string
	if !arg(fn, &d, description, "description") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.UponReceiving(d) }))
}

//export pactffi_given
func pactffi_given(interaction C.InteractionHandle, description *C.char) (ret C.bool) {
	const fn = "pactffi_given"
	defer guard(&ret, false, fn)
	var d string
	if !arg(fn, &d, description, "description") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.Given(d) }))
}

//export pactffi_given_with_param
func pactffi_given_with_param(interaction C.InteractionHandle, description *C.char, name *C.char, value *C.char) (ret C.bool) {
	const fn = "pactffi_given_with_param"
	defer guard(&ret, false, fn)
	var d, n string
	if !arg(fn, &d, description, "description") || !arg(fn, &n, name, "name") {
		return false
	}
	v, _, err := optCstr(value, "value") // NULL is "", as in pact_ffi
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.GivenWithParam(d, n, v) }))
}

//export pactffi_given_with_params
func pactffi_given_with_params(interaction C.InteractionHandle, description *C.char, params *C.char) (ret C.int) {
	const fn = "pactffi_given_with_params"
	defer guard(&ret, 1, fn)
	var d, p string
	if !arg(fn, &d, description, "description") || !arg(fn, &p, params, "params") {
		return 3
	}
	var paramErr bool
	ok := onInteraction(fn, interaction, func(i *consumer.Interaction) error {
		err := i.GivenWithParams(d, p)
		paramErr = errors.Is(err, consumer.ErrInvalidParams)
		return err
	})
	switch {
	case ok:
		return 0
	case paramErr:
		return 2
	}
	return 1
}

//export pactffi_with_request
func pactffi_with_request(interaction C.InteractionHandle, method *C.char, path *C.char) (ret C.bool) {
	const fn = "pactffi_with_request"
	defer guard(&ret, false, fn)
	m, err := cstrShared(method, "method")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	var p string
	if !arg(fn, &p, path, "path") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.WithRequest(m, p) }))
}

func withQuery(fn string, interaction C.InteractionHandle, name *C.char, index C.size_t, value *C.char) C.bool {
	n, err := cstrShared(name, "name")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	var v *string
	if value != nil {
		s, err := cstrShared(value, "value")
		if err != nil {
			setError(errorf(fn, "%v", err))
			return false
		}
		v = &s
	}
	if uint64(index) > 1<<16 {
		setError(errorf(fn, "index %d is too large", uint64(index)))
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error {
		return i.WithQueryParameter(n, int(index), v)
	}))
}

//export pactffi_with_query_parameter_v2
func pactffi_with_query_parameter_v2(interaction C.InteractionHandle, name *C.char, index C.size_t, value *C.char) (ret C.bool) {
	defer guard(&ret, false, "pactffi_with_query_parameter_v2")
	return withQuery("pactffi_with_query_parameter_v2", interaction, name, index, value)
}

//export pactffi_with_query_parameter
func pactffi_with_query_parameter(interaction C.InteractionHandle, name *C.char, index C.size_t, value *C.char) (ret C.bool) {
	defer guard(&ret, false, "pactffi_with_query_parameter")
	return withQuery("pactffi_with_query_parameter", interaction, name, index, value)
}

func withHeader(fn string, interaction C.InteractionHandle, part C.enum_InteractionPart, name *C.char, index C.size_t, value *C.char) C.bool {
	p, err := interactionPart(part)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	n, err := cstrShared(name, "name")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	v, _, err := optCstrShared(value, "value") // NULL is "", as in pact_ffi
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	if uint64(index) > 1<<16 {
		setError(errorf(fn, "index %d is too large", uint64(index)))
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error {
		return i.WithHeader(p, n, int(index), v)
	}))
}

//export pactffi_with_header_v2
func pactffi_with_header_v2(interaction C.InteractionHandle, part C.enum_InteractionPart, name *C.char, index C.size_t, value *C.char) (ret C.bool) {
	defer guard(&ret, false, "pactffi_with_header_v2")
	return withHeader("pactffi_with_header_v2", interaction, part, name, index, value)
}

//export pactffi_with_header
func pactffi_with_header(interaction C.InteractionHandle, part C.enum_InteractionPart, name *C.char, index C.size_t, value *C.char) (ret C.bool) {
	defer guard(&ret, false, "pactffi_with_header")
	return withHeader("pactffi_with_header", interaction, part, name, index, value)
}

//export pactffi_set_header
func pactffi_set_header(interaction C.InteractionHandle, part C.enum_InteractionPart, name *C.char, value *C.char) (ret C.bool) {
	const fn = "pactffi_set_header"
	defer guard(&ret, false, fn)
	p, err := interactionPart(part)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	var n string
	if !arg(fn, &n, name, "name") {
		return false
	}
	v, _, err := optCstr(value, "value") // NULL is "", as in pact_ffi
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.SetHeader(p, n, v) }))
}

//export pactffi_response_status
func pactffi_response_status(interaction C.InteractionHandle, status C.ushort) (ret C.bool) {
	const fn = "pactffi_response_status"
	defer guard(&ret, false, fn)
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.ResponseStatus(int(status)) }))
}

//export pactffi_response_status_v2
func pactffi_response_status_v2(interaction C.InteractionHandle, status *C.char) (ret C.bool) {
	const fn = "pactffi_response_status_v2"
	defer guard(&ret, false, fn)
	s, ok, err := optCstr(status, "status")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	if !ok {
		s = "200" // NULL is 200, as in pact_ffi
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.ResponseStatusV2(s) }))
}

//export pactffi_with_body
func pactffi_with_body(interaction C.InteractionHandle, part C.enum_InteractionPart, contentType *C.char, body *C.char) (ret C.bool) {
	const fn = "pactffi_with_body"
	defer guard(&ret, false, fn)
	p, err := interactionPart(part)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	ct, _, err := optCstrShared(contentType, "content_type")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	// NULL is an empty body, as in pact_ffi (pact-python passes NULL for "").
	b, _, err := optCstr(body, "body")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.WithBody(p, ct, b) }))
}

func binaryArgs(fn string, part C.enum_InteractionPart, contentType *C.char, body *C.uint8_t, size C.size_t) (consumer.Part, string, []byte, bool) {
	p, err := interactionPart(part)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0, "", nil, false
	}
	ct, _, err := optCstr(contentType, "content_type")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0, "", nil, false
	}
	if body == nil {
		return p, ct, nil, true
	}
	data, err := cbytes(unsafe.Pointer(body), size, "body")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return 0, "", nil, false
	}
	return p, ct, data, true
}

//export pactffi_with_binary_body
func pactffi_with_binary_body(interaction C.InteractionHandle, part C.enum_InteractionPart, contentType *C.char, body *C.uint8_t, size C.size_t) (ret C.bool) {
	const fn = "pactffi_with_binary_body"
	defer guard(&ret, false, fn)
	p, ct, data, ok := binaryArgs(fn, part, contentType, body, size)
	if !ok {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.WithBinaryBody(p, ct, data) }))
}

//export pactffi_with_binary_file
func pactffi_with_binary_file(interaction C.InteractionHandle, part C.enum_InteractionPart, contentType *C.char, body *C.uint8_t, size C.size_t) (ret C.bool) {
	const fn = "pactffi_with_binary_file"
	defer guard(&ret, false, fn)
	if contentType == nil {
		setError(errorf(fn, "content_type is NULL; pass the content type of the body"))
		return false
	}
	p, ct, data, ok := binaryArgs(fn, part, contentType, body, size)
	if !ok {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.WithBinaryFile(p, ct, data) }))
}

func withMultipart(fn string, interaction C.InteractionHandle, part C.enum_InteractionPart, contentType, file, partName, boundary *C.char) C.StringResult {
	fail := func(err error) C.StringResult {
		e := errorf(fn, "%v", err)
		setError(e)
		return failedResult(e.Error())
	}
	p, err := interactionPart(part)
	if err != nil {
		return fail(err)
	}
	ct, err := cstr(contentType, "content_type")
	if err != nil {
		return fail(err)
	}
	path, _, err := optCstr(file, "file")
	if err != nil {
		return fail(err)
	}
	name, _, err := optCstr(partName, "part_name")
	if err != nil {
		return fail(err)
	}
	b, _, err := optCstr(boundary, "boundary")
	if err != nil {
		return fail(err)
	}
	if err := withInteraction(uint32(interaction), func(i *consumer.Interaction) error {
		return i.WithMultipartFile(p, ct, path, name, b)
	}); err != nil {
		return fail(err)
	}
	return C.StringResult{tag: C.StringResult_Ok, value: nil}
}

//export pactffi_with_multipart_file_v2
func pactffi_with_multipart_file_v2(interaction C.InteractionHandle, part C.enum_InteractionPart, contentType *C.char, file *C.char, partName *C.char, boundary *C.char) (ret C.StringResult) {
	const fn = "pactffi_with_multipart_file_v2"
	defer guard(&ret, C.StringResult{tag: C.StringResult_Failed, value: ownedString(fn + ": internal error")}, fn)
	return withMultipart(fn, interaction, part, contentType, file, partName, boundary)
}

//export pactffi_with_multipart_file
func pactffi_with_multipart_file(interaction C.InteractionHandle, part C.enum_InteractionPart, contentType *C.char, file *C.char, partName *C.char) (ret C.StringResult) {
	const fn = "pactffi_with_multipart_file"
	defer guard(&ret, C.StringResult{tag: C.StringResult_Failed, value: ownedString(fn + ": internal error")}, fn)
	return withMultipart(fn, interaction, part, contentType, file, partName, nil)
}

//export pactffi_with_matching_rules
func pactffi_with_matching_rules(interaction C.InteractionHandle, part C.enum_InteractionPart, rules *C.char) (ret C.bool) {
	const fn = "pactffi_with_matching_rules"
	defer guard(&ret, false, fn)
	p, err := interactionPart(part)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	var r string
	if !arg(fn, &r, rules, "rules") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.WithMatchingRules(p, r) }))
}

//export pactffi_with_generators
func pactffi_with_generators(interaction C.InteractionHandle, part C.enum_InteractionPart, generators *C.char) (ret C.bool) {
	const fn = "pactffi_with_generators"
	defer guard(&ret, false, fn)
	p, err := interactionPart(part)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	var g string
	if !arg(fn, &g, generators, "generators") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.WithGenerators(p, g) }))
}

//export pactffi_add_text_comment
func pactffi_add_text_comment(interaction C.InteractionHandle, comment *C.char) (ret C.bool) {
	const fn = "pactffi_add_text_comment"
	defer guard(&ret, false, fn)
	var c string
	if !arg(fn, &c, comment, "comment") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.AddTextComment(c) }))
}

//export pactffi_set_comment
func pactffi_set_comment(interaction C.InteractionHandle, key *C.char, value *C.char) (ret C.bool) {
	const fn = "pactffi_set_comment"
	defer guard(&ret, false, fn)
	var k string
	if !arg(fn, &k, key, "key") {
		return false
	}
	var v *string
	if value != nil {
		s, err := cstr(value, "value")
		if err != nil {
			setError(errorf(fn, "%v", err))
			return false
		}
		v = &s
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.SetComment(k, v) }))
}

//export pactffi_set_key
func pactffi_set_key(interaction C.InteractionHandle, value *C.char) (ret C.bool) {
	const fn = "pactffi_set_key"
	defer guard(&ret, false, fn)
	v, _, err := optCstr(value, "value")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.SetKey(v) }))
}

//export pactffi_set_pending
func pactffi_set_pending(interaction C.InteractionHandle, pending C.bool) (ret C.bool) {
	const fn = "pactffi_set_pending"
	defer guard(&ret, false, fn)
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.SetPending(bool(pending)) }))
}

//export pactffi_interaction_test_name
func pactffi_interaction_test_name(interaction C.InteractionHandle, testName *C.char) (ret C.uint) {
	const fn = "pactffi_interaction_test_name"
	defer guard(&ret, 1, fn)
	var t string
	if !arg(fn, &t, testName, "test_name") {
		return 1
	}
	var locked bool
	err := withInteraction(uint32(interaction), func(i *consumer.Interaction) error {
		err := i.SetTestName(t)
		locked = errors.Is(err, consumer.ErrLocked)
		return err
	})
	switch {
	case err == nil:
		return 0
	case locked:
		setError(errorf(fn, "%v", err))
		return 3
	}
	setError(errorf(fn, "%v", err))
	return 2
}

//export pactffi_add_interaction_reference
func pactffi_add_interaction_reference(interaction C.InteractionHandle, group *C.char, name *C.char, value *C.char) (ret C.bool) {
	const fn = "pactffi_add_interaction_reference"
	defer guard(&ret, false, fn)
	var g, n, v string
	if !arg(fn, &g, group, "group") || !arg(fn, &n, name, "name") || !arg(fn, &v, value, "value") {
		return false
	}
	return C.bool(onInteraction(fn, interaction, func(i *consumer.Interaction) error { return i.AddReference(g, n, v) }))
}
