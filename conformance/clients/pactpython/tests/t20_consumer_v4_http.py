"""V4 HTTP consumer tests: keys, pending, comments, generators, a binary
body, matchers on a path and query, and a failing V4 test."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from client import base, call
from pact import Pact, generate, match

NAME = "consumer-v4-http"


def run(h) -> None:
    d = h.pact_dir()
    p = Pact("py-v4-consumer", "py-v4-provider").with_specification("V4")
    p.with_metadata("py-client", {"name": "pact-python", "run": "side-by-side"})
    (
        p.upon_receiving("a user by id")
        .given("a user exists", id=7)
        .set_key("user-by-id")
        .add_text_comment("fetches one user")
        .set_comment("ticket", "PACT-1")
        .set_comment("owner", {"team": "web", "n": 2})
        .add_text_comment("second comment")
        .add_external_reference("Jira", "PACT-7", "https://jira.example/PACT-7")
        .test_name("test_user_by_id")
        .with_request("GET", match.regex("/users/7", regex=r"/users/\d+"))
        .with_query_parameter("fields", match.each_like("name", min=1))
        .with_header("Authorization", match.regex("Bearer abc", regex=r"Bearer \w+"))
        .will_respond_with(200)
        .with_body(
            {
                "id": match.int(7),
                "token": match.str("t0", generator=generate.regex(r"[a-z]{8}")),
                "uuid": match.uuid("1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
                "when": match.datetime("2024-01-02T03:04:05", format="%Y-%m-%dT%H:%M:%S"),
                "score": match.number(1.5),
                "roles": match.each_like(match.str("admin"), min=1, max=3),
            }
        )
    )
    (
        p.upon_receiving("a pending upload")
        .set_pending(pending=True)
        .with_request("PUT", "/blobs/1")
        .with_binary_body(b"\x00\x01\x02\xffpact", "application/octet-stream")
        .will_respond_with(204)
    )
    (
        p.upon_receiving("a missing user")
        .given("no user exists")
        .with_request("GET", "/users/8")
        .will_respond_with(404)
    )
    (
        p.upon_receiving("an xml document")
        .with_request("GET", "/doc")
        .will_respond_with(200)
        .with_body("<a><b>1</b></a>", content_type="application/xml")
    )
    with p.serve() as srv:
        s, _, b = call("GET", f"{base(srv)}/users/7?fields=name&fields=email", {"Authorization": "Bearer xyz"})
        assert s == 200, (s, b)
        s, _, _ = call("PUT", f"{base(srv)}/blobs/1", {"Content-Type": "application/octet-stream"}, b"\x00\x01\x02\xffpact")
        assert s == 204, s
        s, _, _ = call("GET", f"{base(srv)}/users/8")
        assert s == 404, s
        s, _, b = call("GET", f"{base(srv)}/doc")
        assert s == 200, s
        h.record("xml body", b.decode())
    p.write_file(d)

    # Interactions that share a description, written without a mock server:
    # the order they are written in, and which survive.
    sd = h.pact_dir("same-description")
    p = Pact("py-v4-same", "py-v4-provider").with_specification("V4")
    p.upon_receiving("b thing").given("state z").with_request("GET", "/b/z").will_respond_with(200)
    p.upon_receiving("a thing").given("state y").with_request("GET", "/a/y").will_respond_with(200)
    p.upon_receiving("a thing").given("state x").with_request("GET", "/a/x").will_respond_with(200)
    p.upon_receiving("a thing", "Async").with_body("m", content_type="text/plain")
    p.write_file(sd)

    fd = h.pact_dir("failing")

    def go():
        p = Pact("py-v4-failing", "py-v4-provider").with_specification("V4")
        (
            p.upon_receiving("a patch")
            .with_request("PATCH", "/users/1")
            .with_header("Content-Type", "application/json")
            .with_header("X-Version", match.int(2))
            .with_body({"name": match.str("ann"), "tags": match.each_like(match.int(1), min=1), "at": match.time("10:00", format="%H:%M")})
            .will_respond_with(200)
        )
        with p.serve() as srv:
            call("PATCH", f"{base(srv)}/users/1", {"Content-Type": "application/json", "X-Version": "two"},
                 {"name": None, "tags": [1, "2"], "at": "25:99"})
        p.write_file(fd)

    h.record("wrong patch", h.expect_failure(go))
