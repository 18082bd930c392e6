/*
 * test_matching.c - the matching utilities through the C ABI: matcher
 * definition expressions and their rule iterators, pactffi_matches_*_value,
 * regex and date-time helpers, message matching with the mismatch
 * accessors, and misuse of each.
 */
#define _DEFAULT_SOURCE
#include <regex.h>
#include <stdint.h>

#include "h7_check.h"

static int matches_posix(const char *re, const char *s) {
  regex_t r;
  if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB) != 0) return 0;
  int ok = regexec(&r, s, 0, NULL, 0) == 0;
  regfree(&r);
  return ok;
}

static int streq_free(const char *s, const char *want) {
  int ok = s != NULL && strcmp(s, want) == 0;
  if (!ok) fprintf(stderr, "  got %s, want %s\n", s ? s : "(NULL)", want);
  if (s) pactffi_string_delete((char *)s);
  return ok;
}

/* first_rule parses expr and returns its first rule result (iterator kept in *it). */
static const MatchingRuleResult *first_rule(const char *expr, const MatchingRuleDefinitionResult **def, MatchingRuleIterator **it) {
  *def = pactffi_parse_matcher_definition(expr);
  *it = pactffi_matcher_definition_iter(*def);
  return *it ? pactffi_matching_rule_iter_next(*it) : NULL;
}

static void done_rule(const MatchingRuleDefinitionResult *def, MatchingRuleIterator *it) {
  if (it) pactffi_matching_rule_iter_delete(it);
  pactffi_matcher_definition_delete(def);
}

static void test_definitions(void) {
  const MatchingRuleDefinitionResult *def;
  MatchingRuleIterator *it;

  const MatchingRuleResult *r = first_rule("matching(regex, '\\d+', '123')", &def, &it);
  CHECK(pactffi_matcher_definition_error(def) == NULL, "no error");
  CHECK(streq_free(pactffi_matcher_definition_value(def), "123"), "value");
  CHECK(pactffi_matcher_definition_value_type(def) == ExpressionValueType_String, "string value");
  CHECK(r != NULL && pactffi_matching_rule_id(r) == 2, "regex rule id 2");
  CHECK(r && pactffi_matching_rule_value(r) && strcmp(pactffi_matching_rule_value(r), "\\d+") == 0, "rule value");
  CHECK(r && pactffi_matching_rule_reference_name(r) == NULL, "not a reference");
  const MatchingRule *rule = r ? pactffi_matching_rule_pointer(r) : NULL;
  CHECK(rule != NULL, "rule pointer");
  CHECK(pactffi_matches_string_value(rule, "123", "4567", 0) == NULL, "4567 matches \\d+");
  const char *mm = pactffi_matches_string_value(rule, "123", "12a", 0);
  CHECK(mm != NULL && strstr(mm, "12a") != NULL, "12a does not match: %s", mm ? mm : "(NULL)");
  pactffi_string_delete((char *)mm);
  CHECK(streq_free(pactffi_matching_rule_to_json(rule), "{\"match\":\"regex\",\"regex\":\"\\\\d+\"}"), "rule json");
  CHECK(pactffi_matching_rule_iter_next(it) == NULL, "one rule");
  done_rule(def, it);

  r = first_rule("matching(integer, 100)", &def, &it);
  CHECK(pactffi_matcher_definition_value_type(def) == ExpressionValueType_Integer, "integer value");
  CHECK(r && pactffi_matching_rule_id(r) == 12, "integer rule id 12");
  rule = r ? pactffi_matching_rule_pointer(r) : NULL;
  CHECK(pactffi_matches_i64_value(rule, 100, -5, 0) == NULL, "-5 is an integer");
  CHECK(pactffi_matches_u64_value(rule, 100, 18446744073709551615ULL, 0) == NULL, "u64 max is an integer");
  mm = pactffi_matches_f64_value(rule, 100, 1.5, 0);
  CHECK(mm != NULL, "1.5 is not an integer");
  pactffi_string_delete((char *)mm);
  mm = pactffi_matches_json_value(rule, "100", "\"100\"", 0);
  CHECK(mm != NULL, "the JSON string \"100\" is not an integer");
  pactffi_string_delete((char *)mm);
  done_rule(def, it);

  r = first_rule("matching(boolean, true)", &def, &it);
  CHECK(pactffi_matcher_definition_value_type(def) == ExpressionValueType_Boolean, "boolean value");
  rule = r ? pactffi_matching_rule_pointer(r) : NULL;
  CHECK(pactffi_matches_bool_value(rule, 1, 0, 0) == NULL, "false is a boolean");
  done_rule(def, it);

  r = first_rule("matching(equalTo, 'abc')", &def, &it);
  rule = r ? pactffi_matching_rule_pointer(r) : NULL;
  CHECK(r && pactffi_matching_rule_id(r) == 1, "equality id 1");
  CHECK(pactffi_matches_binary_value(rule, (const unsigned char *)"abc", 3, (const unsigned char *)"abc", 3, 0) == NULL, "equal bytes");
  mm = pactffi_matches_binary_value(rule, (const unsigned char *)"abc", 3, (const unsigned char *)"abd", 3, 0);
  CHECK(mm && strcmp(mm, "Expected '[97, 98, 99]...' (3 bytes) to be equal to '[97, 98, 100]...' (3 bytes)") == 0,
        "different bytes: %s", mm ? mm : "(NULL)");
  pactffi_string_delete((char *)mm);
  done_rule(def, it);

  r = first_rule("notEmpty('x')", &def, &it);
  rule = r ? pactffi_matching_rule_pointer(r) : NULL;
  mm = pactffi_matches_binary_value(rule, (const unsigned char *)"x", 1, (const unsigned char *)"", 0, 0);
  CHECK(mm && strcmp(mm, "Expected [] (0 bytes) to not be empty") == 0, "empty bytes: %s", mm ? mm : "(NULL)");
  pactffi_string_delete((char *)mm);
  CHECK(pactffi_matches_binary_value(rule, (const unsigned char *)"x", 1, (const unsigned char *)"\x00", 1, 0) == NULL, "one byte is not empty");
  done_rule(def, it);

  r = first_rule("matching(datetime, 'yyyy-MM-dd', '2020-01-01')", &def, &it);
  CHECK(r && pactffi_matching_rule_id(r) == 7, "timestamp id 7");
  CHECK(r && pactffi_matching_rule_value(r) && strcmp(pactffi_matching_rule_value(r), "yyyy-MM-dd") == 0, "format value");
  const Generator *g = pactffi_matcher_definition_generator(def);
  CHECK(g != NULL, "a datetime definition implies a generator");
  if (g) {
    const char *js = pactffi_generator_to_json(g);
    CHECK_HAS(js, "\"type\":\"DateTime\"");
    pactffi_string_delete((char *)js);
    const char *v = pactffi_generator_generate_string(g, NULL);
    CHECK(v && matches_posix("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", v), "generated date %s", v ? v : "(NULL)");
    pactffi_string_delete((char *)v);
  }
  done_rule(def, it);

  r = first_rule("atLeast(2), eachValue(matching(type, 'x'))", &def, &it);
  CHECK(r && pactffi_matching_rule_id(r) == 4, "atLeast is MinType (4)");
  CHECK(r && pactffi_matching_rule_value(r) && strcmp(pactffi_matching_rule_value(r), "2") == 0, "min value");
  r = pactffi_matching_rule_iter_next(it);
  CHECK(r && pactffi_matching_rule_id(r) == 23, "eachValue id 23");
  done_rule(def, it);

  r = first_rule("matching($'items')", &def, &it);
  CHECK(r && pactffi_matching_rule_id(r) == 0, "a reference has id 0");
  CHECK(r && pactffi_matching_rule_reference_name(r) && strcmp(pactffi_matching_rule_reference_name(r), "items") == 0, "reference name");
  CHECK(r && pactffi_matching_rule_pointer(r) == NULL, "a reference has no rule");
  done_rule(def, it);

  def = pactffi_parse_matcher_definition("hello");
  CHECK(streq_free(pactffi_matcher_definition_value(def), "hello"), "plain value");
  it = pactffi_matcher_definition_iter(def);
  CHECK(it && pactffi_matching_rule_iter_next(it) == NULL, "a plain value has no rules");
  done_rule(def, it);

  def = pactffi_parse_matcher_definition("");
  CHECK(streq_free(pactffi_matcher_definition_error(def), "Expected a matching rule definition, but got an empty string"), "empty");
  pactffi_matcher_definition_delete(def);

  def = pactffi_parse_matcher_definition("matching(regex, '\\d+'");
  const char *err = pactffi_matcher_definition_error(def);
  CHECK(err != NULL && err[0] != 0, "malformed definition has an error");
  pactffi_string_delete((char *)err);
  CHECK(pactffi_matcher_definition_value(def) == NULL, "no value");
  CHECK(pactffi_matcher_definition_value_type(def) == ExpressionValueType_Unknown, "unknown type");
  CHECK(pactffi_matcher_definition_generator(def) == NULL, "no generator");
  CHECK(pactffi_matcher_definition_iter(def) == NULL, "no iterator");
  CHECK_ERR("iter of a failed definition");
  pactffi_matcher_definition_delete(def);
}

static void test_regex_and_datetime(void) {
  CHECK(pactffi_check_regex("\\d+", "123"), "whole match");
  CHECK(!pactffi_check_regex("\\d+", "abc123"), "the whole example must match (pact_ffi 0.5.8)");
  CHECK(!pactffi_check_regex("^\\d+$", "abc"), "anchored mismatch");
  CHECK(pactffi_check_regex("foo(?=bar)bar", "foobar"), "lookahead via the fallback engine");
  CHECK(!pactffi_check_regex("(", "x"), "invalid regex is false");
  CHECK_ERR("check_regex(invalid)");
  CHECK(!pactffi_check_regex(NULL, "x"), "NULL regex is false");
  CHECK_ERR("check_regex(NULL)");

  for (int n = 0; n < 20; n++) {
    StringResult r = pactffi_generate_regex_value("\\d{3}-[a-z]{2}");
    CHECK(r.tag == StringResult_Ok && matches_posix("^[0-9]{3}-[a-z]{2}$", r.ok), "generated %s", r.ok);
    pactffi_string_delete(r.ok);
  }
  StringResult r = pactffi_generate_regex_value("(");
  CHECK(r.tag == StringResult_Failed && strstr(r.failed, "is not a valid regular expression"), "invalid regex: %s", r.failed);
  pactffi_string_delete(r.failed);
  r = pactffi_generate_regex_value(NULL);
  CHECK(r.tag == StringResult_Failed && strcmp(r.failed, "generate_regex_value: regex is NULL") == 0, "NULL regex");
  pactffi_string_delete(r.failed);

  r = pactffi_generate_datetime_string("yyyy-MM-dd'T'HH:mm");
  CHECK(r.tag == StringResult_Ok && matches_posix("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$", r.ok), "datetime %s", r.ok);
  pactffi_string_delete(r.ok);
  r = pactffi_generate_datetime_string("yyyy-MM-dd'T");
  CHECK(r.tag == StringResult_Failed, "unterminated quote fails: %s", r.ok);
  pactffi_string_delete(r.failed);
  r = pactffi_generate_datetime_string(NULL);
  CHECK(r.tag == StringResult_Failed, "NULL format fails");
  pactffi_string_delete(r.failed);

  CHECK(pactffi_validate_datetime("2020-01-31", "yyyy-MM-dd") == 0, "valid date");
  CHECK(pactffi_validate_datetime("2020-13-31", "yyyy-MM-dd") == 1, "month 13");
  CHECK(strcmp(last_error(), "Date/Time string '2020-13-31' does not match pattern 'yyyy-MM-dd'") == 0, "error: %s", last_error());
  CHECK(pactffi_validate_datetime("", "yyyy") == 1, "empty value");
  CHECK(pactffi_validate_datetime("2020", "") == 1, "empty format");
  CHECK(pactffi_validate_datetime(NULL, "yyyy") == 2, "NULL value");
  CHECK(strcmp(last_error(), "value is null") == 0, "NULL value error: %s", last_error());
  char bad[] = {(char)0xc3, (char)0x28, 0};
  CHECK(pactffi_validate_datetime(bad, bad) == 2, "invalid UTF-8");
  /* pact-python's own test expects pact_ffi's exact wording here. */
  CHECK(strcmp(last_error(), "error parsing value as UTF-8") == 0, "invalid UTF-8 error: %s", last_error());
}

static void test_match_message(void) {
  Message *expected = pactffi_message_new_from_body("{\"a\": 1, \"b\": \"x\"}", "application/json");
  Message *same = pactffi_message_new_from_body("{\"b\": \"x\", \"a\": 1}", "application/json");
  Message *other = pactffi_message_new_from_body("{\"a\": 2, \"b\": \"x\"}", "application/json");
  const Mismatches *none = pactffi_match_message(expected, same);
  MismatchesIterator *it = pactffi_mismatches_get_iter(none);
  CHECK(pactffi_mismatches_iter_next(it) == NULL, "equal messages match");
  pactffi_mismatches_iter_delete(it);
  pactffi_mismatches_delete(none);

  const Mismatches *mm = pactffi_match_message(expected, other);
  it = pactffi_mismatches_get_iter(mm);
  const Mismatch *m = pactffi_mismatches_iter_next(it);
  CHECK(m != NULL, "a mismatch");
  if (m) {
    CHECK(streq_free(pactffi_mismatch_type(m), "BodyMismatch"), "type");
    CHECK(streq_free(pactffi_mismatch_summary(m), "has a matching body"), "summary");
    const char *d = pactffi_mismatch_description(m);
    CHECK(d && strncmp(d, "$.a -> ", 7) == 0, "description %s", d ? d : "(NULL)");
    pactffi_string_delete((char *)d);
    const char *js = pactffi_mismatch_to_json(m);
    CHECK_HAS(js, "\"type\":\"BodyMismatch\"");
    CHECK_HAS(js, "\"path\":\"$.a\"");
    pactffi_string_delete((char *)js);
    const char *ansi = pactffi_mismatch_ansi_description(m);
    CHECK(ansi != NULL, "ansi description");
    pactffi_string_delete((char *)ansi);
  }
  CHECK(pactffi_mismatches_iter_next(it) == NULL, "one mismatch");
  pactffi_mismatches_iter_delete(it);
  /* A mismatch is borrowed from its Mismatches and cannot outlive it. */
  pactffi_mismatches_delete(mm);
  CHECK(pactffi_mismatch_type(m) == NULL, "mismatch freed with its Mismatches");
  CHECK_ERR("mismatch after delete");
  pactffi_message_delete(expected);
  pactffi_message_delete(same);
  pactffi_message_delete(other);
}

static void test_misuse(void) {
  const char *r = pactffi_matches_string_value(NULL, "a", "b", 0);
  CHECK(r != NULL, "a NULL rule must not read as a match");
  CHECK_ERR("matches_string_value(NULL rule)");
  pactffi_string_delete((char *)r);
  const MatchingRuleDefinitionResult *def = pactffi_parse_matcher_definition("matching(type, 'x')");
  MatchingRuleIterator *it = pactffi_matcher_definition_iter(def);
  const MatchingRule *rule = pactffi_matching_rule_pointer(pactffi_matching_rule_iter_next(it));
  r = pactffi_matches_string_value(rule, NULL, "b", 0);
  CHECK(r != NULL, "NULL expected value");
  CHECK_ERR("matches_string_value(NULL expected)");
  pactffi_string_delete((char *)r);
  r = pactffi_matches_json_value(rule, "{", "1", 0);
  CHECK(r && strncmp(r, "Failed to parse expected JSON", 29) == 0, "bad expected JSON: %s", r ? r : "(NULL)");
  pactffi_string_delete((char *)r);
  r = pactffi_matches_json_value(rule, "1", "[", 0);
  CHECK(r && strncmp(r, "Failed to parse actual JSON", 27) == 0, "bad actual JSON");
  pactffi_string_delete((char *)r);
  r = pactffi_matches_binary_value(rule, NULL, 4, (const unsigned char *)"x", 1, 0);
  CHECK(r != NULL, "NULL expected bytes with a size");
  pactffi_string_delete((char *)r);
  r = pactffi_matches_i64_value((const MatchingRule *)def, 1, 1, 0);
  CHECK(r != NULL, "a definition is not a rule");
  CHECK_ERR("wrong kind");
  pactffi_string_delete((char *)r);
  pactffi_matching_rule_iter_delete(it);
  pactffi_matcher_definition_delete(def);
  CHECK(pactffi_parse_matcher_definition(NULL) == NULL, "NULL expression");
  CHECK_ERR("parse_matcher_definition(NULL)");
  CHECK(pactffi_matcher_definition_value(NULL) == NULL, "value(NULL)");
  CHECK(pactffi_matching_rule_id(NULL) == 0, "rule_id(NULL)");
  CHECK(pactffi_match_message(NULL, NULL) == NULL, "match_message(NULL)");
  CHECK_ERR("match_message(NULL)");
  CHECK(pactffi_mismatches_get_iter(NULL) == NULL, "mismatches iter(NULL)");
  CHECK(pactffi_mismatch_to_json(NULL) == NULL, "mismatch_to_json(NULL)");
  pactffi_mismatches_delete(NULL);
}

int main(void) {
  test_definitions();
  test_regex_and_datetime();
  test_match_message();
  test_misuse();
  return h7_done("test_matching");
}
