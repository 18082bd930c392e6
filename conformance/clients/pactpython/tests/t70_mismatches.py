"""Failing consumer tests, one per kind of mismatch, whose texts are kept:
each matcher of pact-python's match module on a wrong value, XML, form and
multipart bodies, repeated headers and query values, a missing header."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from client import base, call
from pact import Pact, match, xml

NAME = "mismatches"

JSON = {"Content-Type": "application/json"}

# name -> (request body matchers, actual body sent)
BODIES = {
    "int": ({"v": match.int(1)}, {"v": "one"}),
    "int range": ({"v": match.int(5, min=1, max=9)}, {"v": 12}),
    "decimal": ({"v": match.decimal(1.5)}, {"v": 2}),
    "float precision": ({"v": match.float(1.25, precision=2)}, {"v": "x"}),
    "number": ({"v": match.number(1)}, {"v": "1"}),
    "bool": ({"v": match.bool(True)}, {"v": "true"}),
    "null": ({"v": match.null()}, {"v": 0}),
    "str": ({"v": match.str("a")}, {"v": 1}),
    "regex": ({"v": match.regex("ab1", regex=r"[a-z]+\d")}, {"v": "AB1"}),
    "uuid": ({"v": match.uuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427")}, {"v": "1b4e28ba"}),
    "uuid lowercase": ({"v": match.uuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427", format="lowercase")},
                       {"v": "1B4E28BA-2FA1-11D2-883F-0016D3CCA427"}),
    "date": ({"v": match.date("2024-01-02", format="%Y-%m-%d")}, {"v": "2024-13-45"}),
    "time": ({"v": match.time("10:20", format="%H:%M")}, {"v": "10h20"}),
    "datetime": ({"v": match.datetime("2024-01-02T03:04:05", format="%Y-%m-%dT%H:%M:%S")}, {"v": "2024-01-02 03:04:05"}),
    "includes": ({"v": match.includes("needle")}, {"v": "haystack"}),
    "each_like min": ({"v": match.each_like({"a": match.int(1)}, min=2)}, {"v": [{"a": "x"}]}),
    "each_like max": ({"v": match.each_like(1, max=2)}, {"v": [1, 2, 3]}),
    "each_like not a list": ({"v": match.each_like(1)}, {"v": {"a": 1}}),
    "like object": ({"v": match.like({"a": 1, "b": "s"})}, {"v": {"a": "1"}}),
    "array_containing": ({"v": match.array_containing([{"k": "gift"}, {"k": match.regex("std", regex="std|exp")}])},
                         {"v": [{"k": "other"}]}),
    "each_key_matches": ({"v": match.each_key_matches({"k1": 1}, rules=match.regex("k1", regex=r"k\d"))}, {"v": {"kx": 1, "k2": 2}}),
    "each_value_matches": ({"v": match.each_value_matches({"a": 1}, rules=match.int(1))}, {"v": {"a": 1, "b": "two"}}),
    "nested list size": ({"v": [1, 2]}, {"v": [1]}),
    "missing key": ({"v": 1, "w": 2}, {"v": 1}),
    "null value": ({"v": "x"}, {"v": None}),
    "top-level array": ([1, match.int(2)], [1, "2", 3]),
}


def expect(h, name, build, requests):
    def go():
        p = Pact("py-mm-consumer", "py-mm-provider").with_specification("V4")
        build(p)
        with p.serve() as srv:
            for r in requests:
                call(r[0], base(srv) + r[1], *r[2:])
    try:
        h.record(name, h.expect_failure(go))
    except AssertionError:
        h.record(name, "passed")  # both libraries must agree on that too


def run(h) -> None:
    for name, (expected, actual) in BODIES.items():
        expect(h, f"body {name}",
               lambda p, e=expected: p.upon_receiving("a post").with_request("POST", "/b").with_header("Content-Type", "application/json")
               .with_body(e).will_respond_with(200),
               [("POST", "/b", JSON, actual)])

    expect(h, "xml body",
           lambda p: p.upon_receiving("an xml post").with_request("POST", "/x")
           .with_body(xml.body(xml.element("order", xml.element("id", match.int(1)), xml.element("sku", "s1"), attrs={"v": "1"})),
                      content_type="application/xml").will_respond_with(200),
           [("POST", "/x", {"Content-Type": "application/xml"}, '<order v="2"><id>x</id><sku>s2</sku><extra/></order>')])
    expect(h, "form body",
           lambda p: p.upon_receiving("a form").with_request("POST", "/f")
           .with_body("a=1&b=2&b=3", content_type="application/x-www-form-urlencoded").will_respond_with(200),
           [("POST", "/f", {"Content-Type": "application/x-www-form-urlencoded"}, "a=2&b=3&c=4")])
    expect(h, "text body",
           lambda p: p.upon_receiving("a text").with_request("POST", "/t")
           .with_body("hello", content_type="text/plain").will_respond_with(200),
           [("POST", "/t", {"Content-Type": "text/plain"}, "Hello")])
    expect(h, "body content type",
           lambda p: p.upon_receiving("a json post").with_request("POST", "/c").with_header("Content-Type", "application/json")
           .with_body({"a": 1}).will_respond_with(200),
           [("POST", "/c", {"Content-Type": "text/plain"}, "a=1")])
    expect(h, "missing body",
           lambda p: p.upon_receiving("a json post").with_request("POST", "/c").with_header("Content-Type", "application/json")
           .with_body({"a": 1}).will_respond_with(200),
           [("POST", "/c", JSON)])
    expect(h, "headers",
           lambda p: p.upon_receiving("headers").with_request("GET", "/h")
           .with_header("X-One", "1").with_header("X-List", "a").with_header("X-List", "b")
           .with_header("X-Num", match.int(3)).with_header("Accept", "application/json").will_respond_with(200),
           [("GET", "/h", {"X-One": "2", "X-List": "a, c", "X-Num": "x", "Accept": "text/html"})])
    expect(h, "missing header",
           lambda p: p.upon_receiving("auth").with_request("GET", "/a").with_header("Authorization", "Bearer t").will_respond_with(200),
           [("GET", "/a")])
    expect(h, "query values",
           lambda p: p.upon_receiving("query").with_request("GET", "/q")
           .with_query_parameter("a", "1").with_query_parameter("a", "2").with_query_parameter("b", match.int(1))
           .with_query_parameter("c", "x").will_respond_with(200),
           [("GET", "/q?a=1&b=z&d=1")])
    expect(h, "path",
           lambda p: p.upon_receiving("path").with_request("GET", match.regex("/p/1", regex=r"/p/\d+")).will_respond_with(200),
           [("GET", "/p/x")])
    expect(h, "method",
           lambda p: p.upon_receiving("method").with_request("DELETE", "/m").will_respond_with(204),
           [("GET", "/m")])
