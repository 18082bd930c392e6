package integration

import (
	"fmt"
	"strings"

	"github.com/libpact/libpact/core/model"
)

// ProcessForm turns a JSON object in the integration format (see
// ProcessJSON) into an application/x-www-form-urlencoded body, with the
// matching rules and generators it describes at "$.name" paths.
//
// Each key becomes a parameter. Strings, numbers and booleans are written as
// text; an array of them repeats the key (rules on the array apply at
// "$.name", on one item at "$.name[i]"); null is left out, along with any
// rules on it. Names and values are encoded as pact_ffi encodes them:
// letters, digits and "*-._" as is, space as "+", other bytes as %XX.
//
//	form, rules, _, err := integration.ProcessForm([]byte(
//		`{"id":{"pact:matcher:type":"integer","value":1},"tag":["a b","c"]}`))
//	// form = "id=1&tag=a+b&tag=c"; rules = $.id: integer
//
// A form cannot hold nested structure: an object value, or an array holding
// an object or an array, gives an error, as does a body that is not a JSON
// object.
func ProcessForm(body []byte) (form []byte, rules model.PathRules, gens map[string]model.Generator, err error) {
	root, err := parseNode(body)
	if err != nil {
		return nil, model.PathRules{}, nil, err
	}
	if root.kind != nObject {
		return nil, model.PathRules{}, nil, fmt.Errorf("form body must be a JSON object, got %s", root.kindName())
	}
	p := newProcessor()
	out, err := p.value(root, "$")
	if err != nil {
		return nil, model.PathRules{}, nil, err
	}
	if out.kind != nObject {
		return nil, model.PathRules{}, nil, fmt.Errorf("form body must be a JSON object, got %s", out.kindName())
	}
	var params []string
	for i, k := range out.keys {
		v := out.vals[i]
		path := "$" + model.FieldSuffix(k)
		switch v.kind {
		case nNull:
			p.drop(path)
		case nObject:
			return nil, model.PathRules{}, nil, fmt.Errorf("form body: the value of '%s' is an object; form values must be strings, numbers or booleans, or arrays of them", k)
		case nArray:
			for j, item := range v.items {
				switch item.kind {
				case nNull:
					p.drop(fmt.Sprintf("%s[%d]", path, j))
				case nObject, nArray:
					return nil, model.PathRules{}, nil, fmt.Errorf("form body: item %d of '%s' is %s; form values must be strings, numbers or booleans, or arrays of them", j, k, item.kindName())
				default:
					params = append(params, formEscape(k)+"="+formEscape(item.text()))
				}
			}
		default:
			params = append(params, formEscape(k)+"="+formEscape(v.text()))
		}
	}
	return []byte(strings.Join(params, "&")), p.rules, p.gens, nil
}

// drop removes the rules and generators at path and below it.
func (p *processor) drop(path string) {
	under := func(k string) bool {
		return k == path || strings.HasPrefix(k, path+".") || strings.HasPrefix(k, path+"[")
	}
	p.rules.DeleteFunc(under)
	for k := range p.gens {
		if under(k) {
			delete(p.gens, k)
		}
	}
}

// formEscape encodes s as application/x-www-form-urlencoded does.
func formEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '*', c == '-', c == '.', c == '_':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
