package main

/*
#include "types.h"
*/
import "C"

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/libpact/libpact/core/logging"
)

// The return codes of the pact_ffi logging functions.
const (
	logOK            = 0
	logCantSetLogger = -1
	logNoLogger      = -2
	logSpecNotUTF8   = -3
	logUnknownSink   = -4
	logMissingPath   = -5
	logCantOpenFile  = -6
	logCantConstruct = -7
)

// logStatus maps a core/logging error to its pact_ffi return code and sets
// the thread's last error.
func logStatus(fn string, err error) C.int {
	if err == nil {
		return logOK
	}
	setError(errorf(fn, "%v", err))
	switch {
	case errors.Is(err, logging.ErrNoLogger):
		return logNoLogger
	case errors.Is(err, logging.ErrInvalidSinkID):
		return logSpecNotUTF8
	case errors.Is(err, logging.ErrUnknownSink):
		return logUnknownSink
	case errors.Is(err, logging.ErrMissingPath):
		return logMissingPath
	case errors.Is(err, logging.ErrCantOpenSink):
		return logCantOpenFile
	}
	return logCantConstruct
}

// levelFilter converts a LevelFilter argument, rejecting values outside the enum.
func levelFilter(l C.enum_LevelFilter) (logging.Level, error) {
	if l < 0 || l > 5 {
		return 0, fmt.Errorf("level_filter %d is not a LevelFilter (0=Off .. 5=Trace)", int(l))
	}
	return logging.Level(l), nil
}

// logTo replaces the logging configuration with a single sink. Calling it
// again reconfigures (pact_ffi returns -1 instead; clients such as pact-go
// call it repeatedly).
func logTo(fn string, sink logging.Sink, l C.enum_LevelFilter) C.int {
	level, err := levelFilter(l)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return logCantConstruct
	}
	sink.Level = level
	return logStatus(fn, logging.Configure(sink))
}

//export pactffi_log_to_stdout
func pactffi_log_to_stdout(level C.enum_LevelFilter) (ret C.int) {
	defer guard(&ret, logCantConstruct, "pactffi_log_to_stdout")
	return logTo("pactffi_log_to_stdout", logging.Sink{Kind: logging.Stdout}, level)
}

//export pactffi_log_to_stderr
func pactffi_log_to_stderr(level C.enum_LevelFilter) (ret C.int) {
	defer guard(&ret, logCantConstruct, "pactffi_log_to_stderr")
	return logTo("pactffi_log_to_stderr", logging.Sink{Kind: logging.Stderr}, level)
}

//export pactffi_log_to_buffer
func pactffi_log_to_buffer(level C.enum_LevelFilter) (ret C.int) {
	defer guard(&ret, logCantConstruct, "pactffi_log_to_buffer")
	return logTo("pactffi_log_to_buffer", logging.Sink{Kind: logging.Buffer}, level)
}

//export pactffi_log_to_file
func pactffi_log_to_file(fileName *C.char, level C.enum_LevelFilter) (ret C.int) {
	const fn = "pactffi_log_to_file"
	defer guard(&ret, logCantConstruct, fn)
	if fileName == nil {
		setError(errorf(fn, "file_name is NULL; pass the path of the log file"))
		return logMissingPath
	}
	path, err := cstr(fileName, "file_name")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return logSpecNotUTF8
	}
	if path == "" {
		setError(errorf(fn, "file_name is empty; pass the path of the log file"))
		return logMissingPath
	}
	return logTo(fn, logging.Sink{Kind: logging.File, Path: path}, level)
}

//export pactffi_logger_init
func pactffi_logger_init() {
	defer guardVoid("pactffi_logger_init")
	logging.Init()
}

//export pactffi_logger_attach_sink
func pactffi_logger_attach_sink(spec *C.char, level C.enum_LevelFilter) (ret C.int) {
	const fn = "pactffi_logger_attach_sink"
	defer guard(&ret, logCantConstruct, fn)
	if spec == nil {
		setError(errorf(fn, "sink_specifier is NULL; use stdout, stderr, buffer or \"file <path>\""))
		return logUnknownSink
	}
	s := C.GoString(spec)
	if !utf8.ValidString(s) {
		return logStatus(fn, logging.ErrInvalidSinkID)
	}
	l, err := levelFilter(level)
	if err != nil {
		setError(errorf(fn, "%v", err))
		return logCantConstruct
	}
	return logStatus(fn, logging.AttachSink(s, l))
}

//export pactffi_logger_apply
func pactffi_logger_apply() (ret C.int) {
	defer guard(&ret, logCantConstruct, "pactffi_logger_apply")
	return logStatus("pactffi_logger_apply", logging.Apply())
}

//export pactffi_init
func pactffi_init(logEnvVar *C.char) {
	const fn = "pactffi_init"
	defer guardVoid(fn)
	name := "LOG_LEVEL"
	if logEnvVar != nil {
		s, err := cstr(logEnvVar, "log_env_var")
		switch {
		case err != nil:
			setError(errorf(fn, "%v; reading LOG_LEVEL instead", err))
		case s != "":
			name = s
		}
	}
	v, ok := os.LookupEnv(name)
	if !ok || strings.TrimSpace(v) == "" {
		return // no level asked for: leave logging as it is
	}
	level, err := logging.ParseLevel(v)
	if err != nil {
		setError(errorf(fn, "$%s: %v", name, err))
		level = logging.Info
	}
	logging.Configure(logging.Sink{Kind: logging.Stdout, Level: level})
}

//export pactffi_init_with_log_level
func pactffi_init_with_log_level(level *C.char) {
	const fn = "pactffi_init_with_log_level"
	defer guardVoid(fn)
	l := logging.Info
	if level != nil {
		s, err := cstr(level, "level")
		if err == nil {
			l, err = logging.ParseLevel(s)
		}
		if err != nil {
			setError(errorf(fn, "%v; using INFO", err))
			l = logging.Info
		}
	}
	logging.Configure(logging.Sink{Kind: logging.Stdout, Level: l})
}

//export pactffi_fetch_log_buffer
func pactffi_fetch_log_buffer(logID *C.char) (ret *C.char) {
	defer guard(&ret, nil, "pactffi_fetch_log_buffer")
	// libpact keeps one buffer; any log_id (or NULL, "global") reads it.
	return ownedString(logging.BufferContents())
}

//export pactffi_log_message
func pactffi_log_message(source *C.char, logLevel *C.char, message *C.char) {
	const fn = "pactffi_log_message"
	defer guardVoid(fn)
	msg, err := cstr(message, "message")
	if err != nil {
		setError(errorf(fn, "%v", err))
		return
	}
	level := logging.Info
	if logLevel != nil {
		if s, err := cstr(logLevel, "log_level"); err != nil {
			setError(errorf(fn, "%v; logging at INFO", err))
		} else if l, err := logging.ParseLevel(s); err == nil {
			level = l
		} else {
			setError(errorf(fn, "%v; logging at INFO", err))
		}
	}
	src := "pact_ffi"
	if source != nil {
		if s, err := cstr(source, "source"); err == nil && s != "" {
			src = s
		}
	}
	logging.Log(level, msg, "source", src)
}
