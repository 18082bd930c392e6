#!/usr/bin/env bash
# run.sh: pact-python (its FFI-based API) run side by side against the Rust
# pact_ffi it ships and against build/libpact.so, then compared (compare.py).
#
# The venv lives in build/clients/pactpython/venv. pact-python loads pact_ffi
# through the pact_ffi package of pact-python-ffi, a cffi module linked (by
# RPATH) to the libpact_ffi-<hash>.so in pact_python_ffi.libs/ beside it; it
# has no setting to load another library. So the libpact run uses a copy of
# those two directories with build/libpact.so in place of the Rust library,
# put first on PYTHONPATH. Nothing in pact-python is patched.
#
# PACT_PYTHON=3 runs the same tests on pact-python 3.4.1
# (requirements-3.txt) in a venv and output directories of its own.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
lib="$root/build/libpact.so"
reqs="$here/requirements.txt"
work="$root/build/clients/pactpython"
if [ "${PACT_PYTHON:-4}" = 3 ]; then
  reqs="$here/requirements-3.txt"
  work="$root/build/clients/pactpython3"
fi
venv="$work/venv"
[ -f "$lib" ] || { echo "run.sh: $lib is missing: run 'make lib' first" >&2; exit 2; }

mkdir -p "$work"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$reqs" "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps -r "$reqs"
  cp "$reqs" "$venv/requirements.txt"
fi
site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
rustlib="$(ls "$site"/pact_python_ffi.libs/libpact_ffi-*.so)"

# The libpact copy of the FFI package.
alt="$work/libpact-site"
rm -rf "$alt"
mkdir -p "$alt"
cp -r "$site/pact_ffi" "$site/pact_python_ffi.libs" "$alt/"
cp "$lib" "$alt/pact_python_ffi.libs/$(basename "$rustlib")"

cd "$here"
export PYTHONDONTWRITEBYTECODE=1
echo "== pact-python against the Rust pact_ffi ($(basename "$rustlib"))"
"$venv/bin/python" run_tests.py "$work/out-rust" "$@"
echo "== pact-python against libpact ($lib)"
PYTHONPATH="$alt" "$venv/bin/python" run_tests.py "$work/out-libpact" "$@"
echo "== compare"
"$venv/bin/python" compare.py "$work/out-rust" "$work/out-libpact"
