// Command verifierparity serves every real pact with only HTTP interactions
// from libpact's mock server, so that two verifier libraries can be run
// against the same providers (see run.py). It prints a JSON manifest,
// [{"file": ..., "provider": ..., "port": ...}], on stdout and serves until stdin closes.
//
//	go run ./conformance/verifierparity ../shared/conformance/real-pacts < /dev/null
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/libpact/libpact/core/mockserver"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

type entry struct {
	File     string `json:"file"`
	Provider string `json:"provider"`
	Port     int    `json:"port"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: verifierparity REAL_PACTS_DIR")
		os.Exit(2)
	}
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.json"))
	if err != nil || len(files) == 0 {
		fmt.Fprintln(os.Stderr, "no pacts in", os.Args[1])
		os.Exit(2)
	}
	sort.Strings(files)
	var out []entry
	var servers []*mockserver.Server
	for _, f := range files {
		p, _, err := pactfile.Read(f)
		if err != nil || len(p.Interactions) == 0 {
			continue
		}
		ok := true
		for _, i := range p.Interactions {
			ok = ok && i.Type == model.HTTP && (i.Transport == "" || i.Transport == "http")
		}
		if !ok {
			continue
		}
		s, err := mockserver.New(p, mockserver.Config{})
		if err != nil || s.Start() != nil {
			continue
		}
		servers = append(servers, s)
		out = append(out, entry{File: f, Provider: p.Provider, Port: s.Port()})
	}
	json.NewEncoder(os.Stdout).Encode(out)
	io.Copy(io.Discard, os.Stdin)
	for _, s := range servers {
		s.Close()
	}
}
