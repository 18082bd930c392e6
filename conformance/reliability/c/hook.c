/* hook.c - an internal error inside libpact (libpact_test_panic, the documented test-only hook) reaches a C
 * caller as the failure value -1 and a last-error message, and the process goes on using the library. */
#include <stdio.h>
#include <string.h>

#include "pact.h"

/* The test hooks of ffi/testhook.go (documented in the "Test hooks" section of pact.h; declared here too so
 * that this file does not depend on that section being present). */
int libpact_test_panic(int mode);
int libpact_test_live_handles(void);

static int failures = 0;
#define CHECK(cond, ...)                                              \
  do {                                                                \
    if (!(cond)) {                                                    \
      failures++;                                                     \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                   \
      fprintf(stderr, "\n");                                          \
    }                                                                 \
  } while (0)

int main(void) {
  char msg[1024];
  int mode, round;
  for (round = 0; round < 100; round++) {
    for (mode = 1; mode <= 4; mode++) {
      int r = libpact_test_panic(mode);
      int n = pactffi_get_error_message(msg, sizeof msg);
      CHECK(r == -1, "mode %d returned %d", mode, r);
      CHECK(n > 0 && strstr(msg, "libpact_test_panic: internal error") != NULL, "mode %d message '%s'", mode,
            n > 0 ? msg : "");
    }
  }
  CHECK(libpact_test_panic(0) == 0, "mode 0");
  CHECK(pactffi_get_error_message(msg, sizeof msg) == 1, "mode 0 leaves no error: '%s'", msg);
  CHECK(libpact_test_panic(99) == -2, "mode 99");
  /* The library still works after 400 internal errors: a pact, an interaction, a mock server. */
  {
    PactHandle p = pactffi_new_pact("hook-consumer", "hook-provider");
    InteractionHandle i = pactffi_new_interaction(p, "after the panics");
    int port;
    CHECK(p != 0 && i != 0, "pact %u interaction %u", p, i);
    CHECK(pactffi_with_request(i, "GET", "/"), "with_request");
    port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
    CHECK(port > 0, "mock server port %d", port);
    CHECK(pactffi_cleanup_mock_server(port), "cleanup");
    CHECK(pactffi_free_pact_handle(p) == 0, "free");
    CHECK(libpact_test_live_handles() == 0, "live handles after the frees");
  }
  printf("hook (C): 400 internal errors caught, library usable afterwards: %s\n", failures ? "FAIL" : "ok");
  return failures ? 1 : 0;
}
