"""V3 HTTP consumer tests: pact-python's match matchers, query and headers,
provider states with parameters, and failing tests whose mismatches are kept."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from client import base, call
from pact import Pact, match

NAME = "consumer-v3-http"


def run(h) -> None:
    d = h.pact_dir()

    def pact(consumer: str = "py-v3-consumer") -> Pact:
        return Pact(consumer, "py-v3-provider").with_specification("V3")

    p = pact()
    (
        p.upon_receiving("a request for order 10")
        .given("an order exists", id=10, owner="ann")
        .given("the catalogue is open")
        .with_request("GET", "/orders/10")
        .with_query_parameter("page", match.regex("2", regex=r"\d+"))
        .with_query_parameter("sort", "name")
        .with_query_parameter("sort", "date")
        .with_header("Accept", "application/json")
        .with_header("X-Trace", match.uuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427"))
        .will_respond_with(200)
        .with_header("Content-Type", match.regex("application/json; charset=utf-8", regex=r"application/json.*"))
        .with_body(
            {
                "id": match.int(10),
                "small": match.int(5, min=1, max=9),
                "total": match.decimal(12.5),
                "price": match.float(3.25, precision=2),
                "count": match.number(3),
                "paid": match.bool(True),
                "ref": match.uuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
                "created": match.datetime("2024-01-02T03:04:05", format="%Y-%m-%dT%H:%M:%S"),
                "day": match.date("2024-01-02", format="%Y-%m-%d"),
                "at": match.time("03:04", format="%H:%M"),
                "code": match.regex("ABC-1", regex=r"[A-Z]{3}-\d+"),
                "name": match.str("ann"),
                "note": match.includes("order"),
                "gone": match.null(),
                "items": match.each_like({"sku": match.str("s1"), "qty": match.int(1)}, min=1),
                "tags": match.each_like("t", min=2, max=4),
                "lines": match.array_containing([{"type": "gift"}, {"type": match.regex("std", regex="std|exp")}]),
                "extra": match.like({"a": 1, "b": "two"}),
                "byName": match.each_key_matches({"k1": 1}, rules=match.regex("k1", regex=r"k\d+")),
                "scores": match.each_value_matches({"x": 1}, rules=match.int(1)),
            },
            content_type="application/json; charset=utf-8",
        )
    )
    (
        p.upon_receiving("a create order")
        .with_request("POST", "/orders")
        .with_header("Content-Type", "application/json")
        .with_body({"owner": match.str("ann"), "lines": match.each_like({"sku": match.regex("s1", regex=r"s\d")}, min=1)})
        .will_respond_with(201)
        .with_header("Location", match.regex("/orders/11", regex=r"/orders/\d+"))
    )
    (
        p.upon_receiving("a form post")
        .with_request("POST", "/forms")
        .with_body("a=1&b=two", content_type="application/x-www-form-urlencoded")
        .will_respond_with(204)
    )
    (
        p.upon_receiving("a path matched by regex")
        .with_request("GET", match.regex("/users/42", regex=r"/users/\d+"))
        .will_respond_with(200)
        .with_body("plain text", content_type="text/plain")
    )
    with p.serve() as srv:
        s, _, b = call("GET", f"{base(srv)}/orders/10?page=7&sort=name&sort=date",
                       {"Accept": "application/json", "X-Trace": "3f1c0a2e-8d5b-4c1e-9b7a-0123456789ab"})
        assert s == 200, (s, b)
        h.record("response body", json.loads(b))
        s, hs, _ = call("POST", f"{base(srv)}/orders", {"Content-Type": "application/json"},
                        {"owner": "zed", "lines": [{"sku": "s4"}, {"sku": "s5"}]})
        assert s == 201, s
        h.record("location", {k.lower(): v for k, v in hs.items()}.get("location"))
        s, _, _ = call("POST", f"{base(srv)}/forms", {"Content-Type": "application/x-www-form-urlencoded"}, "a=1&b=two")
        assert s == 204, s
        s, _, b = call("GET", f"{base(srv)}/users/7")
        assert s == 200, s
        h.record("text body", b.decode())
    p.write_file(d)

    # Several values of one header, written without a mock server (D8).
    hd = h.pact_dir("headers")
    q = pact("py-v3-headers")
    (
        q.upon_receiving("repeated headers")
        .with_request("GET", "/h")
        .with_header("X-Pair", "a")
        .with_header("X-Pair", "b")
        .with_header("Cache-Control", "no-cache")
        .with_header("Cache-Control", "private")
        .will_respond_with(200)
        .with_header("Vary", "Accept")
        .with_header("Vary", "Origin")
    )
    q.write_file(hd)

    # Failing tests: each records the mismatches pact-python raised.
    fd = h.pact_dir("failing")

    def failing(build, requests):
        def go():
            p = pact("py-v3-failing")
            build(p)
            with p.serve() as srv:
                for r in requests:
                    call(r[0], base(srv) + r[1], *r[2:])
            p.write_file(fd)
        return h.expect_failure(go)

    h.record("wrong body", failing(
        lambda p: p.upon_receiving("a create with a wrong body")
        .with_request("POST", "/items")
        .with_header("Content-Type", "application/json")
        .with_body({"name": match.str("x"), "n": match.int(1), "tags": match.each_like("t", min=2),
                    "when": match.date("2024-01-02", format="%Y-%m-%d"), "id": match.uuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427")})
        .will_respond_with(201),
        [("POST", "/items", {"Content-Type": "application/json"},
          {"name": 5, "n": 1.5, "tags": ["a"], "when": "02/01/2024", "id": "nope", "more": True})],
    ))
    h.record("wrong query and header", failing(
        lambda p: p.upon_receiving("a search with a wrong query")
        .with_request("GET", "/search")
        .with_query_parameter("q", match.regex("abc", regex="[a-z]+"))
        .with_query_parameter("n", "1")
        .with_header("X-Key", match.regex("k-1", regex=r"k-\d+"))
        .will_respond_with(200),
        [("GET", "/search?q=ABC&n=2&extra=1", {"X-Key": "nope"})],
    ))
    h.record("missing request", failing(
        lambda p: p.upon_receiving("a request never made").with_request("DELETE", "/items/1").will_respond_with(204),
        [],
    ))
    h.record("unexpected request", failing(
        lambda p: p.upon_receiving("a ping").with_request("GET", "/ping").will_respond_with(200),
        [("GET", "/ping"), ("PUT", "/pong?x=1", {"Content-Type": "application/json"}, {"a": 1})],
    ))
    h.record("wrong method and text body", failing(
        lambda p: p.upon_receiving("a text upload").with_request("PUT", "/notes/1")
        .with_body("hello", content_type="text/plain").will_respond_with(200),
        [("POST", "/notes/1", {"Content-Type": "text/plain"}, "hello"),
         ("PUT", "/notes/1", {"Content-Type": "text/plain"}, "goodbye")],
    ))
