#!/usr/bin/env bash
# Runs the pact-compatibility-suite consumer and matching scenarios against
# build/libpact.so (or $LIBPACT_PATH) through Python ctypes and behave.
# The venv lives in build/compat-venv and is created from requirements.txt.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
VENV="$REPO/build/compat-venv"
PY="${PYTHON:-python3}"

FEATURES="${PACT_CONFORMANCE_DIR:-$REPO/../shared/conformance}/compatibility-suite/features"
if [ ! -d "$FEATURES" ]; then
  echo "compatibility-suite: feature files not found at $FEATURES (set PACT_CONFORMANCE_DIR)" >&2
  exit 2
fi

stamp="$VENV/.requirements"
if [ ! -x "$VENV/bin/python" ] || ! cmp -s "$HERE/requirements.txt" "$stamp"; then
  "$PY" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
  cp "$HERE/requirements.txt" "$stamp"
fi

exec "$VENV/bin/python" "$HERE/run.py" "$@"
