/* threadchurn.c - short-lived threads that each make one failing call (so each gets a last error) must not
 * leave memory behind when they exit: resident memory may grow by less than 2 MB from thread N/3 to thread N.
 * (The last error used to be a __thread pointer without a destructor: about 125 bytes lost per thread.)
 *   threadchurn [threads]   (default 60000) */
#include <pthread.h>

#include "../../ctest/common.h"

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

static void *fail_once(void *arg) {
  char msg[256];
  int *ok = arg;
  *ok = pactffi_new_pact("\xff", "churn-provider") == 0 && pactffi_get_error_message(msg, sizeof msg) > 1 &&
         strstr(msg, "consumer_name") != NULL;
  return NULL;
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 60000, k, base = 0, bad = 0;
  for (k = 1; k <= n; k++) {
    pthread_t t;
    int ok = 0;
    if (pthread_create(&t, NULL, fail_once, &ok) != 0) {
      perror("pthread_create");
      return 2;
    }
    pthread_join(t, NULL);
    bad += !ok;
    if (k == n / 3) base = rss_kb();
  }
  {
    long end = rss_kb();
    CHECK(bad == 0, "%ld threads did not get their own last error", bad);
    CHECK(end - base < 2048, "rss grew %ld kB from thread %ld to %ld", end - base, n / 3, n);
    printf("threadchurn: %ld threads with one failing call each, rss %ld kB at thread %ld, %ld kB at the end: %s\n", n,
           base, n / 3, end, ctest_failures ? "FAIL" : "ok");
  }
  return ctest_failures ? 1 : 0;
}
