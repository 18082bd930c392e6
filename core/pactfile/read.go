package pactfile

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/Masterminds/semver/v3"

	"github.com/libpact/libpact/core/model"
)

// Read reads and parses the pact file at path. See Parse.
//
//	p, warnings, err := pactfile.Read("pacts/web-api.json")
func Read(path string) (*model.Pact, []string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("reading pact file: %w", err)
	}
	p, warnings, err := Parse(data)
	if err != nil {
		return nil, warnings, fmt.Errorf("reading pact file %s: %w", path, err)
	}
	return p, warnings, nil
}

// Parse parses a pact file of any specification version (V1, V1.1, V2, V3
// HTTP or message pact, V4). The version comes from
// metadata.pactSpecification.version (or "pact-specification"), read
// leniently ("2", "3.0", "4.0.0"); when it is missing the pact is read as V3,
// as the reference does, unless its interactions carry V4 "type"
// attributes.
//
//	p, warnings, err := pactfile.Parse([]byte(`{"consumer":{"name":"web"},"provider":{"name":"api"},
//		"interactions":[{"description":"a","request":{"method":"GET","path":"/"},"response":{"status":200}}]}`))
//
// Unknown attributes, malformed rules and similar problems are skipped and
// reported in warnings. Invalid JSON, a document that is not an object, an
// interaction that is not an object or has an unknown V4 type, and a
// non-integer status are errors.
func Parse(data []byte) (*model.Pact, []string, error) {
	doc, lists, v, err := parseTop(bytes.TrimPrefix(data, bom))
	if err != nil {
		return nil, nil, err
	}
	if doc == nil {
		return nil, nil, fmt.Errorf("a pact file must be a JSON object, but this one is %s", model.JSONKind(v))
	}
	r := &reader{}
	p, err := r.pact(doc, lists)
	return p, r.warnings, err
}

// listOf returns the array key of the document: from lists (undecoded), or
// from doc. A value that is not an array is an error.
func listOf(doc map[string]any, lists map[string]*elems, key string) (*elems, error) {
	if l := lists[key]; l != nil {
		return l, nil
	}
	x, ok := doc[key]
	if !ok || x == nil {
		return &elems{}, nil
	}
	arr, ok := x.([]any)
	if !ok {
		return nil, fmt.Errorf("'%s' must be an array, but it is %s", key, model.JSONKind(x))
	}
	return &elems{vals: arr}, nil
}

var topLevelKeys = map[string]bool{"consumer": true, "provider": true, "interactions": true, "messages": true, "metadata": true}

func (r *reader) pact(doc map[string]any, lists map[string]*elems) (*model.Pact, error) {
	p := &model.Pact{Metadata: map[string]any{}}
	p.Consumer = r.pacticipant(doc, "consumer")
	p.Provider = r.pacticipant(doc, "provider")
	for _, k := range sortedKeys(doc) {
		if !topLevelKeys[k] {
			r.warn("ignoring unknown top-level attribute '%s'", k)
		}
	}

	declared := ""
	switch md := doc["metadata"].(type) {
	case nil:
	case map[string]any:
		for k, x := range md {
			switch k {
			case "pactSpecification", "pact-specification":
				if spec, ok := x.(map[string]any); ok {
					if s, ok := spec["version"]; ok && s != nil {
						declared = strings.TrimSpace(fmt.Sprint(jsonText(s)))
					}
				}
			default:
				p.Metadata[k] = model.CopyJSON(x, nil)
			}
		}
	default:
		r.warn("ignoring 'metadata' that is %s, not an object", model.JSONKind(md))
	}
	ver := specVersion(declared)
	list, err := listOf(doc, lists, "interactions")
	if err != nil {
		return nil, err
	}
	v4Typed := false
	if declared == "" && list.len() > 0 {
		vals, err := list.all()
		if err != nil {
			return nil, err
		}
		v4Typed = looksV4(vals)
	}
	switch {
	case v4Typed:
		r.warn("the pact has no specification version but its interactions have V4 types; reading it as V4")
		ver = model.V4
	case declared == "":
		ver = model.V3
	case ver == model.Unknown:
		r.warn("unsupported pact specification version '%s'; reading the pact as V3", declared)
		ver = model.V3
	}
	p.SpecVersion = ver
	r.ver = ver

	if ver == model.V4 {
		is, err := r.each(list, (*reader).v4Interaction, true)
		if err != nil {
			return nil, err
		}
		p.Interactions = is
		if _, ok := lists["messages"]; ok || doc["messages"] != nil {
			r.warn("ignoring 'messages' in a V4 pact (V4 pacts list messages under 'interactions')")
		}
		return p, nil
	}
	is, err := r.each(list, (*reader).httpInteraction, ver == model.V3)
	if err != nil {
		return nil, err
	}
	p.Interactions = is
	mlist, err := listOf(doc, lists, "messages")
	if err != nil {
		return nil, err
	}
	if mlist.len() > 0 {
		if ver < model.V3 {
			r.warn("a message pact declares version %s, but messages need V3; reading it as V3", declared)
			p.SpecVersion, r.ver = model.V3, model.V3
		}
		ms, err := r.each(mlist, (*reader).v3Message, false)
		if err != nil {
			return nil, err
		}
		p.Interactions = append(p.Interactions, ms...)
	}
	return p, nil
}

// parallelMin is the number of interactions from which each() reads them on
// several goroutines.
var parallelMin = 512

// each reads the interactions of list with read, in order. Long lists are
// split between GOMAXPROCS goroutines, each with its own reader; warnings
// and the first error keep the order of the list.
//
// With fast set, each interaction is first offered to the fast reader
// (fastHTTP), which decodes the usual form of V3 and V4 HTTP interactions
// straight into the model.
func (r *reader) each(list *elems, read func(*reader, int, any) (*model.Interaction, error), fast bool) ([]*model.Interaction, error) {
	total := list.len()
	out := make([]*model.Interaction, total)
	workers := runtime.GOMAXPROCS(0)
	if total < parallelMin || workers < 2 {
		workers = 1
	}
	chunk := (total + workers - 1) / workers
	readers := make([]*reader, workers)
	errs := make([]error, workers)
	run := func(w, lo, hi int) {
		p := list.parser()
		for n := lo; n < hi; n++ {
			if fast && list.spans != nil {
				mark := len(readers[w].warnings)
				if i, ok := readers[w].fastHTTP(p, n, list.spans[n]); ok {
					out[n] = i
					sort.Strings(readers[w].warnings[mark:])
					continue
				}
			}
			v, err := list.get(p, n)
			if err == nil {
				mark := len(readers[w].warnings)
				out[n], err = read(readers[w], n, v)
				// Map order is random: sort each interaction's warnings.
				sort.Strings(readers[w].warnings[mark:])
			}
			if err != nil {
				errs[w] = err
				return
			}
		}
	}
	var wg sync.WaitGroup
	panics := make([]any, workers)
	for w := 0; w < workers; w++ {
		lo, hi := min(w*chunk, total), min((w+1)*chunk, total)
		readers[w] = &reader{ver: r.ver}
		if workers == 1 {
			run(w, lo, hi)
			continue
		}
		wg.Add(1)
		go func(w, lo, hi int) {
			defer wg.Done()
			// A panic must not end the process from this goroutine: it is
			// raised again on the caller's, where the caller's recover (the
			// C ABI's guard, the mock server's handler) can see it.
			defer func() { panics[w] = recover() }()
			run(w, lo, hi)
		}(w, lo, hi)
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	for w := range readers {
		if errs[w] != nil {
			return nil, errs[w]
		}
		r.warnings = append(r.warnings, readers[w].warnings...)
	}
	return out, nil
}

// jsonText returns strings as they are and numbers as their JSON text.
func jsonText(v any) any {
	if s, ok := v.(string); ok {
		return s
	}
	return compactJSON(v)
}

// specVersion parses a declared version leniently: "1" and "1.0.0" → V1,
// "1.1" → V1_1, "2.x" → V2, "3.x" → V3, "4.x" → V4, anything else Unknown.
func specVersion(s string) model.SpecVersion {
	if s == "" {
		return model.Unknown
	}
	v, err := semver.NewVersion(s)
	if err != nil {
		return model.Unknown
	}
	switch v.Major() {
	case 1:
		if v.Minor() >= 1 {
			return model.V1_1
		}
		return model.V1
	case 2:
		return model.V2
	case 3:
		return model.V3
	case 4:
		return model.V4
	}
	return model.Unknown
}

// looksV4 reports whether the interactions carry V4 "type" attributes.
func looksV4(list []any) bool {
	if len(list) == 0 {
		return false
	}
	for _, x := range list {
		m, ok := x.(map[string]any)
		if !ok {
			return false
		}
		t, _ := m["type"].(string)
		if _, ok := model.ParseInteractionType(t); !ok {
			return false
		}
	}
	return true
}

func (r *reader) pacticipant(doc map[string]any, role string) string {
	x, ok := doc[role]
	if !ok || x == nil {
		return role
	}
	m, ok := x.(map[string]any)
	if !ok {
		r.warn("'%s' is %s, not an object; using the name '%s'", role, model.JSONKind(x), role)
		return role
	}
	name, ok := m["name"].(string)
	if !ok || name == "" {
		return role
	}
	return name
}

var commonKeys = map[string]bool{
	"description": true, "providerState": true, "providerStates": true, "provider_state": true,
	"_id": true, "key": true, "pending": true, "comments": true, "pluginConfiguration": true,
	"interactionMarkup": true, "transport": true, "type": true,
}

// common reads the attributes every kind of interaction has. An interaction
// without a description is named as pact_models names it: "Message <n>" in
// a V3 message pact (unnamed "Message"), "Interaction <n>" elsewhere; a
// description that is not a string is its JSON text ("null" for null).
func (r *reader) common(i *model.Interaction, n int, m map[string]any, unnamed string) {
	d, present := m["description"]
	switch d := d.(type) {
	case string:
		i.Description = d
	default:
		if present {
			i.Description = compactJSON(d)
		} else {
			i.Description = fmt.Sprintf("%s %d", unnamed, n)
		}
	}
	i.ProviderStates = r.providerStates(m, i.Description)
	if id, ok := m["_id"]; ok && id != nil {
		i.ID = fmt.Sprint(jsonText(id))
	}
	if k, ok := m["key"]; ok && k != nil {
		if s, ok := k.(string); ok {
			i.Key = s
		} else {
			r.warn("interaction '%s': ignoring 'key' that is %s, not a string", i.Description, model.JSONKind(k))
		}
	}
	if p, ok := m["pending"]; ok && p != nil {
		if b, ok := p.(bool); ok {
			i.Pending = b
		} else {
			r.warn("interaction '%s': ignoring 'pending' that is %s, not a boolean", i.Description, model.JSONKind(p))
		}
	}
	i.Comments = r.object(m, "comments", i.Description)
	i.PluginConfig = r.object(m, "pluginConfiguration", i.Description)
	i.InteractionMarkup = r.object(m, "interactionMarkup", i.Description)
	if t, ok := m["transport"]; ok && t != nil {
		if s, ok := t.(string); ok {
			i.Transport = s
		} else {
			r.warn("interaction '%s': ignoring 'transport' that is %s, not a string", i.Description, model.JSONKind(t))
		}
	}
}

func (r *reader) object(m map[string]any, key, desc string) map[string]any {
	x, ok := m[key]
	if !ok || x == nil {
		return nil
	}
	o, ok := x.(map[string]any)
	if !ok {
		r.warn("interaction '%s': ignoring '%s' that is %s, not an object", desc, key, model.JSONKind(x))
		return nil
	}
	return model.CopyJSON(o, nil).(map[string]any)
}

// providerStates reads providerStates (an array of {name, params}), or else
// the single-name providerState / provider_state. An empty name is no state.
func (r *reader) providerStates(m map[string]any, desc string) []model.ProviderState {
	if x, ok := m["providerStates"]; ok && x != nil {
		list, ok := x.([]any)
		if !ok {
			r.warn("interaction '%s': ignoring 'providerStates' that is %s, not an array", desc, model.JSONKind(x))
			return nil
		}
		var states []model.ProviderState
		for _, s := range list {
			switch st := s.(type) {
			case string:
				if st != "" {
					states = append(states, model.ProviderState{Name: st})
				}
			case map[string]any:
				name, ok := st["name"].(string)
				if !ok || name == "" {
					r.warn("interaction '%s': ignoring a provider state with no name", desc)
					continue
				}
				ps := model.ProviderState{Name: name}
				if params, ok := st["params"].(map[string]any); ok && len(params) > 0 {
					ps.Params = model.CopyJSON(params, nil).(map[string]any)
				}
				states = append(states, ps)
			default:
				r.warn("interaction '%s': ignoring a provider state that is %s", desc, model.JSONKind(s))
			}
		}
		return states
	}
	for _, key := range []string{"providerState", "provider_state"} {
		if x, ok := m[key]; ok && x != nil {
			s, ok := x.(string)
			if !ok {
				r.warn("interaction '%s': ignoring '%s' that is %s, not a string", desc, key, model.JSONKind(x))
				return nil
			}
			if s == "" {
				return nil
			}
			return []model.ProviderState{{Name: s}}
		}
	}
	return nil
}

func (r *reader) warnUnknown(m map[string]any, desc string, known ...string) {
	for k := range m {
		if commonKeys[k] {
			continue
		}
		found := false
		for _, kk := range known {
			if k == kk {
				found = true
				break
			}
		}
		if !found {
			r.warn("interaction '%s': ignoring unknown attribute '%s'", desc, k)
		}
	}
}

// httpInteraction reads a V1–V3 request/response interaction.
func (r *reader) httpInteraction(n int, x any) (*model.Interaction, error) {
	m, ok := x.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("interaction %d must be a JSON object, but it is %s", n, model.JSONKind(x))
	}
	i := model.NewInteraction(model.HTTP, "")
	r.common(i, n, m, "Interaction")
	r.warnUnknown(m, i.Description, "request", "response")
	if err := r.httpParts(i, m); err != nil {
		return nil, err
	}
	return i, nil
}

func (r *reader) httpParts(i *model.Interaction, m map[string]any) error {
	where := fmt.Sprintf("interaction '%s'", i.Description)
	if x, ok := m["request"]; ok && x != nil {
		req, err := r.request(x, where+" request")
		if err != nil {
			return err
		}
		i.Request = req
	} else {
		r.warn("%s has no request", where)
	}
	if x, ok := m["response"]; ok && x != nil {
		resp, err := r.response(x, where+" response")
		if err != nil {
			return err
		}
		i.Response = resp
	} else {
		r.warn("%s has no response", where)
	}
	return nil
}

// v3Message reads one entry of a V3 message pact's "messages".
func (r *reader) v3Message(n int, x any) (*model.Interaction, error) {
	m, ok := x.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("message %d must be a JSON object, but it is %s", n, model.JSONKind(x))
	}
	i := model.NewInteraction(model.AsyncMessage, "")
	r.common(i, n, m, "Message")
	r.messageInto(&i.MessageParts().Message, m, fmt.Sprintf("message '%s'", i.Description), commonKeys)
	return i, nil
}

// v4Interaction reads one typed V4 interaction. A missing type is inferred
// from the attributes, with a warning.
func (r *reader) v4Interaction(n int, x any) (*model.Interaction, error) {
	m, ok := x.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("interaction %d must be a JSON object, but it is %s", n, model.JSONKind(x))
	}
	var t model.InteractionType
	switch ts := m["type"].(type) {
	case string:
		var ok bool
		if t, ok = model.ParseInteractionType(ts); !ok {
			return nil, fmt.Errorf("interaction %d (%s) has an unknown type '%s'; expected Synchronous/HTTP, Asynchronous/Messages or Synchronous/Messages",
				n, describe(m), ts)
		}
	default:
		_, hasReq := m["request"]
		_, respIsList := m["response"].([]any)
		_, hasContents := m["contents"]
		switch {
		case hasContents && !hasReq:
			t = model.AsyncMessage
		case hasReq && respIsList:
			t = model.SyncMessage
		case hasReq:
			t = model.HTTP
		default:
			return nil, fmt.Errorf("interaction %d (%s) has no type attribute and its kind cannot be guessed", n, describe(m))
		}
		r.warn("interaction %d (%s) has no type attribute; read it as %s", n, describe(m), t)
	}
	i := model.NewInteraction(t, "")
	r.common(i, n, m, "Interaction")
	where := fmt.Sprintf("interaction '%s'", i.Description)
	switch t {
	case model.HTTP:
		r.warnUnknown(m, i.Description, "request", "response")
		if err := r.httpParts(i, m); err != nil {
			return nil, err
		}
	case model.AsyncMessage:
		r.messageInto(&i.MessageParts().Message, m, where, commonKeys)
	case model.SyncMessage:
		r.warnUnknown(m, i.Description, "request", "response")
		if x, ok := m["request"]; ok && x != nil {
			msg, err := r.message(x, where+" request")
			if err != nil {
				return nil, err
			}
			i.MessageParts().Request = msg
		}
		switch resp := m["response"].(type) {
		case nil:
		case []any:
			for k, x := range resp {
				msg, err := r.message(x, fmt.Sprintf("%s response %d", where, k))
				if err != nil {
					return nil, err
				}
				i.MessageParts().Responses = append(i.MessageParts().Responses, msg)
			}
		case map[string]any:
			r.warn("%s: 'response' should be an array; read the single response", where)
			msg, err := r.message(resp, where+" response")
			if err != nil {
				return nil, err
			}
			i.MessageParts().Responses = append(i.MessageParts().Responses, msg)
		default:
			r.warn("%s: ignoring 'response' that is %s", where, model.JSONKind(resp))
		}
	}
	return i, nil
}

func describe(m map[string]any) string {
	if d, ok := m["description"].(string); ok {
		return fmt.Sprintf("'%s'", d)
	}
	return "no description"
}
