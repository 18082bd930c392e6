"""client: a tiny HTTP client for the consumer tests (urllib, no 4xx/5xx raise)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any


def call(method: str, url: str, headers: dict[str, str] | None = None, body: Any = None) -> tuple[int, dict[str, str], bytes]:
    """call sends one request and returns (status, headers, body)."""
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else (body.encode() if isinstance(body, str) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def base(srv) -> str:
    """base is a mock server's URL without a trailing slash (pact-python 3.x
    gives a yarl URL, 4.x a string)."""
    return str(srv.url).rstrip("/")
