/* shutdown.c - requests during shutdown through the C ABI: in each round 8 threads send requests and poll
 * matched / mismatches / logs on a mock server while the main thread cleans it up. pactffi_cleanup_mock_server
 * must return within its 10 s bound, every call on the cleaned port must fail cleanly, and the library must go on
 * working. The clients use 5 s socket timeouts, so a server that stops answering shows as a timeout here rather
 * than a hung test.
 *   shutdown [rounds]   (default 300) */
#include <pthread.h>
#include <sys/time.h>
#include <time.h>

#include "../../ctest/common.h"

int libpact_test_live_handles(void);

static volatile int port, stop;
static long timeouts;

/* get sends GET /x and reads the answer; -2 on a timeout, -1 if the connection failed. */
static int get(int p) {
  struct sockaddr_in a;
  struct timeval tv = {5, 0};
  char buf[4096];
  const char *req = "GET /x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  int fd = socket(AF_INET, SOCK_STREAM, 0), rc = -1;
  ssize_t n;
  if (fd < 0) return -1;
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)p);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&a, sizeof a) == 0 && write(fd, req, strlen(req)) > 0) {
    rc = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) rc = 1;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) rc = -2;
  }
  close(fd);
  return rc;
}

static void *worker(void *arg) {
  (void)arg;
  while (!stop) {
    int p = port;
    if (get(p) == -2) __atomic_fetch_add(&timeouts, 1, __ATOMIC_RELAXED);
    pactffi_mock_server_matched(p);
    pactffi_mock_server_mismatches(p);
    pactffi_mock_server_logs(p);
  }
  return NULL;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 300, r, k;
  pthread_t t[8];
  double slowest = 0;
  char err[512];
  for (r = 0; r < rounds; r++) {
    PactHandle p = pactffi_new_pact("shutdown-consumer", "shutdown-provider");
    double start;
    pactffi_with_request(pactffi_new_interaction(p, "a request"), "GET", "/x");
    port = pactffi_create_mock_server_for_transport(p, "127.0.0.1", 0, "http", NULL);
    CHECK(port > 0, "round %d: no server: %s", r, last_error(err, sizeof err));
    stop = 0;
    for (k = 0; k < 8; k++) pthread_create(&t[k], NULL, worker, NULL);
    usleep(2000);
    start = now();
    CHECK(pactffi_cleanup_mock_server(port), "round %d: cleanup: %s", r, last_error(err, sizeof err));
    if (now() - start > slowest) slowest = now() - start;
    CHECK(pactffi_mock_server_mismatches(port) == NULL && !pactffi_mock_server_matched(port),
          "round %d: the cleaned port still answers", r);
    usleep(1000);
    stop = 1;
    for (k = 0; k < 8; k++) pthread_join(t[k], NULL);
    pactffi_free_pact_handle(p);
  }
  CHECK(slowest < 10.5, "the slowest cleanup took %.3f s", slowest);
  CHECK(timeouts == 0, "%ld requests got no answer within 5 s", timeouts);
  CHECK(libpact_test_live_handles() == 0, "live handles: %s", last_error(err, sizeof err));
  printf("shutdown: %d rounds of cleanup under 8 requesting threads; slowest cleanup %.3f s; %ld client timeouts; "
         "0 live handles: %s\n", rounds, slowest, timeouts, ctest_failures ? "FAIL" : "ok");
  return ctest_failures ? 1 : 0;
}
