/*
 * types.h - the C types of the pact_ffi ABI, for the cgo preambles of ffi/.
 *
 * This header declares types only (handles, enums, StringResult, the pair
 * structs clients read, and the opaque structs). It must never declare the
 * pactffi_* functions: cgo generates its own prototypes for //export
 * functions (with `char *` where the public header says `const char *`), and
 * the two would conflict. The public, documented header is include/pact.h;
 * its type definitions must stay identical to these.
 */
#ifndef LIBPACT_FFI_TYPES_H
#define LIBPACT_FFI_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint16_t PactHandle;
typedef uint32_t InteractionHandle;
typedef uint16_t MessagePactHandle;
typedef uint32_t MessageHandle;

typedef enum InteractionPart {
  InteractionPart_Request = 0,
  InteractionPart_Response = 1
} InteractionPart;

typedef enum LevelFilter {
  LevelFilter_Off,
  LevelFilter_Error,
  LevelFilter_Warn,
  LevelFilter_Info,
  LevelFilter_Debug,
  LevelFilter_Trace
} LevelFilter;

typedef enum PactSpecification {
  PactSpecification_Unknown,
  PactSpecification_V1,
  PactSpecification_V1_1,
  PactSpecification_V2,
  PactSpecification_V3,
  PactSpecification_V4
} PactSpecification;

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

typedef enum GeneratorCategory {
  GeneratorCategory_METHOD,
  GeneratorCategory_PATH,
  GeneratorCategory_HEADER,
  GeneratorCategory_QUERY,
  GeneratorCategory_BODY,
  GeneratorCategory_STATUS,
  GeneratorCategory_METADATA
} GeneratorCategory;

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

/* cgo cannot express anonymous unions; the layout (int tag, 4 bytes padding,
 * one pointer; 16 bytes) is identical to pact.h's tagged union. */
typedef struct StringResult {
  StringResult_Tag tag;
  char *value; /* pact.h: union { char *ok; char *failed; } */
} StringResult;

typedef void (*PluginLogCallback)(const char *plugin_instance_id, const char *test_run_id,
                                  const char *level, const char *target, const char *message);

/* Opaque model types: only pointers to them cross the ABI. */
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

/* Pair structs that clients read field by field (layout fixed by pact_ffi). */
typedef struct MatchingRuleKeyValuePair {
  const char *path;
  const MatchingRule *rule;
} MatchingRuleKeyValuePair;

typedef struct GeneratorKeyValuePair {
  const char *path;
  const Generator *generator;
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

#endif /* LIBPACT_FFI_TYPES_H */
