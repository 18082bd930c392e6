package matching

// CompileRegex compiles pattern as matching rules use it — the whole string
// must match, and patterns RE2 rejects (lookarounds, backreferences) fall back
// to regexp2 — and returns its match function. Compiled patterns are cached
// for the life of the process.
//
//	match, err := matching.CompileRegex(`\d+`)
//	match("123")    // true
//	match("abc123") // false: the whole string must match
//
// A pattern neither engine accepts gives an error worded as the reference
// words it: "'(' is not a valid regular expression - ...".
func CompileRegex(pattern string) (func(string) bool, error) {
	m, err := compileRegex(pattern)
	if err != nil {
		return nil, err
	}
	return m.MatchString, nil
}
