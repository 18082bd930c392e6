"""hook.py - a plain Python ctypes script: an internal error inside libpact (libpact_test_panic, the documented
test-only hook) comes back as the failure value -1 and a last-error message, and the process goes on.

    python3 hook.py /path/to/libpact_ffi.so
"""
import ctypes
import os
import sys

lib = ctypes.CDLL(sys.argv[1] if len(sys.argv) > 1 else os.environ["LIBPACT"], mode=os.RTLD_NOW)
lib.libpact_test_panic.argtypes = [ctypes.c_int]
lib.libpact_test_panic.restype = ctypes.c_int
lib.libpact_test_live_handles.restype = ctypes.c_int
lib.pactffi_get_error_message.argtypes = [ctypes.c_char_p, ctypes.c_int]
lib.pactffi_get_error_message.restype = ctypes.c_int
lib.pactffi_new_pact.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
lib.pactffi_new_pact.restype = ctypes.c_uint16
lib.pactffi_free_pact_handle.argtypes = [ctypes.c_uint16]
lib.pactffi_free_pact_handle.restype = ctypes.c_uint


def last_error():
    buf = ctypes.create_string_buffer(1024)
    n = lib.pactffi_get_error_message(buf, len(buf))
    return buf.value.decode() if n > 0 else "<get_error_message returned %d>" % n


failures = []
for _ in range(100):
    for mode in (1, 2, 3, 4):
        r = lib.libpact_test_panic(mode)
        msg = last_error()
        if r != -1 or "libpact_test_panic: internal error" not in msg:
            failures.append("mode %d: returned %d, message %r" % (mode, r, msg))
h = lib.pactffi_new_pact(b"py-consumer", b"py-provider")
if h == 0 or lib.pactffi_free_pact_handle(h) != 0:
    failures.append("the library does not work after the internal errors: " + last_error())
if lib.libpact_test_live_handles() != 0:
    failures.append("live handles left: " + last_error())
for f in failures:
    print("FAIL", f)
print("hook (Python ctypes): 400 internal errors caught, process still running: %s" % ("FAIL" if failures else "ok"))
sys.exit(1 if failures else 0)
