#!/usr/bin/env bash
# Runs the Python binding's tests: creates build/py-venv (pytest and this package in editable mode, from PyPI),
# builds build/libpact.so if it is missing, and runs pytest. Exits with pytest's code; "no tests ran" (5) fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/build/py-venv"
if [ ! -f "$root/build/libpact.so" ]; then make -C "$root" lib; fi
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pytest>=7" -e "$here" >/dev/null
export LIBPACT_PATH="${LIBPACT_PATH:-$root/build/libpact.so}"
cd "$here"
set +e
"$venv/bin/python" -m pytest -p no:cacheprovider --pact-dir "$root/build/py-pacts" "$@" tests
rc=$?
set -e
if [ "$rc" -eq 5 ]; then echo "run-tests.sh: pytest collected no tests" >&2; exit 1; fi
exit "$rc"
