# h7.mk - the C tests of the message, model and matching-utility functions
# (ffi/message.go, ffi/model*.go, ffi/matching_utils.go).
#
# Include it from conformance/ctest/Makefile (`include h7.mk`, then make
# `test` depend on `test-h7`), or run it alone from the repository root:
#
#   make lib && make -f conformance/ctest/h7.mk LIB=$PWD/build/libpact.so
#
# LIB is the absolute path of the library under test; the tests link it by
# its directory and name, so LIB=/path/to/libpact_ffi.so tests the Rust
# pact_ffi the same way (for comparison; its misuse behaviour differs).
# PACT_CONFORMANCE_DIR is the shared conformance data (real-pacts/ is used).

H7_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
H7_ROOT := $(abspath $(H7_DIR)/../..)
LIB ?= $(H7_ROOT)/build/libpact.so
PACT_CONFORMANCE_DIR ?= $(abspath $(H7_ROOT)/../shared/conformance)
H7_OUT ?= $(H7_ROOT)/build/ctest-h7
H7_CC ?= cc
H7_LIBDIR := $(dir $(LIB))
H7_LIBNAME := $(patsubst lib%.so,%,$(notdir $(LIB)))
H7_CFLAGS := -std=c99 -Wall -Wextra -Werror -I$(H7_ROOT)/include -I$(H7_DIR)
H7_LDFLAGS := -pthread -L$(H7_LIBDIR) -l$(H7_LIBNAME) -Wl,-rpath,$(H7_LIBDIR)
H7_TESTS := test_message test_model test_matching test_realpacts test_chaos

.PHONY: test-h7 default-h7 compare-h7 test-h7-asan node-h7
default-h7: test-h7

$(H7_OUT)/%: $(H7_DIR)/%.c $(H7_DIR)/h7_check.h $(LIB)
	@mkdir -p $(H7_OUT)
	$(H7_CC) $(H7_CFLAGS) $< -o $@ $(H7_LDFLAGS)

test-h7: $(addprefix $(H7_OUT)/,$(H7_TESTS)) ## C tests of the message, model and matching-utility functions
	$(H7_OUT)/test_message
	$(H7_OUT)/test_model $(PACT_CONFORMANCE_DIR)/real-pacts
	$(H7_OUT)/test_matching
	$(H7_OUT)/test_realpacts $(PACT_CONFORMANCE_DIR)/real-pacts
	$(H7_OUT)/test_chaos 200000 7

# test-h7-asan runs the same tests built with AddressSanitizer and
# UndefinedBehaviorSanitizer, with leak detection on: every C allocation the
# library hands out (strings, pairs, tokens) must be freed by the matching
# delete function, and nothing may be read after it is freed.
$(H7_OUT)/asan-%: $(H7_DIR)/%.c $(H7_DIR)/h7_check.h $(LIB)
	@mkdir -p $(H7_OUT)
	$(H7_CC) $(H7_CFLAGS) -g -fsanitize=address,undefined $< -o $@ $(H7_LDFLAGS)

test-h7-asan: $(addprefix $(H7_OUT)/asan-,$(H7_TESTS))
	ASAN_OPTIONS=detect_leaks=1 $(H7_OUT)/asan-test_message
	ASAN_OPTIONS=detect_leaks=1 $(H7_OUT)/asan-test_model $(PACT_CONFORMANCE_DIR)/real-pacts
	ASAN_OPTIONS=detect_leaks=1 $(H7_OUT)/asan-test_matching
	ASAN_OPTIONS=detect_leaks=1 $(H7_OUT)/asan-test_realpacts $(PACT_CONFORMANCE_DIR)/real-pacts
	ASAN_OPTIONS=detect_leaks=0 $(H7_OUT)/asan-test_chaos 50000 7

# compare-h7 dumps every valid real pact through libpact and through the Rust
# pact_ffi (RUST_LIB) and counts the files whose dumps differ; the diffs are
# left in $(H7_OUT)/compare/ for reading. It is a report, not a test: some
# differences are deliberate (see ffi/model*.go).
compare-h7: $(H7_DIR)/h7_dump_model.c
	@test -n "$(RUST_LIB)" || { echo "set RUST_LIB=/path/to/libpact_ffi.so"; exit 2; }
	@mkdir -p $(H7_OUT)/compare
	$(H7_CC) $(H7_CFLAGS) $< -o $(H7_OUT)/dump_libpact $(H7_LDFLAGS)
	$(H7_CC) $(H7_CFLAGS) $< -o $(H7_OUT)/dump_rust -L$(dir $(RUST_LIB)) -lpact_ffi -Wl,-rpath,$(dir $(RUST_LIB))
	@same=0; diff=0; for f in $(PACT_CONFORMANCE_DIR)/real-pacts/*.json; do b=$$(basename "$$f"); \
	  case "$$b" in invalid-*) continue;; esac; \
	  $(H7_OUT)/dump_libpact "$$f" > "$(H7_OUT)/compare/$$b.libpact" 2>/dev/null; \
	  timeout 10 $(H7_OUT)/dump_rust "$$f" > "$(H7_OUT)/compare/$$b.rust" 2>/dev/null; \
	  if cmp -s "$(H7_OUT)/compare/$$b.libpact" "$(H7_OUT)/compare/$$b.rust"; then same=$$((same+1)); else diff=$$((diff+1)); fi; \
	done; echo "model dumps: $$same identical, $$diff different (see $(H7_OUT)/compare)"

# node-h7 runs node/h7_messages.js through pact-js-core's prebuilt addon
# (ADDON=.../prebuilds/linux-x64/node.napi.node) with LIB beside it as
# libpact_ffi.so: the message calls pact-js makes, end to end.
node-h7:
	@test -n "$(ADDON)" || { echo "set ADDON=/path/to/node.napi.node"; exit 2; }
	@rm -rf $(H7_OUT)/node && mkdir -p $(H7_OUT)/node
	cp $(ADDON) $(H7_OUT)/node/node.napi.node
	cp $(LIB) $(H7_OUT)/node/libpact_ffi.so
	node $(H7_DIR)/node/h7_messages.js $(H7_OUT)/node
