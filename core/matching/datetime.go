package matching

import "github.com/libpact/libpact/core/datetime"

// validateDateTime checks value against a Java DateTimeFormatter pattern. It
// is the one place date, time and timestamp rules reach date/time validation.
func validateDateTime(pattern, value string) error {
	return datetime.Validate(pattern, value)
}
