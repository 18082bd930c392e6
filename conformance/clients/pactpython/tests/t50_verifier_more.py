"""More of pact-python's Verifier: message pacts verified through its message
handler (a good and a wrong message), a V4 pact with a pending interaction,
a filter, custom headers, and a pact directory as the source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))

from harness import Provider
from pact import Verifier

NAME = "verifier-more"

MESSAGES = {
    "consumer": {"name": "py-vmsg-consumer"},
    "provider": {"name": "py-vmsg-provider"},
    "messages": [
        {
            "description": "an order event",
            "providerStates": [{"name": "an order exists"}],
            "contents": {"id": 1, "sku": "s1", "lines": [{"n": 1}]},
            "metadata": {"contentType": "application/json", "topic": "orders"},
            "matchingRules": {
                "body": {"$.id": {"matchers": [{"match": "integer"}]}, "$.sku": {"matchers": [{"match": "regex", "regex": "s\\d+"}]},
                         "$.lines": {"matchers": [{"match": "type", "min": 1}]}},
                "metadata": {"topic": {"matchers": [{"match": "regex", "regex": "orders|items"}]}},
            },
        },
        {
            "description": "a text event",
            "contents": "hello",
            "metadata": {"contentType": "text/plain"},
        },
    ],
    "metadata": {"pactSpecification": {"version": "3.0.0"}},
}

V4 = {
    "consumer": {"name": "py-v4v-consumer"},
    "provider": {"name": "py-v4v-provider"},
    "interactions": [
        {
            "type": "Synchronous/HTTP",
            "description": "a pending thing",
            "pending": True,
            "request": {"method": "GET", "path": "/pending"},
            "response": {"status": 200, "body": {"content": {"ok": True}, "contentType": "application/json", "encoded": False},
                         "headers": {"Content-Type": ["application/json"]}},
        },
        {
            "type": "Synchronous/HTTP",
            "description": "a header check",
            "request": {"method": "GET", "path": "/auth", "headers": {"Authorization": ["Bearer t"]}},
            "response": {"status": 200, "matchingRules": {"status": {"matchers": [{"match": "statusCode", "status": "success"}]}}},
        },
        {
            "type": "Asynchronous/Messages",
            "description": "a v4 event",
            "contents": {"content": {"n": 1}, "contentType": "application/json", "encoded": False},
            "matchingRules": {"body": {"$.n": {"combine": "AND", "matchers": [{"match": "integer"}]}}},
        },
    ],
    "metadata": {"pactSpecification": {"version": "4.0"}},
}


def verify(v: Verifier) -> dict:
    ok, err = True, None
    try:
        v.verify()
    except Exception as e:  # noqa: BLE001
        ok, err = False, type(e).__name__
    return {"ok": ok, "error": err, "results": v.results, "output": v.output(strip_ansi=True)}


def run(h) -> None:
    d = h.pact_dir("messages")
    (d / "m.json").write_text(json.dumps(MESSAGES))

    good = {
        "an order event": {"contents": json.dumps({"id": 7, "sku": "s42", "lines": [{"n": 1}, {"n": 2}]}).encode(),
                           "metadata": {"topic": "orders"}, "content_type": "application/json"},
        "a text event": {"contents": b"hello", "metadata": None, "content_type": "text/plain"},
    }
    bad = {
        "an order event": {"contents": json.dumps({"id": "7", "sku": "x", "lines": []}).encode(),
                           "metadata": {"topic": "users"}, "content_type": "application/json"},
        "a text event": {"contents": b"goodbye", "metadata": None, "content_type": "text/plain"},
    }
    for name, handler in (("good messages", good), ("wrong messages", bad)):
        v = Verifier("py-vmsg-provider", host="127.0.0.1").message_handler(handler)
        v.add_source(d / "m.json")
        h.record(name, verify(v))

    d4 = h.pact_dir("v4")
    (d4 / "v4.json").write_text(json.dumps(V4))
    seen: list = []

    def provider(method, path, headers, body):
        seen.append([method, path, headers.get("Authorization"), headers.get("X-Extra")])
        if path == "/pending":
            return 500, {}, b""
        if path == "/auth":
            return (204 if headers.get("Authorization") == "Bearer t" else 401), {}, b""
        return 404, {}, b""

    with Provider(provider) as prov:
        v = Verifier("py-v4v-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.message_handler({"a v4 event": {"contents": b'{"n": 2}', "metadata": None, "content_type": "application/json"}})
        v.add_custom_header("X-Extra", "yes")
        v.add_source(d4)
        h.record("v4 with pending", verify(v))
        h.record("v4 requests", sorted(seen))
        seen.clear()
        v = Verifier("py-v4v-provider", host="127.0.0.1").add_transport(url=prov.url)
        v.filter("a header.*")
        v.add_source(d4 / "v4.json")
        h.record("v4 filtered", verify(v))
        h.record("v4 filtered requests", sorted(seen))

    # An empty pact directory: with pact_ffi's default, with the error asked
    # for, and with it turned off (D5 in ../README.md).
    e = h.pact_dir("empty")
    for name, enabled in (("default", None), ("error on", True), ("error off", False)):
        v = Verifier("py-nobody", host="127.0.0.1").add_transport(url="http://127.0.0.1:9")
        if enabled is not None:
            v.set_error_on_empty_pact(enabled=enabled)
        v.add_source(e)
        h.record(f"empty source, {name}", verify(v))
