#!/usr/bin/env bash
# Runs the Node binding's tests: installs koffi from npm (npm ci with package-lock.json), builds build/libpact.so
# if it is missing, and runs `node --test`. Exits with node's code.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ ! -f "$root/build/libpact.so" ]; then make -C "$root" lib; fi
cd "$here"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi
export LIBPACT_PATH="${LIBPACT_PATH:-$root/build/libpact.so}"
node --test test/
