package pactfile

import (
	"bufio"
	"os"
	"path/filepath"
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
