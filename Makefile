# libpact — a Pact contract-testing core in Go with the pact_ffi C ABI.
# `make help` lists the targets.

SHELL := /bin/bash
GO ?= go
BUILD := build
LIB := $(BUILD)/libpact.so
PACT_CONFORMANCE_DIR ?= $(abspath ../shared/conformance)
export PACT_CONFORMANCE_DIR
FUZZTIME ?= 60s
GOFLAGS_LIB := -trimpath -ldflags="-s -w -extldflags=-Wl,--strip-all,--build-id=sha1"
# The library is linked by zig cc against glibc GLIBC_FLOOR's symbol versions, so it loads on old distros
# (see README "Platforms"). zig comes from PyPI (pinned, hash-checked) into build/tools; LIB_CC=gcc links
# against this machine's glibc instead.
GLIBC_FLOOR := 2.17
ZIG_VERSION := 0.15.1
ZIG_HOME := $(abspath $(BUILD)/tools/ziglang-$(ZIG_VERSION))
ZIG := $(ZIG_HOME)/ziglang/zig
ZIG_TARGET := $(shell uname -m)-linux-gnu.$(GLIBC_FLOOR)
LIB_CC ?= $(ZIG) cc -target $(ZIG_TARGET)
export ZIG_GLOBAL_CACHE_DIR := $(abspath $(BUILD)/tools/zig-cache)
export ZIG_LOCAL_CACHE_DIR := $(ZIG_GLOBAL_CACHE_DIR)

.PHONY: help lib test test-go test-c test-glibc test-bindings test-reliability reliability conformance conformance-spec conformance-compat bench bench-core fuzz demo clients clients-js clients-python clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-20s %s\n", $$1, $$2}'

lib: $(if $(findstring $(ZIG),$(LIB_CC)),$(ZIG)) ## Build build/libpact.so (and build/libpact_ffi.so) from ffi/
	@mkdir -p $(BUILD)
	CGO_ENABLED=1 CC="$(LIB_CC)" $(GO) build -buildmode=c-shared $(GOFLAGS_LIB) -o $(LIB) ./ffi
	@cp $(LIB) $(BUILD)/libpact_ffi.so
	@rm -f $(BUILD)/libpact.h

test: ## Run every test: Go (with -race), C tests of the ABI, conformance suites
	$(MAKE) test-go
	$(MAKE) test-c
	$(MAKE) test-glibc
	$(MAKE) test-bindings
	$(MAKE) test-reliability
	$(MAKE) conformance
	$(MAKE) clients-js

test-go: ## Go unit tests with the race detector
	$(GO) vet ./core/...
	$(GO) test -race -count=1 ./...

$(ZIG): # zig (the C linker of make lib) from PyPI, pinned by version and hash
	@mkdir -p $(dir $(ZIG_HOME)) && rm -rf $(ZIG_HOME).tmp
	python3 -m pip install --quiet --disable-pip-version-check --no-deps --only-binary=:all: --require-hashes \
	  --target $(ZIG_HOME).tmp -r <(echo "ziglang==$(ZIG_VERSION) \
	  --hash=sha256:4e45994a0e608d9b16ecad255698f5557a2e24de0bd7ba9efb156ab3f3683d9a \
	  --hash=sha256:6c32697f9e165b7b6c5950ab0a1cd2e2bc3e72f4ff2d59bc5121b2b71955a77a") \
	  || { echo "make lib: cannot install zig $(ZIG_VERSION) from PyPI (python3 -m pip); it links libpact for glibc $(GLIBC_FLOOR). Use make lib LIB_CC=gcc to link against this machine's glibc instead." >&2; exit 1; }
	rm -rf $(ZIG_HOME) && mv $(ZIG_HOME).tmp $(ZIG_HOME)
	$(ZIG) version

test-glibc: lib ## build/libpact.so needs no glibc above GLIBC_FLOOR and works under Debian 11's glibc 2.31
	$(MAKE) -C conformance/glibc LIB=$(abspath $(LIB)) ZIG="$(ZIG)" ZIG_TARGET=$(ZIG_TARGET) GLIBC_FLOOR=$(GLIBC_FLOOR)

test-c: lib ## C tests against include/pact.h and build/libpact.so
	@if [ -f conformance/ctest/Makefile ]; then $(MAKE) -C conformance/ctest LIB=$(abspath $(LIB)); else echo "no C tests yet"; fi

test-bindings: lib ## Python (pytest) and Node (node --test) binding tests
	bash bindings/python/run-tests.sh
	bash bindings/node/run-tests.sh

test-reliability: lib ## The fast reliability checks (misuse sweep, hooks, hostile input; see conformance/RELIABILITY.md)
	$(MAKE) -C conformance/reliability quick LIB=$(abspath $(LIB))

reliability: lib ## The long reliability runs (100k lifecycles, 20 merge runs, fuzzing; about an hour)
	$(MAKE) -C conformance/reliability reliability LIB=$(abspath $(LIB))

conformance: conformance-spec conformance-compat ## Run the Pact specification testcases and the compatibility suite

conformance-spec: ## The 803 pact-specification matching testcases
	$(GO) run ./conformance/spec

conformance-compat: lib ## The compatibility-suite scenarios, through build/libpact.so
	@if [ -f conformance/compat/run.sh ]; then bash conformance/compat/run.sh; else echo "compatibility-suite: runner not built yet"; fi

bench-core: ## Go benchmarks of core/ (matching, pact files)
	$(GO) test -run '^$$' -bench . -benchmem ./core/...

bench: lib ## Side-by-side C benchmark against the Rust libpact_ffi.so
	@if [ -f conformance/bench/run.sh ]; then bash conformance/bench/run.sh; else echo "bench not built yet"; fi

fuzz: ## Run every fuzz target for FUZZTIME each (default 60s)
	@for pkg in $$($(GO) list ./core/...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

demo: lib ## Build the library and run the demo consumer test (and verification)
	@if [ -f conformance/demo/run.sh ]; then bash conformance/demo/run.sh; else echo "demo not built yet"; fi

clients: clients-js clients-python ## Real Pact clients (pact-js, pact-python) side by side on the Rust pact_ffi and libpact

clients-js: lib ## pact-js side by side on the Rust pact_ffi and libpact (conformance/clients/pactjs, a few seconds)
	bash conformance/clients/pactjs/run.sh

clients-python: lib ## pact-python side by side on the Rust pact_ffi and libpact (conformance/clients/pactpython)
	bash conformance/clients/pactpython/run.sh

clean: ## Remove build outputs
	rm -rf $(BUILD)
