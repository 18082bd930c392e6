/* leak.c - N mock-server lifecycles in one process (new pact, interaction, start a server, one request, check,
 * write the pact, clean up, free): resident memory must grow by less than LEAK_MAX_KB (default 10 MB) from cycle
 * N/10 to cycle N, and every handle table must be empty afterwards (libpact_test_live_handles() == 0).
 *   leak [cycles]    (default 100000; LEAK_MAX_KB, CTEST_TMP from the environment) */
#include "../../ctest/common.h"

int libpact_test_panic(int mode);
int libpact_test_live_handles(void);

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = -1;
  if (!f) return -1;
  while (fgets(line, sizeof line, f))
    if (sscanf(line, "VmRSS: %ld kB", &kb) == 1) break;
  fclose(f);
  return kb;
}

static int cycle(const char *dir, int n) {
  char body[256], name[64];
  PactHandle p;
  InteractionHandle i;
  int port, status, ok = 1;
  snprintf(name, sizeof name, "leak-consumer-%d", n % 4);
  p = pactffi_new_pact(name, "leak-provider");
  i = pactffi_new_interaction(p, "a request for a thing");
  ok &= pactffi_upon_receiving(i, "a request for a thing");
  ok &= pactffi_given(i, "a thing exists");
  ok &= pactffi_with_request(i, "GET", "/things/1");
  ok &= pactffi_with_header_v2(i, InteractionPart_Request, "Accept", 0, "application/json");
  ok &= pactffi_response_status(i, 200);
  ok &= pactffi_with_body(i, InteractionPart_Response, "application/json",
                          "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 1}, \"name\": \"thing\"}");
  port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
  if (!ok || port <= 0) return 0;
  status = http_request(port, "GET", "/things/1", "Accept: application/json\r\n", NULL, body, sizeof body);
  ok = status == 200 && pactffi_mock_server_matched(port);
  if (n % 10 == 0) ok &= pactffi_write_pact_file(port, dir, false) == 0;
  ok &= pactffi_cleanup_mock_server(port);
  ok &= pactffi_free_pact_handle(p) == 0;
  return ok;
}

int main(int argc, char **argv) {
  long cycles = argc > 1 ? atol(argv[1]) : 100000;
  long max_kb = getenv("LEAK_MAX_KB") ? atol(getenv("LEAK_MAX_KB")) : 10240;
  const char *tmp = getenv("CTEST_TMP") ? getenv("CTEST_TMP") : "/tmp";
  char dir[512], err[1024];
  long n, base = 0, bad = 0;
  snprintf(dir, sizeof dir, "%s/leak-pacts", tmp);
  mkdir(dir, 0755);
  for (n = 1; n <= cycles; n++) {
    if (!cycle(dir, (int)n)) {
      bad++;
      if (bad < 5) fprintf(stderr, "cycle %ld failed: %s\n", n, last_error(err, sizeof err));
    }
    if (n == cycles / 10) base = rss_kb();
    if (n % (cycles / 10 > 0 ? cycles / 10 : 1) == 0) {
      printf("cycle %7ld  rss %6ld kB\n", n, rss_kb());
      fflush(stdout);
    }
  }
  {
    long end = rss_kb();
    int live = libpact_test_live_handles();
    CHECK(bad == 0, "%ld of %ld cycles failed", bad, cycles);
    CHECK(end - base < max_kb, "rss grew %ld kB from cycle %ld to %ld (limit %ld kB)", end - base, cycles / 10, cycles,
          max_kb);
    CHECK(live == 0, "%d live handles after the frees: %s", live, last_error(err, sizeof err));
    printf("leak: %ld cycles, rss %ld kB at cycle %ld, %ld kB at the end (growth %ld kB, limit %ld), %d live handles: %s\n",
           cycles, base, cycles / 10, end, end - base, max_kb, live, ctest_failures ? "FAIL" : "ok");
  }
  return ctest_failures ? 1 : 0;
}
