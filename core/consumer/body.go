package consumer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"mime"
	"mime/multipart"
	"net/textproto"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/libpact/libpact/core/integration"
	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/model"
)

// target is the body and its rules that a body call writes to: an HTTP
// request or response, or message contents.
type target struct {
	body     *model.Body
	headers  *model.Headers  // HTTP only
	metadata *map[string]any // messages only
	rules    *model.MatchingRules
	gens     *model.Generators
}

// targets returns where part p of the interaction lives. For a synchronous
// message, the response part of a body call appends a new response (as
// pact_ffi does); for rules and generators (all=true) every response is
// returned.
func (i *Interaction) targets(p Part, newResponse bool) ([]target, error) {
	switch i.I.Type {
	case model.HTTP:
		h, b, r, g := i.httpPart(p)
		return []target{{body: b, headers: h, rules: r, gens: g}}, nil
	case model.AsyncMessage:
		return []target{msgTarget(&i.I.MessageParts().Message)}, nil
	case model.SyncMessage:
		parts := i.I.MessageParts()
		if p == Request {
			return []target{msgTarget(&parts.Request)}, nil
		}
		if newResponse {
			parts.Responses = append(parts.Responses, model.MessageContents{})
			return []target{msgTarget(&parts.Responses[len(parts.Responses)-1])}, nil
		}
		out := make([]target, 0, len(parts.Responses))
		for n := range parts.Responses {
			out = append(out, msgTarget(&parts.Responses[n]))
		}
		return out, nil
	}
	return nil, fmt.Errorf("interaction %q has an unknown type", i.I.Description)
}

// bodyTarget is targets(p, true)[0] (where a body call writes), without the
// slice for an HTTP part.
func (i *Interaction) bodyTarget(p Part) (target, error) {
	if i.I.Type == model.HTTP {
		h, b, r, g := i.httpPart(p)
		return target{body: b, headers: h, rules: r, gens: g}, nil
	}
	ts, err := i.targets(p, true)
	if err != nil {
		return target{}, err
	}
	return ts[0], nil
}

func msgTarget(m *model.MessageContents) target {
	return target{body: &m.Contents, metadata: &m.Metadata, rules: &m.MatchingRules, gens: &m.Generators}
}

// declaredContentType is the content type already declared for t: the
// body's own, the Content-Type header, or the contentType metadata.
func (t target) declaredContentType() string {
	if t.body.ContentType != "" {
		return t.body.ContentType
	}
	if t.headers != nil {
		if v := t.headers.First("Content-Type"); v != "" {
			return v
		}
	}
	if t.metadata != nil && *t.metadata != nil {
		for k, v := range *t.metadata {
			if strings.EqualFold(k, "contentType") || strings.EqualFold(k, "content-type") {
				if s, ok := v.(string); ok {
					return s
				}
			}
		}
	}
	return ""
}

// declare records ct as t's content type where it is not set yet: the
// Content-Type header of an HTTP part, the contentType metadata of a message.
func (t target) declare(ct string, replace bool) {
	if ct == "" {
		return
	}
	if t.headers != nil {
		if *t.headers == nil {
			*t.headers = model.Headers{}
		}
		if _, ok := t.headers.Get("Content-Type"); !ok || replace {
			t.headers.Set("Content-Type", ct)
		}
	}
	if t.metadata != nil {
		if *t.metadata == nil {
			*t.metadata = map[string]any{}
		}
		if _, ok := (*t.metadata)["contentType"]; !ok || replace {
			(*t.metadata)["contentType"] = ct
		}
	}
}

// mediaType is the lower-case "type/subtype" of a content type.
func mediaType(ct string) string {
	base, _, _ := strings.Cut(ct, ";")
	return strings.ToLower(strings.TrimSpace(base))
}

func isJSONType(ct string) bool {
	m := mediaType(ct)
	return m == "application/json" || strings.HasSuffix(m, "+json") || strings.HasSuffix(m, "/json") ||
		m == "application/x-ndjson"
}

func isXMLType(ct string) bool {
	m := mediaType(ct)
	return m == "application/xml" || m == "text/xml" || strings.HasSuffix(m, "+xml")
}

// sniff guesses the content type of a body given as text, as the
// reference's detect_content_type_from_string: an XML declaration or tag,
// HTML, JSON, else "" (the caller falls back to text/plain).
func sniff(body string) string {
	s := strings.TrimLeft(body, " \t\r\n")
	switch {
	case hasPrefixFold(s, "<?xml"):
		return "application/xml"
	case hasPrefixFold(s, "<!doctype html"), hasPrefixFold(s, "<html"):
		return "text/html"
	case len(s) > 1 && s[0] == '<' && (s[1] >= 'a' && s[1] <= 'z' || s[1] >= 'A' && s[1] <= 'Z'):
		return "application/xml"
	case len(s) > 0 && (s[0] == '{' || s[0] == '[') && json.Valid([]byte(s)):
		return "application/json"
	}
	return ""
}

// hasPrefixFold reports whether s starts with prefix, a lower-case ASCII
// string, ignoring the case of ASCII letters in s: the same as
// strings.HasPrefix(strings.ToLower(s), prefix) for the prefixes sniff uses
// (no non-ASCII letter lowers to one of their letters), without lowering
// the whole body.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

func isFormType(ct string) bool { return mediaType(ct) == "application/x-www-form-urlencoded" }

// WithBody sets the body of part p (for messages, the contents) from text,
// as pact_ffi's with_body. The content type is contentType if given, else
// the one already declared (header or metadata), else sniffed from the body,
// else text/plain. A JSON body may hold integration-JSON matchers; an XML or
// form-urlencoded content type with a JSON body describes the body in JSON.
// The Content-Type header (or contentType metadata) is set when absent. An
// empty body is an empty (not missing) body.
func (i *Interaction) WithBody(p Part, contentType, body string) error {
	if err := i.Check(); err != nil {
		return err
	}
	t, err := i.bodyTarget(p)
	if err != nil {
		return err
	}
	contentType = usableContentType(contentType)
	if body == "" {
		*t.body = model.Body{State: model.BodyEmpty, ContentType: contentType}
		t.declare(contentType, false)
		return nil
	}
	ct := contentType
	if ct == "" {
		ct = t.declaredContentType()
	}
	if ct == "" {
		ct = sniff(body)
	}
	if ct == "" {
		ct = "text/plain"
	}
	// A body declared as XML or form-urlencoded is described in JSON when it
	// looks like JSON (sniff checks that it is valid JSON).
	describedInJSON := func() bool { return isJSONType(sniff(body)) }
	var content []byte
	var rules model.PathRules
	var gens map[string]model.Generator
	switch {
	case isJSONType(ct):
		content, rules, gens, err = integration.ProcessJSONString(body)
		if err != nil {
			// The processor accepts exactly the JSON that json.Valid
			// accepts, so only invalid JSON makes both fail.
			if !json.Valid([]byte(body)) {
				logging.LogWarn("the body is declared as JSON but is not valid JSON; it is kept as it is", "content-type", ct)
				content, rules, gens = []byte(body), model.PathRules{}, nil
				break
			}
			return fmt.Errorf("JSON body: %w", err)
		}
	case isXMLType(ct) && describedInJSON():
		content, rules, gens, err = integration.ProcessXML([]byte(body))
		if err != nil {
			return fmt.Errorf("XML body described in JSON: %w", err)
		}
	case isFormType(ct) && describedInJSON():
		content, rules, gens, err = integration.ProcessForm([]byte(body))
		if err != nil {
			return fmt.Errorf("form body described in JSON: %w", err)
		}
	default:
		content = []byte(body)
	}
	*t.body = model.PresentBody(content, ct)
	if rules.Len() > 0 && t.rules.Category(model.CategoryBody) == nil && !hasEmptyList(&rules) {
		// The lists are the processor's own, used nowhere else.
		*t.rules = append(*t.rules, model.CategoryRules{Category: model.CategoryBody, Paths: rules})
		rules = model.PathRules{}
	}
	for path, l := range rules.All() {
		if len(l.Rules) == 0 {
			continue
		}
		if have := t.rules.Get(model.CategoryBody, path); have != nil {
			have.Rules = append(have.Rules, l.Rules...)
			if l.Combine == model.Or {
				have.Combine = model.Or
			}
		} else {
			t.rules.Set(model.CategoryBody, path, *l) // the list is the processor's own, used nowhere else
		}
	}
	for path, g := range gens {
		g := g
		addGenerator(t.gens, model.CategoryBody, path, &g)
	}
	t.declare(ct, false)
	return nil
}

// hasEmptyList reports whether some list of rules holds no rule.
func hasEmptyList(rules *model.PathRules) bool {
	for _, l := range rules.All() {
		if len(l.Rules) == 0 {
			return true
		}
	}
	return false
}

// WithBinaryBody sets part p's body to data with content type contentType
// ("application/octet-stream" when empty). A nil data gives a null body, an
// empty one an empty body. The Content-Type header or metadata is set when
// absent.
func (i *Interaction) WithBinaryBody(p Part, contentType string, data []byte) error {
	if err := i.Check(); err != nil {
		return err
	}
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	ts, err := i.targets(p, true)
	if err != nil {
		return err
	}
	t := ts[0]
	*t.body = binaryBody(data, contentType)
	t.declare(contentType, t.metadata != nil)
	return nil
}

func binaryBody(data []byte, ct string) model.Body {
	switch {
	case data == nil:
		return model.Body{State: model.BodyNull, ContentType: ct}
	case len(data) == 0:
		return model.Body{State: model.BodyEmpty, ContentType: ct}
	}
	// No content-type hint: pact_ffi records none, and the writer decides the
	// encoding from the content type.
	return model.PresentBody(append([]byte(nil), data...), ct)
}

// WithBinaryFile is the deprecated pact_ffi with_binary_file: like
// WithBinaryBody, plus (for V3 and later pacts) a contentType matching rule
// on the whole body, so any body of that content type matches.
func (i *Interaction) WithBinaryFile(p Part, contentType string, data []byte) error {
	if err := i.Check(); err != nil {
		return err
	}
	if contentType == "" {
		return errors.New("the content type is empty")
	}
	ts, err := i.targets(p, true)
	if err != nil {
		return err
	}
	t := ts[0]
	*t.body = binaryBody(data, "")
	t.declare(contentType, t.metadata != nil)
	if p == Response && i.I.Type == model.HTTP && t.body.State == model.BodyPresent {
		// pact_ffi keeps no content type with the body, and pact_models'
		// V4 response writer (unlike the request writer) does not fall back
		// to the headers: the pact file says "contentType": "*/*".
		t.body.ContentType = "*/*"
	}
	if i.b.Pact.SpecVersion >= model.V3 {
		addRules(t.rules, model.CategoryBody, "$", []model.Rule{model.Rule{Kind: model.ContentType}.WithValue(contentType)})
	}
	return nil
}

// multipartHeaderRegex is the rule pact_ffi puts on the Content-Type header
// of a multipart body, so that any boundary matches.
const multipartHeaderRegex = `multipart/form-data;(\s*charset=[^;]*;)?\s*boundary=.*`

var boundaryRe = regexp.MustCompile(`(?i)boundary="?([^";]+)"?`)

// WithMultipartFile adds a multipart/form-data part named partName holding
// the file at path (an empty path gives an empty multipart body) to part p
// of an HTTP interaction, as pact_ffi's with_multipart_file_v2. contentType
// is the part's content type; boundary is the multipart boundary ("" for a
// random one). If the body already is multipart, the part is appended to it.
// It sets the Content-Type header with a regex rule that accepts any
// boundary, and a contentType body rule at $.<partName>.
func (i *Interaction) WithMultipartFile(p Part, contentType, path, partName, boundary string) error {
	if err := i.http(); err != nil {
		return err
	}
	if contentType == "" {
		return errors.New("the content type is empty")
	}
	if partName == "" {
		partName = "file"
	}
	headers, body, rules, _ := i.httpPart(p)
	existing := ""
	if body.IsPresent() {
		if m := boundaryRe.FindStringSubmatch(headers.First("Content-Type")); m != nil && strings.HasPrefix(mediaType(headers.First("Content-Type")), "multipart/") {
			existing = m[1]
		}
	}
	if existing != "" {
		boundary = existing
	}
	part, boundary, err := multipartPart(contentType, path, partName, boundary)
	if err != nil {
		return err
	}
	if existing != "" {
		end := []byte("--" + existing + "--\r\n")
		base := bytes.TrimSuffix(body.Content, end)
		*body = model.PresentBody(append(append([]byte(nil), base...), part...), body.ContentType)
	} else {
		ct := "multipart/form-data; boundary=" + boundary
		*body = model.PresentBody(part, "multipart/form-data")
		if *headers == nil {
			*headers = model.Headers{}
		}
		headers.Set("Content-Type", ct)
		addRules(rules, model.CategoryHeader, "Content-Type", []model.Rule{{Kind: model.Regex, Regex: multipartHeaderRegex}})
	}
	addRules(rules, model.CategoryBody, "$."+partName, []model.Rule{model.Rule{Kind: model.ContentType}.WithValue(contentType)})
	return nil
}

// multipartPart encodes one file part, with its closing boundary line.
func multipartPart(contentType, path, partName, boundary string) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if boundary != "" {
		if err := w.SetBoundary(boundary); err != nil {
			return nil, "", fmt.Errorf("boundary %q: %w", boundary, err)
		}
	}
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("reading the multipart file: %w", err)
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, partName, filepath.Base(path)))
		partType := contentType
		if partType == "" {
			partType = mime.TypeByExtension(filepath.Ext(path))
		}
		h.Set("Content-Type", partType)
		pw, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		pw.Write(data)
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.Boundary(), nil
}

// partTargets returns the rule targets of part p (all responses of a
// synchronous message).
func (i *Interaction) ruleTargets(p Part) ([]target, error) {
	return i.targets(p, false)
}

// WithMatchingRules merges matching rules given as JSON in the V3/V4 pact
// file form, {"body": {"$.id": {"matchers": [{"match": "integer"}]}}, ...},
// optionally wrapped in {"matchingRules": ...}, into part p.
func (i *Interaction) WithMatchingRules(p Part, rulesJSON string) error {
	parsed, err := parseRulesJSON(rulesJSON)
	if err != nil {
		return err
	}
	if err := i.Check(); err != nil {
		return err
	}
	ts, err := i.ruleTargets(p)
	if err != nil {
		return err
	}
	for _, t := range ts {
		for _, cat := range parsed {
			for path, l := range cat.Paths.All() {
				addRules(t.rules, cat.Category, path, l.Rules)
				if have := t.rules.Get(cat.Category, path); have != nil && l.Combine == model.Or {
					have.Combine = model.Or // (an empty OR list at a new path adds nothing)
				}
			}
		}
	}
	return nil
}

func decodeObject(s, what string) (map[string]any, error) {
	var v any
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	if err := d.Decode(&v); err != nil {
		return nil, fmt.Errorf("%s are not valid JSON: %v", what, err)
	}
	m, ok := model.DecodeNumbers(v).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s must be a JSON object", what)
	}
	return m, nil
}

// category maps a category name of a pact file to the model's.
func category(name string) model.Category {
	if name == "content" {
		return model.CategoryBody
	}
	return model.Category(name)
}

func parseRulesJSON(s string) (model.MatchingRules, error) {
	m, err := decodeObject(s, "matching rules")
	if err != nil {
		return nil, err
	}
	if inner, ok := m["matchingRules"].(map[string]any); ok {
		m = inner
	}
	var out model.MatchingRules
	for _, cname := range slices.Sorted(maps.Keys(m)) {
		v := m[cname]
		if strings.HasPrefix(cname, "$") { // the V2 form: {"$.body.a": {"match": "type"}}
			c, path, ok := model.ParseV2RuleKey(cname)
			if !ok {
				return nil, fmt.Errorf("matching rule key %q is not a V2 rule path ($.body..., $.path, $.query.<name>, $.headers.<name>)", cname)
			}
			l, err := model.RuleListFromJSON(v)
			if err != nil {
				return nil, fmt.Errorf("matching rules at %q: %w", cname, err)
			}
			if prev := out.Get(c, path); prev != nil {
				prev.Rules = append(prev.Rules, l.Rules...)
			} else {
				out.Set(c, path, *l)
			}
			continue
		}
		c := category(cname)
		paths, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("matching rules for %q must be a JSON object", cname)
		}
		if _, direct := paths["matchers"]; direct && (c == model.CategoryPath || c == model.CategoryMethod || c == model.CategoryStatus) {
			l, err := model.RuleListFromJSON(paths)
			if err != nil {
				return nil, fmt.Errorf("matching rules for %q: %w", cname, err)
			}
			out.Category(c).DeleteFunc(func(string) bool { return true })
			out.Set(c, "", *l)
			continue
		}
		for _, path := range slices.Sorted(maps.Keys(paths)) {
			l, err := model.RuleListFromJSON(paths[path])
			if err != nil {
				return nil, fmt.Errorf("matching rules for %q at %q: %w", cname, path, err)
			}
			out.Set(c, path, *l)
		}
	}
	return out, nil
}

// WithGenerators adds generators given as JSON in the pact file form,
// {"body": {"$.id": {"type": "RandomInt"}}, "path": {"type": "ProviderState",
// "expression": "/users/${id}"}}, optionally wrapped in {"generators": ...},
// to part p.
func (i *Interaction) WithGenerators(p Part, gensJSON string) error {
	m, err := decodeObject(gensJSON, "generators")
	if err != nil {
		return err
	}
	if inner, ok := m["generators"].(map[string]any); ok {
		m = inner
	}
	parsed := model.Generators{}
	for cname, v := range m {
		c := category(cname)
		paths, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("generators for %q must be a JSON object", cname)
		}
		if _, direct := paths["type"]; direct && (c == model.CategoryPath || c == model.CategoryMethod || c == model.CategoryStatus) {
			g, err := model.GeneratorFromJSON(paths)
			if err != nil {
				return fmt.Errorf("generators for %q: %w", cname, err)
			}
			parsed.Add(c, "", g)
			continue
		}
		for path, gv := range paths {
			gm, ok := gv.(map[string]any)
			if !ok {
				return fmt.Errorf("generator for %q at %q must be a JSON object", cname, path)
			}
			g, err := model.GeneratorFromJSON(gm)
			if err != nil {
				return fmt.Errorf("generator for %q at %q: %w", cname, path, err)
			}
			parsed.Add(c, path, g)
		}
	}
	if err := i.Check(); err != nil {
		return err
	}
	ts, err := i.ruleTargets(p)
	if err != nil {
		return err
	}
	for _, t := range ts {
		for c, paths := range parsed {
			for path, g := range paths {
				g := g
				addGenerator(t.gens, c, path, &g)
			}
		}
	}
	return nil
}
