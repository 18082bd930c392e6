package mockserver

import (
	"slices"
	"strings"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
)

// table finds the interactions worth matching a request against. Matching is
// the costly part of serving a request, so rather than fully matching every
// interaction (§7 M3), the server first looks the request's method and path
// up: the interactions with exactly that method and path, plus those whose
// method or path has a matching rule, are the candidates. Only when the
// lookup finds nothing is every interaction matched, which gives the same
// answer as the reference (the best candidate then has a method or path
// mismatch, so the request is unexpected) and a full mismatch list.
//
// One deliberate difference: when some interaction has the request's method
// and path, an interaction with another method or path is never chosen, even
// if the reference's score would prefer it. The reference would then call
// the request unexpected; this server reports the mismatches against the
// interaction for that endpoint, which says more.
type table struct {
	byMethodPath map[string]map[string][]int // upper-case method → path → candidates, in order
	all          []int                       // every interaction, in order
	base         []int                       // per interaction: the score of a full match
}

// newTable indexes the interactions.
func newTable(is []*model.Interaction) *table {
	t := &table{
		byMethodPath: map[string]map[string][]int{},
		all:          make([]int, len(is)),
		base:         make([]int, len(is)),
	}
	var ruled []int
	for n, i := range is {
		t.all[n] = n
		t.base[n] = baseScore(&i.Request)
		if hasRules(i.Request.MatchingRules, model.CategoryMethod) || hasRules(i.Request.MatchingRules, model.CategoryPath) {
			ruled = append(ruled, n)
		}
	}
	for n, i := range is {
		m := strings.ToUpper(i.Request.Method)
		paths := t.byMethodPath[m]
		if paths == nil {
			paths = map[string][]int{}
			t.byMethodPath[m] = paths
		}
		paths[i.Request.Path] = append(paths[i.Request.Path], n)
	}
	for _, paths := range t.byMethodPath {
		for p, c := range paths {
			if len(ruled) > 0 {
				merged := append(append([]int(nil), c...), ruled...)
				slices.Sort(merged)
				paths[p] = slices.Compact(merged)
			}
		}
	}
	return t
}

func hasRules(rules model.MatchingRules, c model.Category) bool {
	return !rules.Category(c).IsEmpty()
}

// candidates returns the interactions to match the request against.
func (t *table) candidates(r *model.Request) []int {
	paths := t.byMethodPath[r.Method]
	if paths == nil {
		paths = t.byMethodPath[strings.ToUpper(r.Method)]
	}
	if c, ok := paths[r.Path]; ok {
		return c
	}
	return t.all
}

// baseScore is the score of a request that matches every part of the
// expected one: one point each for the method, the path, every query
// parameter, every header, and the body.
func baseScore(r *model.Request) int {
	n := 2 + len(r.Query) + len(r.Headers)
	if r.Body.State != model.BodyMissing {
		n++
	}
	return n
}

// score ranks a candidate as the reference does (RequestMatchResult::score):
// each part that matched adds one, each that did not subtracts one. The
// mismatches are grouped by the part they concern (their type and path).
func score(base int, ms []matching.Mismatch) int {
	if len(ms) == 0 {
		return base
	}
	parts := 0
	for n, m := range ms {
		dup := false
		for _, o := range ms[:n] {
			if o.Type == m.Type && o.Path == m.Path {
				dup = true
				break
			}
		}
		if !dup {
			parts++
		}
	}
	return base - 2*parts
}

// isMethodOrPath reports whether a mismatch is about the method or the path,
// which makes a request unexpected rather than mismatched.
func isMethodOrPath(ms []matching.Mismatch) bool {
	for _, m := range ms {
		if m.Type == "MethodMismatch" || m.Type == "PathMismatch" {
			return true
		}
	}
	return false
}

// match matches a received request against the interactions and returns the
// result for the best candidate (§7 M3). A candidate that matches fully always
// wins (the reference could let a partly matching interaction with more
// parts outscore it); among the others, the first with the highest score wins.
// When several candidates match fully with the same score, all of them are
// kept in the result (ties) so that record can serve them in turn.
func (s *Server) match(actual *model.Request) Result {
	best, bestScore, full := -1, 0, false
	var bestMismatches []matching.Mismatch
	var ties []int
	for _, c := range s.table.candidates(actual) {
		ms := matching.MatchRequest(&s.interactions[c].Request, actual)
		sc := score(s.table.base[c], ms)
		switch {
		case len(ms) == 0 && full && sc == bestScore:
			if ties == nil {
				ties = []int{best}
			}
			ties = append(ties, c)
		case len(ms) == 0 && (!full || sc > bestScore):
			best, bestScore, bestMismatches, full, ties = c, sc, nil, true, nil
		case !full && (best < 0 || sc > bestScore):
			best, bestScore, bestMismatches = c, sc, ms
		}
	}
	if best < 0 || isMethodOrPath(bestMismatches) {
		return Result{Kind: NotFound, index: -1, Method: actual.Method, Path: actual.Path, Request: actual}
	}
	i := s.interactions[best]
	if full {
		return Result{Kind: Matched, index: best, ties: ties, Method: actual.Method, Path: actual.Path, Interaction: i, Request: actual}
	}
	return Result{Kind: Mismatch, index: best, Method: i.Request.Method, Path: i.Request.Path,
		Interaction: i, Request: actual, Mismatches: bestMismatches}
}
