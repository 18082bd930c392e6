package datetime

import (
	"testing"
	"time"
)

func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{DefaultDate, DefaultTime, DefaultDateTime, DefaultTimestampMatch, "EEE, dd MMM yyyy HH:mm:ss zzz",
		"'it''s' [HH[:mm]]", "GGGG uuuu QQQQ w W F D e c a k K h n A N x X Z O z VV", "yyyy]", "'open", "[[", "{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pattern string) {
		toks, err := ParsePattern(pattern)
		if err != nil {
			return
		}
		// A valid pattern formats any instant, and accepts what it wrote.
		when := time.Date(2021, 3, 14, 15, 9, 26, 535897932, time.FixedZone("", 3600))
		s, err := Format(pattern, when)
		if err != nil {
			t.Fatalf("Format(%q) failed after ParsePattern succeeded: %v", pattern, err)
		}
		_ = Validate(pattern, s)
		// Re-serialising the tokens gives an equivalent pattern.
		var re string
		for _, tok := range toks {
			re += tok.String()
		}
		s2, err := Format(re, when)
		if err != nil || s2 != s {
			t.Fatalf("pattern %q re-serialised as %q formats %q, %v; want %q", pattern, re, s2, err, s)
		}
	})
}

func FuzzValidate(f *testing.F) {
	seeds := [][2]string{
		{DefaultDate, "2023-07-19"}, {DefaultDate, "23/07/19"}, {DefaultTimestampMatch, "2020-05-21T16:44:32+10:00"},
		{"yyyyMMddHHmmss", "20230719140509"}, {"EEE, dd MMM yyyy HH:mm:ss zzz", "Wed, 19 Jul 2023 10:00:00 GMT"},
		{"d M y h m s", "1 2 3 4 5 6"}, {"VV", "Europe/Paris"}, {"O", "UTC+9:30"}, {"[y][M][d]", "2023"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, value string) {
		_ = Validate(pattern, value)
	})
}

func FuzzEvaluate(f *testing.F) {
	for _, s := range []string{"", "now", "tomorrow+ 4 years @ 3 o'clock + 40 milliseconds", "last december + 2 weeks + 4 days",
		"@ 12 o'clock am", "next june + 2 weeks", "+ @ +", "yesterday @ midnight - 1 hour", "@ next hour"} {
		f.Add(s)
	}
	base := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, expr string) {
		got, err := Evaluate(expr, base)
		if err != nil {
			if _, ok := err.(*ExprError); !ok {
				t.Fatalf("Evaluate(%q) error %T %v; want *ExprError", expr, err, err)
			}
			if !got.Equal(base) {
				t.Fatalf("Evaluate(%q) failed but moved the time", expr)
			}
			return
		}
		// The time-only and date-only forms must not panic either.
		_, _ = EvaluateTime(expr, base)
		_, _ = EvaluateDate(expr, base)
	})
}
