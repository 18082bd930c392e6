package logging

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestBufferSinkLevels(t *testing.T) {
	if err := Configure(Sink{Kind: Buffer, Level: Debug}); err != nil {
		t.Fatal(err)
	}
	defer Configure()
	LogDebug("visible debug", "port", 1234)
	LogTrace("hidden trace")
	got := BufferContents()
	if !strings.Contains(got, "DEBUG visible debug port=1234") {
		t.Errorf("buffer lacks the debug line: %q", got)
	}
	if strings.Contains(got, "hidden trace") {
		t.Errorf("trace line logged at debug level: %q", got)
	}
}

func TestInitAttachApply(t *testing.T) {
	if err := AttachSink("stdout", Info); !errors.Is(err, ErrNoLogger) {
		t.Fatalf("AttachSink before Init: got %v, want ErrNoLogger", err)
	}
	if err := Apply(); !errors.Is(err, ErrNoLogger) {
		t.Fatalf("Apply before Init: got %v, want ErrNoLogger", err)
	}
	path := filepath.Join(t.TempDir(), "pact.log")
	Init()
	for _, tc := range []struct {
		spec string
		want error
	}{
		{"nowhere", ErrUnknownSink},
		{"file", ErrMissingPath},
		{"file  ", ErrMissingPath},
		{"file /nonexistent-dir/x/y.log", ErrCantOpenSink},
		{"file " + path, nil},
	} {
		if err := AttachSink(tc.spec, Info); !errors.Is(err, tc.want) {
			t.Errorf("AttachSink(%q) = %v, want %v", tc.spec, err, tc.want)
		}
	}
	if err := Apply(); err != nil {
		t.Fatal(err)
	}
	LogInfo("to the file")
	LogDebug("not to the file")
	Configure() // closes the file
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "INFO  to the file") || strings.Contains(string(data), "not to") {
		t.Errorf("file contents: %q", data)
	}
	// Reconfiguring twice is fine (pact_ffi refuses the second time).
	if err := Configure(Sink{Kind: Stderr, Level: Off}); err != nil {
		t.Fatal(err)
	}
	if Enabled(Error) {
		t.Error("Enabled(Error) with only an Off sink")
	}
}

func TestParseLevel(t *testing.T) {
	for in, want := range map[string]Level{"TRACE": Trace, "debug": Debug, "Info": Info, "warn": Warn, "ERROR": Error, "none": Off, "off": Off} {
		got, err := ParseLevel(in)
		if err != nil || got != want {
			t.Errorf("ParseLevel(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParseLevel("loud"); err == nil {
		t.Error("ParseLevel(loud) succeeded")
	}
}

func TestConcurrentLogAndConfigure(t *testing.T) {
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			for {
				select {
				case <-done:
					return
				default:
					LogInfo("line", "k", "v")
					Logger().Debug("slog line")
				}
			}
		}()
	}
	for k := 0; k < 200; k++ {
		Configure(Sink{Kind: Buffer, Level: Level(k % 6)})
		Init()
		AttachSink("buffer", Debug)
		Apply()
	}
	Configure(Sink{Kind: Buffer, Level: Info})
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(BufferContents(), "INFO  line k=v") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	close(done)
	Configure()
	if !strings.Contains(BufferContents(), "INFO  line k=v") {
		t.Error("nothing reached the buffer")
	}
}
