"""Provider verification through libpact's verifier, against a provider served by a thread of this process."""

import json
import xml.etree.ElementTree as ET

import pytest

import libpact.match as match
from libpact import Consumer, PactError, Provider, Verifier
from libpact.verifier import main
from conftest import http
from provider import Provider as HttpProvider


@pytest.fixture
def pact_path(tmp_path):
    pact = Consumer("web").has_pact_with(Provider("users"), pact_dir=str(tmp_path), version="3.0")
    (pact.given("user 1 exists", id=1).upon_receiving("get user 1").with_request("GET", "/users/1")
         .will_respond_with(200, headers={"Content-Type": "application/json"},
                            body={"id": match.integer(1), "name": match.like("Ann")}))
    pact.upon_receiving("get user 2").with_request("GET", "/users/2").will_respond_with(404)
    with pact:
        http("GET", pact.uri + "/users/1")
        http("GET", pact.uri + "/users/2")
    return tmp_path / "web-users.json"


def test_verification_passes_with_state_endpoint_and_header(pact_path):
    with HttpProvider({"1": {"id": 5, "name": "Bob"}}) as prov, Verifier("users") as v:
        v.set_provider(prov.url).add_file_source(pact_path).set_state_change_url(prov.url + "/_pact/state")
        v.add_custom_header("X-Test", "yes")
        result = v.verify()
    assert result.ok, result.output
    assert "Verifying a pact between web and users" in result.output
    assert "has a matching body (OK)" in result.output
    assert result.json["result"] is True
    assert "\x1b[" not in json.dumps(result.json, ensure_ascii=False)  # no ANSI colours unless asked for
    assert sorted(r["description"] for r in result.json["interactionResults"]) == ["get user 1", "get user 2"]
    # "get user 2" has no provider state: the verifier calls the endpoint with an empty state for it.
    assert [s for s in prov.states if s["state"]] == [{"action": "setup", "params": {"id": 1},
                                                       "state": "user 1 exists"}]
    assert all(h.get("X-Test") == "yes" for h in prov.headers_seen)


def test_verification_fails_with_mismatch_text(pact_path):
    with HttpProvider({"1": {"id": "x"}}) as prov, Verifier("users") as v:
        v.set_provider(prov.url).add_directory_source(pact_path.parent)
        result = v.verify()
    assert result.code == 1
    assert "$.id -> Expected 'x' (String) to be an integer" in result.output
    assert "Actual map is missing the following keys: name" in result.output
    assert result.json["result"] is False


def test_in_process_state_handler_and_filter(pact_path):
    calls = []

    def state(name, action, **params):
        calls.append((name, action, params))

    with HttpProvider({"1": {"id": 1, "name": "A"}}) as prov, Verifier("users") as v:
        v.set_provider(prov.url).add_file_source(pact_path).set_state_handler(state, teardown=True)
        v.set_filter(description="user 1")
        result = v.verify()
    assert result.ok, result.output
    assert [r["description"] for r in result.json["interactionResults"]] == ["get user 1"]
    assert calls == [("user 1 exists", "setup", {"id": 1}), ("user 1 exists", "teardown", {"id": 1})]


def test_failing_state_handler_fails_verification(pact_path):
    def state(name, action, **params):
        raise RuntimeError("no database")

    with HttpProvider({"1": {"id": 1, "name": "A"}}) as prov, Verifier("users") as v:
        v.set_provider(prov.url).add_file_source(pact_path).set_state_handler(state)
        result = v.verify()
    assert result.code == 1
    assert "user 1 exists" in result.output


def test_missing_pact_file_is_an_error(tmp_path):
    with Verifier("users") as v:
        v.set_provider("http://127.0.0.1:9").add_file_source(tmp_path / "none.json")
        result = v.verify()
    assert result.code != 0
    assert "none.json" in result.output + json.dumps(result.json)


def test_verify_needs_provider_and_closed_verifier():
    v = Verifier("users")
    with pytest.raises(PactError, match="set_provider"):
        v.verify()
    with pytest.raises(ValueError):
        v.set_provider("not a url")
    v.close()
    v.close()
    with pytest.raises(PactError, match="closed"):
        v.add_file_source("x.json")


def test_cli_passes_and_writes_json_and_junit(pact_path, tmp_path, capsys):
    with HttpProvider({"1": {"id": 1, "name": "A"}}) as prov:
        rc = main(["--provider", "users", "--provider-base-url", prov.url, "--file", str(pact_path),
                   "--state-change-url", prov.url + "/_pact/state", "--json", str(tmp_path / "r.json"),
                   "--junit", str(tmp_path / "r.xml"), "--loglevel", "off"])
    assert rc == 0
    assert "Verifying a pact between web and users" in capsys.readouterr().out
    assert json.loads((tmp_path / "r.json").read_text())["result"] is True
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("2", "0")


def test_cli_fails_with_junit_failure(pact_path, tmp_path):
    with HttpProvider({"1": {"id": "x", "name": "A"}}) as prov:
        rc = main(["--provider", "users", "--provider-base-url", prov.url, "--dir", str(pact_path.parent),
                   "--filter-consumer", "web", "--junit", str(tmp_path / "r.xml")])
    assert rc == 1
    suite = ET.parse(tmp_path / "r.xml").getroot()
    assert suite.get("failures") == "1"
    failure = suite.find(".//failure")
    assert "$.id -> Expected 'x' (String) to be an integer" in failure.text


def test_cli_usage_errors(capsys):
    assert main(["--provider", "users", "--provider-base-url", "http://localhost:1"]) == 2
    assert "at least one pact source" in capsys.readouterr().err
    assert main(["--provider", "u", "--provider-base-url", "http://localhost:1", "--dir", ".", "--publish"]) == 2


def test_url_source_with_basic_auth(pact_path):
    """A pact fetched over HTTP with basic auth (the CLI's --url/--user/--password)."""
    import base64
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    data = pact_path.read_bytes()
    seen = []

    class Files(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            seen.append(self.headers.get("Authorization"))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    files = ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=files.serve_forever, daemon=True).start()
    try:
        with HttpProvider({"1": {"id": 1, "name": "A"}}) as prov:
            rc = main(["--provider", "users", "--provider-base-url", prov.url, "--url",
                       f"http://127.0.0.1:{files.server_address[1]}/pacts/web-users.json", "--user", "u",
                       "--password", "p", "--filter-no-state"])
    finally:
        files.shutdown()
        files.server_close()
    assert rc == 0
    assert seen and seen[0] == "Basic " + base64.b64encode(b"u:p").decode()


def test_broker_source_with_selectors_and_publishing(pact_path):
    """The CLI against a small fake Pact Broker: pacts for verification with selectors, results published."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    pact_doc = json.loads(pact_path.read_text())
    posts = {}

    class Broker(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _json(self, status, doc):
            data = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/hal+json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/":
                self._json(200, {"_links": {"pb:provider-pacts-for-verification": {
                    "href": base + "/pacts/provider/{provider}/for-verification", "templated": True}}})
            elif self.path == "/pacts/provider/users/for-verification":
                # A real broker answers GET here; the verifier POSTs to its self link.
                self._json(200, {"_links": {"self": {"href": base + self.path}}})
            elif self.path == "/pacts/1":
                self._json(200, {**pact_doc, "_links": {"pb:publish-verification-results": {
                    "href": base + "/pacts/1/verification-results"}}})
            else:
                self._json(404, {})

        def do_POST(self):  # noqa: N802
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            n = int(self.headers.get("Content-Length") or 0)
            posts[self.path] = json.loads(self.rfile.read(n) or b"{}")
            if self.path == "/pacts/provider/users/for-verification":
                self._json(200, {"_embedded": {"pacts": [{"shortDescription": "latest from main",
                                                          "verificationProperties": {"pending": False},
                                                          "_links": {"self": {"href": base + "/pacts/1"}}}]}})
            else:
                self._json(201, {})

    broker = ThreadingHTTPServer(("127.0.0.1", 0), Broker)
    threading.Thread(target=broker.serve_forever, daemon=True).start()
    try:
        with HttpProvider({"1": {"id": 1, "name": "A"}}) as prov:
            rc = main(["--provider", "users", "--provider-base-url", prov.url,
                       "--broker-url", f"http://127.0.0.1:{broker.server_address[1]}",
                       "--consumer-version-selectors", '{"mainBranch": true}', "--enable-pending",
                       "--publish", "--provider-version", "1.2.3"])
    finally:
        broker.shutdown()
        broker.server_close()
    assert rc == 0
    request = posts["/pacts/provider/users/for-verification"]
    assert request["consumerVersionSelectors"] == [{"mainBranch": True}]
    assert request["includePendingStatus"] is True
    results = posts["/pacts/1/verification-results"]
    assert results["success"] is True
    assert results["providerApplicationVersion"] == "1.2.3"
