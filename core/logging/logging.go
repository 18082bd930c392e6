// Package logging is libpact's small leveled logger, built on log/slog.
//
// Log lines go to zero or more sinks (stdout, stderr, a file, or an in-memory
// buffer), each with its own maximum level. Configuring is done in three steps
// that mirror pact_ffi's logger_init / logger_attach_sink / logger_apply, and
// unlike pact_ffi a later configuration simply replaces the earlier one:
//
//	logging.Init()
//	logging.AttachSink("stderr", logging.Info)
//	logging.AttachSink("file /tmp/pact.log", logging.Debug)
//	logging.Apply()
//	logging.LogInfo("mock server started", "port", 8080)
//
// or in one call: logging.Configure(logging.Sink{Kind: logging.Stdout, Level: logging.Info}).
// With nothing configured, nothing is logged.
package logging

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Level is a log level, ordered as pact_ffi's LevelFilter: Off, Error, Warn,
// Info, Debug, Trace. A sink at level L receives every line at L or more
// severe.
type Level int

// The levels.
const (
	Off Level = iota
	Error
	Warn
	Info
	Debug
	Trace
)

var levelNames = [...]string{"OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"}

// String returns the level's upper-case name, e.g. "INFO".
func (l Level) String() string {
	if l < Off || l > Trace {
		return fmt.Sprintf("Level(%d)", int(l))
	}
	return levelNames[l]
}

// ParseLevel parses a level name in any case: "off", "error", "warn" (or
// "warning"), "info", "debug", "trace".
//
//	l, err := logging.ParseLevel("DEBUG") // logging.Debug
func ParseLevel(s string) (Level, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "off", "none":
		return Off, nil
	case "error":
		return Error, nil
	case "warn", "warning":
		return Warn, nil
	case "info":
		return Info, nil
	case "debug":
		return Debug, nil
	case "trace":
		return Trace, nil
	}
	return Off, fmt.Errorf("unknown log level %q (use off, error, warn, info, debug or trace)", s)
}

// slog levels for Trace (below Debug) and the mapping both ways.
const slogTrace = slog.LevelDebug - 4

func (l Level) slog() slog.Level {
	switch l {
	case Error:
		return slog.LevelError
	case Warn:
		return slog.LevelWarn
	case Info:
		return slog.LevelInfo
	case Debug:
		return slog.LevelDebug
	}
	return slogTrace
}

func fromSlog(l slog.Level) Level {
	switch {
	case l >= slog.LevelError:
		return Error
	case l >= slog.LevelWarn:
		return Warn
	case l >= slog.LevelInfo:
		return Info
	case l >= slog.LevelDebug:
		return Debug
	}
	return Trace
}

// SinkKind says where a sink writes.
type SinkKind int

// The sink kinds.
const (
	Stdout SinkKind = iota
	Stderr
	File
	Buffer
)

// Sink is one log destination with its maximum level. Path is the file of a
// File sink.
type Sink struct {
	Kind  SinkKind
	Path  string
	Level Level
}

// Errors of AttachSink, Apply and Configure; pact_ffi maps each to a return
// code.
var (
	ErrNoLogger      = errors.New("no logger has been initialized (call logger_init first)")
	ErrUnknownSink   = errors.New("unknown sink specifier (use stdout, stderr, buffer, or file <path>)")
	ErrMissingPath   = errors.New("the file sink needs a path: \"file <path>\"")
	ErrCantOpenSink  = errors.New("cannot open the log file")
	ErrInvalidSinkID = errors.New("the sink specifier is not valid UTF-8")
)

// ParseSink parses a pact_ffi sink specifier: "stdout", "stderr", "buffer"
// or "file <path>".
//
//	s, err := logging.ParseSink("file /tmp/pact.log") // Sink{Kind: File, Path: "/tmp/pact.log"}
func ParseSink(spec string) (Sink, error) {
	spec = strings.TrimSpace(spec)
	switch spec {
	case "stdout":
		return Sink{Kind: Stdout}, nil
	case "stderr":
		return Sink{Kind: Stderr}, nil
	case "buffer":
		return Sink{Kind: Buffer}, nil
	case "file":
		return Sink{}, ErrMissingPath
	}
	if rest, ok := strings.CutPrefix(spec, "file "); ok {
		path := strings.TrimSpace(rest)
		if path == "" {
			return Sink{}, ErrMissingPath
		}
		return Sink{Kind: File, Path: path}, nil
	}
	return Sink{}, fmt.Errorf("%w: %q", ErrUnknownSink, spec)
}

// An opened sink.
type output struct {
	level Level
	w     io.Writer
	mu    *sync.Mutex // serializes writes to w
	close func() error
}

var (
	mu      sync.Mutex // guards pending, outputs
	pending []output   // between Init and Apply; nil when no Init
	inited  bool
	outputs []output

	maxLevel atomic.Int32 // the most verbose active level, for a cheap Enabled

	stdoutMu, stderrMu sync.Mutex
	buf                = &ring{limit: 8 << 20}
)

// Init starts a new configuration, discarding any sinks attached since the
// last Apply. The active configuration keeps working until Apply.
func Init() {
	mu.Lock()
	defer mu.Unlock()
	closeAll(pending)
	pending = nil
	inited = true
}

// AttachSink adds a sink to the configuration started by Init.
func AttachSink(spec string, level Level) error {
	s, err := ParseSink(spec)
	if err != nil {
		return err
	}
	s.Level = level
	mu.Lock()
	defer mu.Unlock()
	if !inited {
		return ErrNoLogger
	}
	o, err := open(s)
	if err != nil {
		return err
	}
	pending = append(pending, o)
	return nil
}

// Apply installs the configuration started by Init, replacing the active one.
func Apply() error {
	mu.Lock()
	defer mu.Unlock()
	if !inited {
		return ErrNoLogger
	}
	closeAll(outputs)
	outputs, pending, inited = pending, nil, false
	var m Level
	for _, o := range outputs {
		m = max(m, o.level)
	}
	maxLevel.Store(int32(m))
	return nil
}

// Configure replaces the active configuration with sinks in one step.
func Configure(sinks ...Sink) error {
	opened := make([]output, 0, len(sinks))
	for _, s := range sinks {
		o, err := open(s)
		if err != nil {
			closeAll(opened)
			return err
		}
		opened = append(opened, o)
	}
	mu.Lock()
	defer mu.Unlock()
	closeAll(outputs)
	outputs = opened
	var m Level
	for _, o := range outputs {
		m = max(m, o.level)
	}
	maxLevel.Store(int32(m))
	return nil
}

func open(s Sink) (output, error) {
	switch s.Kind {
	case Stdout:
		return output{level: s.Level, w: os.Stdout, mu: &stdoutMu}, nil
	case Stderr:
		return output{level: s.Level, w: os.Stderr, mu: &stderrMu}, nil
	case Buffer:
		return output{level: s.Level, w: buf, mu: &buf.mu}, nil
	case File:
		f, err := os.OpenFile(s.Path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return output{}, fmt.Errorf("%w %s: %v", ErrCantOpenSink, s.Path, err)
		}
		return output{level: s.Level, w: f, mu: &sync.Mutex{}, close: f.Close}, nil
	}
	return output{}, ErrUnknownSink
}

func closeAll(os []output) {
	for _, o := range os {
		if o.close != nil {
			o.close()
		}
	}
}

// Enabled reports whether a line at level would go anywhere.
func Enabled(level Level) bool {
	return level != Off && level <= Level(maxLevel.Load())
}

// BufferContents returns everything logged to the buffer sink so far (at most
// the last 8 MiB).
func BufferContents() string { return buf.String() }

// Logger returns a *slog.Logger that writes to the configured sinks; slog
// levels below Debug count as Trace.
func Logger() *slog.Logger { return slog.New(handler{}) }

// Log writes msg with key/value attributes at level.
//
//	logging.Log(logging.Info, "pact written", "path", p)
func Log(level Level, msg string, args ...any) {
	if !Enabled(level) {
		return
	}
	r := slog.NewRecord(time.Now(), level.slog(), msg, 0)
	r.Add(args...)
	handler{}.Handle(context.Background(), r)
}

// LogError logs at Error level.
func LogError(msg string, args ...any) { Log(Error, msg, args...) }

// LogWarn logs at Warn level.
func LogWarn(msg string, args ...any) { Log(Warn, msg, args...) }

// LogInfo logs at Info level.
func LogInfo(msg string, args ...any) { Log(Info, msg, args...) }

// LogDebug logs at Debug level.
func LogDebug(msg string, args ...any) { Log(Debug, msg, args...) }

// LogTrace logs at Trace level.
func LogTrace(msg string, args ...any) { Log(Trace, msg, args...) }

// handler is the slog.Handler behind Logger and Log: it formats a record as
// one line, "2026-01-02T15:04:05.000Z INFO message key=value ...", and writes
// it to every sink whose level admits it.
type handler struct {
	attrs []slog.Attr
	group string
}

func (h handler) Enabled(_ context.Context, l slog.Level) bool { return Enabled(fromSlog(l)) }

func (h handler) Handle(_ context.Context, r slog.Record) error {
	level := fromSlog(r.Level)
	var b strings.Builder
	b.WriteString(r.Time.UTC().Format("2006-01-02T15:04:05.000Z"))
	b.WriteByte(' ')
	fmt.Fprintf(&b, "%-5s ", level)
	b.WriteString(r.Message)
	write := func(a slog.Attr) bool {
		key := a.Key
		if h.group != "" {
			key = h.group + "." + key
		}
		v := a.Value.Resolve().String()
		if strings.ContainsAny(v, " \t\n\"=") {
			v = fmt.Sprintf("%q", v)
		}
		fmt.Fprintf(&b, " %s=%s", key, v)
		return true
	}
	for _, a := range h.attrs {
		write(a)
	}
	r.Attrs(write)
	b.WriteByte('\n')
	line := b.String()

	mu.Lock()
	outs := outputs
	mu.Unlock()
	for _, o := range outs {
		if level <= o.level {
			o.mu.Lock()
			io.WriteString(o.w, line)
			o.mu.Unlock()
		}
	}
	return nil
}

func (h handler) WithAttrs(as []slog.Attr) slog.Handler {
	return handler{attrs: append(append([]slog.Attr{}, h.attrs...), as...), group: h.group}
}

func (h handler) WithGroup(name string) slog.Handler {
	g := name
	if h.group != "" {
		g = h.group + "." + name
	}
	return handler{attrs: h.attrs, group: g}
}

// ring is the in-memory buffer sink: it keeps the most recent limit bytes.
type ring struct {
	mu    sync.Mutex // held by the writer (see open), not by Write itself
	limit int
	data  []byte
	smu   sync.Mutex // guards data
}

func (r *ring) Write(p []byte) (int, error) {
	r.smu.Lock()
	defer r.smu.Unlock()
	r.data = append(r.data, p...)
	if len(r.data) > r.limit {
		drop := len(r.data) - r.limit/2
		r.data = append(r.data[:0], r.data[drop:]...)
	}
	return len(p), nil
}

func (r *ring) String() string {
	r.smu.Lock()
	defer r.smu.Unlock()
	return string(r.data)
}
