"""The verifier on wrong responses, one interaction per kind of mismatch;
provider-state values injected through a state-change URL (ProviderState
generators); a state handler that fails."""

from __future__ import annotations

import json
import re
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

    # Request generators: the verifier sends generated values.
    gen = {
        "consumer": {"name": "py-rg-consumer"},
        "provider": {"name": "py-rg-provider"},
        "interactions": [{
            "type": "Synchronous/HTTP",
            "description": "a generated request",
            "request": {
                "method": "POST", "path": "/gen", "query": {"n": ["1"]}, "headers": {"X-Date": ["2000-01-01"], "Content-Type": ["application/json"]},
                "body": {"content": {"id": "x", "n": 0, "s": "s"}, "contentType": "application/json", "encoded": False},
                "generators": {
                    "query": {"n": {"type": "RandomInt", "min": 5, "max": 7}},
                    "header": {"X-Date": {"type": "Date", "format": "yyyy-MM-dd"}},
                    "body": {"$.id": {"type": "Uuid"}, "$.n": {"type": "RandomInt", "min": 1, "max": 3},
                             "$.s": {"type": "RandomString", "size": 4}},
                },
            },
            "response": {"status": 204},
        }],
        "metadata": {"pactSpecification": {"version": "4.0"}},
    }
    (d / "gen.json").write_text(json.dumps(gen))
    seen: list = []

    def gen_provider(method, path, headers, body):
        b = json.loads(body or b"{}")
        q = path.split("?", 1)[1] if "?" in path else ""
        n = int(q.split("=", 1)[1]) if q.startswith("n=") else None
        seen.append({
            "query n in 5..7": n is not None and 5 <= n <= 7,
            "date": bool(re.fullmatch(r"\d{4}-\d\d-\d\d", headers.get("X-Date") or "")) and headers.get("X-Date") != "2000-01-01",
            "uuid": bool(re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", str(b.get("id")))),
            "n in 1..3": isinstance(b.get("n"), int) and 1 <= b["n"] <= 3,
            "s size 4": isinstance(b.get("s"), str) and len(b["s"]) == 4,
        })
        return 204, {}, b""

    with Provider(gen_provider) as prov:
        v = Verifier("py-rg-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.add_source(d / "gen.json")
        h.record("request generators", verify(v))
        h.record("generated request", seen)

    # A state handler that fails.
    def failing(state, action, parameters):
        raise RuntimeError("database is down")

    with Provider(lambda *a: (200, {}, {"id": 1})) as prov:
        v = Verifier("py-ps-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.state_handler(failing)
        v.add_source(d / "ps.json")
        h.record("failing state handler", verify(v))
