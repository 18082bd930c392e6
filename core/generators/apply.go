package generators

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// GenerateRequest returns a copy of r with its generators applied: path and
// method (one generator each), headers and query parameters by name (every
// value of a repeated one; a missing one is created with one value), and the
// body (see ApplyBody, plus the generators of arrayContains variants, applied
// to the item each variant describes). r is not modified.
//
//	req, err := generators.GenerateRequest(&i.Request, generators.Provider, ctx)
//	// err lists the generators that could not run; req holds everything else
//
// When a query generator ran, RawQuery is cleared so that the query is
// rebuilt from Query.
func GenerateRequest(r *model.Request, mode Mode, ctx Context) (model.Request, error) {
	out := *r
	out.Headers = r.Headers.Clone()
	out.Query = r.Query.Clone()
	out.Body = copyBody(r.Body)
	gens := r.Generators
	sets := variantGenerators(r.MatchingRules)
	if len(gens) == 0 && len(sets) == 0 {
		return out, nil
	}
	var errs []error
	if g, ok := single(gens[model.CategoryPath]); ok {
		v, applied, err := Generate(g, r.Path, mode, ctx)
		if err != nil {
			errs = append(errs, fmt.Errorf("path: %w", err))
		} else if applied {
			out.Path = ToString(v)
		}
	}
	if g, ok := single(gens[model.CategoryMethod]); ok {
		v, applied, err := Generate(g, r.Method, mode, ctx)
		if err != nil {
			errs = append(errs, fmt.Errorf("method: %w", err))
		} else if applied {
			out.Method = strings.ToUpper(ToString(v))
		}
	}
	errs = append(errs, generateHeaders(&out.Headers, gens[model.CategoryHeader], mode, ctx))
	if qg := gens[model.CategoryQuery]; len(qg) > 0 {
		changed := false
		for _, name := range sortedKeys(qg) {
			values, ok := out.Query.Get(name)
			if !ok {
				values = []string{""}
			}
			values = slices.Clone(values)
			for i, old := range values {
				v, applied, err := Generate(qg[name], old, mode, ctx)
				if err != nil {
					errs = append(errs, fmt.Errorf("query parameter %s: %w", name, err))
					continue
				}
				if applied {
					values[i] = ToString(v)
					changed = true
				}
			}
			if ok || changed {
				out.Query.Set(name, values)
			}
		}
		if changed {
			out.RawQuery = ""
		}
	}
	body, err := applyBody(out.Body, out.Headers.First("Content-Type"), gens[model.CategoryBody], sets, mode, ctx)
	out.Body = body
	errs = append(errs, err)
	return out, errors.Join(errs...)
}

// GenerateResponse returns a copy of r with its generators applied: status
// (a single generator whose result must be an integer), headers and body.
func GenerateResponse(r *model.Response, mode Mode, ctx Context) (model.Response, error) {
	out := *r
	out.Headers = r.Headers.Clone()
	out.Body = copyBody(r.Body)
	gens := r.Generators
	sets := variantGenerators(r.MatchingRules)
	if len(gens) == 0 && len(sets) == 0 {
		return out, nil
	}
	var errs []error
	if g, ok := single(gens[model.CategoryStatus]); ok {
		v, applied, err := Generate(g, r.Status, mode, ctx)
		switch {
		case err != nil:
			errs = append(errs, fmt.Errorf("status: %w", err))
		case applied:
			n, ok := toInt(v)
			if !ok || n < 100 || n > 999 {
				errs = append(errs, fmt.Errorf("status: generated value %s is not a status code", ToString(v)))
			} else {
				out.Status = int(n)
			}
		}
	}
	errs = append(errs, generateHeaders(&out.Headers, gens[model.CategoryHeader], mode, ctx))
	body, err := applyBody(out.Body, out.Headers.First("Content-Type"), gens[model.CategoryBody], sets, mode, ctx)
	out.Body = body
	errs = append(errs, err)
	return out, errors.Join(errs...)
}

// GenerateMessage returns a copy of m with its generators applied to the
// contents (category body) and the metadata (by key; a missing key is
// created). The contents' content type comes from Contents.ContentType, else
// the "contentType" (or "content-type") metadata entry.
func GenerateMessage(m *model.MessageContents, mode Mode, ctx Context) (model.MessageContents, error) {
	out := *m
	out.Contents = copyBody(m.Contents)
	if m.Metadata != nil {
		out.Metadata = maps.Clone(m.Metadata)
	}
	gens := m.Generators
	sets := variantGenerators(m.MatchingRules)
	if len(gens) == 0 && len(sets) == 0 {
		return out, nil
	}
	var errs []error
	if mg := gens[model.CategoryMetadata]; len(mg) > 0 {
		if out.Metadata == nil {
			out.Metadata = map[string]any{}
		}
		for _, key := range sortedKeys(mg) {
			name := strings.TrimPrefix(key, "$.")
			v, applied, err := Generate(mg[key], out.Metadata[name], mode, ctx)
			if err != nil {
				errs = append(errs, fmt.Errorf("metadata %s: %w", name, err))
			} else if applied {
				out.Metadata[name] = v
			}
		}
	}
	ct := ""
	for _, k := range []string{"contentType", "content-type", "Content-Type"} {
		if s, ok := out.Metadata[k].(string); ok && s != "" {
			ct = s
			break
		}
	}
	body, err := applyBody(out.Contents, ct, gens[model.CategoryBody], sets, mode, ctx)
	out.Contents = body
	errs = append(errs, err)
	return out, errors.Join(errs...)
}

func generateHeaders(h *model.Headers, gens map[string]model.Generator, mode Mode, ctx Context) error {
	if len(gens) == 0 {
		return nil
	}
	if *h == nil {
		*h = model.Headers{}
	}
	var errs []error
	for _, name := range sortedKeys(gens) {
		values, ok := h.Get(name)
		if !ok {
			values = []string{""}
		}
		values = slices.Clone(values)
		changed := false
		for i, old := range values {
			v, applied, err := Generate(gens[name], old, mode, ctx)
			if err != nil {
				errs = append(errs, fmt.Errorf("header %s: %w", name, err))
				continue
			}
			if applied {
				values[i] = ToString(v)
				changed = true
			}
		}
		if ok || changed {
			h.Set(name, values...)
		}
	}
	return errors.Join(errs...)
}

// single returns the generator of a path, method or status category: the one
// under key "", or the only one there is.
func single(gens map[string]model.Generator) (model.Generator, bool) {
	if g, ok := gens[""]; ok {
		return g, true
	}
	if len(gens) == 1 {
		for _, g := range gens {
			return g, true
		}
	}
	return model.Generator{}, false
}

func sortedKeys(m map[string]model.Generator) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func copyBody(b model.Body) model.Body {
	b.Content = slices.Clone(b.Content)
	return b
}
