"""The consumer DSL: pacts between a consumer and a provider, HTTP interactions served by a mock server, and
message pacts.

::

    from libpact import Consumer, Provider
    import libpact.match as match

    pact = Consumer("web").has_pact_with(Provider("users"), pact_dir="pacts", version="4.0")
    (pact.given("user exists", id=1)
         .upon_receiving("a request for user 1")
         .with_request("GET", "/users/1", headers={"Accept": "application/json"})
         .will_respond_with(200, body={"id": match.integer(1), "name": match.like("Ann")}))
    with pact:
        urllib.request.urlopen(pact.uri + "/users/1")
    # on exit: raises MismatchError unless every interaction was received as described, then writes
    # pacts/web-users.json
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from . import _ffi
from ._ffi import PactError, check, enc
from ._handle import Handle
from .match import Matcher, dumps

__all__ = ["Consumer", "Provider", "Pact", "MessagePact", "MockServer", "MismatchError", "PactError"]

# pactman's file_write_mode: "overwrite" replaces a file the first time this process writes it, then merges.
_WRITTEN: set[str] = set()


class MismatchError(PactError, AssertionError):
    """The mock server did not receive what the pact describes; ``mismatches`` is the mock server's JSON list."""

    def __init__(self, message: str, mismatches: list):
        super().__init__(message)
        self.mismatches = mismatches


class Provider:
    """The provider side of a pact: ``Provider("users")``."""

    def __init__(self, name: str):
        self.name = name


class Consumer:
    """The consumer side of a pact: ``Consumer("web").has_pact_with(Provider("users"))``."""

    def __init__(self, name: str):
        self.name = name

    def has_pact_with(self, provider: Provider | str, pact_dir: str = ".", version: str = "3.0", host: str =
                      "127.0.0.1", port: int = 0, file_write_mode: str = "overwrite", tls: bool = False) -> "Pact":
        """An HTTP pact with provider; see :class:`Pact`."""
        return Pact(self, provider, pact_dir=pact_dir, version=version, host=host, port=port,
                    file_write_mode=file_write_mode, tls=tls)

    def has_message_pact_with(self, provider: Provider | str, pact_dir: str = ".", version: str = "3.0",
                              file_write_mode: str = "overwrite") -> "MessagePact":
        """A message pact with provider; see :class:`MessagePact`."""
        return MessagePact(self, provider, pact_dir=pact_dir, version=version, file_write_mode=file_write_mode)


def _name(x) -> str:
    return x if isinstance(x, str) else x.name


def _text(value: Any) -> str:
    """A header/query/path value for libpact: a matcher as integration JSON, anything else as text."""
    if isinstance(value, Matcher):
        return dumps(value)
    return value if isinstance(value, str) else json.dumps(value)


def _spec(version: str) -> int:
    try:
        return _ffi.SPEC[str(version)]
    except KeyError:
        raise ValueError(f"unknown pact specification version {version!r}; use 1.1, 2.0, 3.0 or 4.0") from None


class _PactBase(Handle):
    """What HTTP and message pacts share: the native pact handle (recreated after each test block), provider
    states, and writing the file."""

    def __init__(self, consumer, provider, pact_dir: str, version: str, file_write_mode: str):
        if file_write_mode not in ("overwrite", "merge", "never"):
            raise ValueError("file_write_mode must be 'overwrite', 'merge' or 'never'")
        self.consumer = _name(consumer)
        self.provider = _name(provider)
        self.pact_dir = str(pact_dir)
        self.version = str(version)
        self.file_write_mode = file_write_mode
        self._spec = _spec(version)
        self._interaction = 0  # the interaction being described
        self._complete = True  # whether the next given/upon_receiving starts a new interaction
        self._pending_states: list[tuple[str, dict]] = []
        self._metadata: list[tuple[str, str, str]] = []  # applied to every native pact of this object

    # -- the native pact ------------------------------------------------------------------------------------------
    @property
    def handle(self) -> int:
        """The native PactHandle (created on first use, and anew after each ``with`` block)."""
        if self.closed:
            h = _ffi.new_pact(enc(self.consumer), enc(self.provider))
            check(h, "pactffi_new_pact")
            self._own(h, _ffi.free_pact_handle)
            check(_ffi.with_specification(h, self._spec), "pactffi_with_specification")
            for namespace, name, value in self._metadata:
                check(_ffi.with_pact_metadata(h, enc(namespace), enc(name), enc(value)), "pactffi_with_pact_metadata")
        return self._value

    def with_metadata_entry(self, namespace: str, name: str, value: str):
        """Adds metadata[namespace][name] = value to the pact file (for every test block of this pact)."""
        check(_ffi.with_pact_metadata(self.handle, enc(namespace), enc(name), enc(value)),
              "pactffi_with_pact_metadata")
        self._metadata.append((namespace, name, value))
        return self

    def _reset(self) -> None:
        self.close()
        self._interaction = 0
        self._complete = True
        self._pending_states = []

    def _write_overwrite(self) -> bool | None:
        """Whether to overwrite the pact file now, or None not to write it."""
        if self.file_write_mode == "never":
            return None
        if self.file_write_mode == "merge":
            return False
        key = f"{self.pact_dir}\0{self.consumer}\0{self.provider}"
        first = key not in _WRITTEN
        _WRITTEN.add(key)
        return first

    # -- provider states ------------------------------------------------------------------------------------------
    def given(self, state: str, **params):
        """Adds a provider state with optional parameters: ``given("user exists", id=1)``. Called before
        ``upon_receiving`` / ``expects_to_receive`` it starts a new interaction."""
        if self._complete:
            self._pending_states.append((state, params))
            return self
        self._add_state(self._interaction, state, params)
        return self

    def and_given(self, state: str, **params):
        """Adds another provider state to the current interaction (pactman's ``and_given``)."""
        if self._interaction and not self.closed:
            self._add_state(self._interaction, state, params)
        else:
            self._pending_states.append((state, params))
        return self

    def _add_state(self, interaction: int, state: str, params: dict) -> None:
        if params:
            rc = _ffi.given_with_params(interaction, enc(state), enc(json.dumps(params)))
            check(rc == 0, "pactffi_given_with_params", rc)
        else:
            check(_ffi.given(interaction, enc(state)), "pactffi_given")

    def _start(self, create, description: str) -> int:
        i = create(self.handle, enc(description))
        check(i, "creating an interaction")
        states, self._pending_states = self._pending_states, []
        for state, params in states:
            self._add_state(i, state, params)
        self._interaction = i
        self._complete = False
        return i

    def _current(self, what: str) -> int:
        if not self._interaction or self.closed:
            raise PactError(f"{what}: describe the interaction first (upon_receiving / expects_to_receive)")
        return self._interaction

    # -- V4 extras --------------------------------------------------------------------------------------------------
    def with_comment(self, text: str):
        """V4: adds a text comment to the current interaction."""
        check(_ffi.add_text_comment(self._current("with_comment"), enc(text)), "pactffi_add_text_comment")
        return self

    def with_test_name(self, name: str):
        """V4: records the name of the test that defines the current interaction."""
        rc = _ffi.interaction_test_name(self._current("with_test_name"), enc(name))
        check(rc == 0, "pactffi_interaction_test_name", rc)
        return self

    def pending(self, pending: bool = True):
        """V4: marks the current interaction pending."""
        check(_ffi.set_pending(self._current("pending"), pending), "pactffi_set_pending")
        return self


class MockServer(Handle):
    """A running mock server (identified by its port); ``close()`` stops it."""

    def __init__(self, pact_handle: int, host: str = "127.0.0.1", port: int = 0, tls: bool = False):
        rc = _ffi.create_mock_server_for_transport(pact_handle, enc(host), port, b"https" if tls else b"http", None)
        check(rc > 0, "pactffi_create_mock_server_for_transport", rc)
        self.port = rc
        self.host = host
        self.uri = f"{'https' if tls else 'http'}://{host}:{rc}"
        self._own(rc, _ffi.cleanup_mock_server)

    def matched(self) -> bool:
        """True if every interaction was received and nothing unexpected or mismatched was."""
        return bool(_ffi.mock_server_matched(self.port))

    def mismatches(self) -> list:
        """The mock server's mismatches as a list of dicts (empty when everything matched)."""
        raw = _ffi.mock_server_mismatches(self.port)
        if raw is None:
            raise PactError(_ffi.last_error() or f"no mock server runs on port {self.port}")
        return json.loads(raw.decode("utf-8"))

    def logs(self) -> str:
        """The mock server's own log."""
        raw = _ffi.mock_server_logs(self.port)
        return raw.decode("utf-8", "replace") if raw else ""

    def write_pact(self, directory: str, overwrite: bool = False) -> None:
        """Writes the pact (the interactions of the mock server) into directory."""
        rc = _ffi.write_pact_file(self.port, enc(directory), overwrite)
        check(rc == 0, "pactffi_write_pact_file", rc)


def format_mismatches(mismatches: list) -> str:
    """A readable, multi-line account of the mock server's mismatch list."""
    lines = []
    for m in mismatches:
        kind = m.get("type")
        req = f"{m.get('method', '')} {m.get('path', '')}".strip()
        if kind == "missing-request":
            r = m.get("request", {})
            lines.append(f"Missing request: {r.get('method', '')} {r.get('path', '')} was expected but never received")
        elif kind == "request-not-found":
            lines.append(f"Unexpected request: {req} matches no interaction")
        elif kind == "request-mismatch":
            lines.append(f"Request mismatch: {req}")
            for d in m.get("mismatches", []):
                where = d.get("path") or d.get("key") or d.get("parameter") or ""
                where = f" at {where}" if where else ""
                lines.append(f"  - {d.get('type', 'Mismatch')}{where}: {d.get('mismatch', json.dumps(d))}")
        else:
            lines.append(json.dumps(m))
    return "\n".join(lines)


class Pact(_PactBase):
    """An HTTP pact between a consumer and a provider.

    Describe interactions with ``given`` / ``upon_receiving`` / ``with_request`` / ``will_respond_with``, then run
    the code under test inside ``with pact:``: the mock server listens at ``pact.uri`` during the block; on a clean
    exit it checks that every interaction was received as described (raising :class:`MismatchError` with the
    mismatches otherwise) and writes ``<pact_dir>/<consumer>-<provider>.json``. Each block starts afresh: define
    the interactions of the next block after it. ``setup()`` / ``verify()`` do the same in two calls.

    ``file_write_mode``: "overwrite" (the first write of this process replaces the file, later ones merge),
    "merge" or "never".
    """

    def __init__(self, consumer, provider, pact_dir: str = ".", version: str = "3.0", host: str = "127.0.0.1",
                 port: int = 0, file_write_mode: str = "overwrite", tls: bool = False):
        super().__init__(consumer, provider, pact_dir, version, file_write_mode)
        self.host = host
        self.port = port
        self.tls = tls
        self.server: MockServer | None = None
        self.uri: str | None = None

    # -- describing interactions ----------------------------------------------------------------------------------
    def upon_receiving(self, description: str) -> "Pact":
        """Starts an interaction (the states given just before apply to it)."""
        self._start(_ffi.new_interaction, description)
        return self

    def with_request(self, method: str, path: Any, query: Any = None, headers: Mapping | None = None,
                     body: Any = None, content_type: str | None = None) -> "Pact":
        """The request: method, path (a string or a matcher), query (a dict of str/list/matcher values, or a query
        string), headers (dict) and body (JSON-able with matchers, str, or bytes)."""
        i = self._current("with_request")
        check(_ffi.with_request(i, enc(method), enc(_text(path))), "pactffi_with_request")
        if query:
            self._query(i, query)
        self._part(i, _ffi.REQUEST, headers, body, content_type)
        return self

    def will_respond_with(self, status: Any = 200, headers: Mapping | None = None, body: Any = None,
                          content_type: str | None = None) -> "Pact":
        """The response: status (an int or ``match.status_code``), headers and body as in ``with_request``."""
        i = self._current("will_respond_with")
        check(_ffi.response_status_v2(i, enc(_text(status))), "pactffi_response_status_v2")
        self._part(i, _ffi.RESPONSE, headers, body, content_type)
        self._complete = True
        return self

    def _query(self, i: int, query: Any) -> None:
        if isinstance(query, str):
            from urllib.parse import parse_qsl
            pairs: dict[str, list] = {}
            for k, v in parse_qsl(query.lstrip("?"), keep_blank_values=True):
                pairs.setdefault(k, []).append(v)
            query = pairs
        for name, value in dict(query).items():
            vals = value if isinstance(value, (list, tuple)) else [value]
            for idx, v in enumerate(vals):
                check(_ffi.with_query_parameter_v2(i, enc(name), idx, None if v is None else enc(_text(v))),
                      "pactffi_with_query_parameter_v2")

    def _part(self, i: int, part: int, headers: Mapping | None, body: Any, content_type: str | None) -> None:
        ct = content_type
        for name, value in dict(headers or {}).items():
            vals = value if isinstance(value, (list, tuple)) else [value]
            for idx, v in enumerate(vals):
                check(_ffi.with_header_v2(i, part, enc(name), idx, enc(_text(v))), "pactffi_with_header_v2")
            if name.lower() == "content-type" and ct is None and isinstance(value, str):
                ct = value
        if body is None:
            return
        if isinstance(body, (bytes, bytearray, memoryview)):
            data = bytes(body)
            buf = (_ffi.c_uint8 * len(data)).from_buffer_copy(data) if data else None
            check(_ffi.with_binary_body(i, part, enc(ct or "application/octet-stream"), buf, len(data)),
                  "pactffi_with_binary_body")
        elif isinstance(body, str) and not isinstance(body, Matcher):
            check(_ffi.with_body(i, part, enc(ct or "text/plain"), enc(body)), "pactffi_with_body")
        else:
            check(_ffi.with_body(i, part, enc(ct or "application/json"), enc(dumps(body))), "pactffi_with_body")

    # -- running ------------------------------------------------------------------------------------------------------
    def setup(self) -> "Pact":
        """Starts the mock server for the interactions described so far; ``pact.uri`` is its base URL."""
        if self.server is not None:
            raise PactError("the mock server is already running; call verify() first")
        self.server = MockServer(self.handle, self.host, self.port, self.tls)
        self.uri = self.server.uri
        return self

    def verify(self) -> None:
        """Checks what the mock server received, writes the pact file if everything matched, stops the server and
        starts a fresh pact for the next interactions. Raises MismatchError listing the mismatches."""
        server = self.server
        if server is None:
            raise PactError("verify() without setup(): no mock server is running")
        try:
            if not server.matched():
                mismatches = server.mismatches()
                raise MismatchError(f"the mock server for {self.consumer} -> {self.provider} did not receive what "
                                    f"the pact describes:\n{format_mismatches(mismatches)}", mismatches)
            overwrite = self._write_overwrite()
            if overwrite is not None:
                server.write_pact(self.pact_dir, overwrite)
        finally:
            self._stop()

    def _stop(self) -> None:
        if self.server is not None:
            self.server.close()
        self.server = None
        self.uri = None
        self._reset()

    def __enter__(self) -> "Pact":
        return self.setup()

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self._stop()  # the test failed: report its error, not the mock server's
            return
        self.verify()

    def close(self) -> None:
        if getattr(self, "server", None) is not None:
            self.server.close()
            self.server = None
        super().close()


class MessagePact(_PactBase):
    """A pact of asynchronous messages the consumer receives.

    ::

        pact = Consumer("worker").has_message_pact_with(Provider("queue"), pact_dir="pacts")
        (pact.given("an order exists", id=3)
             .expects_to_receive("an order created event")
             .with_content({"id": match.integer(3)})
             .with_metadata({"topic": "orders"}))
        with pact:
            message = pact.reify()   # {"contents": {"id": 3}, "metadata": {...}, ...}
            handle(message["contents"])
        # on a clean exit the pact file is written
    """

    def __init__(self, consumer, provider, pact_dir: str = ".", version: str = "3.0",
                 file_write_mode: str = "overwrite"):
        super().__init__(consumer, provider, pact_dir, version, file_write_mode)

    def expects_to_receive(self, description: str) -> "MessagePact":
        """Starts a message (the states given just before apply to it)."""
        self._start(_ffi.new_message_interaction, description)
        self._complete = True  # given() now starts the next message; and_given() adds to this one
        return self

    def with_content(self, content: Any, content_type: str | None = None) -> "MessagePact":
        """The message contents: JSON-able (with matchers), str or bytes."""
        i = self._current("with_content")
        if isinstance(content, (bytes, bytearray)):
            data = bytes(content)
            buf = (_ffi.c_uint8 * len(data)).from_buffer_copy(data) if data else None
            check(_ffi.with_binary_body(i, _ffi.REQUEST, enc(content_type or "application/octet-stream"), buf,
                                        len(data)), "pactffi_with_binary_body")
        elif isinstance(content, str):
            check(_ffi.with_body(i, _ffi.REQUEST, enc(content_type or "text/plain"), enc(content)),
                  "pactffi_with_body")
        else:
            check(_ffi.with_body(i, _ffi.REQUEST, enc(content_type or "application/json"), enc(dumps(content))),
                  "pactffi_with_body")
        return self

    def with_metadata(self, metadata: Mapping | None = None, **kw) -> "MessagePact":
        """Message metadata; values may be matchers."""
        i = self._current("with_metadata")
        for key, value in {**dict(metadata or {}), **kw}.items():
            check(_ffi.with_metadata(i, enc(key), enc(_text(value)), _ffi.REQUEST), "pactffi_with_metadata")
        return self

    def reify(self) -> dict:
        """The current message as the provider would send it (matchers replaced by their examples, generators
        applied): ``{"contents": ..., "metadata": {...}, "description": ...}``. ``contents`` is the JSON value, text
        or bytes (for V4 pacts too, whose files wrap it in ``{"content", "contentType", "encoded"}``)."""
        i = self._current("reify")
        text = _ffi.take_string(_ffi.message_reify(i))
        if text is None:
            raise PactError(_ffi.last_error() or "pactffi_message_reify failed")
        message = json.loads(text)
        body = message.get("contents")
        # V4 pacts give the body in its pact-file form; hand back the contents themselves, as for V3.
        if isinstance(body, dict) and set(body) <= {"content", "contentType", "encoded"} and "content" in body:
            content = body.get("content")
            if body.get("encoded") in ("base64", True) and isinstance(content, str):
                import base64
                content = base64.b64decode(content)
            message["contents"] = content
            if body.get("contentType"):
                message.setdefault("metadata", {}).setdefault("contentType", body["contentType"])
        return message

    def write(self) -> None:
        """Writes the messages described so far to the pact file and starts afresh."""
        overwrite = self._write_overwrite()
        try:
            if overwrite is not None:
                rc = _ffi.pact_handle_write_file(self.handle, enc(self.pact_dir), overwrite)
                check(rc == 0, "pactffi_pact_handle_write_file", rc)
        finally:
            self._reset()

    def __enter__(self) -> "MessagePact":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            self._reset()
            return
        self.write()
