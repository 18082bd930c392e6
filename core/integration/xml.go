package integration

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// ProcessXML turns the XML builder JSON that Pact client libraries send for
// an XML body into the XML document, with the matching rules and generators
// it describes. The builder JSON is
//
//	{"version": "1.0", "charset": "UTF-8", "root": ELEMENT}
//
// where an ELEMENT is {"name": "item", "attributes": {...}, "children":
// [...]}, a child is an ELEMENT, a text node {"content": "text", "matcher":
// {"pact:matcher:type": ...}}, or a matcher around an element:
// {"pact:matcher:type": "type", "value": ELEMENT, "examples": 3} (the element
// is written "examples" times). An attribute value is a string, or an
// integration-JSON matcher object with a "value".
//
// Rule paths join element names with dots: "$.items.item" for an element,
// "$.items.item['@id']" for an attribute, "$.items.item.name.#text" for text.
// The document is written as pact_ffi writes it: an XML declaration
// "<?xml version='1.0'?>", attributes in name order and single-quoted,
// empty elements self-closed.
//
//	doc, rules, _, err := integration.ProcessXML([]byte(`{"root":{"name":"a",
//		"children":[{"content":"hi","matcher":{"pact:matcher:type":"type"}}]}}`))
//	// doc = <?xml version='1.0'?><a>hi</a>; rules = $.a.#text: type
//
// A builder document that is not an object, has no root element, or has a
// child that is neither an element nor a text node gives an error.
func ProcessXML(body []byte) (xml []byte, rules model.PathRules, gens map[string]model.Generator, err error) {
	doc, err := parseNode(body)
	if err != nil {
		return nil, model.PathRules{}, nil, fmt.Errorf("XML builder document: %w", err)
	}
	if doc.kind != nObject {
		return nil, model.PathRules{}, nil, fmt.Errorf("XML builder document must be a JSON object, got %s", doc.kindName())
	}
	root := doc.get("root")
	if root == nil || root.kind != nObject {
		return nil, model.PathRules{}, nil, fmt.Errorf("XML builder document has no root element (a 'root' object)")
	}
	p := newProcessor()
	x := &xmlBuilder{p: p}
	el, err := x.element(root, "$", 0)
	if err != nil {
		return nil, model.PathRules{}, nil, err
	}
	if el.text != nil {
		return nil, model.PathRules{}, nil, fmt.Errorf("XML builder document: the root must be an element, not a text node")
	}
	version := "1.0"
	if v := doc.get("version"); v != nil && v.kind == nString && v.str != "" {
		version = v.str
	}
	var b strings.Builder
	b.WriteString("<?xml version='" + escapeXML(version, true) + "'?>")
	el.write(&b)
	return []byte(b.String()), p.rules, p.gens, nil
}

// xmlNode is an element (name set) or a text node (text set).
type xmlNode struct {
	name     string
	attrs    [][2]string
	children []*xmlNode
	text     *string
	size     int // nodes in the subtree, counting repeats
}

func (n *xmlNode) write(b *strings.Builder) {
	if n.text != nil {
		b.WriteString(escapeXML(*n.text, false))
		return
	}
	b.WriteString("<" + n.name)
	for _, a := range n.attrs {
		b.WriteString(" " + a[0] + "='" + escapeXML(a[1], true) + "'")
	}
	if len(n.children) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteString(">")
	for _, c := range n.children {
		c.write(b)
	}
	b.WriteString("</" + n.name + ">")
}

func escapeXML(s string, attr bool) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	if attr {
		r = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&apos;", `"`, "&quot;")
	}
	return r.Replace(s)
}

// maxExamples bounds the "examples" count of one matcher element.
const maxExamples = 10000

type xmlBuilder struct {
	p *processor
}

// element builds the node for obj, a child of the element at path. It
// returns the node and how many times to repeat it.
func (x *xmlBuilder) element(obj *node, path string, depth int) (*xmlNode, error) {
	if depth > maxDepth {
		return nil, fmt.Errorf("XML builder document is nested too deeply")
	}
	switch {
	case obj.has("pact:matcher:type"):
		v := obj.get("value")
		if v == nil || v.kind != nObject || v.get("name") == nil {
			return nil, fmt.Errorf("%s: an XML matcher needs a 'value' that is an element (an object with a 'name')", path)
		}
		name := v.get("name").text()
		elPath := path + "." + name
		rules, gen, _, err := matchersOf(obj, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", elPath, err)
		}
		for _, r := range rules {
			x.p.addRule(elPath, r)
		}
		if gen != nil {
			x.p.gens[elPath] = *gen
		}
		x.generator(obj, obj, elPath)
		return x.build(name, v, elPath, depth)
	case obj.has("content"):
		text := obj.get("content").text()
		textPath := path + ".#text"
		if m := obj.get("matcher"); m != nil && m.kind == nObject {
			rules, gen, _, err := matchersOf(m, nil)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", textPath, err)
			}
			for _, r := range rules {
				x.p.addRule(textPath, r)
			}
			if gen != nil {
				x.p.gens[textPath] = *gen
			}
			if m.has("pact:generator:type") {
				x.generator(m, m, textPath)
			} else {
				x.generator(obj, m, textPath)
			}
		}
		return &xmlNode{text: &text}, nil
	case obj.has("name"):
		name := obj.get("name").text()
		return x.build(name, obj, path+"."+name, depth)
	}
	return nil, fmt.Errorf("%s: XML child must be an element (with a 'name'), a text node (with 'content') or a matcher (with 'pact:matcher:type')", path)
}

// generator records the pact:generator:type of from, built from the
// attributes of attrs, at path.
func (x *xmlBuilder) generator(from, attrs *node, path string) {
	if g := from.get("pact:generator:type"); g != nil {
		if gen, ok := generatorOf(g.text(), attrs); ok {
			x.p.gens[path] = gen
		}
	}
}

// build makes the element name from the description el (attributes and
// children), whose path is elPath.
func (x *xmlBuilder) build(name string, el *node, elPath string, depth int) (*xmlNode, error) {
	if name == "" {
		return nil, fmt.Errorf("%s: an XML element needs a non-empty 'name'", elPath)
	}
	out := &xmlNode{name: name, size: 1}
	if attrs := el.get("attributes"); attrs != nil && attrs.kind == nObject {
		for i, k := range attrs.keys {
			v := attrs.vals[i]
			value := v.text()
			if v.kind == nObject && v.has("pact:matcher:type") {
				attrPath := elPath + "['@" + k + "']"
				rules, gen, def, err := matchersOf(v, nil)
				if err != nil {
					return nil, fmt.Errorf("%s: %w", attrPath, err)
				}
				for _, r := range rules {
					x.p.addRule(attrPath, r)
				}
				if gen != nil {
					x.p.gens[attrPath] = *gen
				}
				x.generator(v, v, attrPath)
				if ex := v.get("value"); ex != nil {
					value = ex.text()
				} else if def != nil {
					value = def.Value
				} else {
					value = ""
				}
			}
			out.attrs = append(out.attrs, [2]string{k, value})
		}
		sort.SliceStable(out.attrs, func(i, j int) bool { return out.attrs[i][0] < out.attrs[j][0] })
	}
	children := el.get("children")
	if children == nil {
		return out, nil
	}
	if children.kind != nArray {
		return nil, fmt.Errorf("%s: 'children' must be an array, got %s", elPath, children.kindName())
	}
	for i, c := range children.items {
		if c.kind != nObject {
			return nil, fmt.Errorf("%s: child %d must be an object, got %s", elPath, i, c.kindName())
		}
		child, err := x.element(c, elPath, depth+1)
		if err != nil {
			return nil, err
		}
		n := 1
		if ex := c.get("examples"); ex != nil && ex.kind == nNumber {
			v, err := strconv.ParseInt(ex.str, 10, 64)
			if err != nil || v < 0 || v > maxExamples {
				return nil, fmt.Errorf("%s: 'examples' must be a whole number from 0 to %d, got %s", elPath, maxExamples, ex.str)
			}
			n = int(v)
		}
		if child.text != nil {
			n = 1
			child.size = 1
		}
		if out.size += n * child.size; out.size > maxXMLElements {
			return nil, fmt.Errorf("XML builder document would have more than %d nodes", maxXMLElements)
		}
		for range n {
			out.children = append(out.children, child)
		}
	}
	return out, nil
}

// maxXMLElements bounds the size of the generated document, since
// "examples" multiplies.
const maxXMLElements = 1000000
