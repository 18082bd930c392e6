package matching

import (
	"fmt"
	"regexp"
	"sync"
	"time"

	"github.com/dlclark/regexp2"
)

// stringMatcher is a compiled regular expression that must match a whole
// string.
type stringMatcher interface {
	MatchString(s string) bool
}

type regexp2Matcher struct{ re *regexp2.Regexp }

func (m regexp2Matcher) MatchString(s string) bool {
	ok, err := m.re.MatchString(s)
	return err == nil && ok
}

type regexResult struct {
	m   stringMatcher
	err error
}

// regexCache holds compiled patterns; patterns come from pact files, so the
// set is small and is kept for the life of the process.
var regexCache sync.Map // string → regexResult

// compileRegex compiles pattern for a whole-string match, as the reference
// (Oniguruma) does: "\d{1,4}" does not match "9999X". Patterns that Go's RE2
// syntax rejects (lookarounds, backreferences) fall back to regexp2.
func compileRegex(pattern string) (stringMatcher, error) {
	if v, ok := regexCache.Load(pattern); ok {
		r := v.(regexResult)
		return r.m, r.err
	}
	var res regexResult
	if re, err := regexp.Compile(`^(?:` + pattern + `)$`); err == nil {
		res.m = re
	} else if re2, err2 := regexp2.Compile(`^(?:`+pattern+`)$`, regexp2.None); err2 == nil {
		re2.MatchTimeout = 5 * time.Second
		res.m = regexp2Matcher{re2}
	} else {
		res.err = fmt.Errorf("'%s' is not a valid regular expression - %v", pattern, err)
	}
	regexCache.Store(pattern, res)
	return res.m, res.err
}
