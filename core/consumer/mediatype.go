package consumer

import (
	"errors"
	"fmt"
	"mime"
	"strings"

	"github.com/libpact/libpact/core/logging"
)

// usableContentType returns ct, or "" (with the reference's error log) when
// ct is not a media type: pact_ffi's with_body then takes the content type
// already declared, or detects one, as for no content type at all. pact-js's
// V2 DSL passes a header matcher's integration JSON
// (`{"value":"application/json","pact:matcher:type":"regex",...}`) as the
// content type.
//
//	usableContentType("application/json; charset=utf-8") // unchanged
//	usableContentType(`{"value":"application/json"}`)    // ""
func usableContentType(ct string) string {
	if ct == "" || isPlainMediaType(ct) {
		return ct
	}
	base, _, err := mime.ParseMediaType(ct)
	if err == nil && !strings.Contains(base, "/") {
		err = errors.New("a media type needs a type and a subtype")
	}
	if err != nil {
		logging.LogError(fmt.Sprintf("Failed to parse '%s' as a content type (%v), falling back to auto-detection", ct, err))
		return ""
	}
	return ct
}

// isPlainMediaType reports whether ct is a bare type/subtype of token
// characters ("application/json"), which mime.ParseMediaType accepts: the
// common case, that needs no parse (and no map of parameters).
//
//	isPlainMediaType("application/json")                // true
//	isPlainMediaType("application/json; charset=utf-8") // false: parse it
func isPlainMediaType(ct string) bool {
	slash := strings.IndexByte(ct, '/')
	if slash <= 0 || slash == len(ct)-1 {
		return false
	}
	for i := 0; i < len(ct); i++ {
		if i != slash && !tokenChar[ct[i]] {
			return false
		}
	}
	return true
}

// tokenChar says which bytes are token characters of RFC 1521, as
// mime.ParseMediaType reads them: printable ASCII but the tspecials.
//
//	tokenChar['a'], tokenChar[';'] // true, false
var tokenChar = func() (t [256]bool) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune(`()<>@,;:\"/[]?=`, c)
	}
	return t
}()
