/* parity.c DIR - builds pacts with every consumer builder function and writes them to DIR with
 * pactffi_pact_handle_write_file. parity.sh runs it against libpact and against a reference pact_ffi and
 * compares the files. Uses only pact_ffi 0.5.8 functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pact.h"

static int failures = 0;
#define OK(call)                                                    \
  do {                                                              \
    if (!(call)) {                                                  \
      fprintf(stderr, "parity: %s:%d: %s failed\n", __FILE__, __LINE__, #call); \
      failures++;                                                   \
    }                                                               \
  } while (0)

static void http_pact(const char *dir, PactSpecification spec, const char *consumer) {
  PactHandle p = pactffi_new_pact(consumer, "parity-provider");
  InteractionHandle i;
  StringResult r;
  char file[512];
  FILE *f;
  OK(pactffi_with_specification(p, spec));
  OK(pactffi_with_pact_metadata(p, "parity", "spec", "x"));

  i = pactffi_new_interaction(p, "query, headers and status");
  OK(pactffi_given(i, "plain state"));
  OK(pactffi_given_with_param(i, "state with params", "id", "42"));
  OK(pactffi_given_with_param(i, "state with params", "name", "\"Fred\""));
  OK(pactffi_given_with_params(i, "json params", "{\"a\": [1, 2], \"b\": {\"c\": true}}") == 0);
  OK(pactffi_with_request(i, "POST", "{\"value\": \"/items/10\", \"pact:matcher:type\": \"regex\", \"regex\": \"/items/\\\\d+\"}"));
  OK(pactffi_with_query_parameter_v2(i, "single", 0, "1"));
  OK(pactffi_with_query_parameter_v2(i, "multi", 0, "a"));
  OK(pactffi_with_query_parameter_v2(i, "multi", 1, "b"));
  OK(pactffi_with_query_parameter_v2(i, "matched", 0, "{\"value\": \"100\", \"pact:matcher:type\": \"regex\", \"regex\": \"\\\\d+\"}"));
  OK(pactffi_with_query_parameter_v2(i, "array", 0, "{\"value\": [\"x\", \"y\"], \"pact:matcher:type\": \"type\"}"));
  OK(pactffi_with_header_v2(i, InteractionPart_Request, "Accept", 0, "application/json, text/plain"));
  OK(pactffi_with_header_v2(i, InteractionPart_Request, "X-Multi", 0, "one"));
  OK(pactffi_with_header_v2(i, InteractionPart_Request, "X-Multi", 1, "two"));
  OK(pactffi_with_header_v2(i, InteractionPart_Request, "X-Matched", 0, "{\"value\": \"abc\", \"pact:matcher:type\": \"regex\", \"regex\": \"[a-z]+\"}"));
  OK(pactffi_with_header_v2(i, InteractionPart_Response, "Date", 0, "Mon, 01 Jan 2024 00:00:00 GMT"));
  OK(pactffi_set_header(i, InteractionPart_Response, "X-Set", "exact, value"));
  OK(pactffi_with_body(i, InteractionPart_Request, "application/json",
                       "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 1},"
                       " \"tags\": {\"pact:matcher:type\": \"type\", \"min\": 1, \"value\": [{\"n\": {\"pact:matcher:type\": \"decimal\", \"value\": 1.5}}]},"
                       " \"when\": {\"pact:matcher:type\": \"timestamp\", \"format\": \"yyyy-MM-dd\", \"value\": \"2024-01-02\"},"
                       " \"gen\": {\"pact:generator:type\": \"RandomInt\", \"min\": 1, \"max\": 9, \"value\": 5}}"));
  OK(pactffi_response_status_v2(i, "{\"pact:matcher:type\": \"statusCode\", \"status\": \"success\", \"value\": 201}"));
  OK(pactffi_with_body(i, InteractionPart_Response, NULL, "{\"ok\": true}"));
  OK(pactffi_with_matching_rules(i, InteractionPart_Response, "{\"body\": {\"$.ok\": {\"matchers\": [{\"match\": \"boolean\"}]}}}"));
  OK(pactffi_with_generators(i, InteractionPart_Request, "{\"path\": {\"type\": \"ProviderState\", \"expression\": \"/items/${id}\"}}"));

  i = pactffi_new_interaction(p, "v2 rules and text bodies");
  OK(pactffi_with_request(i, "PUT", "/text"));
  OK(pactffi_with_body(i, InteractionPart_Request, "text/plain", "hello"));
  OK(pactffi_with_matching_rules(i, InteractionPart_Request, "{\"$.body\": {\"match\": \"regex\", \"regex\": \"h.*\"}, \"$.header.x-test\": {\"match\": \"type\"}}"));
  OK(pactffi_with_header_v2(i, InteractionPart_Request, "x-test", 0, "1"));
  OK(pactffi_response_status(i, 204));
  OK(pactffi_with_body(i, InteractionPart_Response, NULL, ""));

  i = pactffi_new_interaction(p, "binary and xml");
  OK(pactffi_with_request(i, "POST", "/bin"));
  OK(pactffi_with_binary_file(i, InteractionPart_Request, "application/octet-stream", (const uint8_t *)"\x01\x02\x03", 3));
  OK(pactffi_with_body(i, InteractionPart_Response, "application/xml",
                       "{\"version\": \"1.0\", \"charset\": \"UTF-8\", \"root\": {\"name\": \"user\", \"attributes\": {\"id\": \"1\"},"
                       " \"children\": [{\"content\": \"Fred\"}]}}"));

  i = pactffi_new_interaction(p, "form and multipart");
  OK(pactffi_with_request(i, "POST", "/form"));
  OK(pactffi_with_body(i, InteractionPart_Request, "application/x-www-form-urlencoded",
                       "{\"a\": {\"pact:matcher:type\": \"integer\", \"value\": 1}, \"b\": \"x y\"}"));
  snprintf(file, sizeof file, "%s/upload.txt", dir);
  f = fopen(file, "w");
  fputs("file contents\n", f);
  fclose(f);
  r = pactffi_with_multipart_file_v2(i, InteractionPart_Response, "text/plain", file, "doc", "PARITYBOUNDARY");
  OK(r.tag == StringResult_Ok);

  if (spec == PactSpecification_V4) {
    i = pactffi_new_interaction(p, "v4 attributes");
    OK(pactffi_with_request(i, "GET", "/v4"));
    OK(pactffi_set_key(i, "custom-key"));
    OK(pactffi_set_pending(i, true));
    OK(pactffi_add_text_comment(i, "first"));
    OK(pactffi_add_text_comment(i, "second"));
    OK(pactffi_set_comment(i, "json", "{\"a\": 1}"));
    OK(pactffi_set_comment(i, "text-value", "plain"));
    OK(pactffi_interaction_test_name(i, "parity test") == 0);
    OK(pactffi_add_interaction_reference(i, "openapi", "operationId", "getV4"));

    i = pactffi_new_message_interaction(p, "an async message");
    OK(pactffi_given(i, "message state"));
    OK(pactffi_with_body(i, InteractionPart_Request, "application/json", "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 7}}"));
    i = pactffi_new_sync_message_interaction(p, "a sync message");
    OK(pactffi_with_body(i, InteractionPart_Request, "text/plain", "ping"));
    OK(pactffi_with_body(i, InteractionPart_Response, "text/plain", "pong"));
    OK(pactffi_with_binary_body(i, InteractionPart_Response, "application/octet-stream", (const uint8_t *)"\x00\x01", 2));
  }
  OK(pactffi_pact_handle_write_file(p, dir, true) == 0);
  OK(pactffi_free_pact_handle(p) == 0);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  http_pact(argv[1], PactSpecification_V2, "parity-v2");
  http_pact(argv[1], PactSpecification_V3, "parity-v3");
  http_pact(argv[1], PactSpecification_V4, "parity-v4");
  return failures ? 1 : 0;
}
