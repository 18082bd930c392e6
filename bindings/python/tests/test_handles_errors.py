"""Native handles are released exactly once; library errors surface as PactError with libpact's message."""

import gc

import pytest

import libpact.match as match
from libpact import Consumer, PactError, Provider, _ffi
from libpact.match import Matcher


def test_close_is_idempotent_and_context_manager(tmp_path):
    pact = Consumer("a").has_pact_with(Provider("b"), pact_dir=str(tmp_path))
    h = pact.handle
    assert h > 0 and not pact.closed
    pact.close()
    pact.close()
    assert pact.closed
    assert _ffi.free_pact_handle(h) == 1  # already freed by close()
    with Consumer("a").has_message_pact_with(Provider("b"), pact_dir=str(tmp_path), file_write_mode="never") as m:
        h2 = m.handle
    assert _ffi.free_pact_handle(h2) == 1


def test_finalizer_frees_forgotten_handles():
    pact = Consumer("a").has_pact_with(Provider("b"))
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    pact.setup()
    h, port = pact.handle, pact.server.port
    del pact
    gc.collect()
    assert _ffi.free_pact_handle(h) == 1
    assert not _ffi.cleanup_mock_server(port)  # the mock server was stopped too


def test_bad_argument_raises_library_message():
    pact = Consumer("a").has_pact_with(Provider("b"))
    bogus = Matcher([{"pact:matcher:type": "arrayContains"}])  # no "variants"
    with pytest.raises(PactError) as info:
        pact.upon_receiving("x").with_request("POST", "/x", body={"a": bogus})
    assert str(info.value) == ("pactffi_with_body: JSON body: $.a: arrayContains matcher is missing the "
                               "'variants' attribute (an array)")
    assert str(info.value) == _ffi.last_error()
    pact.close()


def test_bad_path_matcher_and_dsl_order_errors():
    pact = Consumer("a").has_pact_with(Provider("b"))
    with pytest.raises(PactError, match=r"^pactffi_with_request: request path: regex matcher is missing the 'regex'"):
        pact.upon_receiving("x").with_request("GET", Matcher([{"pact:matcher:type": "regex"}], "/x"))
    with pytest.raises(PactError, match=r"describe the interaction first"):
        Consumer("a").has_pact_with(Provider("b")).with_request("GET", "/")
    pact.close()


def test_mock_server_port_in_use_has_code(tmp_path):
    a = Consumer("a").has_pact_with(Provider("b"))
    a.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    a.setup()
    b = Consumer("a").has_pact_with(Provider("c"), port=a.server.port)
    b.upon_receiving("y").with_request("GET", "/y").will_respond_with(200)
    with pytest.raises(PactError) as info:
        b.setup()
    assert info.value.code == -3
    assert str(info.value)
    a.close()
    b.close()


def test_bad_mock_server_host():
    pact = Consumer("a").has_pact_with(Provider("b"), host="no such host!")
    pact.upon_receiving("x").with_request("GET", "/x").will_respond_with(200)
    with pytest.raises(PactError, match='is not a host address') as info:
        pact.setup()
    assert info.value.code == -5
    pact.close()


def test_unknown_version_and_write_mode():
    with pytest.raises(ValueError):
        Consumer("a").has_pact_with(Provider("b"), version="9")
    with pytest.raises(ValueError):
        Consumer("a").has_pact_with(Provider("b"), file_write_mode="sometimes")


def test_versions():
    import libpact
    assert libpact.abi_version() == "0.5.8"
    assert libpact.library_version()


def test_verifier_setter_error_carries_library_message():
    from libpact import Verifier
    with Verifier("users") as v:
        with pytest.raises(PactError, match="header_name"):
            v.add_custom_header(None, "x")
        v.add_custom_header("X-Ok", "1")  # a later good call does not raise on the stale error


def test_pacts_in_parallel_threads(tmp_path):
    """Consumer tests on several threads at once: handles, mock servers and per-thread errors do not mix."""
    import threading
    from conftest import http

    errors = []

    def run(n):
        try:
            pact = Consumer(f"c{n}").has_pact_with(Provider("p"), pact_dir=str(tmp_path))
            for k in range(5):
                pact.upon_receiving(f"r{k}").with_request("GET", f"/r/{n}/{k}").will_respond_with(
                    200, body={"n": match.integer(n)})
                with pact:
                    status, _, body = http("GET", f"{pact.uri}/r/{n}/{k}")
                    assert status == 200 and body == f'{{"n":{n}}}'.encode()
                with pytest.raises(PactError, match="arrayContains"):
                    pact.upon_receiving("bad").with_request("POST", "/", body={"a": Matcher(
                        [{"pact:matcher:type": "arrayContains"}])})
                pact.close()
        except Exception as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert len(list(tmp_path.glob("c*-p.json"))) == 8
