package reliability

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/libpact/libpact/core/mockserver"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// Writing a pact where it cannot go, or merging into a file that is not a
// pact, fails with an error that names the file and the cause, and leaves an
// existing file as it was.
func TestPactFileFailuresNameTheCause(t *testing.T) {
	p := hostilePact()
	dir := t.TempDir()
	name := pactfile.FileName(p)

	notDir := filepath.Join(dir, "a-file")
	os.WriteFile(notDir, []byte("x"), 0o644)
	cases := []struct {
		name, dir, existing string
		want                []string
	}{
		{"directory is a file", notDir, "", []string{"a-file", "not a directory"}},
		{"directory under /proc", "/proc/libpact-no-such/dir", "", []string{"/proc/libpact-no-such"}},
		{"existing file is not JSON", filepath.Join(dir, "garbage"), "this is not JSON", []string{name, "merging"}},
		{"existing file is truncated", filepath.Join(dir, "truncated"), `{"consumer": {"name": "hostile-consumer"}, "interactions": [{"desc`, []string{name, "merging"}},
		{"existing file is JSON but not a pact", filepath.Join(dir, "array"), `[1, 2, 3]`, []string{name}},
	}
	for _, c := range cases {
		if c.existing != "" {
			os.MkdirAll(c.dir, 0o755)
			os.WriteFile(filepath.Join(c.dir, name), []byte(c.existing), 0o644)
		}
		_, err := pactfile.Write(p, c.dir, model.V3, false)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q does not say %q", c.name, err, w)
			}
		}
		if c.existing != "" {
			if data, _ := os.ReadFile(filepath.Join(c.dir, name)); string(data) != c.existing {
				t.Errorf("%s: the existing file was changed to %.80q", c.name, data)
			}
		}
	}
}

// A mock server asked for a port that is taken fails to start with an error
// naming the address, and the port's owner is undisturbed.
func TestMockServerPortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr := l.Addr().String()
	s, err := mockserver.New(hostilePact(), mockserver.Config{Addr: addr})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Start()
	if err == nil {
		s.Close()
		t.Fatal("started on a port in use")
	}
	if !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "address already in use") {
		t.Errorf("error %q does not name %s and the cause", err, addr)
	}
}
