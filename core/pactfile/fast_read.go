package pactfile

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// The fast reader decodes a V4 HTTP interaction straight from its span of
// the pact text into the model, without building the generic tree of maps
// that the full reader walks. It handles the form writers produce; on
// anything else (an unknown or duplicated attribute, a value of an odd type,
// invalid JSON) it gives up, and the interaction is read again by the full
// reader, which decides what that input means. So both must agree on every
// interaction the fast reader accepts: FuzzParse checks that Parse (which
// tries the fast reader first) and a read of the fully decoded tree give the
// same pact and warnings.
//
// Matching rules and generators, which are small, are decoded generically
// and read by the full reader's own functions (so their warnings are the
// same); bodies are copied as compact JSON text in one pass when their
// object keys are already sorted, as the writers of pact files sort them.

// giveUp unwinds the fast reader; fastHTTP recovers it.
type giveUp struct{}

// fastHTTP reads interaction n, the value at s, if it is a V3 or V4 HTTP
// interaction in the usual form. ok is false when the full reader must read
// it; r.warnings is then as it was.
func (r *reader) fastHTTP(p *parser, n int, s span) (i *model.Interaction, ok bool) {
	mark := len(r.warnings)
	defer func() {
		if x := recover(); x != nil {
			switch x.(type) {
			case giveUp, *syntaxError:
				r.warnings = r.warnings[:mark]
				i, ok = nil, false
			default:
				panic(x)
			}
		}
	}()
	p.pos, p.depth = s.start, 2
	i = r.fastInteraction(p, n)
	if p.pos != s.end {
		panic(giveUp{})
	}
	return i, true
}

func bail() { panic(giveUp{}) }

// Object and array iteration. objStart/arrStart consume the opening bracket
// (giving up when the value is of another type); objKey/arrNext move to the
// next member, returning false after the closing bracket.

func (p *parser) objStart() {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		bail()
	}
	p.enter()
	p.pos++
}

func (p *parser) objKey(n int) ([]byte, bool) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		p.fail("unexpected end of input")
	}
	switch c := p.data[p.pos]; {
	case c == '}' && n == 0:
		p.pos++
		p.depth--
		return nil, false
	case n == 0:
	case c == ',':
		p.pos++
		p.skipSpace()
	case c == '}':
		p.pos++
		p.depth--
		return nil, false
	default:
		p.fail("invalid character %q after object key:value pair", c)
	}
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		bail()
	}
	// The key as it stands: one with escapes or invalid UTF-8 is left to
	// the full reader.
	start, ascii := p.pos+1, true
	i := start
	for ; i < len(p.data) && p.data[i] != '"'; i++ {
		switch c := p.data[i]; {
		case c == '\\' || c < 0x20:
			bail()
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if i >= len(p.data) {
		bail()
	}
	k := p.data[start:i]
	if !ascii && !utf8.Valid(k) {
		bail()
	}
	p.pos = i + 1
	p.skipSpace()
	if p.pos >= len(p.data) || p.data[p.pos] != ':' {
		bail()
	}
	p.pos++
	p.skipSpace()
	return k, true
}

// intern returns k as a string, from the parser's table when it is short
// (names repeat across interactions).
func (p *parser) intern(k []byte) string {
	if len(k) > 64 {
		return string(k)
	}
	if s, ok := p.keys[string(k)]; ok {
		return s
	}
	s := string(k)
	p.keys[s] = s
	return s
}

func (p *parser) arrStart() {
	if p.pos >= len(p.data) || p.data[p.pos] != '[' {
		bail()
	}
	p.enter()
	p.pos++
}

func (p *parser) arrNext(n int) bool {
	p.skipSpace()
	if p.pos >= len(p.data) {
		p.fail("unexpected end of input")
	}
	switch c := p.data[p.pos]; {
	case c == ']' && n == 0:
		p.pos++
		p.depth--
		return false
	case n == 0:
	case c == ',':
		p.pos++
		p.skipSpace()
	case c == ']':
		p.pos++
		p.depth--
		return false
	default:
		p.fail("invalid character %q after array element", c)
	}
	return true
}

// fstr reads a string value, giving up on any other type.
func (p *parser) fstr() string {
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		bail()
	}
	return p.str()
}

// seen records the attributes of one object, to give up on duplicates
// (the full reader keeps the last one).
type seen uint32

func (s *seen) add(bit int) {
	if *s&(1<<bit) != 0 {
		bail()
	}
	*s |= 1 << bit
}

// is reports whether the current value is null, consuming it if so.
func (p *parser) isNull() bool {
	if p.pos < len(p.data) && p.data[p.pos] == 'n' {
		p.literal("null")
		return true
	}
	return false
}

func (r *reader) fastInteraction(p *parser, n int) *model.Interaction {
	v4 := r.ver >= model.V4
	i := model.NewInteraction(model.HTTP, "")
	var have seen
	var req, resp fastPart
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		switch string(key) {
		case "type":
			have.add(0)
			if !v4 || p.fstr() != "Synchronous/HTTP" {
				bail()
			}
		case "description":
			have.add(1)
			i.Description = p.fstr()
		case "key":
			have.add(2)
			i.Key = p.fstr()
		case "pending":
			have.add(3)
			switch {
			case p.pos < len(p.data) && p.data[p.pos] == 't':
				p.literal("true")
				i.Pending = true
			case p.pos < len(p.data) && p.data[p.pos] == 'f':
				p.literal("false")
			default:
				bail()
			}
		case "providerStates":
			have.add(4)
			i.ProviderStates = r.fastStates(p)
		case "request":
			have.add(5)
			p.fastPart(&req, true, v4)
		case "response":
			have.add(6)
			p.fastPart(&resp, false, v4)
		case "comments":
			have.add(7)
			i.Comments = p.fobject()
		case "pluginConfiguration":
			have.add(8)
			i.PluginConfig = p.fobject()
		case "interactionMarkup":
			have.add(9)
			i.InteractionMarkup = p.fobject()
		case "transport":
			have.add(10)
			i.Transport = p.fstr()
		default:
			bail()
		}
	}
	required := seen(1<<1 | 1<<5 | 1<<6)
	if v4 {
		required |= 1 << 0
	}
	if have&required != required {
		bail() // no description, request or response, or (V4) type
	}
	i.Request = model.Request{Method: req.method, Path: req.path, Query: req.query, QueryNoValue: req.noValue,
		Headers: req.headers, MatchingRules: req.rules, Generators: req.gens}
	i.Request.Body = req.body.finish(headerContentType(req.headers))
	r.fastRulesGens(req.rulesV, req.gensV, &i.Request.MatchingRules, &i.Request.Generators, i.Description, " request")
	i.Response = model.Response{Status: resp.status, Headers: resp.headers, MatchingRules: resp.rules, Generators: resp.gens}
	i.Response.Body = resp.body.finish(headerContentType(resp.headers))
	r.fastRulesGens(resp.rulesV, resp.gensV, &i.Response.MatchingRules, &i.Response.Generators, i.Description, " response")
	return i
}

// fastPart is a request or response as decoded, before the parts that
// depend on others (the body on the headers) are settled.
type fastPart struct {
	method, path  string
	status        int
	query         model.Query
	noValue       map[string]bool
	headers       model.Headers
	body          fastBody
	rules         model.MatchingRules
	gens          model.Generators
	rulesV, gensV any // generic forms, when the fast forms do not apply
}

// scratchObject decodes an object generically into a map that is reused by
// the next call: for model.RuleFromJSON and model.GeneratorFromJSON, which
// keep nothing of the map itself (they copy the values they keep).
func (p *parser) scratchObject() map[string]any {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		bail()
	}
	if p.scratch == nil {
		p.scratch = make(map[string]any, 8)
	}
	m := p.scratch
	clear(m)
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		m[p.intern(key)] = p.internedValue()
	}
	return m
}

// internedValue decodes a value as p.value does, but takes short strings
// and numbers (matcher names, regexes, formats, sizes: the same few in
// every interaction) from the parser's table of interned keys.
func (p *parser) internedValue() any {
	if p.pos < len(p.data) {
		switch c := p.data[p.pos]; {
		case c == '"':
			return p.key()
		case c == '-' || c >= '0' && c <= '9':
			start := p.pos
			if p.skipNumber() && p.pos-start <= 16 {
				if s, ok := p.keys[string(p.data[start:p.pos])]; ok {
					return json.Number(s)
				}
				s := string(p.data[start:p.pos])
				p.keys[s] = s
				return json.Number(s)
			}
			p.pos = start
		}
	}
	return p.value()
}

// fobject decodes an object attribute generically (null gives up).
func (p *parser) fobject() map[string]any {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		bail()
	}
	return p.value().(map[string]any)
}

func (r *reader) fastStates(p *parser) []model.ProviderState {
	var states []model.ProviderState
	p.arrStart()
	for k := 0; p.arrNext(k); k++ {
		var st model.ProviderState
		var have seen
		p.objStart()
		for j := 0; ; j++ {
			key, more := p.objKey(j)
			if !more {
				break
			}
			switch string(key) {
			case "name":
				have.add(0)
				st.Name = p.fstr()
			case "params":
				have.add(1)
				if params := p.fobject(); len(params) > 0 {
					st.Params = params
				}
			default:
				bail()
			}
		}
		if st.Name == "" {
			bail()
		}
		states = append(states, st)
	}
	return states
}

// fastPart decodes a request (or response) object in place (see
// reader.request and reader.response).
func (p *parser) fastPart(part *fastPart, isRequest, v4 bool) {
	part.method, part.path, part.status = "GET", "/", 200
	var have seen
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		switch string(key) {
		case "method":
			have.add(0)
			if !isRequest {
				bail()
			}
			part.method = strings.ToUpper(p.fstr())
		case "path":
			have.add(1)
			if !isRequest {
				bail()
			}
			part.path = p.fstr()
		case "query":
			have.add(2)
			if !isRequest {
				bail()
			}
			part.query, part.noValue = p.fastQuery()
		case "status":
			have.add(7)
			if isRequest || p.pos >= len(p.data) || !(p.data[p.pos] == '-' || p.data[p.pos] >= '0' && p.data[p.pos] <= '9') {
				bail()
			}
			n, err := statusFromJSON(p.number())
			if err != nil {
				bail()
			}
			part.status = n
		case "headers":
			have.add(3)
			part.headers = p.fastHeaders()
		case "body":
			have.add(4)
			if v4 {
				p.fastBody(&part.body)
			} else {
				p.fastRawBody(&part.body)
			}
		case "matchingRules":
			have.add(5)
			part.rules, part.rulesV = p.fastRules()
		case "generators":
			have.add(6)
			part.gens, part.gensV = p.fastGens()
		default:
			bail()
		}
	}
}

// fastRulesGens reads the generic forms of rules and generators, where the
// fast forms did not apply, with the full reader's functions.
func (r *reader) fastRulesGens(rulesV, gensV any, rules *model.MatchingRules, gens *model.Generators, desc, part string) {
	if rulesV == nil && gensV == nil {
		return
	}
	where := "interaction '" + desc + "'" + part
	if rulesV != nil {
		*rules = r.matchingRules(rulesV, where)
	}
	if gensV != nil {
		*gens = r.generators(gensV, where)
	}
}

// fastQuery reads a V4 query object whose values are arrays of strings and
// nulls (see reader.query).
func (p *parser) fastQuery() (model.Query, map[string]bool) {
	p.objStart()
	q := model.Query{}
	var noValue map[string]bool
	for k := 0; ; k++ {
		raw, more := p.objKey(k)
		if !more {
			break
		}
		name := p.intern(raw)
		if _, dup := q.Get(name); dup {
			bail()
		}
		var vals []string
		p.arrStart()
		for j := 0; p.arrNext(j); j++ {
			if p.isNull() {
				vals = append(vals, "")
				if noValue == nil {
					noValue = map[string]bool{}
				}
				noValue[name] = true
				continue
			}
			vals = append(vals, p.fstr())
		}
		if vals == nil {
			vals = []string{}
		}
		q = append(q, model.Field{Name: name, Values: vals})
	}
	q.Sort() // in name order, as reader.query gives them
	return q, noValue
}

// fastHeaders reads a headers object whose values are strings or arrays of
// strings (see reader.headers).
func (p *parser) fastHeaders() model.Headers {
	p.objStart()
	// The values of all the headers share one array (sliced with their
	// capacity cut, so that appending to one copies it).
	type run struct {
		name       string
		start, end int
	}
	var runs [16]run
	names := runs[:0]
	vals := p.strs[:0]
	for k := 0; ; k++ {
		raw, more := p.objKey(k)
		if !more {
			break
		}
		name := p.intern(raw)
		if len(names) == len(runs) {
			bail() // many headers: the full reader
		}
		for _, r := range names {
			if r.name == name {
				bail()
			}
		}
		start := len(vals)
		if p.pos < len(p.data) && p.data[p.pos] == '"' {
			vals = append(vals, SplitHeaderValue(name, p.str())...)
		} else {
			p.arrStart()
			for j := 0; p.arrNext(j); j++ {
				vals = append(vals, p.fstr())
			}
		}
		names = append(names, run{name, start, len(vals)})
	}
	p.strs = vals[:0]
	if len(names) == 0 {
		return nil
	}
	all := make([]string, len(vals))
	copy(all, vals)
	clear(vals)
	h := make(model.Headers, len(names))
	for n, r := range names {
		h[n] = model.Field{Name: r.name, Values: all[r.start:r.end:r.end]}
	}
	h.Sort() // in name order, as reader.headers gives them
	return h
}

// fastBody is a V4 body object, or a V1–V3 raw body, as decoded (see
// reader.v4Body and rawBody): its content is settled by finish, once the
// headers are known.
type fastBody struct {
	present  bool // the body attribute was there
	raw      bool // a V1–V3 body
	b        model.Body
	kind     byte   // first byte of the content; 0 when there is none
	s        string // string content
	compact  []byte // non-string content as encodeJSON writes it
	encoding string
}

// fastRawBody decodes a V1–V3 body in place.
func (p *parser) fastRawBody(fb *fastBody) {
	fb.present, fb.raw = true, true
	if p.pos >= len(p.data) {
		bail()
	}
	switch fb.kind = p.data[p.pos]; fb.kind {
	case '"':
		fb.s = p.str()
	case 'n':
		p.literal("null")
	default:
		fb.compact = p.compactValue()
	}
}

// fastBody decodes a V4 body object in place.
func (p *parser) fastBody(fb *fastBody) {
	fb.present = true
	var have seen
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		switch string(key) {
		case "content":
			have.add(0)
			if p.pos >= len(p.data) {
				bail()
			}
			switch fb.kind = p.data[p.pos]; fb.kind {
			case '"':
				fb.s = p.str()
			case 'n':
				p.literal("null")
			default:
				fb.compact = p.compactValue()
			}
		case "contentType":
			have.add(1)
			fb.b.ContentType = p.fstr()
		case "encoded":
			have.add(2)
			switch {
			case p.pos < len(p.data) && p.data[p.pos] == 'f':
				p.literal("false")
			case p.pos < len(p.data) && p.data[p.pos] == 't':
				p.literal("true")
				fb.encoding = "base64"
			default:
				switch e := strings.ToLower(p.fstr()); e {
				case "false":
				case "base64", "json":
					fb.encoding = e
				default:
					bail()
				}
			}
		case "contentTypeHint":
			have.add(3)
			switch strings.ToUpper(p.fstr()) {
			case "TEXT":
				fb.b.Hint = model.HintText
			case "BINARY":
				fb.b.Hint = model.HintBinary
			case "DEFAULT":
			default:
				bail()
			}
		default:
			bail()
		}
	}
}

// finish settles the body; headerCT is the Content-Type header's value.
func (fb *fastBody) finish(headerCT string) model.Body {
	b := fb.b
	switch {
	case !fb.present:
		return model.Body{}
	case fb.raw && fb.kind == 'n':
		return model.Body{State: model.BodyNull}
	case fb.raw && fb.kind == '"':
		return rawBody(fb.s, headerCT)
	case fb.raw:
		return present(fb.compact)
	case fb.kind == 0:
		b.State = model.BodyMissing
		return b
	case fb.kind == 'n':
		b.State = model.BodyNull
		return b
	}
	isString := fb.kind == '"'
	var data []byte
	switch fb.encoding {
	case "":
		ct := b.ContentType
		if ct == "" {
			ct = headerCT
		}
		switch {
		case isString && fb.s == "":
		case !isString:
			data = fb.compact
		case isJSONType(ct):
			data = appendString(make([]byte, 0, len(fb.s)+2), fb.s)
		default:
			data = []byte(fb.s)
		}
	case "base64":
		if !isString {
			bail() // the full reader warns
		}
		d, ok := decodeBase64(fb.s)
		if !ok {
			bail()
		}
		data = d
	case "json":
		if isString {
			data = []byte(fb.s)
		} else {
			data = fb.compact
		}
	}
	if len(data) == 0 {
		b.State = model.BodyEmpty
		return b
	}
	b.State, b.Content = model.BodyPresent, data
	return b
}

// compactValue returns the value at p.pos as encodeJSON writes it: compact,
// with sorted keys. Values whose keys are in order and whose strings need no
// re-escaping are copied in one pass; others are decoded and encoded.
func (p *parser) compactValue() []byte {
	start, depth := p.pos, p.depth
	out, ok := p.compact(p.compactBuf[:0])
	p.compactBuf = out[:0]
	if ok {
		return append([]byte(nil), out...) // exactly its size
	}
	p.pos, p.depth = start, depth
	return encodeJSON(p.value(), false)
}

// compact appends the value at p.pos without whitespace. ok is false when
// the value would not be written as it stands: an object whose keys are not
// strictly increasing, or a string with an escape the encoder writes
// differently (\/ and \u) or with invalid UTF-8.
func (p *parser) compact(b []byte) ([]byte, bool) {
	p.skipSpace()
	if p.pos >= len(p.data) {
		return b, false
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.compactObject(b)
	case c == '[':
		if p.depth++; p.depth > maxDepth {
			return b, false
		}
		p.pos++
		b = append(b, '[')
		for k := 0; ; k++ {
			p.skipSpace()
			if p.pos >= len(p.data) {
				return b, false
			}
			if p.data[p.pos] == ']' {
				if k > 0 && b[len(b)-1] == ',' {
					return b, false
				}
				p.pos++
				p.depth--
				return append(b, ']'), true
			}
			if k > 0 {
				if p.data[p.pos] != ',' {
					return b, false
				}
				p.pos++
				b = append(b, ',')
			}
			var ok bool
			if b, ok = p.compact(b); !ok {
				return b, false
			}
		}
	case c == '"':
		return p.compactString(b)
	case c == 't', c == 'f', c == 'n':
		word := "null"
		if c == 't' {
			word = "true"
		} else if c == 'f' {
			word = "false"
		}
		if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
			return b, false
		}
		p.pos += len(word)
		return append(b, word...), true
	case c == '-' || c >= '0' && c <= '9':
		start := p.pos
		if !p.skipNumber() {
			return b, false
		}
		return append(b, p.data[start:p.pos]...), true
	}
	return b, false
}

// member is one member of an object being compacted: its key (without
// quotes) in the parser's data, and its bytes ("key":value) in the output.
type member struct {
	key        span
	start, end int
}

// compactObject compacts the object at p.pos, with its members sorted by
// key. ok is false for duplicate keys (the decoder keeps the last) and for
// keys with escapes (whose order is that of the decoded text).
func (p *parser) compactObject(b []byte) ([]byte, bool) {
	if p.depth++; p.depth > maxDepth {
		return b, false
	}
	p.pos++
	b = append(b, '{')
	first := len(b)
	mark := len(p.members)
	defer func() { p.members = p.members[:mark] }()
	sorted := true
	for k := 0; ; k++ {
		p.skipSpace()
		if p.pos >= len(p.data) {
			return b, false
		}
		if p.data[p.pos] == '}' {
			if k > 0 && b[len(b)-1] == ',' {
				return b, false
			}
			p.pos++
			p.depth--
			if !sorted {
				var ok bool
				if b, ok = p.sortMembers(b, first, p.members[mark:]); !ok {
					return b, false
				}
			}
			return append(b, '}'), true
		}
		if k > 0 {
			if p.data[p.pos] != ',' {
				return b, false
			}
			p.pos++
			p.skipSpace()
			b = append(b, ',')
		}
		m := member{start: len(b)}
		keyStart := p.pos
		var ok bool
		if b, ok = p.compactString(b); !ok {
			return b, false
		}
		m.key = span{keyStart + 1, p.pos - 1}
		key := p.data[m.key.start:m.key.end]
		for _, c := range key {
			if c == '\\' {
				return b, false
			}
		}
		if k > 0 && sorted {
			last := p.members[len(p.members)-1].key
			switch cmp := string(key); {
			case cmp == string(p.data[last.start:last.end]):
				return b, false
			case cmp < string(p.data[last.start:last.end]):
				sorted = false // sortMembers checks for duplicates
			}
		}
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return b, false
		}
		p.pos++
		b = append(b, ':')
		if b, ok = p.compact(b); !ok {
			return b, false
		}
		m.end = len(b)
		p.members = append(p.members, m)
	}
}

// sortMembers rewrites the members of an object, b[first:], in key order.
// ok is false when two keys are equal.
func (p *parser) sortMembers(b []byte, first int, ms []member) (_ []byte, ok bool) {
	key := func(m member) []byte { return p.data[m.key.start:m.key.end] }
	if len(ms) <= 16 {
		for i := 1; i < len(ms); i++ {
			for j := i; j > 0 && bytes.Compare(key(ms[j]), key(ms[j-1])) < 0; j-- {
				ms[j], ms[j-1] = ms[j-1], ms[j]
			}
		}
	} else {
		slices.SortFunc(ms, func(x, y member) int { return bytes.Compare(key(x), key(y)) })
	}
	for i := 1; i < len(ms); i++ {
		if bytes.Equal(key(ms[i]), key(ms[i-1])) {
			return b, false
		}
	}
	p.sortBuf = append(p.sortBuf[:0], b[first:]...)
	b = b[:first]
	for n, m := range ms {
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, p.sortBuf[m.start-first:m.end-first]...)
	}
	return b, true
}

// compactString appends the string at p.pos as it stands, if the encoder
// would write its decoded value the same way.
func (p *parser) compactString(b []byte) ([]byte, bool) {
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		return b, false
	}
	start := p.pos
	ascii := true
	for i := p.pos + 1; i < len(p.data); i++ {
		switch c := p.data[i]; {
		case c == '"':
			p.pos = i + 1
			if !ascii && !utf8.Valid(p.data[start:p.pos]) {
				return b, false
			}
			return append(b, p.data[start:p.pos]...), true
		case c == '\\':
			if i+1 >= len(p.data) {
				return b, false
			}
			switch p.data[i+1] {
			case '"', '\\', 'n', 'r', 't', 'b', 'f':
				i++
			default:
				return b, false
			}
		case c < 0x20:
			return b, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return b, false
}

// skipNumber moves past a number that follows the JSON grammar.
func (p *parser) skipNumber() bool {
	i := p.pos
	if i < len(p.data) && p.data[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(p.data) && p.data[i] >= '0' && p.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(p.data) && p.data[i] == '0' {
		i++
	} else if digits() == 0 {
		return false
	}
	if i < len(p.data) && p.data[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(p.data) && (p.data[i] == 'e' || p.data[i] == 'E') {
		i++
		if i < len(p.data) && (p.data[i] == '+' || p.data[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	p.pos = i
	return true
}

// attempt runs f, which decodes the value at p.pos in a fast form. When f
// gives up, the position is restored and the value decoded generically
// instead (a syntax error still ends the fast reader).
func (p *parser) attempt(f func()) (generic any) {
	start, depth := p.pos, p.depth
	failed := func() (failed bool) {
		defer func() {
			if x := recover(); x != nil {
				if _, ok := x.(giveUp); !ok {
					panic(x)
				}
				failed = true
			}
		}()
		f()
		return false
	}()
	if !failed {
		return nil
	}
	p.pos, p.depth = start, depth
	return p.value()
}

// fastCategory maps a matchingRules or generators category name to its
// category, marking it in cats (a category given twice under two spellings
// is the full reader's business). The path, method and status categories
// (one list or generator, no paths), V2 keys and unknown names bail out to
// the full reader.
func fastCategory(name []byte, cats *seen) model.Category {
	switch string(name) {
	case "body", "content", "contents":
		cats.add(0)
		return model.CategoryBody
	case "header", "headers":
		cats.add(1)
		return model.CategoryHeader
	case "query":
		cats.add(2)
		return model.CategoryQuery
	case "metadata", "metaData":
		cats.add(3)
		return model.CategoryMetadata
	}
	bail()
	return ""
}

// fastRules decodes a V3/V4 matchingRules object whose categories hold
// lists of the form {"combine": ..., "matchers": [...]} (see
// reader.matchingRules). Anything else is returned decoded generically, for
// the full reader's function.
func (p *parser) fastRules() (rules model.MatchingRules, generic any) {
	generic = p.attempt(func() {
		rules = nil
		p.objStart()
		var cats seen
		for k := 0; ; k++ {
			name, more := p.objKey(k)
			if !more {
				break
			}
			cat := fastCategory(name, &cats)
			p.objStart()
			for j := 0; ; j++ {
				raw, more := p.objKey(j)
				if !more {
					break
				}
				path := p.intern(raw)
				if rules.Get(cat, path) != nil {
					bail()
				}
				rules.Set(cat, path, p.fastRuleList())
			}
		}
	})
	if generic != nil {
		return nil, generic
	}
	rules.Sort() // as reader.matchingRules reads them
	return rules, generic
}

// fastRuleList decodes {"combine": "AND"|"OR", "matchers": [rule, ...]}
// (see model.RuleListFromJSON); each rule is decoded generically and read
// with model.RuleFromJSON.
func (p *parser) fastRuleList() model.RuleList {
	var l model.RuleList
	var have seen
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		switch string(key) {
		case "combine":
			have.add(0)
			switch c := p.fstr(); {
			case strings.EqualFold(c, "OR"):
				l.Combine = model.Or
			case strings.EqualFold(c, "AND"):
			default:
				bail()
			}
		case "matchers":
			have.add(1)
			p.arrStart()
			for j := 0; p.arrNext(j); j++ {
				start, depth := p.pos, p.depth
				rule, ok := p.fastRule()
				if !ok {
					p.pos, p.depth = start, depth
					var err error
					if rule, err = model.RuleFromJSON(p.scratchObject()); err != nil {
						bail()
					}
				}
				l.Rules = append(l.Rules, rule)
			}
		default:
			bail()
		}
	}
	if have&(1<<1) == 0 {
		bail() // a bare rule (the V2 form)
	}
	if len(l.Rules) == 0 {
		l.Rules = nil // as model.RuleListFromJSON leaves it
	}
	return l
}

// fastGens decodes a generators object by category and path (see
// reader.generators); anything else is returned decoded generically.
func (p *parser) fastGens() (gens model.Generators, generic any) {
	generic = p.attempt(func() {
		gens = nil
		p.objStart()
		var cats seen
		for k := 0; ; k++ {
			name, more := p.objKey(k)
			if !more {
				break
			}
			cat := fastCategory(name, &cats)
			p.objStart()
			for j := 0; ; j++ {
				raw, more := p.objKey(j)
				if !more {
					break
				}
				path := p.intern(raw)
				if _, dup := gens[cat][path]; dup {
					bail()
				}
				start, depth := p.pos, p.depth
				g, ok := p.fastGenerator()
				if !ok {
					p.pos, p.depth = start, depth
					var err error
					if g, err = model.GeneratorFromJSON(p.scratchObject()); err != nil {
						bail()
					}
				}
				if gens == nil {
					gens = model.Generators{}
				}
				gens.Add(cat, path, g)
			}
		}
	})
	if generic != nil {
		gens = nil
	}
	return gens, generic
}

// simpleRules are the matchers that fastRule reads that have no attribute.
var simpleRules = map[string]model.RuleKind{
	"equality": model.Equality, "integer": model.Integer, "decimal": model.Decimal, "real": model.Decimal,
	"number": model.Number, "null": model.Null, "boolean": model.Boolean, "values": model.Values,
	"notEmpty": model.NotEmpty, "not-empty": model.NotEmpty, "semver": model.Semver,
}

// fastRule reads a matcher object of the common forms, as
// model.RuleFromJSON reads it: "match" and the attributes regex, min, max,
// format and value as plain strings and integers. ok is false for anything
// else; the caller then reads the object with model.RuleFromJSON.
func (p *parser) fastRule() (r model.Rule, ok bool) {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		return r, false
	}
	var match, regex, format, value []byte
	var minV, maxV []byte
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		var v *[]byte
		isNumber := false
		switch string(key) {
		case "match":
			v = &match
		case "regex":
			v = &regex
		case "format":
			v = &format
		case "value":
			v = &value
		case "min":
			v, isNumber = &minV, true
		case "max":
			v, isNumber = &maxV, true
		default:
			return r, false
		}
		if *v != nil {
			return r, false // a duplicate
		}
		if isNumber {
			start := p.pos
			if p.pos >= len(p.data) || !(p.data[p.pos] == '-' || p.data[p.pos] >= '0' && p.data[p.pos] <= '9') || !p.skipNumber() {
				return r, false
			}
			*v = p.data[start:p.pos]
			continue
		}
		raw, ok := p.plainString()
		if !ok {
			return r, false
		}
		*v = raw
	}
	if len(match) == 0 {
		return r, false
	}
	name := string(match) // not kept: the compiler does not allocate for the lookups
	if kind, ok := simpleRules[name]; ok {
		return model.Rule{Kind: kind}, true
	}
	switch name {
	case "regex":
		if regex == nil {
			return r, false
		}
		return model.Rule{Kind: model.Regex, Regex: p.intern(regex)}, true
	case "type":
		hasMin, hasMax := minV != nil, maxV != nil
		if hasMin {
			if r.Min, ok = intText(minV); !ok {
				return r, false
			}
		}
		if hasMax {
			if r.Max, ok = intText(maxV); !ok {
				return r, false
			}
		}
		switch {
		case hasMin && hasMax:
			r.Kind = model.MinMaxType
		case hasMin:
			r.Kind = model.MinType
		case hasMax:
			r.Kind = model.MaxType
		default:
			r.Kind = model.Type
		}
		return r, true
	case "date", "time", "timestamp", "datetime":
		if format == nil {
			return r, false // the short forms ({"date": ...}) are for RuleFromJSON
		}
		r.Format = p.intern(format)
		switch name {
		case "date":
			r.Kind = model.Date
		case "time":
			r.Kind = model.Time
		default:
			r.Kind = model.Timestamp
		}
		return r, true
	case "include", "contentType", "content-type":
		if value == nil {
			return r, false
		}
		r.Kind = model.Include
		r = r.WithValue(p.intern(value))
		if name != "include" {
			r.Kind = model.ContentType
		}
		return r, true
	}
	return r, false
}

// plainString reads a string value with no escapes and valid UTF-8,
// returning its bytes without the quotes.
func (p *parser) plainString() ([]byte, bool) {
	if p.pos >= len(p.data) || p.data[p.pos] != '"' {
		return nil, false
	}
	start, ascii := p.pos+1, true
	for i := start; i < len(p.data); i++ {
		switch c := p.data[i]; {
		case c == '"':
			s := p.data[start:i]
			if !ascii && !utf8.Valid(s) {
				return nil, false
			}
			p.pos = i + 1
			return s, true
		case c == '\\' || c < 0x20:
			return nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return nil, false
}

// intText reads an integer attribute as model.RuleFromJSON does: a JSON
// number with an integral value of at most 2^53.
func intText(b []byte) (int, bool) {
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, false
	}
	return int(f), true
}

// fastGenerator reads a generator object {"type": ..., attributes} as
// model.GeneratorFromJSON reads it, when its type is a plain string and no
// attribute is named "pact:..."; ok is false otherwise.
func (p *parser) fastGenerator() (g model.Generator, ok bool) {
	if p.pos >= len(p.data) || p.data[p.pos] != '{' {
		return g, false
	}
	p.objStart()
	for k := 0; ; k++ {
		key, more := p.objKey(k)
		if !more {
			break
		}
		if string(key) == "type" {
			t, ok := p.plainString()
			if !ok || len(t) == 0 || g.Type != "" {
				return g, false
			}
			g.Type = p.intern(t)
			continue
		}
		if bytes.HasPrefix(key, []byte("pact:")) {
			return g, false
		}
		if g.Attrs == nil {
			g.Attrs = make(map[string]any, 4)
		}
		g.Attrs[p.intern(key)] = p.internedValue()
	}
	return g, g.Type != ""
}
