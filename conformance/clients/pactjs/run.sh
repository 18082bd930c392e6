#!/usr/bin/env bash
# run.sh: pact-js 17 (the version package.json pins) run side by side with the
# Rust pact_ffi it ships and with libpact (build/libpact.so), comparing the pact
# files, the mock-server mismatch texts and the verifier results. Installs into
# build/clients/pactjs; nothing is written to this directory. See ../README.md.
# Exit status: 0 when every difference is a documented one.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
lib="${LIBPACT:-$root/build/libpact.so}"
work="$root/build/clients/pactjs"
export SCARF_ANALYTICS=false NO_UPDATE_NOTIFIER=1 DO_NOT_TRACK=1

[ -f "$lib" ] || { echo "no $lib: run make lib first" >&2; exit 2; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 2; }
mkdir -p "$work"

# 1. install pact-js (only when package.json or the lock changed)
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" 2>/dev/null || [ ! -d "$work/node_modules/@pact-foundation/pact" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
platform="$work/node_modules/@pact-foundation/pact-core-linux-x64-glibc"
[ -f "$platform/prebuilds/linux-x64/libpact_ffi.so" ] || { echo "no Rust libpact_ffi.so in $platform" >&2; exit 2; }

# 2. a second copy of the platform package with libpact in place of libpact_ffi.so
alt="$work/libpact-prebuild"
rm -rf "$alt"
mkdir -p "$alt/prebuilds/linux-x64"
cp "$platform/package.json" "$alt/"
cp "$platform/prebuilds/linux-x64/node.napi.node" "$alt/prebuilds/linux-x64/"
cp "$lib" "$alt/prebuilds/linux-x64/libpact_ffi.so"

# 3. the tests, run from a copy so the source directory stays clean
rm -rf "$work/tests" "$work/fixtures"
cp -r "$here/tests" "$here/fixtures" "$work/"
cp "$here/harness.js" "$here/providers.js" "$here/run-tests.js" "$here/compare.js" "$work/"

start=$(date +%s)
status=0
for which in rust libpact; do
  if [ "$which" = rust ]; then prebuild="$platform"; else prebuild="$alt"; fi
  # PACT_PREBUILD_LOCATION makes pact-core load the native module (and, by its
  # $ORIGIN runpath, the libpact_ffi.so beside it) from that directory
  (cd "$work" && PACT_PREBUILD_LOCATION="$prebuild" node run-tests.js "out-$which" "$@" >"$work/$which.log" 2>&1) || {
    echo "the $which run failed; see $work/$which.log" >&2; status=2; }
  grep -E '^(ran|ERROR in) ' "$work/$which.log" | sed "s/^/[$which] /"
done
[ $status -eq 0 ] || exit $status

# 4. the Rust verifier on the pacts libpact wrote (verifier-own-pacts)
cross=0
if [ $# -eq 0 ] || [[ " $* " == *" verifier-own-pacts "* ]]; then
  cross=1
  (cd "$work" && PACT_PREBUILD_LOCATION="$platform" PACTS_FROM="$work/out-libpact/pacts" \
    node run-tests.js out-cross verifier-own-pacts >"$work/cross.log" 2>&1) || {
    echo "the cross run failed; see $work/cross.log" >&2; exit 2; }
  grep -E '^(ran|ERROR in) ' "$work/cross.log" | sed "s/^/[rust on libpact's pacts] /"
fi

# 5. compare
(cd "$work" && node compare.js out-rust out-libpact) || status=$?
if [ $cross -eq 1 ]; then
  echo "-- the Rust verifier on libpact's pacts against the Rust verifier on its own:"
  (cd "$work" && node compare.js out-rust out-cross --only verifier-own-pacts) || status=$?
fi
echo "pact-js side by side: $(( $(date +%s) - start )) s"
exit $status
