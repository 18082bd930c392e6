"""Matchers serialise to integration JSON, combine with &, and libpact accepts what they produce."""

import json
import re

import pytest

import libpact.match as match
from libpact import Consumer, Provider


@pytest.mark.parametrize("matcher, want", [
    (match.like("Ann"), {"pact:matcher:type": "type", "value": "Ann"}),
    (match.like([1], min=1, max=3), {"pact:matcher:type": "type", "min": 1, "max": 3, "value": [1]}),
    (match.each_like({"id": 1}), {"pact:matcher:type": "type", "min": 1, "value": [{"id": 1}]}),
    (match.each_like("a", min=3), {"pact:matcher:type": "type", "min": 3, "value": ["a", "a", "a"]}),
    (match.regex(r"\d+", "12"), {"pact:matcher:type": "regex", "regex": r"\d+", "value": "12"}),
    (match.term(r"\d+", "12"), {"pact:matcher:type": "regex", "regex": r"\d+", "value": "12"}),
    (match.integer(42), {"pact:matcher:type": "integer", "value": 42}),
    (match.decimal(1.5), {"pact:matcher:type": "decimal", "value": 1.5}),
    (match.number(7), {"pact:matcher:type": "number", "value": 7}),
    (match.boolean(False), {"pact:matcher:type": "boolean", "value": False}),
    (match.date("yyyy-MM-dd", "2024-02-29"), {"pact:matcher:type": "date", "format": "yyyy-MM-dd",
                                              "value": "2024-02-29"}),
    (match.time("HH:mm", "23:59"), {"pact:matcher:type": "time", "format": "HH:mm", "value": "23:59"}),
    (match.datetime("yyyy-MM-dd'T'HH:mm", "2024-01-01T10:00"),
     {"pact:matcher:type": "datetime", "format": "yyyy-MM-dd'T'HH:mm", "value": "2024-01-01T10:00"}),
    (match.include("needle"), {"pact:matcher:type": "include", "value": "needle"}),
    (match.null(), {"pact:matcher:type": "null"}),
    (match.equal("exact"), {"pact:matcher:type": "equality", "value": "exact"}),
    (match.not_empty("x"), {"pact:matcher:type": "notEmpty", "value": "x"}),
    (match.semver("1.2.3"), {"pact:matcher:type": "semver", "value": "1.2.3"}),
    (match.each_key({"ab": 1}, match.regex("[a-z]+", "ab")),
     {"pact:matcher:type": "eachKey", "rules": [{"pact:matcher:type": "regex", "regex": "[a-z]+", "value": "ab"}],
      "value": {"ab": 1}}),
    (match.each_value({"a": "x"}, match.like("x")),
     {"pact:matcher:type": "eachValue", "rules": [{"pact:matcher:type": "type", "value": "x"}],
      "value": {"a": "x"}}),
    (match.array_containing([{"id": match.integer(1)}]),
     {"pact:matcher:type": "arrayContains", "variants": [{"id": {"pact:matcher:type": "integer", "value": 1}}]}),
    (match.integer(42) & match.min(0),
     {"pact:matcher:type": [{"pact:matcher:type": "integer"}, {"pact:matcher:type": "min", "min": 0}],
      "value": 42}),
    (match.Like(1), {"pact:matcher:type": "type", "value": 1}),
    (match.EachLike(2, minimum=2), {"pact:matcher:type": "type", "min": 2, "value": [2, 2]}),
    (match.Term("a|b", "a"), {"pact:matcher:type": "regex", "regex": "a|b", "value": "a"}),
])
def test_serialisation(matcher, want):
    assert match.to_json(matcher) == want


def test_nesting_and_dumps():
    body = {"users": match.each_like({"id": match.integer(1), "tags": [match.like("t")]}), "n": None}
    assert json.loads(match.dumps(body)) == {
        "users": {"pact:matcher:type": "type", "min": 1,
                  "value": [{"id": {"pact:matcher:type": "integer", "value": 1},
                             "tags": [{"pact:matcher:type": "type", "value": "t"}]}]},
        "n": None}


def test_generated_examples():
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", match.to_json(match.date())["value"])
    assert match.to_json(match.date())["pact:generator:type"] == "Date"
    assert match.to_json(match.integer()) == {"pact:matcher:type": "integer", "value": 101,
                                              "pact:generator:type": "RandomInt", "min": 0, "max": 1000}
    r = match.to_json(match.regex(r"[a-f]{6}"))
    assert r["pact:generator:type"] == "Regex" and re.fullmatch(r"[a-f]{6}", r["value"])


def test_each_like_bounds():
    with pytest.raises(ValueError):
        match.each_like(1, min=3, max=2)


def test_library_accepts_every_matcher(tmp_path):
    """Every matcher goes through pactffi_with_body and comes out as pact-file rules."""
    body = {"like": match.like("a"), "int": match.integer(1) & match.min(0), "dec": match.decimal(1.5),
            "num": match.number(2), "bool": match.boolean(True), "re": match.regex("[a-z]+", "abc"),
            "date": match.date("yyyy-MM-dd", "2020-01-02"), "time": match.time("HH:mm:ss", "10:11:12"),
            "dt": match.datetime("yyyy-MM-dd HH:mm", "2020-01-02 10:11"), "inc": match.include("ee"),
            "null": match.null(), "eq": match.equal(5), "keys": match.each_key({"k": 1}, match.regex("[a-z]", "k")),
            "vals": match.each_value({"k": "v"}, match.like("v")), "ne": match.not_empty([1]),
            "sv": match.semver("1.0.0"), "list": match.each_like({"id": match.integer(3)}, min=1),
            "contains": match.array_containing([match.like("x")])}
    pact = Consumer("m").has_pact_with(Provider("p"), pact_dir=str(tmp_path), version="4.0")
    pact.upon_receiving("m").with_request("POST", "/m", body=body).will_respond_with(200)
    pact.handle  # noqa: B018 - the body was accepted (PactError otherwise)
    from libpact import _ffi
    rc = _ffi.pact_handle_write_file(pact.handle, str(tmp_path).encode(), True)
    assert rc == 0
    doc = json.loads((tmp_path / "m-p.json").read_text())
    rules = doc["interactions"][0]["request"]["matchingRules"]["body"]
    kinds = {path: [m["match"] for m in r["matchers"]] for path, r in rules.items()}
    assert kinds["$.int"] == ["integer", "type"] or kinds["$.int"] == ["integer", "min"]
    for path, kind in [("$.like", "type"), ("$.dec", "decimal"), ("$.num", "number"), ("$.bool", "boolean"),
                       ("$.re", "regex"), ("$.date", "date"), ("$.time", "time"), ("$.dt", "datetime"),
                       ("$.inc", "include"), ("$.null", "null"), ("$.eq", "equality"), ("$.keys", "eachKey"),
                       ("$.vals", "eachValue"), ("$.ne", "notEmpty"), ("$.sv", "semver"), ("$.list", "type"),
                       ("$.list[*].id", "integer"), ("$.contains", "arrayContains")]:
        assert kinds[path] == [kind], path
    assert doc["interactions"][0]["request"]["body"]["content"]["list"] == [{"id": 3}]
    pact.close()
