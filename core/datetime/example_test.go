package datetime_test

import (
	"fmt"
	"time"

	"github.com/libpact/libpact/core/datetime"
)

func ExampleValidate() {
	fmt.Println(datetime.Validate("yyyy-MM-dd", "2023-07-19"))
	fmt.Println(datetime.Validate("yyyy-MM-dd", "23/07/19"))
	fmt.Println(datetime.Validate("EEE, d MMM yyyy", "Mon, 19 Jul 2023"))
	// Output:
	// <nil>
	// expected 4 digits for 'yyyy' at position 0, found '23/07/19'
	// 2023-07-19 is a Wednesday, not a Monday
}

func ExampleFormat() {
	t := time.Date(2024, 5, 1, 10, 0, 0, 0, time.FixedZone("AEST", 10*3600))
	s, _ := datetime.Format(datetime.DefaultDateTime, t)
	fmt.Println(s)
	s, _ = datetime.Format("EEEE d MMMM uuuu 'at' h:mm a zzz", t)
	fmt.Println(s)
	// Output:
	// 2024-05-01T10:00:00.000+1000
	// Wednesday 1 May 2024 at 10:00 AM AEST
}

func ExampleEvaluate() {
	base := time.Date(2000, 1, 1, 10, 0, 0, 0, time.UTC)
	t, _ := datetime.Evaluate("next june + 2 weeks @ noon", base)
	fmt.Println(t.Format(time.RFC3339))
	_, err := datetime.Evaluate("now +", base)
	fmt.Println(err)
	// Output:
	// 2000-06-15T12:00:00Z
	// error parsing date/time expression 'now +' at position 5: expected a number, found the end of the expression
}
