/*
 * test_model.c - the model accessors and iterators through the C ABI: real
 * V4 pacts (HTTP + asynchronous message, synchronous message) loaded with
 * pactffi_parse_pact_json and read field by field; model objects built and
 * changed from C; and misuse (NULL, wrong pointer kinds, deleted pointers,
 * malformed JSON, invalid UTF-8) giving failure values with messages.
 *
 *   test_model <real-pacts dir>
 */
#define _DEFAULT_SOURCE
#include <stdint.h>

#include "h7_check.h"

static char *load(const char *dir, const char *file) {
  char path[2048];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "cannot open %s\n", path); exit(2); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  size_t got = fread(buf, 1, (size_t)n, f);
  buf[got] = 0;
  fclose(f);
  return buf;
}

static int streq_free(const char *s, const char *want) {
  int ok = s != NULL && strcmp(s, want) == 0;
  if (!ok) fprintf(stderr, "  got %s, want %s\n", s ? s : "(NULL)", want);
  if (s) pactffi_string_delete((char *)s);
  return ok;
}

static void test_combined_pact(const char *dir) {
  char *json = load(dir, "pact-foundation__pact-reference__rust_pact_matching_tests_v4-combined-pact.json");
  Pact *pact = pactffi_parse_pact_json(json);
  free(json);
  CHECK(pact != NULL, "parse: %s", last_error());
  if (!pact) return;
  CHECK(pactffi_pact_spec_version(pact) == PactSpecification_V4, "V4");
  const Consumer *c = pactffi_pact_get_consumer(pact);
  CHECK(streq_free(pactffi_consumer_get_name(c), "test_consumer"), "consumer name");
  pactffi_pact_consumer_delete(c);
  const Provider *p = pactffi_pact_get_provider(pact);
  CHECK(streq_free(pactffi_provider_get_name(p), "test_provider"), "provider name");
  pactffi_pact_provider_delete(p);

  PactInteractionIterator *it = pactffi_pact_model_interaction_iterator(pact);
  const PactInteraction *first = pactffi_pact_interaction_iter_next(it);
  const PactInteraction *second = pactffi_pact_interaction_iter_next(it);
  CHECK(pactffi_pact_interaction_iter_next(it) == NULL, "two interactions");
  CHECK(pactffi_pact_interaction_iter_next(it) == NULL, "still at the end");

  /* 1: HTTP with a binary (GIF) response body. */
  CHECK(pactffi_pact_interaction_as_asynchronous_message(first) == NULL, "HTTP is not async");
  CHECK(pactffi_pact_interaction_as_synchronous_message(first) == NULL, "HTTP is not sync message");
  CHECK(pactffi_pact_interaction_as_message(first) == NULL, "HTTP is not a message");
  const SynchronousHttp *http = pactffi_pact_interaction_as_synchronous_http(first);
  CHECK(http != NULL, "as_synchronous_http");
  if (http) {
    CHECK(streq_free(pactffi_sync_http_get_description(http), "test interaction with a binary body"), "http description");
    size_t len = pactffi_sync_http_get_response_contents_length(http);
    const unsigned char *gif = pactffi_sync_http_get_response_contents_bin(http);
    CHECK(len == 35 && gif && memcmp(gif, "GIF87a", 6) == 0, "GIF response body (%zu bytes)", len);
    CHECK(pactffi_sync_http_get_request_contents_bin(http) == NULL, "no request body");
    CHECK(pactffi_sync_http_get_request_contents_length(http) == 0, "request length 0");
    CHECK(pactffi_sync_http_get_request_contents(http) == NULL, "a missing request body reads as NULL");
    pactffi_sync_http_delete(http);
  }

  /* 2: the asynchronous message. */
  const AsynchronousMessage *am = pactffi_pact_interaction_as_asynchronous_message(second);
  CHECK(am != NULL, "as_asynchronous_message");
  if (am) {
    CHECK(streq_free(pactffi_async_message_get_description(am), "Test Message"), "async description");
    CHECK(streq_free(pactffi_async_message_get_contents_str(am), "{\"a\":\"1234-1234\"}"), "async contents");
    const ProviderState *ps = pactffi_async_message_get_provider_state(am, 0);
    CHECK(streq_free(pactffi_provider_state_get_name(ps), "message exists"), "state 0");
    CHECK(pactffi_async_message_get_provider_state(am, 1) == NULL, "state 1 is out of bounds");
    CHECK_ERR("provider state out of bounds");
    ProviderStateIterator *si = pactffi_async_message_get_provider_state_iter((AsynchronousMessage *)am);
    int states = 0;
    while (pactffi_provider_state_iter_next(si) != NULL) states++;
    CHECK(states == 1, "%d states", states);
    pactffi_provider_state_iter_delete(si);

    const MessageContents *mc = pactffi_async_message_get_contents(am);
    MessageMetadataIterator *mi = pactffi_message_contents_get_metadata_iter(mc);
    MessageMetadataPair *pair = pactffi_message_metadata_iter_next(mi);
    CHECK(pair && strcmp(pair->key, "contentType") == 0 && strcmp(pair->value, "application/json") == 0, "metadata 0");
    pactffi_message_metadata_pair_delete(pair);
    pair = pactffi_message_metadata_iter_next(mi);
    CHECK(pair && strcmp(pair->key, "destination") == 0 && strcmp(pair->value, "a/b/c") == 0, "metadata 1");
    pactffi_message_metadata_pair_delete(pair);
    CHECK(pactffi_message_metadata_iter_next(mi) == NULL, "two metadata entries");
    pactffi_message_metadata_iter_delete(mi);

    GeneratorCategoryIterator *gi = pactffi_message_contents_get_generators_iter(mc, GeneratorCategory_BODY);
    const GeneratorKeyValuePair *gp = pactffi_generators_iter_next(gi);
    CHECK(gp != NULL, "a body generator");
    if (gp) {
      CHECK(strcmp(gp->path, "a") == 0, "generator path %s (as written in the file, like pact_ffi)", gp->path);
      CHECK(streq_free(pactffi_generator_to_json(gp->generator), "{\"type\":\"Uuid\"}"), "generator json");
      const char *u = pactffi_generator_generate_string(gp->generator, NULL);
      CHECK(u && strlen(u) == 36 && u[8] == '-', "generated uuid %s", u ? u : "(NULL)");
      pactffi_string_delete((char *)u);
      pactffi_generators_iter_pair_delete(gp);
    }
    pactffi_generators_iter_delete(gi);

    const MessageContents *gen = pactffi_async_message_generate_contents(am);
    const char *g = pactffi_message_contents_get_contents_str(gen);
    CHECK(g && strstr(g, "1234-1234") == NULL && strlen(g) == strlen("{\"a\":\"\"}") + 36, "generated contents %s", g ? g : "(NULL)");
    pactffi_string_delete((char *)g);
    pactffi_message_contents_delete(gen);
    pactffi_async_message_delete(am);
  }
  const Message *m = pactffi_pact_interaction_as_message(second);
  CHECK(m != NULL, "as_message");
  if (m) {
    CHECK(streq_free(pactffi_message_find_metadata(m, "destination"), "a/b/c"), "find_metadata");
    CHECK(pactffi_message_find_metadata(m, "nope") == NULL, "missing metadata key");
    CHECK_ERR("find_metadata(missing)");
    pactffi_message_delete((Message *)m);
  }
  pactffi_pact_interaction_iter_delete(it);
  pactffi_pact_model_delete(pact);
}

static void test_sync_pact(const char *dir) {
  char *json = load(dir, "pact-foundation__pact-jvm__provider_junit5_src_test_resources_pacts_SyncMessageConsumer-SyncMessageProviderStateService.json");
  Pact *pact = pactffi_parse_pact_json(json);
  free(json);
  CHECK(pact != NULL, "parse: %s", last_error());
  if (!pact) return;
  PactInteractionIterator *it = pactffi_pact_model_interaction_iterator(pact);
  const PactInteraction *i = pactffi_pact_interaction_iter_next(it);
  const SynchronousMessage *sm = pactffi_pact_interaction_as_synchronous_message(i);
  CHECK(sm != NULL, "as_synchronous_message");
  if (sm) {
    CHECK(streq_free(pactffi_sync_message_get_request_contents_str(sm), "{\"state\":\"ExampleValue\"}"), "request contents");
    CHECK(pactffi_sync_message_get_number_responses(sm) == 1, "1 response");
    CHECK(streq_free(pactffi_sync_message_get_response_contents_str(sm, 0), "{\"state\":\"ExampleValue\"}"), "response contents");
    CHECK(pactffi_sync_message_get_response_contents_str(sm, 1) == NULL, "response 1 does not exist");
    const MessageContents *req = pactffi_sync_message_get_request_contents(sm);
    MatchingRuleCategoryIterator *ri = pactffi_message_contents_get_matching_rule_iter(req, MatchingRuleCategory_BODY);
    const MatchingRuleKeyValuePair *rp = pactffi_matching_rules_iter_next(ri);
    CHECK(rp && strcmp(rp->path, "$.state") == 0, "rule path");
    if (rp) {
      CHECK(streq_free(pactffi_matching_rule_to_json(rp->rule), "{\"match\":\"type\"}"), "rule json");
      const char *mm = pactffi_matches_string_value(rp->rule, "ExampleValue", "other", 0);
      CHECK(mm == NULL, "a type rule matches another string: %s", mm ? mm : "");
      mm = pactffi_matches_json_value(rp->rule, "\"ExampleValue\"", "12", 0);
      CHECK(mm != NULL, "a type rule rejects a number");
      pactffi_string_delete((char *)mm);
      pactffi_matching_rules_iter_pair_delete(rp);
    }
    CHECK(pactffi_matching_rules_iter_next(ri) == NULL, "one rule");
    pactffi_matching_rules_iter_delete(ri);
    GeneratorCategoryIterator *gi = pactffi_message_contents_get_generators_iter(req, GeneratorCategory_BODY);
    const GeneratorKeyValuePair *gp = pactffi_generators_iter_next(gi);
    CHECK(gp != NULL, "ProviderState generator");
    if (gp) {
      CHECK(streq_free(pactffi_generator_generate_string(gp->generator, "{\"stateValue\": \"Injected\"}"), "Injected"),
            "ProviderState generator with a context");
      pactffi_generators_iter_pair_delete(gp);
    }
    pactffi_generators_iter_delete(gi);
    pactffi_sync_message_delete((SynchronousMessage *)sm);
  }
  pactffi_pact_interaction_iter_delete(it);
  pactffi_pact_model_delete(pact);
}

static void test_message_pact(const char *dir) {
  char *json = load(dir, "ajaysskumar__pact-net-example__pacts_Result-Student Event.json");
  MessagePact *mp = pactffi_message_pact_new_from_json("Result-Student Event.json", json);
  free(json);
  CHECK(mp != NULL, "message_pact_new_from_json: %s", last_error());
  if (!mp) return;
  Consumer *c = pactffi_message_pact_get_consumer(mp);
  CHECK(streq_free(pactffi_consumer_get_name(c), "Result"), "consumer");
  pactffi_pact_consumer_delete(c);
  CHECK_ERR("a borrowed consumer is not the caller's to delete");
  Provider *p = pactffi_message_pact_get_provider(mp);
  CHECK(streq_free(pactffi_provider_get_name(p), "Student Event"), "provider");
  CHECK(streq_free(pactffi_message_pact_find_metadata(mp, "pactRust", "ffi"), "0.4.0"), "find_metadata");
  CHECK(streq_free(pactffi_message_pact_find_metadata(mp, "pactSpecification", "version"), "3.0.0"), "spec version metadata");
  CHECK(pactffi_message_pact_find_metadata(mp, "pactRust", "nope") == NULL, "missing inner key");
  CHECK_ERR("find_metadata(missing)");
  MessagePactMetadataIterator *mi = pactffi_message_pact_get_metadata_iter(mp);
  int triples = 0, saw_models = 0;
  MessagePactMetadataTriple *t;
  while ((t = pactffi_message_pact_metadata_iter_next(mi)) != NULL) {
    triples++;
    if (strcmp(t->outer_key, "pactRust") == 0 && strcmp(t->inner_key, "models") == 0 && strcmp(t->value, "1.0.4") == 0) saw_models = 1;
    pactffi_message_pact_metadata_triple_delete(t);
  }
  pactffi_message_pact_metadata_iter_delete(mi);
  CHECK(triples == 3 && saw_models, "%d metadata triples", triples);
  MessagePactMessageIterator *it = pactffi_message_pact_get_message_iter(mp);
  Message *m = pactffi_message_pact_message_iter_next(it);
  CHECK(streq_free(pactffi_message_get_description(m), "a StudentCreatedEvent"), "message description");
  CHECK(pactffi_message_pact_message_iter_next(it) == NULL, "one message");
  pactffi_message_pact_message_iter_delete(it);
  pactffi_message_pact_delete(mp);
  CHECK(pactffi_message_pact_new_from_json("x", "{\"interactions\": [{\"description\": \"h\", \"request\": {\"method\": \"GET\", \"path\": \"/\"}, \"response\": {\"status\": 200}}]}") == NULL,
        "an HTTP pact is not a message pact");
  CHECK_ERR("message_pact_new_from_json(HTTP pact)");
  CHECK(pactffi_message_pact_new_from_json(NULL, "{}") == NULL, "NULL file name");
  CHECK_ERR("message_pact_new_from_json(NULL)");
}

static void test_build_objects(void) {
  SynchronousHttp *h = pactffi_sync_http_new();
  CHECK(pactffi_sync_http_set_description(h, "built") == 0, "set description");
  CHECK(streq_free(pactffi_sync_http_get_description(h), "built"), "get description");
  pactffi_sync_http_set_request_contents(h, "{\"x\":1}", "application/json");
  CHECK(streq_free(pactffi_sync_http_get_request_contents(h), "{\"x\":1}"), "request contents");
  pactffi_sync_http_set_response_contents_bin(h, (const unsigned char *)"\x00\x01", 2, "application/octet-stream");
  CHECK(pactffi_sync_http_get_response_contents_length(h) == 2, "response length");
  pactffi_sync_http_set_response_contents(h, NULL, NULL);
  CHECK(pactffi_sync_http_get_response_contents_bin(h) == NULL, "NULL contents make a null body");
  pactffi_sync_http_delete(h);

  AsynchronousMessage *a = pactffi_async_message_new();
  pactffi_async_message_set_contents_str(a, "hello", "text/plain");
  CHECK(streq_free(pactffi_async_message_get_contents_str(a), "hello"), "async str");
  CHECK(pactffi_async_message_get_contents_length(a) == 5, "async length");
  pactffi_async_message_delete(a);

  SynchronousMessage *s = pactffi_sync_message_new();
  pactffi_sync_message_set_request_contents_str(s, "ping", "text/plain");
  pactffi_sync_message_set_response_contents_bin(s, 1, (const unsigned char *)"pong", 4, "application/octet-stream");
  CHECK(pactffi_sync_message_get_number_responses(s) == 2, "response list grown to 2");
  CHECK(pactffi_sync_message_get_response_contents_length(s, 1) == 4, "response 1 length");
  CHECK(pactffi_sync_message_get_response_contents_length(s, 0) == 0, "response 0 empty");
  pactffi_sync_message_delete(s);

  Message *m = pactffi_message_new_from_body("{\"a\":1}", "application/json");
  CHECK(streq_free(pactffi_message_find_metadata(m, "contentType"), "application/json"), "new_from_body metadata");
  CHECK(pactffi_message_insert_metadata(m, "k", "v") == 0, "insert new");
  CHECK(pactffi_message_insert_metadata(m, "k", "w") == -1, "insert overwrite");
  CHECK(pactffi_message_set_description(m, "desc") == 0, "set description");
  pactffi_message_delete(m);

  m = pactffi_message_new_from_json(0, "{\"description\": \"from json\", \"contents\": {\"b\": 2}, \"metaData\": {\"contentType\": \"application/json\"}, \"providerStates\": [{\"name\": \"s\", \"params\": {\"n\": 1}}]}", PactSpecification_V3);
  CHECK(m != NULL, "new_from_json: %s", last_error());
  if (m) {
    CHECK(streq_free(pactffi_message_get_description(m), "from json"), "description");
    CHECK(streq_free(pactffi_message_get_contents(m), "{\"b\":2}"), "contents");
    pactffi_message_delete(m);
  }
  /* As pact_models' Message::from_json: no description is "Message <index>"; an empty one stays empty. */
  m = pactffi_message_new_from_json(3, "{\"contents\": \"x\"}", PactSpecification_V3);
  CHECK(m != NULL && streq_free(pactffi_message_get_description(m), "Message 3"), "no description: %s", last_error());
  pactffi_message_delete(m);
  m = pactffi_message_new_from_json(3, "{\"description\": \"\", \"contents\": \"x\"}", PactSpecification_V3);
  CHECK(m != NULL && streq_free(pactffi_message_get_description(m), ""), "empty description: %s", last_error());
  pactffi_message_delete(m);

  /* A pact handle's snapshot (pactffi_pact_handle_to_pointer) works with the model API. */
  PactHandle ph = pactffi_new_pact("c", "p");
  pactffi_new_interaction(ph, "one");
  pactffi_new_message_interaction(ph, "two");
  Pact *pp = pactffi_pact_handle_to_pointer(ph);
  PactInteractionIterator *it = pactffi_pact_model_interaction_iterator(pp);
  CHECK(it != NULL, "iterator over pact_handle_to_pointer: %s", last_error());
  int n = 0;
  while (it && pactffi_pact_interaction_iter_next(it) != NULL) n++;
  CHECK(n == 2, "%d interactions", n);
  pactffi_pact_interaction_iter_delete(it);
  pactffi_pact_model_delete(pp);
  PactSyncHttpIterator *hi = pactffi_pact_handle_get_sync_http_iter(ph);
  SynchronousHttp *one = pactffi_pact_sync_http_iter_next(hi);
  CHECK(streq_free(pactffi_sync_http_get_description(one), "one"), "sync http iter");
  CHECK(pactffi_pact_sync_http_iter_next(hi) == NULL, "one HTTP interaction");
  /* iterator-owned items must not be deleted by the caller */
  pactffi_sync_http_delete(one);
  CHECK_ERR("deleting an iterator-owned interaction");
  pactffi_pact_sync_http_iter_delete(hi);
  pactffi_free_pact_handle(ph);
}

static void test_misuse(void) {
  char bad_utf8[] = {'{', (char)0xc3, (char)0x28, '}', 0};
  CHECK(pactffi_parse_pact_json(NULL) == NULL, "NULL json");
  CHECK_ERR("parse(NULL)");
  CHECK(pactffi_parse_pact_json("{not json") == NULL, "malformed json");
  CHECK_ERR("parse(malformed)");
  CHECK(pactffi_parse_pact_json("[1, 2]") == NULL, "json that is not an object");
  CHECK_ERR("parse(array)");
  CHECK(pactffi_parse_pact_json(bad_utf8) == NULL, "invalid UTF-8");
  CHECK_ERR("parse(bad utf8)");
  CHECK(pactffi_message_new_from_json(0, "{\"contents\": ", PactSpecification_V3) == NULL, "new_from_json malformed");
  CHECK_ERR("new_from_json(malformed)");
  CHECK(pactffi_message_new_from_body(NULL, "text/plain") == NULL, "new_from_body NULL");
  CHECK_ERR("new_from_body(NULL)");

  /* NULL pointers everywhere: failure values, never a crash. */
  CHECK(pactffi_pact_model_interaction_iterator(NULL) == NULL, "iterator(NULL)");
  CHECK_ERR("iterator(NULL)");
  CHECK(pactffi_pact_spec_version(NULL) == PactSpecification_Unknown, "spec_version(NULL)");
  CHECK(pactffi_pact_get_consumer(NULL) == NULL, "get_consumer(NULL)");
  CHECK(pactffi_consumer_get_name(NULL) == NULL, "consumer_get_name(NULL)");
  CHECK(pactffi_pact_interaction_iter_next(NULL) == NULL, "iter_next(NULL)");
  CHECK(pactffi_pact_interaction_as_synchronous_http(NULL) == NULL, "as_http(NULL)");
  CHECK_ERR("as_http(NULL)");
  CHECK(pactffi_sync_http_get_description(NULL) == NULL, "description(NULL)");
  CHECK(pactffi_sync_http_set_description(NULL, "x") == 1, "set_description(NULL)");
  CHECK(pactffi_async_message_get_contents_length(NULL) == 0, "length(NULL)");
  CHECK(pactffi_sync_message_get_request_contents_bin(NULL) == NULL, "bin(NULL)");
  CHECK(pactffi_message_contents_get_contents_str(NULL) == NULL, "contents_str(NULL)");
  CHECK(pactffi_message_contents_get_matching_rule_iter(NULL, MatchingRuleCategory_BODY) == NULL, "rule iter(NULL)");
  CHECK(pactffi_matching_rules_iter_next(NULL) == NULL, "rules_iter_next(NULL)");
  CHECK(pactffi_generators_iter_next(NULL) == NULL, "generators_iter_next(NULL)");
  CHECK(pactffi_message_metadata_iter_next(NULL) == NULL, "metadata_iter_next(NULL)");
  CHECK(pactffi_provider_state_get_name(NULL) == NULL, "state name(NULL)");
  CHECK(pactffi_provider_state_get_param_iter(NULL) == NULL, "param iter(NULL)");
  CHECK(pactffi_matching_rule_to_json(NULL) == NULL, "rule_to_json(NULL)");
  CHECK(pactffi_generator_to_json(NULL) == NULL, "generator_to_json(NULL)");
  CHECK(pactffi_generator_generate_string(NULL, NULL) == NULL, "generate_string(NULL)");
  CHECK(pactffi_generator_generate_integer(NULL, NULL) == 0, "generate_integer(NULL)");
  CHECK(pactffi_message_insert_metadata(NULL, "k", "v") == -2, "insert_metadata(NULL)");
  pactffi_pact_model_delete(NULL); /* like free(NULL) */
  pactffi_message_delete(NULL);
  pactffi_string_delete(NULL);

  /* Wrong kinds and deleted pointers. */
  SynchronousMessage *s = pactffi_sync_message_new();
  CHECK(pactffi_async_message_get_description((AsynchronousMessage *)s) == NULL, "a SynchronousMessage is not an AsynchronousMessage");
  CHECK_ERR("wrong kind");
  CHECK(pactffi_pact_spec_version((Pact *)s) == PactSpecification_Unknown, "a message is not a pact");
  CHECK_ERR("wrong kind (pact)");
  pactffi_sync_message_delete(s);
  CHECK(pactffi_sync_message_get_description(s) == NULL, "deleted pointer");
  CHECK_ERR("deleted pointer");
  pactffi_sync_message_delete(s);
  CHECK_ERR("double delete");
  int on_stack = 0;
  CHECK(pactffi_pact_model_interaction_iterator((Pact *)&on_stack) == NULL, "foreign pointer");
  CHECK_ERR("foreign pointer");

  /* Bad categories and bad input on a live object. */
  Message *m = pactffi_message_new();
  pactffi_message_set_contents(m, "x", bad_utf8);
  CHECK_ERR("set_contents(content type not UTF-8)");
  CHECK(pactffi_message_set_description(m, NULL) == 1, "set_description(NULL)");
  CHECK_ERR("set_description(NULL)");
  CHECK(pactffi_message_get_provider_state(m, 0) == NULL, "no states");
  CHECK_ERR("state index");
  pactffi_message_delete(m);
  AsynchronousMessage *a = pactffi_async_message_new();
  const MessageContents *mc = pactffi_async_message_get_contents(a);
  CHECK(pactffi_message_contents_get_matching_rule_iter(mc, (MatchingRuleCategory)42) == NULL, "category 42");
  CHECK_ERR("category 42");
  CHECK(pactffi_message_contents_get_generators_iter(mc, (GeneratorCategory)-1) == NULL, "category -1");
  CHECK_ERR("category -1");
  pactffi_async_message_delete(a);
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s <real-pacts dir>\n", argv[0]); return 2; }
  test_combined_pact(argv[1]);
  test_sync_pact(argv[1]);
  test_message_pact(argv[1]);
  test_build_objects();
  test_misuse();
  return h7_done("test_model");
}
