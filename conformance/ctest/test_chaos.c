/*
 * test_chaos.c - call the model, message and matching functions many
 * thousands of times in random order with random object pointers: live ones
 * of every kind, ones already deleted, NULL, a stack address, and pointers
 * of the wrong kind. libpact checks every pointer against its object table,
 * so none of this may crash; a call that fails must leave an error message.
 *
 *   test_chaos [iterations] [seed]
 */
#define _DEFAULT_SOURCE
#include <stdint.h>

#include "h7_check.h"

#define POOL 512
static void *pool[POOL];
static int npool = 0;
static long calls = 0, failures_with_message = 0, silent_null = 0;

static void add(void *p) {
  if (!p) return;
  if (npool < POOL) pool[npool++] = p;
  else pool[rand() % POOL] = p;
}

static void *pick(void) {
  static int on_stack;
  int r = rand() % 20;
  if (r == 0) return NULL;
  if (r == 1) return &on_stack;
  if (npool == 0) return NULL;
  return pool[rand() % npool];
}

/* note records the result of a function whose NULL result always means
 * failure: such a failure must come with an error message. */
static void note(const void *result) {
  calls++;
  if (result == NULL) {
    if (last_error()[0]) failures_with_message++;
    else silent_null++;
  }
}

static void free_str(const char *s) { if (s) pactffi_string_delete((char *)s); }

static const char *pact_json =
    "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":["
    "{\"type\":\"Synchronous/HTTP\",\"description\":\"h\",\"providerStates\":[{\"name\":\"s\",\"params\":{\"a\":1}}],"
    "\"request\":{\"method\":\"GET\",\"path\":\"/\",\"matchingRules\":{\"header\":{\"X\":{\"matchers\":[{\"match\":\"regex\",\"regex\":\"\\\\d+\"}]}}}},"
    "\"response\":{\"status\":200,\"body\":{\"content\":{\"a\":1},\"contentType\":\"application/json\"},"
    "\"generators\":{\"body\":{\"$.a\":{\"type\":\"RandomInt\"}}}}},"
    "{\"type\":\"Asynchronous/Messages\",\"description\":\"a\",\"contents\":{\"content\":\"x\",\"contentType\":\"text/plain\"},\"metadata\":{\"k\":\"v\"}},"
    "{\"type\":\"Synchronous/Messages\",\"description\":\"s\",\"request\":{\"contents\":{\"content\":\"q\"}},\"response\":[{\"contents\":{\"content\":\"r\"}}]}"
    "],\"metadata\":{\"pactSpecification\":{\"version\":\"4.0\"}}}";

static void step(void) {
  void *p = pick();
  const char *s;
  switch (rand() % 40) {
  case 0: add(pactffi_parse_pact_json(pact_json)); break;
  case 1: { void *it = pactffi_pact_model_interaction_iterator((Pact *)p); note(it); add(it); break; }
  case 2: { const PactInteraction *i = pactffi_pact_interaction_iter_next((PactInteractionIterator *)p); add((void *)i); calls++; break; }
  case 3: add((void *)pactffi_pact_interaction_as_synchronous_http((const PactInteraction *)p)); calls++; break;
  case 4: add((void *)pactffi_pact_interaction_as_asynchronous_message((const PactInteraction *)p)); calls++; break;
  case 5: add((void *)pactffi_pact_interaction_as_synchronous_message((const PactInteraction *)p)); calls++; break;
  case 6: add((void *)pactffi_pact_interaction_as_message((const PactInteraction *)p)); calls++; break;
  case 7: s = pactffi_sync_http_get_description((const SynchronousHttp *)p); note(s); free_str(s); break;
  case 8: s = pactffi_async_message_get_contents_str((const AsynchronousMessage *)p); calls++; free_str(s); break;
  case 9: (void)pactffi_sync_message_get_request_contents_bin((const SynchronousMessage *)p); calls++; break;
  case 10: add((void *)pactffi_sync_message_get_response_contents((const SynchronousMessage *)p, (size_t)(rand() % 3))); calls++; break;
  case 11: add((void *)pactffi_async_message_get_contents((const AsynchronousMessage *)p)); calls++; break;
  case 12: add(pactffi_message_contents_get_matching_rule_iter((const MessageContents *)p, (MatchingRuleCategory)(rand() % 9))); calls++; break;
  case 13: add(pactffi_message_contents_get_generators_iter((const MessageContents *)p, (GeneratorCategory)(rand() % 8))); calls++; break;
  case 14: add((void *)pactffi_matching_rules_iter_next((MatchingRuleCategoryIterator *)p)); calls++; break;
  case 15: add((void *)pactffi_generators_iter_next((GeneratorCategoryIterator *)p)); calls++; break;
  case 16: add(pactffi_message_contents_get_metadata_iter((const MessageContents *)p)); calls++; break;
  case 17: add(pactffi_message_metadata_iter_next((MessageMetadataIterator *)p)); calls++; break;
  case 18: add(pactffi_sync_http_get_provider_state_iter((SynchronousHttp *)p)); calls++; break;
  case 19: add(pactffi_provider_state_iter_next((ProviderStateIterator *)p)); calls++; break;
  case 20: add(pactffi_provider_state_get_param_iter((ProviderState *)p)); calls++; break;
  case 21: add(pactffi_provider_state_param_iter_next((ProviderStateParamIterator *)p)); calls++; break;
  case 22: add((void *)pactffi_request_contents_get_matching_rule_iter(pactffi_sync_http_get_request((const SynchronousHttp *)p), MatchingRuleCategory_HEADER)); calls++; break;
  case 23: add((void *)pactffi_async_message_generate_contents((const AsynchronousMessage *)p)); calls++; break;
  case 24: s = pactffi_matching_rule_to_json((const MatchingRule *)p); note(s); free_str(s); break;
  case 25: s = pactffi_generator_generate_string((const Generator *)p, NULL); note(s); free_str(s); break;
  case 26: s = pactffi_matches_string_value((const MatchingRule *)p, "1", "2", 0); calls++; free_str(s); break;
  case 27: pactffi_sync_message_set_response_contents_str((SynchronousMessage *)p, (size_t)(rand() % 4), "x", "text/plain"); calls++; break;
  case 28: pactffi_async_message_set_contents_bin((AsynchronousMessage *)p, (const unsigned char *)"\0\1", 2, NULL); calls++; break;
  case 29: add(pactffi_sync_message_new()); add(pactffi_async_message_new()); add(pactffi_message_new()); add(pactffi_sync_http_new()); break;
  case 30: add((void *)pactffi_parse_matcher_definition("matching(regex, '\\d+', '1'), notEmpty('x')")); break;
  case 31: add(pactffi_matcher_definition_iter((const MatchingRuleDefinitionResult *)p)); calls++; break;
  case 32: add((void *)pactffi_matching_rule_iter_next((MatchingRuleIterator *)p)); calls++; break;
  case 33: add((void *)pactffi_matching_rule_pointer((const MatchingRuleResult *)p)); calls++; break;
  /* deletes with a random pointer: must refuse anything that is not theirs */
  case 34: pactffi_pact_model_delete((Pact *)p); calls++; break;
  case 35: pactffi_pact_interaction_iter_delete((PactInteractionIterator *)p); calls++; break;
  case 36: pactffi_sync_message_delete((SynchronousMessage *)p); pactffi_async_message_delete((AsynchronousMessage *)p); calls++; break;
  case 37: pactffi_message_contents_delete((const MessageContents *)p); pactffi_matching_rules_iter_delete((MatchingRuleCategoryIterator *)p); calls++; break;
  case 38: pactffi_matching_rules_iter_pair_delete((const MatchingRuleKeyValuePair *)p); pactffi_message_metadata_pair_delete((MessageMetadataPair *)p); calls++; break;
  case 39: pactffi_matcher_definition_delete((const MatchingRuleDefinitionResult *)p); pactffi_provider_state_iter_delete((ProviderStateIterator *)p); calls++; break;
  }
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 200000;
  unsigned seed = argc > 2 ? (unsigned)atoi(argv[2]) : 7;
  srand(seed);
  for (long i = 0; i < n; i++) step();
  CHECK(calls > n / 2, "only %ld calls made", calls);
  CHECK(silent_null == 0, "%ld failures without an error message", silent_null);
  CHECK(failures_with_message > 0, "no failing call was made");
  printf("chaos: %ld random calls (seed %u) with live, deleted, foreign, NULL and wrong-kind pointers: no crash, "
         "%ld checked failures all with a message\n", calls, seed, failures_with_message);
  return h7_done("test_chaos");
}
