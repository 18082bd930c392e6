/* test_verifier.c - the provider verifier through the C ABI (pactffi_verifier_*, pactffi_verify,
 * pactffi_verifier_cli_args), end to end against a provider served by this test: a tiny HTTP server on a
 * thread of this process. pactffi_verifier_execute blocks the main thread while the provider answers on
 * another, so this also shows that the verifier never needs the calling thread to make progress. */
#include <fcntl.h>
#include <pthread.h>
#include <time.h>

#include "common.h"

/* Exported by libpact for tests (not in pact.h); weak so that the test also links against the Rust pact_ffi
 * (make LIB=/path/to/libpact_ffi.so), which lacks it, to compare behaviours. */
extern int libpact_test_live_handles(void) __attribute__((weak));
/* pact_ffi 0.5.x no longer has these two 0.4.x functions. */
#pragma weak pactffi_verify
#pragma weak pactffi_verifier_cli_args

static const char *ORDERS_PACT =
    "{\"consumer\": {\"name\": \"web\"}, \"provider\": {\"name\": \"orders\"},\n"
    " \"interactions\": [\n"
    "  {\"description\": \"a request for an order\",\n"
    "   \"providerStates\": [{\"name\": \"an order exists\", \"params\": {\"customer\": \"ann\"}}],\n"
    "   \"request\": {\"method\": \"GET\", \"path\": \"/orders/1\",\n"
    "     \"generators\": {\"path\": {\"type\": \"ProviderState\", \"expression\": \"/orders/${id}\"}}},\n"
    "   \"response\": {\"status\": 200, \"headers\": {\"Content-Type\": \"application/json\"},\n"
    "     \"body\": {\"id\": 1, \"customer\": \"ann\"},\n"
    "     \"matchingRules\": {\"body\": {\"$.id\": {\"matchers\": [{\"match\": \"integer\"}]}}}}},\n"
    "  {\"description\": \"a health check\", \"request\": {\"method\": \"GET\", \"path\": \"/health\"},\n"
    "   \"response\": {\"status\": 200, \"body\": \"ok\", \"headers\": {\"Content-Type\": \"text/plain\"}}}\n"
    " ],\n"
    " \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}\n";

static const char *MESSAGE_PACT =
    "{\"consumer\": {\"name\": \"worker\"}, \"provider\": {\"name\": \"orders\"},\n"
    " \"messages\": [{\"description\": \"an order created event\", \"contents\": {\"id\": 99},\n"
    "   \"metadata\": {\"contentType\": \"application/json\"}}],\n"
    " \"metadata\": {\"pactSpecification\": {\"version\": \"3.0.0\"}}}\n";

/* The provider: state changes, orders, health, messages. */
static int server_fd = -1;
static int server_port = 0;
static pthread_mutex_t server_mu = PTHREAD_MUTEX_INITIALIZER;
static int state_calls = 0;     /* guarded by server_mu */
static int teardown_calls = 0;  /* guarded by server_mu */
static int wrong_customer = 0;  /* guarded by server_mu */
static char last_path[256];     /* guarded by server_mu */
static char last_x_tenant[64];  /* guarded by server_mu */

static void respond(int fd, int status, const char *ctype, const char *body) {
  char buf[4096];
  int n = snprintf(buf, sizeof buf,
                   "HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %zu\r\nConnection: close\r\n\r\n%s", status,
                   ctype, strlen(body), body);
  if (write(fd, buf, (size_t)n) < 0) perror("write");
}

static void header_value(const char *req, const char *name, char *out, size_t len) {
  const char *p = strcasestr(req, name);
  size_t i = 0;
  out[0] = 0;
  if (!p) return;
  p += strlen(name);
  while (*p == ' ') p++;
  while (*p && *p != '\r' && i + 1 < len) out[i++] = *p++;
  out[i] = 0;
}

static void *serve(void *arg) {
  (void)arg;
  for (;;) {
    char req[16384];
    size_t got = 0;
    ssize_t n;
    char method[16], path[256], tenant[64];
    long clen = 0;
    char *hdr_end;
    int fd = accept(server_fd, NULL, NULL);
    if (fd < 0) return NULL;
    /* Read the head, then Content-Length bytes of body. */
    while (got < sizeof req - 1 && (n = read(fd, req + got, sizeof req - 1 - got)) > 0) {
      got += (size_t)n;
      req[got] = 0;
      hdr_end = strstr(req, "\r\n\r\n");
      if (hdr_end) {
        char cl[32];
        header_value(req, "Content-Length:", cl, sizeof cl);
        clen = atol(cl);
        if ((long)(got - (size_t)(hdr_end + 4 - req)) >= clen) break;
      }
    }
    req[got] = 0;
    if (sscanf(req, "%15s %255s", method, path) != 2) {
      close(fd);
      continue;
    }
    header_value(req, "X-Tenant:", tenant, sizeof tenant);
    pthread_mutex_lock(&server_mu);
    if (strncmp(path, "/state", 6) != 0) {
      snprintf(last_path, sizeof last_path, "%s", path);
      snprintf(last_x_tenant, sizeof last_x_tenant, "%s", tenant);
    }
    if (strcmp(path, "/state") == 0) {
      state_calls++;
      if (strstr(req, "\"action\":\"teardown\"")) teardown_calls++;
      pthread_mutex_unlock(&server_mu);
      respond(fd, 200, "application/json", strstr(req, "an order exists") ? "{\"id\": 42}" : "{}");
    } else if (strncmp(path, "/orders/", 8) == 0) {
      char body[128];
      snprintf(body, sizeof body, "{\"id\": %s, \"customer\": \"%s\"}", path + 8, wrong_customer ? "bob" : "ann");
      pthread_mutex_unlock(&server_mu);
      respond(fd, 200, "application/json", body);
    } else if (strcmp(path, "/health") == 0) {
      pthread_mutex_unlock(&server_mu);
      respond(fd, 200, "text/plain", "ok");
    } else if (strcmp(path, "/messages") == 0) {
      pthread_mutex_unlock(&server_mu);
      respond(fd, 200, "application/json", "{\"id\": 99}");
    } else {
      pthread_mutex_unlock(&server_mu);
      respond(fd, 404, "text/plain", "not found");
    }
    close(fd);
  }
}

static void start_server(void) {
  struct sockaddr_in addr;
  socklen_t alen = sizeof addr;
  pthread_t th;
  int one = 1;
  server_fd = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(server_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(server_fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(server_fd, 16) != 0) {
    perror("bind/listen");
    exit(2);
  }
  getsockname(server_fd, (struct sockaddr *)&addr, &alen);
  server_port = ntohs(addr.sin_port);
  pthread_create(&th, NULL, serve, NULL);
  pthread_detach(th);
}

static char *write_pact(const char *name, const char *json) {
  static char paths[4][512];
  static int next = 0;
  char *path = paths[next++ % 4];
  FILE *f;
  snprintf(path, 512, "%s/%s", tmp_dir(), name);
  f = fopen(path, "w");
  if (!f) {
    perror(path);
    exit(2);
  }
  fputs(json, f);
  fclose(f);
  return path;
}

/* dump prints a verifier output when CTEST_VERBOSE is set (to compare libraries). */
static void dump(const char *what, const char *out) {
  if (getenv("CTEST_VERBOSE")) printf("===== %s\n%s\n", what, out ? out : "(null)");
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* new_verifier returns a handle set up for the test provider. */
static VerifierHandle *new_verifier(const char *pact_path) {
  char url[128];
  VerifierHandle *h = pactffi_verifier_new_for_application("ctest", "1.0.0");
  CHECK(h != NULL, "new_for_application returned NULL");
  pactffi_verifier_set_provider_info(h, "orders", "http", "127.0.0.1", (unsigned short)server_port, NULL);
  snprintf(url, sizeof url, "http://127.0.0.1:%d/state", server_port);
  pactffi_verifier_set_provider_state(h, url, 1, 1);
  CHECK(pactffi_verifier_set_coloured_output(h, 0) == 0, "set_coloured_output");
  CHECK(pactffi_verifier_set_verification_options(h, 0, 2000) == 0, "set_verification_options");
  pactffi_verifier_add_file_source(h, pact_path);
  return h;
}

static void test_passing(const char *pact) {
  char err[512];
  VerifierHandle *h = new_verifier(pact);
  const char *out, *json, *logs;
  int rc;
  pactffi_verifier_add_custom_header(h, "X-Tenant", "t1");
  rc = pactffi_verifier_execute(h);
  out = pactffi_verifier_output(h, 1);
  dump("passing", out);
  CHECK(rc == 0, "execute returned %d: %s\n%s", rc, last_error(err, sizeof err), out ? out : "(null)");
  CHECK(out && strstr(out, "Verifying a pact between web and orders"), "output: %s", out);
  CHECK(out && strstr(out, "      has status code 200 (OK)"), "output: %s", out);
  CHECK(out && strstr(out, "     Given an order exists"), "output: %s", out);
  json = pactffi_verifier_json(h);
  dump("passing json", json);
  CHECK(json && strstr(json, "\"result\":true"), "json: %s", json);
  CHECK(json && strstr(json, "\"interactionResults\":[{"), "json: %s", json);
  logs = pactffi_verifier_logs(h);
  CHECK(logs && strstr(logs, "Running setup provider state change handler 'an order exists'"), "logs: %s", logs);
  pthread_mutex_lock(&server_mu);
  CHECK(state_calls == 4 && teardown_calls == 2, "state calls %d, teardowns %d", state_calls, teardown_calls);
  CHECK(strcmp(last_x_tenant, "t1") == 0, "custom header X-Tenant = '%s'", last_x_tenant);
  pthread_mutex_unlock(&server_mu);
  pactffi_string_delete((char *)out);
  pactffi_string_delete((char *)json);
  pactffi_string_delete((char *)logs);
  logs = pactffi_verifier_logs_for_provider("orders");
  CHECK(logs && strstr(logs, "Running provider verification for 'a health check'"), "logs_for_provider: %s", logs);
  pactffi_string_delete((char *)logs);
  pactffi_verifier_shutdown(h);
}

static void test_failing(const char *pact) {
  char err[512];
  VerifierHandle *h = new_verifier(pact);
  const char *out, *json;
  int rc;
  pthread_mutex_lock(&server_mu);
  wrong_customer = 1;
  pthread_mutex_unlock(&server_mu);
  rc = pactffi_verifier_execute(h);
  CHECK(rc == 1, "execute returned %d, want 1", rc);
  CHECK(strstr(last_error(err, sizeof err), "verification failed"), "last error: %s", err);
  out = pactffi_verifier_output(h, 0);
  dump("failing", out);
  CHECK(out && strstr(out, "1) Verifying a pact between web and orders Given an order exists - a request for an order"),
        "output: %s", out);
  CHECK(out && strstr(out, "$.customer -> Expected 'bob' (String) to be equal to 'ann' (String)"), "output: %s", out);
  json = pactffi_verifier_json(h);
  dump("failing json", json);
  CHECK(json && strstr(json, "\"result\":false") && strstr(json, "\"type\":\"BodyMismatch\""), "json: %s", json);
  pactffi_string_delete((char *)out);
  pactffi_string_delete((char *)json);
  pactffi_verifier_shutdown(h);
  pthread_mutex_lock(&server_mu);
  wrong_customer = 0;
  pthread_mutex_unlock(&server_mu);
}

static void test_filters_and_messages(const char *pact, const char *messages) {
  VerifierHandle *h = new_verifier(pact);
  const char *out;
  const char *consumers[] = {"web", "worker"};
  int rc;
  pactffi_verifier_set_filter_info(h, "health", NULL, 0);
  rc = pactffi_verifier_execute(h);
  out = pactffi_verifier_output(h, 1);
  CHECK(rc == 0 && out && strstr(out, "a health check") && !strstr(out, "a request for an order"),
        "description filter: rc %d\n%s", rc, out);
  pactffi_string_delete((char *)out);
  pactffi_verifier_shutdown(h);

  h = new_verifier(messages);
  pactffi_verifier_add_provider_transport(h, "message", (unsigned short)server_port, "/messages", NULL);
  pactffi_verifier_set_consumer_filters(h, consumers, 2);
  rc = pactffi_verifier_execute(h);
  out = pactffi_verifier_output(h, 1);
  dump("message", out);
  CHECK(rc == 0 && out && strstr(out, "    generates a message which"), "message: rc %d\n%s", rc, out);
  pthread_mutex_lock(&server_mu);
  CHECK(strcmp(last_path, "/messages") == 0, "message request went to %s", last_path);
  pthread_mutex_unlock(&server_mu);
  pactffi_string_delete((char *)out);
  pactffi_verifier_shutdown(h);
}

static void test_unreachable(const char *pact) {
  VerifierHandle *h = pactffi_verifier_new_for_application("ctest", "1.0.0");
  const char *out;
  double start;
  int rc, fd, port;
  struct sockaddr_in addr;
  socklen_t alen = sizeof addr;
  /* A port nobody listens on: bind one, read its number, close it. */
  fd = socket(AF_INET, SOCK_STREAM, 0);
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, (struct sockaddr *)&addr, sizeof addr);
  getsockname(fd, (struct sockaddr *)&addr, &alen);
  port = ntohs(addr.sin_port);
  close(fd);
  pactffi_verifier_set_provider_info(h, "orders", NULL, "127.0.0.1", (unsigned short)port, NULL);
  CHECK(pactffi_verifier_set_verification_options(h, 0, 1000) == 0, "set_verification_options");
  pactffi_verifier_set_coloured_output(h, 0);
  pactffi_verifier_add_file_source(h, pact);
  start = now_s();
  rc = pactffi_verifier_execute(h);
  CHECK(now_s() - start < 5.0, "unreachable provider took %.1f s", now_s() - start);
  CHECK(rc == 1, "execute returned %d, want 1", rc);
  out = pactffi_verifier_output(h, 1);
  CHECK(out && strstr(out, "Request Failed - error sending request for url (http://127.0.0.1:") &&
            strstr(out, "connection refused"),
        "output: %s", out);
  pactffi_string_delete((char *)out);
  pactffi_verifier_shutdown(h);
}

/* A provider that accepts connections but never answers: with a 1000 ms request timeout, execute returns
 * failure within about a second per interaction and says the request timed out. */
static void test_hanging(const char *pact) {
  VerifierHandle *h = pactffi_verifier_new_for_application("ctest", "1.0.0");
  const char *out;
  double start, took;
  int rc, fd, port, one = 1;
  struct sockaddr_in addr;
  socklen_t alen = sizeof addr;
  fd = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, (struct sockaddr *)&addr, sizeof addr);
  listen(fd, 16); /* never accepted: the kernel completes the handshake, nobody answers */
  getsockname(fd, (struct sockaddr *)&addr, &alen);
  port = ntohs(addr.sin_port);
  pactffi_verifier_set_provider_info(h, "orders", NULL, "127.0.0.1", (unsigned short)port, NULL);
  CHECK(pactffi_verifier_set_verification_options(h, 0, 1000) == 0, "set_verification_options");
  pactffi_verifier_set_coloured_output(h, 0);
  pactffi_verifier_set_filter_info(h, "health", NULL, 0);
  pactffi_verifier_add_file_source(h, pact);
  start = now_s();
  rc = pactffi_verifier_execute(h);
  took = now_s() - start;
  CHECK(rc == 1, "execute returned %d, want 1", rc);
  CHECK(took >= 0.9 && took < 3.0, "hanging provider: execute took %.2f s, want about 1 s", took);
  out = pactffi_verifier_output(h, 1);
  CHECK(out && strstr(out, "operation timed out (no answer within 1000 ms)"), "output: %s", out);
  pactffi_string_delete((char *)out);
  pactffi_verifier_shutdown(h);
  close(fd);
}

static void test_misuse(void) {
  char err[512];
  VerifierHandle *h;
  const char *bad_selectors[] = {"{\"mainBranch\": true"};
  const char *args;
  CHECK(pactffi_verifier_execute(NULL) == 2, "execute(NULL)");
  CHECK(strstr(last_error(err, sizeof err), "VerifierHandle pointer is NULL"), "last error: %s", err);
  CHECK(pactffi_verifier_set_coloured_output(NULL, 1) == 1, "set_coloured_output(NULL)");
  CHECK(pactffi_verifier_set_no_pacts_is_error(NULL, 1) == 1, "set_no_pacts_is_error(NULL)");
  CHECK(pactffi_verifier_output(NULL, 0) == NULL, "output(NULL)");
  CHECK(pactffi_verifier_json(NULL) == NULL, "json(NULL)");
  pactffi_verifier_shutdown(NULL);
  pactffi_verifier_add_file_source(NULL, "x");
  CHECK(strstr(last_error(err, sizeof err), "pactffi_verifier_add_file_source"), "last error: %s", err);

  h = pactffi_verifier_new();
  CHECK(h != NULL, "verifier_new");
  pactffi_verifier_add_file_source(h, NULL);
  CHECK(strstr(last_error(err, sizeof err), "file is NULL"), "last error: %s", err);
  CHECK(pactffi_verifier_broker_source_with_selectors(h, "http://127.0.0.1:1", NULL, NULL, NULL, 0, NULL, NULL, 0,
                                                      NULL, bad_selectors, 1, NULL, 0) == -1,
        "invalid selector JSON");
  CHECK(strstr(last_error(err, sizeof err), "is not a JSON object"), "last error: %s", err);
  CHECK(pactffi_verifier_set_publish_options(h, NULL, NULL, NULL, 0, NULL) == 1, "publish options without version");
  /* No sources at all: nothing to verify passes, as in pact_ffi (only a
     broker with no pacts is an error, by default). */
  CHECK(pactffi_verifier_execute(h) == 0, "no pacts");
  CHECK(pactffi_verifier_set_no_pacts_is_error(h, 0) == 0, "set_no_pacts_is_error");
  CHECK(pactffi_verifier_execute(h) == 0, "no pacts, not an error");
  pactffi_verifier_shutdown(h);
  /* A freed handle is reported, not dereferenced. */
  CHECK(pactffi_verifier_execute(h) == 2, "execute on a freed handle");
  CHECK(strstr(last_error(err, sizeof err), "not a live VerifierHandle"), "last error: %s", err);

  if (!pactffi_verifier_cli_args) return;
  args = pactffi_verifier_cli_args();
  CHECK(args && strstr(args, "\"long\":\"file\"") && strstr(args, "\"flags\":["), "cli_args: %s", args);
  pactffi_string_delete((char *)args);
}

static void test_verify_cli(const char *pact) {
  char args[2048];
  int rc, rc_null, rc_bogus, saved, saved_err, devnull;
  if (!pactffi_verify) return;
  snprintf(args, sizeof args,
           "--file\n%s\n--hostname\n127.0.0.1\n--port\n%d\n--provider-name\norders\n--state-change-url\n"
           "http://127.0.0.1:%d/state\n--no-colour",
           pact, server_port, server_port);
  /* pactffi_verify prints the output (and argument errors on stderr), as the CLI does: send them to
   * /dev/null here. */
  fflush(stdout);
  saved = dup(1);
  saved_err = dup(2);
  devnull = open("/dev/null", O_WRONLY);
  dup2(devnull, 1);
  dup2(devnull, 2);
  rc = pactffi_verify(args);
  rc_null = pactffi_verify(NULL);
  rc_bogus = pactffi_verify("--bogus");
  dup2(saved, 1);
  dup2(saved_err, 2);
  close(devnull);
  close(saved);
  close(saved_err);
  CHECK(rc == 0, "pactffi_verify returned %d", rc);
  CHECK(rc_null == 2, "pactffi_verify(NULL) returned %d", rc_null);
  CHECK(rc_bogus == 4, "pactffi_verify(--bogus) returned %d", rc_bogus);
}

int main(void) {
  const char *pact, *messages;
  setvbuf(stdout, NULL, _IONBF, 0);
  start_server();
  pact = write_pact("verifier-orders.json", ORDERS_PACT);
  messages = write_pact("verifier-messages.json", MESSAGE_PACT);
  test_passing(pact);
  test_failing(pact);
  test_filters_and_messages(pact, messages);
  test_unreachable(pact);
  test_hanging(pact);
  test_misuse();
  test_verify_cli(pact);
  if (libpact_test_live_handles) CHECK(libpact_test_live_handles() == 0, "live handles remain");
  return ctest_report("test_verifier");
}
