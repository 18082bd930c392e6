"""Steps of V3/generators, V3/http_generators and V4/generators.

The pact_ffi ABI has no 'generate this request' call. A request is prepared the
way a client library does it: the request's generators are read back from the
model (pactffi_pact_handle_to_pointer, pactffi_request_contents_get_generators_iter
per category) and each one is asked for a value with
pactffi_generator_generate_string and the test context as JSON; the value is put
at the generator's place (path, header, query parameter, body path).

A response is prepared by the library itself: the mock server applies the
response generators (consumer mode) when it answers, so the response is fetched
over HTTP from a mock server started on the interaction.
"""

import json
import re

from behave import step, use_step_matcher

import pactffi
import support
from pactffi import b, take_string
from support import Part, StepError, check, unescape

use_step_matcher("re")

STR = r'"((?:[^"\\]|\\.)*)"'
JSON_TYPES = {"RandomInt", "RandomDecimal", "RandomBoolean", "ProviderState"}


def S(pattern):
    return step(pattern)


def table_rows(table):
    return [dict(zip(table.headings, row.cells)) for row in table]


def configured(context, kind):
    w = context.w
    row = table_rows(context.table)[0]
    part = Part()
    if kind == "request":
        part.path = "/path/one"
    if row.get("body"):
        part.set_body(row["body"])
    if row.get("generators"):
        part.generators = support.load_json_cell(row["generators"])
    w.gen_part = part
    w.gen_kind = kind
    w.original_body = part.body
    w.pact = w.new_pact("compat-generators-consumer", "compat-generators-provider")
    if kind == "request":
        support.add_http_interaction(w.lib, w.pact, "generators", part)
    else:
        support.add_http_interaction(w.lib, w.pact, "generators", Part(), part)


@S(r"a request configured with the following generators:")
def request_configured(context):
    configured(context, "request")


@S(r"a response configured with the following generators:")
def response_configured(context):
    configured(context, "response")


@S(r"the generator test mode is set as " + STR)
def test_mode(context, mode):
    # pactffi_generator_generate_string takes no mode: the mode is recorded only.
    context.w.gen_mode = mode


def request_generators(w):
    """request_generators gives [(category, key, generator-json, value)] for every
    request generator, generating each value with the current context."""
    lib = w.lib
    model = lib.pactffi_pact_handle_to_pointer(w.pact)
    check(model, "pactffi_pact_handle_to_pointer returned NULL")
    it = lib.pactffi_pact_model_interaction_iterator(model)
    check(it, "pactffi_pact_model_interaction_iterator returned NULL")
    out = []
    http = None
    try:
        inter = lib.pactffi_pact_interaction_iter_next(it)
        check(inter, "pactffi_pact_interaction_iter_next gave no interaction")
        http = lib.pactffi_pact_interaction_as_synchronous_http(inter)
        check(http, "pactffi_pact_interaction_as_synchronous_http returned NULL")
        req = lib.pactffi_sync_http_get_request(http)
        check(req, "pactffi_sync_http_get_request returned NULL")
        ctx = json.dumps(w.gen_context)
        for cat in ("path", "header", "query", "body"):
            git = lib.pactffi_request_contents_get_generators_iter(req, pactffi.GEN_CATEGORY[cat])
            check(git, "pactffi_request_contents_get_generators_iter(%s) returned NULL" % cat.upper())
            try:
                while True:
                    pair = lib.pactffi_generators_iter_next(git)
                    if not pair:
                        break
                    key = pair.contents.key.decode() if pair.contents.key else ""
                    gjson = take_string(lib.pactffi_generator_to_json(pair.contents.value))
                    value = take_string(lib.pactffi_generator_generate_string(pair.contents.value, b(ctx)))
                    lib.pactffi_generators_iter_pair_delete(pair)
                    check(value is not None, "pactffi_generator_generate_string(%s) returned NULL with context %s"
                          % (gjson, ctx))
                    out.append((cat, key, gjson, value))
            finally:
                lib.pactffi_generators_iter_delete(git)
    finally:
        if http:
            lib.pactffi_sync_http_delete(http)
        lib.pactffi_pact_interaction_iter_delete(it)
        lib.pactffi_pact_model_delete(model)
    return out


def typed(gjson, value):
    try:
        gtype = json.loads(gjson or "{}").get("type")
    except ValueError:
        gtype = None
    if gtype in JSON_TYPES:
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def key_name(key):
    """key_name turns a header/query generator key as the iterator gives it
    ('$.v1', "$['X-TEST']" or a plain name) into the name."""
    m = re.match(r"^\$(?:\.(.+)|\['(.+)'\])$", key)
    if m:
        return m.group(1) or m.group(2)
    return key


def prepare_request(context):
    w = context.w
    gens = request_generators(w)
    check(gens, "the request has no generators (pactffi_request_contents_get_generators_iter gave none)")
    req = w.gen_part.copy()
    body = json.loads(req.body.content) if req.body is not None and "json" in (req.body.content_type or "") else None
    query = support.parse_query(req.query)
    for cat, key, gjson, value in gens:
        if cat == "path":
            req.path = value
        elif cat == "header":
            key = key_name(key)
            req.headers = [(k, v) for k, v in req.headers if k.lower() != key.lower()] + [(key, value)]
        elif cat == "query":
            key = key_name(key)
            query = [(k, v) for k, v in query if k != key] + [(key, value)]
        elif cat == "body":
            check(body is not None, "body generator on a non-JSON body")
            body = support.json_pointer_set(body, key, typed(gjson, value))
    req.query = "&".join("%s=%s" % kv for kv in query)
    w.generated = {"path": req.path, "headers": req.headers, "query": support.query_map(req.query),
                   "body": json.dumps(body).encode() if body is not None else None}


@S(r"the request is prepared for use")
def request_prepared(context):
    prepare_request(context)


@S(r"the request is prepared for use with a " + STR + r" context:")
def request_prepared_with(context, field):
    value = json.loads(context.table.headings[0])
    if field == "providerState":
        ctx = {"providerState": value}
    elif field == "mockServer":
        value = dict(value)
        if "href" in value:
            value["url"] = value["href"]
        ctx = {"mockServer": value}
    else:
        ctx = {field: value}
    context.w.gen_context = ctx
    prepare_request(context)


@S(r"the response is prepared for use")
def response_prepared(context):
    w = context.w
    mock = support.MockServer(w.lib, w.pact)
    w.mocks.append(mock)
    r = support.send(mock.port, Part())
    mock.cleanup()
    w.generated = {"status": r.status, "headers": r.headers, "body": r.body}


def generated_body_value(w, path):
    check(w.generated is not None and w.generated.get("body") is not None, "no generated body")
    try:
        doc = json.loads(w.generated["body"])
    except ValueError:
        raise StepError("generated body is not JSON: %r" % w.generated["body"][:200])
    original = support.json_pointer_get(json.loads(w.original_body.content), path)
    return support.json_pointer_get(doc, path), original


@S(r"the body value for " + STR + r" will have been replaced with an? " + STR)
def body_replaced_type(context, path, value_type):
    actual, original = generated_body_value(context.w, path)
    check(actual != original, "Expected original (%r) to have been replaced" % (original,))
    support.assert_value_type(value_type, actual)


@S(r"the body value for " + STR + r" will have been replaced with " + STR)
def body_replaced_value(context, path, value):
    actual, original = generated_body_value(context.w, path)
    check(actual != original, "Expected original (%r) to have been replaced" % (original,))
    check(support.json_to_string(actual) == unescape(value), "Expected value (%r) to be equal to %s" % (actual, value))


@S(r"the request " + STR + r" will be set as " + STR)
def request_set(context, part, value):
    check(part == "path", "Invalid HTTP part: %s" % part)
    actual = context.w.generated["path"]
    check(actual == value, "Expected path to be %s but was %s" % (value, actual))


def part_values(generated, part):
    key = re.search(r"\[(.*)]", part)
    if part == "path":
        return [generated["path"]]
    if part == "status":
        return [str(generated["status"])]
    if part.startswith("header"):
        return [v for k, v in generated["headers"] if k.lower() == key.group(1).lower()]
    if part.startswith("queryParameter"):
        return generated["query"].get(key.group(1), [])
    raise StepError("Invalid HTTP part: %s" % part)


@S(r"the (request|response) " + STR + r" will match " + STR)
def part_matches(context, which, part, regex):
    values = part_values(context.w.generated, part)
    check(values, "The %s has no %s" % (which, part))
    for v in values:
        check(re.search(unescape(regex), v), "%s %s value %r does not match %s" % (which, part, v, regex))


@S(r"the response " + STR + r" will not be " + STR)
def response_not(context, part, value):
    check(part == "status", "Invalid HTTP part: %s" % part)
    check(str(context.w.generated["status"]) != value, "Expected status to NOT be %s" % value)
