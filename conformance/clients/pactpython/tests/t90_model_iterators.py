"""Reading a pact back through pact-python's iterators (the pact_ffi model
functions: interaction iterators, provider states and their parameters,
request/response and message contents, metadata pairs, matching-rule and
generator iterators) after building it with the consumer API."""

from __future__ import annotations

from typing import Any

import pact_ffi
from pact import Pact, match

NAME = "model-iterators"


def attempt(f) -> Any:
    try:
        v = f()
        if isinstance(v, bytes):
            return {"bytes": v.hex()}
        return v
    except Exception as e:  # noqa: BLE001
        return {"raised": type(e).__name__}


def states(i) -> Any:
    return attempt(lambda: [[s.name, sorted(s.parameters())] for s in i.provider_states()])


def message(m) -> Any:
    if m is None:
        return None
    return {
        "contents": attempt(lambda: m.contents),
        "metadata": attempt(lambda: sorted([p.key, p.value] for p in m.metadata)),
        "rules": {c.name: attempt(lambda c=c: sorted([r.path, r.matching_rule.json] for r in m.matching_rules(c)))
                  for c in (pact_ffi.MatchingRuleCategory.BODY, pact_ffi.MatchingRuleCategory.CONTENTS,
                            pact_ffi.MatchingRuleCategory.METADATA)},
        "generators": {c.name: attempt(lambda c=c: sorted([g.path, g.generator.json] for g in m.generators(c)))
                       for c in (pact_ffi.GeneratorCategory.BODY, pact_ffi.GeneratorCategory.METADATA)},
    }


def run(h) -> None:
    p = Pact("py-iter-consumer", "py-iter-provider").with_specification("V4")
    (
        p.upon_receiving("an http request")
        .given("a thing exists", id=1, name="x")
        .given("another state")
        .with_request("POST", "/things")
        .with_header("Content-Type", "application/json")
        .with_body({"name": match.str("n"), "n": match.int(1)})
        .will_respond_with(201)
        .with_body({"id": match.int(1)}, content_type="application/json")
    )
    (
        p.upon_receiving("a binary response")
        .with_request("GET", "/blob")
        .will_respond_with(200)
        .with_binary_body(b"\x00\x01\xfe", "application/octet-stream")
    )
    (
        p.upon_receiving("an event", "Async")
        .given("events are on", topic="t")
        .with_body({"e": match.regex("a1", regex=r"a\d"), "at": match.date(format="%Y-%m-%d")}, content_type="application/json")
        .with_metadata({"topic": "t", "n": match.int(2)})
    )
    (
        p.upon_receiving("a binary event", "Async")
        .with_binary_body(b"\xff\x00", "application/octet-stream")
    )
    (
        p.upon_receiving("a request/reply", "Sync")
        .with_body("ping", content_type="text/plain")
        .will_respond_with()
        .with_body("pong", content_type="text/plain")
    )
    out: dict[str, Any] = {}
    out["http"] = [
        {"description": i.description, "states": states(i),
         "request": attempt(lambda i=i: i.request_contents), "response": attempt(lambda i=i: i.response_contents)}
        for i in p.interactions("HTTP")
    ]
    out["async"] = [
        {"description": m.description, "states": states(m), "contents": message(attempt(lambda m=m: m.contents))}
        for m in p.interactions("Async")
    ]
    out["sync"] = [
        {"description": m.description, "states": states(m),
         "request": message(attempt(lambda m=m: m.request_contents)),
         "responses": attempt(lambda m=m: [message(r) for r in m.response_contents])}
        for m in p.interactions("Sync")
    ]
    out["all"] = attempt(lambda: [type(i).__name__ for i in p.interactions("All")])
    for k, v in out.items():
        h.record(k, v)
