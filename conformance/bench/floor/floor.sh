#!/usr/bin/env bash
# floor.sh - the size and idle memory of a Go c-shared library before any Pact code (see ../SIZE.md, "The floor").
#
#   bash conformance/bench/floor/floor.sh        # after make bench (needs build/libpact.so and build/rust/)
#
# Builds goempty (the Go runtime alone) and gostd (the runtime with net/http, crypto/tls, time/tzdata, regexp and
# encoding/json) with make lib's Go flags, then prints, for those two, build/libpact.so and the Rust
# libpact_ffi.so: the file size and the peak RSS of a process that loads the library and calls pactffi_version.
# Then cycle.c: scenario a's mock-server lifecycle in plain C with no library at all (a listener, one request
# answered by a server thread in epoll, close): the floor of that scenario on this machine.
# Every library is copied into one temporary directory the same way first: how a file's pages entered the page
# cache changes how many of them a mapping counts (SIZE.md).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
here=conformance/bench/floor
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for lib in build/libpact.so build/rust/libpact_ffi.so; do
  [ -f "$lib" ] || { echo "floor.sh: $lib is missing; run make bench first" >&2; exit 1; }
done
${CC:-cc} -O2 -Wall -Wextra -Werror -o "$out/load" "$here/load.c" -ldl
${CC:-cc} -O2 -Wall -Wextra -Werror -o "$out/cycle" "$here/cycle.c" -lpthread
for pkg in goempty gostd; do
  CGO_ENABLED=1 go build -buildmode=c-shared -trimpath -ldflags="-s -w" -o "$out/$pkg.so" "./$here/$pkg"
done
cp build/libpact.so "$out/libpact.so"
cp build/rust/libpact_ffi.so "$out/libpact_ffi.so"

rust_size=$(stat -c %s "$out/libpact_ffi.so")
printf '%-54s %10s %7s %12s\n' library bytes "/ Rust" "idle RSS kB"
for so in goempty gostd libpact libpact_ffi; do
  size=$(stat -c %s "$out/$so.so")
  rss=$(for _ in 1 2 3; do "$out/load" "$out/$so.so"; done | sort -n | sed -n 2p)
  case $so in
    goempty) what="Go runtime only" ;;
    gostd) what="Go runtime + net/http + TLS + tzdata + regexp + json" ;;
    libpact) what="libpact (build/libpact.so)" ;;
    libpact_ffi) what="Rust libpact_ffi.so 0.5.8" ;;
  esac
  printf '%-54s %10s %7s %12s\n' "$what" "$size" "$(awk -v a="$size" -v b="$rust_size" 'BEGIN{printf "%.2f", a/b}')" "$rss"
done

read -r wall cpu < <("$out/cycle")
echo
echo "scenario a's cycle in plain C, no library (cycle.c, median of 5 x 2 s): $wall us wall, $cpu us CPU per cycle"
