package mockserver

import (
	"fmt"
	"strings"
	"sync"
	"time"
)

// logLines is how many lines a server's log keeps; older lines are dropped.
const logLines = 4096

// maxLineBytes bounds one kept line: a mismatch of a large body can describe
// megabytes, and 4096 such lines would exhaust the host's memory.
const maxLineBytes = 16 << 10

// ring is a fixed-size log of the most recent lines. It is safe for
// concurrent use.
type ring struct {
	mu      sync.Mutex
	lines   []entry // guarded by mu; grows up to logLines
	next    int     // guarded by mu; index of the next line to write
	full    bool    // guarded by mu; lines has wrapped at least once
	dropped int     // guarded by mu; lines overwritten
}

// entry is one log line; its time is formatted only when the log is read.
type entry struct {
	at    time.Time
	level string
	msg   string
}

func (e entry) String() string {
	return e.at.UTC().Format("2006-01-02T15:04:05.000000Z") + " " + e.level + " " + e.msg
}

// printf adds one line, prefixed with the time and level.
func (r *ring) printf(level, format string, args ...any) {
	r.add(level, fmt.Sprintf(format, args...))
}

// add adds one line, prefixed with the time and level.
func (r *ring) add(level, msg string) {
	if len(msg) > maxLineBytes {
		msg = fmt.Sprintf("%s... [%d bytes in all]", strings.ToValidUTF8(msg[:maxLineBytes], ""), len(msg))
	}
	line := entry{at: time.Now(), level: level, msg: msg}
	r.mu.Lock()
	if r.full {
		r.dropped++
	}
	if len(r.lines) < logLines {
		r.lines = append(r.lines, line)
	} else {
		r.lines[r.next] = line
	}
	r.next++
	if r.next == logLines {
		r.next, r.full = 0, true
	}
	r.mu.Unlock()
}

// String returns the kept lines, oldest first, each ending in a newline.
func (r *ring) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	if r.dropped > 0 {
		fmt.Fprintf(&b, "... %d earlier lines dropped\n", r.dropped)
	}
	if r.full {
		for _, l := range r.lines[r.next:] {
			b.WriteString(l.String())
			b.WriteByte('\n')
		}
	}
	for _, l := range r.lines[:r.next] {
		b.WriteString(l.String())
		b.WriteByte('\n')
	}
	return b.String()
}
