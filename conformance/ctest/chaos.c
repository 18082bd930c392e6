/* chaos.c [CALLS] [SEED] - random sequences of consumer and mock-server calls with live, freed, foreign and
 * zero handles, random and malformed strings (invalid UTF-8, broken JSON, matcher JSON), random parts and
 * indexes. Nothing may crash, and every call that reports failure must leave a last-error message. */
#include "common.h"

static unsigned long long rng;
static unsigned rnd(unsigned n) {
  rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng >> 33) % n);
}

static const char *STRINGS[] = {
    "", "x", "/path", "GET", "application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
    "{", "[1,2", "null", "{}", "[]", "caf\xc3\x28", "\xff\xfe", "{\"a\": 1}",
    "{\"id\": {\"pact:matcher:type\": \"integer\", \"value\": 1}}",
    "{\"pact:matcher:type\": \"regex\", \"regex\": \"\\\\d+\", \"value\": \"1\"}",
    "{\"pact:matcher:type\": \"regex\"}", "{\"value\": [\"a\", \"b\"], \"pact:matcher:type\": \"type\"}",
    "matching(regex, '\\d+', '100')", "matching(", "{\"body\": {\"$.a\": {\"matchers\": [{\"match\": \"type\"}]}}}",
    "{\"$.body.a\": {\"match\": \"type\"}}", "{\"path\": {\"type\": \"RandomString\"}}",
    "{\"version\": \"1.0\", \"root\": {\"name\": \"a\"}}", "multipart/form-data", "/nonexistent/file",
    "{\"pact:matcher:type\": \"statusCode\", \"status\": \"success\", \"value\": 200}", "999999999999",
};
#define NSTR (sizeof STRINGS / sizeof STRINGS[0])

static const char *str(void) { return rnd(12) == 0 ? NULL : STRINGS[rnd(NSTR)]; }

int main(int argc, char **argv) {
  long calls = argc > 1 ? atol(argv[1]) : 50000, k, failed = 0, silent = 0;
  PactHandle pacts[8] = {0};
  int ports[4] = {0};
  char err[4096];
  rng = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
  /* Pact names become file names: keep every file inside the scratch directory (directories passed are
   * relative, never taken from the random strings). */
  if (chdir(tmp_dir()) != 0) {
    perror(tmp_dir());
    return 1;
  }
  for (k = 0; k < calls; k++) {
    unsigned op = rnd(30), pi = rnd(8);
    PactHandle p = rnd(20) == 0 ? (PactHandle)rnd(65536) : pacts[pi];
    InteractionHandle i = ((InteractionHandle)p << 16) | (rnd(8) == 0 ? rnd(100) : 1 + rnd(3));
    InteractionPart part = (InteractionPart)(rnd(10) == 0 ? 7 : rnd(2));
    int ok = 1;
    /* Plant a marker error, so that a failure that sets no message of its own is seen. */
    pactffi_log_to_file(NULL, LevelFilter_Off);
    switch (op) {
    case 0: if (pacts[pi]) pactffi_free_pact_handle(pacts[pi]); pacts[pi] = pactffi_new_pact(str(), str()); ok = pacts[pi] != 0; break;
    case 1: ok = pactffi_free_pact_handle(p) == 0; if (ok) pacts[pi] = 0; break;
    case 2: ok = pactffi_new_interaction(p, str()) != 0; break;
    case 3: ok = pactffi_new_message_interaction(p, str()) != 0; break;
    case 4: ok = pactffi_with_specification(p, (PactSpecification)rnd(8)); break;
    case 5: ok = pactffi_upon_receiving(i, str()); break;
    case 6: ok = pactffi_given(i, str()); break;
    case 7: ok = pactffi_given_with_param(i, str(), str(), str()); break;
    case 8: ok = pactffi_given_with_params(i, str(), str()) == 0; break;
    case 9: ok = pactffi_with_request(i, str(), str()); break;
    case 10: ok = pactffi_with_query_parameter_v2(i, str(), rnd(4), str()); break;
    case 11: ok = pactffi_with_header_v2(i, part, str(), rnd(4), str()); break;
    case 12: ok = pactffi_set_header(i, part, str(), str()); break;
    case 13: ok = pactffi_response_status_v2(i, str()); break;
    case 14: ok = pactffi_with_body(i, part, str(), str()); break;
    case 15: ok = pactffi_with_binary_body(i, part, str(), (const uint8_t *)"abc", rnd(4)); break;
    case 16: ok = pactffi_with_binary_file(i, part, str(), (const uint8_t *)"abc", rnd(4)); break;
    case 17: { StringResult r = pactffi_with_multipart_file_v2(i, part, str(), str(), str(), rnd(2) ? NULL : "bnd");
               ok = r.tag == StringResult_Ok; if (r.failed) pactffi_string_delete(r.failed); } break;
    case 18: ok = pactffi_with_matching_rules(i, part, str()); break;
    case 19: ok = pactffi_with_generators(i, part, str()); break;
    case 20: ok = pactffi_add_text_comment(i, str()); break;
    case 21: ok = pactffi_set_comment(i, str(), str()); break;
    case 22: ok = pactffi_set_key(i, str()); break;
    case 23: ok = pactffi_interaction_test_name(i, str()) == 0; break;
    case 24: ok = pactffi_add_interaction_reference(i, str(), str(), str()); break;
    case 25: { unsigned s = rnd(4); if (ports[s] > 0) pactffi_cleanup_mock_server(ports[s]);
               ports[s] = pactffi_create_mock_server_for_transport(p, rnd(8) ? "127.0.0.1" : str(), 0, rnd(8) ? "http" : str(), rnd(4) ? NULL : str());
               ok = ports[s] > 0; } break;
    case 26: { int port = ports[rnd(4)]; ok = pactffi_mock_server_mismatches(port) != NULL; if (ok) pactffi_mock_server_matched(port); } break;
    case 27: { int port = ports[rnd(4)]; ok = pactffi_cleanup_mock_server(port); } break;
    case 28: { static const char *dirs[] = {".", "sub", "sub/deeper", "", NULL, "caf\xc3\x28"};
               ok = pactffi_pact_handle_write_file(p, dirs[rnd(6)], rnd(2)) == 0; } break;
    case 29: { int port = ports[rnd(4)]; ok = pactffi_write_pact_file(port, ".", true) == 0; } break;
    }
    if (!ok) {
      failed++;
      if (pactffi_get_error_message(err, sizeof err) <= 1 || strstr(err, "pactffi_log_to_file") != NULL) {
        silent++;
        if (silent < 5) fprintf(stderr, "chaos: op %u failed without a message\n", op);
      }
    }
  }
  for (k = 0; k < 4; k++) if (ports[k] > 0) pactffi_cleanup_mock_server(ports[k]);
  for (k = 0; k < 8; k++) if (pacts[k]) pactffi_free_pact_handle(pacts[k]);
  CHECK(silent == 0, "%ld of %ld failures left no message", silent, failed);
  printf("chaos: %ld random consumer/mock-server calls, %ld failures, all with a message\n", calls, failed);
  return ctest_report("chaos");
}
