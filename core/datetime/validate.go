package datetime

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	_ "time/tzdata" // zone ids for the "VV" letter, whatever the host has installed
	"unicode/utf8"
)

// field is one date/time field a pattern letter sets while parsing.
type field int

const (
	fEra field = iota
	fYearOfEra
	fYear
	fWeekYear
	fMonth
	fQuarter
	fWeekOfYear
	fWeekOfMonth
	fAlignedWeek
	fDayOfYear
	fDay
	fDow
	fAmPm
	fHour
	fClockHour
	fHour12
	fClockHour12
	fMinute
	fSecond
	fNano
	fMilliOfDay
	fNanoOfDay
	fOffset
	fZone
	numFields
)

var fieldNames = [numFields]string{
	"era", "year of era", "year", "week-based year", "month", "quarter",
	"week of year", "week of month", "aligned week of month", "day of year",
	"day of month", "day of week", "am/pm", "hour of day", "clock hour of day",
	"hour of am/pm", "clock hour of am/pm", "minute", "second", "fraction of second",
	"milli of day", "nano of day", "offset", "zone",
}

// Validate checks that value is a date, time or timestamp written in the Java
// DateTimeFormatter pattern: the whole value must be consumed and every field
// must be in range (month 1–12, day 1–31 and valid for the month, hour 0–23,
// a day name that agrees with the date ...).
//
//	datetime.Validate("yyyy-MM-dd", "2023-07-19") // nil
//	datetime.Validate("yyyy-MM-dd", "23/07/19")
//	// error: expected 4 digits for 'yyyy' at position 0, found '23/0'
//
// The error says why the value does not fit; an invalid pattern gives the
// *PatternError of ParsePattern.
func Validate(pattern, value string) error {
	toks, err := ParsePattern(pattern)
	if err != nil {
		return err
	}
	m := &matcher{s: value}
	ok := m.seq(toks, 0, func(end int) bool {
		if end != len(m.s) {
			m.failAt(end, "unexpected text")
			return false
		}
		m.final = m.check()
		return true
	})
	if m.aborted {
		return fmt.Errorf("value '%s' is too ambiguous to check against the pattern", value)
	}
	if !ok {
		found := value[min(m.far, len(value)):]
		if found == "" {
			found = "the end of the value"
		} else {
			if len(found) > 12 {
				cut := 12
				for cut > 0 && !utf8.RuneStart(found[cut]) {
					cut--
				}
				found = found[:cut] + "..."
			}
			found = "'" + found + "'"
		}
		return fmt.Errorf("%s at position %d, found %s", m.farMsg, m.far, found)
	}
	return m.final
}

// assignment records a field value set while parsing, so that backtracking
// can undo it.
type assignment struct {
	f field
	v int64
}

type matcher struct {
	s       string
	vals    []assignment
	steps   int
	aborted bool
	far     int    // the position reported for the best failure
	farKey  int    // how far that failure got (its span's end)
	farMsg  string // what was expected there
	final   error  // the result of the field checks on the first full match
}

const maxSteps = 200000

func (m *matcher) failAt(pos int, msg string) { m.failSpan(pos, pos, msg) }

// failSpan records a failure at pos that had read up to end (an out-of-range
// number): the failure that got furthest is the one reported.
func (m *matcher) failSpan(pos, end int, msg string) {
	if end > m.farKey || m.farMsg == "" {
		m.far, m.farKey, m.farMsg = pos, end, msg
	}
}

// seq matches toks from pos, then calls k with the end position; it
// backtracks over the choices of each token until k returns true.
func (m *matcher) seq(toks []Token, pos int, k func(int) bool) bool {
	m.steps++
	if m.steps > maxSteps {
		m.aborted = true
		return false
	}
	if m.aborted {
		return false
	}
	if len(toks) == 0 {
		return k(pos)
	}
	t, rest := toks[0], toks[1:]
	switch t.Letter {
	case 0:
		if strings.HasPrefix(m.s[pos:], t.Text) {
			return m.seq(rest, pos+len(t.Text), k)
		}
		m.failAt(pos, fmt.Sprintf("expected '%s'", t.Text))
		return false
	case '[':
		mark := len(m.vals)
		if m.seq(t.Optional, pos, func(end int) bool { return m.seq(rest, end, k) }) {
			return true
		}
		m.vals = m.vals[:mark]
		return m.seq(rest, pos, k)
	}
	cands, f := m.candidates(t, pos)
	for _, c := range cands {
		mark := len(m.vals)
		if f >= 0 {
			m.vals = append(m.vals, assignment{f, c.val})
		}
		if m.seq(rest, c.end, k) {
			return true
		}
		m.vals = m.vals[:mark]
		if m.aborted {
			return false
		}
	}
	return false
}

type cand struct {
	end int
	val int64
}

// numSpec describes how a numeric letter is written.
type numSpec struct {
	f              field
	minW, maxW     int
	lo, hi         int64
	plus, minus    bool // a leading sign is allowed
	reducedYear    bool // "yy": two digits, 2000-based
	exceedsPadding bool // "yyyy": exactly Count digits, or a sign and more
}

func numericSpec(t Token) (numSpec, bool) {
	n := t.Count
	w := func(f field, lo, hi int64) numSpec {
		// Java: one letter reads any number of digits. More letters read at
		// most that many; like the reference implementation (pact_models
		// time_utils), and unlike Java's strict parser, fewer digits are
		// accepted ("2024-5-1" fits "yyyy-MM-dd"), so that a pact that passes
		// with pact_ffi passes here too.
		if n == 1 {
			return numSpec{f: f, minW: 1, maxW: 10, lo: lo, hi: hi}
		}
		return numSpec{f: f, minW: 1, maxW: n, lo: lo, hi: hi}
	}
	switch t.Letter {
	case 'y', 'u', 'Y':
		f := map[rune]field{'y': fYearOfEra, 'u': fYear, 'Y': fWeekYear}[t.Letter]
		lo := int64(-999999999)
		if t.Letter == 'y' {
			lo = 1
		}
		s := numSpec{f: f, minW: n, maxW: 10, lo: lo, hi: 999999999, minus: t.Letter != 'y'}
		switch {
		case n == 2:
			s = numSpec{f: f, minW: 2, maxW: 2, lo: 0, hi: 99, reducedYear: true}
		case n >= 4:
			s.exceedsPadding, s.plus = true, true
			s.maxW = max(n, 10)
		}
		return s, true
	case 'M', 'L':
		return w(fMonth, 1, 12), n <= 2
	case 'Q', 'q':
		return w(fQuarter, 1, 4), n <= 2
	case 'w':
		return w(fWeekOfYear, 1, 53), true
	case 'W':
		return w(fWeekOfMonth, 0, 6), true
	case 'F':
		return w(fAlignedWeek, 1, 5), true
	case 'D':
		s := w(fDayOfYear, 1, 366)
		if n == 2 {
			s.maxW = 3
		}
		return s, true
	case 'd':
		return w(fDay, 1, 31), true
	case 'e', 'c':
		return w(fDow, 1, 7), n <= 2
	case 'H':
		return w(fHour, 0, 23), true
	case 'k':
		return w(fClockHour, 1, 24), true
	case 'K':
		return w(fHour12, 0, 11), true
	case 'h':
		return w(fClockHour12, 1, 12), true
	case 'm':
		return w(fMinute, 0, 59), true
	case 's':
		return w(fSecond, 0, 59), true
	case 'n':
		s := w(fNano, 0, 999999999)
		return s, true
	case 'A':
		s := w(fMilliOfDay, 0, 86399999)
		return s, true
	case 'N':
		s := w(fNanoOfDay, 0, 86399999999999)
		if n == 1 {
			s.maxW = 14
		}
		return s, true
	}
	return numSpec{}, false
}

func digitsAt(s string, pos, limit int) int {
	n := 0
	for pos+n < len(s) && n < limit && s[pos+n] >= '0' && s[pos+n] <= '9' {
		n++
	}
	return n
}

func letters(t Token) string { return strings.Repeat(string(t.Letter), t.Count) }

// candidates lists the ways token t can match at pos, longest first, with the
// field the token sets (-1 for none).
func (m *matcher) candidates(t Token, pos int) ([]cand, field) {
	s := m.s
	if t.Letter == 'S' {
		// A fraction of at most Count digits (the reference accepts fewer:
		// "10:00:00.12" fits "HH:mm:ss.SSS"), longest first.
		var out []cand
		for w := digitsAt(s, pos, t.Count); w >= 1; w-- {
			v, _ := strconv.ParseInt(s[pos:pos+w]+strings.Repeat("0", 9-w), 10, 64)
			out = append(out, cand{pos + w, v})
		}
		if len(out) == 0 {
			m.failAt(pos, fmt.Sprintf("expected %d digits for '%s'", t.Count, letters(t)))
		}
		return out, fNano
	}
	if spec, ok := numericSpec(t); ok {
		return m.numeric(t, spec, pos), spec.f
	}
	switch t.Letter {
	case 'G':
		alts := [][2]string{{"AD", "BC"}, {"Anno Domini", "Before Christ"}, {"A", "B"}}[min(max(t.Count-3, 0), 2)]
		return m.text(t, pos, alts[:]...), fEra
	case 'M', 'L':
		switch t.Count {
		case 3:
			return m.text(t, pos, monthsShort...), fMonth
		case 4:
			return m.text(t, pos, monthsLong...), fMonth
		}
		narrow := make([]string, 12)
		for i, n := range monthsLong {
			narrow[i] = n[:1]
		}
		return m.textAmbiguous(t, pos, narrow), -1
	case 'Q', 'q':
		switch t.Count {
		case 3:
			return m.text(t, pos, "Q1", "Q2", "Q3", "Q4"), fQuarter
		case 4:
			return m.text(t, pos, quarters...), fQuarter
		}
		return m.text(t, pos, "1", "2", "3", "4"), fQuarter
	case 'E', 'e', 'c':
		switch {
		case t.Count == 4:
			return m.text(t, pos, daysLong...), fDow
		case t.Count == 5:
			narrow := make([]string, 7)
			for i, n := range daysLong {
				narrow[i] = n[:1]
			}
			return m.textAmbiguous(t, pos, narrow), -1
		}
		return m.text(t, pos, daysShort...), fDow
	case 'a':
		return m.text(t, pos, "AM", "PM"), fAmPm
	case 'x', 'X', 'Z', 'O':
		return m.offset(t, pos), fOffset
	case 'z':
		return m.zoneName(t, pos), fZone
	case 'V':
		return m.zoneID(t, pos), fZone
	}
	m.failAt(pos, fmt.Sprintf("unsupported letter '%c'", t.Letter))
	return nil, -1
}

func (m *matcher) numeric(t Token, sp numSpec, pos int) []cand {
	s := m.s
	p := pos
	neg := false
	signed := false
	if p < len(s) && ((s[p] == '+' && sp.plus) || (s[p] == '-' && sp.minus)) {
		neg, signed = s[p] == '-', true
		p++
	}
	avail := digitsAt(s, p, sp.maxW)
	minW, maxW := sp.minW, min(sp.maxW, avail)
	if sp.exceedsPadding {
		// "yyyy": exactly four digits; more need a sign, as Java's strict
		// parser requires.
		if s[pos:p] == "+" {
			minW = t.Count + 1
		} else if !signed {
			maxW = min(maxW, t.Count)
		}
	}
	var out []cand
	var outOfRange int64
	outOfRangeEnd := 0
	sawOutOfRange := false
	for w := maxW; w >= minW && w >= 1; w-- {
		v, err := strconv.ParseInt(s[p:p+w], 10, 64)
		if err != nil {
			continue
		}
		if neg {
			v = -v
		}
		if v < sp.lo || v > sp.hi {
			if !sawOutOfRange {
				outOfRange, outOfRangeEnd, sawOutOfRange = v, p+w, true
			}
			continue
		}
		if sp.reducedYear {
			v += 2000
		}
		out = append(out, cand{p + w, v})
	}
	if sawOutOfRange && len(out) > 0 {
		m.failSpan(pos, outOfRangeEnd, fmt.Sprintf("%s %d is out of range (%d–%d) for '%s'", fieldNames[sp.f], outOfRange, sp.lo, sp.hi, letters(t)))
	}
	if len(out) == 0 {
		if sawOutOfRange {
			m.failSpan(pos, outOfRangeEnd, fmt.Sprintf("%s %d is out of range (%d–%d) for '%s'", fieldNames[sp.f], outOfRange, sp.lo, sp.hi, letters(t)))
		} else if sp.minW == sp.maxW || sp.exceedsPadding {
			m.failAt(pos, fmt.Sprintf("expected %d digits for '%s'", sp.minW, letters(t)))
		} else if sp.minW > 1 {
			m.failAt(pos, fmt.Sprintf("expected %d to %d digits for '%s'", sp.minW, sp.maxW, letters(t)))
		} else {
			m.failAt(pos, fmt.Sprintf("expected a number for '%s'", letters(t)))
		}
	}
	return out
}

// text matches one of alts at pos, ignoring case; the value is the index of
// the alternative (plus one).
func (m *matcher) text(t Token, pos int, alts ...string) []cand {
	var out []cand
	for i, a := range alts {
		if len(m.s)-pos >= len(a) && strings.EqualFold(m.s[pos:pos+len(a)], a) {
			out = append(out, cand{pos + len(a), int64(i + 1)})
		}
	}
	if len(out) == 0 {
		m.failAt(pos, fmt.Sprintf("expected a %s for '%s'", textName(t), letters(t)))
	}
	return out
}

// textAmbiguous is text for narrow forms ("J" is January, June or July),
// which set no field.
func (m *matcher) textAmbiguous(t Token, pos int, alts []string) []cand {
	c := m.text(t, pos, alts...)
	if len(c) > 1 {
		c = c[:1]
	}
	return c
}

func textName(t Token) string {
	switch t.Letter {
	case 'G':
		return "era"
	case 'M', 'L':
		return "month name"
	case 'Q', 'q':
		return "quarter"
	case 'a':
		return "AM/PM marker"
	}
	return "day name"
}

// offset matches a zone offset for the letters x, X, Z and O.
func (m *matcher) offset(t Token, pos int) []cand {
	s := m.s[pos:]
	fail := func(what string) []cand {
		m.failAt(pos, fmt.Sprintf("expected %s for '%s'", what, letters(t)))
		return nil
	}
	localized := t.Letter == 'O' || (t.Letter == 'Z' && t.Count == 4)
	if localized {
		// GMT, GMT+8, GMT+08:00, UTC+9:30
		prefix := ""
		for _, p := range []string{"GMT", "UTC", "UT"} {
			if strings.HasPrefix(s, p) {
				prefix = p
				break
			}
		}
		if prefix == "" {
			return fail("a GMT offset such as 'GMT+10'")
		}
		var out []cand
		out = append(out, cand{pos + len(prefix), 0})
		rest := s[len(prefix):]
		if len(rest) > 0 && (rest[0] == '+' || rest[0] == '-') {
			h := digitsAt(rest, 1, 2)
			if h > 0 {
				hv, _ := strconv.Atoi(rest[1 : 1+h])
				if hv <= 18 {
					end := 1 + h
					v := int64(hv * 3600)
					out = append([]cand{{pos + len(prefix) + end, v}}, out...)
					for _, part := range []int64{60, 1} {
						if end+3 <= len(rest) && rest[end] == ':' && digitsAt(rest, end+1, 2) == 2 {
							x, _ := strconv.Atoi(rest[end+1 : end+3])
							if x > 59 {
								break
							}
							end += 3
							v += int64(x) * part
							out = append([]cand{{pos + len(prefix) + end, v}}, out...)
						} else {
							break
						}
					}
				}
			}
		}
		return out
	}
	zOK := t.Letter == 'X' || (t.Letter == 'Z' && t.Count == 5)
	if zOK && strings.HasPrefix(s, "Z") {
		return []cand{{pos + 1, 0}}
	}
	// colon: "+HH:MM"; minutes: 0 optional, 1 required; seconds: allowed.
	colon, minutesRequired, seconds := false, true, false
	switch {
	case t.Letter == 'Z' && t.Count <= 3:
	case t.Letter == 'Z':
		colon, seconds = true, true
	case t.Count == 1:
		minutesRequired = false
	case t.Count == 2:
	case t.Count == 3:
		colon = true
	case t.Count == 4:
		seconds = true
	case t.Count == 5:
		colon, seconds = true, true
	}
	if len(s) < 3 || (s[0] != '+' && s[0] != '-') || digitsAt(s, 1, 2) != 2 {
		if zOK {
			return fail("'Z' or an offset such as '+10:00'")
		}
		return fail("an offset such as '+1000'")
	}
	h, _ := strconv.Atoi(s[1:3])
	if h > 18 {
		return fail("an offset hour 00–18")
	}
	end := 3
	part := func() (int, bool) {
		i := end
		if colon {
			if i >= len(s) || s[i] != ':' {
				return 0, false
			}
			i++
		}
		if digitsAt(s, i, 2) != 2 {
			return 0, false
		}
		v, _ := strconv.Atoi(s[i : i+2])
		if v > 59 {
			return 0, false
		}
		end = i + 2
		return v, true
	}
	mm, ok := part()
	if !ok {
		if minutesRequired {
			return fail("offset minutes")
		}
		return []cand{{pos + end, int64(h * 3600)}}
	}
	v := int64(h*3600 + mm*60)
	if seconds {
		if ss, ok := part(); ok {
			v += int64(ss)
		}
	}
	if s[0] == '-' {
		v = -v
	}
	return []cand{{pos + end, v}}
}

// zoneName matches a zone name for "z": an abbreviation (PST), a long name
// (Pacific Standard Time), a GMT offset, or a zone id.
func (m *matcher) zoneName(t Token, pos int) []cand {
	s := m.s[pos:]
	var out []cand
	for _, long := range zoneNames {
		if strings.HasPrefix(s, long) {
			out = append(out, cand{pos + len(long), 0})
		}
	}
	out = append(out, zoneIDs(m.s, pos)...)
	n := 0
	for n < len(s) && n < 6 && s[n] >= 'A' && s[n] <= 'Z' {
		n++
	}
	for ; n >= 2; n-- {
		out = append(out, cand{pos + n, 0})
	}
	if len(out) == 0 {
		m.failAt(pos, fmt.Sprintf("expected a time-zone name for '%s'", letters(t)))
	}
	return out
}

// zoneID matches a zone id for "VV": Z, an offset, or a region such as
// Australia/Melbourne.
func (m *matcher) zoneID(t Token, pos int) []cand {
	out := zoneIDs(m.s, pos)
	if len(out) == 0 {
		m.failAt(pos, fmt.Sprintf("expected a time-zone id for '%s'", letters(t)))
	}
	return out
}

// zoneIDs lists the zone ids that start at s[pos:], longest first.
func zoneIDs(str string, pos int) []cand {
	s := str[pos:]
	n := 0
	for n < len(s) && n < 64 {
		c := s[n]
		if isASCIILetter(rune(c)) || (c >= '0' && c <= '9') || strings.IndexByte("_/+-:", c) >= 0 {
			n++
			continue
		}
		break
	}
	var out []cand
	for ; n >= 1; n-- {
		if validZoneID(s[:n]) {
			out = append(out, cand{pos + n, 0})
		}
	}
	return out
}

func validZoneID(id string) bool {
	if id == "Z" {
		return true
	}
	for _, p := range []string{"UTC", "GMT", "UT", ""} {
		if !strings.HasPrefix(id, p) {
			continue
		}
		rest := id[len(p):]
		if rest == "" {
			if p != "" {
				return true
			}
			continue
		}
		if rest[0] == '+' || rest[0] == '-' {
			m := &matcher{s: rest}
			for _, c := range m.offset(Token{Letter: 'X', Count: 5}, 0) {
				if c.end == len(rest) {
					return true
				}
			}
			for _, c := range m.offset(Token{Letter: 'X', Count: 1}, 0) {
				if c.end == len(rest) {
					return true
				}
			}
		}
	}
	if !strings.Contains(id, "/") && id != "UTC" && id != "GMT" {
		// Region ids have an area; plain names such as "EST5EDT" are rare
		// and "Local" must not match.
		if id != "EST5EDT" && id != "CST6CDT" && id != "MST7MDT" && id != "PST8PDT" {
			return false
		}
	}
	if strings.Contains(id, "..") || strings.HasPrefix(id, "/") || strings.HasSuffix(id, "/") {
		return false
	}
	if v, ok := zoneCache.Load(id); ok {
		return v.(bool)
	}
	_, err := time.LoadLocation(id)
	if zoneCacheSize.Load() < maxCached {
		zoneCache.Store(id, err == nil)
		zoneCacheSize.Add(1)
	}
	return err == nil
}

// zoneCache remembers which region ids time.LoadLocation knows, since it
// reads the zone database on every call.
var (
	zoneCache     sync.Map // id → bool
	zoneCacheSize atomic.Int64
)

// check runs the cross-field checks Java's resolver makes once the whole
// value has been read.
func (m *matcher) check() error {
	var got [numFields]int64
	var has [numFields]bool
	for _, a := range m.vals {
		if has[a.f] && got[a.f] != a.v && a.f != fZone {
			return fmt.Errorf("conflicting values for %s: %d and %d", fieldNames[a.f], got[a.f], a.v)
		}
		got[a.f], has[a.f] = a.v, true
	}
	year, hasYear := got[fYear], has[fYear]
	if has[fYearOfEra] {
		y := got[fYearOfEra]
		if has[fEra] && got[fEra] == 2 { // BC
			y = 1 - y
		}
		if hasYear && y != year {
			return fmt.Errorf("conflicting values for year: %d and %d", year, y)
		}
		year, hasYear = y, true
	}
	if has[fMonth] && has[fQuarter] && (got[fMonth]-1)/3+1 != got[fQuarter] {
		return fmt.Errorf("month %d is not in quarter %d", got[fMonth], got[fQuarter])
	}
	leap := func(y int64) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }
	if has[fMonth] && has[fDay] {
		mo, d := got[fMonth], got[fDay]
		limit := int64(daysIn(int(mo), 2000)) // 29 for February when no year is given
		if hasYear && mo == 2 && !leap(year) {
			limit = 28
		}
		if d > limit {
			if hasYear {
				return fmt.Errorf("invalid date: %s %d has no day %d", monthsLong[mo-1], year, d)
			}
			return fmt.Errorf("invalid date: %s has no day %d", monthsLong[mo-1], d)
		}
	}
	if has[fDayOfYear] && hasYear && got[fDayOfYear] == 366 && !leap(year) {
		return fmt.Errorf("invalid date: %d has no day of year 366", year)
	}
	if hasYear && year >= -292277022 && year <= 292277022 {
		var date time.Time
		ok := false
		switch {
		case has[fMonth] && has[fDay]:
			date, ok = time.Date(int(year), time.Month(got[fMonth]), int(got[fDay]), 0, 0, 0, 0, time.UTC), true
		case has[fDayOfYear]:
			date, ok = time.Date(int(year), 1, int(got[fDayOfYear]), 0, 0, 0, 0, time.UTC), true
			if has[fMonth] && int64(date.Month()) != got[fMonth] {
				return fmt.Errorf("day of year %d is not in %s", got[fDayOfYear], monthsLong[got[fMonth]-1])
			}
			if has[fDay] && int64(date.Day()) != got[fDay] {
				return fmt.Errorf("day of year %d is not day %d of the month", got[fDayOfYear], got[fDay])
			}
		}
		if ok && has[fDow] && int64(isoDow(date)) != got[fDow] {
			return fmt.Errorf("%s is a %s, not a %s", date.Format("2006-01-02"), daysLong[isoDow(date)-1], daysLong[got[fDow]-1])
		}
	}
	if has[fAmPm] {
		pm := got[fAmPm] == 2
		for _, f := range []field{fHour, fClockHour} {
			if has[f] {
				h := got[f] % 24
				if (h >= 12) != pm {
					return fmt.Errorf("hour %d conflicts with the AM/PM marker", got[f])
				}
			}
		}
	}
	return nil
}

func daysIn(month, year int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
