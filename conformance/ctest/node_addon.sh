#!/bin/bash
# node_addon.sh LIB ADDON: run node/flow.js through pact-js-core's prebuilt addon (the node.napi.node of
# @pact-foundation/pact-core-linux-x64-glibc) with LIB beside it as libpact_ffi.so. Not part of `make all`.
#   bash conformance/ctest/node_addon.sh $PWD/build/libpact.so .../prebuilds/linux-x64/node.napi.node
set -euo pipefail
lib=$(realpath "$1") addon=$(realpath "$2")
work=$(mktemp -d /tmp/libpact-node.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$addon" "$work/node.napi.node"
cp "$lib" "$work/libpact_ffi.so"
node "$(dirname "$0")/node/flow.js" "$work"
