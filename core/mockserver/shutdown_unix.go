//go:build unix

package mockserver

import "syscall"

// shutdownSocket shuts a socket down for reading and writing without closing
// it: a listening socket stops accepting connections and releases its port
// for rebinding (Go binds with SO_REUSEADDR); a connection ends. Unlike
// Close, it does not wait for a goroutine blocked on the socket.
// A listener's ENOTCONN (BSDs cannot shut a listening socket down) is an
// error; a connection's (the peer has gone) is not.
func shutdownSocket(c syscall.Conn, listener bool) error {
	rc, err := c.SyscallConn()
	if err != nil {
		return err
	}
	var serr error
	if err := rc.Control(func(fd uintptr) { serr = syscall.Shutdown(int(fd), syscall.SHUT_RDWR) }); err != nil {
		return err
	}
	if serr == syscall.ENOTCONN && !listener {
		return nil // a connection the peer already closed
	}
	return serr
}
