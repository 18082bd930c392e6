#!/bin/bash
# cffi_check.sh HEADER [LIB]: the header, with its preprocessor lines dropped as pact-python's build does,
# parses as a cffi cdef; with LIB, an API-mode extension is also compiled from it (as pact-python does), loaded
# (which binds every declared function) and called. Skipped when python3 has no cffi module.
set -euo pipefail
if ! python3 -c 'import cffi' 2>/dev/null; then echo "cffi: python3 cffi module not installed, skipped"; exit 0; fi
header=$(realpath "$1") lib=${2:+$(realpath "$2")}
work=$(mktemp -d /tmp/libpact-cffi.XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 - "$header" "$lib" <<'PY'
import os, sys, warnings, cffi
warnings.simplefilter("ignore")
header, lib = sys.argv[1], sys.argv[2]
src = "\n".join(l for l in open(header).read().splitlines() if not l.startswith("#"))
ffi = cffi.FFI()
ffi.cdef(src)
funcs = [k for k in ffi._parser._declarations if k.startswith("function ")]
if len(funcs) < 284:
    sys.exit("cffi: only %d functions parsed" % len(funcs))
print("cffi: pact.h parses as a cdef the way pact-python builds it (%d functions)" % len(funcs))
if not lib:
    sys.exit(0)
os.symlink(lib, "libpact_ffi.so")
ffi.set_source("pactcffi", '#include "pact.h"', include_dirs=[os.path.dirname(header)], libraries=["pact_ffi"],
               library_dirs=[os.getcwd()], extra_link_args=["-Wl,-rpath," + os.getcwd()])
try:
    ffi.compile(verbose=False)
except Exception as e:  # no compiler or no Python.h
    print("cffi: API-mode build skipped (%s)" % str(e).splitlines()[0])
    sys.exit(0)
sys.path.insert(0, os.getcwd())
from pactcffi import ffi as f, lib as L
p = L.pactffi_new_pact(b"cffi-consumer", b"cffi-provider")
i = L.pactffi_new_interaction(p, b"a request")
assert L.pactffi_with_request(i, b"GET", b"/") and L.pactffi_free_pact_handle(p) == 0
assert f.string(L.pactffi_version()) == b"0.5.8" and L.PactSpecification_V4 == 5
print("cffi: API-mode extension built, loaded with every symbol bound, and called")
PY
