#!/usr/bin/env bash
# make demo: build the demo consumer test against include/pact.h and build/libpact.so,
# run it, and show the pact file it wrote.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p build/pacts
rm -f build/pacts/web-users.json
cc -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Iinclude conformance/demo/consumer.c \
   -Lbuild -lpact -Wl,-rpath,"$PWD/build" -o build/demo-consumer
./build/demo-consumer build/pacts
echo "pact file: $PWD/build/pacts/web-users.json"
cat build/pacts/web-users.json
