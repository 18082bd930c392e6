"""The pytest plugin's pact_verifier fixture (pactman's style) and the pact-verifier command, each run in a fresh
Python process."""

import json
import subprocess
import sys

import libpact.match as match
from libpact import Consumer, Provider
from conftest import http
from provider import Provider as HttpProvider

PROVIDER_TEST = '''
import json, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import pytest

USERS = {}

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass
    def do_GET(self):
        user = USERS.get(self.path.rsplit("/", 1)[-1])
        data = json.dumps(user).encode() if user else b""
        self.send_response(200 if user else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

@pytest.fixture(scope="module")
def live_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield "http://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()

def provider_state(name, action, **params):
    if name == "user exists" and action == "setup":
        USERS[str(params["id"])] = {"id": params["id"], "name": NAME}
    elif action == "teardown":
        USERS.clear()

def test_pacts(live_server, pact_verifier):
    pact_verifier.verify(live_server, provider_state)
'''


def write_pact(directory):
    pact = Consumer("web").has_pact_with(Provider("users"), pact_dir=str(directory))
    (pact.given("user exists", id=1).upon_receiving("get user 1").with_request("GET", "/users/1")
         .will_respond_with(200, body={"id": match.integer(1), "name": match.like("Ann")}))
    pact.upon_receiving("get a missing user").with_request("GET", "/users/9").will_respond_with(404)
    with pact:
        http("GET", pact.uri + "/users/1")
        http("GET", pact.uri + "/users/9")
    return directory / "web-users.json"


def test_pact_verifier_fixture_one_test_per_interaction(pytester, tmp_path):
    path = write_pact(tmp_path)
    pytester.makepyfile(PROVIDER_TEST.replace("NAME", '"Bob"'))
    result = pytester.runpytest_subprocess("-v", f"--pact-files={path}", "--pact-provider-name=users")
    result.assert_outcomes(passed=2)
    # A V3 pact keeps the order the interactions were defined in (as
    # pact_models writes it), and the verifier runs them in that order.
    result.stdout.fnmatch_lines(["*test_pacts*web:get user 1* PASSED*", "*test_pacts*web:get a missing user* PASSED*"])


def test_pact_verifier_fixture_reports_mismatches(pytester, tmp_path):
    path = write_pact(tmp_path)
    pytester.makepyfile(PROVIDER_TEST.replace("NAME", "42"))  # name should be a string
    result = pytester.runpytest_subprocess(f"--pact-files={path}")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*pact verification failed (web:get user 1)*",
                                 "*$.name -> Expected 42 (Integer) to be the same type as 'Ann' (String)*"])


def test_pact_verifier_command_in_a_subprocess(tmp_path):
    path = write_pact(tmp_path)
    with HttpProvider({"1": {"id": 1, "name": "A"}}) as prov:
        proc = subprocess.run([sys.executable, "-m", "libpact.verifier", "--provider", "users",
                               "--provider-base-url", prov.url, "--file", str(path), "--json", "-",
                               "--filter-description", "get user 1"],
                              capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Verifying a pact between web and users" in proc.stdout
    assert '"result": true' in proc.stdout
