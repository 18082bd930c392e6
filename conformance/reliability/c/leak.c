/* leak.c - N mock-server lifecycles in one process (new pact, interaction, start a server, one request, check,
 * write the pact every 10th cycle, clean up, free), each followed by a round of the other handle kinds (pact
 * model pointers and their iterators, message pacts, reified messages, matcher definitions, and every 10th
 * cycle a verifier handle): resident memory must grow by less than LEAK_MAX_KB (default 10 MB) from cycle N/10
 * to cycle N, and every handle table must be empty afterwards (libpact_test_live_handles() == 0).
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
  if (!ok || port <= 0) {
    pactffi_free_pact_handle(p);
    return 0;
  }
  status = http_request(port, "GET", "/things/1", "Accept: application/json\r\n", NULL, body, sizeof body);
  ok = status == 200 && pactffi_mock_server_matched(port);
  if (n % 10 == 0) ok &= pactffi_write_pact_file(port, dir, false) == 0;
  ok &= pactffi_cleanup_mock_server(port);
  ok &= pactffi_free_pact_handle(p) == 0;
  return ok;
}

/* model_cycle creates and frees one of each of the other kinds of object. */
static int model_cycle(int n) {
  int ok = 1, count = 0;
  PactHandle p = pactffi_new_pact("model-consumer", "model-provider");
  InteractionHandle i = pactffi_new_interaction(p, "an http interaction");
  InteractionHandle mi = pactffi_new_message_interaction(p, "a message interaction");
  struct Pact *pp;
  struct PactInteractionIterator *it;
  struct PactMessageIterator *mit;
  const struct Consumer *c;
  const struct MatchingRuleDefinitionResult *def;
  MessagePactHandle mp;
  MessageHandle m;
  const char *reified;
  ok &= pactffi_with_request(i, "GET", "/model");
  ok &= pactffi_with_body(mi, InteractionPart_Request, "application/json", "{\"n\": 1}");
  pp = pactffi_pact_handle_to_pointer(p);
  it = pactffi_pact_model_interaction_iterator(pp);
  while (pactffi_pact_interaction_iter_next(it)) count++;
  pactffi_pact_interaction_iter_delete(it);
  c = pactffi_pact_get_consumer(pp);
  ok &= c != NULL;
  pactffi_pact_consumer_delete(c);
  pactffi_pact_model_delete(pp);
  mit = pactffi_pact_handle_get_message_iter(p);
  while (pactffi_pact_message_iter_next(mit)) count++;
  pactffi_pact_message_iter_delete(mit);
  ok &= count == 3 && pactffi_free_pact_handle(p) == 0;
  mp = pactffi_new_message_pact("model-consumer", "model-provider");
  m = pactffi_new_message(mp, "a message");
  pactffi_message_with_contents(m, "application/json", (const uint8_t *)"{\"a\": 1}", 8);
  reified = pactffi_message_reify(m);
  ok &= reified != NULL && strstr(reified, "\"a\"") != NULL;
  pactffi_string_delete((char *)reified);
  ok &= pactffi_free_message_pact_handle(mp) == 0;
  def = pactffi_parse_matcher_definition("matching(type, 'x')");
  ok &= def != NULL && pactffi_matcher_definition_error(def) == NULL;
  pactffi_matcher_definition_delete(def);
  if (n % 10 == 0) {
    struct VerifierHandle *v = pactffi_verifier_new_for_application("leak", "1.0");
    ok &= v != NULL;
    pactffi_verifier_shutdown(v);
  }
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
    if (!cycle(dir, (int)n) || !model_cycle((int)n)) {
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
