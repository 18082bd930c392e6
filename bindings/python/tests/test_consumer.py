"""End-to-end consumer tests through the DSL, a real mock server and urllib."""

import json
import re

import pytest

import libpact.match as match
from libpact import Consumer, MismatchError, PactError, Provider
from conftest import http


def users_pact(tmp_path, version="4.0", **kw):
    return Consumer("web").has_pact_with(Provider("users"), pact_dir=str(tmp_path), version=version, **kw)


def test_get_with_matchers_writes_pact(tmp_path, pact_file):
    pact = users_pact(tmp_path)
    (pact.given("user exists", id=1)
         .upon_receiving("a request for user 1")
         .with_request("GET", "/users/1", query={"full": "yes"}, headers={"Accept": "application/json"})
         .will_respond_with(200, headers={"Content-Type": "application/json"},
                            body={"id": match.integer(1), "name": match.like("Ann"),
                                  "roles": match.each_like("admin", min=2)}))
    with pact:
        assert pact.uri.startswith("http://127.0.0.1:")
        status, headers, body = http("GET", pact.uri + "/users/1?full=yes", headers={"Accept": "application/json"})
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {"id": 1, "name": "Ann", "roles": ["admin", "admin"]}
    assert pact.uri is None  # the server is gone after the block

    doc = pact_file("web", "users")
    assert doc["metadata"]["pactSpecification"]["version"] == "4.0"
    (inter,) = doc["interactions"]
    assert inter["description"] == "a request for user 1"
    assert inter["providerStates"] == [{"name": "user exists", "params": {"id": 1}}]
    assert inter["request"]["query"] == {"full": ["yes"]}
    rules = inter["response"]["matchingRules"]["body"]
    assert rules["$.id"]["matchers"] == [{"match": "integer"}]
    assert rules["$.name"]["matchers"] == [{"match": "type"}]
    assert rules["$.roles"]["matchers"] == [{"match": "type", "min": 2}]


def test_post_json_body_and_second_block_merges(tmp_path, pact_file):
    pact = users_pact(tmp_path, version="3.0")
    (pact.upon_receiving("create a user")
         .with_request("POST", "/users", headers={"Content-Type": "application/json"},
                       body={"name": match.like("Bob"), "email": match.regex(r"^\S+@\S+$", "bob@example.com")})
         .will_respond_with(201, body={"id": match.integer(7)}))
    with pact:
        status, _, body = http("POST", pact.uri + "/users", {"name": "Zoe", "email": "zoe@x.org"},
                               {"Content-Type": "application/json"})
        assert status == 201 and json.loads(body) == {"id": 7}

    # A second block defines new interactions; the file of this process is merged, not replaced.
    pact.upon_receiving("delete a user").with_request("DELETE", match.regex(r"/users/\d+", "/users/3")) \
        .will_respond_with(204)
    with pact:
        assert http("DELETE", pact.uri + "/users/99")[0] == 204

    doc = pact_file("web", "users")
    assert doc["metadata"]["pactSpecification"]["version"] == "3.0.0"
    assert sorted(i["description"] for i in doc["interactions"]) == ["create a user", "delete a user"]
    delete = next(i for i in doc["interactions"] if i["description"] == "delete a user")
    assert delete["request"]["matchingRules"]["path"]["matchers"] == [{"match": "regex", "regex": r"/users/\d+"}]


def test_query_string_text_and_binary_bodies(tmp_path, pact_file):
    pact = users_pact(tmp_path)
    pact.upon_receiving("search").with_request("GET", "/search", query="q=a&q=b&page=2") \
        .will_respond_with(200, headers={"Content-Type": "text/plain"}, body="found")
    pact.upon_receiving("upload").with_request("PUT", "/blob", headers={"Content-Type": "application/octet-stream"},
                                               body=b"\x00\x01\xff") \
        .will_respond_with(200, body=b"\x89PNG", content_type="image/png")
    with pact:
        status, _, body = http("GET", pact.uri + "/search?q=a&q=b&page=2")
        assert (status, body) == (200, b"found")
        status, headers, body = http("PUT", pact.uri + "/blob", b"\x00\x01\xff",
                                     {"Content-Type": "application/octet-stream"})
        assert (status, body) == (200, b"\x89PNG")
    doc = pact_file("web", "users")
    search = next(i for i in doc["interactions"] if i["description"] == "search")
    assert search["request"]["query"] == {"q": ["a", "b"], "page": ["2"]}


def test_mismatch_raises_with_readable_text(tmp_path):
    pact = users_pact(tmp_path)
    pact.upon_receiving("create").with_request("POST", "/users", body={"name": match.like("x")}) \
        .will_respond_with(201)
    pact.upon_receiving("list").with_request("GET", "/users").will_respond_with(200)
    with pytest.raises(MismatchError) as info:
        with pact:
            status, _, _ = http("POST", pact.uri + "/users", {"name": 3}, {"Content-Type": "application/json"})
            assert status == 500  # the mock server answers a mismatched request with 500
            http("GET", pact.uri + "/nothing")
    text = str(info.value)
    assert "Request mismatch: POST /users" in text
    assert "BodyMismatch at $.name: Expected 3 (Integer) to be the same type as 'x' (String)" in text
    assert "Unexpected request: GET /nothing matches no interaction" in text
    assert "Missing request: GET /users was expected but never received" in text
    assert isinstance(info.value, AssertionError) and isinstance(info.value, PactError)
    assert {m["type"] for m in info.value.mismatches} == {"request-mismatch", "request-not-found",
                                                          "missing-request"}
    assert not (tmp_path / "web-users.json").exists()  # a failed test writes no pact


def test_error_inside_block_wins_and_server_stops(tmp_path):
    pact = users_pact(tmp_path)
    pact.upon_receiving("list").with_request("GET", "/users").will_respond_with(200)
    with pytest.raises(ZeroDivisionError):
        with pact:
            port = pact.server.port
            1 / 0
    assert pact.server is None
    from libpact import _ffi
    assert not _ffi.mock_server_matched(port)  # no mock server on that port any more
    assert _ffi.mock_server_mismatches(port) is None


def test_file_write_mode_never(tmp_path):
    pact = users_pact(tmp_path, file_write_mode="never")
    pact.upon_receiving("list").with_request("GET", "/users").will_respond_with(200)
    with pact:
        http("GET", pact.uri + "/users")
    assert list(tmp_path.iterdir()) == []


def test_pytest_plugin_fixture(pact, pact_dir):
    p = pact("plugin-consumer", "plugin-provider")
    p.upon_receiving("ping").with_request("GET", "/ping").will_respond_with(200, body={"ok": match.boolean(True)})
    with p:
        status, _, body = http("GET", p.uri + "/ping")
    assert status == 200 and json.loads(body) == {"ok": True}
    assert (pact_dir / "plugin-consumer-plugin-provider.json").is_file()


def test_generated_values_from_the_mock_server(tmp_path, pact_file):
    pact = users_pact(tmp_path)
    pact.upon_receiving("random").with_request("GET", "/random").will_respond_with(
        200, body={"n": match.integer(), "code": match.regex(r"[A-Z]{3}-\d{2}"), "day": match.date()})
    with pact:
        status, _, body = http("GET", pact.uri + "/random")
    doc = json.loads(body)
    assert isinstance(doc["n"], int) and 0 <= doc["n"] <= 1000
    assert re.fullmatch(r"[A-Z]{3}-\d{2}", doc["code"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", doc["day"])
    gens = pact_file("web", "users")["interactions"][0]["response"]["generators"]["body"]
    assert gens["$.n"] == {"type": "RandomInt", "min": 0, "max": 1000}
    assert gens["$.code"]["type"] == "Regex"


def test_v4_comments_test_name_and_pending(tmp_path, pact_file):
    pact = users_pact(tmp_path)
    (pact.upon_receiving("v4 extras").with_request("GET", "/v4").will_respond_with(200)
         .with_comment("first note").with_comment("second note").with_test_name("test_v4").pending())
    with pact:
        http("GET", pact.uri + "/v4")
    (inter,) = pact_file("web", "users")["interactions"]
    assert inter["comments"]["text"] == ["first note", "second note"]
    assert inter["comments"]["testname"] == "test_v4"
    assert inter["pending"] is True


def test_log_buffer_receives_library_log(tmp_path):
    from libpact import fetch_log_buffer, log_to_buffer
    log_to_buffer("debug")
    try:
        pact = users_pact(tmp_path, file_write_mode="never")
        pact.upon_receiving("logged").with_request("GET", "/logged").will_respond_with(200)
        with pact:
            http("GET", pact.uri + "/logged")
        assert "/logged" in fetch_log_buffer()
    finally:
        log_to_buffer("off")
    with pytest.raises(ValueError):
        log_to_buffer("loud")


def test_plugin_log_level_option(pytester):
    pytester.makepyfile('''
def test_uses_pact(pact):
    import urllib.request
    p = pact("log-consumer", "log-provider")
    p.upon_receiving("ping").with_request("GET", "/ping").will_respond_with(200)
    with p:
        urllib.request.urlopen(p.uri + "/ping")
''')
    result = pytester.runpytest_subprocess("--pact-log-level=debug", "--pact-dir=out", "-s")
    result.assert_outcomes(passed=1)
    assert "/ping" in result.stderr.str() + result.stdout.str()
    assert (pytester.path / "out" / "log-consumer-log-provider.json").is_file()


def test_pact_metadata_applies_to_every_block(tmp_path, pact_file):
    pact = users_pact(tmp_path).with_metadata_entry("build", "id", "42")
    for k in range(2):
        pact.upon_receiving(f"r{k}").with_request("GET", f"/r{k}").will_respond_with(200)
        with pact:
            http("GET", f"{pact.uri}/r{k}")
    doc = pact_file("web", "users")
    assert doc["metadata"]["build"] == {"id": "42"}
    assert len(doc["interactions"]) == 2
    with pytest.raises(PactError, match="pactSpecification"):
        pact.with_metadata_entry("pactSpecification", "version", "9")
