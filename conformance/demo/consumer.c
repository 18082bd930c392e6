/*
 * A complete consumer contract test in C, through the pact_ffi ABI of libpact.
 *
 * The "web" consumer expects the "users" provider to answer GET /users/42 with a
 * JSON user whose id is an integer and whose name is any string. The test:
 *   1. describes that interaction,
 *   2. starts a mock server on an ephemeral port,
 *   3. calls it as the real consumer code would (here: a plain HTTP GET),
 *   4. checks that every expected request arrived and matched,
 *   5. writes the pact file that the provider will later be verified against.
 *
 * Build: cc -Iinclude consumer.c -Lbuild -lpact -Wl,-rpath,$PWD/build -o consumer
 * Usage: consumer [pact-directory]   (default: build/pacts)
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "pact.h"

/* http_get sends "GET path" to 127.0.0.1:port and copies the response into buf. */
static int http_get(int port, const char *path, char *buf, size_t len) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {0};
  addr.sin_family = AF_INET;
  addr.sin_port = htons((unsigned short)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) != 0) {
    perror("connect");
    return -1;
  }
  char req[512];
  int n = snprintf(req, sizeof req,
                   "GET %s HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                   "Connection: close\r\n\r\n", path);
  if (write(fd, req, (size_t)n) != n) {
    close(fd);
    return -1;
  }
  size_t got = 0;
  ssize_t r;
  while (got < len - 1 && (r = read(fd, buf + got, len - 1 - got)) > 0) got += (size_t)r;
  buf[got] = '\0';
  close(fd);
  return 0;
}

/* fail prints the library's explanation of the last failed call and exits. */
static void fail(const char *what) {
  char msg[1024];
  if (pactffi_get_error_message(msg, sizeof msg) <= 0) strcpy(msg, "(no message)");
  fprintf(stderr, "%s failed: %s\n", what, msg);
  exit(1);
}

int main(int argc, char **argv) {
  const char *pact_dir = argc > 1 ? argv[1] : "build/pacts";

  /* 1. The contract: one interaction, with matching rules in the body. */
  PactHandle pact = pactffi_new_pact("web", "users");
  pactffi_with_specification(pact, PactSpecification_V4);
  InteractionHandle get_user = pactffi_new_interaction(pact, "a request for user 42");
  if (!pactffi_given(get_user, "user 42 exists")) fail("pactffi_given");
  if (!pactffi_with_request(get_user, "GET", "/users/42")) fail("pactffi_with_request");
  pactffi_with_header_v2(get_user, InteractionPart_Request, "Accept", 0, "application/json");
  pactffi_response_status(get_user, 200);
  if (!pactffi_with_body(get_user, InteractionPart_Response, "application/json",
                         "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 42},"
                         " \"name\": {\"pact:matcher:type\": \"type\", \"value\": \"Ada\"}}"))
    fail("pactffi_with_body");

  /* 2. A mock server on an ephemeral port (0) of the loopback interface. */
  int32_t port = pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", NULL);
  if (port <= 0) fail("pactffi_create_mock_server_for_transport");
  printf("mock server listening on http://127.0.0.1:%d\n", port);

  /* 3. The consumer code under test talks to the mock server. */
  char response[4096];
  if (http_get(port, "/users/42", response, sizeof response) != 0) return 1;
  char *body = strstr(response, "\r\n\r\n");
  printf("provider (mock) answered: %.*s | body %s\n", (int)strcspn(response, "\r"), response,
         body ? body + 4 : "");

  /* 4. Did every expected request arrive, and match? */
  int ok = pactffi_mock_server_matched(port);
  if (!ok) {
    /* The mismatches string belongs to the mock server: do not free it. */
    printf("mismatches: %s\n", pactffi_mock_server_mismatches(port));
  }

  /* 5. Only a passing test writes the contract. */
  int rc = ok ? pactffi_write_pact_file(port, pact_dir, false) : -1;
  if (ok && rc != 0) fail("pactffi_write_pact_file");
  pactffi_cleanup_mock_server(port);
  pactffi_free_pact_handle(pact);

  if (!ok) {
    fprintf(stderr, "consumer test FAILED\n");
    return 1;
  }
  printf("consumer test passed; pact written to %s/web-users.json\n", pact_dir);
  return 0;
}
