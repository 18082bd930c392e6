import json
import urllib.error
import urllib.request

import pytest


def http(method, url, body=None, headers=None):
    """(status, headers, body bytes) of an HTTP request made with urllib; HTTP errors are returned too."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


@pytest.fixture
def pact_file(tmp_path):
    def read(consumer, provider):
        return json.loads((tmp_path / f"{consumer}-{provider}.json").read_text())
    return read

pytest_plugins = ["pytester"]
