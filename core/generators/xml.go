package generators

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// xmlNode is an element, or (when name is empty) a piece of character data,
// comment, processing instruction or directive kept as raw text.
type xmlNode struct {
	name     string // qualified name as written ("ns:item")
	attrs    []xmlAttr
	children []*xmlNode
	raw      string // for non-elements: the serialised text
	text     bool   // raw is character data (already escaped)
}

type xmlAttr struct {
	name, value string
}

func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

func localName(n string) string {
	if i := strings.LastIndexByte(n, ':'); i >= 0 {
		return n[i+1:]
	}
	return n
}

// parseXML reads a document into a prolog (declaration, comments ...) and a
// root element. Names keep their prefixes (RawToken), so writing the tree
// back preserves them.
func parseXML(data []byte) (prolog []*xmlNode, root *xmlNode, epilog []*xmlNode, err error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []*xmlNode
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, nil, err
		}
		var node *xmlNode
		switch t := tok.(type) {
		case xml.StartElement:
			node = &xmlNode{name: qname(t.Name)}
			for _, a := range t.Attr {
				node.attrs = append(node.attrs, xmlAttr{qname(a.Name), a.Value})
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, nil, nil, errors.New("unexpected end element")
			}
			stack = stack[:len(stack)-1]
			continue
		case xml.CharData:
			node = &xmlNode{raw: textEscaper.Replace(string(t)), text: true}
		case xml.Comment:
			node = &xmlNode{raw: "<!--" + string(t) + "-->"}
		case xml.ProcInst:
			node = &xmlNode{raw: "<?" + t.Target + " " + string(t.Inst) + "?>"}
		case xml.Directive:
			node = &xmlNode{raw: "<!" + string(t) + ">"}
		}
		switch {
		case len(stack) > 0:
			parent := stack[len(stack)-1]
			parent.children = append(parent.children, node)
		case node.name != "" && root == nil:
			root = node
		case node.name != "":
			return nil, nil, nil, errors.New("more than one root element")
		case root == nil:
			prolog = append(prolog, node)
		default:
			epilog = append(epilog, node)
		}
		if node.name != "" {
			stack = append(stack, node)
		}
	}
	if root == nil {
		return nil, nil, nil, errors.New("no root element")
	}
	if len(stack) > 0 {
		return nil, nil, nil, fmt.Errorf("element <%s> is not closed", stack[len(stack)-1].name)
	}
	return prolog, root, epilog, nil
}

func writeXML(b *bytes.Buffer, n *xmlNode) {
	if n.name == "" {
		b.WriteString(n.raw)
		return
	}
	b.WriteByte('<')
	b.WriteString(n.name)
	for _, a := range n.attrs {
		b.WriteByte(' ')
		b.WriteString(a.name)
		b.WriteString(`="`)
		var e bytes.Buffer
		_ = xml.EscapeText(&e, []byte(a.value))
		b.WriteString(strings.ReplaceAll(e.String(), `"`, "&quot;"))
		b.WriteByte('"')
	}
	if len(n.children) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteByte('>')
	for _, c := range n.children {
		writeXML(b, c)
	}
	b.WriteString("</")
	b.WriteString(n.name)
	b.WriteByte('>')
}

// textEscaper escapes character data; unlike xml.EscapeText it keeps line
// breaks as they are.
var textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// textOf returns the unescaped text of a character-data node.
func textOf(n *xmlNode) string {
	var v string
	_ = xml.Unmarshal([]byte("<x>"+n.raw+"</x>"), &v)
	return v
}

// setTexts replaces each piece of character data directly inside n with
// gen(its text); an element with no text gets one, appended after its
// children. Whitespace between child elements is left alone.
func setTexts(n *xmlNode, gen func(string) string) {
	var texts []*xmlNode
	hasElements := false
	for _, c := range n.children {
		switch {
		case c.name != "":
			hasElements = true
		case c.text && strings.TrimSpace(textOf(c)) != "":
			texts = append(texts, c)
		}
	}
	if len(texts) == 0 && !hasElements {
		// Only whitespace (or nothing): the element's text is that whitespace.
		for _, c := range n.children {
			if c.text {
				texts = append(texts, c)
			}
		}
	}
	if len(texts) == 0 {
		n.children = append(n.children, &xmlNode{raw: textEscaper.Replace(gen("")), text: true})
		return
	}
	for _, c := range texts {
		c.raw = textEscaper.Replace(gen(textOf(c)))
	}
}

func applyXML(content []byte, gens map[string]model.Generator, mode Mode, ctx Context) ([]byte, error) {
	prolog, root, epilog, err := parseXML(content)
	if err != nil {
		return nil, fmt.Errorf("Failed to parse the body, so not applying any generators: %w", err)
	}
	keys, paths, perr := sortedPaths(gens)
	errs := []error{perr}
	for i, p := range paths {
		g := gens[keys[i]]
		gen := func(old string) string {
			v, _, err := Generate(g, old, mode, ctx)
			if err != nil {
				errs = append(errs, fmt.Errorf("body %s: %w", keys[i], err))
				return old
			}
			return ToString(v)
		}
		if len(p) < 2 || !(p[1].Kind == model.TokStar || (p[1].Kind == model.TokField && p[1].Name == root.name)) {
			continue // the path does not start at this root element
		}
		setXML([]*xmlNode{root}, p[2:], gen)
	}
	var b bytes.Buffer
	for _, n := range prolog {
		writeXML(&b, n)
	}
	writeXML(&b, root)
	for _, n := range epilog {
		writeXML(&b, n)
	}
	return b.Bytes(), errors.Join(errs...)
}

// setXML applies gen at path below each element of nodes: a field step
// selects child elements by qualified name as written ("n:a" and "a" differ),
// an index picks one of them, '*' selects all child elements, '@name' an
// attribute and '#text' each piece of character data (see setTexts). A path
// that ends on an element is taken as its '#text'.
func setXML(nodes []*xmlNode, path model.DocPath, gen func(string) string) {
	if len(path) == 0 {
		for _, n := range nodes {
			setTexts(n, gen)
		}
		return
	}
	tok, rest := path[0], path[1:]
	switch {
	case tok.Kind == model.TokField && strings.HasPrefix(tok.Name, "@"):
		name := tok.Name[1:]
		for _, n := range nodes {
			for i, a := range n.attrs {
				if a.name == name {
					n.attrs[i].value = gen(a.value)
				}
			}
		}
	case tok.Kind == model.TokField && tok.Name == "#text":
		for _, n := range nodes {
			setTexts(n, gen)
		}
	case tok.Kind == model.TokField:
		var sel []*xmlNode
		for _, n := range nodes {
			var group []*xmlNode
			for _, c := range n.children {
				if c.name != "" && c.name == tok.Name {
					group = append(group, c)
				}
			}
			if len(rest) > 0 && rest[0].Kind == model.TokIndex {
				if rest[0].Index < len(group) {
					sel = append(sel, group[rest[0].Index])
				}
				continue
			}
			sel = append(sel, group...)
		}
		if len(rest) > 0 && rest[0].Kind == model.TokIndex {
			rest = rest[1:]
		}
		if len(rest) > 0 && rest[0].Kind == model.TokStarIndex {
			rest = rest[1:]
		}
		if len(sel) > 0 {
			setXML(sel, rest, gen)
		}
	case tok.Kind == model.TokStar:
		var sel []*xmlNode
		for _, n := range nodes {
			for _, c := range n.children {
				if c.name != "" {
					sel = append(sel, c)
				}
			}
		}
		if len(sel) > 0 {
			setXML(sel, rest, gen)
		}
	case tok.Kind == model.TokStarIndex:
		setXML(nodes, rest, gen)
	}
}
