package pactfile

import (
	"encoding/base64"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// Marshal renders p as a pact file of specification version ver (Unknown
// means p.SpecVersion, or V4 when that is unknown too), in the layout the
// reference writer uses (spec-checklist §4):
//
//   - V1, V1.1, V2: providerState from the first state, query as a string,
//     V2 matchingRules (V1 and V1.1 too, as pact_models writes them) keyed
//     "$.body…" / "$.headers.X" / "$.query.q" / "$.path" with only the first
//     matcher of each list, no generators.
//   - V3: an HTTP pact ("interactions") or a message pact ("messages"),
//     providerStates with params, query as a map, header values joined with
//     ", ", categorised rules with "combine" and "matchers".
//   - V4: typed interactions, body objects, header and query arrays, key
//     (when one was given), pending, comments.
//
// Whatever a version cannot express is dropped with a warning. Messages
// cannot be written below V3, and synchronous messages (or HTTP interactions
// mixed with messages) only as V4: those are errors.
//
// The output is indented JSON with sorted keys, interactions in
// pact_models' order (see writeOrder); the same model always gives the same
// bytes. Metadata keeps p.Metadata and sets pactSpecification.version
// and "libpact": {"version": Version}.
//
//	data, warnings, err := pactfile.Marshal(p, model.V3)
func Marshal(p *model.Pact, ver model.SpecVersion) (data []byte, warnings []string, err error) {
	doc, w, list, err := document(p, ver)
	if err != nil {
		return nil, nil, err
	}
	// The document without its interactions, then the interactions encoded
	// into the place the listHole marks.
	head := encoder{pretty: true, buf: make([]byte, 0, 1024)}
	head.value(doc, 0)
	data = w.encodeInteractions(list, head.buf[:head.hole], head.buf[head.hole:])
	return data, w.warnings, nil
}

type writer struct {
	ver      model.SpecVersion
	warnings []string
}

func (w *writer) warn(format string, args ...any) {
	w.warnings = append(w.warnings, fmt.Sprintf(format, args...))
}

// document builds the JSON tree of the pact file, with a listHole for the
// interactions (list, sorted), which w encodes.
func document(p *model.Pact, ver model.SpecVersion) (doc *obj, w *writer, list []*model.Interaction, err error) {
	if p == nil {
		return nil, nil, nil, fmt.Errorf("no pact to write")
	}
	if ver == model.Unknown {
		ver = p.SpecVersion
		if ver == model.Unknown {
			ver = model.V4
		}
	}
	w = &writer{ver: ver}
	var http, async int
	for _, i := range p.Interactions {
		switch i.Type {
		case model.HTTP:
			http++
		case model.AsyncMessage:
			async++
		case model.SyncMessage:
			if ver < model.V4 {
				return nil, nil, nil, fmt.Errorf("cannot write interaction '%s' as a %s pact: synchronous messages need V4", i.Description, versionName(ver))
			}
		}
	}
	if ver < model.V4 && async > 0 {
		if ver < model.V3 {
			return nil, nil, nil, fmt.Errorf("cannot write the messages of pact %s-%s as a %s pact: messages need V3 or later", p.Consumer, p.Provider, versionName(ver))
		}
		if http > 0 {
			return nil, nil, nil, fmt.Errorf("cannot write pact %s-%s as V3: it has both HTTP interactions and messages (V3 keeps them in separate files); write it as V4", p.Consumer, p.Provider)
		}
	}

	md := &obj{kv: make([]kv, 0, len(p.Metadata)+2)}
	for k, v := range p.Metadata {
		if k != "pact-specification" && k != "pactSpecificationVersion" {
			md.set(k, v)
		}
	}
	md.set("pactSpecification", newObj("version", ver.String()))
	md.set("libpact", newObj("version", Version))

	doc = newObj("consumer", newObj("name", p.Consumer), "provider", newObj("name", p.Provider), "metadata", md)
	if ver < model.V4 && async > 0 {
		doc.set("messages", listHole{})
	} else {
		doc.set("interactions", listHole{})
	}
	return doc, w, writeOrder(p.Interactions, ver), nil
}

// writeOrder is the order pact_models writes interactions in: a V4 file
// sorts them by description alone, keeping the order of ties; a V1–V3 file
// keeps the pact's own order (the order they were defined, or read from a
// file, or merged in: see Merge). Nil entries are dropped.
func writeOrder(in []*model.Interaction, ver model.SpecVersion) []*model.Interaction {
	out := make([]*model.Interaction, 0, len(in))
	for _, i := range in {
		if i != nil {
			out = append(out, i)
		}
	}
	if ver >= model.V4 {
		sort.SliceStable(out, func(a, b int) bool { return out[a].Description < out[b].Description })
	}
	return out
}

// listHole stands for the interactions in the document tree: the encoder
// writes nothing there but records the place (encoder.hole).
type listHole struct{}

// encodeInteractions encodes the interactions as a JSON array at depth 1,
// between prefix and suffix (the rest of the document), on GOMAXPROCS
// goroutines for long lists. The result is allocated once, by estimate:
// each goroutine writes its share into its own region of it (the first
// after the prefix), and the shares are then moved together. A share that
// outgrows its region goes to a buffer of its own, and the result is then
// put together in a new buffer. Warnings keep the order of the list.
func (w *writer) encodeInteractions(is []*model.Interaction, prefix, suffix []byte) []byte {
	workers := runtime.GOMAXPROCS(0)
	if len(is) < parallelMin || workers < 2 {
		workers = 1
	}
	chunk := (len(is) + workers - 1) / max(workers, 1)
	// Regions: [base[k], base[k+1]) of buf for share k.
	base := make([]int, workers+1)
	for k := 0; k < workers; k++ {
		lo, hi := min(k*chunk, len(is)), min((k+1)*chunk, len(is))
		size := 2048 + 3584*(hi-lo)
		if k == 0 {
			size += len(prefix) + 1
		}
		base[k+1] = base[k] + size
	}
	buf := make([]byte, base[workers]+len(suffix)+16)
	chunks := make([][]byte, workers)
	writers := make([]*writer, workers)
	var wg sync.WaitGroup
	panics := make([]any, workers)
	for k := 0; k < workers; k++ {
		lo, hi := min(k*chunk, len(is)), min((k+1)*chunk, len(is))
		writers[k] = &writer{ver: w.ver}
		wg.Add(1)
		go func(k, lo, hi int) {
			defer wg.Done()
			// A panic is raised again on the caller's goroutine (see below),
			// where the C ABI's guard can recover it; here it would end the
			// process.
			defer func() { panics[k] = recover() }()
			e := encoder{pretty: true, buf: buf[base[k]:base[k]:base[k+1]]}
			if k == 0 {
				e.buf = append(e.buf, prefix...)
				e.buf = append(e.buf, '[')
			}
			for n, i := range is[lo:hi] {
				if lo+n > 0 {
					e.buf = append(e.buf, ',')
				}
				e.newline(interactionDepth)
				if !writers[k].fastInteraction(&e, i, interactionDepth) {
					e.value(writers[k].interaction(i), interactionDepth)
				}
			}
			chunks[k] = e.buf
		}(k, lo, hi)
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
	for _, x := range writers {
		w.warnings = append(w.warnings, x.warnings...)
	}
	inPlace := true
	for k, c := range chunks {
		// A share still in its region ends there (its capacity was cut).
		inPlace = inPlace && (len(c) == 0 || cap(c) == base[k+1]-base[k] && &c[0] == &buf[base[k]])
	}
	var out []byte
	if inPlace {
		// Move each share down to the end of the previous one: the
		// destination never passes the start of the share it copies.
		out = buf[:len(chunks[0])]
		for _, c := range chunks[1:] {
			out = append(out, c...)
		}
	} else {
		total := len(suffix) + 16
		for _, c := range chunks {
			total += len(c)
		}
		out = make([]byte, 0, total)
		for _, c := range chunks {
			out = append(out, c...)
		}
	}
	if len(is) > 0 {
		e := encoder{pretty: true, buf: out}
		e.newline(interactionDepth - 1)
		out = e.buf
	}
	out = append(out, ']')
	out = append(out, suffix...)
	return append(out, '\n')
}

// sortedInteractions orders interactions by description, state names and
// type, keeping the original order of ties: the order of a merged pact.
func sortedInteractions(in []*model.Interaction) []*model.Interaction {
	out := make([]*model.Interaction, 0, len(in))
	for _, i := range in {
		if i != nil {
			out = append(out, i)
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		x, y := out[a], out[b]
		if x.Description != y.Description {
			return x.Description < y.Description
		}
		if sx, sy := strings.Join(x.StateNames(), "\x00"), strings.Join(y.StateNames(), "\x00"); sx != sy {
			return sx < sy
		}
		return x.Type < y.Type
	})
	return out
}

func (w *writer) interaction(i *model.Interaction) *obj {
	m := newObj("description", i.Description)
	if i.ID != "" {
		m.set("_id", i.ID)
	}
	w.states(m, i)
	if w.ver < model.V4 {
		w.dropV4(i)
		if i.Type == model.AsyncMessage {
			w.messageInto(m, &i.MessagePartsOrEmpty().Message, "interaction '"+i.Description+"'")
		} else {
			m.set("request", w.request(&i.Request, i.Description))
			m.set("response", w.response(&i.Response, i.Description))
		}
		return m
	}
	m.set("type", i.Type.String())
	m.set("pending", i.Pending)
	if len(i.Comments) > 0 {
		m.set("comments", i.Comments)
	}
	if len(i.PluginConfig) > 0 {
		m.set("pluginConfiguration", i.PluginConfig)
	}
	if len(i.InteractionMarkup) > 0 {
		m.set("interactionMarkup", i.InteractionMarkup)
	}
	if i.Transport != "" {
		m.set("transport", i.Transport)
	}
	where := "interaction '" + i.Description + "'"
	switch i.Type {
	case model.HTTP:
		m.set("request", w.request(&i.Request, i.Description))
		m.set("response", w.response(&i.Response, i.Description))
	case model.AsyncMessage:
		w.messageInto(m, &i.MessagePartsOrEmpty().Message, where)
	case model.SyncMessage:
		parts := i.MessagePartsOrEmpty()
		req := &obj{}
		w.messageInto(req, &parts.Request, where+" request")
		m.set("request", req)
		resps := make([]any, 0, len(parts.Responses))
		for n := range parts.Responses {
			r := &obj{}
			w.messageInto(r, &parts.Responses[n], fmt.Sprintf("%s response %d", where, n))
			resps = append(resps, r)
		}
		m.set("response", resps)
	}
	if i.Key != "" {
		m.set("key", i.Key) // pact_models writes a key only when one was given
	}
	return m
}

// keyHole stands for the key of an interaction that has none, in
// InteractionKey. The encoder writes the interaction with a placeholder
// there, then replaces it with 16 hex digits of two CRC-32s of the
// interaction's encoded form (placeholder included). The key identifies
// content; it is not a cryptographic digest.
type keyHole struct{}

const keyPlaceholder = `"################"`

// InteractionKey returns i's unique key: i.Key, or when that is empty a
// hash of the interaction's content (16 hex digits), as pact_models'
// unique_key. Marshal writes only a key that was given (i.Key), as
// pact_models does.
//
//	k := pactfile.InteractionKey(i) // e.g. "9f2c6a0e5b1d7734"
func InteractionKey(i *model.Interaction) string {
	if i.Key != "" {
		return i.Key
	}
	w := &writer{ver: model.V4}
	m := w.interaction(i)
	m.set("key", keyHole{})
	e := encoder{pretty: true}
	e.value(m, interactionDepth)
	return e.lastKey
}

// interactionDepth is the nesting depth of interactions in a pact file
// (document → interactions → interaction); keys are hashed at that depth.
const interactionDepth = 2

func (w *writer) dropV4(i *model.Interaction) {
	if i.Pending {
		w.warn("interaction '%s': 'pending' cannot be written in a %s pact; dropped", i.Description, versionName(w.ver))
	}
	for _, a := range []struct {
		name string
		v    map[string]any
	}{{"comments", i.Comments}, {"pluginConfiguration", i.PluginConfig}, {"interactionMarkup", i.InteractionMarkup}} {
		if name, v := a.name, a.v; len(v) > 0 {
			w.warn("interaction '%s': '%s' cannot be written in a %s pact; dropped", i.Description, name, versionName(w.ver))
		}
	}
}

func (w *writer) states(m *obj, i *model.Interaction) {
	if len(i.ProviderStates) == 0 {
		return
	}
	if w.ver < model.V3 {
		m.set("providerState", i.ProviderStates[0].Name)
		if len(i.ProviderStates) > 1 {
			w.warn("interaction '%s': %s pacts hold one provider state; dropped all but '%s'", i.Description, versionName(w.ver), i.ProviderStates[0].Name)
		}
		for _, s := range i.ProviderStates {
			if len(s.Params) > 0 {
				w.warn("interaction '%s': %s pacts cannot hold provider state parameters; dropped those of '%s'", i.Description, versionName(w.ver), s.Name)
			}
		}
		return
	}
	states := make([]any, 0, len(i.ProviderStates))
	for _, s := range i.ProviderStates {
		st := newObj("name", s.Name)
		if len(s.Params) > 0 {
			st.set("params", s.Params)
		}
		states = append(states, st)
	}
	m.set("providerStates", states)
}

func (w *writer) request(r *model.Request, desc string) *obj {
	where := "interaction '" + desc + "' request"
	m := newObj("method", strings.ToUpper(r.Method), "path", r.Path)
	if r.Method == "" {
		m.set("method", "GET")
	}
	if q := w.query(r); q != nil {
		m.set("query", q)
	}
	if h := w.headers(r.Headers); h != nil {
		m.set("headers", h)
	}
	w.bodyInto(m, "body", r.Body, headerContentType(r.Headers))
	w.rulesInto(m, r.MatchingRules, where)
	w.generatorsInto(m, r.Generators, where)
	return m
}

func (w *writer) response(r *model.Response, desc string) *obj {
	where := "interaction '" + desc + "' response"
	m := newObj("status", r.Status)
	if h := w.headers(r.Headers); h != nil {
		m.set("headers", h)
	}
	w.bodyInto(m, "body", r.Body, headerContentType(r.Headers))
	w.rulesInto(m, r.MatchingRules, where)
	w.generatorsInto(m, r.Generators, where)
	return m
}

func (w *writer) messageInto(m *obj, msg *model.MessageContents, where string) {
	md := msg.Metadata
	if w.ver < model.V4 {
		// A V3 message has no body object to hold its content type: it
		// goes in the metadata.
		md = msg.V3Metadata()
	}
	if len(md) > 0 {
		// pact_models leaves empty metadata out, in V4 too
		m.set("metadata", md)
	}
	w.bodyInto(m, "contents", msg.Contents, metadataContentType(md))
	w.rulesInto(m, msg.MatchingRules, where)
	w.generatorsInto(m, msg.Generators, where)
}

// query renders the query: a string up to V2, a map of value arrays from V3
// (null for a parameter without "=").
func (w *writer) query(r *model.Request) any {
	if w.ver < model.V3 {
		if r.RawQuery != "" {
			return r.RawQuery
		}
		if len(r.Query) == 0 {
			return nil
		}
		return encodeQuery(r.Query, r.QueryNoValue)
	}
	q, noValue := r.Query, r.QueryNoValue
	if len(q) == 0 && r.RawQuery != "" {
		q, noValue = ParseQuery(r.RawQuery)
	}
	if len(q) == 0 {
		return nil
	}
	out := &obj{kv: make([]kv, 0, len(q))}
	for _, f := range q {
		name, vals := f.Name, f.Values
		arr := make([]any, len(vals))
		for n, v := range vals {
			if v == "" && noValue[name] {
				arr[n] = nil
			} else {
				arr[n] = v
			}
		}
		out.set(name, arr)
	}
	return out
}

// headers renders headers: values joined with ", " up to V3 (an array for
// several values of a header that is not a multi-value one), arrays in V4.
func (w *writer) headers(h model.Headers) *obj {
	if len(h) == 0 {
		return nil
	}
	out := &obj{kv: make([]kv, 0, len(h))}
	for _, f := range h {
		name, vals := f.Name, f.Values
		if w.ver >= model.V4 {
			arr := make([]any, len(vals))
			for n, v := range vals {
				arr[n] = v
			}
			out.set(name, arr)
		} else if len(vals) > 1 && !multiValueHeaders[strings.ToLower(name)] {
			// Joined with ", ", the values of a header outside the
			// multi-value list would read back as one value: write them as
			// an array (which every reader, the reference's too, accepts).
			arr := make([]any, len(vals))
			for n, v := range vals {
				arr[n] = v
			}
			out.set(name, arr)
		} else {
			out.set(name, strings.Join(vals, ", "))
		}
	}
	return out
}

// bodyInto writes body b under key (spec-checklist §4.5). stated is the
// content type from the headers or message metadata.
func (w *writer) bodyInto(m *obj, key string, b model.Body, stated string) {
	if w.ver >= model.V4 {
		if v, ok := w.v4Body(b, stated); ok {
			m.set(key, v)
		}
		return
	}
	switch b.State {
	case model.BodyMissing:
		return
	case model.BodyNull:
		m.set(key, nil)
		return
	case model.BodyEmpty:
		m.set(key, "")
		return
	}
	ct := resolvedType(b, stated)
	switch {
	case isJSONType(ct):
		if v, ok := asRawJSON(b.Content); ok {
			m.set(key, v)
			return
		}
		m.set(key, textOrBase64(b.Content))
	case isBinaryType(ct):
		m.set(key, base64.StdEncoding.EncodeToString(b.Content))
	default:
		m.set(key, textOrBase64(b.Content))
	}
}

func resolvedType(b model.Body, stated string) string {
	if b.ContentType != "" {
		return b.ContentType
	}
	if stated != "" {
		return stated
	}
	return sniff(b.Content)
}

func textOrBase64(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return base64.StdEncoding.EncodeToString(b)
}

// v4Body renders a V4 body object. A missing body is not written; a null
// body is written as {"content": null} so that it reads back as null.
func (w *writer) v4Body(b model.Body, stated string) (*obj, bool) {
	out := &obj{kv: make([]kv, 0, 4)}
	if b.Hint != model.HintDefault {
		out.set("contentTypeHint", b.Hint.String())
	}
	switch b.State {
	case model.BodyMissing:
		return nil, false
	case model.BodyNull:
		out.set("content", nil)
		if b.ContentType != "" {
			out.set("contentType", b.ContentType)
		}
		return out, true
	case model.BodyEmpty:
		out.set("content", "")
		if b.ContentType != "" {
			out.set("contentType", b.ContentType)
		}
		return out, true
	}
	ct := resolvedType(b, stated)
	out.set("contentType", ct)
	out.set("encoded", false)
	switch {
	case b.Hint == model.HintBinary || isV4BinaryType(ct) || !utf8.Valid(b.Content):
		out.set("content", base64.StdEncoding.EncodeToString(b.Content))
		out.set("encoded", "base64")
	case isJSONType(ct):
		if v, ok := asRawJSON(b.Content); ok {
			out.set("content", v)
		} else {
			out.set("content", base64.StdEncoding.EncodeToString(b.Content))
			out.set("encoded", "base64")
		}
	default:
		out.set("content", string(b.Content))
	}
	return out, true
}

// rulesInto writes matchingRules in the version's form.
func (w *writer) rulesInto(m *obj, rules model.MatchingRules, where string) {
	if rules.IsEmpty() {
		return
	}
	switch {
	case w.ver <= model.V2:
		// pact_models writes V1 and V1.1 pacts' rules in the V2 form too.
		out := &obj{}
		for n := range rules {
			cat := rules[n].Category
			for path, l := range rules[n].Paths.All() {
				if len(l.Rules) == 0 {
					continue
				}
				key, ok := v2Key(cat, path)
				if !ok {
					w.warn("%s: V2 pacts cannot hold %s matching rules; dropped the rules at '%s'", where, cat, path)
					continue
				}
				if len(l.Rules) > 1 {
					w.warn("%s: V2 pacts hold one matcher per path; dropped all but the first at '%s'", where, key)
				}
				out.set(key, l.Rules[0].ToJSON())
			}
		}
		if len(out.kv) > 0 {
			m.set("matchingRules", out)
		}
	default:
		out := &obj{}
		for n := range rules {
			cat, paths := rules[n].Category, &rules[n].Paths
			if singleKeyCategory(cat) {
				if l := firstList(paths); l != nil {
					if cat == model.CategoryPath {
						out.set(string(cat), l.ToJSON())
					} else {
						out.set(string(cat), newObj(rootKey(cat), l.ToJSON()))
					}
				}
				continue
			}
			cm := &obj{}
			for path, l := range paths.All() {
				if len(l.Rules) > 0 {
					cm.set(path, l.ToJSON())
				}
			}
			if len(cm.kv) > 0 {
				out.set(string(cat), cm)
			}
		}
		if len(out.kv) > 0 {
			m.set("matchingRules", out)
		}
	}
}

// firstList returns the list of a single-key category: the one at "", else
// the non-empty lists merged in key order.
// rootKey is the key under which a V3/V4 pact holds the one rule list of the
// method or status category. pact_models writes only the path category's
// list flat ("path": {"combine": ..., "matchers": [...]}); the others are
// keyed by their document path, which for a status matcher from
// pactffi_response_status_v2 is "$": "status": {"$": {...}}. A reader that
// takes status rules as paths (the reference does) would otherwise see the
// paths "combine" and "matchers".
func rootKey(model.Category) string { return "$" }

func firstList(paths *model.PathRules) *model.RuleList {
	if l := paths.Get(""); l != nil && len(l.Rules) > 0 {
		return l
	}
	var merged *model.RuleList
	keys := make([]string, 0, paths.Len())
	for k := range paths.All() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if l := paths.Get(k); len(l.Rules) > 0 {
			if merged == nil {
				merged = &model.RuleList{Combine: l.Combine}
			}
			merged.Rules = append(merged.Rules, l.Rules...)
		}
	}
	return merged
}

// v2Key renders a category and path as a V2 matching-rule key.
func v2Key(cat model.Category, path string) (string, bool) {
	switch cat {
	case model.CategoryBody:
		switch {
		case path == "" || path == "$":
			return "$.body", true
		case strings.HasPrefix(path, "$"):
			return "$.body" + path[1:], true
		case strings.HasPrefix(path, "["):
			return "$.body" + path, true
		default:
			return "$.body." + path, true
		}
	case model.CategoryHeader:
		return "$.headers" + model.FieldSuffix(path), true
	case model.CategoryQuery:
		return "$.query" + model.FieldSuffix(path), true
	case model.CategoryPath:
		return "$.path", true
	}
	return "", false
}

func (w *writer) generatorsInto(m *obj, gens model.Generators, where string) {
	if gens.IsEmpty() {
		return
	}
	if w.ver < model.V3 {
		w.warn("%s: %s pacts cannot hold generators; dropped them", where, versionName(w.ver))
		return
	}
	out := &obj{}
	for cat, paths := range gens {
		if len(paths) == 0 {
			continue
		}
		if singleKeyCategory(cat) {
			g, ok := paths[""]
			if !ok {
				g = paths[sortedKeys(paths)[0]]
			}
			out.set(string(cat), g.ToJSON())
			continue
		}
		cm := &obj{kv: make([]kv, 0, len(paths))}
		for path, g := range paths {
			cm.set(path, g.ToJSON())
		}
		out.set(string(cat), cm)
	}
	m.set("generators", out)
}

// versionName names a version for messages: "V1", "V1.1", ... "V4".
func versionName(v model.SpecVersion) string {
	switch v {
	case model.V1:
		return "V1"
	case model.V1_1:
		return "V1.1"
	case model.V2:
		return "V2"
	case model.V3:
		return "V3"
	case model.V4:
		return "V4"
	}
	return "unknown-version"
}
