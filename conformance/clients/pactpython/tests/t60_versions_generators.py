"""One pact written at every specification version pact-python offers (the
V1/V1.1/V2 downgrades drop what those versions cannot hold), generators in
a mock-server response (the values checked by shape), an XML body built with
pact.xml, and a multipart upload."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from client import base, call
from pact import Pact, match, xml

NAME = "versions-generators"


def define(p: Pact) -> None:
    (
        p.upon_receiving("a list of items")
        .given("items exist", count=2)
        .with_request("GET", match.regex("/items", regex=r"/items(/\d+)?"))
        .with_query_parameter("page", match.regex("1", regex=r"\d+"))
        .with_query_parameter("tag", "a")
        .with_query_parameter("tag", "b")
        .with_query_parameter("odd", "a.b_c~d*e x&y=1/%")
        .with_header("Accept", match.regex("application/json", regex="application/.*json"))
        .will_respond_with(200)
        .with_header("X-Count", match.int(2))
        .with_body({"items": match.each_like({"id": match.int(1), "name": match.str("n")}, min=1),
                    "total": match.number(2), "next": match.regex("/items?page=2", regex=r"/items\?page=\d+"),
                    # keys that pact_models writes bracketed, or as a number
                    "x-y": match.int(1), "c:d": match.int(1), "1abc": match.int(1), "01": match.int(1),
                    "a b": {"é": match.str("e")}})
    )
    (
        p.upon_receiving("a text reply")
        .with_request("POST", "/echo")
        .with_body("ping", content_type="text/plain")
        .will_respond_with(200)
        .with_body("pong", content_type="text/plain")
    )


def shape(v) -> str:
    return type(v).__name__


def run(h) -> None:
    for spec in ("V1", "V1_1", "V2", "V3", "V4"):
        d = h.pact_dir(spec)
        p = Pact(f"py-ver-{spec}", "py-ver-provider").with_specification(spec)
        define(p)
        p.write_file(d)

    d = h.pact_dir("generators")
    p = Pact("py-gen", "py-gen-provider").with_specification("V4")
    (
        p.upon_receiving("generated values")
        .with_request("GET", "/g")
        .will_respond_with(200)
        .with_body({
            "id": match.int(min=5, max=9), "u": match.uuid(), "s": match.str(size=6),
            "r": match.regex(regex="[a-z]{4}"), "d": match.date(format="%Y-%m-%d"), "b": match.bool(),
            "f": match.decimal(precision=3), "ts": match.datetime(format="%Y-%m-%dT%H:%M:%S"),
            "t": match.time(format="%H:%M"),
        })
    )
    (
        p.upon_receiving("an xml document")
        .with_request("POST", "/xml")
        .with_body(xml.body(xml.element("order", xml.element("id", match.int(3)), xml.element("sku", match.regex("s1", regex=r"s\d")),
                                        attrs={"version": "1"})), content_type="application/xml")
        .will_respond_with(200)
        .with_body(xml.body(xml.element("ok", xml.element("code", match.str("A")))), content_type="application/xml")
    )
    f = h.out / "upload.txt"
    f.write_text("file contents\n")
    (
        p.upon_receiving("a multipart upload")
        .with_request("POST", "/upload")
        .with_multipart_file("file", f, "text/plain", boundary="XyZ")
        .will_respond_with(201)
    )
    with p.serve() as srv:
        s, _, b = call("GET", base(srv) + "/g")
        body = json.loads(b)
        h.record("generated shapes", {k: shape(v) for k, v in sorted(body.items())})
        checks = {
            "id": lambda v: isinstance(v, int) and 5 <= v <= 9,
            "u": lambda v: re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", v) is not None,
            "s": lambda v: len(v) == 6,
            "r": lambda v: re.fullmatch("[a-z]{4}", v) is not None,
            "d": lambda v: re.fullmatch(r"\d{4}-\d\d-\d\d", v) is not None,
            "b": lambda v: isinstance(v, bool),
            "f": lambda v: re.fullmatch(r"-?\d+\.\d+", str(v)) is not None and len(str(v).replace("-", "").replace(".", "")) == 3,
            "ts": lambda v: re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", v) is not None,
            "t": lambda v: re.fullmatch(r"\d\d:\d\d", v) is not None,
        }
        h.record("generated values fit", {k: bool(c(body.get(k))) for k, c in checks.items()})
        s, _, b = call("POST", base(srv) + "/xml", {"Content-Type": "application/xml"},
                       '<order version="1"><id>42</id><sku>s9</sku></order>')
        h.record("xml reply", [s, b.decode()])
        mp = (b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.txt\"\r\n"
              b"Content-Type: text/plain\r\n\r\nother contents\n\r\n--XyZ--\r\n")
        s, _, b = call("POST", base(srv) + "/upload", {"Content-Type": "multipart/form-data; boundary=XyZ"}, mp)
        h.record("multipart status", s)
    p.write_file(d)
