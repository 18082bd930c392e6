"""support: what the compatibility-suite steps share — fixtures, bodies, the HTTP
client that plays the consumer, building interactions through the FFI, and reading
written pact files back through the FFI model functions.

Example::

    body = support.Body.parse("file: basic.json")
    body.content_type  # 'application/json'
"""

import http.client
import json
import os
import re
import xml.etree.ElementTree as ET
from urllib.parse import quote

import pactffi
from pactffi import b, take_string, borrow_bytes


def conformance_dir():
    """conformance_dir is $PACT_CONFORMANCE_DIR or ../shared/conformance from the repo root."""
    env = os.environ.get("PACT_CONFORMANCE_DIR")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    return os.path.normpath(os.path.join(here, "..", "..", "..", "shared", "conformance"))


def fixture_path(name):
    return os.path.join(conformance_dir(), "compatibility-suite", "fixtures", name)


def read_fixture(name):
    with open(fixture_path(name), "rb") as f:
        return f.read()


class StepError(AssertionError):
    """StepError is a failed expectation, with the observed and expected values."""


def unescape(text):
    """unescape applies the cucumber {string} rule: \\" becomes "."""
    return text.replace('\\"', '"').replace("\\'", "'")


# ---------------------------------------------------------------- bodies

class Body:
    """Body is one body cell of a feature table: its bytes and content type."""

    def __init__(self, content, content_type):
        self.content = content
        self.content_type = content_type

    def text(self):
        return self.content.decode("utf-8")

    def is_binary(self):
        """is_binary: bytes that are not UTF-8 text go through pactffi_with_binary_body."""
        try:
            self.content.decode("utf-8")
            return False
        except UnicodeDecodeError:
            return True

    @staticmethod
    def parse(cell, content_type=None, current=None):
        """parse reads a table cell: 'JSON: ...', 'XML: ...', 'file: name',
        'EMPTY' or plain text (the suite's README rules). current is the content
        type the part already has (used for plain text)."""
        cell = cell or ""
        if cell.startswith("JSON:"):
            return Body(cell[len("JSON:"):].strip().encode(), content_type or "application/json")
        if cell.startswith("XML:"):
            return Body(cell[len("XML:"):].strip().encode(), content_type or "application/xml")
        if cell.startswith("file:"):
            name = cell[len("file:"):].strip()
            if name.endswith("-body.xml"):
                return Body.from_descriptor(name)
            ct = content_type or content_type_for(name, current)
            return Body(read_fixture(name), ct)
        text = "" if cell == "EMPTY" else cell
        return Body(text.encode(), content_type or current or "text/plain")

    @staticmethod
    def from_descriptor(name):
        """from_descriptor loads a *-body.xml fixture (<body><contentType/><contents/></body>)."""
        root = ET.fromstring(read_fixture(name))
        ct_el = root.find("contentType")
        ct = ct_el.text.strip() if ct_el is not None and ct_el.text else "text/plain"
        contents = root.find("contents")
        text = ""
        if contents is not None:
            text = (contents.text or "").strip()
            if contents.get("eol") == "CRLF":
                text = text.replace("\n", "\r\n")
            if contents.get("encoding") == "base64":
                import base64
                return Body(base64.b64decode(text), ct)
        return Body(text.encode(), ct)


def content_type_for(name, current=None):
    if name.endswith(".json"):
        return "application/json"
    if name.endswith(".xml"):
        return "application/xml"
    if name.endswith(".jpg"):
        return "image/jpeg"
    if name.endswith(".pdf"):
        return "application/pdf"
    return current or "text/plain"


def parse_headers_cell(cell):
    """parse_headers_cell reads "'X-A: 1', 'X-B: 2'" into [(name, value)]."""
    out = []
    if not cell:
        return out
    for part in cell.split(","):
        part = part.strip()
        if part.startswith("'"):
            part = part[1:]
        if part.endswith("'"):
            part = part[:-1]
        name, _, value = part.partition(":")
        out.append((name.strip(), value.strip()))
    return out


def parse_query(query):
    """parse_query reads 'a=1&b=2&a=3' into [(name, value)] in order."""
    out = []
    if not query:
        return out
    for part in query.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        out.append((name, value))
    return out


def query_map(query):
    """query_map groups parse_query into {name: [values]}."""
    m = {}
    for name, value in parse_query(query):
        m.setdefault(name, []).append(value)
    return m


# ---------------------------------------------------------------- HTTP parts

class Part:
    """Part is a request or response described by a feature: method, path,
    query string, headers [(name, value)], body (Body or None), status,
    matching rules JSON and generators JSON."""

    def __init__(self):
        self.method = "GET"
        self.path = "/"
        self.query = ""
        self.headers = []
        self.body = None
        self.status = 200
        self.rules = None
        self.generators = None

    def copy(self):
        p = Part()
        p.__dict__.update({k: (list(v) if isinstance(v, list) else v) for k, v in self.__dict__.items()})
        return p

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def set_body(self, cell, content_type=None):
        """set_body applies a body cell, adding the content-type header like the
        reference harness does (unless the part already has one)."""
        if not cell:
            return
        body = Body.parse(cell, content_type, self.header("content-type"))
        self.body = body
        self.headers = [(k, v) for k, v in self.headers if k.lower() != "content-type"]
        self.headers.append(("Content-Type", body.content_type))


def load_json_cell(cell):
    """load_json_cell reads 'JSON: {...}' or a fixture file name into a JSON value."""
    if cell.startswith("JSON:"):
        return json.loads(cell[len("JSON:"):].strip())
    return json.loads(read_fixture(cell.strip()))


def check(ok, message):
    if not ok:
        raise StepError(message)


def add_http_interaction(lib, pact, description, req, resp=None):
    """add_http_interaction describes req/resp on a new interaction of pact, the
    way pact-python/pact-js do. Every call's result is checked; a false return
    is reported with the function name."""
    i = lib.pactffi_new_interaction(pact, b(description))
    check(i != 0, "pactffi_new_interaction returned 0")
    check(lib.pactffi_with_request(i, b(req.method), b(req.path)),
          "pactffi_with_request(%s, %s) returned false" % (req.method, req.path))
    counts = {}
    for name, value in parse_query(req.query):
        idx = counts.get(name, 0)
        counts[name] = idx + 1
        check(lib.pactffi_with_query_parameter_v2(i, b(name), idx, b(value)),
              "pactffi_with_query_parameter_v2(%s) returned false" % name)
    _add_headers(lib, i, pactffi.REQUEST, req.headers)
    if req.body is not None:
        _add_body(lib, i, pactffi.REQUEST, req.body)
    if req.rules is not None:
        check(lib.pactffi_with_matching_rules(i, pactffi.REQUEST, b(json.dumps(req.rules))),
              "pactffi_with_matching_rules(Request) returned false")
    if req.generators is not None:
        check(lib.pactffi_with_generators(i, pactffi.REQUEST, b(json.dumps(req.generators))),
              "pactffi_with_generators(Request) returned false")
    resp = resp or Part()
    check(lib.pactffi_response_status_v2(i, b(str(resp.status))),
          "pactffi_response_status_v2(%s) returned false" % resp.status)
    _add_headers(lib, i, pactffi.RESPONSE, resp.headers)
    if resp.body is not None:
        _add_body(lib, i, pactffi.RESPONSE, resp.body)
    if resp.rules is not None:
        check(lib.pactffi_with_matching_rules(i, pactffi.RESPONSE, b(json.dumps(resp.rules))),
              "pactffi_with_matching_rules(Response) returned false")
    if resp.generators is not None:
        check(lib.pactffi_with_generators(i, pactffi.RESPONSE, b(json.dumps(resp.generators))),
              "pactffi_with_generators(Response) returned false")
    return i


def _add_headers(lib, i, part, headers):
    counts = {}
    for name, value in headers:
        idx = counts.get(name.lower(), 0)
        counts[name.lower()] = idx + 1
        check(lib.pactffi_with_header_v2(i, part, b(name), idx, b(value)),
              "pactffi_with_header_v2(%s) returned false" % name)


def _add_body(lib, i, part, body):
    if body.is_binary():
        buf = body.content
        check(lib.pactffi_with_binary_body(i, part, b(body.content_type), buf, len(buf)),
              "pactffi_with_binary_body(%s) returned false" % body.content_type)
    else:
        check(lib.pactffi_with_body(i, part, b(body.content_type), body.content),
              "pactffi_with_body(%s) returned false" % body.content_type)


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def send(port, req, raw_headers=None):
    """send makes req to the mock server on 127.0.0.1:port, as the consumer code
    under test would; raw_headers are extra header lines sent as they are."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        url = quote(req.path, safe="/%:@!$&'()*+,;=-._~")
        if req.query:
            url += "?" + req.query
        conn.putrequest(req.method, url, skip_accept_encoding=True)
        for name, value in req.headers:
            conn.putheader(name, value)
        for name, value in raw_headers or []:
            conn.putheader(name, value)
        data = req.body.content if req.body is not None else None
        if data is not None:
            conn.putheader("Content-Length", str(len(data)))
        conn.endheaders(data if data else None)
        r = conn.getresponse()
        body = r.read()
        return Response(r.status, r.getheaders(), body)
    finally:
        conn.close()


# ---------------------------------------------------------------- mock server

class MockServer:
    """MockServer is one running mock server, identified by its port."""

    def __init__(self, lib, pact, transport="http"):
        self.lib = lib
        self.port = lib.pactffi_create_mock_server_for_transport(pact, b"127.0.0.1", 0, b(transport), None)
        check(self.port > 0, "pactffi_create_mock_server_for_transport returned %d" % self.port)
        self.closed = False
        self.final_mismatches = None
        self.final_matched = None

    def matched(self):
        if self.closed:
            return self.final_matched
        return bool(self.lib.pactffi_mock_server_matched(self.port))

    def mismatches(self):
        """mismatches is the parsed pactffi_mock_server_mismatches JSON (a list)."""
        if self.closed:
            return self.final_mismatches
        raw = pactffi.borrow_string(self.lib.pactffi_mock_server_mismatches(self.port))
        check(raw is not None, "pactffi_mock_server_mismatches(%d) returned NULL" % self.port)
        try:
            return json.loads(raw)
        except ValueError as e:
            raise StepError("pactffi_mock_server_mismatches returned invalid JSON (%s): %r" % (e, raw))

    def finish(self, directory=None):
        """finish ends the test: records the result, writes the pact file when
        all requests matched (as pact-python does), and cleans up."""
        if self.closed:
            return None
        self.final_matched = self.matched()
        self.final_mismatches = self.mismatches()
        rc = None
        if self.final_matched and directory:
            rc = self.lib.pactffi_write_pact_file(self.port, b(directory), True)
        self.cleanup()
        return rc

    def cleanup(self):
        if not self.closed:
            self.lib.pactffi_cleanup_mock_server(self.port)
            self.closed = True


def brief(value, limit=60):
    """brief renders mismatches JSON for an error message, cutting long strings
    (binary bodies) to limit characters."""
    def cut(v):
        if isinstance(v, str) and len(v) > limit:
            return v[:limit] + "...(%d chars)" % len(v)
        if isinstance(v, list):
            return [cut(x) for x in v]
        if isinstance(v, dict):
            return {k: cut(x) for k, x in v.items()}
        return v
    return json.dumps(cut(value))[:3000]


def describe_mismatch(m):
    """describe_mismatch renders a mismatch JSON object as pact_matching's
    Mismatch::description() does."""
    t = m.get("type", "")
    if t == "BodyMismatch":
        return "%s -> %s" % (m.get("path"), m.get("mismatch"))
    if t == "BodyTypeMismatch":
        return "Expected a body of '%s' but the actual content type was '%s'" % (m.get("expected"), m.get("actual"))
    if t == "MethodMismatch" and not m.get("mismatch"):
        return "expected %s but was %s" % (m.get("expected"), m.get("actual"))
    return m.get("mismatch") or ""


def request_mismatches(results):
    """request_mismatches flattens the 'mismatches' of every request-mismatch entry."""
    out = []
    for r in results:
        if r.get("type") == "request-mismatch":
            out.extend(r.get("mismatches") or [])
    return out


def mismatch_key(m):
    t = m.get("type")
    if t == "QueryMismatch":
        return m.get("parameter")
    if t in ("HeaderMismatch", "MetadataMismatch"):
        return m.get("key")
    if t == "BodyMismatch":
        return m.get("path")
    return None


# ---------------------------------------------------------------- reading pacts

class PactFile:
    """PactFile is a written pact file: its JSON, and the FFI model parsed from it
    with pactffi_parse_pact_json (released by close)."""

    def __init__(self, lib, path):
        self.lib = lib
        self.path = path
        with open(path, "rb") as f:
            self.raw = f.read()
        self.json = json.loads(self.raw)
        self.model = lib.pactffi_parse_pact_json(self.raw)
        check(self.model, "pactffi_parse_pact_json returned NULL for %s: %s" % (path, pactffi.last_error()))

    def close(self):
        for it in getattr(self, "_iters", []):
            self.lib.pactffi_pact_interaction_iter_delete(it)
        self._iters = []
        if self.model:
            self.lib.pactffi_pact_model_delete(self.model)
            self.model = None

    def spec(self):
        return pactffi.SPEC_NAMES.get(self.lib.pactffi_pact_spec_version(self.model), "?")

    def interactions(self):
        """interactions lists the borrowed PactInteraction pointers, in file order,
        through pactffi_pact_model_interaction_iterator. The iterator is kept
        alive with the PactFile (the items are owned by it)."""
        it = self.lib.pactffi_pact_model_interaction_iterator(self.model)
        check(it, "pactffi_pact_model_interaction_iterator returned NULL")
        out = []
        while True:
            p = self.lib.pactffi_pact_interaction_iter_next(it)
            if not p:
                break
            out.append(p)
        self._iters = getattr(self, "_iters", []) + [it]
        return out

    def json_interactions(self):
        return self.json.get("interactions") or self.json.get("messages") or []


def provider_states(lib, iter_ptr):
    """provider_states reads a ProviderStateIterator into [(name, {params})]."""
    check(iter_ptr, "provider state iterator is NULL")
    out = []
    try:
        while True:
            ps = lib.pactffi_provider_state_iter_next(iter_ptr)
            if not ps:
                break
            name = take_string(lib.pactffi_provider_state_get_name(ps))
            params = {}
            pit = lib.pactffi_provider_state_get_param_iter(ps)
            if pit:
                while True:
                    pair = lib.pactffi_provider_state_param_iter_next(pit)
                    if not pair:
                        break
                    k = pair.contents.key.decode() if pair.contents.key else None
                    v = pair.contents.value.decode() if pair.contents.value else None
                    params[k] = json.loads(v) if v is not None else None
                    lib.pactffi_provider_state_param_pair_delete(pair)
                lib.pactffi_provider_state_param_iter_delete(pit)
            out.append((name, params))
    finally:
        lib.pactffi_provider_state_iter_delete(iter_ptr)
    return out


def contents_metadata(lib, contents):
    """contents_metadata reads a MessageContents' metadata through
    pactffi_message_contents_get_metadata_iter into {key: value-string}."""
    out = {}
    it = lib.pactffi_message_contents_get_metadata_iter(contents)
    check(it, "pactffi_message_contents_get_metadata_iter returned NULL")
    try:
        while True:
            pair = lib.pactffi_message_metadata_iter_next(it)
            if not pair:
                break
            k = pair.contents.key.decode() if pair.contents.key else None
            v = pair.contents.value.decode() if pair.contents.value else None
            out[k] = v
            lib.pactffi_message_metadata_pair_delete(pair)
    finally:
        lib.pactffi_message_metadata_iter_delete(it)
    return out


def contents_bytes(lib, contents):
    n = lib.pactffi_message_contents_get_contents_length(contents)
    return borrow_bytes(lib.pactffi_message_contents_get_contents_bin(contents), n)


def same_body(actual, expected, content_type):
    """same_body compares bodies: JSON by value, anything else byte for byte."""
    if actual is None:
        return False
    if content_type and "json" in content_type:
        try:
            return json.loads(actual) == json.loads(expected)
        except ValueError:
            return False
    return actual == expected


# ---------------------------------------------------------------- value checks

VALUE_TYPES = {
    "integer": r"\d+",
    "decimal number": r"\d+\.\d+",
    "hexadecimal number": r"[a-fA-F0-9]+",
    "date": r"\d{4}-\d{2}-\d{2}",
    "time": r"\d{2}:\d{2}:\d{2}",
    "date-time": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,9}",
}

UUID_FORMATS = {
    "UUID": r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$",
    "simple UUID": r"^[0-9a-f]{32}$",
    "lower-case-hyphenated UUID": r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
    "upper-case-hyphenated UUID": r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$",
    "URN UUID": r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
}


def json_to_string(v):
    if isinstance(v, str):
        return v
    return json.dumps(v)


def assert_value_type(value_type, element):
    """assert_value_type checks a generated value as the reference harness does
    (regex search on its string form); UUID formats are checked exactly."""
    s = json_to_string(element)
    if value_type in VALUE_TYPES:
        check(re.search(VALUE_TYPES[value_type], s), "Was expecting a %s, but got %r" % (value_type, element))
    elif value_type == "random string":
        check(isinstance(element, str), "Was expecting a string, but got %r" % (element,))
    elif value_type == "string from the regex":
        check(isinstance(element, str) and re.search(r"\d{1,8}", s),
              "Was expecting a string matching \\d{1,8}, but got %r" % (element,))
    elif value_type in UUID_FORMATS:
        check(re.match(UUID_FORMATS[value_type], s), "Was expecting a %s, but got %r" % (value_type, element))
    elif value_type == "boolean":
        check(s in ("true", "false"), "Was expecting a boolean, but got %r" % (element,))
    else:
        raise StepError("Invalid type: %s" % value_type)


def json_pointer_get(doc, path):
    """json_pointer_get reads a simple '$.a.b[0]' path from a JSON document."""
    cur = doc
    for tok in re.findall(r"\.([^.\[\]]+)|\[(\d+)\]|\['([^']+)'\]", path[1:] if path.startswith("$") else path):
        key = tok[0] or tok[2]
        if key:
            check(isinstance(cur, dict) and key in cur, "no value at %s in %r" % (path, doc))
            cur = cur[key]
        else:
            idx = int(tok[1])
            check(isinstance(cur, list) and idx < len(cur), "no value at %s in %r" % (path, doc))
            cur = cur[idx]
    return cur


def json_pointer_set(doc, path, value):
    toks = re.findall(r"\.([^.\[\]]+)|\[(\d+)\]|\['([^']+)'\]", path[1:] if path.startswith("$") else path)
    if not toks:
        return value
    cur = doc
    for tok in toks[:-1]:
        key = tok[0] or tok[2]
        cur = cur[key] if key else cur[int(tok[1])]
    last = toks[-1]
    key = last[0] or last[2]
    if key:
        cur[key] = value
    else:
        cur[int(last[1])] = value
    return doc
