package pactfile

import (
	"encoding/base64"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// The fast writer appends a V4 HTTP interaction straight to the encoder's
// buffer, with its keys in sorted order, instead of building the tree of
// objects that the encoder then sorts and walks (writer.interaction). It must
// give exactly the same bytes: TestFastWriteMatches compares the two on every
// real pact and the golden files.

// fastWrite turns the fast writer on (tests turn it off to compare).
var fastWrite = true

// ow writes the members of one JSON object, in the order given, in the
// encoder's layout.
type ow struct {
	e     *encoder
	depth int
	n     int
}

func (e *encoder) beginObj(depth int) ow {
	e.buf = append(e.buf, '{')
	return ow{e: e, depth: depth}
}

// key starts member k; its value follows at depth o.depth+1.
func (o *ow) key(k string) {
	if o.n > 0 {
		o.e.buf = append(o.e.buf, ',')
	}
	o.n++
	o.e.newline(o.depth + 1)
	o.e.buf = appendString(o.e.buf, k)
	o.e.buf = append(o.e.buf, ':')
	if o.e.pretty {
		o.e.buf = append(o.e.buf, ' ')
	}
}

// lit starts member k, a key that needs no escaping (the fast writer only
// writes the pretty layout).
func (o *ow) lit(k string) {
	b := o.e.buf
	n := 2*(o.depth+1) + 1 // newline and indentation
	switch {
	case n+1 > len(commaIndent):
		if o.n > 0 {
			b = append(b, ',')
		}
		o.e.buf = b
		o.e.newline(o.depth + 1)
		b = o.e.buf
	case o.n > 0:
		b = append(b, commaIndent[:n+1]...)
	default:
		b = append(b, commaIndent[1:n+1]...)
	}
	o.n++
	b = append(b, '"')
	b = append(b, k...)
	o.e.buf = append(b, '"', ':', ' ')
}

// commaIndent is a comma, a newline and the indentation of up to 32 levels.
const commaIndent = "," + indent

func (o *ow) end() {
	if o.n > 0 {
		o.e.newline(o.depth)
	}
	o.e.buf = append(o.e.buf, '}')
}

// str writes member k (a key that needs no escaping) with string value v.
func (o *ow) str(k, v string) {
	o.lit(k)
	o.e.buf = appendString(o.e.buf, v)
}

// fastInteraction appends i as e.value(w.interaction(i), depth) would, and
// reports whether it could (V4 HTTP interactions only).
func (w *writer) fastInteraction(e *encoder, i *model.Interaction, depth int) bool {
	if !fastWrite || !e.pretty || w.ver < model.V3 || i.Type != model.HTTP {
		return false
	}
	v4 := w.ver >= model.V4
	if !v4 && (i.Pending || len(i.Comments) > 0 || len(i.PluginConfig) > 0 || len(i.InteractionMarkup) > 0) {
		return false // the full writer warns that V3 drops them
	}
	o := e.beginObj(depth)
	if i.ID != "" {
		o.str("_id", i.ID)
	}
	if len(i.Comments) > 0 {
		o.lit("comments")
		e.value(i.Comments, depth+1)
	}
	o.str("description", i.Description)
	if len(i.InteractionMarkup) > 0 {
		o.lit("interactionMarkup")
		e.value(i.InteractionMarkup, depth+1)
	}
	if v4 {
		if i.Key != "" {
			o.lit("key")
			e.buf = appendString(e.buf, i.Key)
		}
		o.lit("pending")
		e.buf = strconv.AppendBool(e.buf, i.Pending)
	}
	if len(i.PluginConfig) > 0 {
		o.lit("pluginConfiguration")
		e.value(i.PluginConfig, depth+1)
	}
	if len(i.ProviderStates) > 0 {
		o.lit("providerStates")
		e.buf = append(e.buf, '[')
		for n, s := range i.ProviderStates {
			if n > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 2)
			so := e.beginObj(depth + 2)
			so.str("name", s.Name)
			if len(s.Params) > 0 {
				so.lit("params")
				e.value(s.Params, depth+3)
			}
			so.end()
		}
		e.newline(depth + 1)
		e.buf = append(e.buf, ']')
	}
	o.lit("request")
	w.fastRequest(e, &i.Request, depth+1)
	o.lit("response")
	w.fastResponse(e, &i.Response, depth+1)
	if v4 && i.Transport != "" {
		o.str("transport", i.Transport)
	}
	if v4 {
		o.str("type", "Synchronous/HTTP")
	}
	o.end()
	return true
}

func (w *writer) fastRequest(e *encoder, r *model.Request, depth int) {
	o := e.beginObj(depth)
	w.fastBodyAny(e, &o, r.Body, headerContentType(r.Headers), depth)
	w.fastGenerators(e, &o, r.Generators, depth)
	w.fastHeaders(e, &o, r.Headers, depth)
	w.fastRules(e, &o, r.MatchingRules, depth)
	method := strings.ToUpper(r.Method)
	if r.Method == "" {
		method = "GET"
	}
	o.str("method", method)
	o.str("path", r.Path)
	w.fastQuery(e, &o, r, depth)
	o.end()
}

func (w *writer) fastResponse(e *encoder, r *model.Response, depth int) {
	o := e.beginObj(depth)
	w.fastBodyAny(e, &o, r.Body, headerContentType(r.Headers), depth)
	w.fastGenerators(e, &o, r.Generators, depth)
	w.fastHeaders(e, &o, r.Headers, depth)
	w.fastRules(e, &o, r.MatchingRules, depth)
	o.lit("status")
	e.buf = strconv.AppendInt(e.buf, int64(r.Status), 10)
	o.end()
}

// strings appends values as a JSON array at depth; in a query, a parameter
// without "=" (noValue) has null for its empty values.
func (e *encoder) strings(vals []string, depth int, noValue bool) {
	if len(vals) == 0 {
		e.buf = append(e.buf, "[]"...)
		return
	}
	e.buf = append(e.buf, '[')
	for n, v := range vals {
		if n > 0 {
			e.buf = append(e.buf, ',')
		}
		e.newline(depth + 1)
		if v == "" && noValue {
			e.buf = append(e.buf, "null"...)
		} else {
			e.buf = appendString(e.buf, v)
		}
	}
	e.newline(depth)
	e.buf = append(e.buf, ']')
}

// sortedNames returns the keys of m, sorted, in e's scratch stack; release
// them with e.keys = e.keys[:mark].
func sortedNames[K ~string, V any](e *encoder, m map[K]V) (names []string, mark int) {
	mark = len(e.keys)
	for k := range m {
		e.keys = append(e.keys, string(k))
	}
	names = e.keys[mark:]
	sort.Strings(names)
	return names, mark
}

func (w *writer) fastHeaders(e *encoder, o *ow, h model.Headers, depth int) {
	if len(h) == 0 {
		return
	}
	o.lit("headers")
	ho := e.beginObj(depth + 1)
	for _, f := range h.Sorted() {
		name, vals := f.Name, f.Values
		ho.key(name)
		switch {
		case w.ver >= model.V4 || len(vals) > 1 && !multiValueHeaders[strings.ToLower(name)]:
			e.strings(vals, depth+2, false)
		case len(vals) == 1:
			e.buf = appendString(e.buf, vals[0])
		default:
			e.buf = appendString(e.buf, strings.Join(vals, ", "))
		}
	}
	ho.end()
}

func (w *writer) fastQuery(e *encoder, o *ow, r *model.Request, depth int) {
	q, noValue := r.Query, r.QueryNoValue
	if len(q) == 0 && r.RawQuery != "" {
		q, noValue = ParseQuery(r.RawQuery)
	}
	if len(q) == 0 {
		return
	}
	o.lit("query")
	qo := e.beginObj(depth + 1)
	for _, f := range q.Sorted() {
		qo.key(f.Name)
		e.strings(f.Values, depth+2, noValue[f.Name])
	}
	qo.end()
}

// fastBodyAny writes the body in the version's form.
func (w *writer) fastBodyAny(e *encoder, o *ow, b model.Body, stated string, depth int) {
	if w.ver >= model.V4 {
		w.fastBody(e, o, b, stated, depth)
		return
	}
	// V1–V3, as writer.bodyInto writes them.
	switch b.State {
	case model.BodyMissing:
		return
	case model.BodyNull:
		o.lit("body")
		e.buf = append(e.buf, "null"...)
		return
	case model.BodyEmpty:
		o.lit("body")
		e.buf = append(e.buf, `""`...)
		return
	}
	o.lit("body")
	ct := resolvedType(b, stated)
	switch {
	case isJSONType(ct):
		if v, ok := asRawJSON(b.Content); ok {
			e.raw(v, depth+1)
			return
		}
		e.buf = appendString(e.buf, textOrBase64(b.Content))
	case isBinaryType(ct):
		e.base64(b.Content)
	default:
		e.buf = appendString(e.buf, textOrBase64(b.Content))
	}
}

// fastBody writes a V4 body object, as writer.v4Body builds it.
func (w *writer) fastBody(e *encoder, o *ow, b model.Body, stated string, depth int) {
	if b.State == model.BodyMissing {
		return
	}
	o.lit("body")
	bo := e.beginObj(depth + 1)
	hint := func() {
		if b.Hint != model.HintDefault {
			bo.str("contentTypeHint", b.Hint.String())
		}
	}
	switch b.State {
	case model.BodyNull, model.BodyEmpty:
		bo.lit("content")
		if b.State == model.BodyNull {
			e.buf = append(e.buf, "null"...)
		} else {
			e.buf = append(e.buf, `""`...)
		}
		if b.ContentType != "" {
			bo.str("contentType", b.ContentType)
		}
		hint()
		bo.end()
		return
	}
	ct := resolvedType(b, stated)
	encoded := "false"
	bo.lit("content")
	switch {
	case b.Hint == model.HintBinary || isV4BinaryType(ct) || !utf8.Valid(b.Content):
		e.base64(b.Content)
		encoded = `"base64"`
	case isJSONType(ct):
		if v, ok := asRawJSON(b.Content); ok {
			e.raw(v, depth+2)
		} else {
			e.base64(b.Content)
			encoded = `"base64"`
		}
	default:
		e.buf = appendString(e.buf, string(b.Content))
	}
	bo.str("contentType", ct)
	hint()
	bo.lit("encoded")
	e.buf = append(e.buf, encoded...)
	bo.end()
}

// base64 appends b as a JSON string of its standard base64 encoding.
func (e *encoder) base64(b []byte) {
	e.buf = append(e.buf, '"')
	e.buf = base64.StdEncoding.AppendEncode(e.buf, b)
	e.buf = append(e.buf, '"')
}

// fastRules writes matchingRules as writer.rulesInto does from V3 on: only
// the categories and paths with rules, in key order.
func (w *writer) fastRules(e *encoder, o *ow, rules model.MatchingRules, depth int) {
	if len(rules) == 0 {
		return
	}
	type catPaths struct {
		name  string
		paths *model.PathRules
	}
	var buf [8]catPaths
	cats := buf[:0]
	for n := range rules {
		cats = append(cats, catPaths{string(rules[n].Category), &rules[n].Paths})
	}
	for i := 1; i < len(cats); i++ {
		for j := i; j > 0 && cats[j].name < cats[j-1].name; j-- {
			cats[j], cats[j-1] = cats[j-1], cats[j]
		}
	}
	started := false
	var ro ow
	for _, c := range cats {
		cat := model.Category(c.name)
		if singleKeyCategory(cat) {
			l := firstList(c.paths)
			if l == nil {
				continue
			}
			if !started {
				o.lit("matchingRules")
				ro, started = e.beginObj(depth+1), true
			}
			ro.key(c.name)
			if cat == model.CategoryPath {
				e.ruleList(l, depth+2)
			} else {
				ko := e.beginObj(depth + 2)
				ko.key(rootKey(cat))
				e.ruleList(l, depth+3)
				ko.end()
			}
			continue
		}
		mark := len(e.lists)
		for p, l := range c.paths.All() {
			if len(l.Rules) > 0 {
				e.lists = append(e.lists, pathList{p, l})
			}
		}
		ls := e.lists[mark:]
		if len(ls) == 0 {
			continue
		}
		if len(ls) <= 16 {
			for i := 1; i < len(ls); i++ {
				for j := i; j > 0 && ls[j].path < ls[j-1].path; j-- {
					ls[j], ls[j-1] = ls[j-1], ls[j]
				}
			}
		} else {
			sort.Slice(ls, func(i, j int) bool { return ls[i].path < ls[j].path })
		}
		if !started {
			o.lit("matchingRules")
			ro, started = e.beginObj(depth+1), true
		}
		ro.key(c.name)
		co := e.beginObj(depth + 2)
		for _, pl := range ls {
			co.key(pl.path)
			e.ruleList(pl.l, depth+3)
		}
		co.end()
		clear(ls)
		e.lists = e.lists[:mark]
	}
	if started {
		ro.end()
	}
}

// pathList is one path and its rules, in the encoder's scratch stack.
type pathList struct {
	path string
	l    *model.RuleList
}

// ruleList writes l as l.ToJSON() encodes.
func (e *encoder) ruleList(l *model.RuleList, depth int) {
	o := e.beginObj(depth)
	o.str("combine", l.Combine.String())
	o.lit("matchers")
	if len(l.Rules) == 0 {
		e.buf = append(e.buf, "[]"...)
	} else {
		e.buf = append(e.buf, '[')
		for n := range l.Rules {
			if n > 0 {
				e.buf = append(e.buf, ',')
			}
			e.newline(depth + 2)
			e.rule(&l.Rules[n], depth+2)
		}
		e.newline(depth + 1)
		e.buf = append(e.buf, ']')
	}
	o.end()
}

// ruleNames are the "match" names of the rules written with no attribute
// but that name.
var ruleNames = map[model.RuleKind]string{
	model.Equality: "equality", model.Type: "type", model.Integer: "integer", model.Decimal: "decimal",
	model.Number: "number", model.Null: "null", model.Boolean: "boolean", model.Values: "values",
	model.NotEmpty: "notEmpty", model.Semver: "semver",
}

// rule writes r as r.ToJSON() encodes; the less common rules go through
// ToJSON.
func (e *encoder) rule(r *model.Rule, depth int) {
	o := e.beginObj(depth)
	switch r.Kind {
	case model.Equality, model.Type, model.Integer, model.Decimal, model.Number, model.Null,
		model.Boolean, model.Values, model.NotEmpty, model.Semver:
		o.str("match", ruleNames[r.Kind])
	case model.Regex:
		o.str("match", "regex")
		o.str("regex", r.Regex)
	case model.MinType, model.MaxType, model.MinMaxType:
		o.str("match", "type")
		if r.Kind != model.MinType {
			o.lit("max")
			e.buf = strconv.AppendInt(e.buf, int64(r.Max), 10)
		}
		if r.Kind != model.MaxType {
			o.lit("min")
			e.buf = strconv.AppendInt(e.buf, int64(r.Min), 10)
		}
	case model.Date, model.Time, model.Timestamp:
		o.str("format", r.Format)
		switch r.Kind {
		case model.Date:
			o.str("match", "date")
		case model.Time:
			o.str("match", "time")
		default:
			o.str("match", "datetime")
		}
	case model.Include, model.ContentType:
		v, ok := r.Value().(string)
		if !ok {
			e.buf = e.buf[:len(e.buf)-1]
			e.value(r.ToJSON(), depth)
			return
		}
		if r.Kind == model.Include {
			o.str("match", "include")
		} else {
			o.str("match", "contentType")
		}
		o.str("value", v)
	default:
		e.buf = e.buf[:len(e.buf)-1] // the '{'
		e.value(r.ToJSON(), depth)
		return
	}
	o.end()
}

// fastGenerators writes generators as writer.generatorsInto does from V3 on.
func (w *writer) fastGenerators(e *encoder, o *ow, gens model.Generators, depth int) {
	if len(gens) == 0 || gens.IsEmpty() {
		return
	}
	o.lit("generators")
	cats, mark := sortedNames(e, gens)
	go_ := e.beginObj(depth + 1)
	for _, c := range cats {
		cat := model.Category(c)
		paths := gens[cat]
		if len(paths) == 0 {
			continue
		}
		go_.key(c)
		if singleKeyCategory(cat) {
			g, ok := paths[""]
			if !ok {
				g = paths[sortedKeys(paths)[0]]
			}
			e.generator(&g, depth+2)
			continue
		}
		ps, pmark := sortedNames(e, paths)
		co := e.beginObj(depth + 2)
		for _, p := range ps {
			co.key(p)
			g := paths[p]
			e.generator(&g, depth+3)
		}
		co.end()
		e.keys = e.keys[:pmark]
	}
	go_.end()
	e.keys = e.keys[:mark]
}

// generator writes g as g.ToJSON() encodes: its attributes and "type", in
// key order.
func (e *encoder) generator(g *model.Generator, depth int) {
	names, mark := sortedNames(e, g.Attrs)
	o := e.beginObj(depth)
	typed := false
	for _, k := range names {
		if k >= "type" && !typed {
			o.str("type", g.Type)
			typed = true
			if k == "type" {
				continue
			}
		}
		o.key(k)
		e.value(g.Attrs[k], depth+1)
	}
	if !typed {
		o.str("type", g.Type)
	}
	o.end()
	e.keys = e.keys[:mark]
}
