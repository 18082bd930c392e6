#!/bin/bash
# parity.sh LIB REFERENCE_LIB: build pacts with every consumer builder function (parity.c) through LIB and
# through a reference pact_ffi (e.g. the Rust libpact_ffi.so 0.5.8), and show the differences between the
# pact files, interactions sorted by description. Not part of `make all` (the reference is not in the repo).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/libpact-parity.XXXXXX)
trap 'rm -rf "$work"' EXIT
for side in ours:$1 reference:$2; do
  name=${side%%:*} lib=$(realpath "${side#*:}")
  mkdir -p "$work/$name"
  cc -std=c11 -Wall -Wextra -I"$here/../../include" "$here/parity.c" -o "$work/$name.bin" "$lib" -Wl,-rpath,"$(dirname "$lib")"
  "$work/$name.bin" "$work/$name"
done
status=0
for f in "$work"/reference/*.json; do
  b=$(basename "$f")
  norm() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["interactions"].sort(key=lambda i: i["description"]); print(json.dumps(d, indent=1, sort_keys=True))' "$1"; }
  if ! diff <(norm "$f") <(norm "$work/ours/$b") > "$work/diff"; then
    echo "== $b (< reference, > ours)"; cat "$work/diff"; status=1
  else
    echo "== $b: identical"
  fi
done
exit $status
