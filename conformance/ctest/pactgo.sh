#!/bin/bash
# pactgo.sh LIB [VERSION]: run pact-go's own FFI and consumer tests against LIB (not part of `make all`: it
# needs the Go module proxy). pact-go links -lpact_ffi, so LIB is copied as libpact_ffi.so into a private
# directory that CGO_LDFLAGS and the rpath point at. Plugin tests are skipped (libpact has no plugins); the
# provider examples verify the pacts the consumer examples wrote, without a broker.
#   bash conformance/ctest/pactgo.sh $PWD/build/libpact.so v2.4.2
set -euo pipefail
lib=$(realpath "$1") version=${2:-v2.4.2}
work=$(mktemp -d /tmp/libpact-pactgo.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib"
cp "$lib" "$work/lib/libpact_ffi.so"
src=$(cd "$work" && go mod download -json "github.com/pact-foundation/pact-go/v2@$version" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
cp -r "$src" "$work/pact-go" && chmod -R u+w "$work/pact-go"
cd "$work/pact-go"
export CGO_LDFLAGS="-L$work/lib -Wl,-rpath,$work/lib"
echo "pact-go $version: internal/native (FFI) tests, plugins skipped"
go test -count=1 -v ./internal/native/ -skip 'Plugin' 2>&1 | grep -E '^(--- |ok|FAIL|panic)'
echo "pact-go $version: consumer and message examples"
go test -count=1 -v -tags consumer ./examples/ 2>&1 | grep -E '^(--- |ok|FAIL|panic)'
echo "pact-go $version: provider examples (verifying the pacts the consumer examples wrote; no broker)"
SKIP_PUBLISH=true go test -count=1 -v -tags provider ./examples/ 2>&1 | grep -E '^(--- |ok|FAIL|panic)'
