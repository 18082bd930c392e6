package integration

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of one token of a matching-rule definition expression.
type tokKind int

const (
	tEOF tokKind = iota
	tIdent
	tString
	tInt     // -?[0-9]+
	tDecimal // -?[0-9]+\.[0-9]+
	tBool
	tNull
	tLParen
	tRParen
	tComma
	tDollar
	tInvalid
)

// token is one lexed token. Text is the source text; for tString, Value holds
// the decoded contents.
type token struct {
	Kind  tokKind
	Pos   int // byte offset in the expression
	Text  string
	Value string
	Err   error // tInvalid, or a tString with a bad escape
}

// describe renders the token for an error message.
func (t token) describe() string {
	if t.Kind == tEOF {
		return "the end of the expression"
	}
	if strings.HasPrefix(t.Text, "'") {
		return t.Text // a string shows its own quotes
	}
	return "'" + t.Text + "'"
}

// lexer splits an expression into tokens. Whitespace (space, tab, newline,
// form feed, carriage return) separates tokens and is otherwise ignored.
type lexer struct {
	src string
	pos int
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case ' ', '\t', '\n', '\f', '\r':
			l.pos++
		default:
			return
		}
	}
}

// peek returns the next token without consuming it.
func (l *lexer) peek() token {
	save := l.pos
	t := l.next()
	l.pos = save
	return t
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

// next consumes and returns the next token.
func (l *lexer) next() token {
	l.skipSpace()
	start := l.pos
	if l.pos >= len(l.src) {
		return token{Kind: tEOF, Pos: start}
	}
	c := l.src[l.pos]
	switch {
	case c == '(':
		l.pos++
		return token{Kind: tLParen, Pos: start, Text: "("}
	case c == ')':
		l.pos++
		return token{Kind: tRParen, Pos: start, Text: ")"}
	case c == ',':
		l.pos++
		return token{Kind: tComma, Pos: start, Text: ","}
	case c == '$':
		l.pos++
		return token{Kind: tDollar, Pos: start, Text: "$"}
	case c == '\'':
		return l.lexString()
	case isLetter(c):
		for l.pos < len(l.src) && isLetter(l.src[l.pos]) {
			l.pos++
		}
		text := l.src[start:l.pos]
		kind := tIdent
		switch text {
		case "true", "false":
			kind = tBool
		case "null":
			kind = tNull
		}
		return token{Kind: kind, Pos: start, Text: text}
	case isDigit(c) || c == '-' || c == '.':
		return l.lexNumber()
	}
	_, size := utf8.DecodeRuneInString(l.src[l.pos:])
	l.pos += size
	return token{Kind: tInvalid, Pos: start, Text: l.src[start:l.pos],
		Err: errUnexpectedChar}
}

// errUnexpectedChar is the error of a tInvalid token. It is a shared value:
// looksLikeDefinition lexes the first token of every header and query value,
// and most of them start with a character no expression starts with.
var errUnexpectedChar = errors.New("unexpected character")

func (l *lexer) lexNumber() token {
	start := l.pos
	if l.src[l.pos] == '-' {
		l.pos++
	}
	intStart := l.pos
	for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
		l.pos++
	}
	if l.pos == intStart {
		// "-" or "." not followed by digits
		if l.pos < len(l.src) && l.src[l.pos] == '.' {
			l.pos++
			for l.pos < len(l.src) && isDigit(l.src[l.pos]) {
				l.pos++
			}
		}
		if l.pos == start {
			l.pos++
		}
		return token{Kind: tInvalid, Pos: start, Text: l.src[start:l.pos], Err: fmt.Errorf("malformed number")}
	}
	if l.pos < len(l.src) && l.src[l.pos] == '.' {
		fracStart := l.pos + 1
		p := fracStart
		for p < len(l.src) && isDigit(l.src[p]) {
			p++
		}
		if p == fracStart {
			l.pos = p
			return token{Kind: tInvalid, Pos: start, Text: l.src[start:l.pos],
				Err: fmt.Errorf("malformed number: no digits after the decimal point")}
		}
		l.pos = p
		return token{Kind: tDecimal, Pos: start, Text: l.src[start:l.pos]}
	}
	return token{Kind: tInt, Pos: start, Text: l.src[start:l.pos]}
}

// lexString reads a single-quoted string and decodes its escapes:
// \' \\ \b \f \n \r \t \uXXXX \u{X...}. A backslash before any other
// character is kept as written (so regexes such as '\d+' need no doubling).
func (l *lexer) lexString() token {
	start := l.pos
	l.pos++ // opening quote
	var b strings.Builder
	var escErr error
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if c == '\'' {
			l.pos++
			return token{Kind: tString, Pos: start, Text: l.src[start:l.pos], Value: b.String(), Err: escErr}
		}
		if c != '\\' {
			b.WriteByte(c)
			l.pos++
			continue
		}
		if l.pos+1 >= len(l.src) {
			b.WriteByte(c)
			l.pos++
			continue
		}
		e := l.src[l.pos+1]
		l.pos += 2
		switch e {
		case '\'':
			b.WriteByte('\'')
		case '\\':
			b.WriteByte('\\')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, err := l.unicodeEscape()
			if err != nil && escErr == nil {
				escErr = err
			}
			b.WriteRune(r)
		default:
			b.WriteByte('\\')
			b.WriteByte(e)
		}
	}
	l.pos = len(l.src)
	return token{Kind: tInvalid, Pos: start, Text: l.src[start:], Err: fmt.Errorf("unterminated string")}
}

// unicodeEscape reads the XXXX or {X...} after "\u".
func (l *lexer) unicodeEscape() (rune, error) {
	var hex string
	if l.pos < len(l.src) && l.src[l.pos] == '{' {
		end := strings.IndexAny(l.src[l.pos:], "}'")
		if end < 0 || l.src[l.pos+end] != '}' {
			return utf8.RuneError, fmt.Errorf("invalid unicode escape: missing '}' (use \\uXXXX or \\u{X...})")
		}
		hex = l.src[l.pos+1 : l.pos+end]
		l.pos += end + 1
	} else {
		if l.pos+4 > len(l.src) || strings.IndexByte(l.src[l.pos:l.pos+4], '\'') >= 0 {
			hex = l.src[l.pos:min(l.pos+4, len(l.src))]
			if q := strings.IndexByte(hex, '\''); q >= 0 {
				hex = hex[:q]
			}
			l.pos += len(hex)
			return utf8.RuneError, fmt.Errorf("invalid unicode escape \\u%s (use \\uXXXX or \\u{X...})", hex)
		}
		hex = l.src[l.pos : l.pos+4]
		l.pos += 4
	}
	n, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || hex == "" {
		return utf8.RuneError, fmt.Errorf("invalid unicode escape \\u%s (use \\uXXXX or \\u{X...})", hex)
	}
	if !utf8.ValidRune(rune(n)) {
		return utf8.RuneError, nil // as the reference: not a character, so U+FFFD
	}
	return rune(n), nil
}
