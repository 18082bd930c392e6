package datetime

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ExprError is a syntax error in a date/time expression, with the byte
// position where it was found.
type ExprError struct {
	Expr string
	Pos  int
	Msg  string
}

func (e *ExprError) Error() string {
	return fmt.Sprintf("error parsing date/time expression '%s' at position %d: %s", e.Expr, e.Pos, e.Msg)
}

// Evaluate applies a date/time expression (spec-checklist §3.3) to base. The
// part before "@" moves the date, the part after it the time of day; either
// may be missing.
//
//	base := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
//	datetime.Evaluate("tomorrow", base)                 // 2000-01-02T10:00Z
//	datetime.Evaluate("next june + 2 weeks", base)      // 2000-06-15T10:00Z
//	datetime.Evaluate("yesterday @ midnight - 1 hour", base) // 1999-12-31T23:00Z
//
// Date part: an optional base (now, today, tomorrow, yesterday, or next/last
// followed by day, week, fortnight, month, year, a day name or a month name,
// full or three letters), then any number of "+ N unit" / "- N unit" with
// units day, week, fortnight, month, year (plurals allowed).
//
// Time part: an optional base (now, midnight, noon, "N o'clock" with an
// optional am/pm — pm when omitted —, or next/last hour, minute, second,
// millisecond), then "+ N unit" / "- N unit" with units hour, minute, second,
// millisecond. Time arithmetic wraps within the day and leaves the date alone.
//
// Words are not case-sensitive. A syntax error is an *ExprError naming the
// position.
func Evaluate(expr string, base time.Time) (time.Time, error) {
	toks, err := lexExpr(expr)
	if err != nil {
		return base, err
	}
	at := -1
	for i, t := range toks {
		if t.kind == '@' {
			if at >= 0 {
				return base, &ExprError{expr, t.pos, "only one '@' is allowed"}
			}
			at = i
		}
	}
	dateToks, timeToks := toks, []exprTok(nil)
	end := len(expr)
	if at >= 0 {
		dateToks, timeToks = toks[:at], toks[at+1:]
		end = toks[at].pos
	}
	p := &exprParser{expr: expr, toks: dateToks, end: end}
	t, err := p.date(base)
	if err != nil {
		return base, err
	}
	if at >= 0 {
		p = &exprParser{expr: expr, toks: timeToks, end: len(expr)}
		if t, err = p.time(t); err != nil {
			return base, err
		}
	}
	return t, nil
}

// EvaluateDate applies only the date part of expr (what a Date generator
// uses); a time part, if any, is checked for syntax but ignored.
func EvaluateDate(expr string, base time.Time) (time.Time, error) {
	t, err := Evaluate(expr, base)
	if err != nil {
		return base, err
	}
	if i := strings.IndexByte(expr, '@'); i >= 0 {
		t, _ = Evaluate(expr[:i], base)
	}
	return t, nil
}

// EvaluateTime applies expr to base as a time expression (what a Time
// generator uses). An expression without "@" is taken as a time part alone
// ("+ 1 hour"); one with "@" is evaluated whole.
func EvaluateTime(expr string, base time.Time) (time.Time, error) {
	if strings.IndexByte(expr, '@') >= 0 || strings.TrimSpace(expr) == "" {
		return Evaluate(expr, base)
	}
	t, err := Evaluate("@"+expr, base)
	if e, ok := err.(*ExprError); ok {
		e.Expr = expr
		e.Pos = max(e.Pos-1, 0)
	}
	return t, err
}

type exprTok struct {
	kind byte // 'n' number, 'w' word, '+', '-', '@'
	text string
	pos  int
}

func lexExpr(s string) ([]exprTok, error) {
	var out []exprTok
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '+' || c == '-' || c == '@':
			out = append(out, exprTok{c, string(c), i})
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out = append(out, exprTok{'n', s[i:j], i})
			i = j
		case isASCIILetter(rune(c)):
			j := i
			for j < len(s) && (isASCIILetter(rune(s[j])) || s[j] == '\'') {
				j++
			}
			out = append(out, exprTok{'w', strings.ToLower(s[i:j]), i})
			i = j
		default:
			return nil, &ExprError{s, i, fmt.Sprintf("unexpected character %q", s[i:i+1])}
		}
	}
	return out, nil
}

type exprParser struct {
	expr string
	toks []exprTok
	i    int
	end  int // position reported for "the end"
}

func (p *exprParser) peek() *exprTok {
	if p.i < len(p.toks) {
		return &p.toks[p.i]
	}
	return nil
}

func (p *exprParser) fail(expected string) error {
	t := p.peek()
	if t == nil {
		return &ExprError{p.expr, p.end, "expected " + expected + ", found the end of the expression"}
	}
	return &ExprError{p.expr, t.pos, fmt.Sprintf("expected %s, found '%s'", expected, t.text)}
}

// word consumes the next token if it is one of the words.
func (p *exprParser) word(words ...string) (string, bool) {
	t := p.peek()
	if t == nil || t.kind != 'w' {
		return "", false
	}
	for _, w := range words {
		if t.text == w {
			p.i++
			return w, true
		}
	}
	return "", false
}

// number reads an integer; expressions have no use for more than 9 digits.
func (p *exprParser) number() (int, error) {
	t := p.peek()
	if t == nil || t.kind != 'n' {
		return 0, p.fail("a number")
	}
	if len(strings.TrimLeft(t.text, "0")) > 9 {
		return 0, &ExprError{p.expr, t.pos, "number '" + t.text + "' is too large"}
	}
	n, _ := strconv.Atoi(t.text)
	p.i++
	return n, nil
}

// unit reads a unit word from units (singular names; plurals accepted).
func (p *exprParser) unit(units []string, expected string) (string, error) {
	t := p.peek()
	if t != nil && t.kind == 'w' {
		for _, u := range units {
			if t.text == u || t.text == u+"s" {
				p.i++
				return u, nil
			}
		}
	}
	return "", p.fail(expected)
}

// offsets reads "(+|-) N unit" repeatedly, calling apply for each.
func (p *exprParser) offsets(units []string, expected string, apply func(n int, unit string)) error {
	for p.i < len(p.toks) {
		t := p.peek()
		if t.kind != '+' && t.kind != '-' {
			return p.fail("'+' or '-'")
		}
		p.i++
		n, err := p.number()
		if err != nil {
			return err
		}
		u, err := p.unit(units, expected)
		if err != nil {
			return err
		}
		if t.kind == '-' {
			n = -n
		}
		apply(n, u)
	}
	return nil
}

var (
	dateUnits    = []string{"day", "week", "fortnight", "month", "year"}
	timeUnits    = []string{"hour", "minute", "second", "millisecond"}
	weekdayWords = [][2]string{{"monday", "mon"}, {"tuesday", "tue"}, {"wednesday", "wed"}, {"thursday", "thu"}, {"friday", "fri"}, {"saturday", "sat"}, {"sunday", "sun"}}
	monthWords   = [][2]string{{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"}, {"may", "may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"}, {"september", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"}}
)

// addMonths adds n months the way java.time does: the day is clamped to the
// end of the target month (Jan 31 + 1 month = Feb 29 in 2000).
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	total := int(m) - 1 + n
	ny := y + floorDiv(total, 12)
	nm := time.Month(floorMod(total, 12) + 1)
	if last := daysIn(int(nm), ny); d > last {
		d = last
	}
	return time.Date(ny, nm, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int) int { return a - floorDiv(a, b)*b }

func addDate(t time.Time, n int, unit string) time.Time {
	switch unit {
	case "day":
		return t.AddDate(0, 0, n)
	case "week":
		return t.AddDate(0, 0, 7*n)
	case "fortnight":
		return t.AddDate(0, 0, 14*n)
	case "month":
		return addMonths(t, n)
	}
	return addMonths(t, 12*n)
}

func (p *exprParser) date(t time.Time) (time.Time, error) {
	if w, ok := p.word("now", "today", "tomorrow", "yesterday", "next", "last"); ok {
		switch w {
		case "tomorrow":
			t = t.AddDate(0, 0, 1)
		case "yesterday":
			t = t.AddDate(0, 0, -1)
		case "next", "last":
			dir := 1
			if w == "last" {
				dir = -1
			}
			var err error
			if t, err = p.namedDate(t, dir); err != nil {
				return t, err
			}
		}
	} else if tok := p.peek(); tok != nil && tok.kind != '+' && tok.kind != '-' {
		return t, p.fail("now, today, tomorrow, yesterday, next, last, '+' or '-'")
	}
	err := p.offsets(dateUnits, "day, week, fortnight, month or year", func(n int, u string) { t = addDate(t, n, u) })
	return t, err
}

// namedDate handles what follows "next" or "last" (dir 1 or -1).
func (p *exprParser) namedDate(t time.Time, dir int) (time.Time, error) {
	tok := p.peek()
	if tok != nil && tok.kind == 'w' {
		for _, u := range dateUnits {
			if tok.text == u {
				p.i++
				return addDate(t, dir, u), nil
			}
		}
		for i, w := range weekdayWords {
			if tok.text == w[0] || tok.text == w[1] {
				p.i++
				// The next (or previous) such day, never today.
				diff := floorMod((i+1)-isoDow(t), 7)
				if dir > 0 {
					if diff == 0 {
						diff = 7
					}
					return t.AddDate(0, 0, diff), nil
				}
				back := floorMod(isoDow(t)-(i+1), 7)
				if back == 0 {
					back = 7
				}
				return t.AddDate(0, 0, -back), nil
			}
		}
		for i, w := range monthWords {
			if tok.text == w[0] || tok.text == w[1] {
				p.i++
				// The first day of the next (or previous) such month.
				target := i + 1
				y := t.Year()
				cur := int(t.Month())
				if dir > 0 && cur >= target {
					y++
				} else if dir < 0 && cur <= target {
					y--
				}
				return time.Date(y, time.Month(target), 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location()), nil
			}
		}
	}
	return t, p.fail("day, week, fortnight, month, year, a day name or a month name")
}

// withTimeOfDay returns t's date at the given nanosecond of the day.
func withTimeOfDay(t time.Time, nanos int64) time.Time {
	const day = int64(24 * time.Hour)
	nanos = ((nanos % day) + day) % day
	y, m, d := t.Date()
	return time.Date(y, m, d, int(nanos/int64(time.Hour)), int(nanos/int64(time.Minute)%60), int(nanos/int64(time.Second)%60), int(nanos%int64(time.Second)), t.Location())
}

func addTime(t time.Time, n int, unit string) time.Time {
	var d int64
	switch unit {
	case "hour":
		d = int64(n%24) * int64(time.Hour)
	case "minute":
		d = int64(n%1440) * int64(time.Minute)
	case "second":
		d = int64(n%86400) * int64(time.Second)
	default:
		d = int64(n%86400000) * int64(time.Millisecond)
	}
	return withTimeOfDay(t, nanoOfDay(t)+d)
}

func (p *exprParser) time(t time.Time) (time.Time, error) {
	tok := p.peek()
	switch {
	case tok == nil:
	case tok.kind == 'w':
		w, ok := p.word("now", "midnight", "noon", "next", "last")
		if !ok {
			return t, p.fail("now, midnight, noon, next, last, a number, '+' or '-'")
		}
		switch w {
		case "midnight":
			t = withTimeOfDay(t, 0)
		case "noon":
			t = withTimeOfDay(t, int64(12*time.Hour))
		case "next", "last":
			u, err := p.unit(timeUnits, "hour, minute, second or millisecond")
			if err != nil {
				return t, err
			}
			n := 1
			if w == "last" {
				n = -1
			}
			t = addTime(t, n, u)
		}
	case tok.kind == 'n':
		h, err := p.number()
		if err != nil {
			return t, err
		}
		if _, ok := p.word("o'clock"); !ok {
			return t, p.fail("o'clock")
		}
		if h > 23 {
			return t, &ExprError{p.expr, tok.pos, fmt.Sprintf("hour %d is out of range (0–23)", h)}
		}
		// As the reference does: without "am" the hour is in the afternoon.
		if ampm, _ := p.word("am", "pm"); ampm != "am" && h < 12 {
			h += 12
		}
		t = withTimeOfDay(t, int64(h)*int64(time.Hour))
	}
	err := p.offsets(timeUnits, "hour, minute, second or millisecond", func(n int, u string) { t = addTime(t, n, u) })
	return t, err
}
