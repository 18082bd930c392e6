/* limits.c - running out of resources gives a clear failure, not a crash: mock servers until the process runs
 * out of file descriptors (run it under `ulimit -n 256`), and pact handles until the 16-bit handle table is
 * full. Everything is freed afterwards (0 live handles) and the library works again. */
#include "../../ctest/common.h"

int libpact_test_live_handles(void);

#define MAX_SERVERS 5000
static int ports[MAX_SERVERS];
static PactHandle servers[MAX_SERVERS];
static PactHandle pacts[70000];

int main(void) {
  char err[1024];
  int n, k, port;
  PactHandle p;
  InteractionHandle i;

  for (n = 0; n < MAX_SERVERS; n++) {
    servers[n] = pactffi_new_pact("limits", "limits-provider");
    i = pactffi_new_interaction(servers[n], "a request");
    pactffi_with_request(i, "GET", "/");
    ports[n] = pactffi_create_mock_server_for_transport(servers[n], "127.0.0.1", 0, "http", NULL);
    if (ports[n] <= 0) break;
  }
  CHECK(n < MAX_SERVERS, "%d mock servers started: run under ulimit -n 256", n);
  if (n < MAX_SERVERS) {
    last_error(err, sizeof err);
    CHECK(ports[n] == -3 && strstr(err, "too many open files"), "server %d: %d '%s'", n, ports[n], err);
    printf("limits: mock server %d of a process limited to 256 descriptors: %d, \"%s\"\n", n + 1, ports[n], err);
    pactffi_free_pact_handle(servers[n]);
  }
  for (k = 0; k < n; k++) {
    CHECK(pactffi_cleanup_mock_server(ports[k]), "cleanup %d", ports[k]);
    pactffi_free_pact_handle(servers[k]);
  }

  for (n = 0; n < 70000; n++) {
    pacts[n] = pactffi_new_pact("limits", "limits-provider");
    if (pacts[n] == 0) break;
  }
  last_error(err, sizeof err);
  CHECK(n == 65535 && strstr(err, "too many live pact handles"), "pact %d: '%s'", n + 1, err);
  printf("limits: pact handle %d: 0, \"%s\"\n", n + 1, err);
  for (k = 0; k < n; k++) pactffi_free_pact_handle(pacts[k]);

  /* The Makefile runs this with LIBPACT_MOCK_SERVER_BODY_LIMIT=1024: a 1,025-byte body gets 413. */
  if (getenv("LIBPACT_MOCK_SERVER_BODY_LIMIT")) {
    static char body[1026];
    int st1, st2;
    memset(body, 'x', 1024);
    p = pactffi_new_pact("limits", "limits-provider");
    i = pactffi_new_interaction(p, "a post");
    pactffi_with_request(i, "POST", "/up");
    port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
    st1 = http_request(port, "POST", "/up", "Content-Type: text/plain\r\n", body, err, sizeof err);
    body[1024] = 'x';
    st2 = http_request(port, "POST", "/up", "Content-Type: text/plain\r\n", body, err, sizeof err);
    CHECK(st1 == 200 && st2 == 413, "body limit 1024: 1,024 bytes got %d, 1,025 bytes got %d (%s)", st1, st2, err);
    printf("limits: LIBPACT_MOCK_SERVER_BODY_LIMIT=%s: 1,024 bytes -> %d, 1,025 bytes -> %d\n",
           getenv("LIBPACT_MOCK_SERVER_BODY_LIMIT"), st1, st2);
    pactffi_cleanup_mock_server(port);
    pactffi_free_pact_handle(p);
  }

  CHECK(libpact_test_live_handles() == 0, "live handles: %s", last_error(err, sizeof err));
  p = pactffi_new_pact("after", "limits-provider");
  i = pactffi_new_interaction(p, "a request");
  pactffi_with_request(i, "GET", "/");
  port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
  CHECK(port > 0 && http_request(port, "GET", "/", "", NULL, err, sizeof err) == 200, "the library after the limits");
  pactffi_cleanup_mock_server(port);
  pactffi_free_pact_handle(p);
  printf("limits: everything freed, 0 live handles, a new mock server answers: %s\n", ctest_failures ? "FAIL" : "ok");
  return ctest_failures ? 1 : 0;
}
