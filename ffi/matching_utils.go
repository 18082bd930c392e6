package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"encoding/json"
	"fmt"
	"regexp/syntax"
	"runtime/debug"
	"strconv"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/libpact/libpact/core/datetime"
	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/integration"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
)

// The matching utilities of pact_ffi: apply one matching rule to a pair of
// values (pactffi_matches_*_value), parse matcher definition expressions,
// check and generate regexes and date-times, and match two messages.

// guardCString is guard for functions whose failure value is a new string:
// the string is allocated only when a panic happens (an eager failure value
// would leak on every successful call).
func guardCString(ret **C.char, text, name string) {
	if r := recover(); r != nil {
		*ret = C.CString(text)
		msg := fmt.Sprintf("%s: internal error (a bug in libpact, please report it): %v", name, r)
		setErrorMessage(msg)
		logging.LogError(msg, "stack", string(debug.Stack()))
	}
}

// guardResult is guardCString for StringResult functions.
func guardResult(ret *C.StringResult, name string) {
	if r := recover(); r != nil {
		msg := fmt.Sprintf("%s: internal error (a bug in libpact, please report it): %v", name, r)
		*ret = failedResult(msg)
		setErrorMessage(msg)
		logging.LogError(msg, "stack", string(debug.Stack()))
	}
}

// ---- matches_*_value ---------------------------------------------------------------

// matchResult turns a match error into pact_ffi's result: NULL when the
// values match, else a new string with the mismatch (the caller frees it).
func matchResult(err error) *C.char {
	clearError()
	if err == nil {
		return nil
	}
	return C.CString(err.Error())
}

func ruleOf(fn string, p unsafe.Pointer) (model.Rule, *C.char, bool) {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(p, "matching_rule", kindMatchingRule)
	if err != nil {
		fail(fn, err)
		// A failure must not read as "matched" (NULL), so it is returned as
		// the mismatch text too.
		return model.Rule{}, C.CString(fn + ": " + err.Error()), false
	}
	return o.val.(*model.Rule).Clone(), nil, true
}

//export pactffi_matches_string_value
func pactffi_matches_string_value(rule *C.MatchingRule, expected, actual *C.char, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_string_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	e, err := cstr(expected, "expected_value")
	if err == nil {
		var a string
		a, err = cstr(actual, "actual_value")
		if err == nil {
			return matchResult(matching.MatchString(r, e, a))
		}
	}
	fail(fn, err)
	return C.CString(fn + ": " + err.Error())
}

//export pactffi_matches_u64_value
func pactffi_matches_u64_value(rule *C.MatchingRule, expected, actual C.uint64_t, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_u64_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	return matchResult(matching.MatchValue(r, json.Number(strconv.FormatUint(uint64(expected), 10)), json.Number(strconv.FormatUint(uint64(actual), 10))))
}

//export pactffi_matches_i64_value
func pactffi_matches_i64_value(rule *C.MatchingRule, expected, actual C.int64_t, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_i64_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	return matchResult(matching.MatchValue(r, json.Number(strconv.FormatInt(int64(expected), 10)), json.Number(strconv.FormatInt(int64(actual), 10))))
}

//export pactffi_matches_f64_value
func pactffi_matches_f64_value(rule *C.MatchingRule, expected, actual C.double, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_f64_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	return matchResult(matching.MatchValue(r, float64(expected), float64(actual)))
}

//export pactffi_matches_bool_value
func pactffi_matches_bool_value(rule *C.MatchingRule, expected, actual C.uint8_t, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_bool_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	return matchResult(matching.MatchValue(r, expected > 0, actual > 0))
}

//export pactffi_matches_binary_value
func pactffi_matches_binary_value(rule *C.MatchingRule, expected *C.uchar, expectedLen C.uintptr_t, actual *C.uchar, actualLen C.uintptr_t, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_binary_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	e, err := cbytes(unsafe.Pointer(expected), C.size_t(expectedLen), "expected_value")
	if err == nil {
		var a []byte
		a, err = cbytes(unsafe.Pointer(actual), C.size_t(actualLen), "actual_value")
		if err == nil {
			return matchResult(matching.MatchBytesCascaded(r, e, a, cascaded != 0))
		}
	}
	fail(fn, err)
	return C.CString(fn + ": " + err.Error())
}

//export pactffi_matches_json_value
func pactffi_matches_json_value(rule *C.MatchingRule, expected, actual *C.char, cascaded C.uint8_t) (ret *C.char) {
	const fn = "pactffi_matches_json_value"
	defer guardCString(&ret, "INTERNAL ERROR: function panicked", fn)
	r, bad, ok := ruleOf(fn, unsafe.Pointer(rule))
	if !ok {
		return bad
	}
	e, err := cstr(expected, "expected_value")
	if err != nil {
		fail(fn, err)
		return C.CString(fn + ": " + err.Error())
	}
	a, err := cstr(actual, "actual_value")
	if err != nil {
		fail(fn, err)
		return C.CString(fn + ": " + err.Error())
	}
	ev, err := message.DecodeJSON([]byte(e))
	if err != nil {
		clearError()
		return C.CString("Failed to parse expected JSON: " + err.Error())
	}
	av, err := message.DecodeJSON([]byte(a))
	if err != nil {
		clearError()
		return C.CString("Failed to parse actual JSON: " + err.Error())
	}
	return matchResult(matching.MatchValue(r, ev, av))
}

// ---- matcher definitions -----------------------------------------------------------

// definitionResult is a MatchingRuleDefinitionResult: a parsed definition or
// the parse error.
type definitionResult struct {
	def *integration.Definition
	err string
}

// ruleResult is a MatchingRuleResult: a rule with its id and value, or a
// reference to another key.
type ruleResult struct {
	rule      *model.Rule
	reference string
}

//export pactffi_parse_matcher_definition
func pactffi_parse_matcher_definition(expression *C.char) (ret *C.MatchingRuleDefinitionResult) {
	const fn = "pactffi_parse_matcher_definition"
	defer guard(&ret, nil, fn)
	s, err := cstr(expression, "expression")
	if err != nil {
		fail(fn, err)
		return nil
	}
	var res definitionResult
	switch {
	case integration.IsDefinition(s):
		d, err := integration.ParseDefinition(s)
		if err != nil {
			res.err = err.Error()
		} else {
			res.def = d
		}
	case s == "":
		res.err = "Expected a matching rule definition, but got an empty string"
	default:
		res.def = &integration.Definition{Value: s, ValueType: integration.ValueString, Expression: s}
	}
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.MatchingRuleDefinitionResult)(newObject(kindMatcherDefinition, &res, nil, 0).ptr)
}

func definitionArg(p unsafe.Pointer) (*object, *definitionResult, error) {
	o, err := lookup(p, "definition", kindMatcherDefinition)
	if err != nil {
		return nil, nil, err
	}
	return o, o.val.(*definitionResult), nil
}

//export pactffi_matcher_definition_error
func pactffi_matcher_definition_error(def *C.MatchingRuleDefinitionResult) (ret *C.char) {
	const fn = "pactffi_matcher_definition_error"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, d, err := definitionArg(unsafe.Pointer(def))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if d.def != nil {
		return nil
	}
	return C.CString(d.err)
}

//export pactffi_matcher_definition_value
func pactffi_matcher_definition_value(def *C.MatchingRuleDefinitionResult) (ret *C.char) {
	const fn = "pactffi_matcher_definition_value"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, d, err := definitionArg(unsafe.Pointer(def))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if d.def == nil {
		return nil
	}
	return C.CString(d.def.Value)
}

//export pactffi_matcher_definition_value_type
func pactffi_matcher_definition_value_type(def *C.MatchingRuleDefinitionResult) (ret C.ExpressionValueType) {
	const fn = "pactffi_matcher_definition_value_type"
	defer guard(&ret, C.ExpressionValueType_Unknown, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, d, err := definitionArg(unsafe.Pointer(def))
	if err != nil {
		fail(fn, err)
		return C.ExpressionValueType_Unknown
	}
	clearError()
	if d.def == nil {
		return C.ExpressionValueType_Unknown
	}
	switch d.def.ValueType {
	case integration.ValueString, integration.ValueNull:
		return C.ExpressionValueType_String
	case integration.ValueNumber:
		return C.ExpressionValueType_Number
	case integration.ValueInteger:
		return C.ExpressionValueType_Integer
	case integration.ValueDecimal:
		return C.ExpressionValueType_Decimal
	case integration.ValueBoolean:
		return C.ExpressionValueType_Boolean
	}
	return C.ExpressionValueType_Unknown
}

//export pactffi_matcher_definition_generator
func pactffi_matcher_definition_generator(def *C.MatchingRuleDefinitionResult) (ret *C.Generator) {
	const fn = "pactffi_matcher_definition_generator"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, d, err := definitionArg(unsafe.Pointer(def))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if d.def == nil || d.def.Generator == nil {
		return nil
	}
	g := d.def.Generator
	return (*C.Generator)(borrow(o, "generator", kindGenerator, func() any { return g }).ptr)
}

//export pactffi_matcher_definition_iter
func pactffi_matcher_definition_iter(def *C.MatchingRuleDefinitionResult) (ret *C.MatchingRuleIterator) {
	const fn = "pactffi_matcher_definition_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, d, err := definitionArg(unsafe.Pointer(def))
	if err != nil {
		fail(fn, err)
		return nil
	}
	if d.def == nil {
		fail(fn, fmt.Errorf("the definition failed to parse (%s), so it has no rules", d.err))
		return nil
	}
	it := &iterState{}
	for n := range d.def.Rules {
		r := d.def.Rules[n].Clone()
		it.items = append(it.items, &ruleResult{rule: &r})
	}
	refs := d.def.References
	if len(refs) == 0 && d.def.Reference != "" {
		refs = []string{d.def.Reference}
	}
	for _, ref := range refs {
		it.items = append(it.items, &ruleResult{reference: ref})
	}
	clearError()
	return (*C.MatchingRuleIterator)(newObject(kindMatchingRuleIter, it, nil, 0).ptr)
}

//export pactffi_matching_rule_iter_next
func pactffi_matching_rule_iter_next(iter *C.MatchingRuleIterator) (ret *C.MatchingRuleResult) {
	const fn = "pactffi_matching_rule_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	return (*C.MatchingRuleResult)(iterNext(fn, unsafe.Pointer(iter), kindMatchingRuleIter, kindMatchingRuleResult))
}

//export pactffi_matching_rule_iter_delete
func pactffi_matching_rule_iter_delete(iter *C.MatchingRuleIterator) {
	const fn = "pactffi_matching_rule_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindMatchingRuleIter)
}

func ruleResultArg(p unsafe.Pointer) (*object, *ruleResult, error) {
	o, err := lookup(p, "rule_result", kindMatchingRuleResult)
	if err != nil {
		return nil, nil, err
	}
	return o, o.val.(*ruleResult), nil
}

//export pactffi_matching_rule_id
func pactffi_matching_rule_id(result *C.MatchingRuleResult) (ret C.uint16_t) {
	const fn = "pactffi_matching_rule_id"
	defer guard(&ret, 0, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, r, err := ruleResultArg(unsafe.Pointer(result))
	if err != nil {
		fail(fn, err)
		return 0
	}
	clearError()
	if r.rule == nil {
		return 0
	}
	return C.uint16_t(matching.RuleID(r.rule.Kind))
}

//export pactffi_matching_rule_value
func pactffi_matching_rule_value(result *C.MatchingRuleResult) (ret *C.char) {
	const fn = "pactffi_matching_rule_value"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, r, err := ruleResultArg(unsafe.Pointer(result))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if r.rule == nil {
		return nil
	}
	v, ok := matching.RuleValue(r.rule)
	if !ok {
		return nil
	}
	return borrowCString(o, v) // owned by the result, freed with the iterator
}

//export pactffi_matching_rule_pointer
func pactffi_matching_rule_pointer(result *C.MatchingRuleResult) (ret *C.MatchingRule) {
	const fn = "pactffi_matching_rule_pointer"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, r, err := ruleResultArg(unsafe.Pointer(result))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if r.rule == nil {
		return nil
	}
	rule := r.rule
	return (*C.MatchingRule)(borrow(o, "rule", kindMatchingRule, func() any { return rule }).ptr)
}

//export pactffi_matching_rule_reference_name
func pactffi_matching_rule_reference_name(result *C.MatchingRuleResult) (ret *C.char) {
	const fn = "pactffi_matching_rule_reference_name"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, r, err := ruleResultArg(unsafe.Pointer(result))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	if r.rule != nil {
		return nil
	}
	return borrowCString(o, r.reference)
}

//export pactffi_matcher_definition_delete
func pactffi_matcher_definition_delete(def *C.MatchingRuleDefinitionResult) {
	const fn = "pactffi_matcher_definition_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(def), "definition", kindMatcherDefinition)
}

// ---- regexes and date-times -----------------------------------------------------------

//export pactffi_check_regex
func pactffi_check_regex(regex, example *C.char) (ret C.bool) {
	const fn = "pactffi_check_regex"
	defer guard(&ret, false, fn)
	re, err := cstr(regex, "regex")
	if err != nil {
		fail(fn, err)
		return false
	}
	// NULL is not "": pact_ffi returns false for a NULL example.
	ex, err := cstr(example, "example")
	if err != nil {
		fail(fn, err)
		return false
	}
	// pact_ffi 0.5.8 checks that the whole example matches, as rules do.
	match, err := matching.CompileRegex(re)
	if err != nil {
		fail(fn, err)
		return false
	}
	clearError()
	return C.bool(match(ex))
}

//export pactffi_generate_regex_value
func pactffi_generate_regex_value(regex *C.char) (ret C.StringResult) {
	const fn = "pactffi_generate_regex_value"
	defer guardResult(&ret, fn)
	if regex == nil {
		setErrorf("%s: regex is NULL", fn)
		return failedResult("generate_regex_value: regex is NULL")
	}
	re, err := cstr(regex, "regex")
	if err != nil {
		fail(fn, err)
		return failedResult("generate_regex_value: regex is not a valid UTF-8 string")
	}
	if _, err := syntax.Parse(re, syntax.Perl); err != nil {
		msg := fmt.Sprintf("generate_regex_value: '%s' is not a valid regular expression - %v", re, err)
		setErrorMessage(msg)
		return failedResult(msg)
	}
	v, _, err := generators.Generate(model.Generator{Type: "Regex", Attrs: map[string]any{"regex": re}}, "", generators.Consumer, generators.Context{})
	if err != nil {
		msg := fmt.Sprintf("generate_regex_value: '%s' is not a valid regular expression - %v", re, err)
		setErrorMessage(msg)
		return failedResult(msg)
	}
	clearError()
	return okResult(message.JSONString(v))
}

//export pactffi_generate_datetime_string
func pactffi_generate_datetime_string(format *C.char) (ret C.StringResult) {
	const fn = "pactffi_generate_datetime_string"
	defer guardResult(&ret, fn)
	if format == nil {
		setErrorf("%s: format is NULL", fn)
		return failedResult("generate_datetime_string: format is NULL")
	}
	f, err := cstr(format, "format")
	if err != nil {
		fail(fn, err)
		return failedResult("generate_datetime_string: format is not a valid UTF-8 string")
	}
	s, err := datetime.Format(f, time.Now())
	if err != nil {
		msg := fmt.Sprintf("Error parsing '%s': %v", f, err)
		setErrorMessage(msg)
		return failedResult(msg)
	}
	clearError()
	return okResult(s)
}

//export pactffi_validate_datetime
func pactffi_validate_datetime(value, format *C.char) (ret C.int) {
	const fn = "pactffi_validate_datetime"
	defer guard(&ret, 2, fn)
	v, err := riString(value, "value")
	if err != nil {
		setError(err)
		return 2
	}
	f, err := riString(format, "format")
	if err != nil {
		setError(err)
		return 2
	}
	switch {
	case v == "":
		setErrorMessage("Date/Time value string is empty")
		return 1
	case f == "":
		setErrorMessage("Date/Time format string is empty")
		return 1
	}
	if err := datetime.Validate(f, v); err != nil {
		setErrorMessage(fmt.Sprintf("Date/Time string '%s' does not match pattern '%s'", v, f))
		return 1
	}
	clearError()
	return 0
}

// riString reads a C string argument with pact_ffi's own error wording
// ("value is null", "error parsing value as UTF-8"), which clients test for
// (pact-python checks the message of pactffi_validate_datetime).
func riString(p *C.char, name string) (string, error) {
	if p == nil {
		return "", fmt.Errorf("%s is null", name)
	}
	s := C.GoString(p)
	if !utf8.ValidString(s) {
		return "", fmt.Errorf("error parsing %s as UTF-8", name)
	}
	return s, nil
}

// ---- matching two messages and the mismatches --------------------------------------------

//export pactffi_match_message
func pactffi_match_message(msg1, msg2 *C.Message) (ret *C.Mismatches) {
	const fn = "pactffi_match_message"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, expected, err := interactionArg(unsafe.Pointer(msg1), "msg_1", kindMessage)
	if err != nil {
		fail(fn, err)
		return nil
	}
	_, actual, err := interactionArg(unsafe.Pointer(msg2), "msg_2", kindMessage)
	if err != nil {
		fail(fn, err)
		return nil
	}
	// Unlike pact_ffi, which takes ownership of both messages and frees them,
	// libpact leaves them to the caller (pactffi_message_delete).
	mm := matching.MatchMessage(&expected.MessagePartsOrEmpty().Message, &actual.MessagePartsOrEmpty().Message)
	clearError()
	return (*C.Mismatches)(newObject(kindMismatches, mm, nil, 0).ptr)
}

//export pactffi_mismatches_delete
func pactffi_mismatches_delete(mismatches *C.Mismatches) {
	const fn = "pactffi_mismatches_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(mismatches), "mismatches", kindMismatches)
}

// mismatchesIter walks a Mismatches object; the Mismatch pointers it yields
// are borrowed from that object.
type mismatchesIter struct {
	owner *object
	next  int
}

//export pactffi_mismatches_get_iter
func pactffi_mismatches_get_iter(mismatches *C.Mismatches) (ret *C.MismatchesIterator) {
	const fn = "pactffi_mismatches_get_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(mismatches), "mismatches", kindMismatches)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return (*C.MismatchesIterator)(newObject(kindMismatchesIter, &mismatchesIter{owner: o}, nil, 0).ptr)
}

//export pactffi_mismatches_iter_next
func pactffi_mismatches_iter_next(iter *C.MismatchesIterator) (ret *C.Mismatch) {
	const fn = "pactffi_mismatches_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(iter), "iterator", kindMismatchesIter)
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := o.val.(*mismatchesIter)
	if it.owner.ptr == nil {
		fail(fn, fmt.Errorf("the Mismatches this iterator walks have been deleted"))
		return nil
	}
	mm := it.owner.val.([]matching.Mismatch)
	clearError()
	if it.next >= len(mm) {
		return nil
	}
	n := it.next
	it.next++
	m := mm[n]
	return (*C.Mismatch)(borrow(it.owner, fmt.Sprintf("mismatch:%d", n), kindMismatch, func() any { return &m }).ptr)
}

//export pactffi_mismatches_iter_delete
func pactffi_mismatches_iter_delete(iter *C.MismatchesIterator) {
	const fn = "pactffi_mismatches_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindMismatchesIter)
}

// mismatchText returns one rendering of the Mismatch at p as a new string.
func mismatchText(fn string, p unsafe.Pointer, render func(*matching.Mismatch) (string, error)) *C.char {
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(p, "mismatch", kindMismatch)
	if err != nil {
		fail(fn, err)
		return nil
	}
	s, err := render(o.val.(*matching.Mismatch))
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(s)
}

//export pactffi_mismatch_to_json
func pactffi_mismatch_to_json(m *C.Mismatch) (ret *C.char) {
	const fn = "pactffi_mismatch_to_json"
	defer guard(&ret, nil, fn)
	return mismatchText(fn, unsafe.Pointer(m), func(m *matching.Mismatch) (string, error) { return message.JSON(m.ToJSON()) })
}

//export pactffi_mismatch_type
func pactffi_mismatch_type(m *C.Mismatch) (ret *C.char) {
	const fn = "pactffi_mismatch_type"
	defer guard(&ret, nil, fn)
	return mismatchText(fn, unsafe.Pointer(m), func(m *matching.Mismatch) (string, error) { return m.Type, nil })
}

//export pactffi_mismatch_summary
func pactffi_mismatch_summary(m *C.Mismatch) (ret *C.char) {
	const fn = "pactffi_mismatch_summary"
	defer guard(&ret, nil, fn)
	return mismatchText(fn, unsafe.Pointer(m), func(m *matching.Mismatch) (string, error) { return m.Summary(), nil })
}

//export pactffi_mismatch_description
func pactffi_mismatch_description(m *C.Mismatch) (ret *C.char) {
	const fn = "pactffi_mismatch_description"
	defer guard(&ret, nil, fn)
	return mismatchText(fn, unsafe.Pointer(m), func(m *matching.Mismatch) (string, error) { return m.Describe(false), nil })
}

//export pactffi_mismatch_ansi_description
func pactffi_mismatch_ansi_description(m *C.Mismatch) (ret *C.char) {
	const fn = "pactffi_mismatch_ansi_description"
	defer guard(&ret, nil, fn)
	return mismatchText(fn, unsafe.Pointer(m), func(m *matching.Mismatch) (string, error) { return m.Describe(true), nil })
}
