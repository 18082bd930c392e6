"""Message consumer tests: V3 asynchronous messages checked with
Pact.verify, and V4 synchronous messages; a handler that fails."""

from __future__ import annotations

import json

from pact import Pact, match

NAME = "consumer-messages"


def run(h) -> None:
    d = h.pact_dir()
    p = Pact("py-msg-consumer", "py-msg-provider").with_specification("V3")
    (
        p.upon_receiving("an order created event", "Async")
        .given("an order is placed", id=3)
        .with_body({"id": match.int(3), "sku": match.regex("s1", regex=r"s\d+"), "lines": match.each_like({"n": match.int(1)})},
                   content_type="application/json")
        .with_metadata({"topic": "orders", "version": match.regex("1.0", regex=r"\d+\.\d+")})
    )
    (
        p.upon_receiving("a plain text event", "Async")
        .with_body("hello", content_type="text/plain")
        .with_metadata(topic="notes")
    )
    seen: list = []

    def handler(body, metadata):
        seen.append({"body": body if isinstance(body, str) else (body.decode() if body else body), "metadata": metadata})

    p.verify(handler, "Async")
    h.record("messages seen", sorted(seen, key=lambda m: json.dumps(m, sort_keys=True)))

    def bad(body, metadata):
        raise ValueError(f"cannot handle {metadata.get('topic')}")

    errors = p.verify(bad, "Async", raises=False)
    h.record("handler errors", sorted(str(e) for e in errors))
    p.write_file(d)

    d4 = h.pact_dir("v4")
    p4 = Pact("py-sync-consumer", "py-sync-provider").with_specification("V4")
    (
        p4.upon_receiving("a price request", "Sync")
        .given("prices are loaded")
        .with_body({"sku": match.str("s1")}, content_type="application/json")
        .with_metadata(channel="prices")
        .will_respond_with()
        .with_body({"sku": "s1", "price": match.decimal(9.99)}, content_type="application/json")
    )
    (
        p4.upon_receiving("a stock event", "Async")
        .with_body({"sku": match.str("s1"), "stock": match.int(4, min=0)}, content_type="application/json")
        .with_metadata(topic="stock")
    )
    sync_seen: list = []
    p4.verify(lambda body, md: sync_seen.append([body if isinstance(body, str) else body.decode(), md]), "Sync")
    h.record("sync requests seen", sync_seen)
    p4.write_file(d4)
