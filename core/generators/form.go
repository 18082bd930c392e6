package generators

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/libpact/libpact/core/model"
)

type formPair struct{ key, value string }

// applyForm runs generators on an application/x-www-form-urlencoded body.
// Paths name a parameter ("$.name"), optionally one of its values
// ("$.name[1]"); "$.*" is every parameter. Pair order is kept.
func applyForm(content []byte, gens map[string]model.Generator, mode Mode, ctx Context) ([]byte, error) {
	var pairs []formPair
	for _, part := range strings.Split(string(content), "&") {
		if part == "" {
			continue
		}
		k, v, _ := strings.Cut(part, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return nil, fmt.Errorf("Failed to parse the body, so not applying any generators: %w", err)
		}
		val, err := url.QueryUnescape(v)
		if err != nil {
			return nil, fmt.Errorf("Failed to parse the body, so not applying any generators: %w", err)
		}
		pairs = append(pairs, formPair{key, val})
	}
	keys, paths, perr := sortedPaths(gens)
	errs := []error{perr}
	for i, p := range paths {
		if len(p) < 2 || len(p) > 3 {
			continue
		}
		g := gens[keys[i]]
		index := -1
		if len(p) == 3 {
			if p[2].Kind != model.TokIndex {
				if p[2].Kind != model.TokStarIndex {
					continue
				}
			} else {
				index = p[2].Index
			}
		}
		seen := map[string]int{}
		for j := range pairs {
			name := pairs[j].key
			n := seen[name]
			seen[name]++
			nameOK := p[1].Kind == model.TokStar || (p[1].Kind == model.TokField && p[1].Name == name)
			if !nameOK || (index >= 0 && n != index) {
				continue
			}
			v, _, err := Generate(g, pairs[j].value, mode, ctx)
			if err != nil {
				errs = append(errs, fmt.Errorf("body %s: %w", keys[i], err))
				continue
			}
			pairs[j].value = ToString(v)
		}
	}
	var b strings.Builder
	for i, pr := range pairs {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(url.QueryEscape(pr.key))
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(pr.value))
	}
	return []byte(b.String()), errors.Join(errs...)
}
