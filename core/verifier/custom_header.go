package verifier

import "fmt"

// CheckCustomHeader reports whether name: value can be sent to the provider
// as a custom header (Config.CustomHeaders). It is an error when the name is
// empty or holds a space, a control character, a byte outside ASCII or a
// colon, or when the value holds CR, LF or NUL; Verify checks every custom
// header this way before it sends anything.
//
//	verifier.CheckCustomHeader("X-Tenant", "t1") // nil
//	verifier.CheckCustomHeader("X Tenant", "t1") // Custom header 'X Tenant' has an invalid name or value 't1'
func CheckCustomHeader(name, value string) error {
	if !validHeader(name, value) {
		return fmt.Errorf("Custom header '%s' has an invalid name or value '%s'", name, value)
	}
	return nil
}
