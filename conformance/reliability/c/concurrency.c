/* concurrency.c - T threads each run N full consumer cycles at once: build a pact with two interactions, start a
 * mock server, send the requests (every 7th cycle a wrong one too), check matched / mismatches, write the pact
 * (merging into the thread's file), clean up and free. Meanwhile 4 verifier threads each run V verifications
 * through the pactffi_verifier_* functions against a mock server standing in for the provider: a pact that
 * passes (execute returns 0) and, every 5th time, one that fails (execute returns 1). Results must be correct
 * in every cycle, the pact files must hold exactly the two interactions, and every handle table must be empty
 * at the end.
 *   concurrency [threads] [cycles] [verifications]  (default 16 1000 200; CTEST_TMP from the environment) */
#include <pthread.h>

#include "../../ctest/common.h"

int libpact_test_live_handles(void);

static long cycles = 1000;
static char dir[512];

struct result {
  long ok, bad;
  char first[512];
};

static void note(struct result *r, const char *what, int port) {
  char err[256];
  r->bad++;
  if (!r->first[0]) {
    last_error(err, sizeof err);
    snprintf(r->first, sizeof r->first, "%s (port %d; last error '%s')", what, port, err);
  }
}

static void *worker(void *arg) {
  struct result *r = arg;
  long id = r->ok; /* thread number, passed in ok */
  char consumer[64], body[512];
  long n;
  r->ok = 0;
  snprintf(consumer, sizeof consumer, "conc-consumer-%ld", id);
  for (n = 0; n < cycles; n++) {
    PactHandle p = pactffi_new_pact(consumer, "conc-provider");
    InteractionHandle a = pactffi_new_interaction(p, "a request for thing 1");
    InteractionHandle b = pactffi_new_interaction(p, "a request to create a thing");
    int port, st, good = 1;
    const char *mm;
    good &= pactffi_given(a, "thing 1 exists");
    good &= pactffi_with_request(a, "GET", "/things/1");
    good &= pactffi_response_status(a, 200);
    good &= pactffi_with_body(a, InteractionPart_Response, "application/json",
                              "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 1}}");
    good &= pactffi_with_request(b, "POST", "/things");
    good &= pactffi_with_body(b, InteractionPart_Request, "application/json", "{\"name\": \"x\"}");
    good &= pactffi_response_status(b, 201);
    if (!good) { note(r, "building the pact failed", 0); pactffi_free_pact_handle(p); continue; }
    port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
    if (port <= 0) { note(r, "mock server did not start", port); pactffi_free_pact_handle(p); continue; }
    st = http_request(port, "GET", "/things/1", "", NULL, body, sizeof body);
    if (st != 200 || !strstr(body, "\"id\":")) note(r, "GET /things/1 answered wrongly", port);
    if (n % 7 == 3) {
      st = http_request(port, "GET", "/nothing", "", NULL, body, sizeof body);
      if (st != 500) note(r, "an unexpected request was not answered 500", port);
      if (pactffi_mock_server_matched(port)) note(r, "matched after an unexpected request", port);
      mm = pactffi_mock_server_mismatches(port);
      if (!mm || !strstr(mm, "/nothing")) note(r, "mismatches do not name /nothing", port);
    }
    st = http_request(port, "POST", "/things", "Content-Type: application/json\r\n", "{\"name\": \"x\"}", body,
                      sizeof body);
    if (st != 201) note(r, "POST /things answered wrongly", port);
    if ((n % 7 == 3) == pactffi_mock_server_matched(port)) note(r, "matched is wrong", port);
    if (n % 7 != 3 && pactffi_write_pact_file(port, dir, false) != 0) note(r, "writing the pact failed", port);
    if (!pactffi_cleanup_mock_server(port)) note(r, "cleanup failed", port);
    if (pactffi_free_pact_handle(p) != 0) note(r, "free failed", port);
    r->ok++;
  }
  return NULL;
}

#define VERIFIERS 4
static long verifications = 200;
static int provider_port;
static char pass_pact[600], fail_pact[600];

static struct VerifierHandle *new_verifier(const char *pact) {
  struct VerifierHandle *v = pactffi_verifier_new_for_application("concurrency", "1.0");
  if (!v) return NULL;
  pactffi_verifier_set_provider_info(v, "conc-provider-side", "http", "127.0.0.1", (unsigned short)provider_port, "/");
  pactffi_verifier_add_file_source(v, pact);
  return v;
}

static void *verifier_worker(void *arg) {
  struct result *r = arg;
  long n;
  for (n = 0; n < verifications; n++) {
    int fails = n % 5 == 4, rc;
    struct VerifierHandle *v = new_verifier(fails ? fail_pact : pass_pact);
    if (!v) { note(r, "verifier_new failed", provider_port); continue; }
    rc = pactffi_verifier_execute(v);
    if (rc != (fails ? 1 : 0)) {
      char msg[128];
      snprintf(msg, sizeof msg, "verifier_execute returned %d for the %s pact", rc, fails ? "failing" : "passing");
      note(r, msg, provider_port);
    }
    pactffi_verifier_shutdown(v);
    r->ok++;
  }
  return NULL;
}

/* setup_provider starts the mock server that plays the provider and writes the two pacts the verifiers use. */
static int setup_provider(PactHandle *provider) {
  PactHandle bad;
  InteractionHandle i;
  *provider = pactffi_new_pact("conc-verify-consumer", "conc-provider-side");
  i = pactffi_new_interaction(*provider, "a request for item 1");
  pactffi_with_request(i, "GET", "/items/1");
  pactffi_response_status(i, 200);
  pactffi_with_body(i, InteractionPart_Response, "application/json", "{\"id\": 1}");
  provider_port = pactffi_create_mock_server_for_transport(*provider, "127.0.0.1", 0, "http", NULL);
  if (provider_port <= 0 || pactffi_write_pact_file(provider_port, dir, true) != 0) return 0;
  snprintf(pass_pact, sizeof pass_pact, "%s/conc-verify-consumer-conc-provider-side.json", dir);
  bad = pactffi_new_pact("conc-verify-bad-consumer", "conc-provider-side");
  i = pactffi_new_interaction(bad, "a request for item 1");
  pactffi_with_request(i, "GET", "/items/1");
  pactffi_response_status(i, 201);
  if (pactffi_pact_handle_write_file(bad, dir, true) != 0) return 0;
  pactffi_free_pact_handle(bad);
  snprintf(fail_pact, sizeof fail_pact, "%s/conc-verify-bad-consumer-conc-provider-side.json", dir);
  return 1;
}

static int count(const char *s, const char *needle) {
  int c = 0;
  for (; (s = strstr(s, needle)) != NULL; s += strlen(needle)) c++;
  return c;
}

int main(int argc, char **argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 16, t, live;
  pthread_t th[256], vth[VERIFIERS];
  struct result res[256], vres[VERIFIERS];
  PactHandle provider;
  long verified = 0;
  long total_ok = 0, total_bad = 0;
  const char *tmp = getenv("CTEST_TMP") ? getenv("CTEST_TMP") : "/tmp";
  char err[1024];
  if (argc > 2) cycles = atol(argv[2]);
  if (argc > 3) verifications = atol(argv[3]);
  if (threads > 256) threads = 256;
  snprintf(dir, sizeof dir, "%s/concurrency-pacts-%d", tmp, (int)getpid());
  mkdir(dir, 0755);
  if (!setup_provider(&provider)) {
    fprintf(stderr, "concurrency: setting up the provider failed: %s\n", last_error(err, sizeof err));
    return 1;
  }
  for (t = 0; t < VERIFIERS; t++) {
    memset(&vres[t], 0, sizeof vres[t]);
    pthread_create(&vth[t], NULL, verifier_worker, &vres[t]);
  }
  for (t = 0; t < threads; t++) {
    memset(&res[t], 0, sizeof res[t]);
    res[t].ok = t;
    pthread_create(&th[t], NULL, worker, &res[t]);
  }
  for (t = 0; t < threads; t++) {
    pthread_join(th[t], NULL);
    total_ok += res[t].ok;
    total_bad += res[t].bad;
    if (res[t].bad) fprintf(stderr, "thread %d: %ld problems, the first: %s\n", t, res[t].bad, res[t].first);
  }
  for (t = 0; t < VERIFIERS; t++) {
    pthread_join(vth[t], NULL);
    verified += vres[t].ok;
    total_bad += vres[t].bad;
    if (vres[t].bad) fprintf(stderr, "verifier %d: %ld problems, the first: %s\n", t, vres[t].bad, vres[t].first);
  }
  pactffi_cleanup_mock_server(provider_port);
  pactffi_free_pact_handle(provider);
  for (t = 0; t < threads; t++) {
    char path[700], buf[65536];
    FILE *f;
    size_t n;
    snprintf(path, sizeof path, "%s/conc-consumer-%d-conc-provider.json", dir, t);
    f = fopen(path, "r");
    if (!f) { CHECK(0, "no pact file %s", path); continue; }
    n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    CHECK(count(buf, "\"description\"") == 2, "%s holds %d interactions, want 2", path, count(buf, "\"description\""));
  }
  live = libpact_test_live_handles();
  CHECK(total_bad == 0, "%ld problems", total_bad);
  CHECK(live == 0, "%d live handles: %s", live, last_error(err, sizeof err));
  printf("concurrency: %d threads x %ld consumer cycles = %ld completed, %d verifier threads x %ld = %ld verifications, "
         "%ld problems, %d live handles: %s\n",
         threads, cycles, total_ok, VERIFIERS, verifications, verified, total_bad, live, ctest_failures ? "FAIL" : "ok");
  return ctest_failures ? 1 : 0;
}
