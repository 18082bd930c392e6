package reliability

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// TestMain lets the test binary double as the child processes of the
// pact-file tests: with RELIABILITY_CHILD set it runs that child and exits.
func TestMain(m *testing.M) {
	switch os.Getenv("RELIABILITY_CHILD") {
	case "":
		os.Exit(m.Run())
	case "merge":
		os.Exit(mergeChild())
	case "rewrite":
		os.Exit(rewriteChild())
	default:
		fmt.Fprintln(os.Stderr, "unknown RELIABILITY_CHILD")
		os.Exit(2)
	}
}

func envInt(name string) int {
	n, _ := strconv.Atoi(os.Getenv(name))
	return n
}

// mergeChild writes N one-interaction pacts, one after the other, each merged
// into the same file as every other process's.
func mergeChild() int {
	dir, proc, n := os.Getenv("DIR"), envInt("PROC"), envInt("N")
	for k := range n {
		p := model.NewPact("merge-consumer", "merge-provider", model.V3)
		i := p.AddInteraction(model.HTTP, fmt.Sprintf("process %d interaction %d", proc, k))
		i.Request.Method, i.Request.Path = "GET", fmt.Sprintf("/p%d/i%d", proc, k)
		i.Response.Status = 200
		i.Response.Body = model.PresentBody([]byte(fmt.Sprintf(`{"proc":%d,"k":%d}`, proc, k)), "application/json")
		if _, err := pactfile.Write(p, dir, model.V3, false); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	return 0
}

// Many processes merging interactions into one pact file at once leave
// exactly all of them, in valid JSON, every time.
func TestConcurrentMergeProcesses(t *testing.T) {
	procs, n, runs := 8, 25, 1
	switch {
	case long():
		procs, n, runs = 16, 100, 20
	case testing.Short():
		procs, n, runs = 4, 10, 1
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for run := range runs {
		dir := t.TempDir()
		start := time.Now()
		var wg sync.WaitGroup
		errs := make([]error, procs)
		for proc := range procs {
			cmd := exec.Command(exe)
			cmd.Env = append(os.Environ(), "RELIABILITY_CHILD=merge", "DIR="+dir, "PROC="+strconv.Itoa(proc), "N="+strconv.Itoa(n))
			wg.Add(1)
			go func() {
				defer wg.Done()
				if out, err := cmd.CombinedOutput(); err != nil {
					errs[proc] = fmt.Errorf("process %d: %v: %s", proc, err, out)
				}
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(filepath.Join(dir, "merge-consumer-merge-provider.json"))
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(data) {
			t.Fatalf("run %d: the pact file is not valid JSON", run)
		}
		p, _, err := pactfile.Parse(data)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		seen := map[string]bool{}
		for _, i := range p.Interactions {
			seen[i.Description] = true
		}
		if len(p.Interactions) != procs*n || len(seen) != procs*n {
			t.Fatalf("run %d: %d interactions (%d distinct), want %d", run, len(p.Interactions), len(seen), procs*n)
		}
		t.Logf("run %d: %d processes x %d interactions -> %d interactions in %v", run, procs, n, len(p.Interactions), time.Since(start).Round(time.Millisecond))
	}
}

// rewritePact returns a pact of n interactions with bodies large enough that
// writing it takes a while (about 400 bytes each).
func rewritePact(n int) *model.Pact {
	p := model.NewPact("kill-consumer", "kill-provider", model.V3)
	pad := strings.Repeat("x", 300)
	for k := range n {
		i := p.AddInteraction(model.HTTP, fmt.Sprintf("interaction %d", k))
		i.Request.Method, i.Request.Path = "GET", fmt.Sprintf("/i/%d", k)
		i.Response.Status = 200
		i.Response.Body = model.PresentBody([]byte(fmt.Sprintf(`{"k":%d,"pad":"%s"}`, k, pad)), "application/json")
	}
	return p
}

// rewriteChild overwrites the pact file in a loop, alternately with 3,000 and
// 1,500 interactions, and prints a line after each write.
func rewriteChild() int {
	dir := os.Getenv("DIR")
	big, small := rewritePact(3000), rewritePact(1500)
	for k := 0; ; k++ {
		p := big
		if k%2 == 1 {
			p = small
		}
		if _, err := pactfile.Write(p, dir, model.V3, true); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println("written", k)
	}
}

// A process killed (SIGKILL) at a random moment while it writes a pact file
// never leaves a truncated or empty file: the file always holds one complete
// version.
func TestKillDuringWrite(t *testing.T) {
	kills := 10
	switch {
	case long():
		kills = 50
	case testing.Short():
		kills = 3
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "kill-consumer-kill-provider.json")
	for k := range kills {
		cmd := exec.Command(exe)
		cmd.Env = append(os.Environ(), "RELIABILITY_CHILD=rewrite", "DIR="+dir)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		rd := bufio.NewReader(stdout)
		if _, err := rd.ReadString('\n'); err != nil { // the first write is complete
			t.Fatalf("kill %d: child: %v", k, err)
		}
		go func() { // keep the pipe drained so the child never blocks on it
			for {
				if _, err := rd.ReadString('\n'); err != nil {
					return
				}
			}
		}()
		time.Sleep(time.Duration(rand.IntN(150)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("kill %d: %v", k, err)
		}
		p, _, err := pactfile.Parse(data)
		if err != nil || !json.Valid(data) {
			t.Fatalf("kill %d: the pact file (%d bytes) is not a valid pact: %v", k, len(data), err)
		}
		if n := len(p.Interactions); n != 3000 && n != 1500 {
			t.Fatalf("kill %d: %d interactions, want 3000 or 1500", k, n)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp-*"))
	t.Logf("%d kills: the file was complete every time; %d temporary files left by killed writers", kills, len(left))
}
