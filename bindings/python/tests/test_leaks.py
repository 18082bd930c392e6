"""Nothing the binding creates outlives its Python object: libpact's live-object count (the test-only export
libpact_test_live_handles) is back where it was after many consumer flows, messages and verifications."""

import ctypes
import gc

import libpact.match as match
from libpact import Consumer, MismatchError, Provider, Verifier, _ffi
from conftest import http
from provider import Provider as HttpProvider

# Test-only export of libpact (not part of pact.h's API): the number of live handles and objects in its tables.
live_handles = _ffi.lib.libpact_test_live_handles
live_handles.restype = ctypes.c_int
live_handles.argtypes = []


def flows(tmp_path, n):
    for k in range(n):
        pact = Consumer("leak").has_pact_with(Provider("p"), pact_dir=str(tmp_path), version="4.0")
        pact.given("s", k=k).upon_receiving(f"r{k}").with_request("GET", "/r", query={"k": str(k)}) \
            .will_respond_with(200, body={"k": match.integer(k)})
        with pact:
            http("GET", f"{pact.uri}/r?k={k}")
        pact.upon_receiving("never").with_request("GET", "/never").will_respond_with(200)
        try:
            with pact:
                pass
        except MismatchError:
            pass
        if k % 2:
            pact.given("dangling").upon_receiving("left open").with_request("GET", "/x")  # closed by GC only
        msgs = Consumer("leak").has_message_pact_with(Provider("q"), pact_dir=str(tmp_path))
        msgs.expects_to_receive(f"m{k}").with_content({"k": match.integer(k)})
        with msgs:
            msgs.reify()
    with HttpProvider({"1": {"k": 1}}) as prov:
        for _ in range(3):
            with Verifier("p") as v:
                v.set_provider(prov.url).add_directory_source(tmp_path)
                v.verify()
        Verifier("p").set_provider(prov.url)  # never closed: the finalizer frees it


def test_no_native_object_outlives_its_python_object(tmp_path):
    gc.collect()
    before = live_handles()
    flows(tmp_path, 20)
    gc.collect()
    assert live_handles() == before, _ffi.last_error()
