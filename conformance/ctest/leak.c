/* leak.c - repeats the whole consumer cycle (pact, interaction with JSON matchers, a failing call, mock server,
 * matched and unexpected requests, mismatches, logs, CA certificate, cleanup, free) and checks that the
 * process's resident memory stays flat: everything the library hands out is given back. */
#include "common.h"

static long rss_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long v = 0;
  if (!f) return 0;
  while (fgets(line, sizeof line, f))
    if (!strncmp(line, "VmRSS:", 6)) sscanf(line + 6, "%ld", &v);
  fclose(f);
  return v;
}

static void cycle(void) {
  char body[4096];
  PactHandle p = pactffi_new_pact("leak-consumer", "leak-provider");
  InteractionHandle i = pactffi_new_interaction(p, "a request");
  int port;
  char *ca;
  pactffi_with_request(i, "GET", "/x");
  pactffi_with_body(i, InteractionPart_Response, "application/json", "{\"a\": {\"pact:matcher:type\": \"integer\", \"value\": 1}}");
  pactffi_with_request(0, "GET", "/x"); /* sets the last error */
  port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
  http_request(port, "GET", "/x", NULL, NULL, body, sizeof body);
  http_request(port, "GET", "/unexpected", NULL, NULL, body, sizeof body);
  pactffi_mock_server_mismatches(port);
  pactffi_mock_server_logs(port);
  ca = pactffi_get_tls_ca_certificate();
  pactffi_string_delete(ca);
  pactffi_cleanup_mock_server(port);
  pactffi_free_pact_handle(p);
}

int main(void) {
  long before, after;
  int k;
  for (k = 0; k < 400; k++) cycle(); /* warm up: runtime, pools, certificate */
  before = rss_kb();
  for (k = 0; k < 1200; k++) cycle();
  after = rss_kb();
  CHECK(after - before < 8 * 1024, "RSS grew from %ld kB to %ld kB over 1200 cycles", before, after);
  printf("leak: RSS %ld kB -> %ld kB over 1200 full consumer cycles\n", before, after);
  return ctest_report("leak");
}
