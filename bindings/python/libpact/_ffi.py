"""Raw ctypes declarations of the libpact C ABI (include/pact.h).

This is the only module that touches ctypes: every function the package uses is declared here once, with its
argument and result types, and the helpers below turn the library's conventions into Python ones:

* owned strings (documented "caller frees") are copied into ``str`` and released with ``pactffi_string_delete``
  (:func:`take_string`);
* a failing call raises :class:`PactError` carrying the thread's ``pactffi_get_error_message`` (:func:`check`).

Finding the library: ``$LIBPACT_PATH`` (a file), else ``build/libpact.so`` of the source tree this package sits in
(``bindings/python/libpact/../../../build``), else the system search path (``libpact.so``, then
``libpact_ffi.so``).

The library contains a Go runtime. It is loaded with ``RTLD_NODELETE`` and kept in the module-level ``lib``: it is
never unloaded. A process must not ``fork()`` after loading it and keep using it in the child (the Go runtime's
threads are not copied); use the ``spawn`` start method of :mod:`multiprocessing` (``pytest-xdist`` and
``multiprocessing.get_context("spawn")`` are fine)::

    import multiprocessing as mp
    mp.set_start_method("spawn")
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from ctypes import (POINTER, Structure, c_bool, c_char_p, c_int, c_int32, c_size_t, c_ubyte, c_uint, c_uint8,
                    c_uint16, c_uint32, c_ulong, c_ushort, c_void_p)
from pathlib import Path

__all__ = ["PactError", "lib", "library_path", "check", "take_string", "last_error", "enc", "str_array"]


class PactError(Exception):
    """An error reported by libpact; the message is the library's ``pactffi_get_error_message``.

    ``code`` is the failing function's return code when it has one (e.g. -3 from a mock server start).
    """

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.code = code


def _candidates() -> list[str]:
    env = os.environ.get("LIBPACT_PATH")
    if env:
        return [env]
    out = []
    tree = Path(__file__).resolve().parents[3] / "build" / "libpact.so"
    if tree.is_file():
        out.append(str(tree))
    for name in ("pact", "pact_ffi"):
        found = ctypes.util.find_library(name)
        if found:
            out.append(found)
    out += ["libpact.so", "libpact_ffi.so"]
    return out


def _load() -> tuple[ctypes.CDLL, str]:
    mode = getattr(os, "RTLD_NODELETE", 0x1000) | getattr(os, "RTLD_GLOBAL", ctypes.RTLD_GLOBAL) | getattr(
        os, "RTLD_NOW", 2)
    errors = []
    for cand in _candidates():
        try:
            return ctypes.CDLL(cand, mode=mode), cand
        except OSError as exc:
            errors.append(f"{cand}: {exc}")
    raise ImportError("cannot load libpact (set LIBPACT_PATH to build/libpact.so; run `make lib` to build it): "
                      + "; ".join(errors))


lib, library_path = _load()


def _after_fork_in_child() -> None:
    import warnings
    warnings.warn("libpact was loaded before this process forked: its Go runtime does not survive fork(), and "
                  "calls into it from the child may hang or crash; start workers with the 'spawn' method",
                  RuntimeWarning, stacklevel=2)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)

# Enums of pact.h.
REQUEST, RESPONSE = 0, 1  # InteractionPart
LEVELS = {"off": 0, "none": 0, "error": 1, "warn": 2, "info": 3, "debug": 4, "trace": 5}  # LevelFilter
SPEC = {"1": 1, "1.0": 1, "1.0.0": 1, "1.1": 2, "1.1.0": 2, "2": 3, "2.0": 3, "2.0.0": 3, "3": 4, "3.0": 4,
        "3.0.0": 4, "4": 5, "4.0": 5, "4.0.0": 5}  # PactSpecification


class _StringResultUnion(ctypes.Union):
    _fields_ = [("ok", c_void_p), ("failed", c_void_p)]


class StringResult(Structure):
    """struct StringResult: tag 0 = Ok, 1 = Failed; either string is owned by the caller."""
    _anonymous_ = ("u",)
    _fields_ = [("tag", c_int), ("u", _StringResultUnion)]


P = c_void_p  # opaque pointers: struct VerifierHandle *, struct Pact *, ...
u8p = POINTER(c_uint8)
cstrs = POINTER(c_char_p)  # const char *const *

# name: (restype, argtypes). Owned ("caller frees") strings are declared c_void_p so that take_string can free
# them; strings the library keeps (versions, mock-server strings) are c_char_p.
_DECLS = {
    # Library and errors
    "pactffi_version": (c_char_p, []),
    "libpact_version": (c_char_p, []),
    "pactffi_get_error_message": (c_int, [c_char_p, c_int]),
    "pactffi_string_delete": (None, [c_void_p]),
    # Logging
    "pactffi_init_with_log_level": (None, [c_char_p]),
    "pactffi_log_to_stderr": (c_int, [c_int]),
    "pactffi_log_to_stdout": (c_int, [c_int]),
    "pactffi_log_to_file": (c_int, [c_char_p, c_int]),
    "pactffi_log_to_buffer": (c_int, [c_int]),
    "pactffi_fetch_log_buffer": (c_void_p, [c_char_p]),
    # Pact handles
    "pactffi_new_pact": (c_uint16, [c_char_p, c_char_p]),
    "pactffi_free_pact_handle": (c_uint, [c_uint16]),
    "pactffi_with_specification": (c_bool, [c_uint16, c_int]),
    "pactffi_with_pact_metadata": (c_bool, [c_uint16, c_char_p, c_char_p, c_char_p]),
    "pactffi_pact_handle_write_file": (c_int32, [c_uint16, c_char_p, c_bool]),
    # HTTP interactions
    "pactffi_new_interaction": (c_uint32, [c_uint16, c_char_p]),
    "pactffi_upon_receiving": (c_bool, [c_uint32, c_char_p]),
    "pactffi_given": (c_bool, [c_uint32, c_char_p]),
    "pactffi_given_with_params": (c_int, [c_uint32, c_char_p, c_char_p]),
    "pactffi_with_request": (c_bool, [c_uint32, c_char_p, c_char_p]),
    "pactffi_with_query_parameter_v2": (c_bool, [c_uint32, c_char_p, c_size_t, c_char_p]),
    "pactffi_with_header_v2": (c_bool, [c_uint32, c_int, c_char_p, c_size_t, c_char_p]),
    "pactffi_set_header": (c_bool, [c_uint32, c_int, c_char_p, c_char_p]),
    "pactffi_response_status_v2": (c_bool, [c_uint32, c_char_p]),
    "pactffi_with_body": (c_bool, [c_uint32, c_int, c_char_p, c_char_p]),
    "pactffi_with_binary_body": (c_bool, [c_uint32, c_int, c_char_p, u8p, c_size_t]),
    "pactffi_with_multipart_file_v2": (StringResult, [c_uint32, c_int, c_char_p, c_char_p, c_char_p, c_char_p]),
    "pactffi_with_matching_rules": (c_bool, [c_uint32, c_int, c_char_p]),
    "pactffi_with_generators": (c_bool, [c_uint32, c_int, c_char_p]),
    "pactffi_add_text_comment": (c_bool, [c_uint32, c_char_p]),
    "pactffi_set_comment": (c_bool, [c_uint32, c_char_p, c_char_p]),
    "pactffi_set_key": (c_bool, [c_uint32, c_char_p]),
    "pactffi_set_pending": (c_bool, [c_uint32, c_bool]),
    "pactffi_interaction_test_name": (c_uint, [c_uint32, c_char_p]),
    # Mock server
    "pactffi_create_mock_server_for_transport": (c_int32, [c_uint16, c_char_p, c_uint16, c_char_p, c_char_p]),
    "pactffi_mock_server_matched": (c_bool, [c_int32]),
    "pactffi_mock_server_mismatches": (c_char_p, [c_int32]),
    "pactffi_mock_server_logs": (c_char_p, [c_int32]),
    "pactffi_cleanup_mock_server": (c_bool, [c_int32]),
    "pactffi_write_pact_file": (c_int32, [c_int32, c_char_p, c_bool]),
    "pactffi_get_tls_ca_certificate": (c_void_p, []),
    # Messages
    "pactffi_new_message_interaction": (c_uint32, [c_uint16, c_char_p]),
    "pactffi_new_sync_message_interaction": (c_uint32, [c_uint16, c_char_p]),
    "pactffi_with_metadata": (c_bool, [c_uint32, c_char_p, c_char_p, c_int]),
    "pactffi_message_reify": (c_void_p, [c_uint32]),
    # Matching utilities
    "pactffi_check_regex": (c_bool, [c_char_p, c_char_p]),
    "pactffi_generate_regex_value": (StringResult, [c_char_p]),
    "pactffi_generate_datetime_string": (StringResult, [c_char_p]),
    "pactffi_validate_datetime": (c_int, [c_char_p, c_char_p]),
    # Provider verifier
    "pactffi_verifier_new_for_application": (P, [c_char_p, c_char_p]),
    "pactffi_verifier_shutdown": (None, [P]),
    "pactffi_verifier_set_provider_info": (None, [P, c_char_p, c_char_p, c_char_p, c_ushort, c_char_p]),
    "pactffi_verifier_add_provider_transport": (None, [P, c_char_p, c_ushort, c_char_p, c_char_p]),
    "pactffi_verifier_set_filter_info": (None, [P, c_char_p, c_char_p, c_ubyte]),
    "pactffi_verifier_set_provider_state": (None, [P, c_char_p, c_ubyte, c_ubyte]),
    "pactffi_verifier_set_verification_options": (c_int, [P, c_ubyte, c_ulong]),
    "pactffi_verifier_set_coloured_output": (c_int, [P, c_ubyte]),
    "pactffi_verifier_set_no_pacts_is_error": (c_int, [P, c_ubyte]),
    "pactffi_verifier_set_publish_options": (c_int, [P, c_char_p, c_char_p, cstrs, c_ushort, c_char_p]),
    "pactffi_verifier_set_consumer_filters": (None, [P, cstrs, c_ushort]),
    "pactffi_verifier_add_custom_header": (None, [P, c_char_p, c_char_p]),
    "pactffi_verifier_set_follow_redirects": (None, [P, c_ubyte]),
    "pactffi_verifier_add_file_source": (None, [P, c_char_p]),
    "pactffi_verifier_add_directory_source": (None, [P, c_char_p]),
    "pactffi_verifier_url_source": (None, [P, c_char_p, c_char_p, c_char_p, c_char_p]),
    "pactffi_verifier_broker_source_with_selectors": (
        c_int, [P, c_char_p, c_char_p, c_char_p, c_char_p, c_ubyte, c_char_p, cstrs, c_ushort, c_char_p, cstrs,
                c_ushort, cstrs, c_ushort]),
    "pactffi_verifier_execute": (c_int, [P]),
    "pactffi_verifier_logs": (c_void_p, [P]),
    "pactffi_verifier_output": (c_void_p, [P, c_ubyte]),
    "pactffi_verifier_json": (c_void_p, [P]),
}

for _name, (_res, _args) in _DECLS.items():
    _fn = getattr(lib, _name)
    _fn.restype = _res
    _fn.argtypes = _args
    globals()[_name[len("pactffi_"):] if _name.startswith("pactffi_") else _name] = _fn
del _name, _res, _args, _fn


def enc(s: str | None) -> bytes | None:
    """Encodes an optional argument string as UTF-8 (None stays NULL)."""
    return None if s is None else s.encode("utf-8")


def str_array(items) -> tuple[ctypes.Array | None, int]:
    """A ``const char *const *`` and its length from a list of strings (None for an empty list)."""
    items = list(items or [])
    if not items:
        return None, 0
    arr = (c_char_p * len(items))(*[enc(s) for s in items])
    return arr, len(items)


def last_error() -> str:
    """The calling thread's last libpact error ("" when there is none)."""
    size = 4096
    while True:
        buf = ctypes.create_string_buffer(size)
        n = get_error_message(buf, size)  # noqa: F821 - declared above
        if n == -2 and size < (1 << 24):
            size *= 4
            continue
        if n <= 1:
            return ""
        return buf.value.decode("utf-8", "replace")


def check(ok, what: str, code: int | None = None):
    """Raises PactError with the library's message unless ok is truthy; returns ok."""
    if not ok:
        msg = last_error() or f"{what} failed"
        raise PactError(msg, code)
    return ok


def take_string(ptr: int | None) -> str | None:
    """Copies a caller-owned C string into a str and frees it with pactffi_string_delete (None for NULL)."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8", "replace")
    finally:
        string_delete(ptr)  # noqa: F821 - declared above


def take_result(res: StringResult, what: str) -> str | None:
    """Reads a StringResult: returns the ok string (freed) or raises PactError with the failed one (freed)."""
    if res.tag == 0:
        return take_string(res.ok)
    msg = take_string(res.failed)
    raise PactError(msg or f"{what} failed")
