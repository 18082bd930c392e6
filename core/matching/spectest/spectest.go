// Package spectest runs the pact-specification testcases
// (pact-specification/v*/testcases/**.json) through the matching engine. It is
// shared by the conformance runner (conformance/spec) and the matching tests.
package spectest

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/libpact/libpact/core/matching"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// Versions are the specification directories, in order, with the version
// their testcases are written in.
var Versions = []struct {
	Dir string
	Ver model.SpecVersion
}{
	{"v1", model.V1}, {"v1.1", model.V1_1}, {"v2", model.V2}, {"v3", model.V3}, {"v4", model.V4},
}

// Result is the outcome of one testcase file.
type Result struct {
	Version    string // "v3"
	File       string // relative to the version's testcases dir: "request/body/array at top level.json"
	Comment    string
	Want       bool // the file's "match"
	Got        bool
	Mismatches []matching.Mismatch
	Err        error // the file could not be read or decoded
}

// Passed reports whether the engine agreed with the testcase.
func (r Result) Passed() bool { return r.Err == nil && r.Want == r.Got }

// Key names the testcase as DEVIATIONS.md does: "v3/request/body/x.json".
func (r Result) Key() string { return r.Version + "/" + r.File }

// FindDir returns the conformance data directory: $PACT_CONFORMANCE_DIR, or
// ../shared/conformance relative to the repository root (the directory with
// go.mod, found by walking up from the working directory).
func FindDir() (string, error) {
	if d := os.Getenv("PACT_CONFORMANCE_DIR"); d != "" {
		return d, nil
	}
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "..", "shared", "conformance"), nil
}

// RepoRoot returns the nearest directory at or above the working directory
// that holds go.mod.
func RepoRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no go.mod above %s", wd)
		}
	}
}

// Run runs every testcase under dir/pact-specification. It fails only when
// the directory is missing.
func Run(dir string) ([]Result, error) {
	base := filepath.Join(dir, "pact-specification")
	if st, err := os.Stat(base); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("pact-specification testcases not found at %s (set PACT_CONFORMANCE_DIR)", base)
	}
	var out []Result
	for _, v := range Versions {
		root := filepath.Join(base, v.Dir, "testcases")
		var files []string
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		for _, f := range files {
			rel, _ := filepath.Rel(root, f)
			r := RunFile(f, v.Ver)
			r.Version, r.File = v.Dir, filepath.ToSlash(rel)
			out = append(out, r)
		}
	}
	return out, nil
}

// RunFile runs one testcase file written in spec version ver. Whether it is a
// request, response or message case comes from its directory.
func RunFile(path string, ver model.SpecVersion) Result {
	var r Result
	data, err := os.ReadFile(path)
	if err != nil {
		r.Err = err
		return r
	}
	v, err := pactfile.DecodeJSON(data)
	if err != nil {
		r.Err = err
		return r
	}
	tc, ok := v.(map[string]any)
	if !ok {
		r.Err = fmt.Errorf("testcase is not a JSON object")
		return r
	}
	r.Want, _ = tc["match"].(bool)
	r.Comment, _ = tc["comment"].(string)
	slash := filepath.ToSlash(path)
	switch {
	case strings.Contains(slash, "/request/"):
		e, err1 := pactfile.ParseRequest(tc["expected"], ver)
		a, err2 := pactfile.ParseRequest(tc["actual"], ver)
		if r.Err = firstErr(err1, err2); r.Err == nil {
			r.Mismatches = matching.MatchRequest(&e, &a)
		}
	case strings.Contains(slash, "/response/"):
		e, err1 := pactfile.ParseResponse(tc["expected"], ver)
		a, err2 := pactfile.ParseResponse(tc["actual"], ver)
		if r.Err = firstErr(err1, err2); r.Err == nil {
			r.Mismatches = matching.MatchResponse(&e, &a)
		}
	case strings.Contains(slash, "/message/"):
		e, err1 := pactfile.ParseMessage(tc["expected"], ver)
		a, err2 := pactfile.ParseMessage(tc["actual"], ver)
		if r.Err = firstErr(err1, err2); r.Err == nil {
			r.Mismatches = matching.MatchMessage(&e, &a)
		}
	default:
		r.Err = fmt.Errorf("cannot tell whether %s is a request, response or message case", path)
	}
	r.Got = len(r.Mismatches) == 0
	return r
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// ReadDeviations reads the testcases listed in a DEVIATIONS.md file, which
// libpact (like the reference implementation) does not agree with: every line
// of the form "- `v1/request/query/x.json` — reason", as a key → reason map.
func ReadDeviations(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "- `") {
			continue
		}
		rest := line[3:]
		end := strings.Index(rest, "`")
		if end < 0 {
			continue
		}
		key := rest[:end]
		reason := strings.TrimLeft(rest[end+1:], " —-:")
		out[key] = reason
	}
	return out, sc.Err()
}
