/* oldglibc.c - loads libpact with dlopen and runs one consumer test through it: a pact with a regex matcher,
 * a mock server, a real HTTP request, matched, the pact file written and read back; then an https mock server,
 * and the verifier checking that pact file against a mock server reached as "localhost". Built by zig cc for the glibc floor, so it runs under an old
 * glibc's own loader:
 *   <old>/ld-linux-x86-64.so.2 --library-path <old libs> ./oldglibc build/libpact.so <tmpdir>
 * Exit 0 if every check passed, 1 if one failed, 2 if the library does not load (dlerror is printed). */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pact.h"

static int passed, failed;

#define CHECK(cond, ...)                                              \
  do {                                                                \
    if (cond) {                                                       \
      passed++;                                                       \
    } else {                                                          \
      failed++;                                                       \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                   \
      fprintf(stderr, "\n");                                          \
    }                                                                 \
  } while (0)

/* The functions used, looked up with dlsym: the program has no link-time reference to libpact. */
#define PACT_FUNCS(X)                                                                                    \
  X(pactffi_version) X(pactffi_get_error_message) X(pactffi_new_pact) X(pactffi_with_specification)    \
  X(pactffi_new_interaction) X(pactffi_upon_receiving) X(pactffi_with_request)        \
  X(pactffi_with_header_v2) X(pactffi_response_status) X(pactffi_with_body)                            \
  X(pactffi_create_mock_server_for_transport) X(pactffi_mock_server_matched)                           \
  X(pactffi_mock_server_mismatches) X(pactffi_write_pact_file) X(pactffi_cleanup_mock_server)          \
  X(pactffi_get_tls_ca_certificate) X(pactffi_string_delete) X(pactffi_free_pact_handle)               \
  X(pactffi_verifier_new_for_application) X(pactffi_verifier_set_provider_info)                         \
  X(pactffi_verifier_add_file_source) X(pactffi_verifier_execute) X(pactffi_verifier_shutdown)

#define DECLARE(name) static __typeof__(&name) p_##name;
PACT_FUNCS(DECLARE)

static const char *last_error(void) {
  static char buf[1024];
  if (p_pactffi_get_error_message(buf, sizeof buf) < 0) snprintf(buf, sizeof buf, "<no message>");
  return buf;
}

/* http_get sends GET path to 127.0.0.1:port and returns the status (-1 on a socket error); body gets the body. */
static int http_get(int port, const char *path, const char *headers, char *body, size_t body_len) {
  char req[1024], resp[16384], *p;
  size_t got = 0;
  ssize_t n;
  int status = -1;
  struct sockaddr_in addr;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nConnection: close\r\n%s\r\n", path, port,
           headers);
  if (write(fd, req, strlen(req)) != (ssize_t)strlen(req)) {
    close(fd);
    return -1;
  }
  while (got < sizeof resp - 1 && (n = read(fd, resp + got, sizeof resp - 1 - got)) > 0) got += (size_t)n;
  resp[got] = 0;
  close(fd);
  if (sscanf(resp, "HTTP/1.%*d %d", &status) != 1) return -1;
  p = strstr(resp, "\r\n\r\n");
  snprintf(body, body_len, "%s", p ? p + 4 : "");
  return status;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)n + 1);
  if (fread(buf, 1, (size_t)n, f) != (size_t)n) n = 0;
  buf[n] = 0;
  fclose(f);
  return buf;
}

int main(int argc, char **argv) {
  char body[4096], path[512];
  char *file, *cert;
  const char *mismatches;
  PactHandle pact;
  InteractionHandle i;
  int port, status;
  void *lib;

  if (argc != 3) {
    fprintf(stderr, "usage: %s <libpact.so> <tmpdir>\n", argv[0]);
    return 2;
  }
  printf("oldglibc: running on glibc %s\n", gnu_get_libc_version());
  lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    fprintf(stderr, "oldglibc: dlopen %s: %s\n", argv[1], dlerror());
    return 2;
  }
#define LOOKUP(name)                                                    \
  p_##name = (__typeof__(&name))dlsym(lib, #name);                      \
  if (!p_##name) {                                                      \
    fprintf(stderr, "oldglibc: dlsym %s: %s\n", #name, dlerror());      \
    return 2;                                                           \
  }
  PACT_FUNCS(LOOKUP)

  CHECK(strcmp(p_pactffi_version(), "0.5.8") == 0, "pactffi_version %s", p_pactffi_version());
  pact = p_pactffi_new_pact("oldglibc-consumer", "oldglibc-provider");
  CHECK(pact != 0, "new_pact: %s", last_error());
  CHECK(p_pactffi_with_specification(pact, PactSpecification_V3), "with_specification: %s", last_error());
  i = p_pactffi_new_interaction(pact, "a request for user 7");
  CHECK(p_pactffi_upon_receiving(i, "a request for user 7"), "upon_receiving: %s", last_error());
  CHECK(p_pactffi_with_request(i, "GET", "{\"value\": \"/users/7\", \"pact:matcher:type\": \"regex\", \"regex\": \"^/users/\\\\d+$\"}"),
        "with_request: %s", last_error());
  CHECK(p_pactffi_with_header_v2(i, InteractionPart_Request, "Accept", 0, "application/json"), "header: %s", last_error());
  CHECK(p_pactffi_response_status(i, 200), "response_status: %s", last_error());
  CHECK(p_pactffi_with_body(i, InteractionPart_Response, "application/json",
                            "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 7}, \"name\": \"Ann\"}"),
        "with_body: %s", last_error());

  port = p_pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", NULL);
  CHECK(port > 0, "create_mock_server_for_transport: %d: %s", port, last_error());
  if (port <= 0) goto done;
  CHECK(!p_pactffi_mock_server_matched(port), "matched before any request");
  status = http_get(port, "/users/42", "Accept: application/json\r\n", body, sizeof body);
  CHECK(status == 200, "GET /users/42: status %d body %s", status, body);
  CHECK(strstr(body, "\"id\":7") != NULL && strstr(body, "\"Ann\"") != NULL, "response body %s", body);
  CHECK(p_pactffi_mock_server_matched(port), "not matched: %s", p_pactffi_mock_server_mismatches(port));
  mismatches = p_pactffi_mock_server_mismatches(port);
  CHECK(mismatches && strcmp(mismatches, "[]") == 0, "mismatches %s", mismatches ? mismatches : "NULL");

  CHECK(p_pactffi_write_pact_file(port, argv[2], true) == 0, "write_pact_file: %s", last_error());
  snprintf(path, sizeof path, "%s/oldglibc-consumer-oldglibc-provider.json", argv[2]);
  file = slurp(path);
  CHECK(file != NULL, "pact file %s not written", path);
  if (file) {
    CHECK(strstr(file, "\"a request for user 7\"") && strstr(file, "\"regex\"") && strstr(file, "\"3.0.0\""),
          "pact file %s", file);
    free(file);
  }
  CHECK(p_pactffi_cleanup_mock_server(port), "cleanup_mock_server");

  /* TLS: certificate generation and crypto. */
  port = p_pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "https", NULL);
  CHECK(port > 0, "https mock server: %d: %s", port, last_error());
  cert = p_pactffi_get_tls_ca_certificate();
  CHECK(cert && strstr(cert, "BEGIN CERTIFICATE"), "tls certificate %s", cert ? cert : "NULL");
  if (cert) p_pactffi_string_delete(cert);
  if (port > 0) p_pactffi_cleanup_mock_server(port);

  /* The verifier: the pact file just written, verified against a mock server of the same pact as the provider,
   * reached as "localhost" (the host-name resolver: run with GODEBUG=netdns=cgo, Go asks this glibc's
   * getaddrinfo). */
  port = p_pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", NULL);
  CHECK(port > 0, "provider mock server: %d: %s", port, last_error());
  if (port > 0) {
    struct VerifierHandle *v = p_pactffi_verifier_new_for_application("oldglibc", "1");
    int rc;
    CHECK(v != NULL, "verifier_new_for_application: %s", last_error());
    p_pactffi_verifier_set_provider_info(v, "oldglibc-provider", "http", "localhost", (unsigned short)port, "/");
    p_pactffi_verifier_add_file_source(v, path);
    rc = p_pactffi_verifier_execute(v);
    CHECK(rc == 0, "verifier_execute against localhost:%d returned %d: %s", port, rc, last_error());
    p_pactffi_verifier_shutdown(v);
    CHECK(p_pactffi_mock_server_matched(port), "verifier request did not match: %s", p_pactffi_mock_server_mismatches(port));
    p_pactffi_cleanup_mock_server(port);
  }
  CHECK(p_pactffi_free_pact_handle(pact) == 0, "free_pact_handle");

done:
  printf("oldglibc: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
