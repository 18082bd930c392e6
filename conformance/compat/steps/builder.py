"""Steps that define interactions with the FFI builders and check the pact file
the library writes (V3 http_consumer, V4 http_consumer, message_consumer,
synchronous_message_consumer, v4): new_pact, new_interaction,
new_message_interaction, new_sync_message_interaction, given,
given_with_params, set_key, set_pending, add_text_comment, with_body,
with_metadata, with_generators, message_reify, the sync-message iterator and
pact_handle_write_file; files are read back with pactffi_parse_pact_json and
the model iterators (provider states, contents, metadata)."""

import json
import os

from behave import step, use_step_matcher

import pactffi
import support
from pactffi import b, take_string
from support import Body, StepError, check, unescape

use_step_matcher("re")

STR = r'"((?:[^"\\]|\\.)*)"'
KINDS = r"(HTTP|message|synchronous message)"


def S(pattern):
    return step(pattern)


def table_rows(table):
    return [dict(zip(table.headings, row.cells)) for row in table]


# ------------------------------------------------------------ defining

def ensure_pact(w, consumer, provider):
    if w.pact is None:
        w.pact = w.new_pact(consumer, provider)
    return w.pact


@S(r"an integration is being defined for a consumer test")
def v3_integration(context):
    w = context.w
    ensure_pact(w, "V3 consumer", "V3 provider")
    w.http_i = w.lib.pactffi_new_interaction(w.pact, b"interaction for a consumer test")
    check(w.http_i, "pactffi_new_interaction returned 0")


@S(r"an HTTP interaction is being defined for a consumer test")
def v4_http(context):
    w = context.w
    ensure_pact(w, "V4 consumer", "V4 provider")
    w.http_i = w.lib.pactffi_new_interaction(w.pact, b"interaction for a consumer test")
    check(w.http_i, "pactffi_new_interaction returned 0")


@S(r"a message interaction is being defined for a consumer test")
def v4_message(context):
    w = context.w
    ensure_pact(w, "V4 consumer", "V4 provider")
    w.msg_i = w.lib.pactffi_new_message_interaction(w.pact, b"a message")
    check(w.msg_i, "pactffi_new_message_interaction returned 0")


@S(r"a synchronous message interaction is being defined for a consumer test")
def v4_sync(context):
    w = context.w
    ensure_pact(w, "V4 consumer", "V4 provider")
    w.sync_i = w.lib.pactffi_new_sync_message_interaction(w.pact, b"a synchronous message")
    check(w.sync_i, "pactffi_new_sync_message_interaction returned 0")


@S(r"a message integration is being defined for a consumer test")
def v3_message(context):
    w = context.w
    ensure_pact(w, "V3-message-consumer", "V3-message-provider")
    w.msg_i = w.lib.pactffi_new_message_interaction(w.pact, b"a message")
    check(w.msg_i, "pactffi_new_message_interaction returned 0")


def handle_of(w, kind):
    return {"HTTP": w.http_i, "message": w.msg_i, "synchronous message": w.sync_i}[kind]


@S(r"a key of " + STR + r" is specified for the " + KINDS + r" interaction")
def set_key(context, key, kind):
    check(context.w.lib.pactffi_set_key(handle_of(context.w, kind), b(unescape(key))), "pactffi_set_key returned false")


@S(r"the " + KINDS + r" interaction is marked as pending")
def set_pending(context, kind):
    check(context.w.lib.pactffi_set_pending(handle_of(context.w, kind), True), "pactffi_set_pending returned false")


@S(r"a comment " + STR + r" is added to the " + KINDS + r" interaction")
def add_comment(context, text, kind):
    check(context.w.lib.pactffi_add_text_comment(handle_of(context.w, kind), b(unescape(text))),
          "pactffi_add_text_comment returned false")


def state_params(table):
    """state_params reads a one-row table whose cells are JSON values."""
    rows = table_rows(table)
    return {k: json.loads(v) for k, v in rows[0].items()}


def given(w, handle, state, params=None):
    if params is None:
        check(w.lib.pactffi_given(handle, b(state)), "pactffi_given(%s) returned false" % state)
    else:
        rc = w.lib.pactffi_given_with_params(handle, b(state), b(json.dumps(params)))
        check(rc == 0, "pactffi_given_with_params(%s) returned %d" % (state, rc))


@S(r"a provider state " + STR + r" is specified")
def http_state(context, state):
    given(context.w, context.w.http_i, unescape(state))


@S(r"a provider state " + STR + r" is specified with the following data:")
def http_state_data(context, state):
    given(context.w, context.w.http_i, unescape(state), state_params(context.table))


@S(r"a provider state " + STR + r" for the message is specified")
def msg_state(context, state):
    given(context.w, context.w.msg_i, unescape(state))


@S(r"a provider state " + STR + r" for the message is specified with the following data:")
def msg_state_data(context, state):
    given(context.w, context.w.msg_i, unescape(state), state_params(context.table))


@S(r"a provider state " + STR + r" for the synchronous message is specified")
def sync_state(context, state):
    given(context.w, context.w.sync_i, unescape(state))


@S(r"a provider state " + STR + r" for the synchronous message is specified with the following data:")
def sync_state_data(context, state):
    given(context.w, context.w.sync_i, unescape(state), state_params(context.table))


@S(r"a message is defined")
def message_defined(context):
    # The interaction already exists (with its provider states); nothing to add.
    check(context.w.msg_i, "no message interaction")


def set_contents(w, handle, part, body):
    if body.is_binary():
        ok = w.lib.pactffi_with_binary_body(handle, part, b(body.content_type), body.content, len(body.content))
        check(ok, "pactffi_with_binary_body(%s) returned false" % body.content_type)
    else:
        ok = w.lib.pactffi_with_body(handle, part, b(body.content_type), body.content)
        check(ok, "pactffi_with_body(%s) returned false" % body.content_type)


def remember(w, key, body=None, metadata=None):
    orig = w.msg_original.setdefault(key, {"body": None, "metadata": {}})
    if body is not None:
        orig["body"] = body
    if metadata:
        orig["metadata"].update(metadata)


@S(r"the message payload contains the " + STR + r" JSON document")
def message_payload(context, name):
    w = context.w
    body = Body(support.read_fixture(name + ".json"), "application/json")
    set_contents(w, w.msg_i, pactffi.REQUEST, body)
    remember(w, "message", body)


@S(r"the message request payload contains the " + STR + r" JSON document")
def sync_request_payload(context, name):
    w = context.w
    body = Body(support.read_fixture(name + ".json"), "application/json")
    set_contents(w, w.sync_i, pactffi.REQUEST, body)
    remember(w, "request", body)


@S(r"the message response payload contains the " + STR + r" document")
def sync_response_payload(context, cell):
    w = context.w
    body = Body.parse(unescape(cell))
    set_contents(w, w.sync_i, pactffi.RESPONSE, body)
    w.msg_original.setdefault("responses", []).append(body)


def metadata_value(value):
    """metadata_value is the string pactffi_with_metadata takes: JSON text for a
    JSON value, the plain text for a string (quoted when it would read as JSON)."""
    if isinstance(value, str):
        try:
            json.loads(value)
            return json.dumps(value)
        except ValueError:
            return value
    return json.dumps(value)


def add_metadata(w, handle, part, table):
    md = {}
    for row in table_rows(table):
        key, value = row["key"], row["value"]
        v = json.loads(value[len("JSON:"):].strip()) if value.startswith("JSON:") else value
        check(w.lib.pactffi_with_metadata(handle, b(key), b(metadata_value(v)), part),
              "pactffi_with_metadata(%s) returned false" % key)
        md[key] = v
    return md


@S(r"the message contains the following metadata:")
def message_metadata(context):
    w = context.w
    remember(w, "message", metadata=add_metadata(w, w.msg_i, pactffi.REQUEST, context.table))


@S(r"the message request contains the following metadata:")
def sync_request_metadata(context):
    w = context.w
    remember(w, "request", metadata=add_metadata(w, w.sync_i, pactffi.REQUEST, context.table))


def configure(w, handle, part, key, table):
    """configure applies a 'configured with the following' row: body,
    generators (pactffi_with_generators) and metadata (a JSON object)."""
    row = table_rows(table)[0]
    if part == pactffi.RESPONSE and not row.get("body") and not w.msg_original.get("responses"):
        # Response metadata and generators apply to the responses that exist:
        # describe an empty response message first.
        check(w.lib.pactffi_with_body(handle, part, None, b""), "pactffi_with_body(Response, empty) returned false")
        w.msg_original.setdefault("responses", []).append(Body(b"", None))
    if row.get("body"):
        body = Body.parse(row["body"])
        set_contents(w, handle, part, body)
        remember(w, key, body)
        if part == pactffi.RESPONSE:
            w.msg_original.setdefault("responses", []).append(body)
    if row.get("generators"):
        gens = support.load_json_cell(row["generators"])
        check(w.lib.pactffi_with_generators(handle, part, b(json.dumps(gens))),
              "pactffi_with_generators returned false")
    if row.get("metadata"):
        md = json.loads(row["metadata"])
        for k, v in md.items():
            check(w.lib.pactffi_with_metadata(handle, b(k), b(metadata_value(v)), part),
                  "pactffi_with_metadata(%s) returned false" % k)
        remember(w, key, metadata=md)


@S(r"the message is configured with the following:")
def message_configured(context):
    w = context.w
    configure(w, w.msg_i, pactffi.REQUEST, "message", context.table)


@S(r"the message request is configured with the following:")
def sync_request_configured(context):
    w = context.w
    configure(w, w.sync_i, pactffi.REQUEST, "request", context.table)


@S(r"the message response is configured with the following:")
def sync_response_configured(context):
    w = context.w
    configure(w, w.sync_i, pactffi.RESPONSE, "response", context.table)


# ------------------------------------------------------------ processing

class Received:
    """Received is one message as the consumer test callback sees it."""

    def __init__(self, contents, content_type, metadata):
        self.contents = contents  # bytes
        self.content_type = content_type
        self.metadata = metadata  # {key: JSON value}


def reify(w):
    """reify is pactffi_message_reify for the async message, parsed."""
    raw = take_string(w.lib.pactffi_message_reify(w.msg_i))
    check(raw is not None, "pactffi_message_reify returned NULL")
    if raw == "":
        return Received(b"", None, {})
    try:
        doc = json.loads(raw)
    except ValueError:
        raise StepError("pactffi_message_reify returned invalid JSON: %r" % raw[:300])
    metadata = doc.get("metadata") or doc.get("metaData") or {}
    contents = doc.get("contents")
    ct = metadata.get("contentType") or metadata.get("content-type")
    if isinstance(contents, dict) and "content" in contents and "contentType" in contents:
        ct = ct or contents.get("contentType")
        contents = contents.get("content")
    if isinstance(contents, str) and not (ct and "json" in ct):
        data = contents.encode()
    else:
        data = json.dumps(contents).encode()
    return Received(data, ct, metadata)


def parse_metadata_strings(md):
    out = {}
    for k, v in md.items():
        try:
            out[k] = json.loads(v)
        except (TypeError, ValueError):
            out[k] = v
    return out


def sync_received(w):
    """sync_received walks pactffi_pact_handle_get_sync_message_iter and generates
    the request and response contents (pactffi_sync_message_generate_*)."""
    lib = w.lib
    it = lib.pactffi_pact_handle_get_sync_message_iter(w.pact)
    check(it, "pactffi_pact_handle_get_sync_message_iter returned NULL")
    out = []
    try:
        while True:
            m = lib.pactffi_pact_sync_message_iter_next(it)
            if not m:
                break
            req = lib.pactffi_sync_message_generate_request_contents(m)
            check(req, "pactffi_sync_message_generate_request_contents returned NULL")
            md = support.contents_metadata(lib, req)
            request = Received(support.contents_bytes(lib, req), md.get("contentType"), parse_metadata_strings(md))
            lib.pactffi_message_contents_delete(req)
            responses = []
            for i in range(lib.pactffi_sync_message_get_number_responses(m)):
                r = lib.pactffi_sync_message_generate_response_contents(m, i)
                check(r, "pactffi_sync_message_generate_response_contents(%d) returned NULL" % i)
                md = support.contents_metadata(lib, r)
                responses.append(Received(support.contents_bytes(lib, r), md.get("contentType"), parse_metadata_strings(md)))
                lib.pactffi_message_contents_delete(r)
            out.append((request, responses))
    finally:
        lib.pactffi_pact_sync_message_iter_delete(it)
    return out


def async_received(w):
    """async_received walks pactffi_pact_handle_get_async_message_iter and generates
    each message's contents (pactffi_async_message_generate_contents), as
    pact-python's message consumer does."""
    lib = w.lib
    it = lib.pactffi_pact_handle_get_async_message_iter(w.pact)
    check(it, "pactffi_pact_handle_get_async_message_iter returned NULL")
    out = []
    try:
        while True:
            m = lib.pactffi_pact_async_message_iter_next(it)
            if not m:
                break
            c = lib.pactffi_async_message_generate_contents(m)
            check(c, "pactffi_async_message_generate_contents returned NULL")
            md = support.contents_metadata(lib, c)
            out.append(Received(support.contents_bytes(lib, c), md.get("contentType"), parse_metadata_strings(md)))
            lib.pactffi_message_contents_delete(c)
    finally:
        lib.pactffi_pact_async_message_iter_delete(it)
    check(out, "pactffi_pact_async_message_iter_next gave no message")
    return out


def write_pact(w):
    rc = w.lib.pactffi_pact_handle_write_file(w.pact, b(w.out_dir), True)
    check(rc == 0, "pactffi_pact_handle_write_file returned %d" % rc)


@S(r"the message is successfully processed")
def processed(context):
    w = context.w
    if w.sync_i:
        w.received_sync = sync_received(w)
    else:
        w.received_messages = async_received(w)
    w.failed = None
    write_pact(w)


@S(r"the message is NOT successfully processed with a " + STR + r" exception")
def not_processed(context, error):
    w = context.w
    try:
        w.received_messages = [reify(w)]
        raise RuntimeError(unescape(error))
    except RuntimeError as e:
        w.failed = str(e)


@S(r"the consumer test will have passed")
def test_passed(context):
    check(context.w.failed is None, "consumer test failed: %s" % context.w.failed)


@S(r"the consumer test will have failed")
def test_failed(context):
    check(context.w.failed is not None, "Expected test to fail. It did not.")


@S(r"the consumer test error will be " + STR)
def test_error(context, error):
    check(context.w.failed == unescape(error), "Expected error %r but was %r" % (error, context.w.failed))


@S(r"the Pact file for the test is generated")
def pact_generated(context):
    write_pact(context.w)


# ------------------------------------------------------------ received messages

def first_received(w):
    if w.received_sync is not None:
        check(w.received_sync and w.received_sync[0][1], "no synchronous message response was received")
        return w.received_sync[0][1][0]
    check(w.received_messages, "no message was received")
    return w.received_messages[0]


@S(r"the received message payload will contain the " + STR + r" JSON document")
def received_json(context, name):
    msg = first_received(context.w)
    expected = support.read_fixture(name + ".json")
    check(support.same_body(msg.contents, expected, "application/json"),
          "Expected payload %r but got %r" % (expected[:200], msg.contents[:200]))


@S(r"the received message payload will contain the " + STR + r" document")
def received_document(context, cell):
    msg = first_received(context.w)
    body = Body.parse(unescape(cell))
    check(support.same_body(msg.contents, body.content, body.content_type),
          "Expected payload %r but got %r" % (body.content[:200], msg.contents[:200]))


@S(r"the received message content type will be " + STR)
def received_content_type(context, ct):
    msg = first_received(context.w)
    check(msg.content_type == ct, "Expected message content type %s but got %s" % (ct, msg.content_type))


def expected_value(value):
    value = unescape(value)
    if value.startswith("JSON:"):
        return json.loads(value[len("JSON:"):].strip().replace('\\"', '"'))
    return value


def received_part(w, which):
    if w.received_sync is not None:
        check(w.received_sync, "no synchronous message was received")
        req, responses = w.received_sync[0]
        if which == "response":
            check(responses, "no response message was received")
            return responses[0]
        return req
    return first_received(w)


@S(r"the received message (?:(request|response) )?metadata will contain " + STR + r" == " + STR)
def received_metadata(context, which, key, value):
    msg = received_part(context.w, which or "request")
    expected = expected_value(value)
    check(key in msg.metadata, "Received message did not have a metadata value with key %s (%r)" % (key, msg.metadata))
    check(msg.metadata[key] == expected,
          "Expected message metadata with key %s == %r but was %r" % (key, expected, msg.metadata[key]))


@S(r"the received message (?:(request|response) )?metadata will contain " + STR + r" replaced with an? " + STR)
def received_metadata_generated(context, which, key, value_type):
    w = context.w
    which = which or "request"
    msg = received_part(w, which)
    orig = w.msg_original.get("message" if w.received_sync is None else which, {}).get("metadata", {})
    check(key in msg.metadata, "Received message did not have a metadata value with key %s (%r)" % (key, msg.metadata))
    check(msg.metadata[key] != orig.get(key), "Expected original (%r) to have been replaced" % (orig.get(key),))
    support.assert_value_type(value_type, msg.metadata[key])


@S(r"the message (?:(request|response) )?contents for " + STR + r" will have been replaced with an? " + STR)
def contents_generated(context, which, path, value_type):
    w = context.w
    if w.received_sync is not None:
        msg = received_part(w, which or "request")
        orig = w.msg_original.get(which or "request", {}).get("body")
    else:
        msg = first_received(w)
        orig = w.msg_original.get("message", {}).get("body")
    check(orig is not None, "no original body recorded")
    original = support.json_pointer_get(json.loads(orig.content), path)
    try:
        actual_doc = json.loads(msg.contents)
    except ValueError:
        raise StepError("message contents are not JSON: %r" % msg.contents[:200])
    actual = support.json_pointer_get(actual_doc, path)
    check(actual != original, "Expected original (%r) to have been replaced" % (original,))
    support.assert_value_type(value_type, actual)


# ------------------------------------------------------------ the written pact file

def pact_file(w, spec=None):
    if w.pact_file is None:
        path = w.pact_path()
        check(os.path.exists(path), "No pact file found: %s" % path)
        w.pact_file = support.PactFile(w.lib, path)
        w.pact_files.append(w.pact_file)
    if spec:
        actual = w.pact_file.spec()
        check(actual == spec, "Expected Pact file to be %s Pact, but pactffi_pact_spec_version says %s" % (spec, actual))
    return w.pact_file


@S(r"a Pact file for the message interaction will have been written")
def message_pact_written(context):
    pact_file(context.w, context.w.version)


@S(r"a Pact file for the message interaction will NOT have been written")
def message_pact_not_written(context):
    path = context.w.pact_path()
    check(not os.path.exists(path), "Expected no pact file, but found: %s" % path)


@S(r"the pact file will contain (\d+) (?:message )?interactions?")
def pact_count(context, n):
    pf = pact_file(context.w)
    count = len(pf.interactions())
    check(count == int(n), "Expected %s interaction(s) in the pact file, but the FFI iterator gave %d" % (n, count))


def interaction_ptr(w, idx=0):
    items = pact_file(w).interactions()
    check(idx < len(items), "Did not find interaction %d in the Pact" % (idx + 1))
    return items[idx]


def file_json_interaction(w, idx=0):
    items = pact_file(w).json_interactions()
    check(idx < len(items), "Did not find interaction %d in the Pact JSON" % (idx + 1))
    return items[idx]


def with_states(w, idx=0):
    """with_states reads the provider states of interaction idx with the FFI iterator
    that fits its kind."""
    lib = w.lib
    p = interaction_ptr(w, idx)
    h = lib.pactffi_pact_interaction_as_synchronous_http(p)
    if h:
        try:
            return support.provider_states(lib, lib.pactffi_sync_http_get_provider_state_iter(h))
        finally:
            lib.pactffi_sync_http_delete(h)
    h = lib.pactffi_pact_interaction_as_asynchronous_message(p)
    if h:
        try:
            return support.provider_states(lib, lib.pactffi_async_message_get_provider_state_iter(h))
        finally:
            lib.pactffi_async_message_delete(h)
    h = lib.pactffi_pact_interaction_as_synchronous_message(p)
    check(h, "the interaction converts to none of SynchronousHttp, AsynchronousMessage, SynchronousMessage")
    try:
        return support.provider_states(lib, lib.pactffi_sync_message_get_provider_state_iter(h))
    finally:
        lib.pactffi_sync_message_delete(h)


@S(r"the (?:interaction|first message) in the [Pp]act file will contain (\d+) provider states?")
def state_count(context, n):
    states = with_states(context.w)
    check(len(states) == int(n), "Expected %s provider states, but the FFI iterator gave %d (%r)" % (n, len(states), states))


@S(r"the (?:interaction|first message) in the [Pp]act file will contain provider state " + STR)
def state_named(context, name):
    states = with_states(context.w)
    check(any(s[0] == unescape(name) for s in states), "Did not find a provider state '%s' in %r" % (name, states))


@S(r"the provider state " + STR + r" (?:in the Pact file|for the message) will contain the following parameters:")
def state_params_check(context, name):
    expected = json.loads(table_rows(context.table)[0]["parameters"])
    states = with_states(context.w)
    for n, params in states:
        if n == unescape(name):
            check(params == expected, "Expected provider state '%s' to have parameters %r but were %r" % (name, expected, params))
            return
    raise StepError("Did not find a provider state '%s' in %r" % (name, states))


def async_contents(w, idx=0):
    """async_contents gives (bytes, metadata) of message idx through
    pactffi_pact_interaction_as_asynchronous_message and its MessageContents."""
    lib = w.lib
    h = lib.pactffi_pact_interaction_as_asynchronous_message(interaction_ptr(w, idx))
    check(h, "pactffi_pact_interaction_as_asynchronous_message returned NULL")
    try:
        c = lib.pactffi_async_message_get_contents(h)
        check(c, "pactffi_async_message_get_contents returned NULL")
        return support.contents_bytes(lib, c), support.contents_metadata(lib, c)
    finally:
        lib.pactffi_async_message_delete(h)


def sync_contents(w, part, index=0):
    lib = w.lib
    h = lib.pactffi_pact_interaction_as_synchronous_message(interaction_ptr(w, 0))
    check(h, "pactffi_pact_interaction_as_synchronous_message returned NULL")
    try:
        if part == "request":
            c = lib.pactffi_sync_message_get_request_contents(h)
        else:
            n = lib.pactffi_sync_message_get_number_responses(h)
            check(index < n, "Expected at least %d response messages but there are %d" % (index + 1, n))
            c = lib.pactffi_sync_message_get_response_contents(h, index)
        check(c, "pactffi_sync_message_get_%s_contents returned NULL" % part)
        return support.contents_bytes(lib, c), support.contents_metadata(lib, c)
    finally:
        lib.pactffi_sync_message_delete(h)


@S(r"the first message in the pact file will contain the " + STR + r" document")
def first_message_document(context, name):
    data, md = async_contents(context.w)
    expected = support.read_fixture(name)
    check(support.same_body(data, expected, support.content_type_for(name)),
          "Expected message payload %s but got %r" % (name, data[:200]))


@S(r"the first message in the pact file content type will be " + STR)
def first_message_ct(context, ct):
    data, md = async_contents(context.w)
    check(md.get("contentType") == ct, "Expected message content type %s but metadata is %r" % (ct, md))


@S(r"the first message in the pact file will contain the (?:(request) )?message metadata " + STR + r" == " + STR)
def first_message_metadata(context, which, key, value):
    w = context.w
    data, md = sync_contents(w, "request") if which else async_contents(w)
    md = parse_metadata_strings(md)
    expected = expected_value(value)
    check(md.get(key) == expected, "Expected message metadata %s == %r but was %r" % (key, expected, md.get(key)))


@S(r"the first interaction in the pact file will contain the " + STR + r" document as (?:the|a) (request|response)")
def sync_document(context, cell, part):
    body = Body.parse(unescape(cell))
    data, md = sync_contents(context.w, part)
    check(support.same_body(data, body.content, body.content_type),
          "Expected the %s message %r but got %r" % (part, body.content[:200], data[:200]))


@S(r"the first interaction in the pact file (request|response) content type will be " + STR)
def sync_ct(context, part, ct):
    data, md = sync_contents(context.w, part)
    check(md.get("contentType") == ct, "Expected the %s content type %s but metadata is %r" % (part, ct, md))


@S(r"the first interaction in the pact file will contain (\d+) response messages")
def sync_response_count(context, n):
    lib = context.w.lib
    h = lib.pactffi_pact_interaction_as_synchronous_message(interaction_ptr(context.w, 0))
    check(h, "pactffi_pact_interaction_as_synchronous_message returned NULL")
    try:
        count = lib.pactffi_sync_message_get_number_responses(h)
    finally:
        lib.pactffi_sync_message_delete(h)
    check(count == int(n), "Expected %s response messages but pactffi_sync_message_get_number_responses gave %d" % (n, count))


@S(r"the first interaction in the pact file will contain the " + STR + r" document as the (first|second) response message")
def sync_nth_response(context, cell, nth):
    body = Body.parse(unescape(cell))
    data, md = sync_contents(context.w, "response", {"first": 0, "second": 1}[nth])
    check(support.same_body(data, body.content, body.content_type),
          "Expected the %s response message %r but got %r" % (nth, body.content[:200], data[:200]))


@S(r"the first interaction in the Pact file will have a type of " + STR)
def first_type(context, t):
    actual = file_json_interaction(context.w).get("type")
    check(actual == t, "Expected the first interaction to have type %s but was %s" % (t, actual))


@S(r"there will be an interaction in the Pact file with a type of " + STR)
def any_type(context, t):
    types = [i.get("type") for i in pact_file(context.w).json_interactions()]
    check(t in types, "No interaction of type %s (types %r)" % (t, types))


@S(r"the first interaction in the Pact file will have " + STR + r" = '(.*)'")
def first_field(context, field, value):
    inter = file_json_interaction(context.w)
    expected = json.loads(value)
    check(inter.get(field) == expected, "Expected %s = %s but was %s" % (field, value, json.dumps(inter.get(field))))
