package model

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

// RuleKind identifies a matcher.
type RuleKind int

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
//	Include, ContentType:  Value (a string)
//	Date/Time/Timestamp:   Format ("" means the default format)
//	StatusCode:            Status (a string class such as "success", or []int)
//	ArrayContains:         Variants
//	EachKey/EachValue:     Rules, Value (example), Generator
//	Plugin:                Name, Attrs
type Rule struct {
	Kind      RuleKind
	Name      string // the "match" name of a Plugin rule
	Regex     string
	Min, Max  int
	Format    string
	Value     any
	Status    any
	Variants  []Variant
	Rules     []Rule
	Generator *Generator
	Attrs     map[string]any
}

// Variant is one alternative of an arrayContains rule: the index of the
// expected item it describes, and the rules and generators rooted at that
// item ("$").
type Variant struct {
	Index      int
	Rules      map[string]*RuleList
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

// MatchingRules holds the rules of one interaction part by category, then by
// path. Body and metadata paths are path expressions ("$.a[*].b"); header and
// query keys are names; the path, method and status categories use the key "".
//
//	rules := model.MatchingRules{}
//	rules.Add(model.CategoryBody, "$.id", model.Rule{Kind: model.Integer})
type MatchingRules map[Category]map[string]*RuleList

// Add appends rule to the list at category and path, creating both as needed.
func (m MatchingRules) Add(c Category, path string, rule Rule) {
	cat := m[c]
	if cat == nil {
		cat = map[string]*RuleList{}
		m[c] = cat
	}
	l := cat[path]
	if l == nil {
		l = &RuleList{}
		cat[path] = l
	}
	l.Rules = append(l.Rules, rule)
}

// Get returns the rule list at category and path, or nil.
func (m MatchingRules) Get(c Category, path string) *RuleList {
	if m == nil {
		return nil
	}
	return m[c][path]
}

// IsEmpty reports whether there are no rules in any category.
func (m MatchingRules) IsEmpty() bool {
	for _, c := range m {
		for _, l := range c {
			if len(l.Rules) > 0 {
				return false
			}
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
