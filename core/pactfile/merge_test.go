package pactfile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/libpact/libpact/core/model"
)

func httpPact(descs ...string) *model.Pact {
	p := model.NewPact("web", "api", model.V3)
	for _, d := range descs {
		i := p.AddInteraction(model.HTTP, d)
		i.Request.Path = "/" + d
		i.Response.Headers = model.Headers{{Name: "Content-Type", Values: []string{"application/json"}}}
		i.Response.Body = model.PresentBody([]byte(`{"d":"`+d+`"}`), "")
	}
	return p
}

func TestMerge(t *testing.T) {
	existing := httpPact("a", "b")
	incoming := httpPact("b", "c")
	incoming.Metadata["x"] = "y"
	if err := Merge(existing, incoming); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, i := range existing.Interactions {
		got = append(got, i.Description)
	}
	if strings.Join(got, ",") != "a,b,c" || existing.Metadata["x"] != "y" {
		t.Errorf("merged = %v %v", got, existing.Metadata)
	}

	// The same identity with other content: the new interaction replaces
	// the old one, as pact_ffi merges (it reports no conflict).
	changed := httpPact("a")
	changed.Interactions[0].Response.Status = 500
	if err := Merge(existing, changed); err != nil {
		t.Fatal(err)
	}
	if len(existing.Interactions) != 3 || existing.Interactions[0].Response.Status != 500 {
		t.Errorf("the new interaction did not replace the old one: %d interactions, status %d",
			len(existing.Interactions), existing.Interactions[0].Response.Status)
	}

	// Different provider states make a different interaction.
	st := httpPact("a")
	st.Interactions[0].ProviderStates = []model.ProviderState{{Name: "s"}}
	st.Interactions[0].Response.Status = 500
	if err := Merge(existing, st); err != nil || len(existing.Interactions) != 4 {
		t.Errorf("merge with states: %v, %d interactions", err, len(existing.Interactions))
	}

	// V4: two keyed interactions are the same exactly when the keys are.
	a, b := httpPact("x"), httpPact("y")
	a.SpecVersion, b.SpecVersion = model.V4, model.V4
	a.Interactions[0].Key, b.Interactions[0].Key = "K", "K"
	if err := Merge(a, b); err != nil || len(a.Interactions) != 1 || a.Interactions[0].Description != "y" {
		t.Errorf("same key: %v, %d interactions", err, len(a.Interactions))
	}
	c, d := httpPact("x"), httpPact("x")
	c.SpecVersion, d.SpecVersion = model.V4, model.V4
	c.Interactions[0].Key, d.Interactions[0].Key = "K1", "K2"
	if err := Merge(c, d); err != nil || len(c.Interactions) != 2 {
		t.Errorf("different keys, same description: %v, %d interactions", err, len(c.Interactions))
	}
	if err := Merge(httpPact("a"), model.NewPact("other", "api", model.V3)); err == nil {
		t.Errorf("merging a different consumer: no error")
	}
}

func TestWriteMergesAndOverwrites(t *testing.T) {
	dir := t.TempDir()
	path, err := Write(httpPact("a"), dir, model.V3, false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "web-api.json" {
		t.Errorf("path = %s", path)
	}
	if _, err := Write(httpPact("b"), dir, model.V3, false); err != nil {
		t.Fatal(err)
	}
	p, _, err := Read(path)
	if err != nil || len(p.Interactions) != 2 {
		t.Fatalf("after merge: %v, %v", p, err)
	}
	changed := httpPact("a")
	changed.Interactions[0].Request.Method = "POST"
	if _, err := Write(changed, dir, model.V3, false); err != nil {
		t.Fatal(err)
	}
	if p, _, _ = Read(path); len(p.Interactions) != 2 || p.Interactions[0].Request.Method != "POST" {
		t.Errorf("a changed interaction was not replaced on write")
	}
	if _, err := Write(httpPact("c"), dir, model.V3, true); err != nil {
		t.Fatal(err)
	}
	p, _, _ = Read(path)
	if len(p.Interactions) != 1 || p.Interactions[0].Description != "c" {
		t.Errorf("overwrite kept old interactions: %d", len(p.Interactions))
	}
	assertOnlyPact(t, dir, "web-api.json")
}

// assertOnlyPact fails unless dir holds exactly the file name: no temporary
// file and no lock file left behind.
func assertOnlyPact(t *testing.T, dir, name string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != name {
			t.Errorf("%s left behind in the pact directory", e.Name())
		}
	}
	if len(entries) == 0 {
		t.Errorf("no pact written")
	}
}

const childEnv = "LIBPACT_PACTFILE_WRITER"

// writeBatch merges 50 distinct interactions named by worker into dir, in
// batches of 10.
func writeBatch(dir, worker string) error {
	for b := 0; b < 5; b++ {
		p := model.NewPact("web", "api", model.V4)
		for n := 0; n < 10; n++ {
			i := p.AddInteraction(model.HTTP, fmt.Sprintf("%s-%02d", worker, b*10+n))
			i.Request.Path = "/" + worker
			i.Response.Body = model.PresentBody([]byte(`{"n":`+strconv.Itoa(n)+`}`), "application/json")
		}
		if _, err := Write(p, dir, model.V4, false); err != nil {
			return err
		}
	}
	return nil
}

// TestConcurrentWriteChild is the body of the child processes of
// TestConcurrentWrites.
func TestConcurrentWriteChild(t *testing.T) {
	spec := os.Getenv(childEnv)
	if spec == "" {
		return // only runs as a child of TestConcurrentWrites
	}
	dir, worker, _ := strings.Cut(spec, "|")
	if err := writeBatch(dir, worker); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
}

func concurrentRound(t *testing.T, goroutines, procs int) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	errs := make(chan error, goroutines+procs)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			errs <- writeBatch(dir, fmt.Sprintf("g%d", g))
		}(g)
	}
	for n := 0; n < procs; n++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentWriteChild$")
			cmd.Env = append(os.Environ(), fmt.Sprintf("%s=%s|p%d", childEnv, dir, n))
			out, err := cmd.CombinedOutput()
			if err != nil {
				err = fmt.Errorf("child %d: %v: %s", n, err, out)
			}
			errs <- err
		}(n)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	p, _, err := Read(filepath.Join(dir, "web-api.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := 50 * (goroutines + procs)
	if len(p.Interactions) != want {
		t.Fatalf("%d interactions after concurrent writes, want %d", len(p.Interactions), want)
	}
	seen := map[string]bool{}
	for _, i := range p.Interactions {
		if seen[i.Description] {
			t.Fatalf("duplicate interaction %s", i.Description)
		}
		seen[i.Description] = true
	}
	assertOnlyPact(t, dir, "web-api.json")
}

// TestConcurrentWrites merges 50 interactions from each of 8 goroutines,
// then from each of 8 processes, into one file, 5 times each: the file must
// end with exactly 400 distinct interactions every time.
func TestConcurrentWrites(t *testing.T) {
	if os.Getenv(childEnv) != "" {
		return
	}
	rounds := 5
	if s := os.Getenv("LIBPACT_STRESS_ROUNDS"); s != "" {
		rounds, _ = strconv.Atoi(s)
	}
	for r := 0; r < rounds; r++ {
		t.Run(fmt.Sprintf("goroutines/%d", r), func(t *testing.T) { concurrentRound(t, 8, 0) })
		t.Run(fmt.Sprintf("processes/%d", r), func(t *testing.T) { concurrentRound(t, 0, 8) })
	}
}

func TestWriteRemovesTempFilesOfKilledWriters(t *testing.T) {
	dir := t.TempDir()
	// What a writer killed before its rename leaves behind, also for a name
	// with glob characters; another pact's temporary file is not touched.
	p := httpPact("a")
	p.Consumer = "web[1]*"
	name := FileName(p)
	for _, f := range []string{"." + name + ".tmp-123", "." + name + ".tmp-456"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(`{"trunc`), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, ".other-api.json.tmp-1")
	os.WriteFile(other, nil, 0o644)
	if _, err := Write(p, dir, model.V3, false); err != nil {
		t.Fatal(err)
	}
	os.Remove(other)
	assertOnlyPact(t, dir, name)
}
