//go:build !unix

package mockserver

import (
	"errors"
	"syscall"
)

// shutdownSocket is not available here: Close closes the server the
// waiting way.
func shutdownSocket(syscall.Conn, bool) error {
	return errors.New("shutdown is not supported on this system")
}
