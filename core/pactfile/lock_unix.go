//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package pactfile

import (
	"errors"
	"os"
	"syscall"
)

// lockDir takes an exclusive flock(2) on the directory dir itself and
// returns the function that releases it. Locking the directory, not a
// "<file>.lock" beside the pact, leaves nothing behind in the user's pact
// directory; flock on a directory works on Linux, macOS and the BSDs.
// Where the file system refuses it (some network file systems answer
// EBADF, ENOLCK, EINVAL or ENOTSUP for a read-only descriptor), lockDir
// falls back to lockFile.
//
//	unlock, err := lockDir("pacts", "pacts/a-b.json")
//	defer unlock()
func lockDir(dir, path string) (unlock func(), err error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(d.Fd()), syscall.LOCK_EX)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	if err != nil {
		d.Close()
		if errors.Is(err, syscall.EBADF) || errors.Is(err, syscall.ENOLCK) ||
			errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP) {
			return lockFile(path)
		}
		return nil, err
	}
	return func() {
		syscall.Flock(int(d.Fd()), syscall.LOCK_UN)
		d.Close()
	}, nil
}
