//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package pactfile

// lockDir on systems without flock(2) on directories (Windows among them)
// locks "<path>.lock" instead; see lockFile.
func lockDir(dir, path string) (unlock func(), err error) { return lockFile(path) }
