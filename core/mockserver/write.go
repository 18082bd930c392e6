package mockserver

import (
	"fmt"

	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/model"
	"github.com/libpact/libpact/core/pactfile"
)

// WritePact writes the server's pact to dir as "<consumer>-<provider>.json",
// merged with an existing file there unless overwrite is set (§7 M9), and
// returns the file's path. It writes Config.SpecVersion, or the pact's own
// version when that is Unknown, and for V4 marks every HTTP interaction's
// transport as "http". The file's metadata names libpact (package pactfile
// adds "libpact": {"version": ...}); it does not claim a Rust mock server.
//
// WritePact writes whether or not the requests matched: deciding to write
// only when the test passed (Matched) is the caller's job, as with the
// reference's pactffi_write_pact_file.
func (s *Server) WritePact(dir string, overwrite bool) (string, error) {
	p := s.pact.Clone()
	ver := s.cfg.SpecVersion
	if ver == model.Unknown {
		ver = p.SpecVersion
	}
	if p.Metadata == nil {
		p.Metadata = map[string]any{}
	}
	if ver >= model.V4 {
		for _, i := range p.Interactions {
			if i != nil && i.Type == model.HTTP && i.Transport == "" {
				i.Transport = "http"
			}
		}
	}
	path, err := pactfile.Write(p, dir, ver, overwrite)
	if err != nil {
		s.logf(logging.Warn, "writing the pact to %s: %v", dir, err)
		return path, fmt.Errorf("mockserver: writing pact: %w", err)
	}
	s.logf(logging.Info, "wrote the pact to %s", path)
	return path, nil
}
