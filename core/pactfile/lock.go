package pactfile

import "github.com/gofrs/flock"

// lockFile takes an exclusive lock on "<path>.lock", creating that file. It
// is the fallback of lockDir where a directory cannot be locked; the lock
// file stays beside the pact afterwards (removing it would race with a
// process waiting on it).
//
//	unlock, err := lockFile("pacts/a-b.json")
func lockFile(path string) (unlock func(), err error) {
	l := flock.New(path + ".lock")
	if err := l.Lock(); err != nil {
		return nil, err
	}
	return func() { l.Unlock() }, nil
}
