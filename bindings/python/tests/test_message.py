import json

import libpact.match as match
from libpact import Consumer, Provider


def test_message_reify_and_pact_file(tmp_path):
    pact = Consumer("worker").has_message_pact_with(Provider("orders"), pact_dir=str(tmp_path), version="3.0")
    (pact.given("an order exists", id=3)
         .expects_to_receive("an order created event")
         .with_content({"id": match.integer(3), "item": match.like("book")})
         .with_metadata({"topic": "orders"}, priority=match.regex(r"high|low", "high")))
    with pact:
        message = pact.reify()
        assert message["contents"] == {"id": 3, "item": "book"}
        assert message["metadata"]["topic"] == "orders"
        assert message["metadata"]["priority"] == "high"
        assert message["description"] == "an order created event"
    doc = json.loads((tmp_path / "worker-orders.json").read_text())
    (msg,) = doc["messages"]
    assert msg["description"] == "an order created event"
    assert msg["providerStates"] == [{"name": "an order exists", "params": {"id": 3}}]
    assert msg["contents"] == {"id": 3, "item": "book"}
    assert msg["matchingRules"]["body"]["$.id"]["matchers"] == [{"match": "integer"}]
    assert msg["metadata"]["topic"] == "orders"


def test_two_messages_and_text_content(tmp_path):
    pact = Consumer("w").has_message_pact_with(Provider("q"), pact_dir=str(tmp_path), version="4.0")
    pact.given("s1").expects_to_receive("first").with_content("plain text", content_type="text/plain")
    pact.given("s2").expects_to_receive("second").and_given("s3").with_content({"a": 1})
    assert pact.reify()["contents"] == {"a": 1}
    pact.write()
    doc = json.loads((tmp_path / "w-q.json").read_text())
    states = {i["description"]: [s["name"] for s in i["providerStates"]] for i in doc["interactions"]}
    assert states == {"first": ["s1"], "second": ["s2", "s3"]}
    first = next(i for i in doc["interactions"] if i["description"] == "first")
    assert first["contents"]["content"] == "plain text"
