package matching

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/libpact/libpact/core/model"
)

// ruleSet is the rules of one category, ready for lookups by item path.
//
// Item paths are the concrete steps from the root ("$", "items", "0", "id");
// they are kept as string slices while walking a body and rendered to a path
// expression only when a mismatch is reported.
type ruleSet struct {
	weighted bool        // body and metadata: pick by weight × length; others: first match
	flat     bool        // path, status, method: no paths, any rule applies
	entries  []ruleEntry // sorted by key, so "first match" is deterministic
}

type ruleEntry struct {
	key  string // the path or name as written
	path model.DocPath
	list *model.RuleList
}

// byKey orders rule entries by key.
func byKey(a, b ruleEntry) int { return strings.Compare(a.key, b.key) }

// newRuleSet prepares the rules of category c.
//
// A category without rules gives a shared empty set (no allocation: most
// interactions have no rules in most categories). Rule sets are never
// modified after they are made.
func newRuleSet(rules model.MatchingRules, c model.Category) *ruleSet {
	cat := rules.Category(c)
	if cat.Len() == 0 {
		switch c {
		case model.CategoryBody, model.CategoryMetadata:
			return emptyWeighted
		case model.CategoryPath, model.CategoryStatus, model.CategoryMethod:
			return emptyFlat
		}
		return emptyFirst
	}
	rs := &ruleSet{}
	switch c {
	case model.CategoryBody, model.CategoryMetadata:
		rs.weighted = true
	case model.CategoryPath, model.CategoryStatus, model.CategoryMethod:
		rs.flat = true
	}
	for k, l := range cat.All() {
		if len(l.Rules) == 0 {
			continue
		}
		var p model.DocPath
		switch c {
		case model.CategoryHeader:
			p = namePath(strings.ToLower(k))
		case model.CategoryQuery:
			p = namePath(k)
		case model.CategoryPath, model.CategoryStatus, model.CategoryMethod:
			p = nil
		case model.CategoryMetadata:
			// metadata keys are names ("contentType", "kafka topic"), though a
			// path form ("$.destination") is accepted too
			if strings.HasPrefix(k, "$") {
				var err error
				if p, err = model.ParsePath(k); err != nil {
					continue
				}
			} else {
				p = model.DocPath{{Kind: model.TokRoot}, {Kind: model.TokField, Name: k}}
			}
		default:
			var err error
			p, err = model.ParsePath(k)
			if err != nil {
				continue
			}
		}
		rs.entries = append(rs.entries, ruleEntry{key: k, path: p, list: l})
	}
	if !slices.IsSortedFunc(rs.entries, byKey) {
		slices.SortFunc(rs.entries, byKey)
	}
	return rs
}

var (
	emptyWeighted = &ruleSet{weighted: true}
	emptyFlat     = &ruleSet{flat: true}
	emptyFirst    = &ruleSet{}
)

// namePath is the rule path of a header or query parameter name: "$.name",
// or "$.name[1]" for a per-value rule written "name[1]".
func namePath(name string) model.DocPath {
	if m := indexedName.FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[2])
		return model.DocPath{{Kind: model.TokRoot}, {Kind: model.TokField, Name: m[1]}, {Kind: model.TokIndex, Index: n}}
	}
	return model.DocPath{{Kind: model.TokRoot}, {Kind: model.TokField, Name: name}}
}

var indexedName = regexp.MustCompile(`^(.+)\[(\d+)\]$`)

// subRuleSet makes a weighted rule set from explicit entries (eachValue,
// arrayContains variants).
func subRuleSet(rules *model.PathRules) *ruleSet {
	rs := &ruleSet{weighted: true}
	for k, l := range rules.All() {
		p, err := model.ParsePath(k)
		if err != nil {
			continue
		}
		rs.entries = append(rs.entries, ruleEntry{key: k, path: p, list: l})
	}
	if !slices.IsSortedFunc(rs.entries, byKey) {
		slices.SortFunc(rs.entries, byKey)
	}
	return rs
}

func (rs *ruleSet) empty() bool { return rs == nil || len(rs.entries) == 0 }

// defined reports whether some rule applies to the item path, directly or by
// cascade from an ancestor.
func (rs *ruleSet) defined(item []string) bool {
	if rs.empty() {
		return false
	}
	if rs.flat {
		return true
	}
	for i := range rs.entries {
		if rs.entries[i].path.Weight(item) > 0 {
			return true
		}
	}
	return false
}

// best returns the rule list that applies to the item path, and whether it
// reached the item by cascade from an ancestor. Body and metadata rules are
// chosen by the highest weight × rule-path length; header and query rules by
// the first that matches.
func (rs *ruleSet) best(item []string) (*model.RuleList, bool) {
	if rs.empty() {
		return nil, false
	}
	if rs.flat {
		return rs.entries[0].list, false
	}
	var bestList *model.RuleList
	bestScore, bestLen := 0, 0
	for i := range rs.entries {
		e := &rs.entries[i]
		w := e.path.Weight(item)
		if w == 0 {
			continue
		}
		if !rs.weighted {
			return e.list, false
		}
		if score := w * len(e.path); score > bestScore {
			bestScore, bestLen, bestList = score, len(e.path), e.list
		}
	}
	if bestList == nil {
		return nil, false
	}
	return bestList, bestLen != len(item)
}

// exact returns the rule lists whose path matches the item path exactly (same
// length).
func (rs *ruleSet) exact(item []string) []*model.RuleList {
	if rs.empty() || rs.flat {
		return nil
	}
	var out []*model.RuleList
	for i := range rs.entries {
		e := &rs.entries[i]
		if len(e.path) == len(item) && e.path.Weight(item) > 0 {
			out = append(out, e.list)
		}
	}
	return out
}

// directDefined reports whether a rule of one of the kinds sits exactly at the
// item path (any rule when no kinds are given).
func (rs *ruleSet) directDefined(item []string, kinds ...model.RuleKind) bool {
	for _, l := range rs.exact(item) {
		if len(kinds) == 0 && len(l.Rules) > 0 {
			return true
		}
		for _, r := range l.Rules {
			for _, k := range kinds {
				if r.Kind == k {
					return true
				}
			}
		}
	}
	return false
}

// typeDefined reports whether any rule that applies to the item path (directly
// or by cascade) is a type rule.
func (rs *ruleSet) typeDefined(item []string) bool {
	if rs.empty() {
		return false
	}
	for i := range rs.entries {
		e := &rs.entries[i]
		if rs.flat || e.path.Weight(item) > 0 {
			for _, r := range e.list.Rules {
				switch r.Kind {
				case model.Type, model.MinType, model.MaxType, model.MinMaxType:
					return true
				}
			}
		}
	}
	return false
}

// renderPath renders an item path as the reference does: "$", then ".name"
// for identifiers ([_A-Za-z][_A-Za-z0-9]*), "[n]" for indices and all-digit
// keys, and "['other key']" for the rest.
func renderPath(item []string) string {
	var b strings.Builder
	for i, s := range item {
		if i == 0 && s == "$" {
			b.WriteByte('$')
			continue
		}
		b.WriteString(pathSegment(s))
	}
	return b.String()
}

func pathSegment(s string) string {
	if s == "*" {
		return ".*"
	}
	if isDigits(s) {
		if _, err := strconv.Atoi(s); err == nil {
			return "[" + s + "]"
		}
	}
	if isIdent(s) {
		return "." + s
	}
	return "['" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "']"
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'):
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// child returns item + seg in a fresh slice only when the caller needs to keep
// it; walkers use push/pop on a shared stack instead.
func child(item []string, seg string) []string {
	out := make([]string, len(item)+1)
	copy(out, item)
	out[len(item)] = seg
	return out
}

// indexStrings caches the decimal form of indices so that walking a large
// array does not allocate one string per element. The first 4096 are built at
// start-up; the table grows to 1<<16 the first time a longer list is walked.
var (
	indexStrings     = makeIndexStrings(0, 4096)
	bigIndexStrings  []string
	bigIndexStringsO sync.Once
)

func makeIndexStrings(from, to int) []string {
	out := make([]string, to-from)
	for i := range out {
		out[i] = strconv.Itoa(from + i)
	}
	return out
}

func indexString(i int) string {
	if i < len(indexStrings) {
		return indexStrings[i]
	}
	if i < 1<<16 {
		bigIndexStringsO.Do(func() { bigIndexStrings = makeIndexStrings(len(indexStrings), 1<<16) })
		return bigIndexStrings[i-len(indexStrings)]
	}
	return strconv.Itoa(i)
}
