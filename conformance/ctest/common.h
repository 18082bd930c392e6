/* common.h - helpers shared by the C tests: assertions, the last error, and a tiny HTTP client over plain
 * sockets (no libcurl needed). */
#ifndef CTEST_COMMON_H
#define CTEST_COMMON_H

#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pact.h"

static int ctest_failures = 0;
static int ctest_checks = 0;

#define CHECK(cond, ...)                                                  \
  do {                                                                    \
    ctest_checks++;                                                       \
    if (!(cond)) {                                                        \
      ctest_failures++;                                                   \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);     \
      fprintf(stderr, __VA_ARGS__);                                       \
      fprintf(stderr, "\n");                                              \
    }                                                                     \
  } while (0)

/* last_error returns the calling thread's last error (a static buffer per call site is enough for tests). */
static inline const char *last_error(char *buf, int len) {
  int n = pactffi_get_error_message(buf, len);
  if (n < 0) snprintf(buf, (size_t)len, "<get_error_message returned %d>", n);
  return buf;
}

/* http_request sends one request to 127.0.0.1:port and reads the whole response (Connection: close).
 * Returns the status code (or -1) and copies the body into body (NUL-terminated, truncated to body_len). */
static inline int http_request(int port, const char *method, const char *path, const char *headers,
                        const char *req_body, char *body, size_t body_len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  char req[8192];
  char resp[65536];
  size_t got = 0;
  ssize_t n;
  int status = -1;
  char *p;
  if (fd < 0) return -1;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  snprintf(req, sizeof req, "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n%sContent-Length: %zu\r\n\r\n%s",
           method, path, port, headers ? headers : "", req_body ? strlen(req_body) : (size_t)0,
           req_body ? req_body : "");
  if (write(fd, req, strlen(req)) < 0) {
    close(fd);
    return -1;
  }
  while (got < sizeof resp - 1 && (n = read(fd, resp + got, sizeof resp - 1 - got)) > 0) got += (size_t)n;
  resp[got] = 0;
  {
    /* The server closed first (Connection: close). Ending with a reset instead of a FIN ends the server's side
     * at once too: without it every request leaves a TIME_WAIT socket on an ephemeral port for 60 s, and a
     * loop of 100,000 mock servers (leak.c) runs the machine out of ports. */
    struct linger lg = {1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  }
  close(fd);
  if (sscanf(resp, "HTTP/1.%*d %d", &status) != 1) return -1;
  if (body && body_len) {
    p = strstr(resp, "\r\n\r\n");
    snprintf(body, body_len, "%s", p ? p + 4 : "");
  }
  return status;
}

/* read_file returns the malloc'd contents of path, or NULL. */
static inline char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  long n;
  char *buf;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = (char *)malloc((size_t)n + 1);
  if (fread(buf, 1, (size_t)n, f) != (size_t)n) n = 0;
  buf[n] = 0;
  fclose(f);
  return buf;
}

/* tmp_dir is where tests write files: $CTEST_TMP (set by the Makefile), else /tmp. */
static inline const char *tmp_dir(void) {
  const char *d = getenv("CTEST_TMP");
  return d && *d ? d : "/tmp";
}

static inline int ctest_report(const char *name) {
  if (ctest_failures) {
    fprintf(stderr, "%s: %d of %d checks FAILED\n", name, ctest_failures, ctest_checks);
    return 1;
  }
  printf("%s: all %d checks passed\n", name, ctest_checks);
  return 0;
}

#endif
