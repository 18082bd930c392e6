package datetime

import (
	"strconv"
	"strings"
	"time"
)

var (
	monthsShort = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	monthsLong  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	// Monday first, as ISO numbers them (1 = Monday).
	daysShort = []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	daysLong  = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	quarters  = []string{"1st quarter", "2nd quarter", "3rd quarter", "4th quarter"}
)

// zoneNames gives the long name of some common zone abbreviations, for the
// "zzzz" letter.
var zoneNames = map[string]string{
	"UTC": "Coordinated Universal Time", "GMT": "Greenwich Mean Time",
	"EST": "Eastern Standard Time", "EDT": "Eastern Daylight Time",
	"CST": "Central Standard Time", "CDT": "Central Daylight Time",
	"MST": "Mountain Standard Time", "MDT": "Mountain Daylight Time",
	"PST": "Pacific Standard Time", "PDT": "Pacific Daylight Time",
	"BST": "British Summer Time", "CET": "Central European Standard Time",
	"CEST": "Central European Summer Time", "AEST": "Australian Eastern Standard Time",
	"AEDT": "Australian Eastern Daylight Time", "JST": "Japan Standard Time",
}

// Format formats t with a Java DateTimeFormatter pattern.
//
//	s, err := datetime.Format("yyyy-MM-dd'T'HH:mm:ss.SSSXX", t)
//	// "2024-05-01T10:00:00.000+1000"
//
// An invalid pattern gives the *PatternError of ParsePattern. Optional
// sections are always printed, since a time.Time has every field.
func Format(pattern string, t time.Time) (string, error) {
	toks, err := ParsePattern(pattern)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	formatTokens(&b, toks, t)
	return b.String(), nil
}

func formatTokens(b *strings.Builder, toks []Token, t time.Time) {
	for _, tok := range toks {
		switch tok.Letter {
		case 0:
			b.WriteString(tok.Text)
		case '[':
			formatTokens(b, tok.Optional, t)
		default:
			b.WriteString(formatField(tok.Letter, tok.Count, t))
		}
	}
}

// pad writes v with at least width digits; a negative v gets a leading '-'.
func pad(v int64, width int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if len(s) < width {
		s = strings.Repeat("0", width-len(s)) + s
	}
	if neg {
		s = "-" + s
	}
	return s
}

// number formats a plain numeric field: count 1 is unpadded, count n pads to n.
func number(v int64, count int) string { return pad(v, count) }

// year formats a year the way Java does for y, u and Y: "yy" is the last two
// digits; four or more letters pad, and a year wider than the pattern gets a
// sign ("+10000" for "yyyy").
func year(v int64, count int, signed bool) string {
	switch {
	case count == 2:
		r := v % 100
		if r < 0 {
			r += 100
		}
		return pad(r, 2)
	case count >= 4:
		s := pad(v, count)
		if v >= 0 && len(s) > count {
			s = "+" + s
		}
		return s
	}
	if !signed && v < 0 {
		v = -v
	}
	return pad(v, count)
}

// isoDow returns the ISO day of the week, 1 = Monday ... 7 = Sunday.
func isoDow(t time.Time) int {
	d := int(t.Weekday())
	if d == 0 {
		return 7
	}
	return d
}

// weekOfMonth is the ISO week of the month (Monday start, minimum 4 days in
// the first week), as java.time WeekFields.ISO computes it: 0 for days before
// the first full week.
func weekOfMonth(t time.Time) int {
	day := t.Day()
	dow := isoDow(t)
	weekStart := ((day-dow)%7 + 7) % 7
	offset := -weekStart
	if weekStart+1 > 4 {
		offset = 7 - weekStart
	}
	return (7 + offset + (day - 1)) / 7
}

func formatField(letter rune, count int, t time.Time) string {
	switch letter {
	case 'G':
		ad := t.Year() > 0
		switch {
		case count == 4 && ad:
			return "Anno Domini"
		case count == 4:
			return "Before Christ"
		case count == 5 && ad:
			return "A"
		case count == 5:
			return "B"
		case ad:
			return "AD"
		}
		return "BC"
	case 'y':
		y := int64(t.Year())
		if y <= 0 {
			y = 1 - y // year of era
		}
		return year(y, count, false)
	case 'u':
		return year(int64(t.Year()), count, true)
	case 'Y':
		y, _ := t.ISOWeek()
		return year(int64(y), count, true)
	case 'M', 'L':
		m := int(t.Month())
		switch count {
		case 3:
			return monthsShort[m-1]
		case 4:
			return monthsLong[m-1]
		case 5:
			return monthsLong[m-1][:1]
		}
		return number(int64(m), count)
	case 'Q', 'q':
		q := (int(t.Month())-1)/3 + 1
		switch count {
		case 3:
			return "Q" + strconv.Itoa(q)
		case 4:
			return quarters[q-1]
		case 5:
			return strconv.Itoa(q)
		}
		return number(int64(q), count)
	case 'w':
		_, w := t.ISOWeek()
		return number(int64(w), count)
	case 'W':
		return number(int64(weekOfMonth(t)), count)
	case 'F':
		return number(int64((t.Day()-1)/7+1), count)
	case 'D':
		return number(int64(t.YearDay()), count)
	case 'd':
		return number(int64(t.Day()), count)
	case 'E', 'e', 'c':
		dow := isoDow(t)
		if letter != 'E' && count <= 2 {
			return number(int64(dow), count)
		}
		switch count {
		case 4:
			return daysLong[dow-1]
		case 5:
			return daysLong[dow-1][:1]
		}
		return daysShort[dow-1]
	case 'a':
		if t.Hour() < 12 {
			return "AM"
		}
		return "PM"
	case 'H':
		return number(int64(t.Hour()), count)
	case 'k':
		h := t.Hour()
		if h == 0 {
			h = 24
		}
		return number(int64(h), count)
	case 'K':
		return number(int64(t.Hour()%12), count)
	case 'h':
		h := t.Hour() % 12
		if h == 0 {
			h = 12
		}
		return number(int64(h), count)
	case 'm':
		return number(int64(t.Minute()), count)
	case 's':
		return number(int64(t.Second()), count)
	case 'S':
		return pad(int64(t.Nanosecond()), 9)[:count]
	case 'n':
		return number(int64(t.Nanosecond()), count)
	case 'A':
		return number(int64(nanoOfDay(t)/1e6), count)
	case 'N':
		return number(nanoOfDay(t), count)
	case 'x', 'X', 'Z', 'O':
		_, off := t.Zone()
		return formatOffset(letter, count, off)
	case 'z':
		name, off := t.Zone()
		if !isAbbreviation(name) {
			return formatOffset('O', 4, off)
		}
		if count == 4 {
			if long, ok := zoneNames[name]; ok {
				return long
			}
		}
		return name
	case 'V':
		if name := t.Location().String(); name != "Local" && validZoneID(name) {
			return name
		}
		_, off := t.Zone()
		return formatOffset('X', 5, off)
	}
	return ""
}

func nanoOfDay(t time.Time) int64 {
	return int64(t.Hour())*3600e9 + int64(t.Minute())*60e9 + int64(t.Second())*1e9 + int64(t.Nanosecond())
}

// formatOffset prints a zone offset (seconds east of UTC) as the offset
// letters x, X, Z and O do.
func formatOffset(letter rune, count int, off int) string {
	sign := "+"
	if off < 0 {
		sign = "-"
		off = -off
	}
	hh, mm, ss := off/3600, off/60%60, off%60
	two := func(v int) string { return pad(int64(v), 2) }
	gmt := func(long bool) string {
		if off == 0 {
			return "GMT"
		}
		if long {
			s := "GMT" + sign + two(hh) + ":" + two(mm)
			if ss != 0 {
				s += ":" + two(ss)
			}
			return s
		}
		s := "GMT" + sign + strconv.Itoa(hh)
		if mm != 0 || ss != 0 {
			s += ":" + two(mm)
		}
		if ss != 0 {
			s += ":" + two(ss)
		}
		return s
	}
	switch letter {
	case 'O':
		return gmt(count == 4)
	case 'Z':
		switch {
		case count <= 3:
			return sign + two(hh) + two(mm)
		case count == 4:
			return gmt(true)
		}
		if off == 0 {
			return "Z"
		}
		s := sign + two(hh) + ":" + two(mm)
		if ss != 0 {
			s += ":" + two(ss)
		}
		return s
	}
	if letter == 'X' && off == 0 {
		return "Z"
	}
	s := sign + two(hh)
	switch count {
	case 1:
		if mm != 0 {
			s += two(mm)
		}
	case 2:
		s += two(mm)
	case 3:
		s += ":" + two(mm)
	case 4:
		s += two(mm)
		if ss != 0 {
			s += two(ss)
		}
	case 5:
		s += ":" + two(mm)
		if ss != 0 {
			s += ":" + two(ss)
		}
	}
	return s
}

// isAbbreviation reports whether name looks like a zone abbreviation (PST).
func isAbbreviation(name string) bool {
	if len(name) < 2 || len(name) > 6 {
		return false
	}
	for i := 0; i < len(name); i++ {
		if name[i] < 'A' || name[i] > 'Z' {
			return false
		}
	}
	return true
}
