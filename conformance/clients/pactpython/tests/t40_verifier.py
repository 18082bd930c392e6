"""Provider verification with pact-python's Verifier: pacts written by the
earlier tests (read back from this run's own output, so each library verifies
what it wrote) and a hand-written pact, against a small http.server provider
with a state handler, then against a broken provider."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from harness import Provider
from pact import Verifier

NAME = "verifier"

PACT = {
    "consumer": {"name": "py-verifier-consumer"},
    "provider": {"name": "py-verifier-provider"},
    "interactions": [
        {
            "description": "a request for an item",
            "providerStates": [{"name": "item 5 exists", "params": {"id": 5}}],
            "request": {"method": "GET", "path": "/items/5", "headers": {"Accept": "application/json"}},
            "response": {
                "status": 200,
                "headers": {"Content-Type": "application/json"},
                "body": {"id": 5, "name": "widget", "tags": ["a"], "price": 1.5},
                "matchingRules": {
                    "body": {
                        "$.name": {"matchers": [{"match": "type"}]},
                        "$.tags": {"matchers": [{"match": "type", "min": 1}]},
                        "$.price": {"matchers": [{"match": "decimal"}]},
                    }
                },
            },
        },
        {
            "description": "a search",
            "request": {"method": "GET", "path": "/items", "query": {"q": ["wid"]}},
            "response": {
                "status": 200,
                "body": [{"id": 5}],
                "headers": {"Content-Type": "application/json"},
                "matchingRules": {"body": {"$": {"matchers": [{"match": "type", "min": 1}]}, "$[*].id": {"matchers": [{"match": "integer"}]}}},
            },
        },
        {
            "description": "a create",
            "request": {"method": "POST", "path": "/items", "headers": {"Content-Type": "application/json"}, "body": {"name": "new"}},
            "response": {"status": 201, "headers": {"Location": "/items/6"},
                         "matchingRules": {"header": {"Location": {"matchers": [{"match": "regex", "regex": "/items/\\d+"}]}}}},
        },
    ],
    "metadata": {"pactSpecification": {"version": "3.0.0"}},
}


def good(method, path, headers, body):
    if method == "GET" and path == "/items/5":
        return 200, {}, {"id": 5, "name": "gadget", "tags": ["x", "y"], "price": 2.25}
    if method == "GET" and path.startswith("/items?"):
        return 200, {}, [{"id": 5}, {"id": 9}]
    if method == "POST" and path == "/items":
        return 201, {"Location": "/items/12"}, b""
    return 404, {}, b""


def broken(method, path, headers, body):
    if method == "GET" and path == "/items/5":
        return 200, {}, {"id": "5", "name": 3, "tags": [], "price": 2}
    if method == "GET" and path.startswith("/items?"):
        return 500, {"Content-Type": "text/plain"}, "boom"
    if method == "POST" and path == "/items":
        return 201, {"Location": "/things/x"}, b""
    return 404, {}, b""


def verify(h, provider_fn, pact_file: Path, provider_name: str, states: list | None):
    with Provider(provider_fn) as prov:
        v = Verifier(provider_name, host="127.0.0.1").add_transport(url=prov.url)
        v.add_source(pact_file)
        if states is not None:
            v.state_handler(lambda state, action, parameters: states.append([state, action, parameters]), teardown=True)
        ok = True
        err = None
        try:
            v.verify()
        except Exception as e:  # noqa: BLE001
            ok = False
            err = f"{type(e).__name__}: {e}".replace(str(v._handle), "<handle>")
        return {"ok": ok, "error": err, "results": v.results, "output": v.output(strip_ansi=True)}


def run(h) -> None:
    d = h.pact_dir()
    f = d / "py-verifier-consumer-py-verifier-provider.json"
    f.write_text(json.dumps(PACT))
    states: list = []
    h.record("good provider", verify(h, good, f, "py-verifier-provider", states))
    h.record("state calls", states)
    h.record("broken provider", verify(h, broken, f, "py-verifier-provider", None))

    # The V4 pact consumer-v4-http wrote, verified against a provider that
    # answers it (this run's own file, so each library reads what it wrote).
    v4 = h.out / "pacts" / "consumer-v4-http" / "py-v4-consumer-py-v4-provider.json"
    if v4.exists():
        def v4prov(method, path, headers, body):
            if path.startswith("/users/7"):
                return 200, {}, {"id": 7, "token": "abcdefgh", "uuid": "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                                 "when": "2025-05-05T01:02:03", "score": 3, "roles": ["a", "b"]}
            if path == "/blobs/1":
                return 500, {}, b""
            if path == "/users/8":
                return 404, {}, b""
            if path == "/doc":
                return 200, {"Content-Type": "application/xml"}, "<a><b>2</b></a>"
            return 404, {}, b""
        st: list = []
        h.record("v4 pact", verify(h, v4prov, v4, "py-v4-provider", st))
        h.record("v4 state calls", st)
