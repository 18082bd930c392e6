"""Where libpact logs: ``log_to_stderr("debug")``, ``log_to_file(path, "info")``, ``log_to_buffer("debug")`` then
``fetch_log_buffer()``. Levels: off, error, warn, info, debug, trace. Each call replaces the previous setup."""

from __future__ import annotations

from . import _ffi
from ._ffi import check, enc


def _level(level: str) -> int:
    try:
        return _ffi.LEVELS[level.lower()]
    except KeyError:
        raise ValueError(f"unknown log level {level!r}; use one of {', '.join(_ffi.LEVELS)}") from None


def log_to_stderr(level: str = "info") -> None:
    """Sends libpact's log lines at level or more severe to stderr."""
    rc = _ffi.log_to_stderr(_level(level))
    check(rc == 0, "pactffi_log_to_stderr", rc)


def log_to_file(path: str, level: str = "info") -> None:
    """Appends libpact's log lines at level or more severe to the file at path."""
    rc = _ffi.log_to_file(enc(str(path)), _level(level))
    check(rc == 0, "pactffi_log_to_file", rc)


def log_to_buffer(level: str = "info") -> None:
    """Keeps libpact's log lines in memory, read with fetch_log_buffer()."""
    rc = _ffi.log_to_buffer(_level(level))
    check(rc == 0, "pactffi_log_to_buffer", rc)


def fetch_log_buffer() -> str:
    """Everything logged to the in-memory buffer so far."""
    return _ffi.take_string(_ffi.fetch_log_buffer(None)) or ""
