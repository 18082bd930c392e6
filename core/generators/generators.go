// Package generators replaces example values in requests, responses and
// messages with generated ones (spec-checklist §3): random numbers and
// strings, UUIDs, dates and times, values from provider-state callbacks and
// the mock server's URL.
//
//	req, err := generators.GenerateRequest(&interaction.Request, generators.Provider,
//		generators.Context{"providerState": map[string]any{"id": 1000}})
//
// Generation never fails as a whole: a generator that cannot run leaves its
// value unchanged and adds to the returned error, which callers usually log.
package generators

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"

	"github.com/dlclark/regexp2"
	"github.com/google/uuid"
	"github.com/lucasjones/reggen"

	"github.com/libpact/libpact/core/datetime"
	"github.com/libpact/libpact/core/model"
)

// Mode says who is generating: the consumer side (mock server, message
// reification) or the provider side (verifier). ProviderState generators run
// only for Provider, MockServerURL only for Consumer.
type Mode int

// The modes.
const (
	Consumer Mode = iota
	Provider
)

// String returns "Consumer" or "Provider".
func (m Mode) String() string {
	if m == Provider {
		return "Provider"
	}
	return "Consumer"
}

// Context holds the values generators read:
//
//	"providerState": map[string]any — provider-state params and callback values
//	"mockServer":    map[string]any — {"url": "http://127.0.0.1:PORT", "port": PORT} ("href" also read)
//	"baseDate", "baseTime", "baseDateTime": string (RFC 3339) or time.Time — fixed clocks
type Context map[string]any

// ErrPlugin is wrapped by the error for a generator type this library does not
// know (the reference would look it up among plugins).
var ErrPlugin = errors.New("plugins are not supported")

// Generate produces a value for generator g, given the example value it
// replaces. It returns the example unchanged with applied false when g does
// not run in mode (ProviderState outside Provider mode, MockServerURL outside
// Consumer mode), and the example unchanged with an error when g cannot run.
//
//	v, ok, err := generators.Generate(model.Generator{Type: "RandomInt",
//		Attrs: map[string]any{"min": 1, "max": 6}}, 3, generators.Consumer, nil)
//	// v is an int64 in [1, 6]; with the example "3" it would be a string
//
// Numeric generators follow the example's type: a string example gives a
// string, any other gives a number.
func Generate(g model.Generator, example any, mode Mode, ctx Context) (value any, applied bool, err error) {
	switch g.Type {
	case "ProviderState":
		if mode != Provider {
			return example, false, nil
		}
	case "MockServerURL":
		if mode != Consumer {
			return example, false, nil
		}
	}
	v, err := generate(g, example, ctx)
	if err != nil {
		return example, false, err
	}
	return v, true, nil
}

func generate(g model.Generator, example any, ctx Context) (any, error) {
	switch g.Type {
	case "RandomInt":
		lo, err := attrInt(g, "min", 0)
		if err != nil {
			return nil, err
		}
		hi, err := attrInt(g, "max", 10)
		if err != nil {
			return nil, err
		}
		if lo > hi {
			return nil, fmt.Errorf("RandomInt: min %d is greater than max %d", lo, hi)
		}
		n := lo + randInt63n(hi-lo+1)
		if isString(example) {
			return strconv.FormatInt(n, 10), nil
		}
		return n, nil
	case "RandomDecimal":
		digits, err := attrInt(g, "digits", 10)
		if err != nil {
			return nil, err
		}
		s := randomDecimal(int(clamp(digits, 1, 1000)))
		if isNumber(example) {
			f, _ := strconv.ParseFloat(s, 64)
			return f, nil
		}
		return s, nil
	case "RandomHexadecimal":
		digits, err := attrInt(g, "digits", 10)
		if err != nil {
			return nil, err
		}
		return randomFrom("0123456789ABCDEF", int(clamp(digits, 0, 100000))), nil
	case "RandomString":
		size, err := attrInt(g, "size", 10)
		if err != nil {
			return nil, err
		}
		return randomFrom("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", int(clamp(size, 0, 100000))), nil
	case "Regex":
		re, _ := g.Attrs["regex"].(string)
		if re == "" {
			return nil, errors.New("Regex generator has no 'regex' attribute")
		}
		return FromRegex(re)
	case "Uuid":
		format, _ := g.Attrs["format"].(string)
		return formatUUID(uuid.New(), format), nil
	case "Date", "Time", "DateTime":
		return generateDateTime(g, ctx)
	case "RandomBoolean":
		return randInt63n(2) == 1, nil
	case "ProviderState":
		return providerState(g, ctx)
	case "MockServerURL":
		return mockServerURL(g, example, ctx)
	case "":
		return nil, errors.New("generator has no type")
	}
	return nil, fmt.Errorf("unknown generator type '%s': %w", g.Type, ErrPlugin)
}

func clamp(v, lo, hi int64) int64 { return max(lo, min(v, hi)) }

// attrInt reads an integer attribute, accepting JSON numbers and numeric
// strings (as the reference's json_to_num does).
func attrInt(g model.Generator, key string, def int64) (int64, error) {
	v, ok := g.Attrs[key]
	if !ok || v == nil {
		return def, nil
	}
	n, ok := toInt(v)
	if !ok {
		return 0, fmt.Errorf("%s generator: attribute '%s' is not a number: %v", g.Type, key, v)
	}
	return n, nil
}

func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case int:
		return int64(n), true
	case int32:
		return int64(n), true
	case int64:
		return n, true
	case uint16:
		return int64(n), true
	case uint32:
		return int64(n), true
	case uint64:
		if n > math.MaxInt64 {
			return 0, false
		}
		return int64(n), true
	case float64:
		if n != math.Trunc(n) || math.Abs(n) > 1<<62 {
			return 0, false
		}
		return int64(n), true
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return i, true
		}
		if f, err := n.Float64(); err == nil {
			return toInt(f)
		}
	case string:
		s := strings.TrimSpace(n)
		if i, err := strconv.ParseInt(s, 10, 64); err == nil {
			return i, true
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return toInt(f)
		}
	}
	return 0, false
}

func isString(v any) bool { _, ok := v.(string); return ok }

func isNumber(v any) bool {
	switch v.(type) {
	case int, int32, int64, uint16, uint32, uint64, float32, float64, json.Number:
		return true
	}
	return false
}

// randInt63n returns a uniform random number in [0, n) from crypto/rand.
func randInt63n(n int64) int64 {
	if n <= 1 {
		return 0
	}
	v, err := rand.Int(rand.Reader, big.NewInt(n))
	if err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return v.Int64()
}

func randomFrom(chars string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = chars[randInt63n(int64(len(chars)))]
	}
	return string(b)
}

// randomDecimal returns digits decimal digits with a point inside them (none
// for one digit), never starting with two zeros: 1 → "7", 2 → "3.1",
// 6 → "4821.07".
func randomDecimal(digits int) string {
	if digits == 1 {
		return randomFrom("0123456789", 1)
	}
	first := randomFrom("123456789", 1)
	rest := randomFrom("0123456789", digits-1)
	s := first + rest
	point := 1 + int(randInt63n(int64(digits-1)))
	return s[:point] + "." + s[point:]
}

func formatUUID(u uuid.UUID, format string) string {
	switch format {
	case "simple":
		return strings.ReplaceAll(u.String(), "-", "")
	case "upper-case-hyphenated":
		return strings.ToUpper(u.String())
	case "URN":
		return u.URN()
	}
	return u.String()
}

// FromRegex returns a random string that the regex matches. Anchors (^, $,
// \A, \z) and word-boundary assertions are dropped, and unbounded repeats
// (*, +, {n,}) repeat at most 20 times.
//
//	s, _ := generators.FromRegex(`^\d{1,8}$`) // e.g. "40712"
//
// Regexes that Go's RE2 syntax cannot parse (lookarounds, backreferences)
// give an error.
func FromRegex(re string) (s string, err error) {
	defer func() {
		// reggen panics on classes with no printable member ([^\x00-\x{10FFFF}]).
		if r := recover(); r != nil {
			s, err = "", fmt.Errorf("cannot generate a string from the regex '%s': %v", re, r)
		}
	}()
	parsed, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return "", fmt.Errorf("cannot generate a string from the regex '%s': %w", re, err)
	}
	parsed = stripAssertions(parsed)
	gen, err := reggen.NewGenerator(parsed.String())
	if err != nil {
		return "", fmt.Errorf("cannot generate a string from the regex '%s': %w", re, err)
	}
	return gen.Generate(20), nil
}

// stripAssertions replaces zero-width assertions with empty matches and caps
// {n,} repeats, so that reggen (which knows neither) can run.
func stripAssertions(re *syntax.Regexp) *syntax.Regexp {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}
	case syntax.OpRepeat:
		if re.Max < 0 {
			re.Max = max(re.Min, 20)
		}
	case syntax.OpNoMatch:
		return &syntax.Regexp{Op: syntax.OpEmptyMatch}
	}
	for i, s := range re.Sub {
		re.Sub[i] = stripAssertions(s)
	}
	return re
}

// baseTime reads a fixed clock from the context, or returns now.
func baseTime(ctx Context, key string) (time.Time, error) {
	v, ok := ctx[key]
	if !ok || v == nil {
		return time.Now(), nil
	}
	switch t := v.(type) {
	case time.Time:
		return t, nil
	case string:
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02", "15:04:05", "15:04"} {
			if p, err := time.Parse(layout, t); err == nil {
				if layout[0] == '1' {
					now := time.Now()
					p = time.Date(now.Year(), now.Month(), now.Day(), p.Hour(), p.Minute(), p.Second(), p.Nanosecond(), now.Location())
				}
				return p, nil
			}
		}
	}
	return time.Time{}, fmt.Errorf("context value '%s' is not a date/time: %v", key, v)
}

func generateDateTime(g model.Generator, ctx Context) (any, error) {
	format, _ := g.Attrs["format"].(string)
	expr, _ := g.Attrs["expression"].(string)
	var key, def string
	eval := datetime.Evaluate
	switch g.Type {
	case "Date":
		key, def, eval = "baseDate", datetime.DefaultDate, datetime.EvaluateDate
	case "Time":
		key, def, eval = "baseTime", datetime.DefaultTime, datetime.EvaluateTime
	default:
		key, def = "baseDateTime", datetime.DefaultDateTime
	}
	if format == "" {
		format = def
	}
	if _, ok := ctx[key]; !ok && key != "baseDateTime" {
		key = "baseDateTime" // a fixed date-time clock also fixes dates and times
	}
	base, err := baseTime(ctx, key)
	if err != nil {
		return nil, err
	}
	t := base
	if strings.TrimSpace(expr) != "" {
		if t, err = eval(expr, base); err != nil {
			return nil, fmt.Errorf("%s generator: %w", g.Type, err)
		}
	}
	s, err := datetime.Format(format, t)
	if err != nil {
		return nil, fmt.Errorf("%s generator: %w", g.Type, err)
	}
	return s, nil
}

// lookup finds a provider-state value: in ctx["providerState"], else in the
// context itself.
func lookup(ctx Context, key string) (any, bool) {
	if ps, ok := ctx["providerState"].(map[string]any); ok {
		if v, ok := ps[key]; ok {
			return v, true
		}
	}
	if ps, ok := ctx["providerState"].(Context); ok {
		if v, ok := ps[key]; ok {
			return v, true
		}
	}
	v, ok := ctx[key]
	return v, ok
}

func providerState(g model.Generator, ctx Context) (any, error) {
	expr, _ := g.Attrs["expression"].(string)
	if expr == "" {
		return nil, errors.New("ProviderState generator has no 'expression' attribute")
	}
	var value any
	if !strings.Contains(expr, "${") {
		v, ok := lookup(ctx, expr)
		if !ok {
			return nil, fmt.Errorf("ProviderState generator: no value for '%s' in the provider state", expr)
		}
		value = v
	} else if key, ok := loneKey(expr); ok {
		v, found := lookup(ctx, key)
		if !found {
			return nil, fmt.Errorf("ProviderState generator: no value for '%s' in the provider state (expression '%s')", key, expr)
		}
		value = v
	} else {
		var b strings.Builder
		rest := expr
		for {
			i := strings.Index(rest, "${")
			if i < 0 {
				b.WriteString(rest)
				break
			}
			j := strings.IndexByte(rest[i:], '}')
			if j < 0 {
				b.WriteString(rest)
				break
			}
			key := rest[i+2 : i+j]
			v, found := lookup(ctx, key)
			if !found {
				return nil, fmt.Errorf("ProviderState generator: no value for '%s' in the provider state (expression '%s')", key, expr)
			}
			b.WriteString(rest[:i])
			b.WriteString(ToString(v))
			rest = rest[i+j+1:]
		}
		value = b.String()
	}
	dataType, _ := g.Attrs["dataType"].(string)
	return castTo(value, dataType)
}

// loneKey reports whether expr is exactly "${key}".
func loneKey(expr string) (string, bool) {
	if strings.HasPrefix(expr, "${") && strings.HasSuffix(expr, "}") && strings.Count(expr, "${") == 1 && strings.IndexByte(expr, '}') == len(expr)-1 {
		return expr[2 : len(expr)-1], true
	}
	return "", false
}

// castTo converts a provider-state value to the generator's dataType.
func castTo(v any, dataType string) (any, error) {
	switch strings.ToUpper(dataType) {
	case "", "RAW":
		return v, nil
	case "STRING":
		return ToString(v), nil
	case "INTEGER":
		if n, ok := toInt(v); ok {
			return n, nil
		}
	case "DECIMAL", "FLOAT":
		switch n := v.(type) {
		case float64:
			return n, nil
		case json.Number:
			if f, err := n.Float64(); err == nil {
				return f, nil
			}
		case string:
			if f, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
				return f, nil
			}
		default:
			if i, ok := toInt(v); ok {
				return float64(i), nil
			}
		}
	case "BOOLEAN":
		switch b := v.(type) {
		case bool:
			return b, nil
		case string:
			if p, err := strconv.ParseBool(strings.TrimSpace(b)); err == nil {
				return p, nil
			}
		}
	default:
		return nil, fmt.Errorf("ProviderState generator: unknown dataType '%s'", dataType)
	}
	return nil, fmt.Errorf("ProviderState generator: cannot convert %s to %s", ToString(v), strings.ToUpper(dataType))
}

// ToString gives the text form of a generated value: strings as they are,
// everything else as JSON (1000, 1.5, true, {"a":1}).
func ToString(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case nil:
		return ""
	case json.Number:
		return s.String()
	case float64:
		return strconv.FormatFloat(s, 'f', -1, 64)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func mockServerURL(g model.Generator, example any, ctx Context) (any, error) {
	ms, _ := ctx["mockServer"].(map[string]any)
	if ms == nil {
		if c, ok := ctx["mockServer"].(Context); ok {
			ms = c
		}
	}
	url, _ := ms["url"].(string)
	if url == "" {
		url, _ = ms["href"].(string)
	}
	if url == "" {
		return nil, errors.New("MockServerURL generator: the context has no mock server URL")
	}
	ex, _ := g.Attrs["example"].(string)
	if ex == "" {
		ex, _ = example.(string)
	}
	pattern, _ := g.Attrs["regex"].(string)
	if pattern == "" {
		return nil, errors.New("MockServerURL generator has no 'regex' attribute")
	}
	if quotesLiterals(pattern) {
		// RE2 would take it, but the reference's regex engine rejects \Q...\E,
		// fails the generator and so serves the example unchanged (the
		// compatibility suite's broker pact pact-broker_c2.json relies on it).
		return nil, fmt.Errorf("MockServerURL generator: invalid regex '%s': \\Q...\\E quoting is not supported", pattern)
	}
	start, end, group, err := firstMatch(pattern, ex)
	if err != nil {
		return nil, fmt.Errorf("MockServerURL generator: %w", err)
	}
	if start < 0 {
		return nil, fmt.Errorf("MockServerURL generator: regex '%s' does not match the example '%s'", pattern, ex)
	}
	return ex[:start] + url + group + ex[end:], nil
}

// quotesLiterals reports whether pattern uses the \Q...\E literal quoting
// escape (an escaped backslash "\\Q" does not count).
func quotesLiterals(pattern string) bool {
	for i := 0; i+1 < len(pattern); i++ {
		if pattern[i] != '\\' {
			continue
		}
		if c := pattern[i+1]; c == 'Q' || c == 'E' {
			return true
		}
		i++
	}
	return false
}

// firstMatch finds the first match of pattern in s and its first capture
// group, using RE2 or, for patterns RE2 rejects, regexp2.
func firstMatch(pattern, s string) (start, end int, group string, err error) {
	if re, err := regexp.Compile(pattern); err == nil {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			return -1, -1, "", nil
		}
		if len(m) >= 4 && m[2] >= 0 {
			group = s[m[2]:m[3]]
		}
		return m[0], m[1], group, nil
	}
	re, err := regexp2.Compile(pattern, regexp2.None)
	if err != nil {
		return 0, 0, "", fmt.Errorf("invalid regex '%s': %w", pattern, err)
	}
	re.MatchTimeout = time.Second
	m, err := re.FindStringMatch(s)
	if err != nil || m == nil {
		return -1, -1, "", err
	}
	if gs := m.Groups(); len(gs) > 1 && len(gs[1].Captures) > 0 {
		group = gs[1].String()
	}
	// regexp2 indexes runes; convert to byte offsets.
	runes := []rune(s)
	start = len(string(runes[:m.Index]))
	end = len(string(runes[:m.Index+m.Length]))
	return start, end, group, nil
}
