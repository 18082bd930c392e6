#!/usr/bin/env bash
# make demo: the whole contract-testing loop through build/libpact.so, in C.
#   1. consumer.c describes what the "web" consumer needs from "users", runs
#      against libpact's mock server and writes the pact file;
#   2. verify.c replays that pact against the bundled provider (provider/) and
#      prints the verification report;
#   3. the same verification against a deliberately broken provider shows the
#      mismatch (that run is expected to fail).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p build/pacts
rm -f build/pacts/web-users.json
CFLAGS=(-std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude)
LDFLAGS=(-Lbuild -lpact -Wl,-rpath,"$PWD/build")
cc "${CFLAGS[@]}" conformance/demo/consumer.c "${LDFLAGS[@]}" -o build/demo-consumer
cc "${CFLAGS[@]}" conformance/demo/verify.c "${LDFLAGS[@]}" -o build/demo-verify
go build -o build/demo-provider ./conformance/demo/provider

echo "== 1. consumer test"
./build/demo-consumer build/pacts
pact=$PWD/build/pacts/web-users.json
echo "pact file: $pact"
cat "$pact"

provider_pid=
start_provider() {
  local out=build/demo-provider.out
  ./build/demo-provider "$@" > "$out" 2>&1 &
  provider_pid=$!
  for _ in $(seq 100); do
    if grep -q 'listening on' "$out"; then break; fi
    sleep 0.05
  done
  provider_port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$out")
  [ -n "$provider_port" ] || { cat "$out"; echo "provider did not start"; exit 1; }
}
stop_provider() { kill "$provider_pid" 2>/dev/null || true; wait "$provider_pid" 2>/dev/null || true; }
trap stop_provider EXIT

echo
echo "== 2. provider verification"
start_provider
./build/demo-verify "$pact" "$provider_port"
stop_provider

echo
echo "== 3. verification against a broken provider (expected to fail)"
start_provider -broken
if ./build/demo-verify "$pact" "$provider_port"; then
  echo "the broken provider was not caught"; exit 1
fi
stop_provider
echo
echo "demo finished: the pact at $pact verifies against the provider, and the broken provider is caught."
