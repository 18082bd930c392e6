/*
 * stubs.c - a weak definition of every pact_ffi 0.5.8 function (all 280, plus
 * the 0.4.x pactffi_create_mock_server, pactffi_create_mock_server_for_pact and
 * pactffi_verify, which the released pact-go v2.4.x still links).
 *
 * Clients such as pact-python (cffi API mode) and pact-php (FFI::cdef) bind
 * every function declared in pact.h when they load the library, so every
 * symbol must exist even where libpact has no implementation. A Go //export
 * of the same name is a strong definition and overrides the stub at link
 * time. A stub that is still reached returns the function's failure value
 * and sets the thread's last error to "pactffi_xxx is not implemented by
 * libpact" (see pactffi_get_error_message).
 *
 * conformance/ctest checks that the exported symbols equal the declarations
 * of include/pact.h.
 */
#include <stdlib.h>
#include "types.h"

/* Defined in errors.go. */
extern void libpact_stub_called(char *name);
extern char *libpact_stub_string(char *name);

#define STUB __attribute__((weak))

STUB bool pactffi_add_interaction_reference(InteractionHandle interaction, const char *group, const char *name, const char *value) {
  (void)interaction;
  (void)group;
  (void)name;
  (void)value;
  libpact_stub_called("pactffi_add_interaction_reference");
  return false;
}

STUB bool pactffi_add_text_comment(InteractionHandle interaction, const char *comment) {
  (void)interaction;
  (void)comment;
  libpact_stub_called("pactffi_add_text_comment");
  return false;
}

STUB void pactffi_async_message_delete(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_delete");
}

STUB const struct MessageContents *pactffi_async_message_generate_contents(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_generate_contents");
  return NULL;
}

STUB const struct MessageContents *pactffi_async_message_get_contents(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_get_contents");
  return NULL;
}

STUB const unsigned char *pactffi_async_message_get_contents_bin(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_get_contents_bin");
  return NULL;
}

STUB size_t pactffi_async_message_get_contents_length(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_get_contents_length");
  return 0;
}

STUB const char *pactffi_async_message_get_contents_str(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_get_contents_str");
  return NULL;
}

STUB const char *pactffi_async_message_get_description(const struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_get_description");
  return NULL;
}

STUB const struct ProviderState *pactffi_async_message_get_provider_state(const struct AsynchronousMessage *message, unsigned int index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_async_message_get_provider_state");
  return NULL;
}

STUB struct ProviderStateIterator *pactffi_async_message_get_provider_state_iter(struct AsynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_async_message_get_provider_state_iter");
  return NULL;
}

STUB struct AsynchronousMessage *pactffi_async_message_new(void) {
  libpact_stub_called("pactffi_async_message_new");
  return NULL;
}

STUB void pactffi_async_message_set_contents_bin(struct AsynchronousMessage *message, const unsigned char *contents, size_t len, const char *content_type) {
  (void)message;
  (void)contents;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_async_message_set_contents_bin");
}

STUB void pactffi_async_message_set_contents_str(struct AsynchronousMessage *message, const char *contents, const char *content_type) {
  (void)message;
  (void)contents;
  (void)content_type;
  libpact_stub_called("pactffi_async_message_set_contents_str");
}

STUB int pactffi_async_message_set_description(struct AsynchronousMessage *message, const char *description) {
  (void)message;
  (void)description;
  libpact_stub_called("pactffi_async_message_set_description");
  return -1;
}

STUB bool pactffi_check_regex(const char *regex, const char *example) {
  (void)regex;
  (void)example;
  libpact_stub_called("pactffi_check_regex");
  return false;
}

STUB bool pactffi_cleanup_mock_server(int32_t mock_server_port) {
  (void)mock_server_port;
  libpact_stub_called("pactffi_cleanup_mock_server");
  return false;
}

STUB void pactffi_cleanup_plugins(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_cleanup_plugins");
}

STUB const char *pactffi_consumer_get_name(const struct Consumer *consumer) {
  (void)consumer;
  libpact_stub_called("pactffi_consumer_get_name");
  return NULL;
}

STUB int32_t pactffi_create_mock_server(const char *pact_str, const char *addr_str, bool tls) {
  (void)pact_str;
  (void)addr_str;
  (void)tls;
  libpact_stub_called("pactffi_create_mock_server");
  return -1;
}

STUB int32_t pactffi_create_mock_server_for_pact(PactHandle pact, const char *addr_str, bool tls) {
  (void)pact;
  (void)addr_str;
  (void)tls;
  libpact_stub_called("pactffi_create_mock_server_for_pact");
  return -1;
}

STUB int32_t pactffi_create_mock_server_for_transport(PactHandle pact, const char *addr, uint16_t port, const char *transport, const char *transport_config) {
  (void)pact;
  (void)addr;
  (void)port;
  (void)transport;
  (void)transport_config;
  libpact_stub_called("pactffi_create_mock_server_for_transport");
  return -1;
}

STUB void pactffi_enable_ansi_support(void) {
  libpact_stub_called("pactffi_enable_ansi_support");
}

STUB const char *pactffi_fetch_log_buffer(const char *log_id) {
  (void)log_id;
  libpact_stub_called("pactffi_fetch_log_buffer");
  return NULL;
}

STUB unsigned int pactffi_free_message_pact_handle(MessagePactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_free_message_pact_handle");
  return 1;
}

STUB unsigned int pactffi_free_pact_handle(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_free_pact_handle");
  return 1;
}

STUB void pactffi_free_string(char *s) {
  (void)s;
  libpact_stub_called("pactffi_free_string");
}

STUB struct StringResult pactffi_generate_datetime_string(const char *format) {
  (void)format;
  struct StringResult r;
  libpact_stub_called("pactffi_generate_datetime_string");
  r.tag = StringResult_Failed;
  r.value = libpact_stub_string("pactffi_generate_datetime_string");
  return r;
}

STUB struct StringResult pactffi_generate_regex_value(const char *regex) {
  (void)regex;
  struct StringResult r;
  libpact_stub_called("pactffi_generate_regex_value");
  r.tag = StringResult_Failed;
  r.value = libpact_stub_string("pactffi_generate_regex_value");
  return r;
}

STUB unsigned short pactffi_generator_generate_integer(const struct Generator *generator, const char *context_json) {
  (void)generator;
  (void)context_json;
  libpact_stub_called("pactffi_generator_generate_integer");
  return 0;
}

STUB const char *pactffi_generator_generate_string(const struct Generator *generator, const char *context_json) {
  (void)generator;
  (void)context_json;
  libpact_stub_called("pactffi_generator_generate_string");
  return NULL;
}

STUB const char *pactffi_generator_to_json(const struct Generator *generator) {
  (void)generator;
  libpact_stub_called("pactffi_generator_to_json");
  return NULL;
}

STUB void pactffi_generators_iter_delete(struct GeneratorCategoryIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_generators_iter_delete");
}

STUB const struct GeneratorKeyValuePair *pactffi_generators_iter_next(struct GeneratorCategoryIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_generators_iter_next");
  return NULL;
}

STUB void pactffi_generators_iter_pair_delete(const struct GeneratorKeyValuePair *pair) {
  (void)pair;
  libpact_stub_called("pactffi_generators_iter_pair_delete");
}

STUB int pactffi_get_error_message(char *buffer, int length) {
  (void)buffer;
  (void)length;
  libpact_stub_called("pactffi_get_error_message");
  return -1;
}

STUB const char *pactffi_get_plugin_logs(const char *plugin_instance_id) {
  (void)plugin_instance_id;
  libpact_stub_called("pactffi_get_plugin_logs");
  return NULL;
}

STUB char *pactffi_get_tls_ca_certificate(void) {
  libpact_stub_called("pactffi_get_tls_ca_certificate");
  return NULL;
}

STUB bool pactffi_given(InteractionHandle interaction, const char *description) {
  (void)interaction;
  (void)description;
  libpact_stub_called("pactffi_given");
  return false;
}

STUB bool pactffi_given_with_param(InteractionHandle interaction, const char *description, const char *name, const char *value) {
  (void)interaction;
  (void)description;
  (void)name;
  (void)value;
  libpact_stub_called("pactffi_given_with_param");
  return false;
}

STUB int pactffi_given_with_params(InteractionHandle interaction, const char *description, const char *params) {
  (void)interaction;
  (void)description;
  (void)params;
  libpact_stub_called("pactffi_given_with_params");
  return -1;
}

STUB enum PactSpecification pactffi_handle_get_pact_spec_version(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_handle_get_pact_spec_version");
  return PactSpecification_Unknown;
}

STUB void pactffi_init(const char *log_env_var) {
  (void)log_env_var;
  libpact_stub_called("pactffi_init");
}

STUB void pactffi_init_with_log_level(const char *level) {
  (void)level;
  libpact_stub_called("pactffi_init_with_log_level");
}

STUB unsigned int pactffi_interaction_contents(InteractionHandle interaction, enum InteractionPart part, const char *content_type, const char *contents) {
  (void)interaction;
  (void)part;
  (void)content_type;
  (void)contents;
  libpact_stub_called("pactffi_interaction_contents");
  return 1;
}

STUB unsigned int pactffi_interaction_test_name(InteractionHandle interaction, const char *test_name) {
  (void)interaction;
  (void)test_name;
  libpact_stub_called("pactffi_interaction_test_name");
  return 1;
}

STUB void pactffi_log_message(const char *source, const char *log_level, const char *message) {
  (void)source;
  (void)log_level;
  (void)message;
  libpact_stub_called("pactffi_log_message");
}

STUB int pactffi_log_to_buffer(enum LevelFilter level_filter) {
  (void)level_filter;
  libpact_stub_called("pactffi_log_to_buffer");
  return -1;
}

STUB int pactffi_log_to_file(const char *file_name, enum LevelFilter level_filter) {
  (void)file_name;
  (void)level_filter;
  libpact_stub_called("pactffi_log_to_file");
  return -1;
}

STUB int pactffi_log_to_stderr(enum LevelFilter level_filter) {
  (void)level_filter;
  libpact_stub_called("pactffi_log_to_stderr");
  return -1;
}

STUB int pactffi_log_to_stdout(enum LevelFilter level_filter) {
  (void)level_filter;
  libpact_stub_called("pactffi_log_to_stdout");
  return -1;
}

STUB int pactffi_logger_apply(void) {
  libpact_stub_called("pactffi_logger_apply");
  return -1;
}

STUB int pactffi_logger_attach_sink(const char *sink_specifier, enum LevelFilter level_filter) {
  (void)sink_specifier;
  (void)level_filter;
  libpact_stub_called("pactffi_logger_attach_sink");
  return -1;
}

STUB void pactffi_logger_init(void) {
  libpact_stub_called("pactffi_logger_init");
}

STUB const struct Mismatches *pactffi_match_message(const struct Message *msg_1, const struct Message *msg_2) {
  (void)msg_1;
  (void)msg_2;
  libpact_stub_called("pactffi_match_message");
  return NULL;
}

STUB void pactffi_matcher_definition_delete(const struct MatchingRuleDefinitionResult *definition) {
  (void)definition;
  libpact_stub_called("pactffi_matcher_definition_delete");
}

STUB const char *pactffi_matcher_definition_error(const struct MatchingRuleDefinitionResult *definition) {
  (void)definition;
  libpact_stub_called("pactffi_matcher_definition_error");
  return NULL;
}

STUB const struct Generator *pactffi_matcher_definition_generator(const struct MatchingRuleDefinitionResult *definition) {
  (void)definition;
  libpact_stub_called("pactffi_matcher_definition_generator");
  return NULL;
}

STUB struct MatchingRuleIterator *pactffi_matcher_definition_iter(const struct MatchingRuleDefinitionResult *definition) {
  (void)definition;
  libpact_stub_called("pactffi_matcher_definition_iter");
  return NULL;
}

STUB const char *pactffi_matcher_definition_value(const struct MatchingRuleDefinitionResult *definition) {
  (void)definition;
  libpact_stub_called("pactffi_matcher_definition_value");
  return NULL;
}

STUB enum ExpressionValueType pactffi_matcher_definition_value_type(const struct MatchingRuleDefinitionResult *definition) {
  (void)definition;
  libpact_stub_called("pactffi_matcher_definition_value_type");
  return ExpressionValueType_Unknown;
}

STUB const char *pactffi_matches_binary_value(const struct MatchingRule *matching_rule, const unsigned char *expected_value, uintptr_t expected_value_len, const unsigned char *actual_value, uintptr_t actual_value_len, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)expected_value_len;
  (void)actual_value;
  (void)actual_value_len;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_binary_value");
  return NULL;
}

STUB const char *pactffi_matches_bool_value(const struct MatchingRule *matching_rule, uint8_t expected_value, uint8_t actual_value, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)actual_value;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_bool_value");
  return NULL;
}

STUB const char *pactffi_matches_f64_value(const struct MatchingRule *matching_rule, double expected_value, double actual_value, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)actual_value;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_f64_value");
  return NULL;
}

STUB const char *pactffi_matches_i64_value(const struct MatchingRule *matching_rule, int64_t expected_value, int64_t actual_value, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)actual_value;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_i64_value");
  return NULL;
}

STUB const char *pactffi_matches_json_value(const struct MatchingRule *matching_rule, const char *expected_value, const char *actual_value, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)actual_value;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_json_value");
  return NULL;
}

STUB const char *pactffi_matches_string_value(const struct MatchingRule *matching_rule, const char *expected_value, const char *actual_value, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)actual_value;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_string_value");
  return NULL;
}

STUB const char *pactffi_matches_u64_value(const struct MatchingRule *matching_rule, uint64_t expected_value, uint64_t actual_value, uint8_t cascaded) {
  (void)matching_rule;
  (void)expected_value;
  (void)actual_value;
  (void)cascaded;
  libpact_stub_called("pactffi_matches_u64_value");
  return NULL;
}

STUB uint16_t pactffi_matching_rule_id(const struct MatchingRuleResult *rule_result) {
  (void)rule_result;
  libpact_stub_called("pactffi_matching_rule_id");
  return 0;
}

STUB void pactffi_matching_rule_iter_delete(struct MatchingRuleIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_matching_rule_iter_delete");
}

STUB const struct MatchingRuleResult *pactffi_matching_rule_iter_next(struct MatchingRuleIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_matching_rule_iter_next");
  return NULL;
}

STUB const struct MatchingRule *pactffi_matching_rule_pointer(const struct MatchingRuleResult *rule_result) {
  (void)rule_result;
  libpact_stub_called("pactffi_matching_rule_pointer");
  return NULL;
}

STUB const char *pactffi_matching_rule_reference_name(const struct MatchingRuleResult *rule_result) {
  (void)rule_result;
  libpact_stub_called("pactffi_matching_rule_reference_name");
  return NULL;
}

STUB const char *pactffi_matching_rule_to_json(const struct MatchingRule *rule) {
  (void)rule;
  libpact_stub_called("pactffi_matching_rule_to_json");
  return NULL;
}

STUB const char *pactffi_matching_rule_value(const struct MatchingRuleResult *rule_result) {
  (void)rule_result;
  libpact_stub_called("pactffi_matching_rule_value");
  return NULL;
}

STUB void pactffi_matching_rules_iter_delete(struct MatchingRuleCategoryIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_matching_rules_iter_delete");
}

STUB const struct MatchingRuleKeyValuePair *pactffi_matching_rules_iter_next(struct MatchingRuleCategoryIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_matching_rules_iter_next");
  return NULL;
}

STUB void pactffi_matching_rules_iter_pair_delete(const struct MatchingRuleKeyValuePair *pair) {
  (void)pair;
  libpact_stub_called("pactffi_matching_rules_iter_pair_delete");
}

STUB void pactffi_message_contents_delete(const struct MessageContents *contents) {
  (void)contents;
  libpact_stub_called("pactffi_message_contents_delete");
}

STUB const unsigned char *pactffi_message_contents_get_contents_bin(const struct MessageContents *contents) {
  (void)contents;
  libpact_stub_called("pactffi_message_contents_get_contents_bin");
  return NULL;
}

STUB size_t pactffi_message_contents_get_contents_length(const struct MessageContents *contents) {
  (void)contents;
  libpact_stub_called("pactffi_message_contents_get_contents_length");
  return 0;
}

STUB const char *pactffi_message_contents_get_contents_str(const struct MessageContents *contents) {
  (void)contents;
  libpact_stub_called("pactffi_message_contents_get_contents_str");
  return NULL;
}

STUB struct GeneratorCategoryIterator *pactffi_message_contents_get_generators_iter(const struct MessageContents *contents, enum GeneratorCategory category) {
  (void)contents;
  (void)category;
  libpact_stub_called("pactffi_message_contents_get_generators_iter");
  return NULL;
}

STUB struct MatchingRuleCategoryIterator *pactffi_message_contents_get_matching_rule_iter(const struct MessageContents *contents, enum MatchingRuleCategory category) {
  (void)contents;
  (void)category;
  libpact_stub_called("pactffi_message_contents_get_matching_rule_iter");
  return NULL;
}

STUB struct MessageMetadataIterator *pactffi_message_contents_get_metadata_iter(const struct MessageContents *contents) {
  (void)contents;
  libpact_stub_called("pactffi_message_contents_get_metadata_iter");
  return NULL;
}

STUB void pactffi_message_contents_set_contents_bin(struct MessageContents *contents, const unsigned char *contents_bin, size_t len, const char *content_type) {
  (void)contents;
  (void)contents_bin;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_message_contents_set_contents_bin");
}

STUB void pactffi_message_contents_set_contents_str(struct MessageContents *contents, const char *contents_str, const char *content_type) {
  (void)contents;
  (void)contents_str;
  (void)content_type;
  libpact_stub_called("pactffi_message_contents_set_contents_str");
}

STUB void pactffi_message_delete(struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_delete");
}

STUB void pactffi_message_expects_to_receive(MessageHandle message, const char *description) {
  (void)message;
  (void)description;
  libpact_stub_called("pactffi_message_expects_to_receive");
}

STUB const char *pactffi_message_find_metadata(const struct Message *message, const char *key) {
  (void)message;
  (void)key;
  libpact_stub_called("pactffi_message_find_metadata");
  return NULL;
}

STUB const char *pactffi_message_get_contents(const struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_get_contents");
  return NULL;
}

STUB const unsigned char *pactffi_message_get_contents_bin(const struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_get_contents_bin");
  return NULL;
}

STUB size_t pactffi_message_get_contents_length(const struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_get_contents_length");
  return 0;
}

STUB const char *pactffi_message_get_description(const struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_get_description");
  return NULL;
}

STUB struct MessageMetadataIterator *pactffi_message_get_metadata_iter(struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_get_metadata_iter");
  return NULL;
}

STUB const struct ProviderState *pactffi_message_get_provider_state(const struct Message *message, unsigned int index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_message_get_provider_state");
  return NULL;
}

STUB struct ProviderStateIterator *pactffi_message_get_provider_state_iter(struct Message *message) {
  (void)message;
  libpact_stub_called("pactffi_message_get_provider_state_iter");
  return NULL;
}

STUB void pactffi_message_given(MessageHandle message, const char *description) {
  (void)message;
  (void)description;
  libpact_stub_called("pactffi_message_given");
}

STUB void pactffi_message_given_with_param(MessageHandle message, const char *description, const char *name, const char *value) {
  (void)message;
  (void)description;
  (void)name;
  (void)value;
  libpact_stub_called("pactffi_message_given_with_param");
}

STUB int pactffi_message_insert_metadata(struct Message *message, const char *key, const char *value) {
  (void)message;
  (void)key;
  (void)value;
  libpact_stub_called("pactffi_message_insert_metadata");
  return -1;
}

STUB void pactffi_message_metadata_iter_delete(struct MessageMetadataIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_message_metadata_iter_delete");
}

STUB struct MessageMetadataPair *pactffi_message_metadata_iter_next(struct MessageMetadataIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_message_metadata_iter_next");
  return NULL;
}

STUB void pactffi_message_metadata_pair_delete(struct MessageMetadataPair *pair) {
  (void)pair;
  libpact_stub_called("pactffi_message_metadata_pair_delete");
}

STUB struct Message *pactffi_message_new(void) {
  libpact_stub_called("pactffi_message_new");
  return NULL;
}

STUB struct Message *pactffi_message_new_from_body(const char *body, const char *content_type) {
  (void)body;
  (void)content_type;
  libpact_stub_called("pactffi_message_new_from_body");
  return NULL;
}

STUB struct Message *pactffi_message_new_from_json(unsigned int index, const char *json_str, enum PactSpecification spec_version) {
  (void)index;
  (void)json_str;
  (void)spec_version;
  libpact_stub_called("pactffi_message_new_from_json");
  return NULL;
}

STUB void pactffi_message_pact_delete(struct MessagePact *message_pact) {
  (void)message_pact;
  libpact_stub_called("pactffi_message_pact_delete");
}

STUB const char *pactffi_message_pact_find_metadata(const struct MessagePact *message_pact, const char *key1, const char *key2) {
  (void)message_pact;
  (void)key1;
  (void)key2;
  libpact_stub_called("pactffi_message_pact_find_metadata");
  return NULL;
}

STUB struct Consumer *pactffi_message_pact_get_consumer(struct MessagePact *message_pact) {
  (void)message_pact;
  libpact_stub_called("pactffi_message_pact_get_consumer");
  return NULL;
}

STUB struct MessagePactMessageIterator *pactffi_message_pact_get_message_iter(struct MessagePact *message_pact) {
  (void)message_pact;
  libpact_stub_called("pactffi_message_pact_get_message_iter");
  return NULL;
}

STUB struct MessagePactMetadataIterator *pactffi_message_pact_get_metadata_iter(struct MessagePact *message_pact) {
  (void)message_pact;
  libpact_stub_called("pactffi_message_pact_get_metadata_iter");
  return NULL;
}

STUB struct Provider *pactffi_message_pact_get_provider(struct MessagePact *message_pact) {
  (void)message_pact;
  libpact_stub_called("pactffi_message_pact_get_provider");
  return NULL;
}

STUB void pactffi_message_pact_message_iter_delete(struct MessagePactMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_message_pact_message_iter_delete");
}

STUB struct Message *pactffi_message_pact_message_iter_next(struct MessagePactMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_message_pact_message_iter_next");
  return NULL;
}

STUB void pactffi_message_pact_metadata_iter_delete(struct MessagePactMetadataIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_message_pact_metadata_iter_delete");
}

STUB struct MessagePactMetadataTriple *pactffi_message_pact_metadata_iter_next(struct MessagePactMetadataIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_message_pact_metadata_iter_next");
  return NULL;
}

STUB void pactffi_message_pact_metadata_triple_delete(struct MessagePactMetadataTriple *triple) {
  (void)triple;
  libpact_stub_called("pactffi_message_pact_metadata_triple_delete");
}

STUB struct MessagePact *pactffi_message_pact_new_from_json(const char *file_name, const char *json_str) {
  (void)file_name;
  (void)json_str;
  libpact_stub_called("pactffi_message_pact_new_from_json");
  return NULL;
}

STUB const char *pactffi_message_reify(MessageHandle message_handle) {
  (void)message_handle;
  libpact_stub_called("pactffi_message_reify");
  return NULL;
}

STUB void pactffi_message_set_contents(struct Message *message, const char *contents, const char *content_type) {
  (void)message;
  (void)contents;
  (void)content_type;
  libpact_stub_called("pactffi_message_set_contents");
}

STUB void pactffi_message_set_contents_bin(struct Message *message, const unsigned char *contents, size_t len, const char *content_type) {
  (void)message;
  (void)contents;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_message_set_contents_bin");
}

STUB int pactffi_message_set_description(struct Message *message, const char *description) {
  (void)message;
  (void)description;
  libpact_stub_called("pactffi_message_set_description");
  return -1;
}

STUB void pactffi_message_with_contents(MessageHandle message_handle, const char *content_type, const uint8_t *body, size_t size) {
  (void)message_handle;
  (void)content_type;
  (void)body;
  (void)size;
  libpact_stub_called("pactffi_message_with_contents");
}

STUB void pactffi_message_with_metadata(MessageHandle message_handle, const char *key, const char *value) {
  (void)message_handle;
  (void)key;
  (void)value;
  libpact_stub_called("pactffi_message_with_metadata");
}

STUB void pactffi_message_with_metadata_v2(MessageHandle message_handle, const char *key, const char *value) {
  (void)message_handle;
  (void)key;
  (void)value;
  libpact_stub_called("pactffi_message_with_metadata_v2");
}

STUB const char *pactffi_mismatch_ansi_description(const struct Mismatch *mismatch) {
  (void)mismatch;
  libpact_stub_called("pactffi_mismatch_ansi_description");
  return NULL;
}

STUB const char *pactffi_mismatch_description(const struct Mismatch *mismatch) {
  (void)mismatch;
  libpact_stub_called("pactffi_mismatch_description");
  return NULL;
}

STUB const char *pactffi_mismatch_summary(const struct Mismatch *mismatch) {
  (void)mismatch;
  libpact_stub_called("pactffi_mismatch_summary");
  return NULL;
}

STUB const char *pactffi_mismatch_to_json(const struct Mismatch *mismatch) {
  (void)mismatch;
  libpact_stub_called("pactffi_mismatch_to_json");
  return NULL;
}

STUB const char *pactffi_mismatch_type(const struct Mismatch *mismatch) {
  (void)mismatch;
  libpact_stub_called("pactffi_mismatch_type");
  return NULL;
}

STUB void pactffi_mismatches_delete(const struct Mismatches *mismatches) {
  (void)mismatches;
  libpact_stub_called("pactffi_mismatches_delete");
}

STUB struct MismatchesIterator *pactffi_mismatches_get_iter(const struct Mismatches *mismatches) {
  (void)mismatches;
  libpact_stub_called("pactffi_mismatches_get_iter");
  return NULL;
}

STUB void pactffi_mismatches_iter_delete(struct MismatchesIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_mismatches_iter_delete");
}

STUB const struct Mismatch *pactffi_mismatches_iter_next(struct MismatchesIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_mismatches_iter_next");
  return NULL;
}

STUB const char *pactffi_mock_server_logs(int32_t mock_server_port) {
  (void)mock_server_port;
  libpact_stub_called("pactffi_mock_server_logs");
  return NULL;
}

STUB bool pactffi_mock_server_matched(int32_t mock_server_port) {
  (void)mock_server_port;
  libpact_stub_called("pactffi_mock_server_matched");
  return false;
}

STUB char *pactffi_mock_server_mismatches(int32_t mock_server_port) {
  (void)mock_server_port;
  libpact_stub_called("pactffi_mock_server_mismatches");
  return NULL;
}

STUB MessageHandle pactffi_new_async_message(PactHandle pact, const char *description) {
  (void)pact;
  (void)description;
  libpact_stub_called("pactffi_new_async_message");
  return 0;
}

STUB InteractionHandle pactffi_new_interaction(PactHandle pact, const char *description) {
  (void)pact;
  (void)description;
  libpact_stub_called("pactffi_new_interaction");
  return 0;
}

STUB MessageHandle pactffi_new_message(MessagePactHandle pact, const char *description) {
  (void)pact;
  (void)description;
  libpact_stub_called("pactffi_new_message");
  return 0;
}

STUB InteractionHandle pactffi_new_message_interaction(PactHandle pact, const char *description) {
  (void)pact;
  (void)description;
  libpact_stub_called("pactffi_new_message_interaction");
  return 0;
}

STUB MessagePactHandle pactffi_new_message_pact(const char *consumer_name, const char *provider_name) {
  (void)consumer_name;
  (void)provider_name;
  libpact_stub_called("pactffi_new_message_pact");
  return 0;
}

STUB PactHandle pactffi_new_pact(const char *consumer_name, const char *provider_name) {
  (void)consumer_name;
  (void)provider_name;
  libpact_stub_called("pactffi_new_pact");
  return 0;
}

STUB InteractionHandle pactffi_new_sync_message_interaction(PactHandle pact, const char *description) {
  (void)pact;
  (void)description;
  libpact_stub_called("pactffi_new_sync_message_interaction");
  return 0;
}

STUB void pactffi_pact_async_message_iter_delete(struct PactAsyncMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_async_message_iter_delete");
}

STUB struct AsynchronousMessage *pactffi_pact_async_message_iter_next(struct PactAsyncMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_async_message_iter_next");
  return NULL;
}

STUB void pactffi_pact_consumer_delete(const struct Consumer *consumer) {
  (void)consumer;
  libpact_stub_called("pactffi_pact_consumer_delete");
}

STUB const struct Consumer *pactffi_pact_get_consumer(const struct Pact *pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_get_consumer");
  return NULL;
}

STUB const struct Provider *pactffi_pact_get_provider(const struct Pact *pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_get_provider");
  return NULL;
}

STUB struct PactAsyncMessageIterator *pactffi_pact_handle_get_async_message_iter(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_handle_get_async_message_iter");
  return NULL;
}

STUB struct PactMessageIterator *pactffi_pact_handle_get_message_iter(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_handle_get_message_iter");
  return NULL;
}

STUB struct PactSyncHttpIterator *pactffi_pact_handle_get_sync_http_iter(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_handle_get_sync_http_iter");
  return NULL;
}

STUB struct PactSyncMessageIterator *pactffi_pact_handle_get_sync_message_iter(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_handle_get_sync_message_iter");
  return NULL;
}

STUB struct Pact *pactffi_pact_handle_to_pointer(PactHandle pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_handle_to_pointer");
  return NULL;
}

STUB int32_t pactffi_pact_handle_write_file(PactHandle pact, const char *directory, bool overwrite) {
  (void)pact;
  (void)directory;
  (void)overwrite;
  libpact_stub_called("pactffi_pact_handle_write_file");
  return -1;
}

STUB const struct AsynchronousMessage *pactffi_pact_interaction_as_asynchronous_message(const struct PactInteraction *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_pact_interaction_as_asynchronous_message");
  return NULL;
}

STUB const struct Message *pactffi_pact_interaction_as_message(const struct PactInteraction *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_pact_interaction_as_message");
  return NULL;
}

STUB const struct SynchronousHttp *pactffi_pact_interaction_as_synchronous_http(const struct PactInteraction *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_pact_interaction_as_synchronous_http");
  return NULL;
}

STUB const struct SynchronousMessage *pactffi_pact_interaction_as_synchronous_message(const struct PactInteraction *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_pact_interaction_as_synchronous_message");
  return NULL;
}

STUB void pactffi_pact_interaction_delete(const struct PactInteraction *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_pact_interaction_delete");
}

STUB void pactffi_pact_interaction_iter_delete(struct PactInteractionIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_interaction_iter_delete");
}

STUB const struct PactInteraction *pactffi_pact_interaction_iter_next(struct PactInteractionIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_interaction_iter_next");
  return NULL;
}

STUB void pactffi_pact_message_iter_delete(struct PactMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_message_iter_delete");
}

STUB struct Message *pactffi_pact_message_iter_next(struct PactMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_message_iter_next");
  return NULL;
}

STUB void pactffi_pact_model_delete(struct Pact *pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_model_delete");
}

STUB struct PactInteractionIterator *pactffi_pact_model_interaction_iterator(struct Pact *pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_model_interaction_iterator");
  return NULL;
}

STUB void pactffi_pact_provider_delete(const struct Provider *provider) {
  (void)provider;
  libpact_stub_called("pactffi_pact_provider_delete");
}

STUB enum PactSpecification pactffi_pact_spec_version(const struct Pact *pact) {
  (void)pact;
  libpact_stub_called("pactffi_pact_spec_version");
  return PactSpecification_Unknown;
}

STUB void pactffi_pact_sync_http_iter_delete(struct PactSyncHttpIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_sync_http_iter_delete");
}

STUB struct SynchronousHttp *pactffi_pact_sync_http_iter_next(struct PactSyncHttpIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_sync_http_iter_next");
  return NULL;
}

STUB void pactffi_pact_sync_message_iter_delete(struct PactSyncMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_sync_message_iter_delete");
}

STUB struct SynchronousMessage *pactffi_pact_sync_message_iter_next(struct PactSyncMessageIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_pact_sync_message_iter_next");
  return NULL;
}

STUB const struct MatchingRuleDefinitionResult *pactffi_parse_matcher_definition(const char *expression) {
  (void)expression;
  libpact_stub_called("pactffi_parse_matcher_definition");
  return NULL;
}

STUB struct Pact *pactffi_parse_pact_json(const char *json) {
  (void)json;
  libpact_stub_called("pactffi_parse_pact_json");
  return NULL;
}

STUB const char *pactffi_provider_get_name(const struct Provider *provider) {
  (void)provider;
  libpact_stub_called("pactffi_provider_get_name");
  return NULL;
}

STUB void pactffi_provider_state_delete(struct ProviderState *provider_state) {
  (void)provider_state;
  libpact_stub_called("pactffi_provider_state_delete");
}

STUB const char *pactffi_provider_state_get_name(const struct ProviderState *provider_state) {
  (void)provider_state;
  libpact_stub_called("pactffi_provider_state_get_name");
  return NULL;
}

STUB struct ProviderStateParamIterator *pactffi_provider_state_get_param_iter(struct ProviderState *provider_state) {
  (void)provider_state;
  libpact_stub_called("pactffi_provider_state_get_param_iter");
  return NULL;
}

STUB void pactffi_provider_state_iter_delete(struct ProviderStateIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_provider_state_iter_delete");
}

STUB struct ProviderState *pactffi_provider_state_iter_next(struct ProviderStateIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_provider_state_iter_next");
  return NULL;
}

STUB void pactffi_provider_state_param_iter_delete(struct ProviderStateParamIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_provider_state_param_iter_delete");
}

STUB struct ProviderStateParamPair *pactffi_provider_state_param_iter_next(struct ProviderStateParamIterator *iter) {
  (void)iter;
  libpact_stub_called("pactffi_provider_state_param_iter_next");
  return NULL;
}

STUB void pactffi_provider_state_param_pair_delete(struct ProviderStateParamPair *pair) {
  (void)pair;
  libpact_stub_called("pactffi_provider_state_param_pair_delete");
}

STUB void pactffi_register_plugin_log_callback(PluginLogCallback callback) {
  (void)callback;
  libpact_stub_called("pactffi_register_plugin_log_callback");
}

STUB struct GeneratorCategoryIterator *pactffi_request_contents_get_generators_iter(const struct HttpRequest *request, enum GeneratorCategory category) {
  (void)request;
  (void)category;
  libpact_stub_called("pactffi_request_contents_get_generators_iter");
  return NULL;
}

STUB struct MatchingRuleCategoryIterator *pactffi_request_contents_get_matching_rule_iter(const struct HttpRequest *request, enum MatchingRuleCategory category) {
  (void)request;
  (void)category;
  libpact_stub_called("pactffi_request_contents_get_matching_rule_iter");
  return NULL;
}

STUB struct GeneratorCategoryIterator *pactffi_response_contents_get_generators_iter(const struct HttpResponse *response, enum GeneratorCategory category) {
  (void)response;
  (void)category;
  libpact_stub_called("pactffi_response_contents_get_generators_iter");
  return NULL;
}

STUB struct MatchingRuleCategoryIterator *pactffi_response_contents_get_matching_rule_iter(const struct HttpResponse *response, enum MatchingRuleCategory category) {
  (void)response;
  (void)category;
  libpact_stub_called("pactffi_response_contents_get_matching_rule_iter");
  return NULL;
}

STUB bool pactffi_response_status(InteractionHandle interaction, unsigned short status) {
  (void)interaction;
  (void)status;
  libpact_stub_called("pactffi_response_status");
  return false;
}

STUB bool pactffi_response_status_v2(InteractionHandle interaction, const char *status) {
  (void)interaction;
  (void)status;
  libpact_stub_called("pactffi_response_status_v2");
  return false;
}

STUB bool pactffi_set_comment(InteractionHandle interaction, const char *key, const char *value) {
  (void)interaction;
  (void)key;
  (void)value;
  libpact_stub_called("pactffi_set_comment");
  return false;
}

STUB bool pactffi_set_header(InteractionHandle interaction, enum InteractionPart part, const char *name, const char *value) {
  (void)interaction;
  (void)part;
  (void)name;
  (void)value;
  libpact_stub_called("pactffi_set_header");
  return false;
}

STUB bool pactffi_set_key(InteractionHandle interaction, const char *value) {
  (void)interaction;
  (void)value;
  libpact_stub_called("pactffi_set_key");
  return false;
}

STUB bool pactffi_set_pending(InteractionHandle interaction, bool pending) {
  (void)interaction;
  (void)pending;
  libpact_stub_called("pactffi_set_pending");
  return false;
}

STUB void pactffi_set_test_run_id(const char *test_run_id) {
  (void)test_run_id;
  libpact_stub_called("pactffi_set_test_run_id");
}

STUB void pactffi_string_delete(char *string) {
  (void)string;
  libpact_stub_called("pactffi_string_delete");
}

STUB void pactffi_sync_http_delete(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_delete");
}

STUB const char *pactffi_sync_http_get_description(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_description");
  return NULL;
}

STUB const struct ProviderState *pactffi_sync_http_get_provider_state(const struct SynchronousHttp *interaction, unsigned int index) {
  (void)interaction;
  (void)index;
  libpact_stub_called("pactffi_sync_http_get_provider_state");
  return NULL;
}

STUB struct ProviderStateIterator *pactffi_sync_http_get_provider_state_iter(struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_provider_state_iter");
  return NULL;
}

STUB const struct HttpRequest *pactffi_sync_http_get_request(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_request");
  return NULL;
}

STUB const char *pactffi_sync_http_get_request_contents(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_request_contents");
  return NULL;
}

STUB const unsigned char *pactffi_sync_http_get_request_contents_bin(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_request_contents_bin");
  return NULL;
}

STUB size_t pactffi_sync_http_get_request_contents_length(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_request_contents_length");
  return 0;
}

STUB const struct HttpResponse *pactffi_sync_http_get_response(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_response");
  return NULL;
}

STUB const char *pactffi_sync_http_get_response_contents(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_response_contents");
  return NULL;
}

STUB const unsigned char *pactffi_sync_http_get_response_contents_bin(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_response_contents_bin");
  return NULL;
}

STUB size_t pactffi_sync_http_get_response_contents_length(const struct SynchronousHttp *interaction) {
  (void)interaction;
  libpact_stub_called("pactffi_sync_http_get_response_contents_length");
  return 0;
}

STUB struct SynchronousHttp *pactffi_sync_http_new(void) {
  libpact_stub_called("pactffi_sync_http_new");
  return NULL;
}

STUB int pactffi_sync_http_set_description(struct SynchronousHttp *interaction, const char *description) {
  (void)interaction;
  (void)description;
  libpact_stub_called("pactffi_sync_http_set_description");
  return -1;
}

STUB void pactffi_sync_http_set_request_contents(struct SynchronousHttp *interaction, const char *contents, const char *content_type) {
  (void)interaction;
  (void)contents;
  (void)content_type;
  libpact_stub_called("pactffi_sync_http_set_request_contents");
}

STUB void pactffi_sync_http_set_request_contents_bin(struct SynchronousHttp *interaction, const unsigned char *contents, size_t len, const char *content_type) {
  (void)interaction;
  (void)contents;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_sync_http_set_request_contents_bin");
}

STUB void pactffi_sync_http_set_response_contents(struct SynchronousHttp *interaction, const char *contents, const char *content_type) {
  (void)interaction;
  (void)contents;
  (void)content_type;
  libpact_stub_called("pactffi_sync_http_set_response_contents");
}

STUB void pactffi_sync_http_set_response_contents_bin(struct SynchronousHttp *interaction, const unsigned char *contents, size_t len, const char *content_type) {
  (void)interaction;
  (void)contents;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_sync_http_set_response_contents_bin");
}

STUB void pactffi_sync_message_delete(struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_delete");
}

STUB const struct MessageContents *pactffi_sync_message_generate_request_contents(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_generate_request_contents");
  return NULL;
}

STUB const struct MessageContents *pactffi_sync_message_generate_response_contents(const struct SynchronousMessage *message, size_t index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_sync_message_generate_response_contents");
  return NULL;
}

STUB const char *pactffi_sync_message_get_description(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_description");
  return NULL;
}

STUB size_t pactffi_sync_message_get_number_responses(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_number_responses");
  return 0;
}

STUB const struct ProviderState *pactffi_sync_message_get_provider_state(const struct SynchronousMessage *message, unsigned int index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_sync_message_get_provider_state");
  return NULL;
}

STUB struct ProviderStateIterator *pactffi_sync_message_get_provider_state_iter(struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_provider_state_iter");
  return NULL;
}

STUB const struct MessageContents *pactffi_sync_message_get_request_contents(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_request_contents");
  return NULL;
}

STUB const unsigned char *pactffi_sync_message_get_request_contents_bin(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_request_contents_bin");
  return NULL;
}

STUB size_t pactffi_sync_message_get_request_contents_length(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_request_contents_length");
  return 0;
}

STUB const char *pactffi_sync_message_get_request_contents_str(const struct SynchronousMessage *message) {
  (void)message;
  libpact_stub_called("pactffi_sync_message_get_request_contents_str");
  return NULL;
}

STUB const struct MessageContents *pactffi_sync_message_get_response_contents(const struct SynchronousMessage *message, size_t index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_sync_message_get_response_contents");
  return NULL;
}

STUB const unsigned char *pactffi_sync_message_get_response_contents_bin(const struct SynchronousMessage *message, size_t index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_sync_message_get_response_contents_bin");
  return NULL;
}

STUB size_t pactffi_sync_message_get_response_contents_length(const struct SynchronousMessage *message, size_t index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_sync_message_get_response_contents_length");
  return 0;
}

STUB const char *pactffi_sync_message_get_response_contents_str(const struct SynchronousMessage *message, size_t index) {
  (void)message;
  (void)index;
  libpact_stub_called("pactffi_sync_message_get_response_contents_str");
  return NULL;
}

STUB struct SynchronousMessage *pactffi_sync_message_new(void) {
  libpact_stub_called("pactffi_sync_message_new");
  return NULL;
}

STUB int pactffi_sync_message_set_description(struct SynchronousMessage *message, const char *description) {
  (void)message;
  (void)description;
  libpact_stub_called("pactffi_sync_message_set_description");
  return -1;
}

STUB void pactffi_sync_message_set_request_contents_bin(struct SynchronousMessage *message, const unsigned char *contents, size_t len, const char *content_type) {
  (void)message;
  (void)contents;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_sync_message_set_request_contents_bin");
}

STUB void pactffi_sync_message_set_request_contents_str(struct SynchronousMessage *message, const char *contents, const char *content_type) {
  (void)message;
  (void)contents;
  (void)content_type;
  libpact_stub_called("pactffi_sync_message_set_request_contents_str");
}

STUB void pactffi_sync_message_set_response_contents_bin(struct SynchronousMessage *message, size_t index, const unsigned char *contents, size_t len, const char *content_type) {
  (void)message;
  (void)index;
  (void)contents;
  (void)len;
  (void)content_type;
  libpact_stub_called("pactffi_sync_message_set_response_contents_bin");
}

STUB void pactffi_sync_message_set_response_contents_str(struct SynchronousMessage *message, size_t index, const char *contents, const char *content_type) {
  (void)message;
  (void)index;
  (void)contents;
  (void)content_type;
  libpact_stub_called("pactffi_sync_message_set_response_contents_str");
}

STUB bool pactffi_upon_receiving(InteractionHandle interaction, const char *description) {
  (void)interaction;
  (void)description;
  libpact_stub_called("pactffi_upon_receiving");
  return false;
}

STUB unsigned int pactffi_using_plugin(PactHandle pact, const char *plugin_name, const char *plugin_version) {
  (void)pact;
  (void)plugin_name;
  (void)plugin_version;
  libpact_stub_called("pactffi_using_plugin");
  return 1;
}

STUB unsigned int pactffi_using_plugin_with_delay(PactHandle pact, const char *plugin_name, const char *plugin_version, uint64_t completion_delay) {
  (void)pact;
  (void)plugin_name;
  (void)plugin_version;
  (void)completion_delay;
  libpact_stub_called("pactffi_using_plugin_with_delay");
  return 1;
}

STUB int pactffi_validate_datetime(const char *value, const char *format) {
  (void)value;
  (void)format;
  libpact_stub_called("pactffi_validate_datetime");
  return -1;
}

STUB void pactffi_verifier_add_custom_header(struct VerifierHandle *handle, const char *header_name, const char *header_value) {
  (void)handle;
  (void)header_name;
  (void)header_value;
  libpact_stub_called("pactffi_verifier_add_custom_header");
}

STUB void pactffi_verifier_add_directory_source(struct VerifierHandle *handle, const char *directory) {
  (void)handle;
  (void)directory;
  libpact_stub_called("pactffi_verifier_add_directory_source");
}

STUB void pactffi_verifier_add_file_source(struct VerifierHandle *handle, const char *file) {
  (void)handle;
  (void)file;
  libpact_stub_called("pactffi_verifier_add_file_source");
}

STUB void pactffi_verifier_add_provider_transport(struct VerifierHandle *handle, const char *protocol, unsigned short port, const char *path, const char *scheme) {
  (void)handle;
  (void)protocol;
  (void)port;
  (void)path;
  (void)scheme;
  libpact_stub_called("pactffi_verifier_add_provider_transport");
}

STUB void pactffi_verifier_broker_source(struct VerifierHandle *handle, const char *url, const char *username, const char *password, const char *token) {
  (void)handle;
  (void)url;
  (void)username;
  (void)password;
  (void)token;
  libpact_stub_called("pactffi_verifier_broker_source");
}

STUB int pactffi_verifier_broker_source_with_selectors(struct VerifierHandle *handle, const char *url, const char *username, const char *password, const char *token, unsigned char enable_pending, const char *include_wip_pacts_since, const char *const *provider_tags, unsigned short provider_tags_len, const char *provider_branch, const char *const *consumer_version_selectors, unsigned short consumer_version_selectors_len, const char *const *consumer_version_tags, unsigned short consumer_version_tags_len) {
  (void)handle;
  (void)url;
  (void)username;
  (void)password;
  (void)token;
  (void)enable_pending;
  (void)include_wip_pacts_since;
  (void)provider_tags;
  (void)provider_tags_len;
  (void)provider_branch;
  (void)consumer_version_selectors;
  (void)consumer_version_selectors_len;
  (void)consumer_version_tags;
  (void)consumer_version_tags_len;
  libpact_stub_called("pactffi_verifier_broker_source_with_selectors");
  return -1;
}

STUB int pactffi_verifier_execute(struct VerifierHandle *handle) {
  (void)handle;
  libpact_stub_called("pactffi_verifier_execute");
  return -1;
}

STUB const char *pactffi_verifier_json(const struct VerifierHandle *handle) {
  (void)handle;
  libpact_stub_called("pactffi_verifier_json");
  return NULL;
}

STUB const char *pactffi_verifier_logs(const struct VerifierHandle *handle) {
  (void)handle;
  libpact_stub_called("pactffi_verifier_logs");
  return NULL;
}

STUB const char *pactffi_verifier_logs_for_provider(const char *provider_name) {
  (void)provider_name;
  libpact_stub_called("pactffi_verifier_logs_for_provider");
  return NULL;
}

STUB struct VerifierHandle *pactffi_verifier_new(void) {
  libpact_stub_called("pactffi_verifier_new");
  return NULL;
}

STUB struct VerifierHandle *pactffi_verifier_new_for_application(const char *name, const char *version) {
  (void)name;
  (void)version;
  libpact_stub_called("pactffi_verifier_new_for_application");
  return NULL;
}

STUB const char *pactffi_verifier_output(const struct VerifierHandle *handle, unsigned char strip_ansi) {
  (void)handle;
  (void)strip_ansi;
  libpact_stub_called("pactffi_verifier_output");
  return NULL;
}

STUB int pactffi_verifier_set_coloured_output(struct VerifierHandle *handle, unsigned char coloured_output) {
  (void)handle;
  (void)coloured_output;
  libpact_stub_called("pactffi_verifier_set_coloured_output");
  return -1;
}

STUB void pactffi_verifier_set_consumer_filters(struct VerifierHandle *handle, const char *const *consumer_filters, unsigned short consumer_filters_len) {
  (void)handle;
  (void)consumer_filters;
  (void)consumer_filters_len;
  libpact_stub_called("pactffi_verifier_set_consumer_filters");
}

STUB void pactffi_verifier_set_filter_info(struct VerifierHandle *handle, const char *filter_description, const char *filter_state, unsigned char filter_no_state) {
  (void)handle;
  (void)filter_description;
  (void)filter_state;
  (void)filter_no_state;
  libpact_stub_called("pactffi_verifier_set_filter_info");
}

STUB void pactffi_verifier_set_follow_redirects(struct VerifierHandle *handle, unsigned char follow) {
  (void)handle;
  (void)follow;
  libpact_stub_called("pactffi_verifier_set_follow_redirects");
}

STUB int pactffi_verifier_set_no_pacts_is_error(struct VerifierHandle *handle, unsigned char is_error) {
  (void)handle;
  (void)is_error;
  libpact_stub_called("pactffi_verifier_set_no_pacts_is_error");
  return -1;
}

STUB void pactffi_verifier_set_provider_info(struct VerifierHandle *handle, const char *name, const char *scheme, const char *host, unsigned short port, const char *path) {
  (void)handle;
  (void)name;
  (void)scheme;
  (void)host;
  (void)port;
  (void)path;
  libpact_stub_called("pactffi_verifier_set_provider_info");
}

STUB void pactffi_verifier_set_provider_state(struct VerifierHandle *handle, const char *url, unsigned char teardown, unsigned char body) {
  (void)handle;
  (void)url;
  (void)teardown;
  (void)body;
  libpact_stub_called("pactffi_verifier_set_provider_state");
}

STUB int pactffi_verifier_set_publish_options(struct VerifierHandle *handle, const char *provider_version, const char *build_url, const char *const *provider_tags, unsigned short provider_tags_len, const char *provider_branch) {
  (void)handle;
  (void)provider_version;
  (void)build_url;
  (void)provider_tags;
  (void)provider_tags_len;
  (void)provider_branch;
  libpact_stub_called("pactffi_verifier_set_publish_options");
  return -1;
}

STUB int pactffi_verifier_set_verification_options(struct VerifierHandle *handle, unsigned char disable_ssl_verification, unsigned long request_timeout) {
  (void)handle;
  (void)disable_ssl_verification;
  (void)request_timeout;
  libpact_stub_called("pactffi_verifier_set_verification_options");
  return -1;
}

STUB void pactffi_verifier_shutdown(struct VerifierHandle *handle) {
  (void)handle;
  libpact_stub_called("pactffi_verifier_shutdown");
}

STUB void pactffi_verifier_url_source(struct VerifierHandle *handle, const char *url, const char *username, const char *password, const char *token) {
  (void)handle;
  (void)url;
  (void)username;
  (void)password;
  (void)token;
  libpact_stub_called("pactffi_verifier_url_source");
}

STUB int32_t pactffi_verify(const char *args) {
  (void)args;
  libpact_stub_called("pactffi_verify");
  return 4;
}

STUB const char *pactffi_version(void) {
  libpact_stub_called("pactffi_version");
  return NULL;
}

STUB bool pactffi_with_binary_body(InteractionHandle interaction, enum InteractionPart part, const char *content_type, const uint8_t *body, size_t size) {
  (void)interaction;
  (void)part;
  (void)content_type;
  (void)body;
  (void)size;
  libpact_stub_called("pactffi_with_binary_body");
  return false;
}

STUB bool pactffi_with_binary_file(InteractionHandle interaction, enum InteractionPart part, const char *content_type, const uint8_t *body, size_t size) {
  (void)interaction;
  (void)part;
  (void)content_type;
  (void)body;
  (void)size;
  libpact_stub_called("pactffi_with_binary_file");
  return false;
}

STUB bool pactffi_with_body(InteractionHandle interaction, enum InteractionPart part, const char *content_type, const char *body) {
  (void)interaction;
  (void)part;
  (void)content_type;
  (void)body;
  libpact_stub_called("pactffi_with_body");
  return false;
}

STUB bool pactffi_with_generators(InteractionHandle interaction, enum InteractionPart part, const char *generators) {
  (void)interaction;
  (void)part;
  (void)generators;
  libpact_stub_called("pactffi_with_generators");
  return false;
}

STUB bool pactffi_with_header(InteractionHandle interaction, enum InteractionPart part, const char *name, size_t index, const char *value) {
  (void)interaction;
  (void)part;
  (void)name;
  (void)index;
  (void)value;
  libpact_stub_called("pactffi_with_header");
  return false;
}

STUB bool pactffi_with_header_v2(InteractionHandle interaction, enum InteractionPart part, const char *name, size_t index, const char *value) {
  (void)interaction;
  (void)part;
  (void)name;
  (void)index;
  (void)value;
  libpact_stub_called("pactffi_with_header_v2");
  return false;
}

STUB bool pactffi_with_matching_rules(InteractionHandle interaction, enum InteractionPart part, const char *rules) {
  (void)interaction;
  (void)part;
  (void)rules;
  libpact_stub_called("pactffi_with_matching_rules");
  return false;
}

STUB void pactffi_with_message_pact_metadata(MessagePactHandle pact, const char *namespace_, const char *name, const char *value) {
  (void)pact;
  (void)namespace_;
  (void)name;
  (void)value;
  libpact_stub_called("pactffi_with_message_pact_metadata");
}

STUB bool pactffi_with_metadata(InteractionHandle interaction, const char *key, const char *value, enum InteractionPart part) {
  (void)interaction;
  (void)key;
  (void)value;
  (void)part;
  libpact_stub_called("pactffi_with_metadata");
  return false;
}

STUB struct StringResult pactffi_with_multipart_file(InteractionHandle interaction, enum InteractionPart part, const char *content_type, const char *file, const char *part_name) {
  (void)interaction;
  (void)part;
  (void)content_type;
  (void)file;
  (void)part_name;
  struct StringResult r;
  libpact_stub_called("pactffi_with_multipart_file");
  r.tag = StringResult_Failed;
  r.value = libpact_stub_string("pactffi_with_multipart_file");
  return r;
}

STUB struct StringResult pactffi_with_multipart_file_v2(InteractionHandle interaction, enum InteractionPart part, const char *content_type, const char *file, const char *part_name, const char *boundary) {
  (void)interaction;
  (void)part;
  (void)content_type;
  (void)file;
  (void)part_name;
  (void)boundary;
  struct StringResult r;
  libpact_stub_called("pactffi_with_multipart_file_v2");
  r.tag = StringResult_Failed;
  r.value = libpact_stub_string("pactffi_with_multipart_file_v2");
  return r;
}

STUB bool pactffi_with_pact_metadata(PactHandle pact, const char *namespace_, const char *name, const char *value) {
  (void)pact;
  (void)namespace_;
  (void)name;
  (void)value;
  libpact_stub_called("pactffi_with_pact_metadata");
  return false;
}

STUB bool pactffi_with_query_parameter(InteractionHandle interaction, const char *name, size_t index, const char *value) {
  (void)interaction;
  (void)name;
  (void)index;
  (void)value;
  libpact_stub_called("pactffi_with_query_parameter");
  return false;
}

STUB bool pactffi_with_query_parameter_v2(InteractionHandle interaction, const char *name, size_t index, const char *value) {
  (void)interaction;
  (void)name;
  (void)index;
  (void)value;
  libpact_stub_called("pactffi_with_query_parameter_v2");
  return false;
}

STUB bool pactffi_with_request(InteractionHandle interaction, const char *method, const char *path) {
  (void)interaction;
  (void)method;
  (void)path;
  libpact_stub_called("pactffi_with_request");
  return false;
}

STUB bool pactffi_with_specification(PactHandle pact, enum PactSpecification version) {
  (void)pact;
  (void)version;
  libpact_stub_called("pactffi_with_specification");
  return false;
}

STUB int32_t pactffi_write_message_pact_file(MessagePactHandle pact, const char *directory, bool overwrite) {
  (void)pact;
  (void)directory;
  (void)overwrite;
  libpact_stub_called("pactffi_write_message_pact_file");
  return -1;
}

STUB int32_t pactffi_write_pact_file(int32_t mock_server_port, const char *directory, bool overwrite) {
  (void)mock_server_port;
  (void)directory;
  (void)overwrite;
  libpact_stub_called("pactffi_write_pact_file");
  return -1;
}
