"""The verifier on wrong responses, one interaction per kind of mismatch;
provider-state values injected through a state-change URL (ProviderState
generators); a state handler that fails."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from harness import Provider
from pact import Verifier

NAME = "verifier-responses"


def rules(**paths):
    return {"body": {p: {"matchers": m} for p, m in paths.items()}}


# description -> (expected response, actual (status, headers, body))
CASES = {
    "integer": ({"status": 200, "body": {"v": 1}, "matchingRules": rules(**{"$.v": [{"match": "integer"}]})},
                (200, {}, {"v": "1"})),
    "decimal": ({"status": 200, "body": {"v": 1.5}, "matchingRules": rules(**{"$.v": [{"match": "decimal"}]})},
                (200, {}, {"v": 1})),
    "regex": ({"status": 200, "body": {"v": "ab"}, "matchingRules": rules(**{"$.v": [{"match": "regex", "regex": "[a-z]+"}]})},
              (200, {}, {"v": "AB"})),
    "min": ({"status": 200, "body": {"v": [1, 2]}, "matchingRules": rules(**{"$.v": [{"match": "type", "min": 2}]})},
            (200, {}, {"v": [1]})),
    "equality": ({"status": 200, "body": {"v": "a"}}, (200, {}, {"v": "b", "extra": 1})),
    "missing key": ({"status": 200, "body": {"v": "a", "w": 1}}, (200, {}, {"v": "a"})),
    "timestamp": ({"status": 200, "body": {"v": "2024-01-02T03:04:05"},
                   "matchingRules": rules(**{"$.v": [{"match": "timestamp", "timestamp": "yyyy-MM-dd'T'HH:mm:ss"}]})},
                  (200, {}, {"v": "yesterday"})),
    "status class": ({"status": 200, "matchingRules": {"status": {"matchers": [{"match": "statusCode", "status": "success"}]}}},
                     (404, {}, b"")),
    "status": ({"status": 201}, (200, {}, b"")),
    "header value": ({"status": 200, "headers": {"X-V": "1", "Cache-Control": "no-cache, private"}},
                     (200, {"X-V": "2", "Cache-Control": "private"}, b"")),
    "header regex": ({"status": 200, "headers": {"Location": "/a/1"},
                      "matchingRules": {"header": {"Location": {"matchers": [{"match": "regex", "regex": "/a/\\d+"}]}}}},
                     (200, {"Location": "/b/x"}, b"")),
    "missing header": ({"status": 200, "headers": {"X-Need": "y"}}, (200, {}, b"")),
    "text body": ({"status": 200, "headers": {"Content-Type": "text/plain"}, "body": "hello"},
                  (200, {"Content-Type": "text/plain"}, "bye")),
    "empty body": ({"status": 200, "headers": {"Content-Type": "application/json"}, "body": {"a": 1}},
                   (200, {"Content-Type": "application/json"}, b"")),
    "xml body": ({"status": 200, "headers": {"Content-Type": "application/xml"}, "body": "<a><b>1</b></a>"},
                 (200, {"Content-Type": "application/xml"}, "<a><b>2</b><c/></a>")),
}


def verify(v: Verifier) -> dict:
    ok, err = True, None
    try:
        v.verify()
    except Exception as e:  # noqa: BLE001
        ok, err = False, type(e).__name__
    return {"ok": ok, "error": err, "results": v.results, "output": v.output(strip_ansi=True)}


def run(h) -> None:
    d = h.pact_dir()
    pact = {
        "consumer": {"name": "py-vr-consumer"},
        "provider": {"name": "py-vr-provider"},
        "interactions": [
            {"description": name, "request": {"method": "GET", "path": "/" + name.replace(" ", "-")}, "response": resp}
            for name, (resp, _) in CASES.items()
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}},
    }
    (d / "vr.json").write_text(json.dumps(pact))

    def provider(method, path, headers, body):
        for name, (_, actual) in CASES.items():
            if path == "/" + name.replace(" ", "-"):
                return actual
        return 404, {}, b""

    with Provider(provider) as prov:
        v = Verifier("py-vr-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.add_source(d / "vr.json")
        h.record("wrong responses", verify(v))

    # Provider-state values: a state-change URL answers with JSON values that
    # ProviderState generators put in the request.
    ps = {
        "consumer": {"name": "py-ps-consumer"},
        "provider": {"name": "py-ps-provider"},
        "interactions": [{
            "description": "an item by id",
            "providerStates": [{"name": "an item exists", "params": {"name": "widget"}}],
            "request": {
                "method": "GET", "path": "/items/1", "headers": {"X-Name": "x"}, "query": {"q": ["1"]},
                "generators": {
                    "path": {"type": "ProviderState", "expression": "/items/${id}"},
                    "header": {"X-Name": {"type": "ProviderState", "expression": "${name}"}},
                    "query": {"q": {"type": "ProviderState", "expression": "${id}"}},
                },
            },
            "response": {"status": 200, "body": {"id": 1},
                         "matchingRules": {"body": {"$.id": {"matchers": [{"match": "integer"}]}}}},
        }],
        "metadata": {"pactSpecification": {"version": "3.0.0"}},
    }
    (d / "ps.json").write_text(json.dumps(ps))
    calls: list = []

    def state_and_provider(method, path, headers, body):
        if path.startswith("/_state"):
            calls.append(["state", method, path, json.loads(body or b"null")])
            return 200, {}, {"id": 42}
        calls.append(["request", method, path, headers.get("X-Name")])
        return 200, {}, {"id": 42}

    with Provider(state_and_provider) as prov:
        v = Verifier("py-ps-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.state_handler(prov.url + "/_state", body=True)
        v.add_source(d / "ps.json")
        h.record("provider state values", verify(v))
        h.record("provider state calls", calls)

    # A state handler that fails.
    def failing(state, action, parameters):
        raise RuntimeError("database is down")

    with Provider(lambda *a: (200, {}, {"id": 1})) as prov:
        v = Verifier("py-ps-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.state_handler(failing)
        v.add_source(d / "ps.json")
        h.record("failing state handler", verify(v))
