package model

import (
	"iter"
	"slices"
	"strings"
)

// Category is a part of an interaction that matching rules and generators
// apply to.
type Category string

// The categories. Message contents use Body ("content" in V4 files is read as
// Body).
const (
	CategoryMethod   Category = "method"
	CategoryPath     Category = "path"
	CategoryQuery    Category = "query"
	CategoryHeader   Category = "header"
	CategoryBody     Category = "body"
	CategoryStatus   Category = "status"
	CategoryMetadata Category = "metadata"
)

// RuleKind identifies a matcher. It is one byte, so that a Rule stays small.
type RuleKind uint8

// The matchers of spec-checklist §2.1. MinType, MaxType and MinMaxType are
// written as {"match":"type","min":..,"max":..}; Plugin carries any other
// "match" name in Rule.Name with its attributes in Rule.Attrs.
const (
	Equality RuleKind = iota
	Regex
	Type
	MinType
	MaxType
	MinMaxType
	Include
	Integer
	Decimal
	Number
	Null
	Boolean
	Date
	Time
	Timestamp
	ContentType
	Values
	ArrayContains
	StatusCode
	NotEmpty
	Semver
	EachKey
	EachValue
	Plugin
)

// Rule is one matcher with its attributes. Only the attributes of its Kind are
// meaningful:
//
//	Regex:                 Regex
//	MinType/MaxType/MinMax Min, Max
//	Date/Time/Timestamp:   Format ("" means the default format)
//	Include, ContentType:  Value() (a string)
//	StatusCode:            Status() (a string class such as "success", or []int)
//	ArrayContains:         Variants()
//	EachKey/EachValue:     Rules(), Value() (example), Generator()
//	Plugin:                Name(), Attrs()
//
// The attributes of the common matchers are fields; the rarer ones live in a
// separate block read with methods and set with the With methods, which
// return a changed copy and never change a block another Rule may share, so
// copying a Rule stays as safe as copying its fields:
//
//	r := model.Rule{Kind: model.Include}.WithValue("abc")
//	r.Value() // "abc"
//
// A Rule is 64 bytes (TestRuleSize).
type Rule struct {
	Kind     RuleKind
	Min, Max int
	Regex    string
	Format   string
	rare     *rareAttrs // nil when every rare attribute is zero; never changed once set
}

// rareAttrs holds the attributes of the less common matchers (see Rule).
type rareAttrs struct {
	name      string // the "match" name of a Plugin rule
	value     any
	status    any
	variants  []Variant
	rules     []Rule
	generator *Generator
	attrs     map[string]any
}

// Name returns the "match" name of a Plugin rule, or "".
//
//	model.Rule{Kind: model.Plugin}.WithName("protobuf").Name() // "protobuf"
func (r Rule) Name() string {
	if r.rare == nil {
		return ""
	}
	return r.rare.name
}

// Value returns the value of an Include or ContentType rule (a string) or
// the example of an EachKey/EachValue rule, or nil.
//
//	model.Rule{Kind: model.Include}.WithValue("abc").Value() // "abc"
func (r Rule) Value() any {
	if r.rare == nil {
		return nil
	}
	return r.rare.value
}

// Status returns the status of a StatusCode rule: a class name such as
// "success", []int of codes, or nil.
//
//	model.Rule{Kind: model.StatusCode}.WithStatus([]int{200, 204}).Status() // []int{200, 204}
func (r Rule) Status() any {
	if r.rare == nil {
		return nil
	}
	return r.rare.status
}

// Variants returns the variants of an ArrayContains rule, or nil.
//
//	model.Rule{Kind: model.ArrayContains}.WithVariants([]model.Variant{{Index: 0}}).Variants()
func (r Rule) Variants() []Variant {
	if r.rare == nil {
		return nil
	}
	return r.rare.variants
}

// Rules returns the rules an EachKey/EachValue rule applies, or nil.
//
//	model.Rule{Kind: model.EachKey}.WithRules([]model.Rule{{Kind: model.Regex, Regex: "^[a-z]+$"}}).Rules()
func (r Rule) Rules() []Rule {
	if r.rare == nil {
		return nil
	}
	return r.rare.rules
}

// Generator returns the generator of an EachKey/EachValue rule, or nil.
//
//	model.Rule{Kind: model.EachValue}.WithGenerator(&model.Generator{Type: "Uuid"}).Generator()
func (r Rule) Generator() *Generator {
	if r.rare == nil {
		return nil
	}
	return r.rare.generator
}

// Attrs returns the attributes of a Plugin rule (every key of its JSON
// object but "match"), or nil.
//
//	model.Rule{Kind: model.Plugin}.WithAttrs(map[string]any{"x": 1.0}).Attrs() // {"x": 1}
func (r Rule) Attrs() map[string]any {
	if r.rare == nil {
		return nil
	}
	return r.rare.attrs
}

// withRare returns a copy of r whose rare attributes are a fresh copy of
// r's changed by set: r and any other Rule sharing its block are unchanged.
// A block left with every attribute zero is dropped, so that rules equal
// attribute by attribute are equal for reflect.DeepEqual.
func (r Rule) withRare(set func(*rareAttrs)) Rule {
	var a rareAttrs
	if r.rare != nil {
		a = *r.rare
	}
	set(&a)
	if a.name == "" && a.value == nil && a.status == nil && a.variants == nil &&
		a.rules == nil && a.generator == nil && a.attrs == nil {
		r.rare = nil
	} else {
		r.rare = &a
	}
	return r
}

// WithName returns a copy of r with the Plugin "match" name set.
//
//	r := model.Rule{Kind: model.Plugin}.WithName("protobuf")
func (r Rule) WithName(name string) Rule {
	return r.withRare(func(a *rareAttrs) { a.name = name })
}

// WithValue returns a copy of r with the value (Include, ContentType) or
// example (EachKey, EachValue) set.
//
//	r := model.Rule{Kind: model.Include}.WithValue("abc")
func (r Rule) WithValue(v any) Rule {
	return r.withRare(func(a *rareAttrs) { a.value = v })
}

// WithStatus returns a copy of r with the StatusCode status set: a class
// name or []int.
//
//	r := model.Rule{Kind: model.StatusCode}.WithStatus("success")
func (r Rule) WithStatus(s any) Rule {
	return r.withRare(func(a *rareAttrs) { a.status = s })
}

// WithVariants returns a copy of r with the ArrayContains variants set (the
// slice is kept, not copied).
//
//	r := model.Rule{Kind: model.ArrayContains}.WithVariants([]model.Variant{{Index: 0}})
func (r Rule) WithVariants(vs []Variant) Rule {
	return r.withRare(func(a *rareAttrs) { a.variants = vs })
}

// WithRules returns a copy of r with the EachKey/EachValue rules set (the
// slice is kept, not copied).
//
//	r := model.Rule{Kind: model.EachKey}.WithRules([]model.Rule{{Kind: model.Regex, Regex: "^[a-z]+$"}})
func (r Rule) WithRules(rs []Rule) Rule {
	return r.withRare(func(a *rareAttrs) { a.rules = rs })
}

// WithGenerator returns a copy of r with the EachKey/EachValue generator set.
//
//	r := model.Rule{Kind: model.EachValue}.WithGenerator(&model.Generator{Type: "Uuid"})
func (r Rule) WithGenerator(g *Generator) Rule {
	return r.withRare(func(a *rareAttrs) { a.generator = g })
}

// WithAttrs returns a copy of r with the Plugin attributes set (the map is
// kept, not copied).
//
//	r := model.Rule{Kind: model.Plugin}.WithName("protobuf").WithAttrs(map[string]any{"x": 1.0})
func (r Rule) WithAttrs(m map[string]any) Rule {
	return r.withRare(func(a *rareAttrs) { a.attrs = m })
}

// Variant is one alternative of an arrayContains rule: the index of the
// expected item it describes, and the rules and generators rooted at that
// item ("$").
type Variant struct {
	Index      int
	Rules      PathRules
	Generators map[string]Generator
}

// Combine says how the rules of a RuleList combine.
type Combine int

// The ways of combining rules.
const (
	And Combine = iota
	Or
)

// String returns "AND" or "OR".
func (c Combine) String() string {
	if c == Or {
		return "OR"
	}
	return "AND"
}

// RuleList is the list of rules at one path, combined with AND or OR.
type RuleList struct {
	Rules   []Rule
	Combine Combine
}

// PathRule is the rule list at one path of a category.
//
//	model.PathRule{Path: "$.id", RuleList: model.RuleList{Rules: []model.Rule{{Kind: model.Integer}}}}
type PathRule struct {
	Path string
	RuleList
}

// PathRules holds the rule lists of one category (or of an arrayContains
// variant) by path, in the order the paths were first added. Small sets are
// searched linearly; from indexFrom paths on, Add and Set keep an index by
// path, so that a body with thousands of rule paths costs no more than a
// map. The zero value is an empty set ready to use. A copy shares its lists
// with the original (a change to a list shows in both, a path added to one
// does not): use Clone for a set of its own.
//
//	var p model.PathRules
//	p.Add("$.id", model.Rule{Kind: model.Integer})
//	p.Get("$.id").Rules[0].Kind // model.Integer
type PathRules struct {
	list  []PathRule
	index map[string]int32 // path → position in list; nil below indexFrom paths
}

// PathRulesOf returns a set of the given lists, in their order (a path given
// twice keeps its last list).
//
//	p := model.PathRulesOf(model.PathRule{Path: "$", RuleList: model.RuleList{Rules: []model.Rule{{Kind: model.Type}}}})
func PathRulesOf(lists ...PathRule) PathRules {
	var p PathRules
	for _, l := range lists {
		p.Set(l.Path, l.RuleList)
	}
	return p
}

// indexFrom is the number of paths from which a PathRules keeps an index.
const indexFrom = 12

// Len returns the number of paths (0 for a nil *PathRules, as
// MatchingRules.Category returns for a category without rules).
func (p *PathRules) Len() int {
	if p == nil {
		return 0
	}
	return len(p.list)
}

// find returns the position of path in the list, or -1.
func (p *PathRules) find(path string) int {
	if p.index != nil {
		if n, ok := p.index[path]; ok && int(n) < len(p.list) && p.list[n].Path == path {
			return int(n)
		}
		if len(p.index) == len(p.list) {
			return -1
		}
		// The index is shared with a copy that added paths (see
		// PathRules): search.
	}
	for n := range p.list {
		if p.list[n].Path == path {
			return n
		}
	}
	return -1
}

// Get returns the rule list at path, or nil. The list is the one the set
// holds (changes to it change the set) until the next path is added.
//
//	if l := p.Get("$.id"); l != nil && len(l.Rules) > 0 { ... }
func (p *PathRules) Get(path string) *RuleList {
	if p == nil {
		return nil
	}
	if n := p.find(path); n >= 0 {
		return &p.list[n].RuleList
	}
	return nil
}

// Add appends rule to the list at path, adding the path as needed.
//
//	p.Add("$.tags", model.Rule{Kind: model.MinType, Min: 1})
func (p *PathRules) Add(path string, rule Rule) {
	l := p.list0(path)
	l.Rules = append(l.Rules, rule)
}

// Set replaces the list at path with l, adding the path as needed.
//
//	p.Set("$.n", model.RuleList{Rules: rules, Combine: model.Or})
func (p *PathRules) Set(path string, l RuleList) {
	*p.list0(path) = l
}

// list0 returns the list at path, adding an empty one at the end if there is
// none. A new list usually comes with room for one rule (see grow), so that
// Add's first rule at a path costs no allocation.
func (p *PathRules) list0(path string) *RuleList {
	if n := p.find(path); n >= 0 {
		return &p.list[n].RuleList
	}
	if len(p.list) == cap(p.list) {
		p.grow()
	}
	p.list = p.list[:len(p.list)+1]
	e := &p.list[len(p.list)-1]
	e.Path = path // Rules is the empty one-rule slot grow left, or nil
	switch n := len(p.list); {
	case n > indexFrom:
		p.index[path] = int32(n - 1)
	case n == indexFrom:
		p.buildIndex()
	}
	return &e.RuleList
}

// Grow makes room for n more paths, each with room for one rule, so that
// adding them (with a rule each) allocates once instead of a few times: for
// a caller that knows about how many paths it will add.
//
//	var p model.PathRules
//	p.Grow(4) // one block: four paths, four rules
func (p *PathRules) Grow(n int) {
	if n > cap(p.list)-len(p.list) {
		p.growTo(len(p.list) + n)
	}
}

// grow makes room for more paths: one for the first path, four from the
// second (a body has a few rule paths more often than two), then twice as
// many.
func (p *PathRules) grow() {
	switch n := len(p.list); {
	case n == 0:
		p.growTo(1)
	case n < 4:
		p.growTo(4)
	default:
		p.growTo(2 * n)
	}
}

// growTo moves the paths to a list of capacity c. Each new slot past the
// paths comes with an empty list of capacity one, carved from a block
// allocated with the paths when the sizes are the usual ones: most paths
// have one rule, and a one-rule list then costs no allocation of its own. A
// carved list belongs to its slot alone; its capacity ends where the next
// one begins, so a second rule reallocates instead of overwriting a
// neighbour.
func (p *PathRules) growTo(c int) {
	n := len(p.list)
	var list []PathRule
	var rules []Rule
	// One block for the paths and their first rules where it is common: a
	// single path (a query parameter, the path or status), and the four that
	// a second path grows a list to. Elsewhere two slices.
	switch free := c - n; {
	case c == 1 && free == 1:
		b := new(struct {
			paths [1]PathRule
			rules [1]Rule
		})
		list, rules = b.paths[:], b.rules[:]
	case c == 4:
		b := new(struct {
			paths [4]PathRule
			rules [4]Rule
		})
		list, rules = b.paths[:], b.rules[4-free:]
	default:
		list, rules = make([]PathRule, c), make([]Rule, free)
	}
	copy(list, p.list)
	for k := range rules {
		list[n+k].Rules = rules[k : k : k+1]
	}
	p.list = list[:n]
}

func (p *PathRules) buildIndex() {
	p.index = make(map[string]int32, 2*len(p.list))
	for n := range p.list {
		p.index[p.list[n].Path] = int32(n)
	}
}

// DeleteFunc removes the paths for which del returns true.
//
//	p.DeleteFunc(func(path string) bool { return strings.HasPrefix(path, "$.tmp") })
func (p *PathRules) DeleteFunc(del func(path string) bool) {
	if p == nil {
		return
	}
	n := len(p.list)
	p.list = slices.DeleteFunc(p.list, func(e PathRule) bool { return del(e.Path) })
	if len(p.list) == n {
		return
	}
	p.index = nil
	if len(p.list) >= indexFrom {
		p.buildIndex()
	}
}

// All yields each path with its list, in the order the paths were added.
//
//	for path, l := range p.All() { fmt.Println(path, len(l.Rules)) }
func (p *PathRules) All() iter.Seq2[string, *RuleList] {
	return func(yield func(string, *RuleList) bool) {
		if p == nil {
			return
		}
		for n := range p.list {
			if !yield(p.list[n].Path, &p.list[n].RuleList) {
				return
			}
		}
	}
}

// IsEmpty reports whether no path has a rule.
//
//	var p model.PathRules
//	p.IsEmpty() // true
func (p *PathRules) IsEmpty() bool {
	if p == nil {
		return true
	}
	for n := range p.list {
		if len(p.list[n].Rules) > 0 {
			return false
		}
	}
	return true
}

// Sort orders the paths by name, unless they are in order already.
//
//	p.Sort() // "$.a" before "$.b", whatever the order they were added in
func (p *PathRules) Sort() {
	byPath := func(a, b PathRule) int { return strings.Compare(a.Path, b.Path) }
	if slices.IsSortedFunc(p.list, byPath) {
		return
	}
	slices.SortFunc(p.list, byPath)
	if p.index != nil {
		p.buildIndex()
	}
}

// CategoryRules is the rules of one category, an element of MatchingRules.
//
//	for _, c := range rules { fmt.Println(c.Category, c.Paths.Len()) }
type CategoryRules struct {
	Category Category
	Paths    PathRules
}

// MatchingRules holds the rules of one interaction part by category, then by
// path, each in the order first added. Body and metadata paths are path
// expressions ("$.a[*].b"); header and query keys are names; the path, method
// and status categories use the key "". A nil MatchingRules holds no rules.
// Add and Set take a pointer, so pass a *MatchingRules to code that adds; a
// copy shares its lists with the original as a PathRules does.
//
//	var rules model.MatchingRules
//	rules.Add(model.CategoryBody, "$.id", model.Rule{Kind: model.Integer})
//	for _, c := range rules { fmt.Println(c.Category, c.Paths.Len()) } // body 1
type MatchingRules []CategoryRules

// Category returns the rules of category c, or nil if it has none. Like Get's
// lists it is shared with m until the next category is added.
//
//	for path, l := range rules.Category(model.CategoryBody).All() { ... }
func (m MatchingRules) Category(c Category) *PathRules {
	for n := range m {
		if m[n].Category == c {
			return &m[n].Paths
		}
	}
	return nil
}

// category returns the rules of category c, adding the category as needed.
// The first category comes in one block with room for its first path and
// that path's first rule (a query parameter's or a path's rules, say), as
// PathRules.grow would make them.
func (m *MatchingRules) category(c Category) *PathRules {
	if p := m.Category(c); p != nil {
		return p
	}
	if cap(*m) == 0 {
		b := new(struct {
			cats  [1]CategoryRules
			paths [1]PathRule
			rules [1]Rule
		})
		b.paths[0].Rules = b.rules[:0:1]
		b.cats[0] = CategoryRules{Category: c, Paths: PathRules{list: b.paths[:0:1]}}
		*m = b.cats[:]
		return &(*m)[0].Paths
	}
	*m = append(*m, CategoryRules{Category: c})
	return &(*m)[len(*m)-1].Paths
}

// Add appends rule to the list at category and path, creating both as needed.
//
//	rules.Add(model.CategoryQuery, "fields", model.Rule{Kind: model.Regex, Regex: "^[a-z,]+$"})
func (m *MatchingRules) Add(c Category, path string, rule Rule) {
	m.category(c).Add(path, rule)
}

// Set replaces the list at category and path with l, creating both as
// needed.
//
//	rules.Set(model.CategoryBody, "$.n", model.RuleList{Rules: rs, Combine: model.Or})
func (m *MatchingRules) Set(c Category, path string, l RuleList) {
	m.category(c).Set(path, l)
}

// Get returns the rule list at category and path, or nil. The list is the one
// m holds until the next path is added.
//
//	l := rules.Get(model.CategoryBody, "$.id")
func (m MatchingRules) Get(c Category, path string) *RuleList {
	return m.Category(c).Get(path)
}

// Sort orders the categories by name and the paths of each by name.
//
//	rules.Sort() // body before query; "$.a" before "$.b"
func (m MatchingRules) Sort() {
	slices.SortFunc(m, func(a, b CategoryRules) int { return strings.Compare(string(a.Category), string(b.Category)) })
	for n := range m {
		m[n].Paths.Sort()
	}
}

// IsEmpty reports whether there are no rules in any category.
//
//	model.MatchingRules{}.IsEmpty() // true
func (m MatchingRules) IsEmpty() bool {
	for n := range m {
		if !m[n].Paths.IsEmpty() {
			return false
		}
	}
	return true
}

// Generator is one value generator (spec-checklist §3). Type is the name as
// written in a pact file ("RandomInt", "ProviderState", ...); Attrs holds its
// attributes exactly as read ("min", "max", "digits", "format", ...), so that
// unknown generators round-trip unchanged.
//
//	g := model.Generator{Type: "RandomInt", Attrs: map[string]any{"min": 1, "max": 9}}
type Generator struct {
	Type  string
	Attrs map[string]any
}

// Generators holds the generators of one interaction part by category, then
// by path, with the same keys as MatchingRules.
type Generators map[Category]map[string]Generator

// Add sets the generator at category and path.
func (g Generators) Add(c Category, path string, gen Generator) {
	cat := g[c]
	if cat == nil {
		cat = map[string]Generator{}
		g[c] = cat
	}
	cat[path] = gen
}

// IsEmpty reports whether there are no generators in any category.
func (g Generators) IsEmpty() bool {
	for _, c := range g {
		if len(c) > 0 {
			return false
		}
	}
	return true
}
