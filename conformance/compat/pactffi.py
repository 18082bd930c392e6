"""pactffi: the pact_ffi C ABI, as the compatibility-suite harness drives it.

Every ``pactffi_*`` function the harness calls is declared here, once, with its
argtypes and restype (signatures from shared/design/ffi-abi.md, pact_ffi 0.5.8).
Nothing else in the harness touches ctypes directly.

Ownership rules followed here (ffi-abi.md section 5):

* strings marked FREE are returned as ``c_void_p`` and released with
  ``pactffi_string_delete`` by :func:`take_string`;
* mock-server strings (``mock_server_mismatches``) are owned by the mock server
  and only copied (:func:`borrow_string`);
* model pointers from ``*_as_*``/``*_to_pointer`` are freed with their delete
  functions; iterator items are borrowed from the iterator.

Example::

    import pactffi
    lib = pactffi.load()
    pact = lib.pactffi_new_pact(b"consumer", b"provider")
"""

import ctypes
import os
from ctypes import (POINTER, Structure, c_bool, c_char_p, c_double, c_int,
                    c_int32, c_size_t, c_uint, c_uint8, c_uint16, c_uint32,
                    c_uint64, c_ushort, c_void_p)

# enum InteractionPart
REQUEST = 0
RESPONSE = 1

# enum PactSpecification
SPEC = {"V1": 1, "V1_1": 2, "V2": 3, "V3": 4, "V4": 5}
SPEC_NAMES = {0: "Unknown", 1: "V1", 2: "V1_1", 3: "V2", 4: "V3", 5: "V4"}

# enum GeneratorCategory
GEN_CATEGORY = {"method": 0, "path": 1, "header": 2, "query": 3, "body": 4,
                "status": 5, "metadata": 6}

# enum MatchingRuleCategory
RULE_CATEGORY = {"method": 0, "path": 1, "header": 2, "query": 3, "body": 4,
                 "status": 5, "contents": 6, "metadata": 7}


class KeyValuePair(Structure):
    """The {const char*, const void*} pairs returned by the *_iter_next functions
    (MatchingRuleKeyValuePair, GeneratorKeyValuePair)."""
    _fields_ = [("key", c_char_p), ("value", c_void_p)]


class StringPair(Structure):
    """MessageMetadataPair and ProviderStateParamPair: {const char*, const char*}."""
    _fields_ = [("key", c_char_p), ("value", c_char_p)]


P = c_void_p  # every opaque model pointer

# name: (restype, [argtypes])
SIGNATURES = {
    # library
    "pactffi_string_delete": (None, [c_void_p]),
    "pactffi_get_error_message": (c_int, [c_char_p, c_int]),
    "pactffi_log_to_stderr": (c_int, [c_int]),

    # pact and interaction builders (handles)
    "pactffi_new_pact": (c_uint16, [c_char_p, c_char_p]),
    "pactffi_with_specification": (c_bool, [c_uint16, c_int]),
    "pactffi_free_pact_handle": (c_uint, [c_uint16]),
    "pactffi_new_interaction": (c_uint32, [c_uint16, c_char_p]),
    "pactffi_new_message_interaction": (c_uint32, [c_uint16, c_char_p]),
    "pactffi_new_sync_message_interaction": (c_uint32, [c_uint16, c_char_p]),
    "pactffi_given": (c_bool, [c_uint32, c_char_p]),
    "pactffi_given_with_params": (c_int, [c_uint32, c_char_p, c_char_p]),
    "pactffi_with_request": (c_bool, [c_uint32, c_char_p, c_char_p]),
    "pactffi_with_query_parameter_v2": (c_bool, [c_uint32, c_char_p, c_size_t, c_char_p]),
    "pactffi_with_header_v2": (c_bool, [c_uint32, c_int, c_char_p, c_size_t, c_char_p]),
    "pactffi_with_body": (c_bool, [c_uint32, c_int, c_char_p, c_char_p]),
    "pactffi_with_binary_body": (c_bool, [c_uint32, c_int, c_char_p, c_char_p, c_size_t]),
    "pactffi_with_matching_rules": (c_bool, [c_uint32, c_int, c_char_p]),
    "pactffi_with_generators": (c_bool, [c_uint32, c_int, c_char_p]),
    "pactffi_with_metadata": (c_bool, [c_uint32, c_char_p, c_char_p, c_int]),
    "pactffi_response_status_v2": (c_bool, [c_uint32, c_char_p]),
    "pactffi_set_key": (c_bool, [c_uint32, c_char_p]),
    "pactffi_set_pending": (c_bool, [c_uint32, c_bool]),
    "pactffi_add_text_comment": (c_bool, [c_uint32, c_char_p]),
    "pactffi_message_reify": (c_void_p, [c_uint32]),  # FREE
    "pactffi_pact_handle_write_file": (c_int32, [c_uint16, c_char_p, c_bool]),
    "pactffi_pact_handle_to_pointer": (P, [c_uint16]),  # free: pact_model_delete

    # mock server
    "pactffi_create_mock_server_for_transport": (c_int32, [c_uint16, c_char_p, c_uint16, c_char_p, c_char_p]),
    "pactffi_mock_server_matched": (c_bool, [c_int32]),
    "pactffi_mock_server_mismatches": (c_void_p, [c_int32]),  # MS-owned
    "pactffi_write_pact_file": (c_int32, [c_int32, c_char_p, c_bool]),
    "pactffi_cleanup_mock_server": (c_bool, [c_int32]),

    # pact model (read back written pacts)
    "pactffi_parse_pact_json": (P, [c_char_p]),
    "pactffi_pact_model_delete": (None, [P]),
    "pactffi_pact_spec_version": (c_int, [P]),
    "pactffi_pact_model_interaction_iterator": (P, [P]),
    "pactffi_pact_interaction_iter_next": (P, [P]),
    "pactffi_pact_interaction_iter_delete": (None, [P]),
    "pactffi_pact_interaction_as_synchronous_http": (P, [P]),
    "pactffi_pact_interaction_as_asynchronous_message": (P, [P]),
    "pactffi_pact_interaction_as_synchronous_message": (P, [P]),
    "pactffi_sync_http_delete": (None, [P]),
    "pactffi_async_message_delete": (None, [P]),
    "pactffi_sync_message_delete": (None, [P]),
    "pactffi_sync_http_get_request": (P, [P]),
    "pactffi_sync_http_get_response": (P, [P]),
    "pactffi_sync_http_get_request_contents_bin": (c_void_p, [P]),  # borrowed
    "pactffi_sync_http_get_request_contents_length": (c_size_t, [P]),
    "pactffi_sync_http_get_response_contents_bin": (c_void_p, [P]),  # borrowed
    "pactffi_sync_http_get_response_contents_length": (c_size_t, [P]),
    "pactffi_sync_http_get_provider_state_iter": (P, [P]),
    "pactffi_async_message_get_provider_state_iter": (P, [P]),
    "pactffi_sync_message_get_provider_state_iter": (P, [P]),
    "pactffi_provider_state_iter_next": (P, [P]),
    "pactffi_provider_state_iter_delete": (None, [P]),
    "pactffi_provider_state_get_name": (c_void_p, [P]),  # FREE
    "pactffi_provider_state_get_param_iter": (P, [P]),
    "pactffi_provider_state_param_iter_next": (POINTER(StringPair), [P]),
    "pactffi_provider_state_param_pair_delete": (None, [POINTER(StringPair)]),
    "pactffi_provider_state_param_iter_delete": (None, [P]),
    "pactffi_async_message_get_contents": (P, [P]),  # borrowed
    "pactffi_message_contents_get_contents_bin": (c_void_p, [P]),  # borrowed
    "pactffi_message_contents_get_contents_length": (c_size_t, [P]),
    "pactffi_message_contents_get_metadata_iter": (P, [P]),
    "pactffi_message_metadata_iter_next": (POINTER(StringPair), [P]),
    "pactffi_message_metadata_pair_delete": (None, [POINTER(StringPair)]),
    "pactffi_message_metadata_iter_delete": (None, [P]),
    "pactffi_message_contents_delete": (None, [P]),
    "pactffi_sync_message_get_request_contents": (P, [P]),  # borrowed
    "pactffi_sync_message_get_response_contents": (P, [P, c_size_t]),  # borrowed
    "pactffi_sync_message_get_number_responses": (c_size_t, [P]),
    "pactffi_sync_message_generate_request_contents": (P, [P]),  # free: message_contents_delete
    "pactffi_sync_message_generate_response_contents": (P, [P, c_size_t]),
    "pactffi_pact_handle_get_async_message_iter": (P, [c_uint16]),
    "pactffi_pact_async_message_iter_next": (P, [P]),
    "pactffi_pact_async_message_iter_delete": (None, [P]),
    "pactffi_async_message_generate_contents": (P, [P]),  # free: message_contents_delete
    "pactffi_pact_handle_get_sync_message_iter": (P, [c_uint16]),
    "pactffi_pact_sync_message_iter_next": (P, [P]),
    "pactffi_pact_sync_message_iter_delete": (None, [P]),

    # matching rules, generators and matching utilities
    "pactffi_request_contents_get_generators_iter": (P, [P, c_int]),
    "pactffi_response_contents_get_matching_rule_iter": (P, [P, c_int]),
    "pactffi_request_contents_get_matching_rule_iter": (P, [P, c_int]),
    "pactffi_matches_binary_value": (c_void_p, [P, c_char_p, c_size_t, c_char_p, c_size_t, c_uint8]),  # FREE
    "pactffi_generators_iter_next": (POINTER(KeyValuePair), [P]),
    "pactffi_generators_iter_pair_delete": (None, [POINTER(KeyValuePair)]),
    "pactffi_generators_iter_delete": (None, [P]),
    "pactffi_generator_to_json": (c_void_p, [P]),  # FREE
    "pactffi_generator_generate_string": (c_void_p, [P, c_char_p]),  # FREE
    "pactffi_matching_rules_iter_next": (POINTER(KeyValuePair), [P]),
    "pactffi_matching_rules_iter_pair_delete": (None, [POINTER(KeyValuePair)]),
    "pactffi_matching_rules_iter_delete": (None, [P]),
    "pactffi_matches_u64_value": (c_void_p, [P, c_uint64, c_uint64, c_uint8]),  # FREE

    # provider side: comments, mock servers from pact JSON, the verifier
    "pactffi_set_comment": (c_bool, [c_uint32, c_char_p, c_char_p]),
    "pactffi_create_mock_server": (c_int32, [c_char_p, c_char_p, c_bool]),
    "pactffi_mock_server_logs": (c_void_p, [c_int32]),  # MS-owned
    "pactffi_verifier_new": (P, []),
    "pactffi_verifier_new_for_application": (P, [c_char_p, c_char_p]),
    "pactffi_verifier_shutdown": (None, [P]),
    "pactffi_verifier_set_provider_info": (None, [P, c_char_p, c_char_p, c_char_p, c_ushort, c_char_p]),
    "pactffi_verifier_add_provider_transport": (None, [P, c_char_p, c_ushort, c_char_p, c_char_p]),
    "pactffi_verifier_set_provider_state": (None, [P, c_char_p, c_uint8, c_uint8]),
    "pactffi_verifier_set_publish_options": (c_int, [P, c_char_p, c_char_p, POINTER(c_char_p), c_ushort, c_char_p]),
    "pactffi_verifier_set_no_pacts_is_error": (c_int, [P, c_uint8]),
    "pactffi_verifier_set_coloured_output": (c_int, [P, c_uint8]),
    "pactffi_verifier_add_custom_header": (None, [P, c_char_p, c_char_p]),
    "pactffi_verifier_add_file_source": (None, [P, c_char_p]),
    "pactffi_verifier_broker_source_with_selectors": (c_int, [P, c_char_p, c_char_p, c_char_p, c_char_p, c_uint8,
                                                              c_char_p, POINTER(c_char_p), c_ushort, c_char_p,
                                                              POINTER(c_char_p), c_ushort, POINTER(c_char_p), c_ushort]),
    "pactffi_verifier_execute": (c_int, [P]),
    "pactffi_verifier_json": (c_void_p, [P]),  # FREE
    "pactffi_verifier_output": (c_void_p, [P, c_uint8]),  # FREE
    "pactffi_verifier_logs": (c_void_p, [P]),  # FREE
}

_LIB = None


def default_path():
    """default_path is $LIBPACT_PATH or build/libpact.so under the repo root."""
    env = os.environ.get("LIBPACT_PATH")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "build", "libpact.so"))


def load(path=None):
    """load opens the library once and declares every signature in SIGNATURES.

    A function the library does not export raises AttributeError at call time
    (named in the message), so one missing symbol fails only its scenarios.
    """
    global _LIB
    if _LIB is not None:
        return _LIB
    lib = ctypes.CDLL(path or default_path())
    for name, (restype, argtypes) in SIGNATURES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            continue
        fn.restype = restype
        fn.argtypes = argtypes
    _LIB = lib
    return lib


def b(text):
    """b encodes a str as UTF-8 bytes for a const char* argument (None stays NULL)."""
    if text is None:
        return None
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8")


def take_string(ptr):
    """take_string copies a caller-owned (FREE) C string and releases it with
    pactffi_string_delete. NULL gives None."""
    if not ptr:
        return None
    try:
        return ctypes.string_at(ptr).decode("utf-8", errors="replace")
    finally:
        _LIB.pactffi_string_delete(ptr)


def borrow_string(ptr):
    """borrow_string copies a C string the library keeps ownership of."""
    if not ptr:
        return None
    return ctypes.string_at(ptr).decode("utf-8", errors="replace")


def borrow_bytes(ptr, length):
    """borrow_bytes copies length bytes from a borrowed pointer."""
    if not ptr or not length:
        return b""
    return ctypes.string_at(ptr, length)


def last_error():
    """last_error reads pactffi_get_error_message for the calling thread ('' if none)."""
    buf = ctypes.create_string_buffer(4096)
    n = _LIB.pactffi_get_error_message(buf, len(buf))
    if n <= 0:
        return ""
    return buf.value.decode("utf-8", errors="replace")
