/*
 * bench.c - one scenario of the side-by-side benchmark of a pact_ffi library (libpact or the Rust libpact_ffi).
 *
 * The same binary runs against either library: it loads the library given on the command line with dlopen and
 * resolves the functions of include/pact.h with dlsym, so both libraries are measured by identical code.
 *
 *   bench <library.so> <scenario> <result-file> [options]
 *
 * Scenarios (see README.md):
 *   a  mock-server lifecycle, per cycle            d  2.5 MB JSON body against eachLike + regex, per request
 *   b  serve 1 interaction until stdin closes      e  build 10,000 interactions through the ABI
 *   c  serve 100 interactions until stdin closes   f  write a pact file of 10,000 interactions
 *   g  verify a pact of 1,000 interactions against a provider served by a thread of this program
 *
 * For b and c the program prints "PORT <n>" on stdout, then waits until stdin is closed (run.py runs wrk in
 * between). Every scenario writes one JSON object to <result-file>: {"scenario", "ok", "value", "unit",
 * "count", "peak_rss_kb", "error"}; "value" is the measured time per unit in microseconds (NaN-free; 0 when
 * not ok). Peak RSS is VmHWM of this process, read when the scenario ends.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pact.h"

/* The functions the benchmark calls, resolved with dlsym. */
#define PACT_FUNCS(X)                                                                                            \
  X(pactffi_new_pact)                                                                                            \
  X(pactffi_free_pact_handle)                                                                                    \
  X(pactffi_new_interaction)                                                                                     \
  X(pactffi_given)                                                                                               \
  X(pactffi_with_request)                                                                                        \
  X(pactffi_with_header_v2)                                                                                      \
  X(pactffi_with_query_parameter_v2)                                                                             \
  X(pactffi_with_body)                                                                                           \
  X(pactffi_response_status)                                                                                     \
  X(pactffi_create_mock_server_for_transport)                                                                    \
  X(pactffi_mock_server_matched)                                                                                 \
  X(pactffi_mock_server_mismatches)                                                                              \
  X(pactffi_cleanup_mock_server)                                                                                 \
  X(pactffi_pact_handle_write_file)                                                                              \
  X(pactffi_get_error_message)                                                                                   \
  X(pactffi_verifier_new_for_application)                                                                        \
  X(pactffi_verifier_set_provider_info)                                                                          \
  X(pactffi_verifier_add_file_source)                                                                            \
  X(pactffi_verifier_execute)                                                                                    \
  X(pactffi_verifier_shutdown)

#define DECLARE(name) static __typeof__(&name) f_##name;
PACT_FUNCS(DECLARE)

static const char *result_path;
static char scenario_name[8];

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* cpu_us returns the user + system CPU time this process has used, in microseconds. */
static double cpu_us(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e6 + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec);
}

/* cpu_mark is cpu_us() when the measured part of the scenario started; report divides the CPU time since then
 * by cpu_units. */
static double cpu_mark;
static double cpu_units = 1;

/* peak_rss_kb returns VmHWM of this process in kB, or -1. */
static long peak_rss_kb(void) {
  FILE *f = fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long kb = -1;
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "VmHWM:", 6) == 0) {
      kb = strtol(line + 6, NULL, 10);
      break;
    }
  }
  fclose(f);
  return kb;
}

static void json_string(FILE *f, const char *s) {
  fputc('"', f);
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') fprintf(f, "\\%c", c);
    else if (c < 0x20) fprintf(f, "\\u%04x", c);
    else fputc(c, f);
  }
  fputc('"', f);
}

/* report writes the result file and exits: ok with value microseconds per unit, or not ok with error. */
static void report(int ok, double value, const char *unit, long count, const char *error) {
  long rss = peak_rss_kb();
  FILE *f = fopen(result_path, "w");
  if (!f) {
    perror(result_path);
    exit(2);
  }
  fprintf(f, "{\"scenario\": \"%s\", \"ok\": %s, \"value\": %.3f, \"unit\": ", scenario_name, ok ? "true" : "false",
          ok ? value : 0.0);
  json_string(f, unit);
  fprintf(f, ", \"count\": %ld, \"cpu_us\": %.3f, \"cpu_total_us\": %.0f, \"peak_rss_kb\": %ld, \"error\": ",
          count, ok ? (cpu_us() - cpu_mark) / cpu_units : 0.0, cpu_us(), rss);
  json_string(f, error ? error : "");
  fprintf(f, "}\n");
  fclose(f);
  fflush(stdout);
  _exit(ok ? 0 : 1);
}

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void fail(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  fprintf(stderr, "bench %s: %s\n", scenario_name, msg);
  report(0, 0, "", 0, msg);
  exit(1);
}

static const char *last_error(void) {
  static char buf[1024];
  buf[0] = 0;
  if (f_pactffi_get_error_message(buf, sizeof buf) < 0) buf[0] = 0;
  return buf;
}

#define CHECK(call)                                                                                              \
  do {                                                                                                           \
    if (!(call)) fail("%s failed: %s", #call, last_error());                                                     \
  } while (0)

/* ---- a minimal HTTP/1.1 client: one request per connection ("Connection: close"), reads to EOF ---- */

static int tcp_connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) fail("socket: %s", strerror(errno));
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) fail("connect to port %d: %s", port, strerror(errno));
  return fd;
}

static void write_all(int fd, const char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      fail("write: %s", strerror(errno));
    }
    p += w;
    n -= (size_t)w;
  }
}

/* read_response reads one HTTP/1.1 response from fd (Content-Length, chunked, or up to EOF) and returns its
 * status; its head and the start of the body go to out. */
static int read_response(int fd, char *out, size_t out_len) {
  size_t cap = 1 << 16, have = 0;
  char *buf = malloc(cap);
  char *end = NULL;
  int eof = 0;
  while (!(end = memmem(buf, have, "\r\n\r\n", 4))) {
    if (have == cap) buf = realloc(buf, cap *= 2);
    ssize_t r = read(fd, buf + have, cap - have);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) fail("connection closed before the response head (%zu bytes)", have);
    have += (size_t)r;
  }
  size_t head = (size_t)(end - buf) + 4;
  long content_length = -1;
  int chunked = 0;
  for (char *p = buf; p < end; p++) {
    if (p != buf && p[-1] != '\n') continue;
    if (strncasecmp(p, "content-length:", 15) == 0) content_length = atol(p + 15);
    if (strncasecmp(p, "transfer-encoding:", 18) == 0 && strstr(p, "chunked") && strstr(p, "chunked") < end)
      chunked = 1;
  }
  for (;;) {
    if (content_length >= 0 && have >= head + (size_t)content_length) break;
    if (chunked && have >= head + 5 && memcmp(buf + have - 5, "0\r\n\r\n", 5) == 0) break;
    if (eof) break;
    if (have == cap) buf = realloc(buf, cap *= 2);
    ssize_t r = read(fd, buf + have, cap - have);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) fail("read: %s", strerror(errno));
    if (r == 0) {
      if (content_length >= 0 || chunked) fail("connection closed in the middle of the response body");
      eof = 1;
    }
    have += (size_t)r;
  }
  size_t c = have < out_len - 1 ? have : out_len - 1;
  memcpy(out, buf, c);
  out[c] = 0;
  free(buf);
  int status = 0;
  if (sscanf(out, "HTTP/1.%*d %d", &status) != 1) status = 0;
  return status;
}

/* http_request sends one request on a new connection and returns the response status; the response (truncated)
 * goes to out. The client closes the connection with a reset (SO_LINGER 0), so that neither side is left in
 * TIME_WAIT: thousands of TIME_WAIT sockets make every bind(port 0) of the kernel slow, for both libraries and
 * for everything else on the machine. */
static int http_request(int port, const char *method, const char *path, const char *content_type,
                        const char *body, size_t body_len, char *out, size_t out_len) {
  int fd = tcp_connect(port);
  char head[1024];
  int n;
  if (body)
    n = snprintf(head, sizeof head,
                 "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                 method, path, port, content_type, body_len);
  else
    n = snprintf(head, sizeof head, "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", method, path, port);
  write_all(fd, head, (size_t)n);
  if (body) write_all(fd, body, body_len);
  int status = read_response(fd, out, out_len);
  struct linger lg = {.l_onoff = 1, .l_linger = 0};
  setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  close(fd);
  return status;
}

/* ---- builders ---- */

/* add_item_interaction adds interaction i of the catalogue used by b, c, e and f. */
static InteractionHandle add_item_interaction(PactHandle pact, int i, int rich) {
  char buf[512];
  snprintf(buf, sizeof buf, "a request for item %d", i);
  InteractionHandle h = f_pactffi_new_interaction(pact, buf);
  CHECK(h != 0);
  snprintf(buf, sizeof buf, "item %d exists", i);
  CHECK(f_pactffi_given(h, buf));
  snprintf(buf, sizeof buf, "/items/%d", i);
  CHECK(f_pactffi_with_request(h, "GET", buf));
  if (rich) {
    CHECK(f_pactffi_with_header_v2(h, InteractionPart_Request, "Accept", 0, "application/json"));
    CHECK(f_pactffi_with_query_parameter_v2(
        h, "fields", 0, "{\"pact:matcher:type\": \"regex\", \"regex\": \"^[a-z,]+$\", \"value\": \"id,name\"}"));
  }
  CHECK(f_pactffi_response_status(h, 200));
  CHECK(f_pactffi_with_header_v2(h, InteractionPart_Response, "Content-Type", 0, "application/json"));
  snprintf(buf, sizeof buf,
           "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": %d}, "
           "\"name\": {\"pact:matcher:type\": \"type\", \"value\": \"item %d\"}, "
           "\"tags\": {\"pact:matcher:type\": \"type\", \"min\": 1, \"value\": [\"new\"]}, "
           "\"updated\": {\"pact:matcher:type\": \"regex\", \"regex\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\", "
           "\"value\": \"2024-01-0%d\"}}",
           i, i, 1 + i % 9);
  CHECK(f_pactffi_with_body(h, InteractionPart_Response, "application/json", buf));
  return h;
}

/* new_pact creates a pact. The Rust library draws handles at random from 1..65535 and, about once in 65,536
 * calls, hands out 0 with no error message: that call is retried, as a client would have to. */
static PactHandle new_pact(void) {
  for (int attempt = 0; attempt < 3; attempt++) {
    PactHandle pact = f_pactffi_new_pact("bench-consumer", "bench-provider");
    if (pact != 0) return pact;
    if (last_error()[0] != 0) break;
  }
  fail("pactffi_new_pact returned 0: %s", last_error());
}

static int start_mock_server(PactHandle pact) {
  int port = f_pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", NULL);
  if (port <= 0) fail("pactffi_create_mock_server_for_transport returned %d: %s", port, last_error());
  return port;
}

/* ---- scenario a: mock-server lifecycle ---- */

/* phase_us accumulates the wall time of each phase of a cycle: build, start, request, matched, cleanup, free. */
static double phase_us[6];

static void one_cycle(void) {
  double t = now_us(), t2;
#define PHASE(i) (t2 = now_us(), phase_us[i] += t2 - t, t = t2)
  PactHandle pact = new_pact();
  InteractionHandle h = f_pactffi_new_interaction(pact, "a request for the status");
  CHECK(h != 0);
  CHECK(f_pactffi_with_request(h, "GET", "/status"));
  CHECK(f_pactffi_response_status(h, 200));
  CHECK(f_pactffi_with_body(h, InteractionPart_Response, "application/json", "{\"status\": \"up\"}"));
  PHASE(0);
  int port = start_mock_server(pact);
  PHASE(1);
  char resp[4096];
  int status = http_request(port, "GET", "/status", NULL, NULL, 0, resp, sizeof resp);
  if (status != 200) fail("mock server answered %d: %.300s", status, resp);
  PHASE(2);
  if (!f_pactffi_mock_server_matched(port)) fail("not matched: %s", f_pactffi_mock_server_mismatches(port));
  PHASE(3);
  CHECK(f_pactffi_cleanup_mock_server(port));
  PHASE(4);
  CHECK(f_pactffi_free_pact_handle(pact) == 0);
  PHASE(5);
#undef PHASE
}

static void scenario_a(double budget_us) {
  for (int i = 0; i < 20; i++) one_cycle(); /* warm-up */
  memset(phase_us, 0, sizeof phase_us);
  long n = 0;
  cpu_mark = cpu_us();
  double start = now_us(), elapsed;
  do {
    one_cycle();
    n++;
    elapsed = now_us() - start;
  } while ((elapsed < budget_us || n < 50) && n < 100000);
  cpu_units = (double)n;
  char unit[256];
  snprintf(unit, sizeof unit, "us/cycle (build %.0f, start %.0f, request %.0f, matched %.0f, cleanup %.0f, free %.0f)",
           phase_us[0] / n, phase_us[1] / n, phase_us[2] / n, phase_us[3] / n, phase_us[4] / n, phase_us[5] / n);
  report(1, elapsed / (double)n, unit, n, NULL);
}

/* ---- scenarios b and c: serve until stdin closes ---- */

static void scenario_serve(int interactions) {
  PactHandle pact = new_pact();
  for (int i = 0; i < interactions; i++) add_item_interaction(pact, i, 0);
  int port = start_mock_server(pact);
  /* Check that the server answers before handing it to the load generator. */
  char resp[4096];
  int status = http_request(port, "GET", "/items/0", NULL, NULL, 0, resp, sizeof resp);
  if (status != 200) fail("mock server answered %d: %.300s", status, resp);
  cpu_mark = cpu_us();
  printf("PORT %d\n", port);
  fflush(stdout);
  char line[256];
  long served = 0;
  while (fgets(line, sizeof line, stdin)) {
    served = atol(line); /* run.py writes the number of requests wrk made */
  }
  if (served > 0) cpu_units = (double)served;
  /* Throughput is measured by wrk; the result records that the server stayed healthy and its peak RSS. */
  status = http_request(port, "GET", "/items/0", NULL, NULL, 0, resp, sizeof resp);
  if (status != 200) fail("after the load, the mock server answered %d: %.300s", status, resp);
  report(1, 0, "served", interactions, NULL);
}

/* ---- scenario d: large JSON body ---- */

static char *big_body(int objects, size_t *len) {
  size_t cap = (size_t)objects * 160 + 64, n = 0;
  char *b = malloc(cap);
  n += (size_t)sprintf(b + n, "{\"items\": [");
  for (int i = 0; i < objects; i++) {
    n += (size_t)sprintf(b + n,
                         "%s{\"id\": %d, \"name\": \"product number %06d\", \"sku\": \"SKU-%06d-%c%c\", "
                         "\"price\": %d.%02d, \"available\": %s, \"colour\": \"blue\"}",
                         i ? ", " : "", i, i, i, 'A' + i % 26, 'A' + (i / 26) % 26, 1 + i % 500, i % 100,
                         i % 3 ? "true" : "false");
  }
  n += (size_t)sprintf(b + n, "]}");
  *len = n;
  return b;
}

static void scenario_d(double budget_us) {
  PactHandle pact = new_pact();
  InteractionHandle h = f_pactffi_new_interaction(pact, "an upload of the catalogue");
  CHECK(h != 0);
  CHECK(f_pactffi_with_request(h, "POST", "/catalogue"));
  CHECK(f_pactffi_with_body(
      h, InteractionPart_Request, "application/json",
      "{\"items\": {\"pact:matcher:type\": \"type\", \"min\": 1, \"value\": [{\"id\": 1, "
      "\"name\": \"product number 000001\", "
      "\"sku\": {\"pact:matcher:type\": \"regex\", \"regex\": \"^SKU-[0-9]{6}-[A-Z]{2}$\", \"value\": "
      "\"SKU-000001-AA\"}, \"price\": 9.99, \"available\": true, \"colour\": \"blue\"}]}}"));
  CHECK(f_pactffi_response_status(h, 201));
  int port = start_mock_server(pact);
  size_t len;
  char *body = big_body(20000, &len);
  char resp[8192];
  long n = 0;
  double total = 0;
  int warm = 1;
  cpu_mark = cpu_us();
  do {
    double t0 = now_us();
    int status = http_request(port, "POST", "/catalogue", "application/json", body, len, resp, sizeof resp);
    double dt = now_us() - t0;
    if (status != 201) fail("mock server answered %d: %.500s", status, resp);
    if (warm) {
      warm = 0;
      cpu_mark = cpu_us();
      continue;
    }
    total += dt;
    n++;
  } while ((total < budget_us || n < 3) && n < 10000);
  if (!f_pactffi_mock_server_matched(port)) fail("not matched: %.500s", f_pactffi_mock_server_mismatches(port));
  cpu_units = (double)n;
  CHECK(f_pactffi_cleanup_mock_server(port));
  f_pactffi_free_pact_handle(pact);
  char unit[64];
  snprintf(unit, sizeof unit, "us/request (%zu bytes)", len);
  report(1, total / (double)n, unit, n, NULL);
}

/* ---- scenarios e and f: 10,000 interactions ---- */

static void scenario_e(void) {
  cpu_mark = cpu_us();
  double t0 = now_us();
  PactHandle pact = new_pact();
  for (int i = 0; i < 10000; i++) add_item_interaction(pact, i, 1);
  CHECK(f_pactffi_free_pact_handle(pact) == 0);
  report(1, now_us() - t0, "us for 10000 interactions", 10000, NULL);
}

static void scenario_f(const char *dir) {
  PactHandle pact = new_pact();
  for (int i = 0; i < 10000; i++) add_item_interaction(pact, i, 1);
  cpu_mark = cpu_us();
  double t0 = now_us();
  int rc = f_pactffi_pact_handle_write_file(pact, dir, true);
  double dt = now_us() - t0;
  if (rc != 0) fail("pactffi_pact_handle_write_file returned %d: %s", rc, last_error());
  char path[4096];
  snprintf(path, sizeof path, "%s/bench-consumer-bench-provider.json", dir);
  struct stat st;
  if (stat(path, &st) != 0 || st.st_size < 1000000) fail("pact file %s missing or too small", path);
  f_pactffi_free_pact_handle(pact);
  char unit[96];
  snprintf(unit, sizeof unit, "us per write (%lld bytes)", (long long)st.st_size);
  report(1, dt, unit, 10000, NULL);
}

/* ---- scenario g: verification against a provider thread ---- */

static void item_body(int i, char *out, size_t n) {
  snprintf(out, n, "{\"id\":%d,\"name\":\"item %d\",\"tags\":[\"new\",\"sale\"],\"price\":%d.5}", i, i, i % 100);
}

/* write_g_pact writes a V3 pact of count interactions (GET /items/i -> the body item_body gives). */
static void write_g_pact(const char *path, int count) {
  FILE *f = fopen(path, "w");
  if (!f) fail("cannot write %s: %s", path, strerror(errno));
  fprintf(f, "{\"consumer\": {\"name\": \"bench-consumer\"}, \"provider\": {\"name\": \"bench-provider\"},\n"
             " \"interactions\": [\n");
  for (int i = 0; i < count; i++) {
    char body[256];
    item_body(i, body, sizeof body);
    fprintf(f,
            "  %s{\"description\": \"a request for item %d\", \"providerStates\": [{\"name\": \"item %d exists\"}],\n"
            "   \"request\": {\"method\": \"GET\", \"path\": \"/items/%d\", \"headers\": {\"Accept\": "
            "\"application/json\"}},\n"
            "   \"response\": {\"status\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": %s,\n"
            "    \"matchingRules\": {\"body\": {\"$.name\": {\"matchers\": [{\"match\": \"type\"}]}, "
            "\"$.tags\": {\"matchers\": [{\"match\": \"type\", \"min\": 1}]}, "
            "\"$.price\": {\"matchers\": [{\"match\": \"decimal\"}]}}}}}\n",
            i ? "," : "", i, i, i, body);
  }
  fprintf(f, " ],\n \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}\n");
  fclose(f);
}

static long provider_requests; /* requests the provider answered with 200, updated atomically */

static void *provider_conn(void *arg) {
  int fd = (int)(intptr_t)arg;
  char buf[65536];
  size_t have = 0;
  for (;;) {
    char *end;
    while (!(end = memmem(buf, have, "\r\n\r\n", 4))) {
      if (have == sizeof buf) goto done;
      ssize_t r = read(fd, buf + have, sizeof buf - have);
      if (r <= 0) goto done;
      have += (size_t)r;
    }
    size_t head_len = (size_t)(end - buf) + 4;
    long content_length = 0;
    int close_after = 0;
    for (char *p = buf; p < end; p++) {
      if (p != buf && p[-1] != '\n') continue;
      if (strncasecmp(p, "content-length:", 15) == 0) content_length = atol(p + 15);
      if (strncasecmp(p, "connection: close", 17) == 0) close_after = 1;
    }
    char method[16], path[1024];
    int status = 404, item = -1;
    char body[512] = "{\"error\":\"not found\"}";
    if (sscanf(buf, "%15s %1023s", method, path) == 2 && sscanf(path, "/items/%d", &item) == 1 && item >= 0) {
      status = 200;
      item_body(item, body, sizeof body);
      __atomic_add_fetch(&provider_requests, 1, __ATOMIC_SEQ_CST);
    }
    /* consume the request body, if any */
    size_t total = head_len + (size_t)content_length;
    while (have < total && total <= sizeof buf) {
      ssize_t r = read(fd, buf + have, sizeof buf - have);
      if (r <= 0) goto done;
      have += (size_t)r;
    }
    if (total > sizeof buf) goto done;
    memmove(buf, buf + total, have - total);
    have -= total;
    char resp[1024];
    int n = snprintf(resp, sizeof resp,
                     "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s", status,
                     status == 200 ? "OK" : "Not Found", strlen(body), body);
    write_all(fd, resp, (size_t)n);
    if (close_after) break;
  }
done:
  close(fd);
  return NULL;
}

static void *provider_main(void *arg) {
  int lfd = (int)(intptr_t)arg;
  for (;;) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0) {
      if (errno == EINTR) continue;
      return NULL;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    pthread_t t;
    pthread_create(&t, NULL, provider_conn, (void *)(intptr_t)fd);
    pthread_detach(t);
  }
}

static int start_provider(void) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = 0};
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(lfd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(lfd, 128) < 0)
    fail("provider listen: %s", strerror(errno));
  socklen_t sl = sizeof sa;
  getsockname(lfd, (struct sockaddr *)&sa, &sl);
  pthread_t t;
  pthread_create(&t, NULL, provider_main, (void *)(intptr_t)lfd);
  pthread_detach(t);
  return ntohs(sa.sin_port);
}

static void scenario_g(const char *dir) {
  char path[4096];
  snprintf(path, sizeof path, "%s/verify-1000.json", dir);
  write_g_pact(path, 1000);
  int port = start_provider();
  char resp[1024];
  if (http_request(port, "GET", "/items/1", NULL, NULL, 0, resp, sizeof resp) != 200) fail("provider not up");
  __atomic_store_n(&provider_requests, 0, __ATOMIC_SEQ_CST);
  cpu_mark = cpu_us();
  double t0 = now_us();
  struct VerifierHandle *v = f_pactffi_verifier_new_for_application("bench", "1.0.0");
  if (!v) fail("not implemented: pactffi_verifier_new_for_application returned NULL: %s", last_error());
  f_pactffi_verifier_set_provider_info(v, "bench-provider", "http", "127.0.0.1", (unsigned short)port, "/");
  f_pactffi_verifier_add_file_source(v, path);
  int rc = f_pactffi_verifier_execute(v);
  double dt = now_us() - t0;
  f_pactffi_verifier_shutdown(v);
  if (rc != 0) fail("pactffi_verifier_execute returned %d: %s", rc, last_error());
  long served = __atomic_load_n(&provider_requests, __ATOMIC_SEQ_CST);
  if (served < 1000) fail("verification passed but the provider served only %ld of 1000 requests", served);
  report(1, dt, "us per verification of 1000 interactions", 1000, NULL);
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: %s <library.so> <a|b|c|d|e|f|g> <result-file> [work-dir] [budget-seconds]\n",
            argv[0]);
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);
  snprintf(scenario_name, sizeof scenario_name, "%s", argv[2]);
  result_path = argv[3];
  const char *dir = argc > 4 ? argv[4] : ".";
  double budget_us = (argc > 5 ? atof(argv[5]) : 2.0) * 1e6;
  void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "dlopen %s: %s\n", argv[1], dlerror());
    return 2;
  }
#define RESOLVE(name)                                                                                            \
  f_##name = (__typeof__(&name))dlsym(lib, #name);                                                               \
  if (!f_##name) fail("%s not found in %s", #name, argv[1]);
  PACT_FUNCS(RESOLVE)
  switch (argv[2][0]) {
  case 'a': scenario_a(budget_us); break;
  case 'b': scenario_serve(1); break;
  case 'c': scenario_serve(100); break;
  case 'd': scenario_d(budget_us); break;
  case 'e': scenario_e(); break;
  case 'f': scenario_f(dir); break;
  case 'g': scenario_g(dir); break;
  default: fprintf(stderr, "unknown scenario %s\n", argv[2]); return 2;
  }
  return 0;
}
