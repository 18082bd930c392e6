package main

/*
#include <stdlib.h>
#include "types.h"
*/
import "C"

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"unsafe"

	"github.com/libpact/libpact/core/generators"
	"github.com/libpact/libpact/core/message"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// The V3 Message functions, and the iterators over metadata, provider-state
// parameters, matching rules and generators, with their pairs.

// ---- Message (V3) --------------------------------------------------------------

//export pactffi_message_new
func pactffi_message_new() (ret *C.Message) {
	const fn = "pactffi_message_new"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.Message)(newObject(kindMessage, model.NewInteraction(model.AsyncMessage, ""), nil, 0).ptr)
}

//export pactffi_message_new_from_json
func pactffi_message_new_from_json(index C.uint, jsonStr *C.char, spec C.PactSpecification) (ret *C.Message) {
	const fn = "pactffi_message_new_from_json"
	defer guard(&ret, nil, fn)
	s, err := cstr(jsonStr, "json_str")
	if err != nil {
		fail(fn, err)
		return nil
	}
	i, err := messageFromJSON(int(index), s, model.SpecVersion(spec))
	if err != nil {
		fail(fn, err)
		return nil
	}
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.Message)(newObject(kindMessage, i, nil, 0).ptr)
}

// messageFromJSON reads json_str as message index of a V3 message pact
// (pactfile.ParseMessageEntry).
func messageFromJSON(index int, s string, ver model.SpecVersion) (*model.Interaction, error) {
	v, err := message.DecodeJSON([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("json_str is not valid JSON: %w", err)
	}
	if _, ok := v.(map[string]any); !ok {
		return nil, fmt.Errorf("json_str must be a JSON object (a message), not %s", s)
	}
	i, err := pactfile.ParseMessageEntry(index, v, ver)
	if errors.Is(err, pactfile.ErrNotMessage) {
		return nil, fmt.Errorf("message %d: json_str is not a message", index)
	}
	if err != nil {
		return nil, fmt.Errorf("message %d: %w", index, err)
	}
	return i, nil
}

//export pactffi_message_new_from_body
func pactffi_message_new_from_body(body, contentType *C.char) (ret *C.Message) {
	const fn = "pactffi_message_new_from_body"
	defer guard(&ret, nil, fn)
	b, err := cstr(body, "body")
	if err != nil {
		fail(fn, err)
		return nil
	}
	ct, err := cstr(contentType, "content_type")
	if err != nil {
		fail(fn, err)
		return nil
	}
	if ct == "" {
		fail(fn, fmt.Errorf("invalid content type ''"))
		return nil
	}
	i := model.NewInteraction(model.AsyncMessage, "")
	i.MessageParts().Message = model.MessageContents{
		Contents: model.Body{State: model.BodyPresent, Content: []byte(b), ContentType: ct},
		Metadata: map[string]any{"contentType": ct},
	}
	modelMu.Lock()
	defer modelMu.Unlock()
	clearError()
	return (*C.Message)(newObject(kindMessage, i, nil, 0).ptr)
}

//export pactffi_message_delete
func pactffi_message_delete(msg *C.Message) {
	const fn = "pactffi_message_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(msg), "message", kindMessage)
}

//export pactffi_message_get_contents
func pactffi_message_get_contents(msg *C.Message) (ret *C.char) {
	const fn = "pactffi_message_get_contents"
	defer guard(&ret, nil, fn)
	return msgContentsStr(fn, unsafe.Pointer(msg), -1, kindMessage, true)
}

//export pactffi_message_set_contents
func pactffi_message_set_contents(msg *C.Message, contents, contentType *C.char) {
	const fn = "pactffi_message_set_contents"
	defer guardVoid(fn)
	msgSetStr(fn, unsafe.Pointer(msg), -1, kindMessage, contents, contentType)
}

//export pactffi_message_get_contents_length
func pactffi_message_get_contents_length(msg *C.Message) (ret C.size_t) {
	const fn = "pactffi_message_get_contents_length"
	defer guard(&ret, 0, fn)
	return msgContentsLength(fn, unsafe.Pointer(msg), -1, kindMessage)
}

//export pactffi_message_get_contents_bin
func pactffi_message_get_contents_bin(msg *C.Message) (ret *C.uchar) {
	const fn = "pactffi_message_get_contents_bin"
	defer guard(&ret, nil, fn)
	return msgContentsBin(fn, unsafe.Pointer(msg), -1, kindMessage)
}

//export pactffi_message_set_contents_bin
func pactffi_message_set_contents_bin(msg *C.Message, contents *C.uchar, n C.size_t, contentType *C.char) {
	const fn = "pactffi_message_set_contents_bin"
	defer guardVoid(fn)
	msgSetBin(fn, unsafe.Pointer(msg), -1, kindMessage, contents, n, contentType)
}

//export pactffi_message_find_metadata
func pactffi_message_find_metadata(msg *C.Message, key *C.char) (ret *C.char) {
	const fn = "pactffi_message_find_metadata"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(unsafe.Pointer(msg), "message", kindMessage)
	if err != nil {
		fail(fn, err)
		return nil
	}
	k, err := cstr(key, "key")
	if err != nil {
		fail(fn, err)
		return nil
	}
	v, ok := i.MessagePartsOrEmpty().Message.Metadata[k]
	if !ok {
		fail(fn, fmt.Errorf("the message has no metadata key %q", k))
		return nil
	}
	clearError()
	s, _ := v.(string) // pact_ffi returns "" for a value that is not a string
	return C.CString(s)
}

//export pactffi_message_insert_metadata
func pactffi_message_insert_metadata(msg *C.Message, key, value *C.char) (ret C.int) {
	const fn = "pactffi_message_insert_metadata"
	defer guard(&ret, -2, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(unsafe.Pointer(msg), "message", kindMessage)
	if err != nil {
		fail(fn, err)
		return -2
	}
	k, err := cstr(key, "key")
	if err != nil {
		fail(fn, err)
		return -2
	}
	v, err := cstr(value, "value")
	if err != nil {
		fail(fn, err)
		return -2
	}
	m := &i.MessageParts().Message
	if m.Metadata == nil {
		m.Metadata = map[string]any{}
	}
	_, existed := m.Metadata[k]
	m.Metadata[k] = v
	clearError()
	if existed {
		return -1
	}
	return 0
}

// ---- metadata iterators ------------------------------------------------------------

// metadataIter is a MessageMetadataIterator: the sorted keys, and where the
// values come from (generated anew for a Message, as pact_ffi does).
type metadataIter struct {
	keys     []string
	next     int
	values   func() (map[string]any, error)
	generate bool
}

//export pactffi_message_get_metadata_iter
func pactffi_message_get_metadata_iter(msg *C.Message) (ret *C.MessageMetadataIterator) {
	const fn = "pactffi_message_get_metadata_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	_, i, err := interactionArg(unsafe.Pointer(msg), "message", kindMessage)
	if err != nil {
		fail(fn, err)
		return nil
	}
	m := &i.MessageParts().Message
	it := &metadataIter{keys: message.SortedKeys(m.Metadata), values: func() (map[string]any, error) {
		g, err := generators.GenerateMessage(m, generators.Consumer, generators.Context{})
		return g.Metadata, err
	}}
	clearError()
	return (*C.MessageMetadataIterator)(newObject(kindMetadataIter, it, nil, 0).ptr)
}

//export pactffi_message_contents_get_metadata_iter
func pactffi_message_contents_get_metadata_iter(contents *C.MessageContents) (ret *C.MessageMetadataIterator) {
	const fn = "pactffi_message_contents_get_metadata_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, mc, err := contentsArg(unsafe.Pointer(contents))
	if err != nil {
		fail(fn, err)
		return nil
	}
	ref := o.val.(contentsRef)
	it := &metadataIter{keys: message.SortedKeys(mc.Metadata), values: func() (map[string]any, error) {
		mc, err := ref()
		if err != nil {
			return nil, err
		}
		return mc.Metadata, nil
	}}
	clearError()
	return (*C.MessageMetadataIterator)(newObject(kindMetadataIter, it, nil, 0).ptr)
}

//export pactffi_message_metadata_iter_next
func pactffi_message_metadata_iter_next(iter *C.MessageMetadataIterator) (ret *C.MessageMetadataPair) {
	const fn = "pactffi_message_metadata_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(iter), "iterator", kindMetadataIter)
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := o.val.(*metadataIter)
	if it.next >= len(it.keys) {
		clearError()
		return nil
	}
	key := it.keys[it.next]
	it.next++
	md, err := it.values()
	if err != nil {
		fail(fn, err)
		return nil
	}
	v, ok := md[key]
	if !ok {
		fail(fn, fmt.Errorf("metadata key %q was removed while iterating", key))
		return nil
	}
	pair := newObject(kindMetadataPair, nil, nil, unsafe.Sizeof(C.MessageMetadataPair{}))
	cp := (*C.MessageMetadataPair)(pair.ptr)
	cp.key = borrowCString(pair, key)
	cp.value = borrowCString(pair, message.JSONString(v))
	clearError()
	return cp
}

//export pactffi_message_metadata_iter_delete
func pactffi_message_metadata_iter_delete(iter *C.MessageMetadataIterator) {
	const fn = "pactffi_message_metadata_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindMetadataIter)
}

//export pactffi_message_metadata_pair_delete
func pactffi_message_metadata_pair_delete(pair *C.MessageMetadataPair) {
	const fn = "pactffi_message_metadata_pair_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(pair), "metadata pair", kindMetadataPair)
}

// ---- provider state parameters ---------------------------------------------------------

// paramIter is a ProviderStateParamIterator over a state's sorted keys.
type paramIter struct {
	state *model.ProviderState
	keys  []string
	next  int
}

//export pactffi_provider_state_get_param_iter
func pactffi_provider_state_get_param_iter(state *C.ProviderState) (ret *C.ProviderStateParamIterator) {
	const fn = "pactffi_provider_state_get_param_iter"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(state), "provider state", kindProviderState)
	if err != nil {
		fail(fn, err)
		return nil
	}
	s := o.val.(*model.ProviderState)
	clearError()
	return (*C.ProviderStateParamIterator)(newObject(kindProviderStateParamIter, &paramIter{state: s, keys: message.SortedKeys(s.Params)}, nil, 0).ptr)
}

//export pactffi_provider_state_param_iter_next
func pactffi_provider_state_param_iter_next(iter *C.ProviderStateParamIterator) (ret *C.ProviderStateParamPair) {
	const fn = "pactffi_provider_state_param_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(iter), "iterator", kindProviderStateParamIter)
	if err != nil {
		fail(fn, err)
		return nil
	}
	it := o.val.(*paramIter)
	for it.next < len(it.keys) {
		key := it.keys[it.next]
		it.next++
		v, ok := it.state.Params[key]
		if !ok {
			continue
		}
		js, err := message.JSON(v)
		if err != nil {
			fail(fn, err)
			return nil
		}
		pair := newObject(kindParamPair, nil, nil, unsafe.Sizeof(C.ProviderStateParamPair{}))
		cp := (*C.ProviderStateParamPair)(pair.ptr)
		cp.key = borrowCString(pair, key)
		cp.value = borrowCString(pair, js)
		clearError()
		return cp
	}
	clearError()
	return nil
}

//export pactffi_provider_state_param_iter_delete
func pactffi_provider_state_param_iter_delete(iter *C.ProviderStateParamIterator) {
	const fn = "pactffi_provider_state_param_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindProviderStateParamIter)
}

//export pactffi_provider_state_param_pair_delete
func pactffi_provider_state_param_pair_delete(pair *C.ProviderStateParamPair) {
	const fn = "pactffi_provider_state_param_pair_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(pair), "parameter pair", kindParamPair)
}

// ---- matching rules and generators --------------------------------------------------------

// categoryContents stands for pact_ffi's CONTENTS category. The model reads
// a V4 "content" category into body (as pact_ffi does for everything but this
// iterator), so nothing is filed under it and its iterators are empty, which
// is what pact_ffi gives for pacts that use "body".
const categoryContents model.Category = "contents"

// ruleCategory maps pact_ffi's MatchingRuleCategory.
func ruleCategory(c C.MatchingRuleCategory) (model.Category, error) {
	switch c {
	case C.MatchingRuleCategory_METHOD:
		return model.CategoryMethod, nil
	case C.MatchingRuleCategory_PATH:
		return model.CategoryPath, nil
	case C.MatchingRuleCategory_HEADER:
		return model.CategoryHeader, nil
	case C.MatchingRuleCategory_QUERY:
		return model.CategoryQuery, nil
	case C.MatchingRuleCategory_BODY:
		return model.CategoryBody, nil
	case C.MatchingRuleCategory_CONTENTS:
		return categoryContents, nil
	case C.MatchingRuleCategory_STATUS:
		return model.CategoryStatus, nil
	case C.MatchingRuleCategory_METADATA:
		return model.CategoryMetadata, nil
	}
	return "", fmt.Errorf("unknown matching rule category %d (expected 0 to 7)", int(c))
}

func generatorCategory(c C.GeneratorCategory) (model.Category, error) {
	switch c {
	case C.GeneratorCategory_METHOD:
		return model.CategoryMethod, nil
	case C.GeneratorCategory_PATH:
		return model.CategoryPath, nil
	case C.GeneratorCategory_HEADER:
		return model.CategoryHeader, nil
	case C.GeneratorCategory_QUERY:
		return model.CategoryQuery, nil
	case C.GeneratorCategory_BODY:
		return model.CategoryBody, nil
	case C.GeneratorCategory_STATUS:
		return model.CategoryStatus, nil
	case C.GeneratorCategory_METADATA:
		return model.CategoryMetadata, nil
	}
	return "", fmt.Errorf("unknown generator category %d (expected 0 to 6)", int(c))
}

type rulePathItem struct {
	path string
	rule model.Rule
}

type genPathItem struct {
	path string
	gen  model.Generator
}

// rulesIter builds a MatchingRuleCategoryIterator over the rules of one
// category, sorted by path, one item per rule.
func rulesIter(rules model.MatchingRules, c model.Category) unsafe.Pointer {
	it := &iterState{}
	cat := rules.Category(c)
	paths := make([]string, 0, cat.Len())
	for p := range cat.All() {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		for _, r := range cat.Get(p).Rules {
			it.items = append(it.items, rulePathItem{path: p, rule: r.Clone()})
		}
	}
	return newObject(kindMatchingRulesIter, it, nil, 0).ptr
}

func gensIter(gens model.Generators, c model.Category) unsafe.Pointer {
	it := &iterState{}
	cat := gens[c]
	for _, p := range message.SortedKeys(cat) {
		it.items = append(it.items, genPathItem{path: p, gen: cat[p].Clone()})
	}
	return newObject(kindGeneratorsIter, it, nil, 0).ptr
}

// partRulesAndGens returns the rules and generators of a MessageContents,
// HttpRequest or HttpResponse object.
func partRulesAndGens(p unsafe.Pointer, what string, kind objKind) (model.MatchingRules, model.Generators, error) {
	o, err := lookup(p, what, kind)
	if err != nil {
		return nil, nil, err
	}
	switch v := o.val.(type) {
	case contentsRef:
		mc, err := v()
		if err != nil {
			return nil, nil, err
		}
		return mc.MatchingRules, mc.Generators, nil
	case *model.Request:
		return v.MatchingRules, v.Generators, nil
	case *model.Response:
		return v.MatchingRules, v.Generators, nil
	}
	return nil, nil, fmt.Errorf("%s has no matching rules", what)
}

func ruleIterFor(fn string, p unsafe.Pointer, what string, kind objKind, category C.MatchingRuleCategory) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	rules, _, err := partRulesAndGens(p, what, kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	c, err := ruleCategory(category)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return rulesIter(rules, c)
}

func genIterFor(fn string, p unsafe.Pointer, what string, kind objKind, category C.GeneratorCategory) unsafe.Pointer {
	modelMu.Lock()
	defer modelMu.Unlock()
	_, gens, err := partRulesAndGens(p, what, kind)
	if err != nil {
		fail(fn, err)
		return nil
	}
	c, err := generatorCategory(category)
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return gensIter(gens, c)
}

//export pactffi_message_contents_get_matching_rule_iter
func pactffi_message_contents_get_matching_rule_iter(contents *C.MessageContents, category C.MatchingRuleCategory) (ret *C.MatchingRuleCategoryIterator) {
	const fn = "pactffi_message_contents_get_matching_rule_iter"
	defer guard(&ret, nil, fn)
	return (*C.MatchingRuleCategoryIterator)(ruleIterFor(fn, unsafe.Pointer(contents), "message contents", kindMessageContents, category))
}

//export pactffi_request_contents_get_matching_rule_iter
func pactffi_request_contents_get_matching_rule_iter(request *C.HttpRequest, category C.MatchingRuleCategory) (ret *C.MatchingRuleCategoryIterator) {
	const fn = "pactffi_request_contents_get_matching_rule_iter"
	defer guard(&ret, nil, fn)
	return (*C.MatchingRuleCategoryIterator)(ruleIterFor(fn, unsafe.Pointer(request), "request", kindHTTPRequest, category))
}

//export pactffi_response_contents_get_matching_rule_iter
func pactffi_response_contents_get_matching_rule_iter(response *C.HttpResponse, category C.MatchingRuleCategory) (ret *C.MatchingRuleCategoryIterator) {
	const fn = "pactffi_response_contents_get_matching_rule_iter"
	defer guard(&ret, nil, fn)
	return (*C.MatchingRuleCategoryIterator)(ruleIterFor(fn, unsafe.Pointer(response), "response", kindHTTPResponse, category))
}

//export pactffi_message_contents_get_generators_iter
func pactffi_message_contents_get_generators_iter(contents *C.MessageContents, category C.GeneratorCategory) (ret *C.GeneratorCategoryIterator) {
	const fn = "pactffi_message_contents_get_generators_iter"
	defer guard(&ret, nil, fn)
	return (*C.GeneratorCategoryIterator)(genIterFor(fn, unsafe.Pointer(contents), "message contents", kindMessageContents, category))
}

//export pactffi_request_contents_get_generators_iter
func pactffi_request_contents_get_generators_iter(request *C.HttpRequest, category C.GeneratorCategory) (ret *C.GeneratorCategoryIterator) {
	const fn = "pactffi_request_contents_get_generators_iter"
	defer guard(&ret, nil, fn)
	return (*C.GeneratorCategoryIterator)(genIterFor(fn, unsafe.Pointer(request), "request", kindHTTPRequest, category))
}

//export pactffi_response_contents_get_generators_iter
func pactffi_response_contents_get_generators_iter(response *C.HttpResponse, category C.GeneratorCategory) (ret *C.GeneratorCategoryIterator) {
	const fn = "pactffi_response_contents_get_generators_iter"
	defer guard(&ret, nil, fn)
	return (*C.GeneratorCategoryIterator)(genIterFor(fn, unsafe.Pointer(response), "response", kindHTTPResponse, category))
}

//export pactffi_matching_rules_iter_next
func pactffi_matching_rules_iter_next(iter *C.MatchingRuleCategoryIterator) (ret *C.MatchingRuleKeyValuePair) {
	const fn = "pactffi_matching_rules_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(iter), "iterator", kindMatchingRulesIter)
	if err != nil {
		fail(fn, err)
		return nil
	}
	v, ok := o.val.(*iterState).advance()
	clearError()
	if !ok {
		return nil
	}
	item := v.(rulePathItem)
	pair := newObject(kindRulePair, nil, nil, unsafe.Sizeof(C.MatchingRuleKeyValuePair{}))
	cp := (*C.MatchingRuleKeyValuePair)(pair.ptr)
	cp.path = borrowCString(pair, item.path)
	rule := item.rule
	cp.rule = (*C.MatchingRule)(newObject(kindMatchingRule, &rule, pair, 0).ptr)
	return cp
}

//export pactffi_matching_rules_iter_delete
func pactffi_matching_rules_iter_delete(iter *C.MatchingRuleCategoryIterator) {
	const fn = "pactffi_matching_rules_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindMatchingRulesIter)
}

//export pactffi_matching_rules_iter_pair_delete
func pactffi_matching_rules_iter_pair_delete(pair *C.MatchingRuleKeyValuePair) {
	const fn = "pactffi_matching_rules_iter_pair_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(pair), "matching rule pair", kindRulePair)
}

//export pactffi_generators_iter_next
func pactffi_generators_iter_next(iter *C.GeneratorCategoryIterator) (ret *C.GeneratorKeyValuePair) {
	const fn = "pactffi_generators_iter_next"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(iter), "iterator", kindGeneratorsIter)
	if err != nil {
		fail(fn, err)
		return nil
	}
	v, ok := o.val.(*iterState).advance()
	clearError()
	if !ok {
		return nil
	}
	item := v.(genPathItem)
	pair := newObject(kindGeneratorPair, nil, nil, unsafe.Sizeof(C.GeneratorKeyValuePair{}))
	cp := (*C.GeneratorKeyValuePair)(pair.ptr)
	cp.path = borrowCString(pair, item.path)
	g := item.gen
	cp.generator = (*C.Generator)(newObject(kindGenerator, &g, pair, 0).ptr)
	return cp
}

//export pactffi_generators_iter_delete
func pactffi_generators_iter_delete(iter *C.GeneratorCategoryIterator) {
	const fn = "pactffi_generators_iter_delete"
	defer guardVoid(fn)
	iterDelete(fn, unsafe.Pointer(iter), kindGeneratorsIter)
}

//export pactffi_generators_iter_pair_delete
func pactffi_generators_iter_pair_delete(pair *C.GeneratorKeyValuePair) {
	const fn = "pactffi_generators_iter_pair_delete"
	defer guardVoid(fn)
	deleteObject(fn, unsafe.Pointer(pair), "generator pair", kindGeneratorPair)
}

//export pactffi_matching_rule_to_json
func pactffi_matching_rule_to_json(rule *C.MatchingRule) (ret *C.char) {
	const fn = "pactffi_matching_rule_to_json"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(rule), "matching rule", kindMatchingRule)
	if err != nil {
		fail(fn, err)
		return nil
	}
	js, err := message.JSON(o.val.(*model.Rule).ToJSON())
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(js)
}

//export pactffi_generator_to_json
func pactffi_generator_to_json(gen *C.Generator) (ret *C.char) {
	const fn = "pactffi_generator_to_json"
	defer guard(&ret, nil, fn)
	modelMu.Lock()
	defer modelMu.Unlock()
	o, err := lookup(unsafe.Pointer(gen), "generator", kindGenerator)
	if err != nil {
		fail(fn, err)
		return nil
	}
	js, err := message.JSON(o.val.(*model.Generator).ToJSON())
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(js)
}

// generateWith runs the generator at p with the JSON context, as
// pactffi_generator_generate_string/integer do (generators.GenerateOne).
func generateWith(p unsafe.Pointer, contextJSON *C.char, example any) (any, error) {
	modelMu.Lock()
	o, err := lookup(p, "generator", kindGenerator)
	var g model.Generator
	if err == nil {
		g = o.val.(*model.Generator).Clone()
	}
	modelMu.Unlock()
	if err != nil {
		return nil, err
	}
	ctx := generators.Context{}
	if s, ok, err := optCstr(contextJSON, "context_json"); err != nil {
		return nil, err
	} else if ok && s != "" {
		v, err := message.DecodeJSON([]byte(s))
		if err != nil {
			return nil, fmt.Errorf("Failed to parse the context value as JSON - %v", err)
		}
		if m, ok := v.(map[string]any); ok {
			for k, e := range m {
				ctx[k] = e
			}
		}
	}
	return generators.GenerateOne(g, example, ctx)
}

//export pactffi_generator_generate_string
func pactffi_generator_generate_string(gen *C.Generator, contextJSON *C.char) (ret *C.char) {
	const fn = "pactffi_generator_generate_string"
	defer guard(&ret, nil, fn)
	v, err := generateWith(unsafe.Pointer(gen), contextJSON, "")
	if err != nil {
		fail(fn, err)
		return nil
	}
	clearError()
	return C.CString(message.JSONString(v))
}

//export pactffi_generator_generate_integer
func pactffi_generator_generate_integer(gen *C.Generator, contextJSON *C.char) (ret C.ushort) {
	const fn = "pactffi_generator_generate_integer"
	defer guard(&ret, 0, fn)
	v, err := generateWith(unsafe.Pointer(gen), contextJSON, 0)
	if err != nil {
		fail(fn, err)
		return 0
	}
	f, ok := model.JSONNumber(v)
	if !ok {
		if s, isStr := v.(string); isStr {
			var n json.Number = json.Number(s)
			if x, err := n.Float64(); err == nil {
				f, ok = x, true
			}
		}
	}
	if !ok || f < 0 || f > 65535 {
		fail(fn, fmt.Errorf("the generated value %v is not an integer from 0 to 65535", v))
		return 0
	}
	clearError()
	return C.ushort(f)
}
