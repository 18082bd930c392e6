package pactfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/libpact/libpact/core/model"
)

// FileName returns the default pact file name, "<consumer>-<provider>.json".
// Path separators in the names are replaced by "_".
//
//	pactfile.FileName(model.NewPact("web", "api", model.V4)) // "web-api.json"
func FileName(p *model.Pact) string {
	clean := strings.NewReplacer("/", "_", `\`, "_", "\x00", "_")
	return clean.Replace(p.Consumer) + "-" + clean.Replace(p.Provider) + ".json"
}

// Merge adds the interactions of incoming to existing, as pact_ffi's
// pact_models merges a pact into the file it is written to: an incoming
// interaction with the same identity as an existing one replaces it (the
// new one wins, whatever its content), any other is added. Identity is
// description + provider state names + type; in a V4 pact two interactions
// that both have a key are the same exactly when the keys are. Metadata keys
// of incoming are added to existing, and the merged interactions are
// ordered by description, state names and type, as pact_models merges them.
// Merging a pact of another consumer or provider is an error and leaves
// existing unchanged.
//
//	if err := pactfile.Merge(onDisk, fromTest); err != nil { ... }
func Merge(existing, incoming *model.Pact) error {
	ver := max(existing.SpecVersion, incoming.SpecVersion)
	if ver == model.Unknown {
		ver = model.V4
	}
	return merge(existing, incoming, ver)
}

func merge(existing, incoming *model.Pact, ver model.SpecVersion) error {
	if existing.Consumer != incoming.Consumer || existing.Provider != incoming.Provider {
		return fmt.Errorf("cannot merge pact %s-%s into pact %s-%s: the consumer or provider differs",
			incoming.Consumer, incoming.Provider, existing.Consumer, existing.Provider)
	}
	for _, in := range incoming.Interactions {
		if in == nil {
			continue
		}
		idx := -1
		for n, ex := range existing.Interactions {
			if ex != nil && sameIdentity(ex, in, ver) {
				idx = n
				break
			}
		}
		if idx >= 0 {
			existing.Interactions[idx] = in
		} else {
			existing.Interactions = append(existing.Interactions, in)
		}
	}
	// pact_models merges two lists sorted by description, state names and
	// type, so a merged pact comes out in that order.
	existing.Interactions = sortedInteractions(existing.Interactions)
	if existing.Metadata == nil {
		existing.Metadata = map[string]any{}
	}
	for k, v := range incoming.Metadata {
		existing.Metadata[k] = v
	}
	existing.SpecVersion = max(existing.SpecVersion, incoming.SpecVersion)
	return nil
}

// sameIdentity reports whether a and b are the same interaction for a merge:
// in a V4 pact two keyed interactions are the same when their keys are;
// otherwise description, provider state names and type must all agree.
func sameIdentity(a, b *model.Interaction, ver model.SpecVersion) bool {
	if ver >= model.V4 && a.Key != "" && b.Key != "" {
		return a.Key == b.Key
	}
	if a.Description != b.Description || a.Type != b.Type || len(a.ProviderStates) != len(b.ProviderStates) {
		return false
	}
	for n := range a.ProviderStates {
		if a.ProviderStates[n].Name != b.ProviderStates[n].Name {
			return false
		}
	}
	return true
}

// processLocks serialises writers of one file inside this process; the file
// lock does the same across processes.
var processLocks sync.Map // path → *sync.Mutex

// Write writes p into dir as FileName(p) at specification version ver and
// returns the file's path. Unless overwrite is set, an existing file is read
// and p is merged into it (see Merge: p's interactions replace those of the
// same identity); an error leaves the file as it was.
//
// Write is safe to call from many goroutines and processes at once: it holds
// an exclusive flock on the directory (see lockDir; nothing is left beside
// the pact) while it reads, merges and writes, and
// the new content goes to a temporary file in the same directory that is
// synced and renamed over the old one, so readers never see a partial file.
//
//	path, err := pactfile.Write(p, "pacts", model.V4, false)
func Write(p *model.Pact, dir string, ver model.SpecVersion, overwrite bool) (path string, err error) {
	if p == nil {
		return "", fmt.Errorf("no pact to write")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("writing pact: %w", err)
	}
	path = filepath.Join(dir, FileName(p))
	mu, _ := processLocks.LoadOrStore(path, &sync.Mutex{})
	mu.(*sync.Mutex).Lock()
	defer mu.(*sync.Mutex).Unlock()

	unlock, err := lockDir(dir, path)
	if err != nil {
		return "", fmt.Errorf("writing pact %s: locking: %w", path, err)
	}
	defer unlock()
	removeStaleTemps(path)

	out := p
	if ver == model.Unknown {
		ver = p.SpecVersion
	}
	if !overwrite {
		data, err := os.ReadFile(path)
		switch {
		case err == nil && len(bytes.TrimSpace(data)) > 0:
			existing, _, err := Parse(data)
			if err != nil {
				return "", fmt.Errorf("merging into pact file %s: %w", path, err)
			}
			if ver == model.Unknown {
				ver = max(existing.SpecVersion, p.SpecVersion)
			}
			if err := merge(existing, p, ver); err != nil {
				return "", fmt.Errorf("merging into pact file %s: %w", path, err)
			}
			out = existing
		case err != nil && !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("writing pact: %w", err)
		}
	}
	data, _, err := Marshal(out, ver)
	if err != nil {
		return "", fmt.Errorf("writing pact %s: %w", path, err)
	}
	if err := writeAtomic(path, data); err != nil {
		return "", fmt.Errorf("writing pact %s: %w", path, err)
	}
	return path, nil
}

// removeStaleTemps deletes the temporary files writeAtomic leaves when a
// writer of path is killed before its rename. It runs under the lock that
// every writer of path takes before it creates its temporary file, so any
// such file found then belongs to a writer that is gone.
func removeStaleTemps(path string) {
	stale, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".tmp-*"))
	for _, f := range stale {
		os.Remove(f)
	}
}

// globEscape escapes the characters filepath.Match treats as patterns.
func globEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(s)
}

// writeAtomic writes data to a temporary file next to path, syncs it and
// renames it over path.
func writeAtomic(path string, data []byte) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, derr := os.Open(dir); derr == nil {
		d.Sync() // best effort: make the rename durable
		d.Close()
	}
	return nil
}
