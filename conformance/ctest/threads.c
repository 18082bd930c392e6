/* threads.c - 8 threads at once, each building pacts, running a mock server, sending requests over sockets,
 * checking the result and writing the pact file, 25 rounds each. */
#include <pthread.h>

#include "common.h"

#define THREADS 8
#define ROUNDS 25

static void *worker(void *arg) {
  long id = (long)arg;
  long *failures = (long *)calloc(1, sizeof(long));
  int round;
  for (round = 0; round < ROUNDS; round++) {
    char consumer[64], dir[128], path[256], body[4096], err[512];
    PactHandle pact;
    InteractionHandle i;
    int port, status;
    /* The last error is per thread: a failure here must not show up in another thread's message. */
    {
      InteractionHandle bogus = ((InteractionHandle)(0xFF00 + id) << 16) | 1;
      char want[64];
      snprintf(want, sizeof want, "interaction handle %u", bogus);
      if (pactffi_with_request(bogus, "GET", "/") || !strstr(last_error(err, sizeof err), want)) {
        fprintf(stderr, "thread %ld: last error '%s' lacks '%s'\n", id, err, want);
        (*failures)++;
      }
    }
    snprintf(consumer, sizeof consumer, "thread-%ld-round-%d", id, round);
    pact = pactffi_new_pact(consumer, "threads-provider");
    i = pactffi_new_interaction(pact, "a request");
    if (!pact || !i || !pactffi_with_request(i, "GET", "/things") || !pactffi_response_status(i, 200) ||
        !pactffi_with_body(i, InteractionPart_Response, "application/json",
                           "{\"n\": {\"pact:matcher:type\": \"integer\", \"value\": 7}}")) {
      fprintf(stderr, "thread %ld: building failed: %s\n", id, last_error(err, sizeof err));
      (*failures)++;
      continue;
    }
    port = pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", NULL);
    if (port <= 0) {
      fprintf(stderr, "thread %ld: mock server %d: %s\n", id, port, last_error(err, sizeof err));
      (*failures)++;
      pactffi_free_pact_handle(pact);
      continue;
    }
    status = http_request(port, "GET", "/things", NULL, NULL, body, sizeof body);
    if (status != 200 || !strstr(body, "\"n\":7") || !pactffi_mock_server_matched(port)) {
      fprintf(stderr, "thread %ld: status %d body %s mismatches %s\n", id, status, body, pactffi_mock_server_mismatches(port));
      (*failures)++;
    }
    snprintf(dir, sizeof dir, "%s/ctest-threads-%d", tmp_dir(), (int)getpid());
    if (pactffi_write_pact_file(port, dir, true) != 0) {
      fprintf(stderr, "thread %ld: write: %s\n", id, last_error(err, sizeof err));
      (*failures)++;
    }
    snprintf(path, sizeof path, "%s/%s-threads-provider.json", dir, consumer);
    if (access(path, R_OK) != 0) {
      fprintf(stderr, "thread %ld: %s missing\n", id, path);
      (*failures)++;
    }
    if (!pactffi_cleanup_mock_server(port) || pactffi_free_pact_handle(pact) != 0) (*failures)++;
    /* Still this thread's own message, whatever the other threads did meanwhile. */
    if (!strstr(last_error(err, sizeof err), "interaction handle")) {
      fprintf(stderr, "thread %ld: last error changed to '%s'\n", id, err);
      (*failures)++;
    }
  }
  return failures;
}

int main(void) {
  pthread_t t[THREADS];
  long k, total = 0;
  for (k = 0; k < THREADS; k++) pthread_create(&t[k], NULL, worker, (void *)k);
  for (k = 0; k < THREADS; k++) {
    void *res;
    pthread_join(t[k], &res);
    total += *(long *)res;
    free(res);
  }
  CHECK(total == 0, "%ld failed rounds out of %d", total, THREADS * ROUNDS);
  if (total == 0) printf("threads: %d threads x %d rounds (pact, mock server, request, write) OK\n", THREADS, ROUNDS);
  return ctest_report("threads");
}
