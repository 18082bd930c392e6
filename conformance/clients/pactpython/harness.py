"""harness: what every test module of this client run shares.

A test module has NAME and run(h). h.pact_dir(sub) gives an empty directory
for the pact files a consumer test writes, h.record(check, value) stores one
value to compare between the two libraries (a mismatch text, a verifier
result), and h.expect_failure(fn) runs a test that must fail and returns what
it failed with.

    def run(h):
        h.record("wrong body", h.expect_failure(lambda: ...))
"""

from __future__ import annotations

import http.server
import json
import shutil
import threading
from pathlib import Path
from typing import Any, Callable

from pact.error import MismatchesError


class Harness:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.results: dict[str, Any] = {}
        self.current = ""

    def pact_dir(self, sub: str = "") -> Path:
        """pact_dir is a fresh directory under <out>/pacts/<test>/<sub>."""
        d = self.out / "pacts" / self.current / sub
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
        return d

    def record(self, check: str, value: Any) -> None:
        """record stores a value under "<test>/<check>", once."""
        key = f"{self.current}/{check}"
        if key in self.results:
            raise KeyError(f"check {key} recorded twice")
        self.results[key] = value

    def expect_failure(self, fn: Callable[[], Any]) -> Any:
        """expect_failure runs fn, which must raise, and describes the error.

        A MismatchesError (the mock server's mismatches) gives the text
        pact-python prints and each mismatch as pact_ffi reported it.
        """
        try:
            fn()
        except MismatchesError as e:
            return {
                "error": type(e).__name__,
                "text": str(e),
                "mismatches": [m.__dict__ for m in e.mismatches],
                "kinds": [type(m).__name__ for m in e.mismatches],
            }
        except Exception as e:  # noqa: BLE001
            return {"error": type(e).__name__, "text": str(e)}
        raise AssertionError("the test passed but was meant to fail")


class Provider:
    """Provider is a small http.server on 127.0.0.1 answering with handler.

    handler(method, path, headers, body) returns (status, headers, body);
    a dict or list body is sent as JSON.

        with Provider(lambda m, p, h, b: (200, {}, {"ok": True})) as p:
            p.url  # http://127.0.0.1:PORT
    """

    def __init__(self, handler: Callable[..., tuple[int, dict[str, str], Any]]) -> None:
        outer = handler

        class Handler(http.server.BaseHTTPRequestHandler):
            def _serve(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n) if n else b""
                status, headers, out = outer(self.command, self.path, self.headers, body)
                headers = dict(headers)
                if isinstance(out, (dict, list)):
                    out = json.dumps(out).encode()
                    headers.setdefault("Content-Type", "application/json")
                elif isinstance(out, str):
                    out = out.encode()
                out = out or b""
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(out)))
                self.end_headers()
                self.wfile.write(out)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Provider":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
