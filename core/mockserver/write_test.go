package mockserver

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/libpact/libpact/core/model"
)

// readPactJSON reads a written pact file as plain JSON.
func readPactJSON(t *testing.T, path string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func TestWritePactAndMerge(t *testing.T) {
	dir := t.TempDir()
	all := compatPact(t)

	// Two tests of one consumer–provider pair write one file with both
	// interactions; the second server writes V4 with its metadata.
	s1 := start(t, only(all, 1), Config{SpecVersion: model.V3})
	send(t, nil, "GET", s1.URL()+"/basic", nil, nil)
	path, err := s1.WritePact(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "V1-consumer-V1-provider.json"); path != want {
		t.Errorf("path %s, want %s", path, want)
	}
	v := readPactJSON(t, path)
	md, _ := v["metadata"].(map[string]any)
	spec, _ := md["pactSpecification"].(map[string]any)
	if spec["version"] != "3.0.0" {
		t.Errorf("metadata %v", md)
	}
	if lib, _ := md["libpact"].(map[string]any); lib["version"] == nil {
		t.Errorf("metadata libpact %v", md["libpact"])
	}
	if rust, _ := md["pactRust"].(map[string]any); rust["mockserver"] != nil {
		t.Errorf("metadata claims a Rust mock server: %v", md["pactRust"])
	}
	if is, _ := v["interactions"].([]any); len(is) != 1 {
		t.Fatalf("%d interactions", len(is))
	}

	s2 := start(t, only(all, 2), Config{SpecVersion: model.V3})
	if _, err := s2.WritePact(dir, false); err != nil {
		t.Fatal(err)
	}
	v = readPactJSON(t, path)
	is, _ := v["interactions"].([]any)
	if len(is) != 2 {
		t.Fatalf("after merge %d interactions, want 2", len(is))
	}
	q := is[1].(map[string]any)["request"].(map[string]any)["query"]
	if b, _ := json.Marshal(q); string(b) != `{"a":["1"],"b":["2"]}` {
		t.Errorf("merged interaction query %s", b)
	}

	// Overwrite replaces the file; V4 marks the transport.
	s3 := start(t, only(all, 4), Config{SpecVersion: model.V4})
	if _, err := s3.WritePact(dir, true); err != nil {
		t.Fatal(err)
	}
	v = readPactJSON(t, path)
	is, _ = v["interactions"].([]any)
	if len(is) != 1 {
		t.Fatalf("after overwrite %d interactions, want 1", len(is))
	}
	i := is[0].(map[string]any)
	if i["transport"] != "http" || i["type"] != "Synchronous/HTTP" {
		t.Errorf("V4 interaction %v", i)
	}
}
