"""Steps of V3/http_matching, V3/matching_rules and V4/matching_rules.

The reference harness calls pact_matching::match_request directly. Through the
C ABI a client compares a request with an expected one by describing the
expected request as an interaction (with_request, with_header_v2,
with_query_parameter_v2, with_body/with_binary_body, with_matching_rules),
serving it with a mock server and sending the actual request: the mismatches
come back from pactffi_mock_server_mismatches. Each received request gets its own
mock server. Expected and actual requests are 'GET /' unless a table says
otherwise, as in the reference harness.

Responses (status code matcher) have no mock-server path: the expected response's
status rules are read back through pactffi_pact_handle_to_pointer and
pactffi_response_contents_get_matching_rule_iter, and the received status is
checked with pactffi_matches_u64_value.
"""

import json

from behave import step, use_step_matcher

import pactffi
import support
from pactffi import b, take_string
from support import Part, StepError, check, unescape

use_step_matcher("re")

STR = r'"((?:[^"\\]|\\.)*)"'


def S(pattern):
    return step(pattern)


def table_rows(table):
    return [dict(zip(table.headings, row.cells)) for row in table]


def expected(w):
    if w.expected is None:
        w.expected = Part()
    return w.expected


def set_header(part, name, value):
    part.headers = [(k, v) for k, v in part.headers if k.lower() != name.lower()]
    part.headers.append((name, value))


@S(r"an expected request with an? " + STR + r" header of " + STR)
def expected_header(context, name, value):
    set_header(expected(context.w), unescape(name), unescape(value))


@S(r"a request is received with an? " + STR + r" header of " + STR)
def received_header(context, name, value):
    p = Part()
    p.headers = [(unescape(name), unescape(value))]
    context.w.received.append(p)


def configure(part, row):
    """configure applies a table row as the reference harness does: body (with an
    optional content type), then query, then headers (replacing), then rules."""
    if row.get("body"):
        part.set_body(row["body"], row.get("content type") or None)
    if "query" in row:
        part.query = row["query"]
    if row.get("headers"):
        part.headers = support.parse_headers_cell(row["headers"])
    if row.get("matching rules"):
        part.rules = support.load_json_cell(row["matching rules"])


@S(r"an expected request configured with the following:")
def expected_configured(context):
    configure(expected(context.w), table_rows(context.table)[0])


@S(r"a request is received with the following:")
def received_configured(context):
    p = Part()
    configure(p, table_rows(context.table)[0])
    context.w.received.append(p)


@S(r"the following requests are received:")
def received_many(context):
    for row in table_rows(context.table):
        p = Part()
        configure(p, row)
        context.w.received.append(p)


def compare(w, requests):
    for req in requests:
        pact = w.new_pact("compat-matching-consumer", "compat-matching-provider")
        support.add_http_interaction(w.lib, pact, "the expected request", expected(w))
        mock = support.MockServer(w.lib, pact)
        w.mocks.append(mock)
        resp = support.send(mock.port, req)
        matched = mock.matched()
        mismatches = mock.mismatches()
        mock.cleanup()
        if req.body is not None and len(req.body.content) == 0:
            extra = empty_body_mismatches(w, pact)
            if extra:
                mismatches = mismatches + [{"type": "request-mismatch", "mismatches": extra}]
                matched = False
        w.results.append((matched, mismatches, resp.status))


def empty_body_mismatches(w, pact):
    """empty_body_mismatches: over HTTP a present-but-empty body reads as no body,
    so the expected request's BODY rules are also applied to the empty body
    directly, with pactffi_matches_binary_value (the rules come from
    pactffi_request_contents_get_matching_rule_iter)."""
    lib = w.lib
    exp = expected(w).body.content if expected(w).body is not None else b""
    model = lib.pactffi_pact_handle_to_pointer(pact)
    check(model, "pactffi_pact_handle_to_pointer returned NULL")
    it = lib.pactffi_pact_model_interaction_iterator(model)
    http = None
    out = []
    try:
        inter = lib.pactffi_pact_interaction_iter_next(it)
        http = lib.pactffi_pact_interaction_as_synchronous_http(inter)
        check(http, "pactffi_pact_interaction_as_synchronous_http returned NULL")
        req = lib.pactffi_sync_http_get_request(http)
        rit = lib.pactffi_request_contents_get_matching_rule_iter(req, pactffi.RULE_CATEGORY["body"])
        check(rit, "pactffi_request_contents_get_matching_rule_iter(BODY) returned NULL")
        try:
            while True:
                pair = lib.pactffi_matching_rules_iter_next(rit)
                if not pair:
                    break
                path = pair.contents.key.decode() if pair.contents.key else "$"
                err = take_string(lib.pactffi_matches_binary_value(pair.contents.value, exp, len(exp), b"", 0, 0))
                lib.pactffi_matching_rules_iter_pair_delete(pair)
                if err is not None:
                    out.append({"type": "BodyMismatch", "path": path, "mismatch": err})
        finally:
            lib.pactffi_matching_rules_iter_delete(rit)
    finally:
        if http:
            lib.pactffi_sync_http_delete(http)
        lib.pactffi_pact_interaction_iter_delete(it)
        lib.pactffi_pact_model_delete(model)
    return out


@S(r"the request is compared to the expected one")
def compare_one(context):
    check(context.w.received, "no request was received")
    compare(context.w, context.w.received[:1])


@S(r"the requests are compared to the expected one")
def compare_all(context):
    compare(context.w, context.w.received)


@S(r"the comparison should be OK")
def comparison_ok(context):
    bad = [(m, r) for (ok, m, r) in context.w.results if not ok]
    if bad:
        raise StepError("There were match results with mismatches: %s" % support.brief([m for m, _ in bad]))


@S(r"the comparison should NOT be OK")
def comparison_not_ok(context):
    if all(ok for (ok, _, _) in context.w.results):
        raise StepError("All requests matched (pactffi_mock_server_matched returned true)")


@S(r"the mismatches will contain a mismatch with error " + STR + r" -> " + STR)
def has_mismatch(context, path, error):
    import re
    path, error = unescape(path), unescape(error)
    all_m = []
    for _, mismatches, _ in context.w.results:
        all_m.extend(support.request_mismatches(mismatches))
    for m in all_m:
        if support.mismatch_key(m) != path:
            continue
        desc = support.describe_mismatch(m)
        if error in desc:
            return
        try:
            if re.search(error, desc):
                return
        except re.error:
            pass
    raise StepError("Did not find a mismatch for %s with error %r in %s" % (path, error, support.brief(all_m)))


# ------------------------------------------------------------ responses

@S(r"an expected response configured with the following:")
def expected_response(context):
    w = context.w
    row = table_rows(context.table)[0]
    resp = Part()
    if row.get("status"):
        resp.status = int(row["status"])
    if row.get("body"):
        resp.set_body(row["body"])
    if row.get("matching rules"):
        resp.rules = support.load_json_cell(row["matching rules"])
    w.expected_response = resp
    w.pact = w.new_pact("compat-matching-consumer", "compat-matching-provider")
    support.add_http_interaction(w.lib, w.pact, "the expected response", Part(), resp)


@S(r"a status (\d+) response is received")
def status_received(context, status):
    context.w.received_statuses.append(int(status))


def status_rules(w):
    """status_rules reads the expected response's STATUS matching rules through the
    model: [(path, rule-json, rule pointer)], with the objects to free."""
    lib = w.lib
    model = lib.pactffi_pact_handle_to_pointer(w.pact)
    check(model, "pactffi_pact_handle_to_pointer returned NULL")
    it = lib.pactffi_pact_model_interaction_iterator(model)
    check(it, "pactffi_pact_model_interaction_iterator returned NULL")
    inter = lib.pactffi_pact_interaction_iter_next(it)
    check(inter, "pactffi_pact_interaction_iter_next gave no interaction")
    http = lib.pactffi_pact_interaction_as_synchronous_http(inter)
    check(http, "pactffi_pact_interaction_as_synchronous_http returned NULL")
    resp = lib.pactffi_sync_http_get_response(http)
    check(resp, "pactffi_sync_http_get_response returned NULL")
    rit = lib.pactffi_response_contents_get_matching_rule_iter(resp, pactffi.RULE_CATEGORY["status"])
    check(rit, "pactffi_response_contents_get_matching_rule_iter(STATUS) returned NULL")
    return model, it, http, rit


@S(r"the response is compared to the expected one")
def compare_response(context):
    w = context.w
    lib = w.lib
    check(w.received_statuses, "no response was received")
    actual = w.received_statuses[0]
    model, it, http, rit = status_rules(w)
    pairs = []
    try:
        errors = []
        n_rules = 0
        while True:
            pair = lib.pactffi_matching_rules_iter_next(rit)
            if not pair:
                break
            pairs.append(pair)
            n_rules += 1
            err = take_string(lib.pactffi_matches_u64_value(pair.contents.value, w.expected_response.status, actual, 0))
            if err is not None:
                errors.append({"type": "StatusMismatch", "expected": w.expected_response.status,
                               "actual": actual, "mismatch": err})
        if n_rules == 0 and actual != w.expected_response.status:
            errors.append({"type": "StatusMismatch", "expected": w.expected_response.status, "actual": actual,
                           "mismatch": "expected %d but was %d" % (w.expected_response.status, actual)})
        w.response_results = errors
    finally:
        for pair in pairs:
            lib.pactffi_matching_rules_iter_pair_delete(pair)
        lib.pactffi_matching_rules_iter_delete(rit)
        lib.pactffi_sync_http_delete(http)
        lib.pactffi_pact_interaction_iter_delete(it)
        lib.pactffi_pact_model_delete(model)


@S(r"the response comparison should be OK")
def response_ok(context):
    r = context.w.response_results
    check(not r, "Comparison resulted in %d mismatches: %s" % (len(r), json.dumps(r)))


@S(r"the response comparison should NOT be OK")
def response_not_ok(context):
    check(context.w.response_results, "Comparison resulted in no mismatches")


@S(r"the response mismatches will contain a " + STR + r" mismatch with error " + STR)
def response_mismatch(context, kind, error):
    error = unescape(error)
    for m in context.w.response_results:
        if kind == "status" and m["type"] == "StatusMismatch" and m["mismatch"] == error:
            return
    raise StepError("Did not find a %s error with message %r in %s" % (kind, error, json.dumps(context.w.response_results)))
