"""Steps of the provider features (V1-V4 http_provider, and the steps the V3/V4
message_provider features share with them), driven through the pact_ffi
verifier functions.

* The provider under test is a libpact mock server started (through
  pactffi_create_mock_server_for_transport) from the interactions the scenario
  names, behind a small recording proxy, so that the requests the verifier
  made can be checked afterwards.
* Pact files to verify are built with the FFI builder functions and written
  with pactffi_pact_handle_write_file, one directory per file, and given to
  pactffi_verifier_add_file_source.
* A Pact Broker is a libpact mock server started with pactffi_create_mock_server
  from the suite's broker pact (fixtures/pact-broker_cN.json) plus one
  interaction serving the pact file (as the reference harness adds); what was
  published is read from the broker's pactffi_mock_server_mismatches.
* The provider state callback is a small HTTP server recording the state
  change requests (pactffi_verifier_set_provider_state, teardown on, state in
  the body); in fail mode it answers 500.
* "the verification is run": pactffi_verifier_execute; results are read with
  pactffi_verifier_json and pactffi_verifier_output.
"""

import base64
import http.client
import http.server
import json
import os
import threading

from behave import step, use_step_matcher

import pactffi
import support
from pactffi import b, take_string
from support import Part, StepError, check

use_step_matcher("re")

STR = r'"((?:[^"\\]|\\.)*)"'


def S(pattern):
    """S registers a step (behave 1.3 matches the whole step text)."""
    return step(pattern)


def table_rows(table):
    return [dict(zip(table.headings, row.cells)) for row in table]


# ---------------------------------------------------------------- small servers

class _Server:
    """_Server runs a ThreadingHTTPServer on 127.0.0.1 on a thread; cleanup
    stops it (World.release calls cleanup on everything in World.mocks)."""

    def __init__(self, handler):
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.httpd.owner = self
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def cleanup(self):
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.httpd = None


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def answer(self, status, headers, body):
        self.send_response_only(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)


HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "proxy-connection", "upgrade"}


class _ProxyHandler(_Handler):
    def handle_any(self):
        owner = self.server.owner
        data = self.body()
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "host"]
        owner.requests.append((self.command, self.path, headers, data))
        conn = http.client.HTTPConnection("127.0.0.1", owner.target, timeout=30)
        try:
            conn.putrequest(self.command, self.path, skip_host=False, skip_accept_encoding=True)
            for k, v in headers:
                conn.putheader(k, v)
            if data or self.command in ("POST", "PUT", "PATCH"):
                conn.putheader("Content-Length", str(len(data)))
            conn.endheaders(data if data else None)
            r = conn.getresponse()
            body = r.read()
            out = [(k, v) for k, v in r.getheaders() if k.lower() not in HOP]
            self.answer(r.status, out, body)
        finally:
            conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = handle_any


class RecordingProxy(_Server):
    """RecordingProxy forwards every request to 127.0.0.1:target (the provider
    mock server) and records (method, path, headers, body)."""

    def __init__(self, target):
        self.target = target
        self.requests = []
        super().__init__(_ProxyHandler)


class _StateHandler(_Handler):
    def do_POST(self):
        owner = self.server.owner
        raw = self.body()
        try:
            doc = json.loads(raw) if raw else {}
        except ValueError:
            doc = {"unparsed": raw.decode("utf-8", "replace")}
        owner.calls.append(doc)
        if owner.fail:
            self.answer(500, [("Content-Type", "text/plain")], b"state change failed (fail mode)")
        else:
            self.answer(200, [("Content-Type", "application/json")], b"{}")


class StateCallback(_Server):
    """StateCallback records the state change requests the verifier sends
    ({"state": ..., "params": {...}, "action": "setup"|"teardown"})."""

    def __init__(self, fail=False):
        self.fail = fail
        self.calls = []
        super().__init__(_StateHandler)

    def called(self, action, state=None, params=None):
        for c in self.calls:
            if c.get("action") != action:
                continue
            if state is not None and (c.get("state") or "") != state:
                continue
            if params is not None and (c.get("params") or {}) != params:
                continue
            return True
        return False


class _MessageHandler(_Handler):
    def do_POST(self):
        owner = self.server.owner
        raw = self.body()
        try:
            doc = json.loads(raw)
        except ValueError:
            doc = {}
        owner.requests.append(doc)
        msg = owner.messages.get(doc.get("description"))
        if msg is None:
            self.answer(404, [("Content-Type", "text/plain")], b"no such message")
            return
        body, ct, md = msg
        md_header = base64.b64encode(json.dumps(md).encode()).decode()
        self.answer(200, [("Content-Type", ct), ("Pact-Message-Metadata", md_header)], body)


class MessageProvider(_Server):
    """MessageProvider answers the verifier's message requests (POST / with
    {"description": ..., "providerStates": [...]}) with the message body, its
    content type and the metadata as a Base64 JSON Pact-Message-Metadata header,
    as the reference harness's message proxy does."""

    def __init__(self):
        self.messages = {}
        self.requests = []
        super().__init__(_MessageHandler)


# ---------------------------------------------------------------- scenario state

class Side:
    """Side is the provider side of one scenario."""

    def __init__(self):
        self.provider_port = None
        self.proxy = None
        self.messages = None
        self.sources = []       # pact file paths
        self.brokers = []       # (BrokerMock, n)
        self.publish = False
        self.state = None       # StateCallback
        self.filter_headers = []
        self.rc = None
        self.report = None
        self.output = ""
        self.logs = ""
        self.nsrc = 0


def side(context):
    w = context.w
    s = getattr(w, "provider_side", None)
    if s is None:
        s = Side()
        w.provider_side = s
    return s


def source_dir(context):
    s = side(context)
    s.nsrc += 1
    d = os.path.join(context.w.out_dir, "source%d" % s.nsrc)
    os.makedirs(d, exist_ok=True)
    return d


def new_pact(w, consumer, provider, spec=None):
    """new_pact makes a pact handle (freed at the end of the scenario)."""
    h = w.lib.pactffi_new_pact(b(consumer), b(provider))
    w.pacts.append(h)
    version = spec or w.version
    check(w.lib.pactffi_with_specification(h, pactffi.SPEC[version]),
          "pactffi_with_specification(%s) returned false" % version)
    return h


def write_pact(w, pact, directory, consumer, provider):
    rc = w.lib.pactffi_pact_handle_write_file(pact, b(directory), False)
    check(rc == 0, "pactffi_pact_handle_write_file returned %d: %s" % (rc, pactffi.last_error()))
    path = os.path.join(directory, "%s-%s.json" % (consumer, provider))
    check(os.path.isfile(path), "pactffi_pact_handle_write_file wrote no %s" % path)
    return path


# ---------------------------------------------------------------- the provider

def start_provider(context, pairs):
    """start_provider serves the given (request, response) Parts from a libpact
    mock server, behind a recording proxy."""
    w = context.w
    s = side(context)
    pact = new_pact(w, "%s-compatibility-suite-c" % w.version.lower(), "p")
    for n, (req, resp) in pairs:
        support.add_http_interaction(w.lib, pact, "Interaction %d" % n, req, resp)
    mock = support.MockServer(w.lib, pact)
    w.mocks.append(mock)
    s.provider_mock = mock
    s.proxy = RecordingProxy(mock.port)
    w.mocks.append(s.proxy)
    s.provider_port = s.proxy.port


def interaction(context, n):
    n = int(n)
    check(1 <= n <= len(context.w.interactions), "no interaction %d defined" % n)
    return context.w.interactions[n - 1]


@S(r"a provider is started that returns the response from interaction (\d+)")
def provider_started(context, n):
    start_provider(context, [(int(n), interaction(context, n))])


@S(r"a provider is started that returns the responses from interactions " + STR)
def provider_started_many(context, ids):
    nums = [int(x.strip()) for x in ids.split(",")]
    start_provider(context, [(n, interaction(context, n)) for n in nums])


@S(r"a provider is started that returns the response from interaction (\d+), with the following changes:")
def provider_started_changed(context, n):
    req, resp = interaction(context, n)
    resp = resp.copy()
    row = table_rows(context.table)[0]
    for field, value in row.items():
        if field in ("response", "status"):
            resp.status = int(value)
        elif field in ("response headers", "headers"):
            # Added to the headers the response already has, as the reference does.
            resp.headers = resp.headers + support.parse_headers_cell(value)
        elif field in ("response body", "body"):
            resp.set_body(value)
    start_provider(context, [(int(n), (req, resp))])


# ---------------------------------------------------------------- pact files

def http_pact(context, n, states=(), pending=False, comments=()):
    """http_pact builds the pact of interaction n (consumer c_n, provider p)
    through the FFI and writes it; it returns (path, pact JSON)."""
    w = context.w
    n = int(n)
    req, resp = interaction(context, n)
    consumer = "c_%d" % n
    pact = new_pact(w, consumer, "p")
    i = support.add_http_interaction(w.lib, pact, "Interaction %d" % n, req, resp)
    for name, params in states:
        if params:
            rc = w.lib.pactffi_given_with_params(i, b(name), b(json.dumps(params)))
            check(rc == 0, "pactffi_given_with_params(%s) returned %d" % (name, rc))
        else:
            check(w.lib.pactffi_given(i, b(name)), "pactffi_given(%s) returned false" % name)
    if pending:
        check(w.lib.pactffi_set_pending(i, True), "pactffi_set_pending returned false")
    for kind, text in comments:
        if kind == "text":
            check(w.lib.pactffi_add_text_comment(i, b(text)), "pactffi_add_text_comment returned false")
        else:
            check(w.lib.pactffi_set_comment(i, b(kind), b(json.dumps(text))),
                  "pactffi_set_comment(%s) returned false" % kind)
    path = write_pact(w, pact, source_dir(context), consumer, "p")
    with open(path) as f:
        return path, json.load(f)


@S(r"a Pact file for interaction (\d+) is to be verified")
def pact_for(context, n):
    side(context).sources.append(http_pact(context, n)[0])


@S(r"a Pact file for interaction (\d+) is to be verified with a provider state " + STR + r" defined")
def pact_for_state(context, n, state):
    side(context).sources.append(http_pact(context, n, states=[(support.unescape(state), None)])[0])


@S(r"a Pact file for interaction (\d+) is to be verified with the following provider states defined:")
def pact_for_states(context, n):
    states = []
    for row in table_rows(context.table):
        params = json.loads(row["Parameters"]) if row.get("Parameters") else None
        states.append((row["State Name"], params))
    side(context).sources.append(http_pact(context, n, states=states)[0])


@S(r"a Pact file for interaction (\d+) is to be verified, but is marked pending")
def pact_for_pending(context, n):
    side(context).sources.append(http_pact(context, n, pending=True)[0])


@S(r"a Pact file for interaction (\d+) is to be verified with the following comments:")
def pact_for_comments(context, n):
    comments = [(row["type"], row["comment"]) for row in table_rows(context.table)]
    side(context).sources.append(http_pact(context, n, comments=comments)[0])


# ---------------------------------------------------------------- the broker

class BrokerMock:
    """BrokerMock is a libpact mock server playing the Pact Broker: the
    broker pact's interactions are described through the FFI builder functions
    (pact_ffi 0.5.8 has no mock server from pact JSON) and served by
    pactffi_create_mock_server_for_transport."""

    def __init__(self, w, pact_json):
        self.lib = w.lib
        pact = new_pact(w, pact_json["consumer"]["name"], pact_json["provider"]["name"], "V4")
        for i in pact_json["interactions"]:
            req, resp = part_from_json(i["request"]), part_from_json(i["response"])
            support.add_http_interaction(w.lib, pact, i["description"], req, resp)
        self.mock = support.MockServer(w.lib, pact)
        self.port = self.mock.port
        self.final = None

    def mismatches(self):
        if self.final is not None:
            return self.final
        return self.mock.mismatches()

    def cleanup(self):
        if self.final is None:
            self.final = self.mock.mismatches()
            self.mock.cleanup()


def part_from_json(doc):
    """part_from_json reads a V4 pact file's request or response into a Part."""
    p = Part()
    p.method = doc.get("method", "GET")
    p.path = doc.get("path", "/")
    p.status = doc.get("status", 200)
    for name, values in (doc.get("headers") or {}).items():
        for v in values if isinstance(values, list) else [values]:
            p.headers.append((name, v))
    body = doc.get("body")
    if body:
        content = body.get("content")
        ct = body.get("contentType") or "application/json"
        data = json.dumps(content) if not isinstance(content, str) else content
        p.body = support.Body(data.encode(), ct)
    p.rules = doc.get("matchingRules") or None
    p.generators = doc.get("generators") or None
    return p


def pact_fetch_interaction(n, pact_json):
    """pact_fetch_interaction is the broker interaction serving the pact of c_n
    with its publish link generated from the mock server URL (what the
    reference harness adds to the broker pact)."""
    href = "http://localhost:1234/pacts/provider/p/consumer/c_%d/verification-results" % n
    regex = ".*(\\/pacts\\/provider\\/p\\/consumer\\/c_%d\\/verification-results)" % n
    path = "$._links.pb:publish-verification-results.href"
    return {
        "type": "Synchronous/HTTP",
        "description": "a request for the pact of c_%d" % n,
        "pending": False,
        "request": {"method": "GET", "path": "/pacts/provider/p/consumer/c_%d" % n},
        "response": {
            "status": 200,
            "headers": {"content-type": ["application/json"]},
            "body": {"content": pact_json, "contentType": "application/json", "encoded": False},
            "matchingRules": {"body": {path: {"combine": "AND", "matchers": [{"match": "regex", "regex": regex}]}}},
            "generators": {"body": {path: {"type": "MockServerURL", "example": href, "regex": regex}}},
        },
    }


@S(r"a Pact file for interaction (\d+) is to be verified from a Pact broker")
def pact_from_broker(context, n):
    w = context.w
    n = int(n)
    _, pact_json = http_pact(context, n)
    pact_json["_links"] = {"pb:publish-verification-results": {
        "title": "Publish verification results",
        "href": "http://localhost:1234/pacts/provider/p/consumer/c_%d/verification-results" % n}}
    pact_json["interactions"][0]["_id"] = "ID%d" % n
    broker = json.loads(support.read_fixture("pact-broker_c%d.json" % n))
    broker["interactions"].append(pact_fetch_interaction(n, pact_json))
    mock = BrokerMock(w, broker)
    w.mocks.append(mock)
    side(context).brokers.append((mock, n))


@S(r"publishing of verification results is enabled")
def publishing_enabled(context):
    side(context).publish = True


def publish_requests(mock, n):
    """publish_requests reads a broker's mismatches into (missing, other): the
    publish interactions for c_n never received (their expected "success"
    values), and the unexpected or mismatched requests to a
    .../verification-results path."""
    suffix = "/pacts/provider/p/consumer/c_%d/verification-results" % n
    missing, other = [], []
    for m in mock.mismatches():
        if m.get("type") == "missing-request":
            req = m.get("request") or {}
            if req.get("path") == suffix:
                body = req.get("body")
                if isinstance(body, dict) and "content" in body and "contentType" in body:
                    body = body["content"]
                if isinstance(body, str):
                    try:
                        body = json.loads(body)
                    except ValueError:
                        pass
                missing.append(body.get("success") if isinstance(body, dict) else None)
        elif str(m.get("path", "")).endswith("/verification-results"):
            other.append(m)
    return missing, other


@S(r"a verification result will NOT be published back")
def not_published(context):
    s = side(context)
    check(s.brokers, "no Pact broker was started")
    for mock, n in s.brokers:
        missing, other = publish_requests(mock, n)
        check(not other, "the broker received unexpected verification results: %s" % support.brief(other))
        fixture = json.loads(support.read_fixture("pact-broker_c%d.json" % n))
        want = sum(1 for i in fixture["interactions"] if i["request"]["path"].endswith("/verification-results"))
        check(len(missing) == want, "verification results were published to broker c_%d (%d of %d publish "
              "interactions received): %s" % (n, want - len(missing), want, support.brief(mock.mismatches())))


def check_published(context, n, success):
    s = side(context)
    n = int(n)
    brokers = [m for m, k in s.brokers if k == n]
    check(brokers, "no Pact broker for interaction %d" % n)
    for mock in brokers:
        missing, other = publish_requests(mock, n)
        if success not in missing and not other:
            return
        raise StepError("Either no verification results was published, or it was incorrect: broker mismatches %s"
                        % support.brief(mock.mismatches()))


@S(r"a successful verification result will be published back for interaction \{(\d+)\}")
def published_ok(context, n):
    check_published(context, n, True)


@S(r"a failed verification result will be published back for the interaction \{(\d+)\}")
def published_failed(context, n):
    check_published(context, n, False)


# ---------------------------------------------------------------- provider states

@S(r"a provider state callback is configured")
def state_callback(context):
    s = side(context)
    s.state = StateCallback(fail=False)
    context.w.mocks.append(s.state)


@S(r"a provider state callback is configured, but will return a failure")
def state_callback_failing(context):
    s = side(context)
    s.state = StateCallback(fail=True)
    context.w.mocks.append(s.state)


def state_calls(context):
    s = side(context)
    check(s.state is not None, "no provider state callback was configured")
    return s.state


@S(r"the provider state callback will be called before the verification is run")
def state_called_before(context):
    st = state_calls(context)
    check(st.called("setup"), "Provider state callback was not called (calls: %s)" % st.calls)


@S(r"the provider state callback will be called after the verification is run")
def state_called_after(context):
    st = state_calls(context)
    check(st.called("teardown"), "Provider state callback teardown was not called (calls: %s)" % st.calls)


@S(r"the provider state callback will receive a setup call with " + STR + r" as the provider state parameter")
def state_setup_with(context, state):
    st = state_calls(context)
    state = support.unescape(state)
    check(st.called("setup", state), "Provider state callback was not called for state '%s' (calls: %s)" % (state, st.calls))


@S(r"the provider state callback will receive a teardown call " + STR + r" as the provider state parameter")
def state_teardown_with(context, state):
    st = state_calls(context)
    state = support.unescape(state)
    check(st.called("teardown", state),
          "Provider state teardown callback was not called for state '%s' (calls: %s)" % (state, st.calls))


def table_params(table):
    row = table.rows[0]
    return {h: json.loads(v) for h, v in zip(table.headings, row.cells)}


@S(r"the provider state callback will receive a setup call with " + STR + r" and the following parameters:")
def state_setup_params(context, state):
    st = state_calls(context)
    params = table_params(context.table)
    check(st.called("setup", support.unescape(state), params),
          "Provider state callback was not called for state '%s' with params %s (calls: %s)" % (state, params, st.calls))


@S(r"the provider state callback will receive a teardown call " + STR + r" and the following parameters:")
def state_teardown_params(context, state):
    st = state_calls(context)
    params = table_params(context.table)
    check(st.called("teardown", support.unescape(state), params),
          "Provider state callback was not called for state '%s' with params %s (calls: %s)" % (state, params, st.calls))


@S(r"the provider state callback will NOT receive a teardown call")
def state_no_teardown(context):
    st = state_calls(context)
    check(not st.called("teardown"), "Provider state callback teardown was called but was expecting no call: %s" % st.calls)


@S(r"a warning will be displayed that there was no provider state callback configured for provider state " + STR)
def no_state_warning(context, state):
    # The reference harness cannot check this (its state executor replaces the
    # one that logs the warning). Here the verifier ran without a state change
    # URL: its log (pactffi_verifier_logs), when it keeps one, must say so.
    s = side(context)
    check(s.state is None, "a provider state callback was configured")
    if s.logs.strip():
        check("no state change URL" in s.logs,
              "the verifier log has no warning about the missing state change URL: %s" % tail(s.logs))


# ---------------------------------------------------------------- request filter

@S(r"a request filter is configured to make the following changes:")
def request_filter(context):
    row = table_rows(context.table)[0]
    for field, value in row.items():
        if field == "headers":
            side(context).filter_headers.extend(support.parse_headers_cell(value))
        elif value:
            # The FFI has no request filter; only added headers can be
            # expressed (pactffi_verifier_add_custom_header).
            raise StepError("request filter change %r cannot be made through the FFI" % field)


@S(r"the request to the provider will contain the header " + STR)
def provider_got_header(context, header):
    s = side(context)
    name, _, value = support.unescape(header).partition(":")
    name, value = name.strip(), value.strip()
    check(s.proxy is not None and s.proxy.requests, "the provider received no request")
    for method, path, headers, _ in s.proxy.requests:
        got = [v for k, v in headers if k.lower() == name.lower()]
        check(got and got[0] == value, "Not all request to the provider contained the required header: %s %s had %s"
              % (method, path, headers))


# ---------------------------------------------------------------- running

@S(r"the verification is run")
def verification_run(context):
    w = context.w
    s = side(context)
    lib = w.lib
    check(s.provider_port is not None, "no provider was started")
    # pactffi_verifier_new, not _new_for_application: the latter adds
    # verifiedBy.clientLanguage to published results, which the suite's broker
    # pacts do not expect (the reference harness calls the verifier directly).
    h = lib.pactffi_verifier_new()
    check(h, "pactffi_verifier_new returned NULL: %s" % pactffi.last_error())
    try:
        lib.pactffi_verifier_set_provider_info(h, b"p", b"http", b"127.0.0.1", s.provider_port, b"/")
        lib.pactffi_verifier_set_coloured_output(h, 0)
        for path in s.sources:
            lib.pactffi_verifier_add_file_source(h, b(path))
        for mock, _ in s.brokers:
            rc = lib.pactffi_verifier_broker_source_with_selectors(
                h, b("http://127.0.0.1:%d" % mock.port), None, None, None, 0, None, None, 0, None, None, 0, None, 0)
            check(rc == 0, "pactffi_verifier_broker_source_with_selectors returned %d: %s" % (rc, pactffi.last_error()))
        if s.state is not None:
            lib.pactffi_verifier_set_provider_state(h, b("http://127.0.0.1:%d/" % s.state.port), 1, 1)
        if s.publish:
            rc = lib.pactffi_verifier_set_publish_options(h, b"1.2.3", None, None, 0, None)
            check(rc == 0, "pactffi_verifier_set_publish_options returned %d: %s" % (rc, pactffi.last_error()))
        for name, value in s.filter_headers:
            lib.pactffi_verifier_add_custom_header(h, b(name), b(value))
        s.rc = lib.pactffi_verifier_execute(h)
        raw = take_string(lib.pactffi_verifier_json(h))
        check(raw is not None, "pactffi_verifier_json returned NULL: %s" % pactffi.last_error())
        s.report = json.loads(raw)
        s.output = take_string(lib.pactffi_verifier_output(h, 1)) or ""
        s.logs = take_string(lib.pactffi_verifier_logs(h)) or ""
    finally:
        lib.pactffi_verifier_shutdown(h)
    check(s.rc in (0, 1), "pactffi_verifier_execute returned %s (execution failed): %s" % (s.rc, tail(s.output)))


def tail(text, n=25):
    lines = [l for l in (text or "").splitlines() if l.strip()]
    return " | ".join(lines[-n:])[:3000]


@S(r"the verification will be successful")
def verification_ok(context):
    s = side(context)
    check(s.rc == 0 and s.report.get("result") is True,
          "Verification failed (pactffi_verifier_execute returned %s): errors %s; output: %s"
          % (s.rc, support.brief(s.report.get("errors")), tail(s.output)))


@S(r"the verification will NOT be successful")
def verification_failed(context):
    s = side(context)
    check(s.rc == 1 and s.report.get("result") is False,
          "Was expecting the verification to fail (pactffi_verifier_execute returned %s)" % s.rc)


MISMATCH_ERRORS = {
    "StatusMismatch": "Response status did not match",
    "HeaderMismatch": "Headers had differences",
    "BodyMismatch": "Body had differences",
    "MetadataMismatch": "Metadata had differences",
}

ERROR_MESSAGES = {
    "State change request failed": "One or more of the setup state change handlers has failed",
}


def has_error(failures, err):
    """has_error: does a list of pactffi_verifier_json failures hold err, as the
    reference harness decides it (mismatch kind, or the error message)?"""
    for f in failures or []:
        m = f.get("mismatch") or {}
        if m.get("type") == "mismatches":
            if any(MISMATCH_ERRORS.get(x.get("type")) == err for x in m.get("mismatches") or []):
                return True
        elif m.get("type") == "error":
            if m.get("message") == ERROR_MESSAGES.get(err, err):
                return True
    return False


@S(r"the verification results will contain a " + STR + r" error")
def results_contain(context, err):
    s = side(context)
    err = support.unescape(err)
    check(has_error(s.report.get("errors"), err),
          "Did not find error message %r in verification results: %s" % (err, support.brief(s.report.get("errors"))))


@S(r"there will be a pending " + STR + r" error")
def pending_error(context, err):
    s = side(context)
    err = support.unescape(err)
    check(has_error(s.report.get("pendingErrors"), err),
          "Did not find %s in the pending errors: %s" % (err, support.brief(s.report.get("pendingErrors"))))


@S(r"the comment " + STR + r" will have been printed to the console")
def comment_printed(context, comment):
    s = side(context)
    comment = support.unescape(comment)
    check(any(comment in line for line in s.report.get("output") or []),
          "Did not find '%s' in the output: %s" % (comment, tail(s.output)))


@S(r"the " + STR + r" will displayed as the original test name")
def testname_printed(context, name):
    s = side(context)
    want = "Test Name: %s" % support.unescape(name)
    check(any(want in line for line in s.report.get("output") or []),
          "Did not find '%s' in the output: %s" % (want, tail(s.output)))
