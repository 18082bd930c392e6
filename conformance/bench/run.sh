#!/usr/bin/env bash
# run.sh - side-by-side benchmark of build/libpact.so and the Rust libpact_ffi.so (see README.md).
#
#   make bench                       # builds build/libpact.so, then runs this
#   BENCH_RUNS=5 BENCH_SCENARIOS=abcdefg bash conformance/bench/run.sh
#   LIBPACT=/path/to/libpact.so bash conformance/bench/run.sh   # measure another build of libpact
#
# Fetches the Rust library once into build/rust/ (never committed), installs wrk if absent, compiles
# conformance/bench/bench.c against include/pact.h (one binary; the library is chosen at run time with dlopen),
# then conformance/bench/run.py alternates the two libraries, prints the table and writes build/bench.json.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
build=$root/build
rustdir=$build/rust
rustpkg=@pact-foundation/pact-core-linux-x64-glibc@20.2.0
libpact=${LIBPACT:-$build/libpact.so}

if [ ! -f "$libpact" ]; then
  echo "run.sh: $libpact is missing; run make bench (or make lib) first" >&2
  exit 1
fi

if [ ! -f "$rustdir/libpact_ffi.so" ]; then
  mkdir -p "$rustdir"
  echo "run.sh: fetching $rustpkg into $rustdir"
  (cd "$rustdir" && npm pack --silent "$rustpkg" >/dev/null)
  tarball=$(ls "$rustdir"/pact-foundation-pact-core-linux-x64-glibc-20.2.0.tgz)
  so=$(tar -tzf "$tarball" | grep '/libpact_ffi\.so$' | head -1)
  if [ -z "$so" ]; then
    echo "run.sh: no libpact_ffi.so in $tarball" >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$rustdir" "$so"
  mv "$rustdir/$so" "$rustdir/libpact_ffi.so"
  rm -rf "$rustdir/package"
fi

if ! command -v wrk >/dev/null; then
  echo "run.sh: installing wrk"
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq wrk >/dev/null
fi

mkdir -p "$build/bench"
${CC:-cc} -O2 -Wall -Wextra -Werror -I"$root/include" -o "$build/bench/bench" "$root/conformance/bench/bench.c" \
  -ldl -lpthread

exec python3 "$root/conformance/bench/run.py" \
  --bench "$build/bench/bench" \
  --rust "$rustdir/libpact_ffi.so" \
  --libpact "$libpact" \
  --work "$build/bench" \
  --json "$build/bench.json" \
  --runs "${BENCH_RUNS:-5}" \
  --scenarios "${BENCH_SCENARIOS:-abcdefg}"
