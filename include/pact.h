/*
 * pact.h - libpact, a Pact contract-testing library with the pact_ffi C ABI.
 *
 * libpact implements consumer-driven contract testing (https://docs.pact.io): a consumer test describes the
 * HTTP requests it makes (or the messages it receives) and the responses it expects; a mock server checks the
 * real requests against that description and writes a pact file; the provider is later verified against the
 * pact. Pact specification versions V1 to V4 are supported.
 *
 * The library is written in Go and exports the C ABI of the Rust pact_ffi 0.5.8 library: all 280 pactffi_*
 * functions with the same names, signatures, handle encodings and return codes, plus four 0.4.x functions
 * that released clients still link (pactffi_create_mock_server, pactffi_create_mock_server_for_pact,
 * pactffi_verify, pactffi_verifier_cli_args). Existing Pact clients (pact-go, pact-python, pact-js-core,
 * pact-php, pact-net) can load it in place of libpact_ffi. This header is written by hand and documents what
 * libpact does; where libpact differs from pact_ffi, the function's comment says so. libpact_version() is the
 * only function pact_ffi does not have.
 *
 * Linking
 *   Build with `make lib`: build/libpact.so, copied to build/libpact_ffi.so (the name pact clients look for).
 *   It runs on Linux with glibc 2.17 or later (kernel 3.2 or later) and needs only libc.so.6, libpthread.so.0
 *   and libresolv.so.2 (README.md, "Platforms").
 *   Link with -L<dir> -lpact_ffi -Wl,-rpath,<dir>, or load it with dlopen("libpact_ffi.so", RTLD_NOW).
 *   The library contains a Go runtime: it cannot be unloaded (dlclose does not unload it), and a process must
 *   not fork() after loading it and keep using it in the child.
 *
 * Threading
 *   Every function may be called from any thread. Handles (PactHandle, InteractionHandle, ...) live in global
 *   tables behind locks; calls on the same pact are serialized. Mock servers and the verifier run on the
 *   library's own threads and never need the calling thread to make progress, so a provider under test may run
 *   in the same process. Opaque model pointers (struct Pact *, struct Message *, iterators, ...) may be used from
 *   any thread, but one object must not be deleted while another thread uses it. There are no callbacks into the
 *   caller.
 *
 * Ownership
 *   Strings returned as "caller frees" are allocated with malloc: free them with pactffi_string_delete (or its
 *   deprecated alias pactffi_free_string, or libc free). Strings documented as static, as owned by a mock server
 *   (freed by pactffi_cleanup_mock_server), or as borrowed from an object or iterator must not be freed. Every
 *   opaque pointer a function returns has a documented *_delete function. Input strings are copied; the caller
 *   keeps ownership of every argument.
 *
 * Errors
 *   Functions report failure through their return value (false, NULL, 0 for a handle, or a documented negative
 *   or non-zero code). Every failure also records a message for the calling thread, which
 *   pactffi_get_error_message copies out; read it on the same thread right after the failing call. Invalid
 *   arguments (NULL where a value is required, strings that are not UTF-8, malformed JSON, unknown or freed
 *   handles, pointers not created by libpact) are always reported this way and never crash the process. An
 *   internal error (a bug in libpact) is caught at the function boundary and reported the same way.
 *
 * Not implemented
 *   These functions exist (so that every client links) but always fail with their failure value and the last
 *   error "pactffi_xxx is not implemented by libpact" or "libpact does not support plugins":
 *   5 plugin functions (libpact runs no plugins; pactffi_cleanup_plugins is a no-op):
 *     pactffi_using_plugin pactffi_using_plugin_with_delay pactffi_interaction_contents
 *     pactffi_register_plugin_log_callback pactffi_get_plugin_logs
 */
#ifndef PACT_H
#define PACT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* ------------------------------------------------------------------------------------------------------------
 * Section - Types
 * ------------------------------------------------------------------------------------------------------------ */

/* A pact being built; a small integer id, never 0 for a live pact. */
typedef uint16_t PactHandle;
/* An interaction of a pact: (PactHandle << 16) | 1-based index of the interaction. */
typedef uint32_t InteractionHandle;
/* A message pact (same table as PactHandle). */
typedef uint16_t MessagePactHandle;
/* A message of a message pact: (MessagePactHandle << 16) | 1-based index. */
typedef uint32_t MessageHandle;

/* The request or the response of an interaction. */
typedef enum InteractionPart {
  InteractionPart_Request = 0,
  InteractionPart_Response = 1
} InteractionPart;

/* Log levels: a sink at level L receives lines at L or more severe. */
typedef enum LevelFilter {
  LevelFilter_Off,
  LevelFilter_Error,
  LevelFilter_Warn,
  LevelFilter_Info,
  LevelFilter_Debug,
  LevelFilter_Trace
} LevelFilter;

/* Pact specification versions. */
typedef enum PactSpecification {
  PactSpecification_Unknown,
  PactSpecification_V1,
  PactSpecification_V1_1,
  PactSpecification_V2,
  PactSpecification_V3,
  PactSpecification_V4
} PactSpecification;

/* Categories of matching rules. */
typedef enum MatchingRuleCategory {
  MatchingRuleCategory_METHOD,
  MatchingRuleCategory_PATH,
  MatchingRuleCategory_HEADER,
  MatchingRuleCategory_QUERY,
  MatchingRuleCategory_BODY,
  MatchingRuleCategory_STATUS,
  MatchingRuleCategory_CONTENTS,
  MatchingRuleCategory_METADATA
} MatchingRuleCategory;

/* Categories of generators. */
typedef enum GeneratorCategory {
  GeneratorCategory_METHOD,
  GeneratorCategory_PATH,
  GeneratorCategory_HEADER,
  GeneratorCategory_QUERY,
  GeneratorCategory_BODY,
  GeneratorCategory_STATUS,
  GeneratorCategory_METADATA
} GeneratorCategory;

/* The type of the example value of a matching-rule definition expression. */
typedef enum ExpressionValueType {
  ExpressionValueType_Unknown,
  ExpressionValueType_String,
  ExpressionValueType_Number,
  ExpressionValueType_Integer,
  ExpressionValueType_Decimal,
  ExpressionValueType_Boolean
} ExpressionValueType;

typedef enum StringResult_Tag {
  StringResult_Ok,
  StringResult_Failed
} StringResult_Tag;

/* A string or an error message, returned by value: read ok when tag is StringResult_Ok, failed when it is
 * StringResult_Failed. A non-NULL string is owned by the caller (pactffi_string_delete). The anonymous members
 * are those of pact_ffi's header (C11 and C++ compilers accept them; the pragma keeps -std=c99 -pedantic quiet). */
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#endif
typedef struct StringResult {
  StringResult_Tag tag;
  union {
    struct {
      char *ok;
    };
    struct {
      char *failed;
    };
  };
} StringResult;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

/* Plugin log callback (plugins are not supported; see pactffi_register_plugin_log_callback). */
typedef void (*PluginLogCallback)(const char *plugin_instance_id,
                                  const char *test_run_id,
                                  const char *level,
                                  const char *target,
                                  const char *message);

/* Opaque model objects: only pointers to them cross the ABI. */
typedef struct AsynchronousMessage AsynchronousMessage;
typedef struct Consumer Consumer;
typedef struct Generator Generator;
typedef struct GeneratorCategoryIterator GeneratorCategoryIterator;
typedef struct HttpRequest HttpRequest;
typedef struct HttpResponse HttpResponse;
typedef struct MatchingRule MatchingRule;
typedef struct MatchingRuleCategoryIterator MatchingRuleCategoryIterator;
typedef struct MatchingRuleDefinitionResult MatchingRuleDefinitionResult;
typedef struct MatchingRuleIterator MatchingRuleIterator;
typedef struct MatchingRuleResult MatchingRuleResult;
typedef struct Message Message;
typedef struct MessageContents MessageContents;
typedef struct MessageMetadataIterator MessageMetadataIterator;
typedef struct MessagePact MessagePact;
typedef struct MessagePactMessageIterator MessagePactMessageIterator;
typedef struct MessagePactMetadataIterator MessagePactMetadataIterator;
typedef struct Mismatch Mismatch;
typedef struct Mismatches Mismatches;
typedef struct MismatchesIterator MismatchesIterator;
typedef struct Pact Pact;
typedef struct PactAsyncMessageIterator PactAsyncMessageIterator;
typedef struct PactInteraction PactInteraction;
typedef struct PactInteractionIterator PactInteractionIterator;
typedef struct PactMessageIterator PactMessageIterator;
typedef struct PactSyncHttpIterator PactSyncHttpIterator;
typedef struct PactSyncMessageIterator PactSyncMessageIterator;
typedef struct Provider Provider;
typedef struct ProviderState ProviderState;
typedef struct ProviderStateIterator ProviderStateIterator;
typedef struct ProviderStateParamIterator ProviderStateParamIterator;
typedef struct SynchronousHttp SynchronousHttp;
typedef struct SynchronousMessage SynchronousMessage;
typedef struct VerifierHandle VerifierHandle;

/* Pairs and triples returned by iterators; the caller reads the fields and frees the struct with its
 * *_delete function (the strings belong to the struct). */
typedef struct MatchingRuleKeyValuePair {
  const char *path;
  const struct MatchingRule *rule;
} MatchingRuleKeyValuePair;

typedef struct GeneratorKeyValuePair {
  const char *path;
  const struct Generator *generator;
} GeneratorKeyValuePair;

typedef struct MessageMetadataPair {
  const char *key;
  const char *value;
} MessageMetadataPair;

typedef struct MessagePactMetadataTriple {
  const char *outer_key;
  const char *inner_key;
  const char *value;
} MessagePactMetadataTriple;

typedef struct ProviderStateParamPair {
  const char *key;
  const char *value;
} ProviderStateParamPair;

#ifdef __cplusplus
#include "pact_cxx.h" /* extern "C" { */
#endif

/* ------------------------------------------------------------------------------------------------------------
 * Section - Library and errors
 *
 * Versions, the thread's last error, and freeing strings the library returns.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Returns the pact_ffi ABI version libpact implements, "0.5.8" (clients compare it with the version they were
 * built for).
 * Ownership: a static string; never free it. Thread-safe.
 */
const char *pactffi_version(void);

/*
 * libpact extension (not in pact_ffi): returns libpact's own version, e.g. "0.1.0".
 * Ownership: a static string; never free it. Thread-safe.
 */
const char *libpact_version(void);

/*
 * Copies the calling thread's last error message, NUL-terminated, into buffer (length bytes) and zeroes the rest
 * of the buffer.
 * Every failing libpact call records a message; read it on the same thread right after the failure.
 * Returns the number of bytes written including the terminating NUL (1 when there is no error), -1 if buffer is
 * NULL, -2 if length is too small for the message, -4 if the message holds a NUL byte.
 * Ownership: the caller owns buffer. Thread-safe (the last error is per OS thread).
 */
int pactffi_get_error_message(char *buffer, int length);

/*
 * Frees a string returned by libpact that is documented as owned by the caller (marked "caller frees"). NULL is
 * a no-op.
 * The strings are allocated with malloc, so libc free() is equivalent. Never pass a string the library owns
 * (versions, mock-server strings, iterator results). Thread-safe.
 */
void pactffi_string_delete(char *string);

/*
 * Deprecated alias of pactffi_string_delete (pact-go and pact-net call it). NULL is a no-op. Thread-safe.
 */
void pactffi_free_string(char *s);

/*
 * Enables ANSI colour codes on Windows consoles; a no-op on other systems. Thread-safe.
 */
void pactffi_enable_ansi_support(void);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Logging
 *
 * Where log lines go. Three ways to configure: pactffi_log_to_stdout / _stderr / _file / _buffer
 * (one sink), pactffi_logger_init + pactffi_logger_attach_sink + pactffi_logger_apply (several sinks), or
 * pactffi_init / pactffi_init_with_log_level (stdout). Unlike pact_ffi, configuring again replaces the previous
 * configuration and succeeds (pact_ffi returns -1, "can't set logger"). With nothing configured nothing is logged.
 *
 * Return codes of the int functions: 0 ok, -1 can't set logger, -2 no logger initialised (attach_sink/apply
 * without logger_init), -3 specifier not UTF-8, -4 unknown sink, -5 missing file path, -6 can't open the file,
 * -7 can't construct the sink (e.g. a level_filter outside LevelFilter). On failure the last error says why.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Logs to stdout at the level named by the environment variable log_env_var (NULL means "LOG_LEVEL"), e.g.
 * LOG_LEVEL=debug.
 * If the variable is unset, logging is left as it is. An unknown level logs at INFO and sets the last error.
 * Thread-safe.
 */
void pactffi_init(const char *log_env_var);

/*
 * Logs to stdout at level: one of TRACE, DEBUG, INFO, WARN, ERROR, OFF/NONE, any case. NULL or an unknown name
 * means INFO (an unknown name also sets the last error). Thread-safe.
 */
void pactffi_init_with_log_level(const char *level);

/*
 * Sends log lines at level_filter or more severe to stdout, replacing the current configuration. Returns 0, or a
 * negative code (see above). Thread-safe.
 */
int pactffi_log_to_stdout(enum LevelFilter level_filter);

/*
 * Sends log lines at level_filter or more severe to stderr, replacing the current configuration. Returns 0, or a
 * negative code. Thread-safe.
 */
int pactffi_log_to_stderr(enum LevelFilter level_filter);

/*
 * Appends log lines at level_filter or more severe to the file file_name (created if needed), replacing the
 * current configuration.
 * Returns 0; -5 if file_name is NULL or empty; -3 if it is not UTF-8; -6 if the file cannot be opened.
 * Thread-safe.
 */
int pactffi_log_to_file(const char *file_name, enum LevelFilter level_filter);

/*
 * Keeps log lines at level_filter or more severe in an in-memory buffer (the last 8 MiB), read with
 * pactffi_fetch_log_buffer; replaces the current configuration. Returns 0, or a negative code. Thread-safe.
 */
int pactffi_log_to_buffer(enum LevelFilter level_filter);

/*
 * Starts a new logger configuration; sinks are added with pactffi_logger_attach_sink and take effect at
 * pactffi_logger_apply. The active configuration keeps working until then. Thread-safe.
 */
void pactffi_logger_init(void);

/*
 * Adds a sink to the configuration started by pactffi_logger_init. sink_specifier is "stdout", "stderr",
 * "buffer" or "file <path>".
 * Returns 0; -2 without pactffi_logger_init; -3 not UTF-8; -4 unknown sink; -5 "file" without a path; -6 the
 * file cannot be opened; -7 bad level_filter. Thread-safe.
 */
int pactffi_logger_attach_sink(const char *sink_specifier, enum LevelFilter level_filter);

/*
 * Installs the configuration built since pactffi_logger_init. Returns 0, or -2 if pactffi_logger_init was not
 * called. Thread-safe.
 */
int pactffi_logger_apply(void);

/*
 * Returns everything logged to the buffer sink so far ("" if none). libpact keeps one buffer: log_id (NULL,
 * "global" or any other id) is ignored.
 * Ownership: the caller frees the string with pactffi_string_delete (or free). Returns NULL only on an internal
 * error. Thread-safe.
 */
const char *pactffi_fetch_log_buffer(const char *log_id);

/*
 * Logs message at log_level ("error", "warn", "info", "debug", "trace"; NULL or unknown means info) with the
 * given source (NULL means "pact_ffi"). Thread-safe.
 */
void pactffi_log_message(const char *source, const char *log_level, const char *message);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Pact handles
 *
 * A PactHandle is a pact being built by a consumer test: a small integer id (never 0) in a global table.
 * Create it with pactffi_new_pact and free it with pactffi_free_pact_handle. Once a mock server has been started
 * for a pact, the pact can no longer be changed: every builder call on it or its interactions fails (false) and
 * sets the last error.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Creates a new, empty V3 pact between consumer_name and provider_name.
 * A NULL consumer_name or provider_name means "Consumer" / "Provider" (as pact_ffi; a warning is logged).
 * Returns its handle, or 0 if a name is not UTF-8 (the last error says which; pact_ffi substitutes the default
 * there too). Free it with pactffi_free_pact_handle. Thread-safe.
 */
PactHandle pactffi_new_pact(const char *consumer_name, const char *provider_name);

/*
 * Frees a pact handle (running mock servers keep their own copy of the pact).
 * Returns 0 on success, 1 if the handle is not a live pact. Thread-safe.
 */
unsigned int pactffi_free_pact_handle(PactHandle pact);

/*
 * Sets the Pact specification version the pact is written as (the default is V3).
 * Returns false if the handle is not valid, version is not V1..V4, or a mock server is running for the pact.
 * Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_specification(PactHandle pact, enum PactSpecification version);

/*
 * Returns the specification version of the pact, or PactSpecification_Unknown if the handle is not valid.
 * Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
enum PactSpecification pactffi_handle_get_pact_spec_version(PactHandle pact);

/*
 * Sets metadata[namespace_][name] = value in the pact file. The namespaces "pactRust" and "pactSpecification"
 * are read-only.
 * Returns false on a NULL or non-UTF-8 argument, an empty or read-only namespace, an invalid handle, or a
 * running mock server. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_pact_metadata(PactHandle pact, const char *namespace_, const char *name, const char *value);

/*
 * Writes the pact to directory (NULL or "" means the current directory) as <consumer>-<provider>.json, merging
 * with an existing file unless overwrite is true.
 * Use it for message and V4 pacts that have no mock server. Returns 0 on success, 1 on an internal error or a
 * directory that is not UTF-8, 2 if the file could not be written, 3 if the handle is not valid. Thread-safe:
 * calls on the same pact are serialized by a per-pact lock.
 */
int32_t pactffi_pact_handle_write_file(PactHandle pact, const char *directory, bool overwrite);

/*
 * Returns a snapshot of the pact as a model object, for the read-only model functions
 * (pactffi_pact_model_interaction_iterator, ...).
 * Later changes to the pact handle are not reflected. Ownership: the caller frees it with
 * pactffi_pact_model_delete. Returns NULL if the handle is not valid. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
struct Pact *pactffi_pact_handle_to_pointer(PactHandle pact);

/*
 * Records the id of the current test run. pact_ffi passes it to plugins; libpact has no plugins and only keeps
 * it. Thread-safe.
 */
void pactffi_set_test_run_id(const char *test_run_id);

/* ------------------------------------------------------------------------------------------------------------
 * Section - HTTP interactions
 *
 * An InteractionHandle is (pact handle << 16) | n, n being the 1-based index of the interaction in its pact.
 * Builder functions return true on success; false means the handle is not valid, an argument is NULL / not
 * UTF-8 / malformed, the interaction has the wrong type, or a mock server is already running for the pact; the
 * last error then says which. Values of paths, query parameters, headers and status may be "integration JSON"
 * (an object with "pact:matcher:type", "value", ...) or a matching-rule expression, as in pact_ffi's
 * IntegrationJson.md.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Adds a new HTTP interaction (Synchronous/HTTP) with the given description to the pact.
 * Returns its handle, or 0 if the pact handle is not valid, description is NULL/not UTF-8, or a mock server is
 * running (pact_ffi adds it anyway). An interaction with the same description is replaced, keeping its handle,
 * as in pact_ffi. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
InteractionHandle pactffi_new_interaction(PactHandle pact, const char *description);

/*
 * Sets the description of the interaction ("upon receiving ..."). Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
bool pactffi_upon_receiving(InteractionHandle interaction, const char *description);

/*
 * Adds a provider state with no parameters. Thread-safe: calls on the same pact are serialized by a per-pact
 * lock.
 */
bool pactffi_given(InteractionHandle interaction, const char *description);

/*
 * Adds parameter name = value to the provider state description, creating the state if the interaction does not
 * have it. value is parsed as JSON when it is valid JSON, otherwise kept as a string; NULL is "". Thread-safe:
 * calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_given_with_param(InteractionHandle interaction,
                              const char *description,
                              const char *name,
                              const char *value);

/*
 * Adds a provider state with the parameters in params, a JSON object (any other JSON value v becomes {"value":
 * v}).
 * Returns 0 on success, 1 if the handle is not valid or the pact is locked by a running mock server, 2 if params
 * is not valid JSON, 3 if description or params is NULL or not UTF-8. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
int pactffi_given_with_params(InteractionHandle interaction, const char *description, const char *params);

/*
 * Sets the request method and path of an HTTP interaction (NULL is an error; pact_ffi substitutes GET and /).
 * path may be integration JSON, e.g. {"value": "/users/1", "pact:matcher:type": "regex", "regex":
 * "/users/\\d+"}. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_request(InteractionHandle interaction, const char *method, const char *path);

/*
 * Sets value number index (0-based) of the query parameter name. value may be integration JSON; an array "value"
 * at index 0 sets every value. A NULL value records a parameter without a value ("?flag"). Thread-safe: calls on
 * the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_query_parameter_v2(InteractionHandle interaction,
                                     const char *name,
                                     size_t index,
                                     const char *value);

/*
 * Deprecated: use pactffi_with_query_parameter_v2, which this calls. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
bool pactffi_with_query_parameter(InteractionHandle interaction,
                                  const char *name,
                                  size_t index,
                                  const char *value);

/*
 * Sets value number index of header name on the request or response. value may be integration JSON (an array
 * "value" replaces all values); at index 0 a known multi-value header (Accept, Cache-Control, ...) given as "a,
 * b" is split into values. Header names are matched ignoring case; a NULL value is "". Thread-safe: calls on the
 * same pact are serialized by a per-pact lock.
 */
bool pactffi_with_header_v2(InteractionHandle interaction,
                            enum InteractionPart part,
                            const char *name,
                            size_t index,
                            const char *value);

/*
 * Deprecated: use pactffi_with_header_v2, which this calls. Thread-safe: calls on the same pact are serialized
 * by a per-pact lock.
 */
bool pactffi_with_header(InteractionHandle interaction,
                         enum InteractionPart part,
                         const char *name,
                         size_t index,
                         const char *value);

/*
 * Sets header name to exactly value on the request or response, replacing any values, with no integration-JSON
 * processing or splitting; a NULL value is "". Thread-safe: calls on the same pact are serialized by a per-pact
 * lock.
 */
bool pactffi_set_header(InteractionHandle interaction,
                        enum InteractionPart part,
                        const char *name,
                        const char *value);

/*
 * Sets the response status code. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_response_status(InteractionHandle interaction, unsigned short status);

/*
 * Sets the response status from a string: a number, or integration JSON such as {"pact:matcher:type":
 * "statusCode", "status": "success", "value": 200}. NULL means 200. Without a "value", the status code is left
 * as it was (pact_ffi sets 0). Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_response_status_v2(InteractionHandle interaction, const char *status);

/*
 * Sets the body of the request or response (for a message interaction: its contents; for the response part of a
 * synchronous message: a new response).
 * content_type may be NULL: the type is then taken from the Content-Type header (or contentType metadata), else
 * sniffed from the body, else text/plain. The Content-Type header is set if absent.
 * A JSON body may hold integration-JSON matchers; with an XML or form-urlencoded content type a JSON body
 * describes the body. An empty string or NULL gives an empty body.
 * Returns false if body is not UTF-8, the JSON holds an unreadable matcher, or as described above. Thread-safe:
 * calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_body(InteractionHandle interaction,
                       enum InteractionPart part,
                       const char *content_type,
                       const char *body);

/*
 * Sets the body to size bytes at body with content_type (NULL means application/octet-stream); the Content-Type
 * header is set if absent. A NULL body gives a null body, size 0 an empty body. Bytes are copied. Thread-safe:
 * calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_binary_body(InteractionHandle interaction,
                              enum InteractionPart part,
                              const char *content_type,
                              const uint8_t *body,
                              size_t size);

/*
 * Deprecated (use pactffi_with_binary_body and pactffi_with_matching_rules): like pactffi_with_binary_body, plus
 * for V3+ pacts a contentType matching rule on the whole body, so that any body of that content type matches.
 * content_type must not be NULL. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_binary_file(InteractionHandle interaction,
                              enum InteractionPart part,
                              const char *content_type,
                              const uint8_t *body,
                              size_t size);

/*
 * Adds a multipart/form-data part named part_name (NULL means "file") holding the file at path file (NULL gives
 * an empty multipart body) with content type content_type (used for the part's Content-Type header, where
 * pact_ffi guesses it from the file extension), using boundary (NULL means a random one). If the body already is
 * multipart, the part is appended.
 * Sets the Content-Type header (with a regex rule accepting any boundary) and a contentType rule at
 * $.<part_name>.
 * Returns tag StringResult_Ok (ok is NULL) or StringResult_Failed with an error message. Ownership: the caller
 * frees a non-NULL ok/failed string with pactffi_string_delete. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
struct StringResult pactffi_with_multipart_file_v2(InteractionHandle interaction,
                                                   enum InteractionPart part,
                                                   const char *content_type,
                                                   const char *file,
                                                   const char *part_name,
                                                   const char *boundary);

/*
 * pactffi_with_multipart_file_v2 with a random boundary. Ownership: the caller frees a non-NULL ok/failed string
 * with pactffi_string_delete. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
struct StringResult pactffi_with_multipart_file(InteractionHandle interaction,
                                                enum InteractionPart part,
                                                const char *content_type,
                                                const char *file,
                                                const char *part_name);

/*
 * Adds matching rules to the request or response, given as JSON in the pact-file form: {"body": {"$.id":
 * {"matchers": [{"match": "integer"}]}}, "header": {...}}, optionally wrapped in {"matchingRules": ...}. Returns
 * false on malformed JSON or rules. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_with_matching_rules(InteractionHandle interaction, enum InteractionPart part, const char *rules);

/*
 * Adds generators to the request or response, given as JSON in the pact-file form: {"body": {"$.id": {"type":
 * "RandomInt"}}, "path": {"type": "ProviderState", "expression": "/u/${id}"}}, optionally wrapped in
 * {"generators": ...}. Returns false on malformed JSON or generators. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
bool pactffi_with_generators(InteractionHandle interaction, enum InteractionPart part, const char *generators);

/*
 * V4: appends a line to the interaction's "text" comments. Thread-safe: calls on the same pact are serialized by
 * a per-pact lock.
 */
bool pactffi_add_text_comment(InteractionHandle interaction, const char *comment);

/*
 * V4: sets comment key to value (parsed as JSON when valid JSON, else a string); a NULL value removes the
 * comment. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_set_comment(InteractionHandle interaction, const char *key, const char *value);

/*
 * V4: sets the interaction's key (NULL clears it; a key is then computed when the pact is written). Thread-safe:
 * calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_set_key(InteractionHandle interaction, const char *value);

/*
 * V4: marks the interaction pending (its failures do not fail verification). Thread-safe: calls on the same pact
 * are serialized by a per-pact lock.
 */
bool pactffi_set_pending(InteractionHandle interaction, bool pending);

/*
 * V4: records the name of the test that defines the interaction (the "testname" comment).
 * Returns 0 on success, 1 if test_name is NULL/not UTF-8 or on an internal error, 2 if the handle is not valid,
 * 3 if a mock server is running for the pact. Thread-safe: calls on the same pact are serialized by a per-pact
 * lock.
 */
unsigned int pactffi_interaction_test_name(InteractionHandle interaction, const char *test_name);

/*
 * V4: records comments.references[group][name] = value (value parsed as JSON when valid JSON). Thread-safe:
 * calls on the same pact are serialized by a per-pact lock.
 */
bool pactffi_add_interaction_reference(InteractionHandle interaction,
                                       const char *group,
                                       const char *name,
                                       const char *value);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Mock server
 *
 * A mock server serves the HTTP interactions of a pact on its own threads and records what it receives. It is
 * identified by its port. Creating one makes the pact read-only. pactffi_cleanup_mock_server stops it and frees
 * everything it owns.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Starts a mock server for the pact on addr (an IP address or host name; NULL means 127.0.0.1; "localhost"
 * listens on both 127.0.0.1 and ::1) and port (0 lets the OS choose).
 * transport is "http" (or NULL) or "https" (a self-signed certificate; see pactffi_get_tls_ca_certificate);
 * transport_config is NULL or a JSON object; {"corsPreflight": true} answers CORS preflight requests (an OPTIONS
 * request that matches no interaction gets 204 and CORS headers), other keys are ignored.
 * Returns the port, or -1 if the pact handle is not valid, -2 if transport_config is not a JSON object, -3 if
 * the server could not start (port in use, unsupported transport), -4 on an internal error, -5 if addr is not
 * valid (including "host:port": pass the port separately). Thread-safe.
 */
int32_t pactffi_create_mock_server_for_transport(PactHandle pact,
                                                 const char *addr,
                                                 uint16_t port,
                                                 const char *transport,
                                                 const char *transport_config);

/*
 * pact_ffi 0.4.x: starts a mock server for the pact on addr_str ("host:port"), with TLS if tls. Returns the port
 * or a negative code as pactffi_create_mock_server_for_transport. Thread-safe.
 */
int32_t pactffi_create_mock_server_for_pact(PactHandle pact, const char *addr_str, bool tls);

/*
 * pact_ffi 0.4.x: starts a mock server for the pact given as pact-file JSON in pact_str, on addr_str
 * ("host:port"), with TLS if tls.
 * Returns the port, -1 if pact_str is NULL or not UTF-8, -2 if the pact JSON cannot be read, -3 if the server
 * could not start, -4 on an internal error, -5 if the address is not valid. Thread-safe.
 */
int32_t pactffi_create_mock_server(const char *pact_str, const char *addr_str, bool tls);

/*
 * Returns true if every interaction was requested and no request was unexpected or mismatched; false otherwise,
 * or if no mock server runs on the port. Thread-safe.
 */
bool pactffi_mock_server_matched(int32_t mock_server_port);

/*
 * Returns a JSON array describing every mismatched, unexpected or missing request ("[]" when all matched), or
 * NULL if no mock server runs on the port.
 * Ownership: the mock server owns the string; it stays valid until pactffi_cleanup_mock_server. Do not free it.
 * Thread-safe.
 */
char *pactffi_mock_server_mismatches(int32_t mock_server_port);

/*
 * Returns the mock server's own log (requests received, matching results), or NULL if no mock server runs on the
 * port.
 * Ownership: the mock server owns the string until pactffi_cleanup_mock_server. Do not free it. Thread-safe.
 */
const char *pactffi_mock_server_logs(int32_t mock_server_port);

/*
 * Stops the mock server on the port (waiting briefly for requests in flight) and frees the strings it handed
 * out. Returns false if no mock server runs on the port. Thread-safe.
 */
bool pactffi_cleanup_mock_server(int32_t mock_server_port);

/*
 * Writes the mock server's pact to directory (NULL means the current directory) as <consumer>-<provider>.json,
 * merged with an existing file unless overwrite.
 * Returns 0 on success, 1 on an internal error, 2 if the file could not be written, 3 if no mock server runs on
 * the port. Thread-safe.
 */
int32_t pactffi_write_pact_file(int32_t mock_server_port, const char *directory, bool overwrite);

/*
 * Returns the PEM certificate the https mock servers use (self-signed, one per process), for the client to
 * trust.
 * Ownership: the caller frees it with pactffi_string_delete. Thread-safe.
 */
char *pactffi_get_tls_ca_certificate(void);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Message pacts and message interactions
 *
 * Asynchronous messages (and V4 synchronous messages) built through handles. A MessagePactHandle is a pact
 * handle in the same table as PactHandle; a MessageHandle is packed like an InteractionHandle. The void
 * functions report failures only through the last error.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Creates a new, empty V3 message pact between consumer_name and provider_name.
 * A NULL consumer_name or provider_name means "Consumer" / "Provider" (as pact_ffi; a warning is logged).
 * Returns its handle, or 0 if a name is not UTF-8 (the last error says which; pact_ffi substitutes the default
 * there too). Free it with pactffi_free_message_pact_handle. Thread-safe.
 */
MessagePactHandle pactffi_new_message_pact(const char *consumer_name, const char *provider_name);

/*
 * Frees a message pact handle. Returns 0 on success, 1 if the handle is not valid. Thread-safe.
 */
unsigned int pactffi_free_message_pact_handle(MessagePactHandle pact);

/*
 * Adds a new asynchronous message with the given description to the message pact. Returns its handle, or 0 on
 * failure. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
MessageHandle pactffi_new_message(MessagePactHandle pact, const char *description);

/*
 * Deprecated (use pactffi_new_message_interaction): adds an asynchronous message to a pact. Returns its handle,
 * or 0 on failure. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
MessageHandle pactffi_new_async_message(PactHandle pact, const char *description);

/*
 * Adds a new asynchronous message interaction (Asynchronous/Messages) to the pact. Returns its handle, or 0 on
 * failure. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
InteractionHandle pactffi_new_message_interaction(PactHandle pact, const char *description);

/*
 * Adds a new synchronous message interaction (Synchronous/Messages, V4) to the pact. Returns its handle, or 0 on
 * failure. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
InteractionHandle pactffi_new_sync_message_interaction(PactHandle pact, const char *description);

/*
 * Sets the description of the message. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
void pactffi_message_expects_to_receive(MessageHandle message, const char *description);

/*
 * Adds a provider state with no parameters to the message. Thread-safe: calls on the same pact are serialized by
 * a per-pact lock.
 */
void pactffi_message_given(MessageHandle message, const char *description);

/*
 * Adds parameter name = value (JSON if valid JSON, else a string) to the provider state description of the
 * message, creating the state if needed. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 * A NULL value gives the parameter the value "".
 */
void pactffi_message_given_with_param(MessageHandle message,
                                      const char *description,
                                      const char *name,
                                      const char *value);

/*
 * Sets the message contents to size bytes at body with content_type. A JSON content type allows integration-JSON
 * matchers in the contents. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 * A NULL content_type means text/plain.
 */
void pactffi_message_with_contents(MessageHandle message_handle,
                                   const char *content_type,
                                   const uint8_t *body,
                                   size_t size);

/*
 * Deprecated (use pactffi_with_metadata): sets metadata key = value on the message. Thread-safe: calls on the
 * same pact are serialized by a per-pact lock.
 * A NULL value is "".
 */
void pactffi_message_with_metadata(MessageHandle message_handle, const char *key, const char *value);

/*
 * Deprecated (use pactffi_with_metadata): sets metadata key = value on the message; value may be integration
 * JSON. Thread-safe: calls on the same pact are serialized by a per-pact lock.
 * A NULL value is "".
 */
void pactffi_message_with_metadata_v2(MessageHandle message_handle, const char *key, const char *value);

/*
 * Sets metadata key = value on a message interaction (the request or response part of a synchronous message);
 * value may be integration JSON. Returns false on failure. Thread-safe: calls on the same pact are serialized by
 * a per-pact lock.
 */
bool pactffi_with_metadata(InteractionHandle interaction,
                           const char *key,
                           const char *value,
                           enum InteractionPart part);

/*
 * Returns the message as JSON with its generators applied (the message a provider would produce).
 * Ownership: the caller frees it with pactffi_string_delete. Thread-safe: calls on the
 * same pact are serialized by a per-pact lock.
 * On failure it returns an empty string, never NULL (as pact_ffi), and sets the last error.
 */
const char *pactffi_message_reify(MessageHandle message_handle);

/*
 * Sets metadata[namespace_][name] = value in the message pact file. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
void pactffi_with_message_pact_metadata(MessagePactHandle pact,
                                        const char *namespace_,
                                        const char *name,
                                        const char *value);

/*
 * Writes the message pact to directory (NULL means the current directory), merged with an existing file unless
 * overwrite.
 * Returns 0 on success, 1 if the file could not be written (or directory is not UTF-8), 2 if the handle is not
 * valid (pact_ffi's codes). Thread-safe: calls on the same pact are serialized by a per-pact lock.
 */
int32_t pactffi_write_message_pact_file(MessagePactHandle pact, const char *directory, bool overwrite);

/*
 * Returns an iterator over the asynchronous messages of the pact (as V3 messages). Ownership: free with
 * pactffi_pact_message_iter_delete. NULL if the handle is not valid. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
struct PactMessageIterator *pactffi_pact_handle_get_message_iter(PactHandle pact);

/*
 * Returns an iterator over the asynchronous messages of the pact. Ownership: free with
 * pactffi_pact_async_message_iter_delete. NULL if the handle is not valid. Thread-safe: calls on the same pact
 * are serialized by a per-pact lock.
 */
struct PactAsyncMessageIterator *pactffi_pact_handle_get_async_message_iter(PactHandle pact);

/*
 * Returns an iterator over the synchronous messages of the pact. Ownership: free with
 * pactffi_pact_sync_message_iter_delete. NULL if the handle is not valid. Thread-safe: calls on the same pact
 * are serialized by a per-pact lock.
 */
struct PactSyncMessageIterator *pactffi_pact_handle_get_sync_message_iter(PactHandle pact);

/*
 * Returns an iterator over the HTTP interactions of the pact. Ownership: free with
 * pactffi_pact_sync_http_iter_delete. NULL if the handle is not valid. Thread-safe: calls on the same pact are
 * serialized by a per-pact lock.
 */
struct PactSyncHttpIterator *pactffi_pact_handle_get_sync_http_iter(PactHandle pact);

/*
 * Returns the next message, or NULL at the end. Ownership: owned by the iterator; valid until the iterator is
 * deleted. Thread-safe for different objects; do not use one object from two threads while one of them deletes
 * it.
 */
struct Message *pactffi_pact_message_iter_next(struct PactMessageIterator *iter);

/*
 * Frees the iterator and the messages it returned. NULL is a no-op. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
void pactffi_pact_message_iter_delete(struct PactMessageIterator *iter);

/*
 * Returns the next asynchronous message, or NULL at the end. Ownership: owned by the iterator. Thread-safe for
 * different objects; do not use one object from two threads while one of them deletes it.
 */
struct AsynchronousMessage *pactffi_pact_async_message_iter_next(struct PactAsyncMessageIterator *iter);

/*
 * Frees the iterator and what it returned. NULL is a no-op. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_pact_async_message_iter_delete(struct PactAsyncMessageIterator *iter);

/*
 * Returns the next synchronous message, or NULL at the end. Ownership: owned by the iterator. Thread-safe for
 * different objects; do not use one object from two threads while one of them deletes it.
 */
struct SynchronousMessage *pactffi_pact_sync_message_iter_next(struct PactSyncMessageIterator *iter);

/*
 * Frees the iterator and what it returned. NULL is a no-op. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_pact_sync_message_iter_delete(struct PactSyncMessageIterator *iter);

/*
 * Returns the next HTTP interaction, or NULL at the end. Ownership: owned by the iterator. Thread-safe for
 * different objects; do not use one object from two threads while one of them deletes it.
 */
struct SynchronousHttp *pactffi_pact_sync_http_iter_next(struct PactSyncHttpIterator *iter);

/*
 * Frees the iterator and what it returned. NULL is a no-op. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_pact_sync_http_iter_delete(struct PactSyncHttpIterator *iter);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Plugins (not supported)
 *
 * libpact does not run Pact plugins (gRPC, protobuf, ...). These functions exist so that every client links;
 * they return their failure value and set the last error to "libpact does not support plugins".
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Always fails: returns 2 ("failed to load the plugin"). Thread-safe.
 */
unsigned int pactffi_using_plugin(PactHandle pact, const char *plugin_name, const char *plugin_version);

/*
 * Always fails: returns 2. Thread-safe.
 */
unsigned int pactffi_using_plugin_with_delay(PactHandle pact,
                                             const char *plugin_name,
                                             const char *plugin_version,
                                             uint64_t completion_delay);

/*
 * A no-op: no plugin is ever loaded. Thread-safe.
 */
void pactffi_cleanup_plugins(PactHandle pact);

/*
 * Always fails: returns 6 ("the plugin returned an error"); use pactffi_with_body or
 * pactffi_message_with_contents. Thread-safe.
 */
unsigned int pactffi_interaction_contents(InteractionHandle interaction,
                                          enum InteractionPart part,
                                          const char *content_type,
                                          const char *contents);

/*
 * Does nothing but set the last error. Thread-safe.
 */
void pactffi_register_plugin_log_callback(PluginLogCallback callback);

/*
 * Always returns NULL. Thread-safe.
 */
const char *pactffi_get_plugin_logs(const char *plugin_instance_id);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Pact model
 *
 * Read (and build) pact model objects through opaque pointers: a struct Pact from pactffi_parse_pact_json or
 * pactffi_pact_handle_to_pointer, and the interactions, messages and parts within it. Pointers are checked:
 * NULL or a pointer that is not a live object of the expected type gives the failure value and a last error,
 * never a crash.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Parses a pact file (any specification version) from json.
 * Ownership: free with pactffi_pact_model_delete. Returns NULL if json is not a valid pact. Thread-safe for
 * different objects; do not use one object from two threads while one of them deletes it.
 */
struct Pact *pactffi_parse_pact_json(const char *json);

/*
 * Frees a pact model. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_pact_model_delete(struct Pact *pact);

/*
 * Returns the specification version of the pact model, or Unknown. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
enum PactSpecification pactffi_pact_spec_version(const struct Pact *pact);

/*
 * Returns the consumer of the pact.
 * Ownership: free with pactffi_pact_consumer_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct Consumer *pactffi_pact_get_consumer(const struct Pact *pact);

/*
 * Frees a consumer. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_pact_consumer_delete(const struct Consumer *consumer);

/*
 * Returns the provider of the pact.
 * Ownership: free with pactffi_pact_provider_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct Provider *pactffi_pact_get_provider(const struct Pact *pact);

/*
 * Frees a provider. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_pact_provider_delete(const struct Provider *provider);

/*
 * Returns the consumer's name.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_consumer_get_name(const struct Consumer *consumer);

/*
 * Returns the provider's name.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_provider_get_name(const struct Provider *provider);

/*
 * Returns an iterator over the pact's interactions.
 * Ownership: free with pactffi_pact_interaction_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct PactInteractionIterator *pactffi_pact_model_interaction_iterator(struct Pact *pact);

/*
 * Returns the next interaction, or NULL at the end.
 * Ownership: owned by the iterator. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
const struct PactInteraction *pactffi_pact_interaction_iter_next(struct PactInteractionIterator *iter);

/*
 * Frees the iterator and the interactions it returned. NULL is a no-op. Thread-safe for different objects; do
 * not use one object from two threads while one of them deletes it.
 */
void pactffi_pact_interaction_iter_delete(struct PactInteractionIterator *iter);

/*
 * Frees an interaction. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_pact_interaction_delete(const struct PactInteraction *interaction);

/*
 * Returns the interaction as an HTTP interaction, or NULL if it is not one.
 * Ownership: free with pactffi_sync_http_delete. Thread-safe for different objects; do not use one object from
 * two threads while one of them deletes it.
 */
const struct SynchronousHttp *pactffi_pact_interaction_as_synchronous_http(const struct PactInteraction *interaction);

/*
 * Returns the interaction as a V3 message, or NULL if it is not an asynchronous message.
 * Ownership: free with pactffi_message_delete. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct Message *pactffi_pact_interaction_as_message(const struct PactInteraction *interaction);

/*
 * Returns the interaction as an asynchronous message, or NULL if it is not one.
 * Ownership: free with pactffi_async_message_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct AsynchronousMessage *pactffi_pact_interaction_as_asynchronous_message(const struct PactInteraction *interaction);

/*
 * Returns the interaction as a synchronous message, or NULL if it is not one.
 * Ownership: free with pactffi_sync_message_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct SynchronousMessage *pactffi_pact_interaction_as_synchronous_message(const struct PactInteraction *interaction);

/*
 * Creates an empty HTTP interaction.
 * Ownership: free with pactffi_sync_http_delete. Thread-safe for different objects; do not use one object from
 * two threads while one of them deletes it.
 */
struct SynchronousHttp *pactffi_sync_http_new(void);

/*
 * Frees an HTTP interaction. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_sync_http_delete(const struct SynchronousHttp *interaction);

/*
 * Returns the description.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_sync_http_get_description(const struct SynchronousHttp *interaction);

/*
 * Sets the description. Returns 0 on success, non-zero on failure. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
int pactffi_sync_http_set_description(struct SynchronousHttp *interaction, const char *description);

/*
 * Returns provider state number index, or NULL.
 * Ownership: borrowed from the interaction. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct ProviderState *pactffi_sync_http_get_provider_state(const struct SynchronousHttp *interaction,
                                                                 unsigned int index);

/*
 * Returns an iterator over the provider states.
 * Ownership: free with pactffi_provider_state_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct ProviderStateIterator *pactffi_sync_http_get_provider_state_iter(struct SynchronousHttp *interaction);

/*
 * Returns the request part (for the matching-rule and generator iterators).
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const struct HttpRequest *pactffi_sync_http_get_request(const struct SynchronousHttp *interaction);

/*
 * Returns the response part.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const struct HttpResponse *pactffi_sync_http_get_response(const struct SynchronousHttp *interaction);

/*
 * Returns the request body as a string, or NULL if it is missing or not UTF-8.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_sync_http_get_request_contents(const struct SynchronousHttp *interaction);

/*
 * Returns the length in bytes of the request body (0 if none). Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
size_t pactffi_sync_http_get_request_contents_length(const struct SynchronousHttp *interaction);

/*
 * Returns the request body bytes, or NULL if there is none.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_sync_http_get_request_contents_bin(const struct SynchronousHttp *interaction);

/*
 * Sets the request body from a string with content_type. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_sync_http_set_request_contents(struct SynchronousHttp *interaction,
                                            const char *contents,
                                            const char *content_type);

/*
 * Sets the request body to len bytes with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_sync_http_set_request_contents_bin(struct SynchronousHttp *interaction,
                                                const unsigned char *contents,
                                                size_t len,
                                                const char *content_type);

/*
 * Returns the response body as a string, or NULL if it is missing or not UTF-8.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_sync_http_get_response_contents(const struct SynchronousHttp *interaction);

/*
 * Returns the length in bytes of the response body. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
size_t pactffi_sync_http_get_response_contents_length(const struct SynchronousHttp *interaction);

/*
 * Returns the response body bytes, or NULL.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_sync_http_get_response_contents_bin(const struct SynchronousHttp *interaction);

/*
 * Sets the response body from a string with content_type. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_sync_http_set_response_contents(struct SynchronousHttp *interaction,
                                             const char *contents,
                                             const char *content_type);

/*
 * Sets the response body to len bytes with content_type. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_sync_http_set_response_contents_bin(struct SynchronousHttp *interaction,
                                                 const unsigned char *contents,
                                                 size_t len,
                                                 const char *content_type);

/*
 * Creates an empty V3 message.
 * Ownership: free with pactffi_message_delete. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
struct Message *pactffi_message_new(void);

/*
 * Reads message number index from a message JSON object of the given specification version.
 * Ownership: free with pactffi_message_delete. NULL on failure. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
struct Message *pactffi_message_new_from_json(unsigned int index,
                                              const char *json_str,
                                              enum PactSpecification spec_version);

/*
 * Creates a message with the given contents and content type.
 * Ownership: free with pactffi_message_delete. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
struct Message *pactffi_message_new_from_body(const char *body, const char *content_type);

/*
 * Frees a message. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_message_delete(struct Message *message);

/*
 * Returns the contents as a string, or NULL if missing or not UTF-8.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_message_get_contents(const struct Message *message);

/*
 * Sets the contents from a string with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_message_set_contents(struct Message *message, const char *contents, const char *content_type);

/*
 * Returns the length in bytes of the contents. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
size_t pactffi_message_get_contents_length(const struct Message *message);

/*
 * Returns the contents bytes, or NULL.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_message_get_contents_bin(const struct Message *message);

/*
 * Sets the contents to len bytes with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_message_set_contents_bin(struct Message *message,
                                      const unsigned char *contents,
                                      size_t len,
                                      const char *content_type);

/*
 * Returns the description.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_message_get_description(const struct Message *message);

/*
 * Sets the description. Returns 0 on success, non-zero on failure. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
int pactffi_message_set_description(struct Message *message, const char *description);

/*
 * Returns provider state number index, or NULL.
 * Ownership: borrowed from the message. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct ProviderState *pactffi_message_get_provider_state(const struct Message *message,
                                                               unsigned int index);

/*
 * Returns an iterator over the provider states.
 * Ownership: free with pactffi_provider_state_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct ProviderStateIterator *pactffi_message_get_provider_state_iter(struct Message *message);

/*
 * Returns the metadata value for key, or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_message_find_metadata(const struct Message *message, const char *key);

/*
 * Sets metadata key = value. Returns 0 if the key was new, -1 if it replaced a value, -2 on a bad argument
 * (pact_ffi's codes). Thread-safe for different objects; do not use one object from two threads while one of
 * them deletes it.
 */
int pactffi_message_insert_metadata(struct Message *message, const char *key, const char *value);

/*
 * Returns an iterator over the metadata.
 * Ownership: free with pactffi_message_metadata_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct MessageMetadataIterator *pactffi_message_get_metadata_iter(struct Message *message);

/*
 * Returns the next key/value pair, or NULL at the end.
 * Ownership: free the pair with pactffi_message_metadata_pair_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
struct MessageMetadataPair *pactffi_message_metadata_iter_next(struct MessageMetadataIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_message_metadata_iter_delete(struct MessageMetadataIterator *iter);

/*
 * Frees a metadata pair. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_message_metadata_pair_delete(struct MessageMetadataPair *pair);

/*
 * Parses a V3 message pact from json (file_name is used in error messages).
 * Ownership: free with pactffi_message_pact_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct MessagePact *pactffi_message_pact_new_from_json(const char *file_name, const char *json_str);

/*
 * Frees a message pact. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_message_pact_delete(struct MessagePact *message_pact);

/*
 * Returns the consumer.
 * Ownership: borrowed from the message pact. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
struct Consumer *pactffi_message_pact_get_consumer(struct MessagePact *message_pact);

/*
 * Returns the provider.
 * Ownership: borrowed from the message pact. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
struct Provider *pactffi_message_pact_get_provider(struct MessagePact *message_pact);

/*
 * Returns an iterator over the messages.
 * Ownership: free with pactffi_message_pact_message_iter_delete. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
struct MessagePactMessageIterator *pactffi_message_pact_get_message_iter(struct MessagePact *message_pact);

/*
 * Returns the next message, or NULL at the end.
 * Ownership: owned by the iterator. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
struct Message *pactffi_message_pact_message_iter_next(struct MessagePactMessageIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_message_pact_message_iter_delete(struct MessagePactMessageIterator *iter);

/*
 * Returns metadata[key1][key2], or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_message_pact_find_metadata(const struct MessagePact *message_pact,
                                               const char *key1,
                                               const char *key2);

/*
 * Returns an iterator over the metadata as (outer key, inner key, value) triples.
 * Ownership: free with pactffi_message_pact_metadata_iter_delete. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
struct MessagePactMetadataIterator *pactffi_message_pact_get_metadata_iter(struct MessagePact *message_pact);

/*
 * Returns the next triple, or NULL at the end.
 * Ownership: free with pactffi_message_pact_metadata_triple_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
struct MessagePactMetadataTriple *pactffi_message_pact_metadata_iter_next(struct MessagePactMetadataIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_message_pact_metadata_iter_delete(struct MessagePactMetadataIterator *iter);

/*
 * Frees a triple. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_message_pact_metadata_triple_delete(struct MessagePactMetadataTriple *triple);

/*
 * Creates an empty asynchronous message.
 * Ownership: free with pactffi_async_message_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct AsynchronousMessage *pactffi_async_message_new(void);

/*
 * Frees an asynchronous message. NULL is a no-op. Thread-safe for different objects; do not use one object from
 * two threads while one of them deletes it.
 */
void pactffi_async_message_delete(const struct AsynchronousMessage *message);

/*
 * Returns the message contents.
 * Ownership: borrowed from the message. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct MessageContents *pactffi_async_message_get_contents(const struct AsynchronousMessage *message);

/*
 * Returns the contents with generators applied.
 * Ownership: free with pactffi_message_contents_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct MessageContents *pactffi_async_message_generate_contents(const struct AsynchronousMessage *message);

/*
 * Returns the contents as a string, or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_async_message_get_contents_str(const struct AsynchronousMessage *message);

/*
 * Sets the contents from a string with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_async_message_set_contents_str(struct AsynchronousMessage *message,
                                            const char *contents,
                                            const char *content_type);

/*
 * Returns the length in bytes of the contents. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
size_t pactffi_async_message_get_contents_length(const struct AsynchronousMessage *message);

/*
 * Returns the contents bytes, or NULL.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_async_message_get_contents_bin(const struct AsynchronousMessage *message);

/*
 * Sets the contents to len bytes with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_async_message_set_contents_bin(struct AsynchronousMessage *message,
                                            const unsigned char *contents,
                                            size_t len,
                                            const char *content_type);

/*
 * Returns the description.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_async_message_get_description(const struct AsynchronousMessage *message);

/*
 * Sets the description. Returns 0 on success, non-zero on failure. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
int pactffi_async_message_set_description(struct AsynchronousMessage *message, const char *description);

/*
 * Returns provider state number index, or NULL.
 * Ownership: borrowed from the message. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct ProviderState *pactffi_async_message_get_provider_state(const struct AsynchronousMessage *message,
                                                                     unsigned int index);

/*
 * Returns an iterator over the provider states.
 * Ownership: free with pactffi_provider_state_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct ProviderStateIterator *pactffi_async_message_get_provider_state_iter(struct AsynchronousMessage *message);

/*
 * Creates an empty synchronous message.
 * Ownership: free with pactffi_sync_message_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct SynchronousMessage *pactffi_sync_message_new(void);

/*
 * Frees a synchronous message. NULL is a no-op. Thread-safe for different objects; do not use one object from
 * two threads while one of them deletes it.
 */
void pactffi_sync_message_delete(struct SynchronousMessage *message);

/*
 * Returns the description.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_sync_message_get_description(const struct SynchronousMessage *message);

/*
 * Sets the description. Returns 0 on success, non-zero on failure. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
int pactffi_sync_message_set_description(struct SynchronousMessage *message, const char *description);

/*
 * Returns provider state number index, or NULL.
 * Ownership: borrowed from the message. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct ProviderState *pactffi_sync_message_get_provider_state(const struct SynchronousMessage *message,
                                                                    unsigned int index);

/*
 * Returns an iterator over the provider states.
 * Ownership: free with pactffi_provider_state_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct ProviderStateIterator *pactffi_sync_message_get_provider_state_iter(struct SynchronousMessage *message);

/*
 * Returns the request contents.
 * Ownership: borrowed from the message. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct MessageContents *pactffi_sync_message_get_request_contents(const struct SynchronousMessage *message);

/*
 * Returns the request contents with generators applied.
 * Ownership: free with pactffi_message_contents_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct MessageContents *pactffi_sync_message_generate_request_contents(const struct SynchronousMessage *message);

/*
 * Returns the request contents as a string, or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_sync_message_get_request_contents_str(const struct SynchronousMessage *message);

/*
 * Sets the request contents from a string with content_type. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_sync_message_set_request_contents_str(struct SynchronousMessage *message,
                                                   const char *contents,
                                                   const char *content_type);

/*
 * Returns the length in bytes of the request contents. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
size_t pactffi_sync_message_get_request_contents_length(const struct SynchronousMessage *message);

/*
 * Returns the request contents bytes, or NULL.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_sync_message_get_request_contents_bin(const struct SynchronousMessage *message);

/*
 * Sets the request contents to len bytes with content_type. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_sync_message_set_request_contents_bin(struct SynchronousMessage *message,
                                                   const unsigned char *contents,
                                                   size_t len,
                                                   const char *content_type);

/*
 * Returns the number of responses. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
size_t pactffi_sync_message_get_number_responses(const struct SynchronousMessage *message);

/*
 * Returns response number index, or NULL.
 * Ownership: borrowed from the message. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct MessageContents *pactffi_sync_message_get_response_contents(const struct SynchronousMessage *message,
                                                                         size_t index);

/*
 * Returns response number index with generators applied, or NULL.
 * Ownership: free with pactffi_message_contents_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
const struct MessageContents *pactffi_sync_message_generate_response_contents(const struct SynchronousMessage *message,
                                                                              size_t index);

/*
 * Returns response number index as a string, or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_sync_message_get_response_contents_str(const struct SynchronousMessage *message,
                                                           size_t index);

/*
 * Sets response number index (appending responses as needed) from a string with content_type. Thread-safe for
 * different objects; do not use one object from two threads while one of them deletes it.
 */
void pactffi_sync_message_set_response_contents_str(struct SynchronousMessage *message,
                                                    size_t index,
                                                    const char *contents,
                                                    const char *content_type);

/*
 * Returns the length in bytes of response number index. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
size_t pactffi_sync_message_get_response_contents_length(const struct SynchronousMessage *message,
                                                         size_t index);

/*
 * Returns the bytes of response number index, or NULL.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_sync_message_get_response_contents_bin(const struct SynchronousMessage *message,
                                                                    size_t index);

/*
 * Sets response number index to len bytes with content_type. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
void pactffi_sync_message_set_response_contents_bin(struct SynchronousMessage *message,
                                                    size_t index,
                                                    const unsigned char *contents,
                                                    size_t len,
                                                    const char *content_type);

/*
 * Frees message contents returned by a *_generate_* function. NULL is a no-op. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
void pactffi_message_contents_delete(const struct MessageContents *contents);

/*
 * Returns the contents as a string, or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_message_contents_get_contents_str(const struct MessageContents *contents);

/*
 * Sets the contents from a string with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_message_contents_set_contents_str(struct MessageContents *contents,
                                               const char *contents_str,
                                               const char *content_type);

/*
 * Returns the length in bytes of the contents. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
size_t pactffi_message_contents_get_contents_length(const struct MessageContents *contents);

/*
 * Returns the contents bytes, or NULL.
 * Ownership: borrowed from the object; valid while it lives and is not changed. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const unsigned char *pactffi_message_contents_get_contents_bin(const struct MessageContents *contents);

/*
 * Sets the contents to len bytes with content_type. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
void pactffi_message_contents_set_contents_bin(struct MessageContents *contents,
                                               const unsigned char *contents_bin,
                                               size_t len,
                                               const char *content_type);

/*
 * Returns an iterator over the metadata.
 * Ownership: free with pactffi_message_metadata_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct MessageMetadataIterator *pactffi_message_contents_get_metadata_iter(const struct MessageContents *contents);

/*
 * Returns an iterator over the matching rules of a category.
 * Ownership: free with pactffi_matching_rules_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct MatchingRuleCategoryIterator *pactffi_message_contents_get_matching_rule_iter(const struct MessageContents *contents,
                                                                                     enum MatchingRuleCategory category);

/*
 * Returns an iterator over the generators of a category.
 * Ownership: free with pactffi_generators_iter_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct GeneratorCategoryIterator *pactffi_message_contents_get_generators_iter(const struct MessageContents *contents,
                                                                               enum GeneratorCategory category);

/*
 * Returns an iterator over the request's matching rules of a category.
 * Ownership: free with pactffi_matching_rules_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct MatchingRuleCategoryIterator *pactffi_request_contents_get_matching_rule_iter(const struct HttpRequest *request,
                                                                                     enum MatchingRuleCategory category);

/*
 * Returns an iterator over the response's matching rules of a category.
 * Ownership: free with pactffi_matching_rules_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct MatchingRuleCategoryIterator *pactffi_response_contents_get_matching_rule_iter(const struct HttpResponse *response,
                                                                                      enum MatchingRuleCategory category);

/*
 * Returns an iterator over the request's generators of a category.
 * Ownership: free with pactffi_generators_iter_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct GeneratorCategoryIterator *pactffi_request_contents_get_generators_iter(const struct HttpRequest *request,
                                                                               enum GeneratorCategory category);

/*
 * Returns an iterator over the response's generators of a category.
 * Ownership: free with pactffi_generators_iter_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct GeneratorCategoryIterator *pactffi_response_contents_get_generators_iter(const struct HttpResponse *response,
                                                                                enum GeneratorCategory category);

/*
 * Returns the provider state's name.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_provider_state_get_name(const struct ProviderState *provider_state);

/*
 * Returns an iterator over the state's parameters (values as JSON text).
 * Ownership: free with pactffi_provider_state_param_iter_delete. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
struct ProviderStateParamIterator *pactffi_provider_state_get_param_iter(struct ProviderState *provider_state);

/*
 * Returns the next provider state, or NULL at the end.
 * Ownership: owned by the iterator. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
struct ProviderState *pactffi_provider_state_iter_next(struct ProviderStateIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_provider_state_iter_delete(struct ProviderStateIterator *iter);

/*
 * Returns the next key/value pair, or NULL at the end.
 * Ownership: free with pactffi_provider_state_param_pair_delete. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
struct ProviderStateParamPair *pactffi_provider_state_param_iter_next(struct ProviderStateParamIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_provider_state_param_iter_delete(struct ProviderStateParamIterator *iter);

/*
 * Frees a parameter pair. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_provider_state_param_pair_delete(struct ProviderStateParamPair *pair);

/*
 * Frees a provider state. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_provider_state_delete(struct ProviderState *provider_state);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Matching rules, generators and expressions
 *
 * Iterate over matching rules and generators, evaluate single matchers, parse matching-rule definition
 * expressions, compare messages, and generate values.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Returns the next (path, rule) pair, or NULL at the end.
 * Ownership: free with pactffi_matching_rules_iter_pair_delete. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
const struct MatchingRuleKeyValuePair *pactffi_matching_rules_iter_next(struct MatchingRuleCategoryIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_matching_rules_iter_delete(struct MatchingRuleCategoryIterator *iter);

/*
 * Frees a (path, rule) pair. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_matching_rules_iter_pair_delete(const struct MatchingRuleKeyValuePair *pair);

/*
 * Returns the rule as pact-file JSON.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matching_rule_to_json(const struct MatchingRule *rule);

/*
 * Returns the next (path, generator) pair, or NULL at the end.
 * Ownership: free with pactffi_generators_iter_pair_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
const struct GeneratorKeyValuePair *pactffi_generators_iter_next(struct GeneratorCategoryIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_generators_iter_delete(struct GeneratorCategoryIterator *iter);

/*
 * Frees a (path, generator) pair. NULL is a no-op. Thread-safe for different objects; do not use one object from
 * two threads while one of them deletes it.
 */
void pactffi_generators_iter_pair_delete(const struct GeneratorKeyValuePair *pair);

/*
 * Returns the generator as pact-file JSON.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_generator_to_json(const struct Generator *generator);

/*
 * Generates a value with the generator; context_json (may be NULL) is a JSON object of provider-state values.
 * Ownership: the caller frees the string with pactffi_string_delete. NULL on failure. Thread-safe for different
 * objects; do not use one object from two threads while one of them deletes it.
 */
const char *pactffi_generator_generate_string(const struct Generator *generator, const char *context_json);

/*
 * Generates an integer with the generator; returns 0 on failure. Thread-safe for different objects; do not use
 * one object from two threads while one of them deletes it.
 */
unsigned short pactffi_generator_generate_integer(const struct Generator *generator, const char *context_json);

/*
 * Parses a matching-rule definition expression, e.g. "matching(regex, '\\d+', '100')". Always returns a result;
 * check pactffi_matcher_definition_error.
 * Ownership: free with pactffi_matcher_definition_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
const struct MatchingRuleDefinitionResult *pactffi_parse_matcher_definition(const char *expression);

/*
 * Returns the parse error, or NULL if the expression parsed.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matcher_definition_error(const struct MatchingRuleDefinitionResult *definition);

/*
 * Returns the example value of the expression, or NULL.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matcher_definition_value(const struct MatchingRuleDefinitionResult *definition);

/*
 * Returns the type of the example value. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
enum ExpressionValueType pactffi_matcher_definition_value_type(const struct MatchingRuleDefinitionResult *definition);

/*
 * Returns the generator the expression implies, or NULL.
 * Ownership: borrowed from the definition. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct Generator *pactffi_matcher_definition_generator(const struct MatchingRuleDefinitionResult *definition);

/*
 * Returns an iterator over the expression's matching rules.
 * Ownership: free with pactffi_matching_rule_iter_delete. Thread-safe for different objects; do not use one
 * object from two threads while one of them deletes it.
 */
struct MatchingRuleIterator *pactffi_matcher_definition_iter(const struct MatchingRuleDefinitionResult *definition);

/*
 * Frees a definition result. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_matcher_definition_delete(const struct MatchingRuleDefinitionResult *definition);

/*
 * Returns the next rule result, or NULL at the end.
 * Ownership: owned by the iterator. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
const struct MatchingRuleResult *pactffi_matching_rule_iter_next(struct MatchingRuleIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_matching_rule_iter_delete(struct MatchingRuleIterator *iter);

/*
 * Returns the matcher id of a rule result (pact_ffi's numbering), or 0 for a reference. Thread-safe for
 * different objects; do not use one object from two threads while one of them deletes it.
 */
uint16_t pactffi_matching_rule_id(const struct MatchingRuleResult *rule_result);

/*
 * Returns the rule's associated value (regex, format, ...), or NULL.
 * Ownership: borrowed from the rule result. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const char *pactffi_matching_rule_value(const struct MatchingRuleResult *rule_result);

/*
 * Returns the rule of a rule result, or NULL for a reference.
 * Ownership: borrowed from the rule result. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const struct MatchingRule *pactffi_matching_rule_pointer(const struct MatchingRuleResult *rule_result);

/*
 * Returns the reference name of a rule result, or NULL if it is a rule.
 * Ownership: borrowed from the rule result. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
const char *pactffi_matching_rule_reference_name(const struct MatchingRuleResult *rule_result);

/*
 * Applies the rule to expected/actual strings. Returns NULL if they match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_string_value(const struct MatchingRule *matching_rule,
                                         const char *expected_value,
                                         const char *actual_value,
                                         uint8_t cascaded);

/*
 * Applies the rule to unsigned integers. Returns NULL on a match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_u64_value(const struct MatchingRule *matching_rule,
                                      uint64_t expected_value,
                                      uint64_t actual_value,
                                      uint8_t cascaded);

/*
 * Applies the rule to signed integers. Returns NULL on a match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_i64_value(const struct MatchingRule *matching_rule,
                                      int64_t expected_value,
                                      int64_t actual_value,
                                      uint8_t cascaded);

/*
 * Applies the rule to floating-point values. Returns NULL on a match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_f64_value(const struct MatchingRule *matching_rule,
                                      double expected_value,
                                      double actual_value,
                                      uint8_t cascaded);

/*
 * Applies the rule to booleans (0 or 1). Returns NULL on a match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_bool_value(const struct MatchingRule *matching_rule,
                                       uint8_t expected_value,
                                       uint8_t actual_value,
                                       uint8_t cascaded);

/*
 * Applies the rule to byte strings. Returns NULL on a match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_binary_value(const struct MatchingRule *matching_rule,
                                         const unsigned char *expected_value,
                                         uintptr_t expected_value_len,
                                         const unsigned char *actual_value,
                                         uintptr_t actual_value_len,
                                         uint8_t cascaded);

/*
 * Applies the rule to JSON values. Returns NULL on a match, else the mismatch message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_matches_json_value(const struct MatchingRule *matching_rule,
                                       const char *expected_value,
                                       const char *actual_value,
                                       uint8_t cascaded);

/*
 * Compares two messages (expected, actual).
 * Ownership: free with pactffi_mismatches_delete. Thread-safe for different objects; do not use one object from
 * two threads while one of them deletes it.
 */
const struct Mismatches *pactffi_match_message(const struct Message *msg_1, const struct Message *msg_2);

/*
 * Returns an iterator over the mismatches.
 * Ownership: free with pactffi_mismatches_iter_delete. Thread-safe for different objects; do not use one object
 * from two threads while one of them deletes it.
 */
struct MismatchesIterator *pactffi_mismatches_get_iter(const struct Mismatches *mismatches);

/*
 * Returns the next mismatch, or NULL at the end.
 * Ownership: owned by the iterator. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
const struct Mismatch *pactffi_mismatches_iter_next(struct MismatchesIterator *iter);

/*
 * Frees the iterator. NULL is a no-op. Thread-safe for different objects; do not use one object from two threads
 * while one of them deletes it.
 */
void pactffi_mismatches_iter_delete(struct MismatchesIterator *iter);

/*
 * Frees the mismatches. NULL is a no-op. Thread-safe for different objects; do not use one object from two
 * threads while one of them deletes it.
 */
void pactffi_mismatches_delete(const struct Mismatches *mismatches);

/*
 * Returns the mismatch as JSON.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_mismatch_to_json(const struct Mismatch *mismatch);

/*
 * Returns the mismatch type, e.g. "BodyMismatch".
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_mismatch_type(const struct Mismatch *mismatch);

/*
 * Returns a one-line summary of the mismatch.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_mismatch_summary(const struct Mismatch *mismatch);

/*
 * Returns the description of the mismatch.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_mismatch_description(const struct Mismatch *mismatch);

/*
 * Returns the description with ANSI colours.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe for different objects; do not
 * use one object from two threads while one of them deletes it.
 */
const char *pactffi_mismatch_ansi_description(const struct Mismatch *mismatch);

/*
 * Returns true if example matches the regular expression regex (false if either is NULL or the regex is
 * invalid). Thread-safe.
 */
bool pactffi_check_regex(const char *regex, const char *example);

/*
 * Generates a random string matching regex. Returns StringResult_Ok with the value or StringResult_Failed with a
 * message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe.
 */
struct StringResult pactffi_generate_regex_value(const char *regex);

/*
 * Formats the current date and time with a Java DateTimeFormatter pattern. Returns StringResult_Ok with the
 * value or StringResult_Failed with a message.
 * Ownership: the caller frees the string with pactffi_string_delete. Thread-safe.
 */
struct StringResult pactffi_generate_datetime_string(const char *format);

/*
 * Checks value against a Java DateTimeFormatter pattern. Returns 0 if it is valid, 1 if it is not (the last
 * error says why), 2 if an argument is NULL or not UTF-8 or on an internal error. Thread-safe.
 */
int pactffi_validate_datetime(const char *value, const char *format);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Provider verifier
 *
 * Verifies a provider against pacts: create a handle, configure the provider, the pact sources and options,
 * then pactffi_verifier_execute. The setter functions report failures through the last error. pactffi_verifier_execute
 * blocks the calling thread while it calls the provider; the provider may run in the same process on other threads.
 * Unlike pact_ffi, the output is not printed to stdout unless the environment variable LIBPACT_VERIFIER_STDOUT is
 * "1" or "true"; read it with pactffi_verifier_output / pactffi_verifier_json, and the log of the run with
 * pactffi_verifier_logs (no log sink needs to be set up). A request timeout of 0 means the default of 5000 ms.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * pact_ffi 0.4.x (still linked by the released pact-go v2.4.x): verifies a provider with the verifier CLI's
 * arguments, one per line.
 * Returns 0 if verification passed, 1 if it failed, 2 if args is NULL, 3 on an internal error, 4 on invalid
 * arguments. Thread-safe.
 */
int32_t pactffi_verify(const char *args);

/*
 * pact_ffi 0.4.x: returns the arguments pactffi_verify understands as JSON, {"options": [{"long", "short"?,
 * "help", "possible_values"?, "default_value"?, "multiple", "env"?}, ...], "flags": [...]}. Ownership: the
 * caller frees it with pactffi_string_delete. Thread-safe.
 */
const char *pactffi_verifier_cli_args(void);

/*
 * Deprecated (use pactffi_verifier_new_for_application): creates a verifier handle. Ownership: free with
 * pactffi_verifier_shutdown. NULL on failure. Thread-safe.
 */
struct VerifierHandle *pactffi_verifier_new(void);

/*
 * Creates a verifier handle for the calling application name and version (recorded in results). Ownership: free
 * with pactffi_verifier_shutdown. NULL on failure. Thread-safe.
 * A NULL name or version means "unknown".
 */
struct VerifierHandle *pactffi_verifier_new_for_application(const char *name, const char *version);

/*
 * Frees the verifier handle. NULL is a no-op. A VerifierHandle must not be used from two threads at once;
 * different handles are independent.
 */
void pactffi_verifier_shutdown(struct VerifierHandle *handle);

/*
 * Sets the provider's name, scheme (NULL means http), host (NULL means localhost), port (0 means the scheme's
 * default) and base path. A VerifierHandle must not be used from two threads at once; different handles are
 * independent.
 */
void pactffi_verifier_set_provider_info(struct VerifierHandle *handle,
                                        const char *name,
                                        const char *scheme,
                                        const char *host,
                                        unsigned short port,
                                        const char *path);

/*
 * Adds a transport of the provider: protocol ("http", "https", "message"), port, path and scheme. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
void pactffi_verifier_add_provider_transport(struct VerifierHandle *handle,
                                             const char *protocol,
                                             unsigned short port,
                                             const char *path,
                                             const char *scheme);

/*
 * Only verifies interactions whose description matches filter_description (a regex) and whose provider state
 * matches filter_state; filter_no_state != 0 selects interactions with no state. NULL means no filter. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
void pactffi_verifier_set_filter_info(struct VerifierHandle *handle,
                                      const char *filter_description,
                                      const char *filter_state,
                                      unsigned char filter_no_state);

/*
 * Sets the URL of the provider-state change endpoint; teardown != 0 also calls it after each interaction; body
 * != 0 sends the state in a JSON body (else as query parameters). A VerifierHandle must not be used from two
 * threads at once; different handles are independent.
 */
void pactffi_verifier_set_provider_state(struct VerifierHandle *handle,
                                         const char *url,
                                         unsigned char teardown,
                                         unsigned char body);

/*
 * Sets disable_ssl_verification (non-zero disables it) and the request timeout in milliseconds. Returns 0, or 1
 * on failure. A VerifierHandle must not be used from two threads at once; different handles are independent.
 */
int pactffi_verifier_set_verification_options(struct VerifierHandle *handle,
                                              unsigned char disable_ssl_verification,
                                              unsigned long request_timeout);

/*
 * Enables (non-zero) or disables ANSI colours in the output. Returns 0, or 1 on failure. A VerifierHandle must
 * not be used from two threads at once; different handles are independent.
 */
int pactffi_verifier_set_coloured_output(struct VerifierHandle *handle, unsigned char coloured_output);

/*
 * Whether finding no pacts is an error (non-zero: yes, the default). Returns 0, or 1 on failure. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
int pactffi_verifier_set_no_pacts_is_error(struct VerifierHandle *handle, unsigned char is_error);

/*
 * Enables publishing results to the broker for provider_version, with build_url, tags and branch (each may be
 * NULL). Returns 0, or 1 on failure. A VerifierHandle must not be used from two threads at once; different
 * handles are independent.
 */
int pactffi_verifier_set_publish_options(struct VerifierHandle *handle,
                                         const char *provider_version,
                                         const char *build_url,
                                         const char *const *provider_tags,
                                         unsigned short provider_tags_len,
                                         const char *provider_branch);

/*
 * Only verifies pacts of the listed consumers (an empty list means all). A VerifierHandle must not be used from
 * two threads at once; different handles are independent.
 */
void pactffi_verifier_set_consumer_filters(struct VerifierHandle *handle,
                                           const char *const *consumer_filters,
                                           unsigned short consumer_filters_len);

/*
 * Adds a header to every request sent to the provider. A VerifierHandle must not be used from two threads at
 * once; different handles are independent.
 */
void pactffi_verifier_add_custom_header(struct VerifierHandle *handle,
                                        const char *header_name,
                                        const char *header_value);

/*
 * Whether to follow HTTP redirects from the provider (non-zero: yes). A VerifierHandle must not be used from two
 * threads at once; different handles are independent.
 */
void pactffi_verifier_set_follow_redirects(struct VerifierHandle *handle, unsigned char follow);

/*
 * Adds a pact file to verify. A VerifierHandle must not be used from two threads at once; different handles are
 * independent.
 */
void pactffi_verifier_add_file_source(struct VerifierHandle *handle, const char *file);

/*
 * Adds every pact file in a directory. A VerifierHandle must not be used from two threads at once; different
 * handles are independent.
 */
void pactffi_verifier_add_directory_source(struct VerifierHandle *handle, const char *directory);

/*
 * Adds a pact fetched from url, with basic-auth username/password or a bearer token (each may be NULL). A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
void pactffi_verifier_url_source(struct VerifierHandle *handle,
                                 const char *url,
                                 const char *username,
                                 const char *password,
                                 const char *token);

/*
 * Adds every pact for the provider from a Pact Broker at url, with basic auth or a bearer token. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
void pactffi_verifier_broker_source(struct VerifierHandle *handle,
                                    const char *url,
                                    const char *username,
                                    const char *password,
                                    const char *token);

/*
 * Adds the pacts selected from a Pact Broker: pending and WIP options, provider tags and branch, consumer
 * version selectors (JSON strings) and consumer tags. Returns 0; -1 if a selector is not a JSON object; -2 for
 * an invalid handle or URL (NULL, not UTF-8). Selectors are passed to the broker as given. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
int pactffi_verifier_broker_source_with_selectors(struct VerifierHandle *handle,
                                                  const char *url,
                                                  const char *username,
                                                  const char *password,
                                                  const char *token,
                                                  unsigned char enable_pending,
                                                  const char *include_wip_pacts_since,
                                                  const char *const *provider_tags,
                                                  unsigned short provider_tags_len,
                                                  const char *provider_branch,
                                                  const char *const *consumer_version_selectors,
                                                  unsigned short consumer_version_selectors_len,
                                                  const char *const *consumer_version_tags,
                                                  unsigned short consumer_version_tags_len);

/*
 * Runs the verification. Returns 0 if it passed, 1 if it failed, 2 on invalid arguments or an error that
 * prevented it. Blocks until done. A VerifierHandle must not be used from two threads at once; different handles
 * are independent.
 */
int pactffi_verifier_execute(struct VerifierHandle *handle);

/*
 * Returns the verifier's log. Ownership: the caller frees it with pactffi_string_delete. NULL on failure. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
const char *pactffi_verifier_logs(const struct VerifierHandle *handle);

/*
 * Returns the log of the last verification of provider_name. Ownership: the caller frees it with
 * pactffi_string_delete. Thread-safe.
 */
const char *pactffi_verifier_logs_for_provider(const char *provider_name);

/*
 * Returns the verification's console output, without ANSI codes if strip_ansi != 0. Ownership: the caller frees
 * it with pactffi_string_delete. A VerifierHandle must not be used from two threads at once; different handles
 * are independent.
 */
const char *pactffi_verifier_output(const struct VerifierHandle *handle, unsigned char strip_ansi);

/*
 * Returns the verification result as JSON. Ownership: the caller frees it with pactffi_string_delete. A
 * VerifierHandle must not be used from two threads at once; different handles are independent.
 */
const char *pactffi_verifier_json(const struct VerifierHandle *handle);

/* ------------------------------------------------------------------------------------------------------------
 * Section - Test hooks (libpact extension, test-only; owned by conformance/reliability)
 *
 * Not in pact_ffi and not for production use: reliability tests call them to check, from C, Python or Node,
 * that an internal error inside the library reaches the caller as a failure value and a message (and that the
 * process goes on running), and that every handle table is empty after the frees.
 * ------------------------------------------------------------------------------------------------------------ */

/*
 * Provokes an internal error inside the library, behind the same panic guard as every exported function.
 * mode 0: no error, returns 0 (and clears the last error). mode 1: a panic with a message; 2: a nil pointer
 * dereference; 3: an index out of range; 4: a panic with an error value. Modes 1 to 4 return -1 and set the last
 * error to "libpact_test_panic: internal error (a bug in libpact, please report it): ...". Another mode returns
 * -2 and sets the last error. Thread-safe.
 */
int libpact_test_panic(int mode);

/*
 * Returns the number of live objects in all of the library's handle tables (pacts, mock servers, model pointers,
 * verifier handles, ...): 0 once everything created has been freed. When it is not 0, the last error lists the
 * tables and their counts; -1 on an internal error. Thread-safe (a snapshot).
 */
int libpact_test_live_handles(void);

#ifdef __cplusplus
#include "pact_cxx.h" /* } */
#endif

#endif /* PACT_H */
