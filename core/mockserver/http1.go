package mockserver

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/libpact/libpact/core/logging"
	"github.com/libpact/libpact/core/model"
)

// The plain-HTTP mock server answers the common request itself and leaves
// everything else to net/http.
//
// net/http spends most of a keep-alive request's CPU outside the handler:
// four read-deadline changes (each a runtime timer update), a background
// read goroutine started and stopped, a copy of the response header map,
// sorting it, and layers of buffered writers. fastConn serves an HTTP/1.1
// connection directly while its requests are simple: a request line
// "GET|POST|PUT|PATCH|DELETE|OPTIONS /target HTTP/1.1", CRLF-terminated
// header lines of visible ASCII with exactly one Host and at most one
// Content-Length (at most fastMaxBody), no Transfer-Encoding, Expect, Upgrade
// or Pragma, a Connection of "keep-alive" or "close" if any, and an answer
// that matching decides without generators and with a status and headers
// that net/http would send unchanged (plainResponse). At the first request
// that is not, before anything about it is recorded, the connection with
// the bytes read so far is handed to net/http (handoff), which serves it
// from then on; TLS servers use net/http only. Answers are byte for byte
// what net/http sends for the same request, the Date header aside
// (TestFastPathMatchesNetHTTP and FuzzFastPathMatchesNetHTTP compare them).
//
// Timeouts are kept as net/http keeps them, more cheaply: the read deadline
// is changed only when it must move, not per request (fastConn.readRequest).

// fastMaxHeader bounds the request line and headers the fast path reads;
// a longer head goes to net/http (which allows 1 MB).
const fastMaxHeader = 32 << 10

// fastMaxBody bounds the request bodies the fast path reads; a larger one
// goes to net/http.
const fastMaxBody = 64 << 10

// idleTimeout is how long a keep-alive connection may wait for its next
// request (http.Server.IdleTimeout); idleSlack is how much earlier than that
// the fast path may let it end, so that it need not move the deadline on
// every request.
const (
	idleTimeout = 2 * time.Minute
	idleSlack   = 10 * time.Second
)

// handoff is the listener net/http serves: the connections the fast path
// gives up, with the bytes it read from them.
type handoff struct {
	addr net.Addr
	ch   chan net.Conn
	done chan struct{}
	once sync.Once

	// serve starts net/http's Serve on this listener; it is called at the
	// first hand-off, so that a server whose requests are all answered by
	// the fast path starts and stops one goroutine less.
	serve     func()
	serveOnce sync.Once
	started   atomic.Bool
}

func newHandoff(addr net.Addr) *handoff {
	return &handoff{addr: addr, ch: make(chan net.Conn), done: make(chan struct{})}
}

func (h *handoff) Accept() (net.Conn, error) {
	select {
	case c := <-h.ch:
		return c, nil
	case <-h.done:
		return nil, net.ErrClosed
	}
}

func (h *handoff) Close() error {
	h.once.Do(func() { close(h.done) })
	return nil
}

func (h *handoff) Addr() net.Addr { return h.addr }

// give passes a connection to net/http, or closes it when the server is
// closing.
func (h *handoff) give(c net.Conn) {
	h.serveOnce.Do(func() {
		h.started.Store(true)
		h.serve()
	})
	select {
	case h.ch <- c:
	case <-h.done:
		c.Close()
	}
}

// prefixConn is a connection whose first bytes were already read.
type prefixConn struct {
	net.Conn
	prefix []byte
}

func (c *prefixConn) Read(p []byte) (int, error) {
	if len(c.prefix) > 0 {
		n := copy(p, c.prefix)
		c.prefix = c.prefix[n:]
		return n, nil
	}
	return c.Conn.Read(p)
}

// NetConn returns the underlying connection (Close shuts it down).
func (c *prefixConn) NetConn() net.Conn { return c.Conn }

// acceptFast accepts connections on l and serves each with a fastConn until
// l fails; then it closes l and h.
func (s *Server) acceptFast(l net.Listener, h *handoff) {
	defer h.Close()
	defer l.Close()
	var delay time.Duration
	for {
		c, err := l.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() == false && isTemporary(err) && !s.stopping.Load() {
				// out of file descriptors and the like: wait, as net/http does
				delay = min(max(2*delay, 5*time.Millisecond), time.Second)
				s.logf(logging.Warn, "accepting a connection: %v; retrying in %v", err, delay)
				time.Sleep(delay)
				continue
			}
			if !s.stopping.Load() && !errors.Is(err, net.ErrClosed) {
				s.logf(logging.Error, "serving on %s stopped: %v", l.Addr(), err)
			}
			return
		}
		delay = 0
		s.trackConn(c, http.StateNew)
		fc := &fastConn{s: s, c: c, h: h}
		go fc.serve()
	}
}

func isTemporary(err error) bool {
	t, ok := err.(interface{ Temporary() bool })
	return ok && t.Temporary()
}

// fastConn serves one plain HTTP/1.1 connection (see the top of this file).
type fastConn struct {
	s *Server
	c net.Conn
	h *handoff

	active   bool      // a request is being read or answered (counted in Server.active)
	served   bool      // a request was answered on this connection
	buf      []byte    // bytes read; buf[r:] not yet used
	r        int       // start of the next request in buf
	deadline time.Time // read deadline set on c; zero: none
	now      time.Time // time of the last answer (or the connection's start)

	remote string            // c.RemoteAddr().String()
	keys   map[string]string // canonical form of the header names seen
	w      fastWriter
	date   []byte // Date header value for dateSec
	dateAt int64
}

// serve reads and answers requests until the connection ends or a request
// needs net/http.
func (fc *fastConn) serve() {
	s := fc.s
	handedOff := false
	defer func() {
		if v := recover(); v != nil && v != http.ErrAbortHandler {
			s.logf(logging.Error, "internal error serving a connection: %v", v)
		}
		if !handedOff {
			fc.c.Close()
			fc.setActive(false)
			s.trackConn(fc.c, http.StateClosed)
		}
	}()
	if ra := fc.c.RemoteAddr(); ra != nil {
		fc.remote = ra.String()
	}
	fc.buf = make([]byte, 0, 4096)
	fc.now = time.Now()
	fc.w.header = http.Header{}
	for {
		n, ok := fc.readRequest()
		if !ok {
			return
		}
		if n < 0 {
			handedOff = true
			fc.handOff()
			return
		}
		keep, ok := fc.answer(n)
		if !ok {
			handedOff = true
			fc.handOff()
			return
		}
		fc.served = true
		if !keep {
			return
		}
		fc.setActive(false)
	}
}

// setActive counts the connection in or out of the requests in flight that
// Close waits for. Unlike trackConn it leaves the connection map alone: the
// map holds the connection from its start (StateNew) to its end.
func (fc *fastConn) setActive(active bool) {
	if fc.active == active {
		return
	}
	fc.active = active
	s := fc.s
	s.connMu.Lock()
	if active {
		s.active++
	} else {
		s.active--
		if s.active == 0 && s.idle != nil {
			close(s.idle) // Close is waiting for this
			s.idle = nil
		}
	}
	s.connMu.Unlock()
}

// handOff gives the connection, with the bytes of the current request and
// any after it, to net/http.
func (fc *fastConn) handOff() {
	fc.setActive(false)
	fc.s.trackConn(fc.c, http.StateHijacked) // net/http reports it anew
	if !fc.deadline.IsZero() {
		fc.c.SetReadDeadline(time.Time{}) // net/http sets its own
	}
	fc.h.give(&prefixConn{Conn: fc.c, prefix: fc.buf[fc.r:]})
}

// readRequest reads until buf[r:] holds a whole request: its head and its
// body. It returns the request's length, -1 when the request is not one for
// the fast path, and ok false when the connection ended (closed, timed out
// or failed), as net/http does without answering.
func (fc *fastConn) readRequest() (n int, ok bool) {
	if fc.r == len(fc.buf) {
		fc.buf, fc.r = fc.buf[:0], 0
	}
	var start time.Time // when the request's first bytes came
	need := 0           // total length once known
	for {
		b := fc.buf[fc.r:]
		// Between requests net/http waits for 4 bytes before it reads the
		// next request (and ends silently on fewer); so does the fast path.
		started := len(b) > 0 && (!fc.served || len(b) >= 4)
		if started && !fc.active {
			fc.setActive(true)
		}
		if need == 0 && started {
			end, bad := headEnd(b)
			if bad || (end < 0 && (len(b) >= fastMaxHeader || !headSoFar(b))) {
				// net/http answers a bad line as soon as it has it
				return -1, true
			}
			if end >= 0 {
				cl, ok := contentLength(b[:end])
				if !ok {
					return -1, true
				}
				need = end + cl
			}
		}
		if need > 0 && len(b) >= need {
			return need, true
		}
		// read more
		if fc.r > 0 && cap(fc.buf)-len(fc.buf) < 1024 {
			fc.buf = append(fc.buf[:0], b...)
			fc.r = 0
		}
		if cap(fc.buf)-len(fc.buf) < 1024 || (need > 0 && cap(fc.buf) < fc.r+need) {
			fc.buf = slices.Grow(fc.buf, max(need-len(b), 4096))
		}
		if fc.active {
			// within a request: net/http's ReadTimeout from its first bytes
			if start.IsZero() {
				start = time.Now()
			}
			if d := start.Add(fc.s.cfg.ReadTimeout); fc.deadline.IsZero() || fc.deadline.After(d) {
				fc.deadline = d
				fc.c.SetReadDeadline(d)
			}
		} else if fc.deadline.IsZero() || fc.deadline.Before(fc.now.Add(idleTimeout-idleSlack)) {
			fc.deadline = fc.now.Add(idleTimeout)
			fc.c.SetReadDeadline(fc.deadline)
		}
		m, err := fc.c.Read(fc.buf[len(fc.buf):cap(fc.buf)])
		fc.buf = fc.buf[:len(fc.buf)+m]
		if err != nil && m == 0 {
			// The client ended in the middle of a request: net/http answers
			// some of those (400), and knows which. Between requests it
			// first waits for 4 bytes, and ends silently on fewer.
			if err == io.EOF && len(fc.buf) > fc.r && (!fc.served || len(fc.buf)-fc.r >= 4) {
				return -1, true
			}
			return 0, false
		}
	}
}

// headEnd returns the length of the request head in b, up to and including
// the empty line, or -1 if b does not hold it all yet; bad reports a head
// the fast path leaves to net/http: a line ending in a bare LF, or an empty
// first line.
func headEnd(b []byte) (end int, bad bool) {
	pos := 0
	for {
		i := bytes.IndexByte(b[pos:], '\n')
		if i < 0 {
			return -1, false
		}
		i += pos
		if i == 0 || b[i-1] != '\r' {
			return 0, true
		}
		if i == pos+1 { // "\r\n": the empty line
			if pos == 0 {
				return 0, true
			}
			return i + 1, false
		}
		pos = i + 1
	}
}

// headSoFar reports whether the complete lines of an unfinished request
// head are ones the fast path takes: a request line it serves and header
// lines of a name, a colon and a visible-ASCII value. net/http rejects a bad
// line as soon as it has read it, so the fast path must not wait for the
// rest of the head before handing such a request over.
func headSoFar(b []byte) bool {
	for n := 0; ; n++ {
		i := bytes.Index(b, []byte("\r\n"))
		if i < 0 {
			return true
		}
		line := string(b[:i]) // no allocation: only compared and cut
		b = b[i+2:]
		if n == 0 {
			method, rest, ok1 := strings.Cut(line, " ")
			target, proto, ok2 := strings.Cut(rest, " ")
			if !ok1 || !ok2 || proto != "HTTP/1.1" || target == "" || target[0] != '/' || !slices.Contains(fastMethods[:], method) {
				return false
			}
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok || !validToken(name) {
			return false
		}
		for j := 0; j < len(value); j++ {
			if c := value[j]; (c < ' ' && c != '\t') || c >= 0x7f {
				return false
			}
		}
	}
}

// contentLength finds the Content-Length of a head that passed headEnd: 0
// when there is none, ok false when it is not a single run of digits of at
// most fastMaxBody, or when a Transfer-Encoding is present.
func contentLength(head []byte) (n int, ok bool) {
	found := false
	for line := range bytes.SplitSeq(head, []byte("\r\n")) {
		name, value, colon := bytes.Cut(line, []byte(":"))
		if !colon {
			continue
		}
		switch {
		case asciiEqualFold(name, "content-length"):
			if found {
				return 0, false
			}
			found = true
			v := bytes.Trim(value, " \t")
			if len(v) == 0 || len(v) > 6 {
				return 0, false
			}
			for _, c := range v {
				if c < '0' || c > '9' {
					return 0, false
				}
				n = n*10 + int(c-'0')
			}
			if n > fastMaxBody {
				return 0, false
			}
		case asciiEqualFold(name, "transfer-encoding"):
			return 0, false
		}
	}
	return n, true
}

func asciiEqualFold(b []byte, lower string) bool {
	if len(b) != len(lower) {
		return false
	}
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// fastMethods are the methods the fast path serves; HEAD, CONNECT, PRI (the
// HTTP/2 preface) and the rest go to net/http.
var fastMethods = [...]string{"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}

// parse builds the http.Request of the n bytes at buf[r:], as net/http's
// reader would, or returns nil when the request is not one for the fast path
// (wantsClose is the request's "Connection: close").
func (fc *fastConn) parse(n int) (r *http.Request, wantsClose bool) {
	raw := fc.buf[fc.r : fc.r+n]
	end, _ := headEnd(raw)
	// one string holds the request line and every header value
	head := string(raw[:end-4])
	body := raw[end:]

	line, rest, _ := strings.Cut(head, "\r\n")
	method, line, ok1 := strings.Cut(line, " ")
	target, proto, ok2 := strings.Cut(line, " ")
	if !ok1 || !ok2 || proto != "HTTP/1.1" || len(target) == 0 || target[0] != '/' {
		return nil, false
	}
	known := false
	for _, m := range fastMethods {
		if method == m {
			method, known = m, true
			break
		}
	}
	if !known {
		return nil, false
	}
	for i := 0; i < len(target); i++ {
		if c := target[i]; c <= ' ' || c >= 0x7f {
			return nil, false
		}
	}
	var u *url.URL
	if strings.IndexByte(target, '%') >= 0 {
		// escapes: let net/url decode the path, or refuse it as net/http does
		var err error
		if u, err = url.ParseRequestURI(target); err != nil {
			return nil, false
		}
	} else {
		// what url.ParseRequestURI gives for "/path?query" without escapes
		u = &url.URL{Path: target}
		if path, query, ok := strings.Cut(target, "?"); ok {
			if query == "" && strings.Count(target, "?") == 1 {
				u.Path, u.ForceQuery = path, true
			} else {
				u.Path, u.RawQuery = path, query
			}
		}
	}

	lines := 0
	for i := 0; i < len(rest); i++ {
		if rest[i] == '\n' {
			lines++
		}
	}
	h := make(http.Header, lines+1)
	strs := make([]string, lines+1)
	host, hosts := "", 0
	cl := int64(0)
	for rest != "" {
		var kv string
		kv, rest, _ = strings.Cut(rest, "\r\n")
		name, value, ok := strings.Cut(kv, ":")
		if !ok || !validToken(name) {
			return nil, false
		}
		value = strings.Trim(value, " \t") // OWS, as net/http trims header values
		for i := 0; i < len(value); i++ {
			if c := value[i]; (c < ' ' && c != '\t') || c >= 0x7f {
				return nil, false
			}
		}
		key := fc.canonical(name)
		switch key {
		case "Host":
			host, hosts = value, hosts+1
			continue
		case "Content-Length":
			cl = int64(len(body))
		case "Expect", "Upgrade", "Pragma", "Transfer-Encoding", "Http2-Settings":
			return nil, false
		case "Connection":
			switch {
			case asciiEqualFoldString(value, "close"):
				wantsClose = true
			case asciiEqualFoldString(value, "keep-alive"):
			default:
				return nil, false
			}
			if len(h[key]) > 0 {
				return nil, false
			}
		}
		if vv := h[key]; vv != nil {
			h[key] = append(vv, value)
		} else {
			vv, strs = strs[:1:1], strs[1:]
			vv[0] = value
			h[key] = vv
		}
	}
	if hosts != 1 || !validHost(host) {
		return nil, false
	}
	r = &http.Request{
		Method:        method,
		URL:           u,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          http.NoBody,
		ContentLength: cl,
		Close:         wantsClose,
		Host:          host,
		RemoteAddr:    fc.remote,
		RequestURI:    target,
	}
	if cl > 0 {
		r.Body = &bodyReader{b: body}
	}
	return r, wantsClose
}

// canonical returns the canonical form of a header name, remembered per
// connection so that a client's names are canonicalised once.
func (fc *fastConn) canonical(name string) string {
	if k, ok := fc.keys[name]; ok {
		return k
	}
	k := textproto.CanonicalMIMEHeaderKey(name)
	if fc.keys == nil {
		fc.keys = map[string]string{}
	}
	if len(fc.keys) < 64 {
		fc.keys[name] = k
	}
	return k
}

// answer matches and answers the request of n bytes at buf[r:]. It returns
// ok false, having recorded nothing, when the request must go to net/http;
// keep false when the connection is to be closed after the answer.
func (fc *fastConn) answer(n int) (keep, ok bool) {
	s := fc.s
	r, wantsClose := fc.parse(n)
	if r == nil {
		return false, false
	}
	w := &fc.w
	w.reset()
	aborted := false
	func() {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					aborted = true
					return
				}
				w.reset()
				s.recovered(w, r, v)
			}
		}()
		req, err := toRequest(r, s.cfg.BodyLimit)
		if err != nil {
			return // net/http's path answers it
		}
		res := s.match(req)
		if !s.fastAnswer(req, res) {
			return
		}
		ok = true
		s.log(logging.Info, "received request "+req.Method+" "+requestTarget(req))
		s.answer(w, req, res)
	}()
	if aborted {
		return false, true
	}
	if !ok && !w.used() {
		return false, false
	}
	closing := wantsClose || s.stopping.Load()
	fc.now = time.Now()
	out := fc.w.serialize(fc.httpDate(), closing)
	fc.r += n
	if _, err := fc.c.Write(out); err != nil {
		return false, true
	}
	return !closing, true
}

// httpDate is the Date header's value now, formatted once a second.
func (fc *fastConn) httpDate() []byte {
	if sec := fc.now.Unix(); sec != fc.dateAt || fc.date == nil {
		fc.date = fc.now.UTC().AppendFormat(fc.date[:0], http.TimeFormat)
		fc.dateAt = sec
	}
	return fc.date
}

// fastAnswer reports whether net/http would send the answer to req
// unchanged: the answering interactions' responses are plain, or it is a
// mismatch (a fixed JSON answer); a CORS pre-flight answer is not.
func (s *Server) fastAnswer(req *model.Request, res Result) bool {
	switch res.Kind {
	case Matched:
		if !s.plain[res.index] {
			return false
		}
		for _, t := range res.ties {
			if !s.plain[t] {
				return false
			}
		}
		return true
	case Mismatch:
		return true
	case NotFound:
		return !s.cfg.CORS || req.Method != http.MethodOptions
	}
	return false
}

// plainResponse reports whether net/http sends an interaction's response as
// writeResponse sets it, so that the fast path can write it the same way: no
// generators, a status with a body (200-599 but 204 and 304), header names
// that are tokens and values without line breaks or surrounding blanks, and
// none of the headers net/http acts on (Content-Length, Transfer-Encoding,
// Connection, Trailer).
func plainResponse(i *model.Response) bool {
	if needsGeneration(i) {
		return false
	}
	if st := i.Status; st != 0 && (st < 200 || st > 599 || st == 204 || st == 304) {
		return false
	}
	for _, f := range i.Headers {
		name, values := f.Name, f.Values
		if !validToken(name) {
			return false
		}
		switch http.CanonicalHeaderKey(name) {
		case "Content-Length", "Transfer-Encoding", "Connection", "Trailer":
			return false
		}
		for _, v := range values {
			if strings.Trim(v, " \t") != v {
				return false
			}
			for j := 0; j < len(v); j++ {
				if v[j] == '\r' || v[j] == '\n' {
					return false
				}
			}
		}
	}
	return true
}

// fastWriter collects a handler's answer for fastConn.
type fastWriter struct {
	header http.Header
	status int
	body   []byte
	out    []byte
	keys   []string
	wrote  bool
}

func (w *fastWriter) reset() {
	clear(w.header)
	w.status, w.body, w.wrote = 0, w.body[:0], false
}

func (w *fastWriter) used() bool { return w.wrote || len(w.header) > 0 }

func (w *fastWriter) Header() http.Header { return w.header }

func (w *fastWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.wrote = true
}

func (w *fastWriter) Write(p []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	w.wrote = true
	w.body = append(w.body, p...)
	return len(p), nil
}

// serialize renders the answer as net/http does for a plain response: the
// status line, the headers sorted by name, Date and Content-Length unless
// set, "Connection: close" when closing, then the body.
func (w *fastWriter) serialize(date []byte, closing bool) []byte {
	status := w.status
	if status == 0 {
		status = http.StatusOK
	}
	b := append(w.out[:0], "HTTP/1.1 "...)
	if text := http.StatusText(status); text != "" {
		b = strconv.AppendInt(b, int64(status), 10)
		b = append(append(append(b, ' '), text...), "\r\n"...)
	} else {
		b = append(b, strconv.Itoa(status)+" status code "+strconv.Itoa(status)+"\r\n"...)
	}
	keys := w.keys[:0]
	for k := range w.header {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !validToken(k) {
			continue // net/http drops them
		}
		for _, v := range w.header[k] {
			b = append(append(append(append(b, k...), ": "...), v...), "\r\n"...)
		}
	}
	w.keys = keys
	if _, ok := w.header["Date"]; !ok {
		b = append(append(append(b, "Date: "...), date...), "\r\n"...)
	}
	if _, ok := w.header["Content-Length"]; !ok {
		b = append(b, "Content-Length: "...)
		b = append(strconv.AppendInt(b, int64(len(w.body)), 10), "\r\n"...)
	}
	if closing {
		b = append(b, "Connection: close\r\n"...)
	}
	b = append(append(b, "\r\n"...), w.body...)
	w.out = b
	return b
}

// bodyReader is a request body already read.
type bodyReader struct{ b []byte }

func (r *bodyReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

func (r *bodyReader) Close() error { return nil }

func asciiEqualFoldString(s, lower string) bool { return asciiEqualFold([]byte(s), lower) }

// validToken reports whether s is an HTTP token (a valid header name).
func validToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// validHost reports whether a Host header is one the fast path accepts: a
// name or address with an optional port (anything else goes to net/http,
// which checks it its own way).
func validHost(h string) bool {
	if h == "" {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.' || c == '-' || c == ':' || c == '[' || c == ']' || c == '_':
		default:
			return false
		}
	}
	return true
}
