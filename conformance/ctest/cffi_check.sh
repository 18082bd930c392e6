#!/bin/bash
# cffi_check.sh HEADER: the header, with its preprocessor lines dropped as pact-python's build does, parses as
# a cffi cdef (skipped when python3 has no cffi module).
set -euo pipefail
if ! python3 -c 'import cffi' 2>/dev/null; then echo "cffi: python3 cffi module not installed, skipped"; exit 0; fi
python3 - "$1" <<'PY'
import sys, warnings, cffi
warnings.simplefilter("ignore")
src = "\n".join(l for l in open(sys.argv[1]).read().splitlines() if not l.startswith("#"))
ffi = cffi.FFI()
ffi.cdef(src)
funcs = [k for k in ffi._parser._declarations if k.startswith("function ")]
if len(funcs) < 284:
    sys.exit("cffi: only %d functions parsed" % len(funcs))
print("cffi: pact.h parses as a cdef the way pact-python builds it (%d functions)" % len(funcs))
PY
