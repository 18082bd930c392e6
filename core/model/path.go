package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// TokenKind is the kind of one step of a DocPath.
type TokenKind int

// The path steps.
const (
	TokRoot      TokenKind = iota // $
	TokField                      // .name or ['name']
	TokIndex                      // [3]
	TokStar                       // .* (any field or index)
	TokStarIndex                  // [*] (any index)
)

// PathToken is one step of a DocPath.
type PathToken struct {
	Kind  TokenKind
	Name  string // TokField
	Index int    // TokIndex
}

// DocPath is a parsed matching-rule path expression, such as
// "$.animals[*].name" or "$['two words'].x". See SYNTAX.md in this directory
// for the grammar.
type DocPath []PathToken

// ParsePath parses a path expression. A path that does not start with "$" is
// taken to start at the root ("a.b" is "$.a.b"), as the reference does.
//
//	p, err := model.ParsePath("$.items[*].id")
//	// p = [$ items [*] id]
//
// A malformed expression ("$.a[", "$['x", "$..a") gives an error that names
// the position.
func ParsePath(s string) (DocPath, error) {
	p := DocPath{{Kind: TokRoot}}
	i := 0
	if strings.HasPrefix(s, "$") {
		i = 1
	} else if s != "" && s[0] != '.' && s[0] != '[' {
		// "a.b" → "$.a.b"
		s = "." + s
	}
	for i < len(s) {
		switch s[i] {
		case '.':
			i++
			if i < len(s) && s[i] == '*' {
				p = append(p, PathToken{Kind: TokStar})
				i++
				continue
			}
			start := i
			for i < len(s) && isIdentChar(rune(s[i])) {
				i++
			}
			// allow non-ASCII identifier characters
			for i < len(s) && s[i] >= 0x80 {
				i++
				for i < len(s) && (isIdentChar(rune(s[i])) || s[i] >= 0x80) {
					i++
				}
			}
			if start == i {
				return nil, fmt.Errorf("path expression %q: expected a field name at position %d", s, start)
			}
			p = append(p, PathToken{Kind: TokField, Name: s[start:i]})
		case '[':
			i++
			if i >= len(s) {
				return nil, fmt.Errorf("path expression %q: unterminated '[' at position %d", s, i-1)
			}
			switch {
			case s[i] == '*':
				if i+1 >= len(s) || s[i+1] != ']' {
					return nil, fmt.Errorf("path expression %q: expected ']' after '*' at position %d", s, i+1)
				}
				p = append(p, PathToken{Kind: TokStarIndex})
				i += 2
			case s[i] == '\'' || s[i] == '"':
				q := s[i]
				i++
				var b strings.Builder
				closed := false
				for i < len(s) {
					if s[i] == '\\' && i+1 < len(s) {
						b.WriteByte(s[i+1])
						i += 2
						continue
					}
					if s[i] == q {
						closed = true
						i++
						break
					}
					b.WriteByte(s[i])
					i++
				}
				if !closed {
					return nil, fmt.Errorf("path expression %q: unterminated quoted name", s)
				}
				if i >= len(s) || s[i] != ']' {
					return nil, fmt.Errorf("path expression %q: expected ']' at position %d", s, i)
				}
				i++
				p = append(p, PathToken{Kind: TokField, Name: b.String()})
			default:
				start := i
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
				if start == i || i >= len(s) || s[i] != ']' {
					return nil, fmt.Errorf("path expression %q: expected an index, '*' or a quoted name at position %d", s, start)
				}
				n, err := strconv.Atoi(s[start:i])
				if err != nil {
					return nil, fmt.Errorf("path expression %q: index %s: %w", s, s[start:i], err)
				}
				p = append(p, PathToken{Kind: TokIndex, Index: n})
				i++
			}
		default:
			return nil, fmt.Errorf("path expression %q: unexpected %q at position %d", s, s[i], i)
		}
	}
	return p, nil
}

// MustParsePath is ParsePath for constant expressions; it panics on error.
func MustParsePath(s string) DocPath {
	p, err := ParsePath(s)
	if err != nil {
		panic(err)
	}
	return p
}

func isIdentChar(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == ':' || r == '#' || r == '@'
}

// String renders the path in canonical form: fields as ".name" when the name
// is made of identifier characters (letters, digits, _ - : # @), else
// "['name']"; numeric field names as "[n]". (FieldSuffix renders a new map
// key the stricter way pact_models does.)
//
//	model.MustParsePath("$['a'].b[*]").String() // "$.a.b[*]"
func (p DocPath) String() string {
	var b strings.Builder
	for _, t := range p {
		switch t.Kind {
		case TokRoot:
			b.WriteByte('$')
		case TokField:
			b.WriteString(pathStep(t.Name))
		case TokIndex:
			b.WriteString("[" + strconv.Itoa(t.Index) + "]")
		case TokStar:
			b.WriteString(".*")
		case TokStarIndex:
			b.WriteString("[*]")
		}
	}
	return b.String()
}

// pathStep renders a field of a parsed path: ".name" when every character
// may appear in a dotted name ("$.a.#text", "$.x-y" stay as written), "[n]"
// for a canonical number, else "['name']".
func pathStep(name string) string {
	if name == "" {
		return "['']"
	}
	digits, ident := true, true
	for _, r := range name {
		if r < '0' || r > '9' {
			digits = false
		}
		if !isIdentChar(r) {
			ident = false
		}
	}
	if digits {
		if n, err := strconv.Atoi(name); err == nil && strconv.Itoa(n) == name {
			return "[" + name + "]"
		}
	}
	if ident {
		return "." + name
	}
	return "['" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(name) + "']"
}

// FieldSuffix renders one map key as a path step, as pact_models writes rule
// paths: ".name" for identifiers ([_A-Za-z][_A-Za-z0-9]*), "[n]" for
// all-digit keys that fit a 64-bit index (written as the number: "01" gives
// "[1]", as the reference writes it), else "['name']" (so "x-y", "c:d" and
// "1abc" are bracketed).
//
//	model.FieldSuffix("a b") // "['a b']"
//	model.FieldSuffix("x-y") // "['x-y']"
func FieldSuffix(name string) string {
	if name == "" {
		return "['']"
	}
	digits, ident := true, true
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < '0' || c > '9' {
			digits = false
		}
		if !(c == '_' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9') {
			ident = false
		}
	}
	if digits {
		if n, err := strconv.ParseUint(name, 10, 64); err == nil {
			return "[" + strconv.FormatUint(n, 10) + "]"
		}
	}
	if ident {
		return "." + name
	}
	return "['" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(name) + "']"
}

// Weight says how well the rule path p matches the concrete item path, given
// as its steps from the root ("$", "items", "0", "id"); 0 means it does not
// match. Per the V2 specification, "$" and an equal name or index weigh 2, a
// wildcard 1, and the weights multiply. A rule path shorter than the item path
// matches it (the rule cascades to descendants); a longer one does not.
//
//	model.MustParsePath("$.items[*].id").Weight([]string{"$", "items", "0", "id"}) // 8
func (p DocPath) Weight(item []string) int {
	if len(p) > len(item) {
		return 0
	}
	w := 1
	for n, t := range p {
		seg := item[n]
		switch t.Kind {
		case TokRoot:
			if seg != "$" {
				return 0
			}
			w *= 2
		case TokField:
			if t.Name != seg {
				return 0
			}
			w *= 2
		case TokIndex:
			if strconv.Itoa(t.Index) != seg {
				return 0
			}
			w *= 2
		case TokStar:
			w *= 1
		case TokStarIndex:
			if !isIndex(seg) {
				return 0
			}
			w *= 1
		}
	}
	return w
}

func isIndex(s string) bool {
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
