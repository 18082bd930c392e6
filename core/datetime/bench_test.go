package datetime

import (
	"testing"
	"time"
)

func BenchmarkValidateTimestamp(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if err := Validate(DefaultTimestampMatch, "2020-05-21T16:44:32+10:00"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidateMismatch(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if Validate(DefaultDate, "23/07/19") == nil {
			b.Fatal("matched")
		}
	}
}

func BenchmarkFormatDefaultDateTime(b *testing.B) {
	t := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		if _, err := Format(DefaultDateTime, t); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	t := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		if _, err := Evaluate("tomorrow+ 4 years @ 3 o'clock + 40 milliseconds", t); err != nil {
			b.Fatal(err)
		}
	}
}
