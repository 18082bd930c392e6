package matching

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// xmlElem is one parsed XML element. Names are "namespaceURI:local" when the
// element is in a namespace (prefixes do not matter), else just "local".
type xmlElem struct {
	name     string
	local    string
	attrs    map[string]string
	children []*xmlElem
	text     strings.Builder // direct text and CDATA, each piece trimmed
	nodes    int             // direct child nodes of any kind
}

func qualName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// parseXML parses a document and returns its root element.
func parseXML(data []byte) (*xmlElem, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []*xmlElem
	var root *xmlElem
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			el := &xmlElem{name: qualName(t.Name), local: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
					continue // namespace declarations are not attributes
				}
				el.attrs[qualName(a.Name)] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.children = append(p.children, el)
				p.nodes++
			} else if root == nil {
				root = el
			}
			stack = append(stack, el)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.text.WriteString(strings.TrimSpace(string(t)))
				p.nodes++
			}
		case xml.Comment:
			if len(stack) > 0 {
				stack[len(stack)-1].nodes++
			}
		}
	}
	if root == nil {
		return nil, errors.New("no root element")
	}
	return root, nil
}

type xmlMatcher struct {
	rules           *ruleSet
	allowUnexpected bool
	out             []Mismatch
}

func (m *xmlMatcher) add(path []string, e, a any, msg string) {
	m.out = append(m.out, Mismatch{Type: "BodyMismatch", Path: renderPath(path), Expected: e, Actual: a, Description: msg})
}

// matchXML compares two XML bodies (spec-checklist §5.3).
func matchXML(expected, actual []byte, rules *ruleSet, allowUnexpected bool) []Mismatch {
	e, eerr := parseXML(expected)
	a, aerr := parseXML(actual)
	if eerr != nil || aerr != nil {
		var out []Mismatch
		if eerr != nil {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
				Description: fmt.Sprintf("Failed to parse the expected body: '%v'", eerr)})
		}
		if aerr != nil {
			out = append(out, Mismatch{Type: "BodyMismatch", Path: "$", Expected: string(expected), Actual: string(actual),
				Description: fmt.Sprintf("Failed to parse the actual body: '%v'", aerr)})
		}
		return out
	}
	m := &xmlMatcher{rules: xmlRules(rules), allowUnexpected: allowUnexpected}
	m.compareElement([]string{"$", e.name}, e, a)
	return m.out
}

func (m *xmlMatcher) compareElement(path []string, e, a *xmlElem) {
	var msgs []string
	if m.rules.defined(path) {
		l, cascaded := m.rules.best(path)
		msgs = applyRules(l, func(r model.Rule) error { return matchElement(r, e, a, cascaded) })
	} else if e.name != a.name {
		msgs = []string{fmt.Sprintf("Expected '%s' to be equal to '%s'", e.name, a.name)}
	}
	if len(msgs) > 0 {
		for _, msg := range msgs {
			m.add(path, e.name, a.name, msg)
		}
		return
	}
	m.compareAttributes(path, e, a)
	m.compareChildren(path, e, a)
	m.compareText(path, e, a)
}

// matchElement applies a rule to an element: regex on its local name (or,
// for a leaf element, its text), type/equality on its name, min/max on its
// child count.
func matchElement(r model.Rule, e, a *xmlElem, cascaded bool) error {
	switch r.Kind {
	case model.Regex:
		re, err := compileRegex(r.Regex)
		if err != nil {
			return err
		}
		if re.MatchString(a.local) {
			return nil
		}
		// The V2 and V3 specification testcases put a text regex on the
		// element path of a leaf element; accept the element when its text
		// matches. (The reference matches only the name and rewrote those
		// testcases to use "#text".)
		if len(a.children) == 0 && re.MatchString(strings.TrimSpace(a.text.String())) {
			return nil
		}
		return fmt.Errorf("Expected '%s' to match '%s'", a.name, r.Regex)
	case model.Type:
		if e.name == a.name {
			return nil
		}
		return fmt.Errorf("Expected '%s' to be the same type as '%s'", e.name, a.name)
	case model.MinType, model.MaxType, model.MinMaxType:
		n := len(a.children)
		if !cascaded && r.Kind != model.MaxType && n < r.Min {
			return fmt.Errorf("Expected '%s' to have at least %d children", a.name, r.Min)
		}
		if !cascaded && r.Kind != model.MinType && n > r.Max {
			return fmt.Errorf("Expected '%s' to have at most %d children", a.name, r.Max)
		}
		return nil
	case model.Equality:
		if e.name == a.name {
			return nil
		}
		return fmt.Errorf("Expected '%s' to be equal to '%s'", e.name, a.name)
	case model.NotEmpty:
		if a.nodes == 0 {
			return fmt.Errorf("Expected '%s' to have at least one child", a.name)
		}
		return nil
	case model.Plugin:
		return errPlugin
	}
	return fmt.Errorf("Unable to match <%s/> using %s", a.name, ruleDebug(r))
}

func debugAttrs(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%q: %q", k, m[k])
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

func (m *xmlMatcher) compareAttributes(path []string, e, a *xmlElem) {
	if len(e.attrs) == 0 && len(a.attrs) > 0 && !m.allowUnexpected {
		m.add(path, debugAttrs(e.attrs), debugAttrs(a.attrs), "Did not expect any attributes but received "+debugAttrs(a.attrs))
		return
	}
	if m.allowUnexpected && len(e.attrs) > len(a.attrs) {
		m.add(path, debugAttrs(e.attrs), debugAttrs(a.attrs), fmt.Sprintf("Expected at least %d attribute(s) but received %d attribute(s)", len(e.attrs), len(a.attrs)))
	} else if !m.allowUnexpected && len(e.attrs) != len(a.attrs) {
		m.add(path, debugAttrs(e.attrs), debugAttrs(a.attrs), fmt.Sprintf("Expected %d attribute(s) but received %d attribute(s)", len(e.attrs), len(a.attrs)))
	}
	keys := make([]string, 0, len(e.attrs))
	for k := range e.attrs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := child(path, "@"+k)
		ev := e.attrs[k]
		av, ok := a.attrs[k]
		if !ok {
			m.add(p, k, nil, fmt.Sprintf("Expected attribute '%s'='%s' but was missing", k, ev))
			continue
		}
		m.compareValue(p, ev, av)
	}
}

func (m *xmlMatcher) compareValue(path []string, e, a string) {
	if m.rules.defined(path) {
		l, cascaded := m.rules.best(path)
		for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, e, a, cascaded, false) }) {
			m.add(path, e, a, msg)
		}
		return
	}
	if e != a {
		m.add(path, e, a, fmt.Sprintf("Expected '%s' to be equal to '%s'", a, e))
	}
}

func descChildren(cs []*xmlElem) string {
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func groupByName(cs []*xmlElem) (map[string][]*xmlElem, []string) {
	groups := map[string][]*xmlElem{}
	var names []string
	for _, c := range cs {
		if _, ok := groups[c.name]; !ok {
			names = append(names, c.name)
		}
		groups[c.name] = append(groups[c.name], c)
	}
	sort.Strings(names)
	return groups, names
}

func (m *xmlMatcher) compareChildren(path []string, e, a *xmlElem) {
	if len(e.children) == 0 && len(a.children) > 0 && !m.allowUnexpected {
		m.add(path, descChildren(e.children), descChildren(a.children), fmt.Sprintf("Expected no children but received [%s]", descChildren(a.children)))
		return
	}
	eg, _ := groupByName(e.children)
	ag, anames := groupByName(a.children)
	seen := map[string]bool{}
	for _, name := range anames {
		group := ag[name]
		p := child(path, name)
		expected, ok := eg[name]
		if !ok {
			if !m.allowUnexpected || m.rules.typeDefined(p) {
				m.add(path, descChildren(e.children), descChildren(a.children), fmt.Sprintf("Unexpected child <%s/>", name))
			}
			continue
		}
		seen[name] = true
		if m.rules.typeDefined(p) {
			for _, c := range group {
				m.compareElement(p, expected[0], c)
			}
			continue
		}
		for i := 0; i < max(len(expected), len(group)); i++ {
			switch {
			case i < len(expected) && i < len(group):
				m.compareElement(p, expected[i], group[i])
			case i < len(group):
				if !m.allowUnexpected {
					m.add(p, descChildren(expected), descChildren(a.children), fmt.Sprintf("Unexpected child <%s/>", group[i].name))
				}
			default:
				m.add(p, descChildren(expected), descChildren(a.children), fmt.Sprintf("Expected child <%s/> but was missing", expected[i].name))
			}
		}
	}
	_, enames := groupByName(e.children)
	for _, name := range enames {
		if !seen[name] {
			m.add(path, descChildren(e.children), descChildren(a.children), fmt.Sprintf("Expected child <%s/> but was missing", name))
		}
	}
}

func (m *xmlMatcher) compareText(path []string, e, a *xmlElem) {
	et, at := strings.TrimSpace(e.text.String()), strings.TrimSpace(a.text.String())
	p := child(path, "#text")
	if m.rules.defined(p) {
		l, cascaded := m.rules.best(p)
		for _, msg := range applyRules(l, func(r model.Rule) error { return matchStr(r, et, at, cascaded, false) }) {
			m.add(p, et, at, msg)
		}
		return
	}
	if et != at {
		m.add(p, et, at, fmt.Sprintf("Expected '%s' to be equal to '%s'", at, et))
	}
}

// xmlRules drops "[*]" steps from the rule paths: XML item paths have no index
// steps (repeated children are grouped by name), so "$.animals[*].alligator"
// is written for "$.animals.alligator". The reference rewrote the spec
// testcases that use "[*]" in XML paths instead.
func xmlRules(rs *ruleSet) *ruleSet {
	if rs.empty() {
		return rs
	}
	out := &ruleSet{weighted: rs.weighted, flat: rs.flat}
	for _, e := range rs.entries {
		p := make(model.DocPath, 0, len(e.path))
		for _, t := range e.path {
			if t.Kind != model.TokStarIndex {
				p = append(p, t)
			}
		}
		out.entries = append(out.entries, ruleEntry{path: p, list: e.list})
	}
	return out
}
