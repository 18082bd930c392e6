/*
 * test_realpacts.c - load every pact of a directory of real pact files
 * through pactffi_parse_pact_json and walk it with the model API.
 *
 *   test_realpacts <dir>    (dir holds the *.json files and INDEX.tsv)
 *
 * For every valid file (not named invalid-*): the pact must load, and the
 * interaction iterator must yield exactly INDEX.tsv's interaction_count
 * interactions; each interaction is converted with every
 * pactffi_pact_interaction_as_* function and its description, contents,
 * provider states and rules are read. For every invalid-* file: either NULL
 * with a non-empty error message, or a tolerant read that walks cleanly.
 * Nothing may crash. Prints the counts and exits non-zero on any failure.
 */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pact.h"

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (fread(buf, 1, (size_t)n, f) != (size_t)n) { fclose(f); free(buf); return NULL; }
  buf[n] = 0;
  fclose(f);
  return buf;
}

/* expected_count looks file up in INDEX.tsv (column 6); -1 when absent. */
static int expected_count(const char *index, const char *file) {
  size_t flen = strlen(file);
  const char *p = index;
  while (p && *p) {
    const char *eol = strchr(p, '\n');
    if (strncmp(p, file, flen) == 0 && p[flen] == '\t') {
      const char *q = p;
      for (int col = 0; col < 5 && q; col++) { q = strchr(q, '\t'); if (q) q++; }
      return q ? atoi(q) : -1;
    }
    p = eol ? eol + 1 : NULL;
  }
  return -1;
}

static void walk_rules(MatchingRuleCategoryIterator *it, long *rules) {
  if (!it) return;
  const MatchingRuleKeyValuePair *pair;
  while ((pair = pactffi_matching_rules_iter_next(it)) != NULL) {
    const char *js = pactffi_matching_rule_to_json(pair->rule);
    if (js) { (*rules)++; pactffi_string_delete((char *)js); }
    pactffi_matching_rules_iter_pair_delete(pair);
  }
  pactffi_matching_rules_iter_delete(it);
}

static void walk_states(ProviderStateIterator *it, long *states) {
  if (!it) return;
  ProviderState *s;
  while ((s = pactffi_provider_state_iter_next(it)) != NULL) {
    const char *name = pactffi_provider_state_get_name(s);
    if (name) { (*states)++; pactffi_string_delete((char *)name); }
    ProviderStateParamIterator *pit = pactffi_provider_state_get_param_iter(s);
    ProviderStateParamPair *pp;
    while (pit && (pp = pactffi_provider_state_param_iter_next(pit)) != NULL) pactffi_provider_state_param_pair_delete(pp);
    if (pit) pactffi_provider_state_param_iter_delete(pit);
  }
  pactffi_provider_state_iter_delete(it);
}

static void walk_contents(const MessageContents *mc, long *rules) {
  if (!mc) return;
  const char *s = pactffi_message_contents_get_contents_str(mc);
  if (s) pactffi_string_delete((char *)s);
  (void)pactffi_message_contents_get_contents_bin(mc);
  (void)pactffi_message_contents_get_contents_length(mc);
  MessageMetadataIterator *mit = pactffi_message_contents_get_metadata_iter(mc);
  MessageMetadataPair *mp;
  while (mit && (mp = pactffi_message_metadata_iter_next(mit)) != NULL) pactffi_message_metadata_pair_delete(mp);
  if (mit) pactffi_message_metadata_iter_delete(mit);
  walk_rules(pactffi_message_contents_get_matching_rule_iter(mc, MatchingRuleCategory_BODY), rules);
  walk_rules(pactffi_message_contents_get_matching_rule_iter(mc, MatchingRuleCategory_METADATA), rules);
}

/* walk reads everything of one loaded pact; returns the interaction count. */
static int walk(Pact *pact, long *rules, long *states, int *kinds) {
  int count = 0;
  const Consumer *c = pactffi_pact_get_consumer(pact);
  const char *cn = pactffi_consumer_get_name(c);
  if (cn) pactffi_string_delete((char *)cn);
  pactffi_pact_consumer_delete(c);
  PactInteractionIterator *it = pactffi_pact_model_interaction_iterator(pact);
  const PactInteraction *i;
  while ((i = pactffi_pact_interaction_iter_next(it)) != NULL) {
    count++;
    const SynchronousHttp *http = pactffi_pact_interaction_as_synchronous_http(i);
    const AsynchronousMessage *am = pactffi_pact_interaction_as_asynchronous_message(i);
    const SynchronousMessage *sm = pactffi_pact_interaction_as_synchronous_message(i);
    const Message *m = pactffi_pact_interaction_as_message(i);
    if (http) {
      kinds[0]++;
      const char *d = pactffi_sync_http_get_description(http);
      if (d) pactffi_string_delete((char *)d);
      const char *b = pactffi_sync_http_get_response_contents(http);
      if (b) pactffi_string_delete((char *)b);
      (void)pactffi_sync_http_get_request_contents_bin(http);
      walk_states(pactffi_sync_http_get_provider_state_iter((SynchronousHttp *)http), states);
      const HttpRequest *rq = pactffi_sync_http_get_request(http);
      const HttpResponse *rs = pactffi_sync_http_get_response(http);
      for (int cat = 0; cat <= MatchingRuleCategory_METADATA; cat++) {
        walk_rules(pactffi_request_contents_get_matching_rule_iter(rq, (MatchingRuleCategory)cat), rules);
        walk_rules(pactffi_response_contents_get_matching_rule_iter(rs, (MatchingRuleCategory)cat), rules);
      }
      pactffi_sync_http_delete(http);
    }
    if (am) {
      kinds[1]++;
      const char *d = pactffi_async_message_get_description(am);
      if (d) pactffi_string_delete((char *)d);
      walk_states(pactffi_async_message_get_provider_state_iter((AsynchronousMessage *)am), states);
      walk_contents(pactffi_async_message_get_contents(am), rules);
      pactffi_async_message_delete(am);
    }
    if (sm) {
      kinds[2]++;
      walk_states(pactffi_sync_message_get_provider_state_iter((SynchronousMessage *)sm), states);
      walk_contents(pactffi_sync_message_get_request_contents(sm), rules);
      size_t n = pactffi_sync_message_get_number_responses(sm);
      for (size_t r = 0; r < n; r++) walk_contents(pactffi_sync_message_get_response_contents(sm, r), rules);
      pactffi_sync_message_delete((SynchronousMessage *)sm);
    }
    if (m) {
      const char *s = pactffi_message_get_contents(m);
      if (s) pactffi_string_delete((char *)s);
      pactffi_message_delete((Message *)m);
    }
    if (!http && !am && !sm) kinds[3]++;
  }
  pactffi_pact_interaction_iter_delete(it);
  return count;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: %s <real-pacts dir>\n", argv[0]); return 2; }
  char path[4096];
  snprintf(path, sizeof path, "%s/INDEX.tsv", argv[1]);
  char *index = read_file(path);
  if (!index) { fprintf(stderr, "cannot read %s\n", path); return 2; }
  DIR *d = opendir(argv[1]);
  if (!d) { fprintf(stderr, "cannot open %s\n", argv[1]); return 2; }
  int valid = 0, valid_ok = 0, invalid = 0, invalid_rejected = 0, invalid_tolerated = 0, failures = 0;
  long interactions = 0, rules = 0, states = 0;
  int kinds[4] = {0, 0, 0, 0};
  struct dirent *e;
  char err[2048];
  while ((e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    if (n < 6 || strcmp(e->d_name + n - 5, ".json") != 0) continue;
    snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
    char *json = read_file(path);
    if (!json) { fprintf(stderr, "FAIL %s: unreadable\n", e->d_name); failures++; continue; }
    int is_invalid = strncmp(e->d_name, "invalid-", 8) == 0;
    Pact *pact = pactffi_parse_pact_json(json);
    if (is_invalid) {
      invalid++;
      if (pact == NULL) {
        if (pactffi_get_error_message(err, sizeof err) > 1) invalid_rejected++;
        else { fprintf(stderr, "FAIL %s: NULL without an error message\n", e->d_name); failures++; }
      } else {
        long r2 = 0, s2 = 0;
        int k2[4] = {0, 0, 0, 0};
        walk(pact, &r2, &s2, k2);
        invalid_tolerated++;
        pactffi_pact_model_delete(pact);
      }
    } else {
      valid++;
      int want = expected_count(index, e->d_name);
      if (pact == NULL) {
        pactffi_get_error_message(err, sizeof err);
        fprintf(stderr, "FAIL %s: not loaded: %s\n", e->d_name, err);
        failures++;
      } else {
        int got = walk(pact, &rules, &states, kinds);
        interactions += got;
        if (want >= 0 && got != want) {
          fprintf(stderr, "FAIL %s: %d interactions, INDEX.tsv says %d\n", e->d_name, got, want);
          failures++;
        } else if (want < 0) {
          fprintf(stderr, "FAIL %s: not in INDEX.tsv\n", e->d_name);
          failures++;
        } else {
          valid_ok++;
        }
        pactffi_pact_model_delete(pact);
      }
    }
    free(json);
  }
  closedir(d);
  free(index);
  printf("real pacts: %d/%d valid files loaded with the right interaction count (%ld interactions: "
         "%d HTTP, %d async, %d sync messages; %ld rules, %ld provider states read)\n",
         valid_ok, valid, interactions, kinds[0], kinds[1], kinds[2], rules, states);
  printf("invalid files: %d, %d rejected with an error message, %d read tolerantly\n",
         invalid, invalid_rejected, invalid_tolerated);
  if (failures) { printf("FAILED: %d problems\n", failures); return 1; }
  printf("PASS test_realpacts\n");
  return 0;
}
