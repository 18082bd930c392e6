// Package mockserver is the consumer-side mock HTTP server: it serves the
// HTTP interactions of a pact, matches every request it receives against
// them, answers a matched request with the interaction's response (values
// generated in consumer mode) and an unmatched one with an HTTP 500 that says
// why, and afterwards reports what matched, what did not, and what was never
// asked for (spec-checklist §7).
//
// It is modelled on net/http/httptest: New, then Start, then Close, which
// waits for the requests in flight. By default it listens on 127.0.0.1 on a
// port the system picks.
//
//	s, err := mockserver.New(pact, mockserver.Config{})
//	if err != nil { ... }
//	if err := s.Start(); err != nil { ... }
//	defer s.Close()
//	resp, err := http.Get(s.URL() + "/users/1")
//	...
//	if !s.Matched() {
//		fmt.Printf("%s\n", s.MismatchesJSON())
//	}
//	_, err = s.WritePact("pacts", false)
//
// # Differences from the reference mock server
//
// The answers follow pact_mock_server (status, headers, X-Pact, the error
// body "<key> : <request>", the mismatch JSON), with these deliberate
// differences, each because the reference's choice surprises users:
//
//   - A request that fully matches some interaction is answered by it, even
//     if a partly matching interaction with more parts would score higher.
//   - Interactions with the request's method and path are preferred to all
//     others: a request that differs only in headers, query or body is a
//     request-mismatch against that endpoint, never an unexpected request
//     because some other endpoint scored better.
//   - Interactions that match a request equally well (the same request under
//     two provider states, say) are served in the order they were defined,
//     the least-requested first, and each must be requested for Matched to
//     be true; the reference serves the first one every time.
//   - A body over Config.BodyLimit gets 413, and a request that cannot be
//     handled is recorded as {"type": "request-error", ...}.
//   - The failures a server records keep at most 64 MB of request bodies and
//     mismatch texts; past that, each keeps the first 4 KB of each with a
//     note, and every log line is cut at 16 KB, so that many large bad
//     requests cannot exhaust the host's memory.
//   - With Config.CORS, only an OPTIONS request that matches no endpoint gets
//     the 204 pre-flight answer; one that mismatches an OPTIONS interaction
//     gets the usual 500.
//   - Received header names keep Go's canonical spelling ("User-Agent")
//     rather than lower case, in logs and in request-not-found JSON.
package mockserver

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/model"
)

// Version is the mock server's version (libpact's own version).
const Version = "0.1.0"

// The defaults of Config.
const (
	DefaultAddr        = "127.0.0.1:0"
	DefaultBodyLimit   = 10 << 20
	DefaultReadTimeout = 30 * time.Second
)

// closeTimeout bounds how long Close waits for requests in flight before it
// drops their connections, so that a stuck client cannot hang a test suite.
const closeTimeout = 10 * time.Second

// Config configures a mock server. The zero value serves plain HTTP on
// 127.0.0.1 on a free port.
type Config struct {
	// Addr is the host:port to listen on; "" means "127.0.0.1:0". Port 0
	// picks a free port. The host may be an IPv4 or IPv6 address ("[::1]:0"),
	// an unspecified address ("0.0.0.0:0", "[::]:0") or "localhost", which
	// listens on both 127.0.0.1 and ::1 on the same port, so that a client
	// that resolves localhost to ::1 first is answered at once.
	Addr string
	// TLS serves HTTPS with a self-signed certificate made once per process
	// (see CACertificatePEM).
	TLS bool
	// CORS answers an OPTIONS request that matches no interaction with 204 and
	// CORS headers, and does not count it as a mismatch (§7 M5).
	CORS bool
	// SpecVersion is the version WritePact writes; Unknown means the pact's.
	SpecVersion model.SpecVersion
	// BodyLimit is the largest request body accepted; a larger one gets 413.
	// 0 means the environment variable LIBPACT_MOCK_SERVER_BODY_LIMIT (a
	// number of bytes; this is how C, Python and Node callers set it, in the
	// environment the process starts with: a Go library does not see a later
	// setenv), else DefaultBodyLimit.
	BodyLimit int64
	// ReadTimeout bounds reading each request's headers and body, so that a
	// slow or stalled client cannot hold the server. 0 means
	// DefaultReadTimeout.
	ReadTimeout time.Duration
}

// BodyLimitEnv names the environment variable that sets the default
// Config.BodyLimit, in bytes.
const BodyLimitEnv = "LIBPACT_MOCK_SERVER_BODY_LIMIT"

// envBodyLimit returns the body limit set by BodyLimitEnv, or
// DefaultBodyLimit when it is unset or not a positive number of bytes (then
// with a warning in the process log).
func envBodyLimit() int64 {
	v := strings.TrimSpace(os.Getenv(BodyLimitEnv))
	if v == "" {
		return DefaultBodyLimit
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		logging.LogWarn(fmt.Sprintf("%s=%q is not a positive number of bytes; using %d", BodyLimitEnv, v, DefaultBodyLimit))
		return DefaultBodyLimit
	}
	return n
}

// Server is a mock server for the HTTP interactions of one pact. Its methods
// are safe for concurrent use.
type Server struct {
	cfg  Config
	pact *model.Pact // private deep copy; never changed after New

	// Set up by New, read-only afterwards.
	interactions []*model.Interaction // the pact's HTTP interactions, in order
	table        *table               // candidate lookup for matching
	plain        []bool               // per interaction: plainResponse (the fast path may answer it)
	matchedLog   []string             // per interaction: the log line of a request it answered
	noFast       bool                 // serve every request through net/http (tests compare the two)

	// Set by Start under mu, read-only once started is true.
	srv       *http.Server
	listeners []net.Listener
	handoffs  []*handoff // fast path: net/http's listeners, one per listener
	port      int
	url       string
	genCtx    map[string]any // generator context {"mockServer": {"url", "port"}}
	started   bool           // guarded by mu
	closed    bool           // guarded by mu
	sealed    bool           // guarded by mu; Close returned at once: record nothing more
	stopping  atomic.Bool    // the listeners are being shut down: Serve's error is expected
	serving   sync.WaitGroup // one per listener's Serve goroutine

	mu       sync.Mutex
	received []int    // guarded by mu; requests matched, per interaction
	touched  []bool   // guarded by mu; a request was matched or mismatched against it
	failures []Result // guarded by mu; mismatched and unexpected requests, in order
	kept     int      // guarded by mu; bytes of bodies and values kept in failures (see keepFailure)

	connMu sync.Mutex
	conns  map[net.Conn]http.ConnState // guarded by connMu; connections and their states
	active int                         // guarded by connMu; connections in StateActive
	idle   chan struct{}               // guarded by connMu; closed when active drops to 0

	closeOnce sync.Once
	closeErr  error

	logs ring
}

// New returns a mock server for the HTTP interactions of p, not yet
// listening. p is deep-copied: changing it later does not change the server.
// Message interactions are kept (WritePact writes them) but not served.
func New(p *model.Pact, cfg Config) (*Server, error) {
	return newServer(p, cfg, true)
}

// NewOwned is New without the deep copy: the server keeps p itself, so the
// caller must not change p afterwards. It suits a pact made only for the
// server, such as a copy taken under a lock or a pact just parsed:
//
//	p, _, err := pactfile.Parse(data)
//	...
//	s, err := mockserver.NewOwned(p, mockserver.Config{})
func NewOwned(p *model.Pact, cfg Config) (*Server, error) {
	return newServer(p, cfg, false)
}

func newServer(p *model.Pact, cfg Config, copyPact bool) (*Server, error) {
	if p == nil {
		return nil, errors.New("mockserver: nil pact")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = envBodyLimit()
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = DefaultReadTimeout
	}
	if _, _, err := net.SplitHostPort(cfg.Addr); err != nil {
		return nil, fmt.Errorf("mockserver: address %q: %w", cfg.Addr, err)
	}
	if copyPact {
		p = p.Clone()
	}
	s := &Server{cfg: cfg, pact: p}
	for _, i := range s.pact.Interactions {
		if i != nil && i.Type == model.HTTP {
			s.interactions = append(s.interactions, i)
		}
	}
	s.table = newTable(s.interactions)
	s.plain = make([]bool, len(s.interactions))
	s.matchedLog = make([]string, len(s.interactions))
	for n, i := range s.interactions {
		s.plain[n] = plainResponse(&i.Response)
		s.matchedLog[n] = "request matched interaction " + strconv.Quote(i.Description)
	}
	s.received = make([]int, len(s.interactions))
	s.touched = make([]bool, len(s.interactions))
	return s, nil
}

// Start starts listening and serving. It fails if the address cannot be
// bound (for example a fixed port already in use) or the server was already
// started or closed.
func (s *Server) Start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("mockserver: Start after Close")
	}
	if s.started {
		return errors.New("mockserver: already started")
	}
	ls, err := listen(s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("mockserver: listening on %s: %w", s.cfg.Addr, err)
	}
	s.listeners = ls
	s.port = ls[0].Addr().(*net.TCPAddr).Port
	scheme := "http"
	if s.cfg.TLS {
		scheme = "https"
	}
	s.url = scheme + "://" + net.JoinHostPort(urlHost(s.cfg.Addr, ls[0]), strconv.Itoa(s.port))
	s.genCtx = map[string]any{"mockServer": map[string]any{"url": s.url, "href": s.url, "port": s.port}}

	s.srv = &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.cfg.ReadTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(serverLog{s}, "", 0),
		ConnState:         s.trackConn,
	}
	protocols := new(http.Protocols)
	protocols.SetHTTP1(true)
	protocols.SetHTTP2(true)
	protocols.SetUnencryptedHTTP2(true)
	s.srv.Protocols = protocols
	if s.cfg.TLS {
		cert, _, err := certificate()
		if err != nil {
			for _, l := range ls {
				l.Close()
			}
			return fmt.Errorf("mockserver: %w", err)
		}
		s.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	}
	for _, l := range ls {
		if !s.cfg.TLS && !s.noFast {
			// plain HTTP: the fast path serves what it can (http1.go) and
			// hands the rest to net/http
			h := newHandoff(l.Addr())
			h.serve = func() {
				go func() {
					if err := s.srv.Serve(h); err != nil && !errors.Is(err, http.ErrServerClosed) && !s.stopping.Load() {
						s.logf(logging.Error, "serving on %s stopped: %v", l.Addr(), err)
					}
				}()
			}
			s.handoffs = append(s.handoffs, h)
			s.serving.Add(1)
			go func() {
				defer s.serving.Done()
				s.acceptFast(l, h)
			}()
			continue
		}
		s.serving.Add(1)
		go func(l net.Listener) {
			defer s.serving.Done()
			var err error
			if s.cfg.TLS {
				err = s.srv.ServeTLS(l, "", "")
			} else {
				err = s.srv.Serve(l)
			}
			if err != nil && !errors.Is(err, http.ErrServerClosed) && !s.stopping.Load() {
				s.logf(logging.Error, "serving on %s stopped: %v", l.Addr(), err)
			}
		}(l)
	}
	s.started = true
	addrs := ""
	for n, l := range ls {
		if n > 0 {
			addrs += ", "
		}
		addrs += l.Addr().String()
	}
	s.logf(logging.Info, "mock server started on %s (%s), %d interaction(s)", addrs, s.url, len(s.interactions))
	return nil
}

// listen binds addr. "localhost" binds 127.0.0.1 and ::1 on one port; if ::1
// cannot be bound (no IPv6) only 127.0.0.1 is used.
func listen(addr string) ([]net.Listener, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if host != "localhost" {
		l, err := net.Listen("tcp", addr)
		if err != nil {
			return nil, err
		}
		return []net.Listener{l}, nil
	}
	for attempt := 0; ; attempt++ {
		l4, err := net.Listen("tcp4", net.JoinHostPort("127.0.0.1", port))
		if err != nil {
			return nil, err
		}
		p := strconv.Itoa(l4.Addr().(*net.TCPAddr).Port)
		l6, err := net.Listen("tcp6", net.JoinHostPort("::1", p))
		if err == nil {
			return []net.Listener{l4, l6}, nil
		}
		// A port picked for IPv4 may be taken on IPv6: pick again. Any other
		// failure means no usable IPv6 loopback; serve IPv4 alone.
		if port == "0" && errors.Is(err, syscall.EADDRINUSE) && attempt < 20 {
			l4.Close()
			continue
		}
		return []net.Listener{l4}, nil
	}
}

// urlHost is the host to put in the server's URL: the configured host, with
// an unspecified address replaced by the loopback address of its family.
func urlHost(addr string, l net.Listener) string {
	host, _, _ := net.SplitHostPort(addr)
	if host == "localhost" {
		return host
	}
	ip := l.Addr().(*net.TCPAddr).IP
	if ip.IsUnspecified() {
		if ip.To4() != nil || host == "" || host == "0.0.0.0" {
			return "127.0.0.1"
		}
		return "::1"
	}
	return ip.String()
}

// serverLog takes net/http's own messages (TLS handshake failures, bad
// connections) into the server's log.
type serverLog struct{ s *Server }

func (l serverLog) Write(p []byte) (int, error) {
	l.s.logf(logging.Debug, "%s", strings.TrimSuffix(string(p), "\n"))
	return len(p), nil
}

// Port returns the port the server listens on, or 0 before Start.
func (s *Server) Port() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.port
}

// URL returns the server's base URL, e.g. "http://127.0.0.1:41234", or ""
// before Start.
func (s *Server) URL() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.url
}

// Close stops the server. It stops accepting connections, waits for the
// requests in flight to be answered (at most 10 seconds, after which their
// connections are dropped), and closes idle keep-alive connections, HTTP/2
// ones included, without waiting for clients to hang up. When no request is
// in flight it returns at once: the port no longer accepts connections and
// can be bound again, open connections are ended, and the server's
// goroutines finish in the background; a request that still reaches the
// server is not recorded. Close is idempotent; the results stay available
// afterwards.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		s.mu.Lock()
		s.closed = true
		started := s.started
		s.mu.Unlock()
		if !started {
			return
		}
		if s.closeIdle(false) || s.closeWhenIdle(closeTimeout) {
			s.logf(logging.Info, "mock server on port %d shut down", s.port)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
		defer cancel()
		done := make(chan error, 1)
		go func() { done <- s.srv.Shutdown(ctx) }()
		// Shutdown waits for HTTP/1 connections to go idle, but gives an idle
		// HTTP/2 connection a second to hang up after its GOAWAY. Once no
		// connection is serving a request, close everything at once.
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if !s.busy() {
				s.closeErr = s.srv.Close()
				<-done
				break
			}
			select {
			case err := <-done:
				if err != nil {
					s.logf(logging.Warn, "requests still in flight after %s; closing their connections", closeTimeout)
					s.closeErr = s.srv.Close()
				}
			case <-tick.C:
				continue
			}
			break
		}
		if errors.Is(s.closeErr, net.ErrClosed) {
			s.closeErr = nil // Shutdown had closed the listeners already
		}
		s.closeFast()
		s.serving.Wait()
		s.logf(logging.Info, "mock server on port %d shut down", s.port)
	})
	return s.closeErr
}

// closeIdle closes a server that is serving no request without waiting for
// its goroutines, and reports whether it could. Closing a listener or a
// connection in Go waits for the goroutine blocked reading it to wake up,
// which from a C caller's thread costs two thread hand-offs (about 100 µs);
// a shutdown(2) of each socket takes effect at once instead: the port stops
// accepting connections (and can be bound again), and every open connection
// gets an end of file. The goroutines then close everything in the
// background, and nothing that arrives later is recorded (sealed).
//
// listenersDone says the listening sockets were shut down already.
func (s *Server) closeIdle(listenersDone bool) bool {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	if s.active > 0 {
		return false
	}
	var socks []syscall.Conn
	nl := len(s.listeners)
	if listenersDone {
		nl = 0
	}
	for _, l := range s.listeners[:nl] {
		sc, ok := l.(syscall.Conn)
		if !ok {
			return false
		}
		socks = append(socks, sc)
	}
	for c := range s.conns {
		for {
			u, ok := c.(interface{ NetConn() net.Conn })
			if !ok {
				break
			}
			c = u.NetConn()
		}
		sc, ok := c.(syscall.Conn)
		if !ok {
			return false
		}
		socks = append(socks, sc)
	}
	s.stopping.Store(true)
	for n, sc := range socks {
		if err := shutdownSocket(sc, n < nl); err != nil {
			if n == 0 && nl > 0 {
				s.stopping.Store(false) // nothing changed yet: close the slow way
				return false
			}
			s.logf(logging.Debug, "shutting down a socket: %v", err)
		}
	}
	s.mu.Lock()
	s.sealed = true
	s.mu.Unlock()
	if s.netHTTPIdle() {
		// net/http serves nothing: closing it waits for no goroutine
		s.srv.Close()
		return true
	}
	go func() {
		s.srv.Close()
		s.serving.Wait()
	}()
	return true
}

// netHTTPIdle reports whether the fast path has served every connection so
// far, so that net/http was never started.
func (s *Server) netHTTPIdle() bool {
	if s.cfg.TLS || s.noFast {
		return false
	}
	for _, h := range s.handoffs {
		if h.started.Load() {
			return false
		}
	}
	return true
}

// closeWhenIdle stops accepting connections, waits (at most timeout) until
// no request is in flight, then closes the server as closeIdle does. It
// reports false when it could not: the listening sockets cannot be shut
// down here, or the requests took too long (then the caller closes the
// waiting way).
func (s *Server) closeWhenIdle(timeout time.Duration) bool {
	for _, l := range s.listeners {
		sc, ok := l.(syscall.Conn)
		if !ok {
			return false
		}
		s.stopping.Store(true)
		if err := shutdownSocket(sc, true); err != nil {
			return false
		}
	}
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.connMu.Lock()
		if s.active == 0 {
			s.connMu.Unlock()
			if s.closeIdle(true) {
				return true
			}
			s.connMu.Lock()
			busy := s.active > 0
			s.connMu.Unlock()
			if !busy {
				return false // a connection that cannot be shut down
			}
			continue // a request arrived on an open connection meanwhile
		}
		idle := make(chan struct{})
		s.idle = idle
		s.connMu.Unlock()
		select {
		case <-idle:
		case <-deadline.C:
			return false
		}
	}
}

// trackConn follows connection states (http.Server.ConnState) so that Close
// knows when no request is being served.
func (s *Server) trackConn(c net.Conn, state http.ConnState) {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	if s.conns == nil {
		s.conns = map[net.Conn]http.ConnState{}
	}
	if s.conns[c] == http.StateActive {
		s.active--
	}
	switch state {
	case http.StateClosed, http.StateHijacked:
		delete(s.conns, c)
	case http.StateActive:
		s.active++
		s.conns[c] = state
	default:
		s.conns[c] = state
	}
	if s.active == 0 && s.idle != nil {
		close(s.idle) // Close is waiting for this
		s.idle = nil
	}
}

// closeFast closes, after http.Server.Close, what net/http does not know:
// the listeners the fast path accepts on and its connections.
func (s *Server) closeFast() {
	if s.cfg.TLS || s.noFast {
		return
	}
	s.stopping.Store(true)
	for _, l := range s.listeners {
		l.Close()
	}
	s.connMu.Lock()
	defer s.connMu.Unlock()
	for c := range s.conns {
		c.Close()
	}
}

// busy reports whether a connection is serving a request.
func (s *Server) busy() bool {
	s.connMu.Lock()
	defer s.connMu.Unlock()
	return s.active > 0
}

// Logs returns what this server logged: requests received, how they matched,
// and mismatches, oldest first (at most the last 4096 lines).
func (s *Server) Logs() string { return s.logs.String() }

// logf logs a line to the server's own log and to the process log.
func (s *Server) logf(level logging.Level, format string, args ...any) {
	s.log(level, fmt.Sprintf(format, args...))
}

// log logs a message to the server's own log and to the process log.
func (s *Server) log(level logging.Level, msg string) {
	s.logs.add(level.String(), msg)
	if logging.Enabled(level) {
		logging.Log(level, msg, "port", s.port)
	}
}
