"""An HTTPS mock server (self-signed; the client skips verification), and a
plugin that is not installed."""

from __future__ import annotations

import ssl
import urllib.request

from pact import Pact

NAME = "transport-plugins"


def run(h) -> None:
    p = Pact("py-tls-consumer", "py-tls-provider").with_specification("V4")
    p.upon_receiving("over tls").with_request("GET", "/t").will_respond_with(200).with_body({"ok": True})
    with p.serve(transport="https") as srv:
        url = str(srv.url).rstrip("/")
        ctx = ssl._create_unverified_context()  # noqa: S323 (a test's self-signed certificate)
        with urllib.request.urlopen(url + "/t", context=ctx, timeout=10) as r:
            h.record("https", [url.split(":")[0], r.status, r.read().decode()])
    q = Pact("py-plugin-consumer", "py-plugin-provider").with_specification("V4")
    try:
        q.using_plugin("protobuf", "0.3.0")
        h.record("missing plugin", "loaded")
    except Exception as e:  # noqa: BLE001
        h.record("missing plugin", f"{type(e).__name__}: {e}")
