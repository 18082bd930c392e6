package pactfile

import (
	"bufio"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/model"
)

type realPact struct {
	file  string
	count int // -1 when INDEX.tsv gives none
}

func realPacts(t testing.TB) (dir string, pacts []realPact) {
	t.Helper()
	dir = filepath.Join(conformanceDir(t), "real-pacts")
	pacts, err := readIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, pacts
}

// readIndex reads INDEX.tsv of the real-pacts directory.
func readIndex(dir string) ([]realPact, error) {
	f, err := os.Open(filepath.Join(dir, "INDEX.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pacts []realPact
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 6 {
			continue
		}
		n, err := strconv.Atoi(cols[5])
		if err != nil {
			n = -1
		}
		pacts = append(pacts, realPact{file: cols[0], count: n})
	}
	return pacts, sc.Err()
}

// TestRealPacts loads every real-world pact: each valid one must give
// exactly its interaction count, and each invalid-* one an error or a
// tolerant read (never a panic). Each valid pact must also survive a write at
// its own version and a read back with the same interaction count.
func TestRealPacts(t *testing.T) {
	dir, pacts := realPacts(t)
	valid, invalidErr, invalidTolerant, warned, roundTrips := 0, 0, 0, 0, 0
	for _, rp := range pacts {
		data, err := os.ReadFile(filepath.Join(dir, rp.file))
		if err != nil {
			t.Fatal(err)
		}
		p, warnings, err := Parse(data)
		if strings.HasPrefix(rp.file, "invalid-") {
			if err != nil {
				invalidErr++
			} else {
				invalidTolerant++
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", rp.file, err)
			continue
		}
		if len(warnings) > 0 {
			warned++
		}
		if len(p.Interactions) != rp.count {
			t.Errorf("%s: %d interactions, INDEX.tsv says %d", rp.file, len(p.Interactions), rp.count)
			continue
		}
		valid++
		for _, ver := range []model.SpecVersion{p.SpecVersion, model.V4} {
			out, _, err := Marshal(p, ver)
			if err != nil {
				t.Errorf("%s: writing as %s: %v", rp.file, ver, err)
				continue
			}
			p2, _, err := Parse(out)
			if err != nil {
				t.Errorf("%s: reading back the %s form: %v", rp.file, ver, err)
				continue
			}
			if len(p2.Interactions) != rp.count {
				t.Errorf("%s: %d interactions after a round trip through %s, want %d", rp.file, len(p2.Interactions), ver, rp.count)
			}
			if out2, _, _ := Marshal(p2, ver); string(out2) != string(out) {
				t.Errorf("%s: the second %s write differs from the first", rp.file, ver)
			} else {
				roundTrips++
			}
		}
	}
	t.Logf("valid pacts loaded with the right count: %d; invalid: %d errors, %d tolerant reads; %d valid pacts gave warnings; %d stable round trips (own version and V4)",
		valid, invalidErr, invalidTolerant, warned, roundTrips)
	if valid != 369 {
		t.Errorf("%d valid pacts loaded, want 369", valid)
	}
}

// TestRealPactsModelRoundTrip reads each real pact, writes it at its own
// version and reads it back: the model must be the same, except for what the
// format defines to change (documented in the loop).
func TestRealPactsModelRoundTrip(t *testing.T) {
	dir, pacts := realPacts(t)
	checked := 0
	for _, rp := range pacts {
		data, err := os.ReadFile(filepath.Join(dir, rp.file))
		if err != nil {
			t.Fatal(err)
		}
		p, _, err := Parse(data)
		if err != nil {
			continue
		}
		out, _, err := Marshal(p, p.SpecVersion)
		if err != nil {
			t.Errorf("%s: %v", rp.file, err)
			continue
		}
		p2, _, err := Parse(out)
		if err != nil {
			t.Errorf("%s: %v", rp.file, err)
			continue
		}
		a, b := sortedInteractions(p.Interactions), sortedInteractions(p2.Interactions)
		for n := range a {
			x, y := *a[n], *b[n]
			if x.Key == "" {
				y.Key = "" // computed on write
			}
			if p.SpecVersion >= model.V3 {
				y.Request.RawQuery = x.Request.RawQuery // V3+ files hold the query as a map
			}
			if p.SpecVersion < model.V3 {
				x.Request.Generators, x.Response.Generators = nil, nil // V1/V2 have no generators
			}
			if p.SpecVersion == model.V4 {
				// The V4 writer always states the body's content type.
				pairs := [][2]*model.Body{{&x.Request.Body, &y.Request.Body}, {&x.Response.Body, &y.Response.Body}}
				if x.Messages != nil && y.Messages != nil {
					xm, ym := *x.Messages, *y.Messages // x and y are copies: change copies of their parts too
					x.Messages, y.Messages = &xm, &ym
					pairs = append(pairs, [2]*model.Body{&xm.Message.Contents, &ym.Message.Contents})
				}
				for _, pair := range pairs {
					if pair[0].ContentType == "" {
						pair[1].ContentType = ""
					}
				}
			}
			if !reflect.DeepEqual(x, y) {
				t.Errorf("%s: interaction '%s' changed in a round trip:\n%s\n%s", rp.file, x.Description, dump(&x), dump(&y))
			}
		}
		checked++
	}
	t.Logf("%d pacts read, written and read back to the same model", checked)
}
