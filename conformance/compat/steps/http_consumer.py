"""Steps of V1/V2 http_consumer.feature: interactions are described through the
FFI builder functions, served by pactffi_create_mock_server_for_transport,
called over HTTP, and judged with mock_server_matched/mock_server_mismatches;
written pact files are read back with pactffi_parse_pact_json."""

import json
import os

from behave import step, use_step_matcher

import support
from support import Body, Part, StepError, check, unescape

use_step_matcher("re")

STR = r'"((?:[^"\\]|\\.)*)"'
INDEX = {"first": 0, "second": 1, "third": 2}


def S(pattern):
    return step(pattern)


def table_rows(table):
    """table_rows gives each row of a behave table as {heading: cell}."""
    return [dict(zip(table.headings, row.cells)) for row in table]


@S(r"the following HTTP interactions have been defined:")
def interactions_defined(context):
    w = context.w
    for row in table_rows(context.table):
        req, resp = Part(), Part()
        req.method = row.get("method") or "GET"
        req.path = row.get("path") or "/"
        req.query = row.get("query") or ""
        req.headers = support.parse_headers_cell(row.get("headers"))
        if row.get("body"):
            req.set_body(row["body"])
        if row.get("matching rules"):
            req.rules = support.load_json_cell(row["matching rules"])
        if row.get("response"):
            resp.status = int(row["response"])
        resp.headers = support.parse_headers_cell(row.get("response headers"))
        if row.get("response body"):
            resp.set_body(row["response body"], row.get("response content") or None)
        if row.get("response matching rules"):
            resp.rules = support.load_json_cell(row["response matching rules"])
        w.interactions.append((req, resp))


def start_mock(context, pairs):
    """start_mock makes a pact of the chosen interactions (spec of the feature's
    version) and starts a mock server on it."""
    w = context.w
    pact = w.new_pact("%s-compatibility-suite-c" % w.version.lower(), "p")
    for n, (req, resp) in pairs:
        support.add_http_interaction(w.lib, pact, "Interaction %d" % n, req, resp)
    w.mock = support.MockServer(w.lib, pact)
    w.mocks.append(w.mock)


def pick(context, n):
    return context.w.interactions[int(n) - 1]


@S(r"the mock server is started with interaction (\d+)")
def mock_started_one(context, n):
    start_mock(context, [(int(n), pick(context, n))])


@S(r"the mock server is started with interactions " + STR)
def mock_started_many(context, ids):
    nums = [int(x.strip()) for x in ids.split(",")]
    start_mock(context, [(n, pick(context, n)) for n in nums])


def apply_changes(part, row):
    """apply_changes edits a request copy with a 'following changes' table row;
    it returns the raw header lines to add."""
    raw = []
    for field, value in row.items():
        if field == "method":
            part.method = value
        elif field == "path":
            part.path = value
        elif field == "query":
            part.query = value
        elif field == "headers":
            part.headers = support.parse_headers_cell(value)
        elif field == "body":
            part.set_body(value)
        elif field == "raw headers":
            raw.extend(support.parse_headers_cell(value))
    return raw


@S(r"the mock server is started with interaction (\d+) but with the following changes:")
def mock_started_changed(context, n):
    req, resp = pick(context, n)
    req = req.copy()
    apply_changes(req, table_rows(context.table)[0])
    start_mock(context, [(int(n), (req, resp))])


@S(r"request (\d+) is made to the mock server")
def request_made(context, n):
    req, _ = pick(context, n)
    context.w.response = support.send(context.w.mock.port, req)


@S(r"request (\d+) is made to the mock server with the following changes:")
def request_made_changed(context, n):
    req, _ = pick(context, n)
    req = req.copy()
    raw = apply_changes(req, table_rows(context.table)[0])
    if raw:
        req.headers = [(k, v) for k, v in req.headers if k.lower() not in {r[0].lower() for r in raw}]
    context.w.response = support.send(context.w.mock.port, req, raw)


@S(r"a (\d+) (?:success|error) response is returned")
def response_status(context, status):
    r = context.w.response
    check(r is not None, "no response was received")
    if r.status != int(status):
        raise StepError("Expected a %s response but got %d (body %r)" % (status, r.status, r.body[:300]))


@S(r"the payload will contain the " + STR + r" JSON document")
def payload_json(context, name):
    r = context.w.response
    expected = support.read_fixture(name + ".json")
    if not support.same_body(r.body, expected, "application/json"):
        raise StepError("Expected payload %r but got %r" % (expected[:200], r.body[:200]))


@S(r"the content type will be set as " + STR)
def response_content_type(context, ct):
    actual = context.w.response.header("content-type")
    if actual != ct:
        raise StepError("Expected response content-type of '%s' but was '%s'" % (ct, actual))


@S(r"the pact test is done")
def pact_test_done(context):
    w = context.w
    rc = w.mock.finish(w.out_dir)
    if rc not in (None, 0):
        raise StepError("pactffi_write_pact_file returned %d" % rc)


@S(r"the mock server status will be OK")
def status_ok(context):
    m = context.w.mock
    mism = m.mismatches()
    if not m.matched() or mism:
        raise StepError("Mock server is not OK: matched=%s, mismatches=%s" % (m.matched(), support.brief(mism)))


@S(r"the mock server status will NOT be OK")
def status_not_ok(context):
    m = context.w.mock
    if m.matched():
        raise StepError("pactffi_mock_server_matched returned true; mismatches=%s" % support.brief(m.mismatches()))


@S(r"the mock server status will be mismatches")
def status_mismatches(context):
    mism = context.w.mock.mismatches()
    check(mism, "Mock server has no mismatches")


def pact_file(context, spec=None):
    w = context.w
    if w.pact_file is None:
        path = w.pact_path()
        check(os.path.exists(path), "No pact file found: %s" % path)
        w.pact_file = support.PactFile(w.lib, path)
        w.pact_files.append(w.pact_file)
    if spec:
        actual = w.pact_file.spec()
        check(actual == spec, "Expected Pact file to be %s Pact, but pactffi_pact_spec_version says %s" % (spec, actual))
    return w.pact_file


@S(r"the mock server will write out a Pact file for the interactions? when done")
def writes_pact(context):
    pact_file(context, context.w.version)


@S(r"the mock server will NOT write out a Pact file for the interactions? when done")
def writes_no_pact(context):
    path = context.w.pact_path()
    if os.path.exists(path):
        raise StepError("Expected no pact file, but found: %s" % path)


@S(r"the pact file will contain \{(\d+)\} interactions?")
def pact_interaction_count(context, n):
    pf = pact_file(context)
    count = len(pf.interactions())
    check(count == int(n), "Expected the pact file to contain %s interaction(s), but the FFI iterator gave %d" % (n, count))


def file_request(context, which):
    pf = pact_file(context)
    items = pf.json_interactions()
    idx = INDEX[which]
    check(idx < len(items), "Did not find interaction %d in the Pact" % (idx + 1))
    return items[idx]


def sync_http(context, which):
    """sync_http converts the interaction to a SynchronousHttp through the FFI;
    the caller frees it with pactffi_sync_http_delete."""
    pf = pact_file(context)
    items = pf.interactions()
    idx = INDEX[which]
    check(idx < len(items), "Did not find interaction %d in the Pact" % (idx + 1))
    h = context.w.lib.pactffi_pact_interaction_as_synchronous_http(items[idx])
    check(h, "pactffi_pact_interaction_as_synchronous_http returned NULL")
    return h


@S(r"the \{(first|second|third)\} interaction request will be for a " + STR)
def request_method(context, which, method):
    actual = file_request(context, which)["request"].get("method")
    check(actual == method, "Expected the request to be for a %s but was a %s" % (method, actual))


def check_document(context, which, part, name):
    """check_document reads the body through pactffi_sync_http_get_<part>_contents_bin
    and _length (the borrowed-bytes pair, which also carries binary bodies)."""
    lib = context.w.lib
    h = sync_http(context, which)
    try:
        if part == "request":
            n = lib.pactffi_sync_http_get_request_contents_length(h)
            actual = support.borrow_bytes(lib.pactffi_sync_http_get_request_contents_bin(h), n)
        else:
            n = lib.pactffi_sync_http_get_response_contents_length(h)
            actual = support.borrow_bytes(lib.pactffi_sync_http_get_response_contents_bin(h), n)
    finally:
        lib.pactffi_sync_http_delete(h)
    expected = support.read_fixture(name)
    ct = support.content_type_for(name)
    if not support.same_body(actual, expected, ct):
        raise StepError("Expected the %s body to be %s but pactffi_sync_http_get_%s_contents_bin gave %r"
                        % (part, name, part, actual[:300]))


@S(r"the \{(first|second|third)\} interaction response will contain the " + STR + " document")
def response_document(context, which, name):
    check_document(context, which, "response", name)


@S(r"the \{(first|second|third)\} interaction request will contain the " + STR + " document")
def request_document(context, which, name):
    check_document(context, which, "request", name)


@S(r"the mock server status will be an expected but not received error for interaction \{(\d+)\}")
def missing_request(context, n):
    req, _ = pick(context, n)
    mism = context.w.mock.mismatches()
    for m in mism:
        if m.get("type") == "missing-request":
            r = m.get("request") or {}
            if (m.get("method") or r.get("method")) == req.method and (m.get("path") or r.get("path")) == req.path:
                return
    raise StepError("Did not find a missing-request mismatch for interaction %s in %s" % (n, support.brief(mism)))


def find_not_found(context, method, path, query=None):
    mism = context.w.mock.mismatches()
    for m in mism:
        if m.get("type") != "request-not-found":
            continue
        r = m.get("request") or {}
        if (m.get("method") or r.get("method")) != method or (m.get("path") or r.get("path")) != path:
            continue
        if query is not None:
            q = r.get("query")
            if isinstance(q, str):
                q = support.query_map(q)
            if (q or {}) != support.query_map(query):
                continue
        return
    raise StepError("Did not find a request-not-found mismatch for %s %s in %s" % (method, path, support.brief(mism)))


@S(r"the mock server status will be an unexpected " + STR + r" request received error for interaction \{(\d+)\}")
def unexpected_for_interaction(context, method, n):
    req, _ = pick(context, n)
    find_not_found(context, method, req.path, req.query)


@S(r"the mock server status will be an unexpected " + STR + r" request received error for path " + STR)
def unexpected_for_path(context, method, path):
    find_not_found(context, method, path)


@S(r"the \{(first|second|third)\} interaction request query parameters will be " + STR)
def request_query(context, which, query):
    q = file_request(context, which)["request"].get("query")
    if isinstance(q, str):
        q = support.query_map(q)
    check((q or {}) == support.query_map(query), "Expected the request query %s but was %r" % (query, q))


@S(r"the \{(first|second|third)\} interaction request will contain the header " + STR + " with value " + STR)
def request_header(context, which, name, value):
    headers = file_request(context, which)["request"].get("headers") or {}
    for k, v in headers.items():
        if k.lower() == name.lower():
            actual = ", ".join(v) if isinstance(v, list) else v
            check(actual == value, "Expected header %s with value %s but got %s" % (name, value, actual))
            return
    raise StepError("Expected the request to have a header %s (headers %r)" % (name, headers))


@S(r"the \{(first|second|third)\} interaction request content type will be " + STR)
def request_content_type(context, which, ct):
    req = file_request(context, which)["request"]
    actual = None
    for k, v in (req.get("headers") or {}).items():
        if k.lower() == "content-type":
            actual = v[0] if isinstance(v, list) else v
    body = req.get("body")
    if actual is None and isinstance(body, dict):
        actual = body.get("contentType")
    check(actual == ct, "Expected the request content type %s but was %s" % (ct, actual))


def mismatch_type_matches(m, kind):
    t = m.get("type", "")
    if t == "BodyTypeMismatch":
        return kind == "body-content-type"
    return t.lower().startswith(kind)


@S(r"the mismatches will contain a " + STR + r" mismatch with error " + STR)
def has_mismatch(context, kind, error):
    error = unescape(error)
    mism = support.request_mismatches(context.w.mock.mismatches())
    for m in mism:
        if mismatch_type_matches(m, kind) and (error in support.describe_mismatch(m) or error in (m.get("mismatch") or "")):
            return
    raise StepError("Did not find a %s mismatch with error %r in %s" % (kind, error, support.brief(mism)))


@S(r"the mismatches will contain a " + STR + r" mismatch with path " + STR + r" with error " + STR)
def has_mismatch_path(context, kind, path, error):
    error = unescape(error)
    mism = support.request_mismatches(context.w.mock.mismatches())
    for m in mism:
        t = m.get("type")
        ok = ((t == "QueryMismatch" and kind == "query" and m.get("parameter") == path) or
              (t == "HeaderMismatch" and kind == "header" and m.get("key") == path) or
              (t == "BodyMismatch" and kind == "body" and m.get("path") == path))
        if ok and error in support.describe_mismatch(m):
            return
    raise StepError("Did not find a %s mismatch for path %s with error %r in %s" % (kind, path, error, support.brief(mism)))
