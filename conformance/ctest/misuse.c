/* misuse.c - every consumer and mock-server function, called wrongly: NULL pointers, 0 / stale / foreign
 * handles, invalid UTF-8, malformed JSON, out-of-range enums. Each call must return its documented failure value
 * and leave a last-error message naming the function, and never crash. */
#include "common.h"

static const char *BAD_UTF8 = "caf\xc3\x28 \xff";

/* expect_error checks that the thread's last error is non-empty and mentions fn. */
#define EXPECT_ERROR(fn)                                                                 \
  do {                                                                                   \
    char e_[2048];                                                                       \
    int n_ = pactffi_get_error_message(e_, sizeof e_);                                   \
    CHECK(n_ > 1 && strstr(e_, fn) != NULL, "%s: last error %d '%s'", fn, n_, n_ > 0 ? e_ : ""); \
  } while (0)

/* names_are reports whether the pact behind h is between consumer c and provider p. */
static int names_are(PactHandle h, const char *c, const char *p) {
  struct Pact *pact = pactffi_pact_handle_to_pointer(h);
  const struct Consumer *con;
  const struct Provider *pro;
  const char *cn, *pn;
  int ok;
  if (!pact) return 0;
  con = pactffi_pact_get_consumer(pact);
  pro = pactffi_pact_get_provider(pact);
  cn = con ? pactffi_consumer_get_name(con) : NULL;
  pn = pro ? pactffi_provider_get_name(pro) : NULL;
  ok = cn && pn && strcmp(cn, c) == 0 && strcmp(pn, p) == 0;
  if (!ok) fprintf(stderr, "  names are '%s' and '%s'\n", cn ? cn : "(NULL)", pn ? pn : "(NULL)");
  pactffi_string_delete((char *)cn);
  pactffi_string_delete((char *)pn);
  pactffi_pact_consumer_delete(con);
  pactffi_pact_provider_delete(pro);
  pactffi_pact_model_delete(pact);
  return ok;
}

int main(void) {
  char buf[8];
  PactHandle pact, stale, locked;
  InteractionHandle i, li;
  int port;
  StringResult r;

  /* get_error_message itself */
  CHECK(pactffi_get_error_message(NULL, 10) == -1, "NULL buffer");
  CHECK(pactffi_new_pact(BAD_UTF8, "p") == 0, "new_pact(bad utf8)");
  CHECK(pactffi_get_error_message(buf, sizeof buf) == -2, "small buffer");
  EXPECT_ERROR("pactffi_new_pact");
  {
    char big[512];
    int n;
    size_t k, dirty = 0;
    memset(big, 'x', sizeof big);
    n = pactffi_get_error_message(big, sizeof big);
    for (k = strlen(big); k < sizeof big; k++) dirty += big[k] != 0;
    CHECK(n == (int)strlen(big) + 1 && dirty == 0, "get_error_message wrote %d for a %zu-byte message, %zu dirty bytes", n, strlen(big), dirty);
    CHECK(pactffi_get_error_message(big, n) == n && pactffi_get_error_message(big, n - 1) == -2, "exact-size buffer");
  }

  /* pacts: a NULL name is pact_ffi's default, a name that is not UTF-8 is refused */
  stale = pactffi_new_pact("c", NULL);
  CHECK(names_are(stale, "c", "Provider"), "new_pact(c, NULL) is a pact with Provider");
  pactffi_free_pact_handle(stale);
  stale = pactffi_new_pact(NULL, NULL);
  CHECK(names_are(stale, "Consumer", "Provider"), "new_pact(NULL, NULL) is a pact between Consumer and Provider");
  pactffi_free_pact_handle(stale);
  stale = pactffi_new_message_pact(NULL, "p");
  CHECK(names_are(stale, "Consumer", "p"), "new_message_pact(NULL, p) is a pact with Consumer");
  pactffi_free_message_pact_handle(stale);
  CHECK(pactffi_new_pact(BAD_UTF8, "p") == 0, "new_pact(bad utf8)");
  EXPECT_ERROR("not valid UTF-8");
  CHECK(pactffi_new_pact("c", BAD_UTF8) == 0, "new_pact(c, bad utf8)");
  EXPECT_ERROR("provider_name is not valid UTF-8");
  CHECK(pactffi_new_message_pact(BAD_UTF8, "p") == 0, "new_message_pact(bad utf8)");
  EXPECT_ERROR("consumer_name is not valid UTF-8");
  stale = pactffi_new_pact("c", "p");
  CHECK(pactffi_free_pact_handle(stale) == 0, "free");
  CHECK(pactffi_free_pact_handle(stale) == 1, "double free");
  EXPECT_ERROR("pactffi_free_pact_handle");
  CHECK(pactffi_free_pact_handle(0) == 1, "free 0");
  EXPECT_ERROR("pactffi_free_pact_handle");

  pact = pactffi_new_pact("misuse-consumer", "misuse-provider");
  CHECK(!pactffi_with_specification(0, PactSpecification_V3), "with_specification(0)");
  EXPECT_ERROR("pactffi_with_specification");
  CHECK(!pactffi_with_specification(stale, PactSpecification_V3), "with_specification(stale)");
  EXPECT_ERROR("pactffi_with_specification");
  CHECK(!pactffi_with_specification(pact, (PactSpecification)42), "with_specification(42)");
  EXPECT_ERROR("pactffi_with_specification");
  CHECK(pactffi_handle_get_pact_spec_version(stale) == PactSpecification_Unknown, "spec version of stale");
  EXPECT_ERROR("pactffi_handle_get_pact_spec_version");
  CHECK(!pactffi_with_pact_metadata(pact, NULL, "n", "v"), "metadata NULL namespace");
  EXPECT_ERROR("pactffi_with_pact_metadata");
  CHECK(!pactffi_with_pact_metadata(pact, "pactRust", "n", "v"), "metadata pactRust");
  EXPECT_ERROR("pactffi_with_pact_metadata");
  CHECK(!pactffi_with_pact_metadata(pact, "ns", "n", BAD_UTF8), "metadata bad utf8");
  EXPECT_ERROR("pactffi_with_pact_metadata");
  CHECK(pactffi_pact_handle_write_file(stale, "/tmp", true) == 3, "write_file stale");
  EXPECT_ERROR("pactffi_pact_handle_write_file");
  CHECK(pactffi_pact_handle_write_file(pact, BAD_UTF8, true) == 1, "write_file bad dir utf8");
  EXPECT_ERROR("pactffi_pact_handle_write_file");
  CHECK(pactffi_pact_handle_to_pointer(stale) == NULL, "to_pointer stale");
  EXPECT_ERROR("pactffi_pact_handle_to_pointer");
  pactffi_set_test_run_id(NULL);
  EXPECT_ERROR("pactffi_set_test_run_id");

  /* interactions */
  CHECK(pactffi_new_interaction(0, "x") == 0, "new_interaction(0)");
  EXPECT_ERROR("pactffi_new_interaction");
  CHECK(pactffi_new_interaction(stale, "x") == 0, "new_interaction(stale)");
  EXPECT_ERROR("pactffi_new_interaction");
  CHECK(pactffi_new_interaction(pact, NULL) == 0, "new_interaction(NULL)");
  EXPECT_ERROR("pactffi_new_interaction");
  CHECK(pactffi_new_message_interaction(pact, BAD_UTF8) == 0, "new_message_interaction(bad)");
  EXPECT_ERROR("pactffi_new_message_interaction");
  CHECK(pactffi_new_sync_message_interaction(0, "x") == 0, "new_sync_message_interaction(0)");
  EXPECT_ERROR("pactffi_new_sync_message_interaction");
  i = pactffi_new_interaction(pact, "an interaction");
  CHECK(i != 0, "new_interaction");
  {
    InteractionHandle handles[] = {0, (InteractionHandle)stale << 16 | 1, (InteractionHandle)pact << 16 | 99,
                                   (InteractionHandle)pact << 16};
    size_t k;
    for (k = 0; k < sizeof handles / sizeof handles[0]; k++) {
      InteractionHandle h = handles[k];
      CHECK(!pactffi_upon_receiving(h, "d"), "upon_receiving(%u)", h);
      EXPECT_ERROR("pactffi_upon_receiving");
      CHECK(!pactffi_given(h, "s"), "given(%u)", h);
      EXPECT_ERROR("pactffi_given");
      CHECK(pactffi_given_with_params(h, "s", "{}") == 1, "given_with_params(%u)", h);
      EXPECT_ERROR("pactffi_given_with_params");
      CHECK(!pactffi_with_request(h, "GET", "/"), "with_request(%u)", h);
      EXPECT_ERROR("pactffi_with_request");
      CHECK(!pactffi_response_status(h, 200), "response_status(%u)", h);
      EXPECT_ERROR("pactffi_response_status");
      CHECK(!pactffi_with_binary_body(h, InteractionPart_Request, "a/b", (const uint8_t *)"x", 1), "binary_body(%u)", h);
      EXPECT_ERROR("pactffi_with_binary_body");
      CHECK(!pactffi_set_pending(h, true), "set_pending(%u)", h);
      EXPECT_ERROR("pactffi_set_pending");
      CHECK(pactffi_interaction_test_name(h, "t") == 2, "test_name(%u)", h);
      EXPECT_ERROR("pactffi_interaction_test_name");
    }
  }
  CHECK(!pactffi_upon_receiving(i, NULL), "upon_receiving NULL");
  EXPECT_ERROR("pactffi_upon_receiving");
  CHECK(!pactffi_upon_receiving(i, BAD_UTF8), "upon_receiving bad utf8");
  EXPECT_ERROR("pactffi_upon_receiving");
  CHECK(!pactffi_given(i, NULL), "given NULL");
  EXPECT_ERROR("pactffi_given");
  CHECK(!pactffi_given_with_param(i, "s", NULL, "v"), "given_with_param NULL name");
  EXPECT_ERROR("pactffi_given_with_param");
  CHECK(!pactffi_given_with_param(i, "s", "n", BAD_UTF8), "given_with_param bad utf8 value");
  EXPECT_ERROR("pactffi_given_with_param");
  CHECK(pactffi_given_with_params(i, "s", "{\"a\":") == 2, "given_with_params malformed");
  EXPECT_ERROR("pactffi_given_with_params");
  CHECK(pactffi_given_with_params(i, NULL, "{}") == 3, "given_with_params NULL");
  EXPECT_ERROR("pactffi_given_with_params");
  CHECK(!pactffi_with_request(i, NULL, "/"), "with_request NULL method");
  EXPECT_ERROR("pactffi_with_request");
  CHECK(!pactffi_with_request(i, "GET", "{\"pact:matcher:type\": \"regex\", \"value\": \"/a\"}"), "with_request regex without regex");
  EXPECT_ERROR("pactffi_with_request");
  CHECK(!pactffi_with_query_parameter_v2(i, NULL, 0, "v"), "query NULL name");
  EXPECT_ERROR("pactffi_with_query_parameter_v2");
  CHECK(!pactffi_with_query_parameter_v2(i, "q", 0, BAD_UTF8), "query bad utf8");
  EXPECT_ERROR("pactffi_with_query_parameter_v2");
  CHECK(!pactffi_with_query_parameter(i, BAD_UTF8, 0, "v"), "query v1 bad utf8");
  EXPECT_ERROR("pactffi_with_query_parameter");
  CHECK(!pactffi_with_header_v2(i, (InteractionPart)7, "h", 0, "v"), "header bad part");
  EXPECT_ERROR("pactffi_with_header_v2");
  CHECK(!pactffi_with_header_v2(i, InteractionPart_Request, NULL, 0, "v"), "header NULL name");
  EXPECT_ERROR("pactffi_with_header_v2");
  CHECK(pactffi_with_header(i, InteractionPart_Request, "h", 0, NULL), "header v1 NULL value is \"\"");
  CHECK(!pactffi_with_header(i, InteractionPart_Request, "h", 0, BAD_UTF8), "header v1 bad utf8 value");
  EXPECT_ERROR("pactffi_with_header");
  CHECK(!pactffi_set_header(i, InteractionPart_Response, "h", BAD_UTF8), "set_header bad utf8");
  EXPECT_ERROR("pactffi_set_header");
  CHECK(pactffi_response_status_v2(i, NULL), "status_v2 NULL is 200");
  CHECK(!pactffi_response_status_v2(i, BAD_UTF8), "status_v2 bad utf8");
  EXPECT_ERROR("pactffi_response_status_v2");
  CHECK(!pactffi_response_status_v2(i, "abc"), "status_v2 not a number");
  EXPECT_ERROR("pactffi_response_status_v2");
  CHECK(pactffi_with_body(i, InteractionPart_Response, "application/json", NULL), "with_body NULL is an empty body");
  CHECK(!pactffi_with_body(i, InteractionPart_Response, "application/json", BAD_UTF8), "with_body bad utf8");
  EXPECT_ERROR("pactffi_with_body");
  CHECK(!pactffi_with_body(i, InteractionPart_Response, "application/json", "{\"a\": {\"pact:matcher:type\": \"regex\"}}"), "with_body bad matcher");
  EXPECT_ERROR("pactffi_with_body");
  CHECK(!pactffi_with_body(i, (InteractionPart)-1, NULL, "x"), "with_body bad part");
  EXPECT_ERROR("pactffi_with_body");
  CHECK(!pactffi_with_binary_body(i, InteractionPart_Request, BAD_UTF8, (const uint8_t *)"x", 1), "binary_body bad ct");
  EXPECT_ERROR("pactffi_with_binary_body");
  CHECK(!pactffi_with_binary_file(i, InteractionPart_Request, NULL, (const uint8_t *)"x", 1), "binary_file NULL ct");
  EXPECT_ERROR("pactffi_with_binary_file");
  r = pactffi_with_multipart_file_v2(i, InteractionPart_Request, "text/plain", "/nonexistent/file.txt", "f", NULL);
  CHECK(r.tag == StringResult_Failed && r.failed && strstr(r.failed, "pactffi_with_multipart_file_v2"), "multipart missing file");
  EXPECT_ERROR("pactffi_with_multipart_file_v2");
  if (r.failed) pactffi_string_delete(r.failed);
  r = pactffi_with_multipart_file(0, InteractionPart_Request, "text/plain", NULL, "f");
  CHECK(r.tag == StringResult_Failed, "multipart handle 0");
  EXPECT_ERROR("pactffi_with_multipart_file");
  if (r.failed) pactffi_string_delete(r.failed);
  r = pactffi_with_multipart_file_v2(i, InteractionPart_Request, NULL, NULL, "f", NULL);
  CHECK(r.tag == StringResult_Failed, "multipart NULL content type");
  if (r.failed) pactffi_string_delete(r.failed);
  CHECK(!pactffi_with_matching_rules(i, InteractionPart_Request, "{\"body\": "), "rules malformed");
  EXPECT_ERROR("pactffi_with_matching_rules");
  CHECK(!pactffi_with_matching_rules(i, InteractionPart_Request, "[1, 2]"), "rules not an object");
  EXPECT_ERROR("pactffi_with_matching_rules");
  CHECK(!pactffi_with_matching_rules(i, InteractionPart_Request, "{\"body\": {\"$.a\": {\"matchers\": [{\"match\": \"regex\"}]}}}"), "rules regex without regex");
  EXPECT_ERROR("pactffi_with_matching_rules");
  CHECK(!pactffi_with_generators(i, InteractionPart_Request, "nope"), "generators malformed");
  EXPECT_ERROR("pactffi_with_generators");
  CHECK(!pactffi_with_generators(i, InteractionPart_Request, "{\"body\": {\"$.a\": {\"min\": 1}}}"), "generator without type");
  EXPECT_ERROR("pactffi_with_generators");
  CHECK(!pactffi_add_text_comment(i, NULL), "comment NULL");
  EXPECT_ERROR("pactffi_add_text_comment");
  CHECK(!pactffi_set_comment(i, NULL, "v"), "set_comment NULL key");
  EXPECT_ERROR("pactffi_set_comment");
  CHECK(!pactffi_set_key(i, BAD_UTF8), "set_key bad utf8");
  EXPECT_ERROR("pactffi_set_key");
  CHECK(pactffi_interaction_test_name(i, NULL) == 1, "test_name NULL");
  EXPECT_ERROR("pactffi_interaction_test_name");
  CHECK(!pactffi_add_interaction_reference(i, NULL, "n", "v"), "reference NULL group");
  EXPECT_ERROR("pactffi_add_interaction_reference");

  /* mock servers */
  CHECK(pactffi_create_mock_server_for_transport(stale, "127.0.0.1", 0, "http", NULL) == -1, "mock server stale pact");
  EXPECT_ERROR("pactffi_create_mock_server_for_transport");
  CHECK(pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "http", "{not json") == -2, "bad transport config");
  EXPECT_ERROR("pactffi_create_mock_server_for_transport");
  CHECK(pactffi_create_mock_server_for_transport(pact, "127.0.0.1", 0, "grpc", NULL) == -3, "grpc transport");
  EXPECT_ERROR("pactffi_create_mock_server_for_transport");
  CHECK(pactffi_create_mock_server_for_transport(pact, "not an/address", 0, "http", NULL) == -5, "bad address");
  EXPECT_ERROR("pactffi_create_mock_server_for_transport");
  CHECK(pactffi_create_mock_server_for_transport(pact, "127.0.0.1:8080", 0, "http", NULL) == -5, "address with a port");
  EXPECT_ERROR("pass the host");
  CHECK(pactffi_create_mock_server_for_transport(pact, BAD_UTF8, 0, "http", NULL) == -5, "bad address utf8");
  EXPECT_ERROR("pactffi_create_mock_server_for_transport");
  CHECK(pactffi_create_mock_server(NULL, "127.0.0.1:0", false) == -1, "create_mock_server NULL");
  EXPECT_ERROR("pactffi_create_mock_server");
  CHECK(pactffi_create_mock_server("{\"consumer\": ", "127.0.0.1:0", false) == -2, "create_mock_server bad JSON");
  EXPECT_ERROR("pactffi_create_mock_server");
  CHECK(pactffi_create_mock_server_for_pact(pact, "no-port", false) == -5, "create_mock_server_for_pact bad addr");
  EXPECT_ERROR("pactffi_create_mock_server_for_pact");
  CHECK(!pactffi_mock_server_matched(1), "matched on port 1");
  EXPECT_ERROR("pactffi_mock_server_matched");
  CHECK(pactffi_mock_server_mismatches(-4) == NULL, "mismatches on port -4");
  EXPECT_ERROR("pactffi_mock_server_mismatches");
  CHECK(pactffi_mock_server_logs(1) == NULL, "logs on port 1");
  EXPECT_ERROR("pactffi_mock_server_logs");
  CHECK(!pactffi_cleanup_mock_server(1), "cleanup on port 1");
  EXPECT_ERROR("pactffi_cleanup_mock_server");
  CHECK(pactffi_write_pact_file(1, "/tmp", true) == 3, "write_pact_file on port 1");
  EXPECT_ERROR("pactffi_write_pact_file");

  /* A pact with a running mock server is read-only; a second server on the same fixed port fails. */
  locked = pactffi_new_pact("misuse-locked", "p");
  li = pactffi_new_interaction(locked, "i");
  port = pactffi_create_mock_server_for_transport(locked, "127.0.0.1", 0, NULL, "");
  CHECK(port > 0, "mock server for locked pact: %d", port);
  CHECK(!pactffi_with_request(li, "GET", "/"), "with_request on a locked pact");
  EXPECT_ERROR("pactffi_with_request");
  CHECK(!pactffi_with_specification(locked, PactSpecification_V4), "with_specification on a locked pact");
  EXPECT_ERROR("pactffi_with_specification");
  CHECK(pactffi_new_interaction(locked, "another") == 0, "new_interaction on a locked pact");
  EXPECT_ERROR("pactffi_new_interaction");
  CHECK(pactffi_interaction_test_name(li, "t") == 3, "test_name on a locked pact");
  CHECK(pactffi_create_mock_server_for_transport(pact, "127.0.0.1", (uint16_t)port, "http", NULL) == -3, "port in use");
  EXPECT_ERROR("pactffi_create_mock_server_for_transport");
  CHECK(pactffi_cleanup_mock_server(port), "cleanup");

  /* logging */
  CHECK(pactffi_log_to_file(NULL, LevelFilter_Info) == -5, "log_to_file NULL");
  EXPECT_ERROR("pactffi_log_to_file");
  CHECK(pactffi_log_to_file("/nonexistent-dir/x.log", LevelFilter_Info) == -6, "log_to_file unopenable");
  EXPECT_ERROR("pactffi_log_to_file");
  CHECK(pactffi_logger_attach_sink("stdout", LevelFilter_Info) == -2, "attach without init");
  EXPECT_ERROR("pactffi_logger_attach_sink");
  pactffi_logger_init();
  CHECK(pactffi_logger_attach_sink("pigeon", LevelFilter_Info) == -4, "unknown sink");
  CHECK(pactffi_logger_attach_sink("file", LevelFilter_Info) == -5, "file without path");
  CHECK(pactffi_logger_attach_sink("stderr", (LevelFilter)9) == -7, "bad level");
  CHECK(pactffi_logger_attach_sink("buffer", LevelFilter_Debug) == 0, "buffer sink");
  CHECK(pactffi_logger_apply() == 0, "apply");
  CHECK(pactffi_log_to_stderr(LevelFilter_Off) == 0 && pactffi_log_to_stderr(LevelFilter_Off) == 0, "reconfigure twice");

  /* plugins */
  CHECK(pactffi_using_plugin(pact, "protobuf", "0.1.0") == 2, "using_plugin");
  EXPECT_ERROR("plugins");
  CHECK(pactffi_interaction_contents(i, InteractionPart_Request, "application/grpc", "{}") != 0, "interaction_contents");
  EXPECT_ERROR("plugins");

  pactffi_string_delete(NULL);
  pactffi_free_string(NULL);
  CHECK(pactffi_free_pact_handle(pact) == 0, "free pact");
  CHECK(pactffi_free_pact_handle(locked) == 0, "free locked");
  return ctest_report("misuse");
}
