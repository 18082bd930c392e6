package mockserver

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Address builds a listen address (Config.Addr) from a host and a port, as
// pactffi_create_mock_server_for_transport takes them: an empty host means
// 127.0.0.1, an IPv6 host may come with or without brackets, and port 0 asks
// for an ephemeral port.
//
//	mockserver.Address("", 0)      // "127.0.0.1:0"
//	mockserver.Address("::1", 8080) // "[::1]:8080"
//
// A host that already carries a port, or that is not a host at all, is an
// error that says so.
func Address(host string, port uint16) (string, error) {
	host = strings.TrimSpace(host)
	if host == "" {
		host = "127.0.0.1"
	}
	if h, p, err := net.SplitHostPort(host); err == nil {
		return "", fmt.Errorf("addr %q has a port; pass the host (%q) as addr and the port (%s) as port", host, h, p)
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.ContainsAny(host, "/ ") {
		return "", fmt.Errorf("%q is not a host address", host)
	}
	return net.JoinHostPort(host, strconv.Itoa(int(port))), nil
}
