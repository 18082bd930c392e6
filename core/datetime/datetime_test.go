package datetime

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// ref is Wednesday 2023-07-19 14:05:09.123456789 at +10:00 (day 200 of the
// year, ISO week 29).
var ref = time.Date(2023, 7, 19, 14, 5, 9, 123456789, time.FixedZone("AEST", 10*3600))

func TestFormatEveryLetter(t *testing.T) {
	tests := []struct{ pattern, want string }{
		{"G", "AD"}, {"GGGG", "Anno Domini"}, {"GGGGG", "A"},
		{"y", "2023"}, {"yy", "23"}, {"yyy", "2023"}, {"yyyy", "2023"}, {"yyyyy", "02023"},
		{"u", "2023"}, {"uuuu", "2023"}, {"Y", "2023"}, {"YY", "23"},
		{"M", "7"}, {"MM", "07"}, {"MMM", "Jul"}, {"MMMM", "July"}, {"MMMMM", "J"},
		{"L", "7"}, {"LLL", "Jul"},
		{"Q", "3"}, {"QQ", "03"}, {"QQQ", "Q3"}, {"QQQQ", "3rd quarter"}, {"q", "3"},
		{"w", "29"}, {"ww", "29"}, {"W", "3"}, {"F", "3"},
		{"D", "200"}, {"DD", "200"}, {"DDD", "200"},
		{"d", "19"}, {"dd", "19"},
		{"E", "Wed"}, {"EEE", "Wed"}, {"EEEE", "Wednesday"}, {"EEEEE", "W"},
		{"e", "3"}, {"ee", "03"}, {"eee", "Wed"}, {"c", "3"}, {"cccc", "Wednesday"},
		{"a", "PM"},
		{"H", "14"}, {"HH", "14"}, {"k", "14"}, {"K", "2"}, {"KK", "02"}, {"h", "2"}, {"hh", "02"},
		{"m", "5"}, {"mm", "05"}, {"s", "9"}, {"ss", "09"},
		{"S", "1"}, {"SSS", "123"}, {"SSSSSSSSS", "123456789"},
		{"n", "123456789"}, {"A", "50709123"}, {"N", "50709123456789"},
		{"x", "+10"}, {"xx", "+1000"}, {"xxx", "+10:00"}, {"xxxx", "+1000"}, {"xxxxx", "+10:00"},
		{"X", "+10"}, {"XX", "+1000"}, {"XXX", "+10:00"},
		{"Z", "+1000"}, {"ZZZ", "+1000"}, {"ZZZZ", "GMT+10:00"}, {"ZZZZZ", "+10:00"},
		{"O", "GMT+10"}, {"OOOO", "GMT+10:00"},
		{"z", "AEST"}, {"zzzz", "Australian Eastern Standard Time"}, {"VV", "+10:00"},
		{"'quoted'", "quoted"}, {"''", "'"}, {"'it''s'", "it's"},
		{"yyyy-MM-dd'T'HH:mm:ss.SSSXX", "2023-07-19T14:05:09.123+1000"},
		{"[yyyy]", "2023"},
	}
	for _, tc := range tests {
		got, err := Format(tc.pattern, ref)
		if err != nil || got != tc.want {
			t.Errorf("Format(%q) = %q, %v; want %q", tc.pattern, got, err, tc.want)
			continue
		}
		// Everything Format writes, Validate accepts.
		if err := Validate(tc.pattern, got); err != nil {
			t.Errorf("Validate(%q, %q) = %v", tc.pattern, got, err)
		}
	}
}

func TestFormatUTCAndSpecialCases(t *testing.T) {
	utc := time.Date(2000, 1, 1, 0, 30, 0, 0, time.UTC)
	tests := []struct {
		pattern string
		t       time.Time
		want    string
	}{
		{"X", utc, "Z"}, {"XXX", utc, "Z"}, {"x", utc, "+00"}, {"xxx", utc, "+00:00"},
		{"Z", utc, "+0000"}, {"ZZZZZ", utc, "Z"}, {"O", utc, "GMT"}, {"VV", utc, "UTC"},
		{"k", utc, "24"}, {"h", utc, "12"}, {"K", utc, "0"}, {"a", utc, "AM"},
		{"yyyy", time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC), "+12345"},
		{"G y", time.Date(-43, 1, 1, 0, 0, 0, 0, time.UTC), "BC 44"},
		{"u", time.Date(-43, 1, 1, 0, 0, 0, 0, time.UTC), "-43"},
		{"Y-'W'ww-e", time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC), "2020-W53-5"},
		{"xxxxx", time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", -(5*3600+30*60+15))), "-05:30:15"},
		{"O", time.Date(2000, 1, 1, 0, 0, 0, 0, time.FixedZone("", 9*3600+1800)), "GMT+9:30"},
		{"W", time.Date(2023, 7, 2, 0, 0, 0, 0, time.UTC), "0"},
	}
	for _, tc := range tests {
		got, err := Format(tc.pattern, tc.t)
		if err != nil || got != tc.want {
			t.Errorf("Format(%q, %v) = %q, %v; want %q", tc.pattern, tc.t, got, err, tc.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		pattern, value string
		wantErr        string // "" for valid; else a substring of the error
	}{
		{"yyyy-MM-dd", "2023-07-19", ""},
		{"yyyy-MM-dd", "23/07/19", "expected 4 digits for 'yyyy' at position 0"},
		{"yyyy-MM-dd", "2023-07-19x", "unexpected text at position 10"},
		{"yyyy-MM-dd", "2023-7-19", ""}, // fewer digits accepted, as pact_ffi 0.5.8 does
		{"yyyy-MM-dd", "2023-13-01", "month 13 is out of range"},
		{"yyyy-MM-dd", "2023-00-01", "month 0 is out of range"},
		{"yyyy-MM-dd", "2023-02-29", "February 2023 has no day 29"},
		{"yyyy-MM-dd", "2024-02-29", ""},
		{"yyyy-MM-dd", "2023-04-31", "has no day 31"},
		{"yyyy-MM-dd", "2023-07-32", "out of range"},
		{"yyyy-MM-dd", "", "expected 4 digits for 'yyyy' at position 0, found the end"},
		{"yyyy-MM-dd", "20230-07-19", "expected '-' at position 4"},
		{"yyyy-MM-dd", "+20230-07-19", ""},
		{"uuuu-MM-dd", "-0044-03-15", ""},
		{"y-M-d", "2023-7-9", ""},
		{"y-M-d", "2023-07-09", ""},
		{"yyyyMMdd", "20230719", ""},
		{"yyyyMMddHHmmss", "20230719140509", ""},
		{"yy-MM-dd", "23-07-19", ""},
		{"dd/MM/yy", "23/07/19", ""},
		{"HH:mm:ss", "23:59:59", ""},
		{"HH:mm:ss", "24:00:00", "hour of day 24 is out of range"},
		{"HH:mm:ss", "12:60:00", "minute 60 is out of range"},
		{"HH:mm", "22:04", ""},
		{"hh:mm a", "10:15 PM", ""},
		{"hh:mm a", "10:15 pm", ""},
		{"hh:mm a", "13:15 PM", "out of range"},
		{"HH:mm a", "10:15 PM", "conflicts with the AM/PM marker"},
		{"k:mm", "24:00", ""},
		{"K:mm", "12:00", "out of range"},
		{"HH:mm:ss.SSS", "10:00:00.123", ""},
		{"HH:mm:ss.SSS", "10:00:00.12", ""}, // fewer digits accepted, as pact_ffi 0.5.8 does
		{"HH:mm:ss.SSS", "10:00:00.1", ""},
		{"HH:mm:ss.S", "10:00:00.123", "unexpected text"},
		{"HH:mm:ss", "1:00:00", ""},
		{"HH:mm:ss.SSS", "10:00:00.1234", "unexpected text"},
		{"HH:mm:ss.n", "10:00:00.5", ""},
		{"A", "86399999", ""},
		{"A", "86400000", "out of range"},
		{"N", "86399999999999", ""},
		{"EEE, dd MMM yyyy", "Wed, 19 Jul 2023", ""},
		{"EEE, dd MMM yyyy", "Mon, 19 Jul 2023", "2023-07-19 is a Wednesday, not a Monday"},
		{"EEEE d MMMM yyyy", "Wednesday 19 July 2023", ""},
		{"EEEE d MMMM yyyy", "Wednesday 19 Jly 2023", "expected a month name for 'MMMM'"},
		{"MMM", "Sep", ""},
		{"MMMMM", "J", ""},
		{"e", "7", ""},
		{"e", "8", "out of range"},
		{"ccc", "Sun", ""},
		{"G yyyy", "AD 2023", ""},
		{"GGGG yyyy", "Before Christ 0044", ""},
		{"QQQ yyyy", "Q3 2023", ""},
		{"QQQQ", "4th quarter", ""},
		{"Q yyyy-MM", "2 2023-07", "not in quarter 2"},
		{"yyyy-'W'ww", "2023-W29", ""},
		{"yyyy-'W'ww", "2023-W54", "out of range"},
		{"W", "0", ""},
		{"F", "5", ""},
		{"yyyy-DDD", "2023-200", ""},
		{"yyyy-DDD", "2023-366", "has no day of year 366"},
		{"yyyy-DDD", "2024-366", ""},
		{"D", "7", ""},
		{"yyyy-MM-dd'T'HH:mm:ssXXX", "2020-05-21T16:44:32+10:00", ""},
		{"yyyy-MM-dd'T'HH:mm:ssXXX", "2020-05-21T16:44:32Z", ""},
		{"yyyy-MM-dd'T'HH:mm:ssXXX", "2020-05-21T16:44:32+1000", "expected offset minutes for 'XXX' at position 19"},
		{"yyyy-MM-dd'T'HH:mm:ssXXX", "2020-05-21T16:44:32", "found the end of the value"},
		{"yyyy-MM-dd HH:mm:ssZZZZZ", "2020-05-21 16:44:32+10:00", ""},
		{"yyyy-MM-dd'T'HH:mm:ss.SSSXX", "2024-05-01T10:00:00.000+1000", ""},
		{"yyyy-MM-dd'T'HH:mm:ss.SSSXX", "2024-05-01T10:00:00.000Z", ""},
		{"X", "+10", ""}, {"X", "+1030", ""}, {"X", "Z", ""}, {"x", "Z", "expected an offset"},
		{"xx", "+10", "expected offset minutes"}, {"xx", "-0530", ""}, {"xxxx", "+053015", ""},
		{"xxx", "+19:00", "offset hour"},
		{"Z", "+0000", ""}, {"Z", "+00:00", "expected offset minutes"}, {"ZZZZ", "GMT+10:00", ""},
		{"O", "GMT+10", ""}, {"O", "UTC+9:30", ""}, {"O", "GMT", ""}, {"OOOO", "GMT+08:00", ""},
		{"O", "+10", "expected a GMT offset"},
		{"z", "PST", ""}, {"z", "GMT", ""}, {"zzzz", "Pacific Standard Time", ""}, {"z", "pst", "time-zone name"},
		{"VV", "Australia/Melbourne", ""}, {"VV", "UTC", ""}, {"VV", "Z", ""}, {"VV", "+01:00", ""},
		{"VV", "Nowhere/Special", "time-zone id"},
		{"yyyy-MM-dd'T'HH:mm:ss'['VV']'", "2023-07-19T10:00:00[Europe/Paris]", ""},
		{"'at' HH 'o''clock'", "at 10 o'clock", ""},
		{"''HH''", "'10'", ""},
		{"yyyy-MM-dd[ HH:mm]", "2023-07-19", ""},
		{"yyyy-MM-dd[ HH:mm]", "2023-07-19 10:15", ""},
		{"yyyy-MM-dd[ HH:mm]", "2023-07-19 10", "expected ':' at position 13"},
		{"yyyy年MM月dd日", "2023年07月19日", ""},
		{"dd/MM/yyyy", "31/12/1999", ""},
		{"yyyy-MM-dd", "0000-01-01", "out of range"},
	}
	for _, tc := range tests {
		err := Validate(tc.pattern, tc.value)
		switch {
		case tc.wantErr == "" && err != nil:
			t.Errorf("Validate(%q, %q) = %v; want nil", tc.pattern, tc.value, err)
		case tc.wantErr != "" && err == nil:
			t.Errorf("Validate(%q, %q) = nil; want an error containing %q", tc.pattern, tc.value, tc.wantErr)
		case tc.wantErr != "" && !strings.Contains(err.Error(), tc.wantErr):
			t.Errorf("Validate(%q, %q) = %v; want an error containing %q", tc.pattern, tc.value, err, tc.wantErr)
		}
	}
}

func TestParsePatternErrors(t *testing.T) {
	tests := []struct {
		pattern string
		pos     int
		msg     string
	}{
		{"yyyy-bb", 5, "unknown pattern letter 'b'"},
		{"MMMMMM", 0, "invalid number of pattern letters 'MMMMMM'"},
		{"HHH", 0, "invalid number of pattern letters"},
		{"cc", 0, "invalid number of pattern letters"},
		{"OO", 0, "invalid number of pattern letters"},
		{"V", 0, "invalid number of pattern letters"},
		{"yyyy 'T", 5, "unterminated quoted text"},
		{"yyyy]", 4, "']' without a matching '['"},
		{"[yyyy[MM]", 0, "'[' without a matching ']'"},
		{"yyyy{", 4, "reserved character"},
	}
	for _, tc := range tests {
		_, err := ParsePattern(tc.pattern)
		var pe *PatternError
		if !errors.As(err, &pe) {
			t.Errorf("ParsePattern(%q) = %v; want a *PatternError", tc.pattern, err)
			continue
		}
		if pe.Pos != tc.pos || !strings.Contains(pe.Msg, tc.msg) {
			t.Errorf("ParsePattern(%q) = %v; want position %d and %q", tc.pattern, err, tc.pos, tc.msg)
		}
		if Validate(tc.pattern, "x") == nil {
			t.Errorf("Validate with bad pattern %q succeeded", tc.pattern)
		}
		if _, err := Format(tc.pattern, ref); err == nil {
			t.Errorf("Format with bad pattern %q succeeded", tc.pattern)
		}
	}
}

func TestParsePatternTokens(t *testing.T) {
	toks, err := ParsePattern("yyyy-MM-dd'T'HH[:mm]''")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range toks {
		got = append(got, tok.String())
	}
	want := "yyyy|-|MM|-|dd|'T'|HH|[:mm]|''"
	if strings.Join(got, "|") != want {
		t.Errorf("tokens = %s; want %s", strings.Join(got, "|"), want)
	}
}

// TestRoundTrip formats many instants with many patterns and checks that
// Validate accepts every result.
func TestRoundTrip(t *testing.T) {
	patterns := []string{
		DefaultDate, DefaultTime, DefaultDateTime, DefaultTimestampMatch,
		"EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, MMMM d, y 'at' h:mm:ss a", "yyyyMMdd'T'HHmmssSSSxx",
		"G uuuu-DDD QQQ 'W'w e", "YYYY-'W'ww-e", "dd.MM.yy kk:mm:ss.SSSSSS OOOO", "hh 'o''clock' a, zzzz",
		"yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSZZZZZ'['VV']'", "A N n", "K:mm a, W F",
	}
	zones := []*time.Location{time.UTC, time.FixedZone("", -(3*3600 + 30*60)), time.FixedZone("X", 5*3600+45*60)}
	if syd, err := time.LoadLocation("Australia/Sydney"); err == nil {
		zones = append(zones, syd)
	}
	start := time.Date(1999, 12, 25, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 400; i++ {
		when := start.Add(time.Duration(i) * 37 * time.Hour).Add(time.Duration(i*7919) * time.Millisecond)
		for _, z := range zones {
			for _, p := range patterns {
				s, err := Format(p, when.In(z))
				if err != nil {
					t.Fatalf("Format(%q): %v", p, err)
				}
				if err := Validate(p, s); err != nil {
					t.Errorf("Validate(%q, %q) = %v", p, s, err)
				}
			}
		}
	}
}

func TestDefaultDateTimeShape(t *testing.T) {
	s, err := Format(DefaultDateTime, time.Date(2024, 5, 1, 10, 0, 0, 0, time.FixedZone("", 10*3600)))
	if err != nil || s != "2024-05-01T10:00:00.000+1000" {
		t.Errorf("Format(DefaultDateTime) = %q, %v", s, err)
	}
}

func TestEvaluate(t *testing.T) {
	base := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct{ expr, want string }{
		// §3.3 date expressions
		{"", "2000-01-01T10:00:00Z"},
		{"now", "2000-01-01T10:00:00Z"},
		{"today", "2000-01-01T10:00:00Z"},
		{"yesterday", "1999-12-31T10:00:00Z"},
		{"tomorrow", "2000-01-02T10:00:00Z"},
		{"+ 1 day", "2000-01-02T10:00:00Z"},
		{"+ 1 week", "2000-01-08T10:00:00Z"},
		{"- 2 weeks", "1999-12-18T10:00:00Z"},
		{"+ 4 years", "2004-01-01T10:00:00Z"},
		{"tomorrow+ 4 years", "2004-01-02T10:00:00Z"},
		{"next week", "2000-01-08T10:00:00Z"},
		{"last month", "1999-12-01T10:00:00Z"},
		{"next fortnight", "2000-01-15T10:00:00Z"},
		{"next monday", "2000-01-03T10:00:00Z"},
		{"last wednesday", "1999-12-29T10:00:00Z"},
		{"next mon", "2000-01-03T10:00:00Z"},
		{"last december", "1999-12-01T10:00:00Z"},
		{"next jan", "2001-01-01T10:00:00Z"},
		{"next june + 2 weeks", "2000-06-15T10:00:00Z"},
		{"last mon + 2 weeks", "2000-01-10T10:00:00Z"},
		{"+ 1 day - 2 weeks", "1999-12-19T10:00:00Z"},
		{"last december + 2 weeks + 4 days", "1999-12-19T10:00:00Z"},
		{"next saturday", "2000-01-08T10:00:00Z"},
		{"last saturday", "1999-12-25T10:00:00Z"},
		{"next year", "2001-01-01T10:00:00Z"},
		{"last day", "1999-12-31T10:00:00Z"},
		{"+ 2 months", "2000-03-01T10:00:00Z"},
		{"Tomorrow", "2000-01-02T10:00:00Z"},
		// §3.3 time expressions
		{"@ now", "2000-01-01T10:00:00Z"},
		{"@ midnight", "2000-01-01T00:00:00Z"},
		{"@ noon", "2000-01-01T12:00:00Z"},
		{"@ 2 o'clock", "2000-01-01T14:00:00Z"},
		{"@ 12 o'clock am", "2000-01-01T12:00:00Z"},
		{"@ 1 o'clock pm", "2000-01-01T13:00:00Z"},
		{"@ 1 o'clock am", "2000-01-01T01:00:00Z"},
		{"@ + 1 hour", "2000-01-01T11:00:00Z"},
		{"@ - 2 minutes", "2000-01-01T09:58:00Z"},
		{"@ + 4 seconds", "2000-01-01T10:00:04Z"},
		{"@ + 4 milliseconds", "2000-01-01T10:00:00.004Z"},
		{"@ midnight+ 4 minutes", "2000-01-01T00:04:00Z"},
		{"@ next hour", "2000-01-01T11:00:00Z"},
		{"@ last minute", "2000-01-01T09:59:00Z"},
		{"@ now + 2 hours - 4 minutes", "2000-01-01T11:56:00Z"},
		{"@  + 2 hours - 4 minutes", "2000-01-01T11:56:00Z"},
		{"@ + 25 hours", "2000-01-01T11:00:00Z"},
		// §3.3 combined
		{"today @ 1 o'clock", "2000-01-01T13:00:00Z"},
		{"yesterday @ midnight", "1999-12-31T00:00:00Z"},
		{"yesterday @ midnight - 1 hour", "1999-12-31T23:00:00Z"},
		{"tomorrow @ now", "2000-01-02T10:00:00Z"},
		{"+ 1 day @ noon", "2000-01-02T12:00:00Z"},
		{"+ 1 week @ +1 hour", "2000-01-08T11:00:00Z"},
		{"- 2 weeks @ now + 1 hour", "1999-12-18T11:00:00Z"},
		{"+ 4 years @ midnight", "2004-01-01T00:00:00Z"},
		{"tomorrow+ 4 years @ 3 o'clock + 40 milliseconds", "2004-01-02T15:00:00.04Z"},
		{"next week @ next hour", "2000-01-08T11:00:00Z"},
		{"last month @ last hour", "1999-12-01T09:00:00Z"},
	}
	for _, tc := range tests {
		got, err := Evaluate(tc.expr, base)
		if err != nil {
			t.Errorf("Evaluate(%q) error %v", tc.expr, err)
			continue
		}
		if s := got.Format(time.RFC3339Nano); s != tc.want {
			t.Errorf("Evaluate(%q) = %s; want %s", tc.expr, s, tc.want)
		}
	}
}

func TestEvaluateMonthClamp(t *testing.T) {
	got, err := Evaluate("+ 1 month", time.Date(2000, 1, 31, 0, 0, 0, 0, time.UTC))
	if err != nil || !got.Equal(time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Jan 31 + 1 month = %v, %v; want 2000-02-29", got, err)
	}
	got, err = Evaluate("- 1 year", time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC))
	if err != nil || !got.Equal(time.Date(1999, 2, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("2000-02-29 - 1 year = %v, %v; want 1999-02-28", got, err)
	}
}

func TestEvaluateErrors(t *testing.T) {
	base := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		expr string
		pos  int
		msg  string
	}{
		{"+", 1, "expected a number, found the end of the expression"},
		{"now +", 5, "expected a number"},
		{"tomorr", 0, "found 'tomorr'"},
		{"now @ +", 7, "expected a number"},
		{"+ @ +", 2, "expected a number"},
		{"now+ @ now +", 5, "expected a number"},
		{"now @ now +", 11, "expected a number"},
		{"now @ noo", 6, "found 'noo'"},
		{"+ 1 dayz", 4, "expected day, week, fortnight, month or year"},
		{"next blue", 5, "a day name or a month name"},
		{"now @ 25 o'clock", 6, "hour 25 is out of range"},
		{"now @ 2 oclock", 8, "expected o'clock"},
		{"@ now @ now", 6, "only one '@'"},
		{"now # 1", 4, "unexpected character"},
		{"+ 9999999999 days", 2, "too large"},
		{"now now", 4, "expected '+' or '-'"},
	}
	for _, tc := range tests {
		got, err := Evaluate(tc.expr, base)
		var ee *ExprError
		if !errors.As(err, &ee) {
			t.Errorf("Evaluate(%q) = %v, %v; want an *ExprError", tc.expr, got, err)
			continue
		}
		if ee.Pos != tc.pos || !strings.Contains(ee.Msg, tc.msg) {
			t.Errorf("Evaluate(%q) error %v; want position %d and %q", tc.expr, err, tc.pos, tc.msg)
		}
		if !got.Equal(base) {
			t.Errorf("Evaluate(%q) returned %v on error; want the base", tc.expr, got)
		}
	}
}

func TestEvaluateDateAndTime(t *testing.T) {
	base := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
	d, err := EvaluateDate("tomorrow @ noon", base)
	if err != nil || !d.Equal(base.AddDate(0, 0, 1)) {
		t.Errorf("EvaluateDate = %v, %v", d, err)
	}
	tm, err := EvaluateTime("+ 1 hour", base)
	if err != nil || !tm.Equal(base.Add(time.Hour)) {
		t.Errorf("EvaluateTime = %v, %v", tm, err)
	}
	_, err = EvaluateTime("+ 1 hourz", base)
	var ee *ExprError
	if !errors.As(err, &ee) || ee.Pos != 4 || ee.Expr != "+ 1 hourz" {
		t.Errorf("EvaluateTime error = %v; want position 4", err)
	}
}
