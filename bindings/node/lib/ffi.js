'use strict';
// Raw koffi declarations of the libpact C ABI (include/pact.h): the only file that touches koffi.
//
// Finding the library: $LIBPACT_PATH, else build/libpact.so of the source tree this package sits in
// (bindings/node/../../build), else the system search path (libpact.so, then libpact_ffi.so). The library holds
// a Go runtime: it is loaded once and never unloaded, and a process must not fork() after loading it (Node's
// child_process spawns new processes, which is fine).
//
// Owned ("caller frees") strings are declared with the disposable type HeapStr: koffi copies them into JS strings
// and frees them with pactffi_string_delete. Calls that block while a provider must be served
// (pactffi_verifier_execute) are made with .async, on koffi's worker threads, so the event loop keeps running.

const fs = require('node:fs');
const path = require('node:path');
const koffi = require('koffi');

function candidates() {
  if (process.env.LIBPACT_PATH) return [process.env.LIBPACT_PATH];
  const out = [];
  const tree = path.resolve(__dirname, '..', '..', '..', 'build', 'libpact.so');
  if (fs.existsSync(tree)) out.push(tree);
  return out.concat(['libpact.so', 'libpact_ffi.so']);
}

function load() {
  const errors = [];
  for (const c of candidates()) {
    try {
      return { lib: koffi.load(c), libraryPath: c };
    } catch (e) {
      errors.push(`${c}: ${e.message}`);
    }
  }
  throw new Error(`cannot load libpact (set LIBPACT_PATH to build/libpact.so; run \`make lib\` to build it): ${errors.join('; ')}`);
}

const { lib, libraryPath } = load();

const stringDelete = lib.func('void pactffi_string_delete(void *s)');
koffi.disposable('HeapStr', 'const char *', stringDelete);
koffi.opaque('VerifierHandle');
const StringResultU = koffi.union('StringResultU', { ok: 'void *', failed: 'void *' });
koffi.struct('StringResult', { tag: 'int', u: StringResultU });

const DECLS = [
  // Library and errors
  'const char *pactffi_version(void)',
  'const char *libpact_version(void)',
  'int pactffi_get_error_message(_Out_ char *buffer, int length)',
  // Logging
  'int pactffi_log_to_stderr(int level_filter)',
  'int pactffi_log_to_buffer(int level_filter)',
  'HeapStr pactffi_fetch_log_buffer(const char *log_id)',
  // Pact handles
  'uint16_t pactffi_new_pact(const char *consumer_name, const char *provider_name)',
  'uint32_t pactffi_free_pact_handle(uint16_t pact)',
  'bool pactffi_with_specification(uint16_t pact, int version)',
  'bool pactffi_with_pact_metadata(uint16_t pact, const char *namespace_, const char *name, const char *value)',
  'int32_t pactffi_pact_handle_write_file(uint16_t pact, const char *directory, bool overwrite)',
  // HTTP interactions
  'uint32_t pactffi_new_interaction(uint16_t pact, const char *description)',
  'bool pactffi_upon_receiving(uint32_t interaction, const char *description)',
  'bool pactffi_given(uint32_t interaction, const char *description)',
  'int pactffi_given_with_params(uint32_t interaction, const char *description, const char *params)',
  'bool pactffi_with_request(uint32_t interaction, const char *method, const char *path)',
  'bool pactffi_with_query_parameter_v2(uint32_t interaction, const char *name, size_t index, const char *value)',
  'bool pactffi_with_header_v2(uint32_t interaction, int part, const char *name, size_t index, const char *value)',
  'bool pactffi_response_status_v2(uint32_t interaction, const char *status)',
  'bool pactffi_with_body(uint32_t interaction, int part, const char *content_type, const char *body)',
  'bool pactffi_with_binary_body(uint32_t interaction, int part, const char *content_type, const uint8_t *body, size_t size)',
  'bool pactffi_add_text_comment(uint32_t interaction, const char *comment)',
  'bool pactffi_set_pending(uint32_t interaction, bool pending)',
  'uint32_t pactffi_interaction_test_name(uint32_t interaction, const char *test_name)',
  // Mock server
  'int32_t pactffi_create_mock_server_for_transport(uint16_t pact, const char *addr, uint16_t port, const char *transport, const char *transport_config)',
  'bool pactffi_mock_server_matched(int32_t port)',
  'const char *pactffi_mock_server_mismatches(int32_t port)',
  'const char *pactffi_mock_server_logs(int32_t port)',
  'bool pactffi_cleanup_mock_server(int32_t port)',
  'int32_t pactffi_write_pact_file(int32_t port, const char *directory, bool overwrite)',
  // Messages
  'uint32_t pactffi_new_message_interaction(uint16_t pact, const char *description)',
  'bool pactffi_with_metadata(uint32_t interaction, const char *key, const char *value, int part)',
  'HeapStr pactffi_message_reify(uint32_t message)',
  // Matching utilities
  'StringResult pactffi_generate_datetime_string(const char *format)',
  'StringResult pactffi_generate_regex_value(const char *regex)',
  // Provider verifier
  'VerifierHandle *pactffi_verifier_new_for_application(const char *name, const char *version)',
  'void pactffi_verifier_shutdown(VerifierHandle *handle)',
  'void pactffi_verifier_set_provider_info(VerifierHandle *handle, const char *name, const char *scheme, const char *host, unsigned short port, const char *path)',
  'void pactffi_verifier_set_filter_info(VerifierHandle *handle, const char *filter_description, const char *filter_state, unsigned char filter_no_state)',
  'void pactffi_verifier_set_provider_state(VerifierHandle *handle, const char *url, unsigned char teardown, unsigned char body)',
  'int pactffi_verifier_set_verification_options(VerifierHandle *handle, unsigned char disable_ssl_verification, unsigned long request_timeout)',
  'int pactffi_verifier_set_coloured_output(VerifierHandle *handle, unsigned char coloured_output)',
  'int pactffi_verifier_set_no_pacts_is_error(VerifierHandle *handle, unsigned char is_error)',
  'int pactffi_verifier_set_publish_options(VerifierHandle *handle, const char *provider_version, const char *build_url, const char **provider_tags, unsigned short provider_tags_len, const char *provider_branch)',
  'void pactffi_verifier_set_consumer_filters(VerifierHandle *handle, const char **consumer_filters, unsigned short consumer_filters_len)',
  'void pactffi_verifier_add_custom_header(VerifierHandle *handle, const char *header_name, const char *header_value)',
  'void pactffi_verifier_add_file_source(VerifierHandle *handle, const char *file)',
  'void pactffi_verifier_add_directory_source(VerifierHandle *handle, const char *directory)',
  'void pactffi_verifier_url_source(VerifierHandle *handle, const char *url, const char *username, const char *password, const char *token)',
  'int pactffi_verifier_broker_source_with_selectors(VerifierHandle *handle, const char *url, const char *username, const char *password, const char *token, unsigned char enable_pending, const char *include_wip_pacts_since, const char **provider_tags, unsigned short provider_tags_len, const char *provider_branch, const char **consumer_version_selectors, unsigned short consumer_version_selectors_len, const char **consumer_version_tags, unsigned short consumer_version_tags_len)',
  'int pactffi_verifier_execute(VerifierHandle *handle)',
  'HeapStr pactffi_verifier_logs(VerifierHandle *handle)',
  'HeapStr pactffi_verifier_output(VerifierHandle *handle, unsigned char strip_ansi)',
  'HeapStr pactffi_verifier_json(VerifierHandle *handle)',
];

const ffi = { lib, libraryPath, koffi, pactffi_string_delete: stringDelete };
for (const decl of DECLS) {
  const fn = lib.func(decl);
  ffi[fn.info.name] = fn;
}

// Enums of pact.h.
ffi.REQUEST = 0;
ffi.RESPONSE = 1;
ffi.LEVELS = { off: 0, none: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };
ffi.SPEC = { '1': 1, '1.1': 2, '2': 3, '2.0': 3, '3': 4, '3.0': 4, '4': 5, '4.0': 5 };

/** An error reported by libpact; the message is pactffi_get_error_message, code the failing return code. */
class PactError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'PactError';
    if (code !== undefined) this.code = code;
  }
}
ffi.PactError = PactError;

/** The calling thread's last libpact error ('' when there is none). */
ffi.lastError = function lastError() {
  for (let size = 4096; size <= 1 << 24; size *= 4) {
    const buf = Buffer.alloc(size);
    const n = ffi.pactffi_get_error_message(buf, size);
    if (n === -2) continue;
    if (n <= 1) return '';
    return buf.toString('utf8', 0, n - 1);
  }
  return '';
};

/** Throws PactError with the library's message unless ok is truthy. */
ffi.check = function check(ok, what, code) {
  if (!ok) throw new PactError(ffi.lastError() || `${what} failed`, code);
  return ok;
};

/** Reads a StringResult: the ok string, or throws PactError with the failed one (both freed). */
ffi.takeResult = function takeResult(res, what) {
  const ptr = res.tag === 0 ? res.u.ok : res.u.failed;
  const text = ptr ? koffi.decode(ptr, 'char', -1) : null;
  if (ptr) stringDelete(ptr);
  if (res.tag !== 0) throw new PactError(text || `${what} failed`);
  return text;
};

module.exports = ffi;
