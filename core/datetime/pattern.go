// Package datetime implements the Java DateTimeFormatter pattern subset that
// Pact date, time and timestamp matchers and generators use (spec-checklist
// §2.6), and the date/time expressions of the Date, Time and DateTime
// generators (§3.3).
//
//	err := datetime.Validate("yyyy-MM-dd", "2023-07-19")        // nil
//	s, _ := datetime.Format("dd MMM yyyy", time.Now())         // "19 Jul 2023"
//	t, _ := datetime.Evaluate("tomorrow @ noon", time.Now())   // tomorrow at 12:00
//
// Patterns are interpreted with the English locale and ISO week rules
// (weeks start on Monday; week 1 holds the first Thursday), which is what the
// reference implementation does. Week-based letters (Y, w, W, e, c) therefore
// follow ISO 8601 rather than a US locale.
package datetime

import (
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
)

// Default patterns.
const (
	// DefaultDate is the default pattern of the date matcher and generator.
	DefaultDate = "yyyy-MM-dd"
	// DefaultTime is the default pattern of the time matcher and generator.
	DefaultTime = "HH:mm:ss"
	// DefaultDateTime is the pattern of the DateTime generator when it has no
	// format: milliseconds and a +hhmm offset, e.g. 2024-05-01T10:00:00.000+1000.
	DefaultDateTime = "yyyy-MM-dd'T'HH:mm:ss.SSSXX"
	// DefaultTimestampMatch is the default pattern of the timestamp matcher.
	DefaultTimestampMatch = "yyyy-MM-dd'T'HH:mm:ssXXX"
)

// Token is one element of a parsed pattern: a pattern letter repeated Count
// times, a run of literal text (Letter 0), or an optional section (Letter '['
// with its contents in Optional).
//
//	toks, _ := datetime.ParsePattern("yyyy-MM-dd['T'HH]")
//	// [{y 4} {"-"} {M 2} {"-"} {d 2} {[ [{"T"} {H 2}]}]
type Token struct {
	Letter   rune
	Count    int
	Text     string
	Optional []Token
}

// String returns the token as it would be written in a pattern.
func (t Token) String() string {
	switch t.Letter {
	case 0:
		return quote(t.Text)
	case '[':
		var b strings.Builder
		b.WriteByte('[')
		for _, o := range t.Optional {
			b.WriteString(o.String())
		}
		b.WriteByte(']')
		return b.String()
	}
	return strings.Repeat(string(t.Letter), t.Count)
}

func quote(s string) string {
	// Letters and reserved characters go inside '...'; a quote is written
	// "''" wherever it is and never opens or closes a quoted run, so an
	// opening or closing "'" is never next to it.
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(s); i++ { // bytes, so that invalid UTF-8 survives
		r := rune(s[i])
		if r == '\'' {
			b.WriteString("''") // a literal quote, inside quoted text or not
			continue
		}
		special := isASCIILetter(r) || r == '[' || r == ']' || r == '{' || r == '}' || r == '#'
		if special != inQuote {
			b.WriteByte('\'')
			inQuote = special
		}
		b.WriteByte(s[i])
	}
	if inQuote {
		b.WriteByte('\'')
	}
	return b.String()
}

// maxCount is the largest repeat count each supported letter allows (as in
// java.time.format.DateTimeFormatterBuilder.appendPattern).
var maxCount = map[rune]int{
	'G': 5, 'y': 19, 'u': 19, 'Y': 19,
	'M': 5, 'L': 5, 'Q': 5, 'q': 5,
	'w': 2, 'W': 1, 'F': 1, 'D': 3, 'd': 2,
	'E': 5, 'e': 5, 'c': 5, 'a': 1,
	'H': 2, 'k': 2, 'K': 2, 'h': 2, 'm': 2, 's': 2,
	'S': 9, 'n': 19, 'A': 19, 'N': 19,
	'x': 5, 'X': 5, 'Z': 5, 'O': 4, 'z': 4, 'V': 2,
}

func isASCIILetter(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') }

// PatternError says why a pattern is not a valid Java DateTimeFormatter
// pattern, and where.
type PatternError struct {
	Pattern string
	Pos     int // byte offset in Pattern
	Msg     string
}

func (e *PatternError) Error() string {
	return fmt.Sprintf("invalid date/time pattern '%s' at position %d: %s", e.Pattern, e.Pos, e.Msg)
}

var (
	cache     sync.Map // pattern string → cached
	cacheSize atomic.Int64
)

// maxCached bounds the pattern cache; pact files hold a handful of patterns,
// so only a fuzzer or a misbehaving client reaches it.
const maxCached = 4096

type cached struct {
	toks []Token
	err  error
}

// ParsePattern parses a Java DateTimeFormatter pattern into tokens. Results
// are cached, so callers may call it for every value they check.
//
//	toks, err := datetime.ParsePattern("HH:mm:ss.SSS")
//
// Unknown letters ("b"), too many letters ("MMMMMM"), an unterminated quote
// or an unbalanced "[" / "]" give a *PatternError naming the position.
func ParsePattern(pattern string) ([]Token, error) {
	if c, ok := cache.Load(pattern); ok {
		c := c.(cached)
		return c.toks, c.err
	}
	toks, err := parsePattern(pattern)
	if len(pattern) <= 256 && cacheSize.Load() < maxCached {
		if _, loaded := cache.LoadOrStore(pattern, cached{toks, err}); !loaded {
			cacheSize.Add(1)
		}
	}
	return toks, err
}

func parsePattern(p string) ([]Token, error) {
	fail := func(pos int, format string, a ...any) ([]Token, error) {
		return nil, &PatternError{Pattern: p, Pos: pos, Msg: fmt.Sprintf(format, a...)}
	}
	var stack [][]Token
	var openAt []int
	var cur []Token
	addText := func(s string) {
		if n := len(cur); n > 0 && cur[n-1].Letter == 0 {
			cur[n-1].Text += s
			return
		}
		cur = append(cur, Token{Text: s})
	}
	for i := 0; i < len(p); {
		c := p[i]
		switch {
		case c == '\'':
			if i+1 < len(p) && p[i+1] == '\'' {
				addText("'")
				i += 2
				continue
			}
			var b strings.Builder
			j := i + 1
			for {
				if j >= len(p) {
					return fail(i, "unterminated quoted text")
				}
				if p[j] == '\'' {
					if j+1 < len(p) && p[j+1] == '\'' {
						b.WriteByte('\'')
						j += 2
						continue
					}
					break
				}
				b.WriteByte(p[j])
				j++
			}
			if b.Len() > 0 {
				addText(b.String())
			}
			i = j + 1
		case isASCIILetter(rune(c)):
			j := i
			for j < len(p) && p[j] == c {
				j++
			}
			n := j - i
			limit, ok := maxCount[rune(c)]
			if !ok {
				return fail(i, "unknown pattern letter '%c'", c)
			}
			if n > limit || (c == 'c' && n == 2) || (c == 'O' && n != 1 && n != 4) || (c == 'V' && n != 2) {
				return fail(i, "invalid number of pattern letters '%s'", p[i:j])
			}
			cur = append(cur, Token{Letter: rune(c), Count: n})
			i = j
		case c == '[':
			stack = append(stack, cur)
			openAt = append(openAt, i)
			cur = nil
			i++
		case c == ']':
			if len(stack) == 0 {
				return fail(i, "']' without a matching '['")
			}
			inner := cur
			cur = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			openAt = openAt[:len(openAt)-1]
			cur = append(cur, Token{Letter: '[', Optional: inner})
			i++
		case c == '{' || c == '}' || c == '#':
			return fail(i, "reserved character '%c'", c)
		default:
			// A literal: copy one UTF-8 sequence.
			j := i + 1
			for j < len(p) && p[j]&0xC0 == 0x80 {
				j++
			}
			addText(p[i:j])
			i = j
		}
	}
	if len(stack) > 0 {
		return fail(openAt[len(openAt)-1], "'[' without a matching ']'")
	}
	return cur, nil
}
