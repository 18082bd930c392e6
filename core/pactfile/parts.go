package pactfile

import (
	"encoding/base64"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/model"
)

// reader carries the spec version being read and collects warnings.
type reader struct {
	ver      model.SpecVersion
	warnings []string
}

func (r *reader) warn(format string, args ...any) {
	r.warnings = append(r.warnings, fmt.Sprintf(format, args...))
}

// ParseRequest reads the request part of an interaction (or of a spec
// testcase's "expected"/"actual"): method, path, query, headers, body,
// matchingRules and generators, in the form of spec version ver.
//
//	v, _ := pactfile.DecodeJSON([]byte(`{"method":"get","path":"/","query":"a=1"}`))
//	req, err := pactfile.ParseRequest(v, model.V1)
//	// req.Method == "GET", req.RawQuery == "a=1", req.Query["a"] == ["1"]
//
// v must be a JSON object; anything else is an error. Attributes of the wrong
// type are ignored (ParseRequest has no way to report warnings; Parse does).
func ParseRequest(v any, ver model.SpecVersion) (model.Request, error) {
	r := &reader{ver: ver}
	return r.request(v, "request")
}

// ParseResponse reads the response part of an interaction: status, headers,
// body, matchingRules and generators, in the form of spec version ver.
//
//	v, _ := pactfile.DecodeJSON([]byte(`{"status":200,"body":{"a":1}}`))
//	resp, err := pactfile.ParseResponse(v, model.V3)
func ParseResponse(v any, ver model.SpecVersion) (model.Response, error) {
	r := &reader{ver: ver}
	return r.response(v, "response")
}

// ParseMessage reads message contents: contents, metaData or metadata,
// matchingRules and generators, in the form of spec version ver (V4 contents
// are body objects; earlier versions give the contents raw).
//
//	v, _ := pactfile.DecodeJSON([]byte(`{"contents":{"a":1},"metaData":{"contentType":"application/json"}}`))
//	msg, err := pactfile.ParseMessage(v, model.V3)
func ParseMessage(v any, ver model.SpecVersion) (model.MessageContents, error) {
	r := &reader{ver: ver}
	return r.message(v, "message")
}

func (r *reader) request(v any, where string) (model.Request, error) {
	req := model.Request{Method: "GET", Path: "/"}
	m, ok := v.(map[string]any)
	if !ok {
		return req, fmt.Errorf("%s must be a JSON object, got %s", where, model.JSONKind(v))
	}
	for k, x := range m {
		switch k {
		case "method":
			if s, ok := x.(string); ok {
				req.Method = strings.ToUpper(s)
			} else {
				r.warn("%s: ignoring 'method' that is %s, not a string", where, model.JSONKind(x))
			}
		case "path":
			if s, ok := x.(string); ok {
				req.Path = s
			} else if x != nil {
				r.warn("%s: ignoring 'path' that is %s, not a string", where, model.JSONKind(x))
			}
		case "query":
			r.query(&req, x, where)
		case "headers", "body", "matchingRules", "generators", "requestMatchingRules":
		default:
			r.warn("%s: ignoring unknown attribute '%s'", where, k)
		}
	}
	req.Headers = r.headers(m["headers"], where)
	req.Body = r.body(m, "body", headerContentType(req.Headers), where)
	req.MatchingRules = r.matchingRules(rulesAttr(m, "requestMatchingRules"), where)
	req.Generators = r.generators(m["generators"], where)
	return req, nil
}

func (r *reader) response(v any, where string) (model.Response, error) {
	resp := model.Response{Status: 200}
	m, ok := v.(map[string]any)
	if !ok {
		return resp, fmt.Errorf("%s must be a JSON object, got %s", where, model.JSONKind(v))
	}
	for k, x := range m {
		switch k {
		case "status":
			n, err := statusFromJSON(x)
			if err != nil {
				return resp, fmt.Errorf("%s: %w", where, err)
			}
			resp.Status = n
		case "headers", "body", "matchingRules", "generators", "responseMatchingRules":
		default:
			r.warn("%s: ignoring unknown attribute '%s'", where, k)
		}
	}
	resp.Headers = r.headers(m["headers"], where)
	resp.Body = r.body(m, "body", headerContentType(resp.Headers), where)
	resp.MatchingRules = r.matchingRules(rulesAttr(m, "responseMatchingRules"), where)
	resp.Generators = r.generators(m["generators"], where)
	return resp, nil
}

// rulesAttr returns "matchingRules", or else the deprecated name (old
// pact-jvm files: "requestMatchingRules", "responseMatchingRules").
func rulesAttr(m map[string]any, deprecated string) any {
	if v, ok := m["matchingRules"]; ok {
		return v
	}
	return m[deprecated]
}

// statusFromJSON reads a response status: an integer, or a numeric string.
func statusFromJSON(x any) (int, error) {
	if s, ok := x.(string); ok {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0, fmt.Errorf("'status' must be an integer, got %q", s)
		}
		return n, nil
	}
	f, ok := model.JSONNumber(x)
	if !ok || f != float64(int(f)) || f < 0 || f > 999 {
		return 0, fmt.Errorf("'status' must be an integer HTTP status, got %s", compactJSON(x))
	}
	return int(f), nil
}

func (r *reader) message(v any, where string) (model.MessageContents, error) {
	var msg model.MessageContents
	m, ok := v.(map[string]any)
	if !ok {
		return msg, fmt.Errorf("%s must be a JSON object, got %s", where, model.JSONKind(v))
	}
	r.messageInto(&msg, m, where, nil)
	return msg, nil
}

// messageInto reads the message attributes of m into msg; known lists the
// other attributes the caller reads itself (so they are not warned about).
func (r *reader) messageInto(msg *model.MessageContents, m map[string]any, where string, known map[string]bool) {
	for k := range m {
		switch k {
		case "contents", "metaData", "metadata", "matchingRules", "generators":
		default:
			if !known[k] {
				r.warn("%s: ignoring unknown attribute '%s'", where, k)
			}
		}
	}
	md := m["metadata"]
	if md == nil {
		md = m["metaData"]
	}
	if md != nil {
		if mm, ok := md.(map[string]any); ok {
			if len(mm) > 0 {
				msg.Metadata = model.CopyJSON(mm, nil).(map[string]any)
			}
		} else {
			r.warn("%s: ignoring 'metadata' that is %s, not an object", where, model.JSONKind(md))
		}
	}
	msg.Contents = r.body(m, "contents", metadataContentType(msg.Metadata), where)
	msg.MatchingRules = r.matchingRules(m["matchingRules"], where)
	msg.Generators = r.generators(m["generators"], where)
}

// headers reads a headers object: string values (split for multi-value
// headers only) or, in V4, arrays of strings.
func (r *reader) headers(v any, where string) model.Headers {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.warn("%s: ignoring 'headers' that is %s, not an object", where, model.JSONKind(v))
		return nil
	}
	if len(m) == 0 {
		return nil
	}
	// The names sorted: a JSON object read into a map has lost its order,
	// and a sorted list is the same on every read.
	names := make([]string, 0, len(m))
	for name := range m {
		names = append(names, name)
	}
	sort.Strings(names)
	h := make(model.Headers, len(names))
	for n, name := range names {
		var vals []string
		switch t := m[name].(type) {
		case string:
			vals = SplitHeaderValue(name, t)
		case []any:
			vals = make([]string, 0, len(t))
			for _, item := range t {
				if s, ok := item.(string); ok {
					vals = append(vals, s)
				} else if item != nil {
					vals = append(vals, compactJSON(item))
				}
			}
		case nil:
			vals = []string{""}
		default:
			vals = []string{compactJSON(t)}
		}
		h[n] = model.Field{Name: name, Values: vals}
	}
	return h
}

// query reads a query string (V1/V2, kept in RawQuery and parsed) or a map of
// names to values (V3/V4; a null value is a parameter without "=").
func (r *reader) query(req *model.Request, v any, where string) {
	switch t := v.(type) {
	case nil:
	case string:
		req.RawQuery = t
		req.Query, req.QueryNoValue = ParseQuery(t)
	case map[string]any:
		names := make([]string, 0, len(t))
		for name := range t {
			names = append(names, name)
		}
		sort.Strings(names) // as for headers
		q := make(model.Query, 0, len(t))
		var noValue map[string]bool
		for _, name := range names {
			x := t[name]
			var vals []string
			items, isArray := x.([]any)
			if !isArray {
				items = []any{x}
			}
			for _, item := range items {
				switch s := item.(type) {
				case string:
					vals = append(vals, s)
				case nil:
					vals = append(vals, "")
					if noValue == nil {
						noValue = map[string]bool{}
					}
					noValue[name] = true
				default:
					vals = append(vals, compactJSON(s))
				}
			}
			if vals == nil {
				vals = []string{}
			}
			q = append(q, model.Field{Name: name, Values: vals})
		}
		req.Query, req.QueryNoValue = q, noValue
	default:
		r.warn("%s: ignoring 'query' that is %s", where, model.JSONKind(v))
	}
}

// ParseQuery parses a query string as the reference does: split on "&"
// (empty segments skipped), then on the first "=", with %XX and "+" decoded.
// A name without "=" gets the value "" and is recorded in noValue. The
// parameters are sorted by name, their values in the order given.
//
//	q, _ := pactfile.ParseQuery("c&b=x%3Dy&a=1&a=2")
//	// q = [{a [1 2]} {b [x=y]} {c [""]}], noValue = {"c": true}
func ParseQuery(s string) (q model.Query, noValue map[string]bool) {
	s = strings.TrimPrefix(s, "?")
	if s == "" {
		return nil, nil
	}
	q = model.Query{}
	// index finds a name's parameter once there are manyParams of them, so
	// that a query of thousands of distinct names is not read in quadratic
	// time.
	var index map[string]int
	for seg := range strings.SplitSeq(s, "&") {
		if seg == "" {
			continue
		}
		name, value, hasEq := strings.Cut(seg, "=")
		name = unescapeQuery(name)
		if !hasEq {
			if noValue == nil {
				noValue = map[string]bool{}
			}
			noValue[name] = true
		}
		value = unescapeQuery(value)
		n := -1
		if index != nil {
			if at, ok := index[name]; ok {
				n = at
			}
		} else {
			for at := range q {
				if q[at].Name == name {
					n = at
					break
				}
			}
		}
		if n >= 0 {
			q[n].Values = append(q[n].Values, value)
			continue
		}
		q = append(q, model.Field{Name: name, Values: []string{value}})
		switch {
		case index != nil:
			index[name] = len(q) - 1
		case len(q) == manyParams:
			index = make(map[string]int, 2*len(q))
			for at, f := range q {
				index[f.Name] = at
			}
		}
	}
	q.Sort() // in name order, as reader.query gives a V3/V4 query
	return q, noValue
}

// manyParams is the number of distinct names from which ParseQuery looks
// names up in a map rather than by scanning.
const manyParams = 32

// unescapeQuery decodes a query name or value as the reference's
// decode_query does: "+" is a space, "%" and two hex digits a byte, and a
// "%" not followed by two hex digits is kept with the (at most two)
// characters after it. When the bytes decoded are not UTF-8 the text is kept
// as it was given, undecoded: "%80" stays "%80".
//
//	unescapeQuery("a+b%2Fc")  // "a b/c"
//	unescapeQuery("a%20%zz")  // "a %zz"
//	unescapeQuery("%80")      // "%80"
func unescapeQuery(s string) string {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '+':
			b = append(b, ' ')
		case '%':
			if i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				b = append(b, unhex(s[i+1])<<4|unhex(s[i+2]))
				i += 2
				continue
			}
			// kept: "%" and the next two characters as they are
			b = append(b, '%')
			for range 2 {
				if i+1 >= len(s) {
					break
				}
				_, size := utf8.DecodeRuneInString(s[i+1:])
				b = append(b, s[i+1:i+1+size]...)
				i += size
			}
		default:
			b = append(b, c)
		}
	}
	if !utf8.Valid(b) {
		return s
	}
	return string(b)
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}

// encodeQuery builds "a=1&b=2" from a query: names sorted, values in
// order and encoded (the V1/V2 writer's form).
func encodeQuery(q model.Query, noValue map[string]bool) string {
	var b strings.Builder
	for _, f := range q.Sorted() {
		n := f.Name
		for _, v := range f.Values {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			writeQueryPart(&b, n)
			if v == "" && noValue[n] {
				continue
			}
			b.WriteByte('=')
			writeQueryPart(&b, v)
		}
	}
	return b.String()
}

// writeQueryPart encodes a query name or value as pact_models' encode_query
// does for ASCII: a space as "+", letters, digits and "-" as they are, every
// other character as "%" and two lower-case hex digits ("a.b" is "a%2eb").
// The reference writes a non-ASCII character as the hex digits of its code
// point in pairs ("é" as "%e9", "€" as "%20%ac", which read back as other
// characters) and panics on an odd number of digits (a tab, an emoji);
// libpact writes those as their UTF-8 bytes ("%c3%a9", "%09"), which read
// back as written.
func writeQueryPart(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			b.WriteByte('+')
		case c == '-', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
}

// body reads the body attribute key of part m. headerCT is the content type
// stated by the Content-Type header (or message metadata).
func (r *reader) body(m map[string]any, key, headerCT, where string) model.Body {
	v, present := m[key]
	if !present {
		return model.Body{State: model.BodyMissing}
	}
	if r.ver >= model.V4 {
		return r.v4Body(v, headerCT, where+"."+key)
	}
	return rawBody(v, headerCT)
}

// rawBody reads a V1–V3 body (spec-checklist §4.5).
func rawBody(v any, ct string) model.Body {
	switch t := v.(type) {
	case nil:
		return model.Body{State: model.BodyNull}
	case string:
		if t == "" {
			return model.Body{State: model.BodyEmpty}
		}
		switch {
		case ct == "":
			return present([]byte(t))
		case isJSONType(ct):
			parsed, err := DecodeJSON([]byte(t))
			if err == nil {
				switch parsed.(type) {
				case string, map[string]any:
					return present([]byte(t))
				}
			}
			return present(appendString(nil, t))
		case isTextType(ct) || baseType(ct) == "multipart" || strings.HasPrefix(baseType(ct), "multipart/"):
			return present([]byte(t))
		default:
			if b, ok := decodeBase64(t); ok {
				return present(b)
			}
			return present([]byte(t))
		}
	default:
		return present(encodeJSON(t, false))
	}
}

func present(b []byte) model.Body {
	if len(b) == 0 {
		return model.Body{State: model.BodyEmpty}
	}
	return model.Body{State: model.BodyPresent, Content: b}
}

func decodeBase64(s string) ([]byte, bool) {
	if b, err := base64.StdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	if b, err := base64.RawStdEncoding.DecodeString(s); err == nil {
		return b, true
	}
	return nil, false
}

var v4BodyAttrs = map[string]bool{"content": true, "contentType": true, "encoded": true, "contentTypeHint": true}

// v4Body reads a V4 body object {content, contentType, encoded,
// contentTypeHint} (spec-checklist §4.5).
func (r *reader) v4Body(v any, headerCT, where string) model.Body {
	m, ok := v.(map[string]any)
	if !ok {
		if v != nil {
			r.warn("%s: the body is not a V4 body object; read it as it stands", where)
		}
		return rawBody(v, headerCT)
	}
	content, hasContent := m["content"]
	odd := false
	for k := range m {
		odd = odd || !v4BodyAttrs[k]
	}
	for _, k := range sortedKeysIf(odd, m) {
		if !v4BodyAttrs[k] {
			r.warn("%s: the body is not a V4 body object (it has the attribute '%s'); read it as JSON", where, k)
			return present(encodeJSON(m, false))
		}
	}
	var b model.Body
	if ct, ok := m["contentType"].(string); ok {
		b.ContentType = ct
	}
	if h, ok := m["contentTypeHint"].(string); ok {
		switch strings.ToUpper(h) {
		case "TEXT":
			b.Hint = model.HintText
		case "BINARY":
			b.Hint = model.HintBinary
		case "DEFAULT":
		default:
			r.warn("%s: ignoring unknown contentTypeHint %q", where, h)
		}
	}
	if !hasContent {
		b.State = model.BodyMissing
		return b
	}
	if content == nil {
		b.State = model.BodyNull
		return b
	}
	var data []byte
	encoding := ""
	switch e := m["encoded"].(type) {
	case string:
		encoding = strings.ToLower(e)
		if encoding == "false" {
			encoding = ""
		}
	case bool:
		if e {
			encoding = "base64"
		}
	}
	s, isString := content.(string)
	switch encoding {
	case "":
		ct := b.ContentType
		if ct == "" {
			ct = headerCT
		}
		switch {
		case isString && s == "":
		case isJSONType(ct):
			data = encodeJSON(content, false)
		case isString:
			data = []byte(s)
		default:
			data = encodeJSON(content, false)
		}
	case "base64":
		if !isString {
			r.warn("%s: base64-encoded content is not a string; read it as JSON", where)
			data = encodeJSON(content, false)
		} else if d, ok := decodeBase64(s); ok {
			data = d
		} else {
			r.warn("%s: content is not valid base64; read it as text", where)
			data = []byte(s)
		}
	case "json":
		if isString {
			data = []byte(s)
		} else {
			data = encodeJSON(content, false)
		}
	default:
		r.warn("%s: unknown body encoding %q; read the content as it stands", where, encoding)
		if isString {
			data = []byte(s)
		} else {
			data = encodeJSON(content, false)
		}
	}
	if len(data) == 0 {
		b.State = model.BodyEmpty
		return b
	}
	b.State, b.Content = model.BodyPresent, data
	return b
}

// categoryOf maps a category name in a pact file to a model category. An
// unknown name is read as body, as the reference does.
func (r *reader) categoryOf(name, where string) model.Category {
	switch name {
	case "body", "content", "contents":
		return model.CategoryBody
	case "header", "headers":
		return model.CategoryHeader
	case "query":
		return model.CategoryQuery
	case "path":
		return model.CategoryPath
	case "method":
		return model.CategoryMethod
	case "status":
		return model.CategoryStatus
	case "metadata", "metaData":
		return model.CategoryMetadata
	}
	r.warn("%s: unknown matching rule category '%s', read as 'body'", where, name)
	return model.CategoryBody
}

func singleKeyCategory(c model.Category) bool {
	return c == model.CategoryPath || c == model.CategoryMethod || c == model.CategoryStatus
}

// matchingRules reads a matchingRules object, V2 ("$.body.x": rule) or V3/V4
// (categories) form.
func (r *reader) matchingRules(v any, where string) model.MatchingRules {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.warn("%s: ignoring 'matchingRules' that is %s, not an object", where, model.JSONKind(v))
		return nil
	}
	var rules model.MatchingRules
	v2 := false
	for k := range m {
		if strings.HasPrefix(k, "$") {
			v2 = true
			break
		}
	}
	if v2 {
		for _, key := range sortedKeys(m) {
			cat, path, ok := model.ParseV2RuleKey(key)
			if !ok {
				r.warn("%s: ignoring matching rule with unsupported V2 path '%s'", where, key)
				continue
			}
			l, err := model.RuleListFromJSON(m[key])
			if err != nil {
				r.warn("%s: ignoring matching rule at '%s': %v", where, key, err)
				continue
			}
			if old := rules.Get(cat, path); old != nil {
				// "$.query.q[0]" and "$.query.q[1]" both rule the parameter
				// q: keep one copy of each distinct rule.
				l = &model.RuleList{Combine: l.Combine, Rules: newRules(old.Rules, l.Rules)}
			}
			addRules(&rules, cat, path, l)
		}
		return emptyToNil(rules)
	}
	for _, name := range sortedKeys(m) {
		cat := r.categoryOf(name, where)
		cm, ok := m[name].(map[string]any)
		if !ok {
			r.warn("%s: ignoring matching rule category '%s' that is %s, not an object", where, name, model.JSONKind(m[name]))
			continue
		}
		_, hasMatchers := cm["matchers"]
		_, hasMatch := cm["match"]
		if singleKeyCategory(cat) && (hasMatchers || hasMatch) {
			l, err := model.RuleListFromJSON(cm)
			if err != nil {
				r.warn("%s: ignoring matching rules for '%s': %v", where, name, err)
				continue
			}
			addRules(&rules, cat, "", l)
			continue
		}
		for _, path := range sortedKeys(cm) {
			l, err := model.RuleListFromJSON(cm[path])
			if err != nil {
				r.warn("%s: ignoring matching rule at %s '%s': %v", where, name, path, err)
				continue
			}
			if singleKeyCategory(cat) {
				path = ""
			}
			addRules(&rules, cat, path, l)
		}
	}
	return emptyToNil(rules)
}

// addRules adds the list l at category c and path, after any rules there.
func addRules(rules *model.MatchingRules, c model.Category, path string, l *model.RuleList) {
	if old := rules.Get(c, path); old != nil {
		old.Rules = append(old.Rules, l.Rules...)
		return
	}
	rules.Set(c, path, *l)
}

// newRules returns the rules of add that are not in have.
func newRules(have, add []model.Rule) []model.Rule {
	var out []model.Rule
	for _, r := range add {
		dup := false
		for _, h := range have {
			if reflect.DeepEqual(h, r) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// emptyToNil returns m sorted (categories, then paths, by name: the same
// model whichever reader read it, and whatever the order in the file), or nil
// when it has no category.
func emptyToNil(m model.MatchingRules) model.MatchingRules {
	if len(m) == 0 {
		return nil
	}
	m.Sort()
	return m
}

// generators reads a generators object by category. path, method and status
// hold one generator each.
func (r *reader) generators(v any, where string) model.Generators {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		r.warn("%s: ignoring 'generators' that is %s, not an object", where, model.JSONKind(v))
		return nil
	}
	gens := model.Generators{}
	for _, name := range sortedKeys(m) {
		var cat model.Category
		switch name {
		case "body", "content", "contents":
			cat = model.CategoryBody
		case "header", "headers":
			cat = model.CategoryHeader
		case "query":
			cat = model.CategoryQuery
		case "path":
			cat = model.CategoryPath
		case "method":
			cat = model.CategoryMethod
		case "status":
			cat = model.CategoryStatus
		case "metadata", "metaData":
			cat = model.CategoryMetadata
		default:
			r.warn("%s: ignoring generators with unknown category '%s'", where, name)
			continue
		}
		cm, ok := m[name].(map[string]any)
		if !ok {
			r.warn("%s: ignoring generator category '%s' that is %s, not an object", where, name, model.JSONKind(m[name]))
			continue
		}
		if _, single := cm["type"].(string); single && singleKeyCategory(cat) {
			g, err := model.GeneratorFromJSON(cm)
			if err != nil {
				r.warn("%s: ignoring generator for '%s': %v", where, name, err)
				continue
			}
			gens.Add(cat, "", g)
			continue
		}
		for _, key := range sortedKeys(cm) {
			gm, ok := cm[key].(map[string]any)
			if !ok {
				r.warn("%s: ignoring generator at %s '%s' that is %s, not an object", where, name, key, model.JSONKind(cm[key]))
				continue
			}
			g, err := model.GeneratorFromJSON(gm)
			if err != nil {
				r.warn("%s: ignoring generator at %s '%s': %v", where, name, key, err)
				continue
			}
			if singleKeyCategory(cat) {
				key = ""
			}
			gens.Add(cat, key, g)
		}
	}
	if len(gens) == 0 {
		return nil
	}
	return gens
}

// sortedKeysIf is sortedKeys(m) when cond holds, else nil.
func sortedKeysIf[V any](cond bool, m map[string]V) []string {
	if !cond {
		return nil
	}
	return sortedKeys(m)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func compactJSON(v any) string { return string(encodeJSON(v, false)) }
