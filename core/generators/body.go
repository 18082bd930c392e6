package generators

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/integration"
	"github.com/libpact/libpact/core/model"
)

// ApplyBody runs the body generators gens (keyed by path, "$.a[*].b") on
// body and returns the new body; the input is not modified.
//
//	b, err := generators.ApplyBody(model.PresentBody([]byte(`{"id":1}`), "application/json"),
//		"", map[string]model.Generator{"$.id": {Type: "RandomInt"}}, generators.Consumer, nil)
//
// The body's own ContentType wins over contentType; with neither, the content
// is sniffed. JSON bodies take JSON paths (wildcards expand, paths that do not
// exist are skipped); XML bodies take element paths with '@attr' and '#text'
// steps; form-urlencoded bodies take parameter names. Any other content type
// gives the error "Unsupported content type ... - Generators only support
// JSON and XML" and the body unchanged. Generators that fail leave their value
// unchanged and are reported in the error.
func ApplyBody(body model.Body, contentType string, gens map[string]model.Generator, mode Mode, ctx Context) (model.Body, error) {
	return applyBody(body, contentType, gens, nil, mode, ctx)
}

// variantSet is an arrayContains rule that carries generators: the path of
// the array and its variants.
type variantSet struct {
	path     string
	variants []model.Variant
}

// variantGenerators collects the arrayContains rules of a body category that
// carry generators (the only rules that do, as in the reference).
func variantGenerators(rules model.MatchingRules) []variantSet {
	var out []variantSet
	for path, l := range rules.Category(model.CategoryBody).All() {
		for _, r := range l.Rules {
			if r.Kind != model.ArrayContains {
				continue
			}
			for _, v := range r.Variants() {
				if len(v.Generators) > 0 {
					out = append(out, variantSet{path, r.Variants()})
					break
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

func applyBody(body model.Body, contentType string, gens map[string]model.Generator, sets []variantSet, mode Mode, ctx Context) (model.Body, error) {
	if !body.IsPresent() || (len(gens) == 0 && len(sets) == 0) {
		return body, nil
	}
	ct := body.ContentType
	if ct == "" {
		ct = contentType
	}
	var (
		out []byte
		err error
	)
	switch bodyKind(ct, body.Content) {
	case kindJSON:
		out, err = applyJSON(body.Content, gens, sets, mode, ctx)
	case kindXML:
		if len(gens) == 0 {
			return body, nil // arrayContains generators apply to JSON only
		}
		out, err = applyXML(body.Content, gens, mode, ctx)
	case kindForm:
		if len(gens) == 0 {
			return body, nil
		}
		out, err = applyForm(body.Content, gens, mode, ctx)
	default:
		if ct == "" {
			ct = "unknown"
		}
		return body, fmt.Errorf("Unsupported content type %s - Generators only support JSON and XML", ct)
	}
	if out == nil {
		return body, err
	}
	nb := body
	nb.Content = out
	return nb, err
}

type kind int

const (
	kindOther kind = iota
	kindJSON
	kindXML
	kindForm
)

// bodyKind classifies a content type, sniffing the content when there is none.
func bodyKind(ct string, content []byte) kind {
	mt := strings.ToLower(strings.TrimSpace(ct))
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	switch {
	case mt == "":
		trimmed := bytes.TrimSpace(content)
		switch {
		case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(trimmed):
			return kindJSON
		case len(trimmed) > 0 && trimmed[0] == '<':
			return kindXML
		}
	case mt == "application/x-www-form-urlencoded":
		return kindForm
	case strings.HasSuffix(mt, "/json") || strings.HasSuffix(mt, "+json") || strings.Contains(mt, "json"):
		return kindJSON
	case strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml"):
		return kindXML
	}
	return kindOther
}

// sortedPaths returns the generator paths in a fixed order, parsed.
func sortedPaths(gens map[string]model.Generator) ([]string, []model.DocPath, error) {
	keys := make([]string, 0, len(gens))
	for k := range gens {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var errs []error
	var ks []string
	var paths []model.DocPath
	for _, k := range keys {
		p, err := model.ParsePath(k)
		if err != nil {
			errs = append(errs, fmt.Errorf("generator path: %w", err))
			continue
		}
		ks = append(ks, k)
		paths = append(paths, p)
	}
	return ks, paths, errors.Join(errs...)
}

// jsonObject is a JSON object that keeps its key order.
type jsonObject struct {
	keys []string
	vals map[string]any
}

// decodeJSON reads one JSON document keeping object key order; numbers are
// json.Number so that they are written back exactly.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := decodeValue(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON document")
	}
	return v, nil
}

func decodeValue(dec *json.Decoder, depth int) (any, error) {
	if depth > 10000 {
		return nil, errors.New("JSON nested too deeply")
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			obj := &jsonObject{vals: map[string]any{}}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				if _, dup := obj.vals[k]; !dup {
					obj.keys = append(obj.keys, k)
				}
				obj.vals[k] = v
			}
			_, err := dec.Token()
			return obj, err
		case '[':
			arr := []any{}
			for dec.More() {
				v, err := decodeValue(dec, depth+1)
				if err != nil {
					return nil, err
				}
				arr = append(arr, v)
			}
			_, err := dec.Token()
			return arr, err
		}
		return nil, fmt.Errorf("unexpected %v", t)
	}
	return tok, nil
}

// encodeJSON writes v compactly; generated values (int64, float64, maps and
// slices from provider state) are written as encoding/json would.
func encodeJSON(b *bytes.Buffer, v any) error {
	switch t := v.(type) {
	case *jsonObject:
		b.WriteByte('{')
		for i, k := range t.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			integration.WriteJSONString(b, k)
			b.WriteByte(':')
			if err := encodeJSON(b, t.vals[k]); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, x := range t {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := encodeJSON(b, x); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case string:
		integration.WriteJSONString(b, t)
	case json.Number:
		b.WriteString(t.String())
	case float64:
		if math.IsInf(t, 0) || math.IsNaN(t) {
			return fmt.Errorf("%v cannot be written as JSON", t)
		}
		b.WriteString(strconv.FormatFloat(t, 'f', -1, 64))
	default:
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(t); err != nil {
			return err
		}
		b.Truncate(b.Len() - 1) // Encode adds a newline
	}
	return nil
}

// plain turns a decoded tree back into plain Go values (map[string]any), the
// form generator examples take.
func plain(v any) any {
	switch t := v.(type) {
	case *jsonObject:
		m := make(map[string]any, len(t.keys))
		for _, k := range t.keys {
			m[k] = plain(t.vals[k])
		}
		return m
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = plain(x)
		}
		return out
	}
	return v
}

func applyJSON(content []byte, gens map[string]model.Generator, sets []variantSet, mode Mode, ctx Context) ([]byte, error) {
	root, err := decodeJSON(content)
	if err != nil {
		return nil, fmt.Errorf("Failed to parse the body, so not applying any generators: %w", err)
	}
	root, errs := generateTree(root, gens, mode, ctx, "body ")
	// arrayContains: variant i describes the expected item at its Index, so
	// its generators (rooted at "$" of the item) apply to that item.
	for _, set := range sets {
		p, err := model.ParsePath(set.path)
		if err != nil {
			errs = append(errs, fmt.Errorf("arrayContains path: %w", err))
			continue
		}
		root = setJSON(root, p[1:], func(node any) any {
			arr, ok := node.([]any)
			if !ok {
				return node
			}
			for _, v := range set.variants {
				if len(v.Generators) == 0 || v.Index < 0 || v.Index >= len(arr) {
					continue
				}
				var verrs []error
				arr[v.Index], verrs = generateTree(arr[v.Index], v.Generators, mode, ctx, fmt.Sprintf("body %s variant %d ", set.path, v.Index))
				errs = append(errs, verrs...)
			}
			return arr
		})
	}
	var b bytes.Buffer
	if err := encodeJSON(&b, root); err != nil {
		return nil, err
	}
	return b.Bytes(), errors.Join(errs...)
}

// generateTree applies gens (keyed by paths rooted at root) to a decoded
// JSON tree and returns the new root and the errors, each prefixed with what.
func generateTree(root any, gens map[string]model.Generator, mode Mode, ctx Context, what string) (any, []error) {
	keys, paths, perr := sortedPaths(gens)
	errs := []error{perr}
	for i, p := range paths {
		g := gens[keys[i]]
		root = setJSON(root, p[1:], func(old any) any {
			v, _, err := Generate(g, plain(old), mode, ctx)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s%s: %w", what, keys[i], err))
				return old
			}
			return v
		})
	}
	return root, errs
}

// setJSON replaces every value that path reaches below node with f(value),
// and returns the (possibly new) node. Paths that do not exist are skipped.
func setJSON(node any, path model.DocPath, f func(any) any) any {
	if len(path) == 0 {
		return f(node)
	}
	tok, rest := path[0], path[1:]
	switch n := node.(type) {
	case *jsonObject:
		switch tok.Kind {
		case model.TokField, model.TokIndex:
			key := tok.Name
			if tok.Kind == model.TokIndex {
				key = strconv.Itoa(tok.Index)
			}
			if v, ok := n.vals[key]; ok {
				n.vals[key] = setJSON(v, rest, f)
			}
		case model.TokStar, model.TokStarIndex:
			for _, k := range n.keys {
				n.vals[k] = setJSON(n.vals[k], rest, f)
			}
		}
	case []any:
		switch tok.Kind {
		case model.TokIndex, model.TokField:
			i := tok.Index
			if tok.Kind == model.TokField {
				var err error
				if i, err = strconv.Atoi(tok.Name); err != nil {
					return node
				}
			}
			if i >= 0 && i < len(n) {
				n[i] = setJSON(n[i], rest, f)
			}
		case model.TokStar, model.TokStarIndex:
			for i := range n {
				n[i] = setJSON(n[i], rest, f)
			}
		}
	}
	return node
}
