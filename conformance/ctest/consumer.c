/* consumer.c - the consumer flow end to end through the C ABI: build a pact with JSON matchers, serve it on
 * a mock server (port 0), send real HTTP requests over a socket, check matched and mismatches, write the pact
 * file and read it back. */
#include "common.h"

int main(void) {
  char err[1024], body[8192], dir[256], path[512];
  const char *mismatches;
  char *file;
  int port, status;
  PactHandle pact;
  InteractionHandle i;
  StringResult mp;

  CHECK(pactffi_log_to_buffer(LevelFilter_Debug) == 0, "log_to_buffer: %s", last_error(err, sizeof err));
  CHECK(strcmp(pactffi_version(), "0.5.8") == 0, "version %s", pactffi_version());
  CHECK(strlen(libpact_version()) > 0, "libpact_version empty");

  pact = pactffi_new_pact("ctest-consumer", "ctest-provider");
  CHECK(pact != 0, "new_pact: %s", last_error(err, sizeof err));
  CHECK(pactffi_handle_get_pact_spec_version(pact) == PactSpecification_V3, "default spec version");
  CHECK(pactffi_with_specification(pact, PactSpecification_V3), "with_specification: %s", last_error(err, sizeof err));
  CHECK(pactffi_with_pact_metadata(pact, "ctest", "run", "1"), "with_pact_metadata: %s", last_error(err, sizeof err));

  i = pactffi_new_interaction(pact, "a request for user 1");
  CHECK(i != 0 && (i >> 16) == pact && (i & 0xFFFF) == 1, "interaction handle %u for pact %u", i, pact);
  CHECK(pactffi_given_with_param(i, "user exists", "id", "1"), "given_with_param: %s", last_error(err, sizeof err));
  CHECK(pactffi_upon_receiving(i, "a request for user 1"), "upon_receiving: %s", last_error(err, sizeof err));
  CHECK(pactffi_with_request(i, "GET", "{\"value\": \"/users/1\", \"pact:matcher:type\": \"regex\", \"regex\": \"^/users/\\\\d+$\"}"),
        "with_request: %s", last_error(err, sizeof err));
  CHECK(pactffi_with_query_parameter_v2(i, "fields", 0, "name"), "query: %s", last_error(err, sizeof err));
  CHECK(pactffi_with_header_v2(i, InteractionPart_Request, "Accept", 0, "application/json"), "header: %s", last_error(err, sizeof err));
  CHECK(pactffi_response_status(i, 200), "response_status: %s", last_error(err, sizeof err));
  CHECK(pactffi_with_body(i, InteractionPart_Response, "application/json",
                          "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 1},"
                          " \"name\": {\"pact:matcher:type\": \"type\", \"value\": \"Fred\"},"
                          " \"tags\": {\"pact:matcher:type\": \"type\", \"min\": 1, \"value\": [\"a\"]}}"),
        "with_body: %s", last_error(err, sizeof err));

  /* A second interaction: a multipart upload. */
  {
    InteractionHandle up = pactffi_new_interaction(pact, "an upload");
    char upload[300];
    FILE *f;
    snprintf(upload, sizeof upload, "%s/ctest-upload.txt", tmp_dir());
    f = fopen(upload, "w");
    fputs("hello", f);
    fclose(f);
    CHECK(pactffi_with_request(up, "POST", "/upload"), "with_request upload");
    mp = pactffi_with_multipart_file_v2(up, InteractionPart_Request, "text/plain", upload, "file", "ctestboundary");
    CHECK(mp.tag == StringResult_Ok, "multipart: %s", mp.failed ? mp.failed : "");
    if (mp.tag == StringResult_Failed) pactffi_string_delete(mp.failed);
    CHECK(pactffi_response_status(up, 201), "status upload");
  }

  port = pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", NULL);
  CHECK(port > 0, "create_mock_server_for_transport returned %d: %s", port, last_error(err, sizeof err));
  if (port <= 0) return ctest_report("consumer");

  /* The pact is now read-only. */
  CHECK(!pactffi_with_request(i, "POST", "/other"), "with_request after the mock server started");
  last_error(err, sizeof err);
  CHECK(strstr(err, "mock server") != NULL, "locked error message: %s", err);

  status = http_request(port, "GET", "/users/42?fields=name", "Accept: application/json\r\n", NULL, body, sizeof body);
  CHECK(status == 200, "GET /users/42 status %d body %s", status, body);
  CHECK(strstr(body, "\"id\":1") != NULL && strstr(body, "\"Fred\"") != NULL, "response body %s", body);
  CHECK(!pactffi_mock_server_matched(port), "matched before the upload was sent");

  status = http_request(port, "POST", "/upload", "Content-Type: multipart/form-data; boundary=XyZ\r\n",
                        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.txt\"\r\n"
                        "Content-Type: text/plain\r\n\r\nother text\r\n--XyZ--\r\n", body, sizeof body);
  CHECK(status == 201, "POST /upload status %d body %s", status, body);
  CHECK(pactffi_mock_server_matched(port), "mock server not matched: %s", pactffi_mock_server_mismatches(port));
  mismatches = pactffi_mock_server_mismatches(port);
  CHECK(mismatches != NULL && strcmp(mismatches, "[]") == 0, "mismatches when matched: %s", mismatches);

  /* A wrong request. */
  status = http_request(port, "DELETE", "/nope", NULL, NULL, body, sizeof body);
  CHECK(status == 500, "unexpected request status %d", status);
  CHECK(!pactffi_mock_server_matched(port), "matched after an unexpected request");
  mismatches = pactffi_mock_server_mismatches(port);
  CHECK(mismatches != NULL && mismatches[0] == '[' && strstr(mismatches, "/nope") != NULL, "mismatches: %s", mismatches);
  CHECK(pactffi_mock_server_logs(port) != NULL, "mock_server_logs NULL");

  snprintf(dir, sizeof dir, "%s/ctest-consumer-%d", tmp_dir(), (int)getpid());
  mkdir(dir, 0755);
  CHECK(pactffi_write_pact_file(port, dir, true) == 0, "write_pact_file: %s", last_error(err, sizeof err));
  snprintf(path, sizeof path, "%s/ctest-consumer-ctest-provider.json", dir);
  file = read_file(path);
  CHECK(file != NULL, "pact file %s missing", path);
  if (file) {
    CHECK(strstr(file, "\"a request for user 1\"") != NULL, "description missing");
    CHECK(strstr(file, "\"user exists\"") != NULL, "provider state missing");
    CHECK(strstr(file, "\"3.0.0\"") != NULL, "spec version missing");
    CHECK(strstr(file, "\"integer\"") != NULL && strstr(file, "\"regex\"") != NULL, "matching rules missing: %s", file);
    CHECK(strstr(file, "\"$.id\"") != NULL, "body rule path missing");
    CHECK(strstr(file, "\"ctest\"") != NULL, "pact metadata missing");
    CHECK(strstr(file, "multipart/form-data") != NULL, "multipart content type missing");
    free(file);
  }

  CHECK(pactffi_cleanup_mock_server(port), "cleanup_mock_server");
  CHECK(!pactffi_cleanup_mock_server(port), "second cleanup_mock_server succeeded");

  /* A V4 pact written without a mock server. */
  {
    PactHandle p4 = pactffi_new_pact("ctest-v4-consumer", "ctest-provider");
    InteractionHandle i4 = pactffi_new_interaction(p4, "a v4 request");
    CHECK(pactffi_with_specification(p4, PactSpecification_V4), "V4");
    CHECK(pactffi_with_request(i4, "GET", "/v4"), "with_request v4");
    CHECK(pactffi_add_text_comment(i4, "a comment"), "comment");
    CHECK(pactffi_set_pending(i4, true), "pending");
    CHECK(pactffi_interaction_test_name(i4, "consumer.c") == 0, "test name");
    CHECK(pactffi_pact_handle_write_file(p4, dir, true) == 0, "pact_handle_write_file: %s", last_error(err, sizeof err));
    snprintf(path, sizeof path, "%s/ctest-v4-consumer-ctest-provider.json", dir);
    file = read_file(path);
    CHECK(file && strstr(file, "\"4.0\"") && strstr(file, "\"pending\"") && strstr(file, "a comment"), "V4 file: %s", file ? file : "(none)");
    free(file);
    CHECK(pactffi_free_pact_handle(p4) == 0, "free v4");
  }

  {
    char *ca = pactffi_get_tls_ca_certificate();
    CHECK(ca && strstr(ca, "BEGIN CERTIFICATE"), "CA certificate");
    pactffi_string_delete(ca);
  }
  {
    const char *logs = pactffi_fetch_log_buffer(NULL);
    CHECK(logs != NULL, "fetch_log_buffer NULL");
    pactffi_string_delete((char *)logs);
  }
  CHECK(pactffi_free_pact_handle(pact) == 0, "free_pact_handle");
  return ctest_report("consumer");
}
