/*
 * h7_dump_model.c - print everything the model API shows of one pact file
 * (kinds, descriptions, bodies, provider states and parameters, rules and
 * generators of every category, message metadata), one fact per line.
 *
 *   h7_dump_model <pact.json>
 *
 * Built against libpact and against the Rust pact_ffi, the two dumps of the
 * same file can be diffed (`make -f conformance/ctest/h7.mk compare-h7
 * RUST_LIB=/path/to/libpact_ffi.so`), which is how the model accessors were
 * checked against the reference.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pact.h"
static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb"); if (!f) return NULL;
  fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1); size_t g = fread(buf, 1, (size_t)n, f); buf[g] = 0; fclose(f); return buf;
}
static void ps(const char *label, const char *s) { printf("  %s: %s\n", label, s ? s : "(NULL)"); if (s) pactffi_string_delete((char*)s); }
static void rules(const char *label, MatchingRuleCategoryIterator *it) {
  if (!it) { printf("  %s: (no iter)\n", label); return; }
  const MatchingRuleKeyValuePair *p;
  while ((p = pactffi_matching_rules_iter_next(it))) { const char *j = pactffi_matching_rule_to_json(p->rule); printf("  %s %s %s\n", label, p->path, j ? j : "NULL"); if (j) pactffi_string_delete((char*)j); pactffi_matching_rules_iter_pair_delete(p); }
  pactffi_matching_rules_iter_delete(it);
}
static void gens(const char *label, GeneratorCategoryIterator *it) {
  if (!it) return;
  const GeneratorKeyValuePair *p;
  while ((p = pactffi_generators_iter_next(it))) { const char *j = pactffi_generator_to_json(p->generator); printf("  %s %s %s\n", label, p->path, j ? j : "NULL"); if (j) pactffi_string_delete((char*)j); pactffi_generators_iter_pair_delete(p); }
  pactffi_generators_iter_delete(it);
}
static void states(ProviderStateIterator *it) {
  ProviderState *s;
  while ((s = pactffi_provider_state_iter_next(it))) {
    ps("state", pactffi_provider_state_get_name(s));
    ProviderStateParamIterator *pi = pactffi_provider_state_get_param_iter(s); ProviderStateParamPair *pp;
    while ((pp = pactffi_provider_state_param_iter_next(pi))) { printf("   param %s=%s\n", pp->key, pp->value); pactffi_provider_state_param_pair_delete(pp); }
    pactffi_provider_state_param_iter_delete(pi);
  }
  pactffi_provider_state_iter_delete(it);
}
static void contents(const char *label, const MessageContents *mc) {
  if (!mc) { printf("  %s: no contents\n", label); return; }
  char l[64]; snprintf(l, sizeof l, "%s.str", label);
  ps(l, pactffi_message_contents_get_contents_str(mc));
  printf("  %s.len: %zu\n", label, pactffi_message_contents_get_contents_length(mc));
  MessageMetadataIterator *mi = pactffi_message_contents_get_metadata_iter(mc); MessageMetadataPair *mp;
  while ((mp = pactffi_message_metadata_iter_next(mi))) { printf("  %s.md %s=%s\n", label, mp->key, mp->value); pactffi_message_metadata_pair_delete(mp); }
  pactffi_message_metadata_iter_delete(mi);
  for (int c = 0; c <= 7; c++) { char r[64]; snprintf(r, sizeof r, "%s.rule[%d]", label, c); rules(r, pactffi_message_contents_get_matching_rule_iter(mc, (MatchingRuleCategory)c)); }
  for (int c = 0; c <= 6; c++) { char r[64]; snprintf(r, sizeof r, "%s.gen[%d]", label, c); gens(r, pactffi_message_contents_get_generators_iter(mc, (GeneratorCategory)c)); }
}
int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s <pact.json>\n", argv[0]); return 2; }
  char *json = read_file(argv[1]);
  if (!json) { fprintf(stderr, "cannot read %s\n", argv[1]); return 2; }
  Pact *p = pactffi_parse_pact_json(json);
  free(json);
  if (!p) { printf("NULL\n"); return 0; }
  printf("spec %d\n", pactffi_pact_spec_version(p));
  PactInteractionIterator *it = pactffi_pact_model_interaction_iterator(p);
  const PactInteraction *i; int n = 0;
  while ((i = pactffi_pact_interaction_iter_next(it))) {
    printf("interaction %d\n", n++);
    const SynchronousHttp *h = pactffi_pact_interaction_as_synchronous_http(i);
    const AsynchronousMessage *a = pactffi_pact_interaction_as_asynchronous_message(i);
    const SynchronousMessage *s = pactffi_pact_interaction_as_synchronous_message(i);
    const Message *m = pactffi_pact_interaction_as_message(i);
    printf(" kinds %d%d%d%d\n", !!h, !!a, !!s, !!m);
    if (h) {
      ps("desc", pactffi_sync_http_get_description(h));
      ps("req", pactffi_sync_http_get_request_contents(h));
      ps("resp", pactffi_sync_http_get_response_contents(h));
      printf("  lens %zu %zu\n", pactffi_sync_http_get_request_contents_length(h), pactffi_sync_http_get_response_contents_length(h));
      states(pactffi_sync_http_get_provider_state_iter((SynchronousHttp*)h));
      for (int c = 0; c <= 7; c++) { char r[32]; snprintf(r, sizeof r, "req.rule[%d]", c); rules(r, pactffi_request_contents_get_matching_rule_iter(pactffi_sync_http_get_request(h), (MatchingRuleCategory)c)); }
      for (int c = 0; c <= 7; c++) { char r[32]; snprintf(r, sizeof r, "resp.rule[%d]", c); rules(r, pactffi_response_contents_get_matching_rule_iter(pactffi_sync_http_get_response(h), (MatchingRuleCategory)c)); }
      for (int c = 0; c <= 6; c++) { char r[32]; snprintf(r, sizeof r, "req.gen[%d]", c); gens(r, pactffi_request_contents_get_generators_iter(pactffi_sync_http_get_request(h), (GeneratorCategory)c)); }
      for (int c = 0; c <= 6; c++) { char r[32]; snprintf(r, sizeof r, "resp.gen[%d]", c); gens(r, pactffi_response_contents_get_generators_iter(pactffi_sync_http_get_response(h), (GeneratorCategory)c)); }
      pactffi_sync_http_delete(h);
    }
    if (a) {
      ps("desc", pactffi_async_message_get_description(a));
      ps("str", pactffi_async_message_get_contents_str(a));
      states(pactffi_async_message_get_provider_state_iter((AsynchronousMessage*)a));
      contents("contents", pactffi_async_message_get_contents(a));
      pactffi_async_message_delete(a);
    }
    if (s) {
      ps("desc", pactffi_sync_message_get_description(s));
      states(pactffi_sync_message_get_provider_state_iter((SynchronousMessage*)s));
      contents("request", pactffi_sync_message_get_request_contents(s));
      size_t nr = pactffi_sync_message_get_number_responses(s);
      printf("  responses %zu\n", nr);
      for (size_t r = 0; r < nr; r++) contents("response", pactffi_sync_message_get_response_contents(s, r));
      pactffi_sync_message_delete((SynchronousMessage*)s);
    }
    if (m) {
      MessageMetadataIterator *mi = pactffi_message_get_metadata_iter((Message*)m); MessageMetadataPair *mp;
      while ((mp = pactffi_message_metadata_iter_next(mi))) { printf("  msg.md %s=%s\n", mp->key, mp->value); pactffi_message_metadata_pair_delete(mp); }
      pactffi_message_metadata_iter_delete(mi);
      pactffi_message_delete((Message*)m);
    }
  }
  pactffi_pact_interaction_iter_delete(it);
  pactffi_pact_model_delete(p);
  return 0;
}
