"""Provider verification: replay pacts against a running provider and report the result.

::

    from libpact import Verifier

    with Verifier("users", provider_version="1.2.3") as v:
        v.set_provider("http://127.0.0.1:8000")
        v.add_directory_source("pacts")
        v.set_state_change_url("http://127.0.0.1:8000/_pact/state")
        result = v.verify()          # VerificationResult
    assert result.ok, result.output

``verify()`` releases the GIL while the library calls the provider, so the provider may be served by a thread of
the same process. The ``pact-verifier`` console command (:func:`main`) wraps the same calls.
"""

from __future__ import annotations

import argparse
import json
import sys
import weakref
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import _ffi
from ._ffi import PactError, enc, str_array
from ._handle import Handle

__all__ = ["Verifier", "VerificationResult", "main"]


@dataclass
class VerificationResult:
    """What ``Verifier.verify`` returns: ``code`` 0 passed, 1 failed, 2 could not run; ``output`` is the console
    report; ``json`` the parsed result (None if the library gave none)."""

    code: int
    output: str
    json: dict | None

    @property
    def ok(self) -> bool:
        return self.code == 0


class Verifier(Handle):
    """A verifier handle (``pactffi_verifier_new_for_application``). Configure it, then ``verify()``.

    Setters raise :class:`PactError` with the library's message when the library reports a problem.
    """

    def __init__(self, provider: str, provider_version: str | None = None, app_name: str = "libpact-python",
                 app_version: str | None = None):
        from . import __version__
        ptr = _ffi.verifier_new_for_application(enc(app_name), enc(app_version or __version__))
        if not ptr:
            raise PactError(_ffi.last_error() or "pactffi_verifier_new_for_application failed")
        self._own(ptr, _ffi.verifier_shutdown)
        self.provider = provider
        self.provider_version = provider_version
        self._provider_set = False
        self._rc(_ffi.verifier_set_coloured_output, 0)  # plain text in output() and json(); set_options to change

    @property
    def _ptr(self):
        if self.closed:
            raise PactError("the verifier is closed")
        return self._value

    def _void(self, fn, *args) -> None:
        # The void setters report failures only through the thread's last error; they clear it on success.
        fn(self._ptr, *args)
        err = _ffi.last_error()
        if err:
            raise PactError(err)

    def _rc(self, fn, *args) -> None:
        rc = fn(self._ptr, *args)
        if rc != 0:
            raise PactError(_ffi.last_error() or f"{fn.__name__} returned {rc}", rc)

    # -- the provider ---------------------------------------------------------------------------------------------
    def set_provider(self, base_url: str) -> "Verifier":
        """Where the provider listens, e.g. "http://127.0.0.1:8000/api"."""
        u = urlsplit(base_url)
        if u.scheme not in ("http", "https") or not u.hostname:
            raise ValueError(f"provider base URL must be http(s)://host[:port][/path], got {base_url!r}")
        self._void(_ffi.verifier_set_provider_info, enc(self.provider), enc(u.scheme), enc(u.hostname),
                   u.port or 0, enc(u.path or "/"))
        self._provider_set = True
        return self

    def add_transport(self, protocol: str, port: int, path: str = "/", scheme: str | None = None) -> "Verifier":
        """Another transport of the provider ("http", "https", "message")."""
        self._void(_ffi.verifier_add_provider_transport, enc(protocol), port, enc(path), enc(scheme))
        return self

    def set_state_change_url(self, url: str, teardown: bool = False, body: bool = True) -> "Verifier":
        """The provider-state endpoint; with teardown it is also called after each interaction."""
        self._void(_ffi.verifier_set_provider_state, enc(url), int(teardown), int(body))
        return self

    def set_state_handler(self, handler, teardown: bool = False) -> "Verifier":
        """Provider states handled by a Python callable in this process, instead of an endpoint of the provider:
        ``handler(state, action, **params)`` with action "setup" (or "teardown" when teardown is true). A dict it
        returns is sent back as the state's values (for provider-state generators). Interactions without a provider state
        do not call it. The handler runs on a thread
        of a small HTTP server on 127.0.0.1 that lives as long as the verifier."""
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class StateRequest(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):  # noqa: N802
                n = int(self.headers.get("Content-Length") or 0)
                try:
                    req = json.loads(self.rfile.read(n) or b"{}")
                    name = req.get("state") or ""
                    # The verifier also calls for interactions without a state (name ""): nothing to set up.
                    out = handler(name, req.get("action", "setup"), **(req.get("params") or {})) if name else {}
                    data, status = json.dumps(out if isinstance(out, dict) else {}).encode(), 200
                except Exception as exc:  # the verifier reports the state change as failed
                    data, status = json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode(), 500
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        server = ThreadingHTTPServer(("127.0.0.1", 0), StateRequest)
        threading.Thread(target=server.serve_forever, daemon=True, name="pact-state-handler").start()
        if getattr(self, "_state_server", None) is not None:
            self._state_server()  # replaces an earlier handler
        self._state_server = weakref.finalize(self, _stop_server, server)
        return self.set_state_change_url(f"http://127.0.0.1:{server.server_address[1]}/", teardown, True)

    def set_filter(self, description: str | None = None, state: str | None = None,
                   no_state: bool = False) -> "Verifier":
        """Only verifies interactions whose description / provider state match these regexes."""
        self._void(_ffi.verifier_set_filter_info, enc(description), enc(state), int(no_state))
        return self

    def set_consumer_filters(self, consumers) -> "Verifier":
        """Only verifies the pacts of these consumers."""
        arr, n = str_array(consumers)
        self._void(_ffi.verifier_set_consumer_filters, arr, n)
        return self

    def add_custom_header(self, name: str, value: str) -> "Verifier":
        """Adds a header to every request sent to the provider."""
        self._void(_ffi.verifier_add_custom_header, enc(name), enc(value))
        return self

    def set_options(self, disable_ssl_verification: bool = False, request_timeout_ms: int = 5000,
                    coloured_output: bool = False, no_pacts_is_error: bool = True,
                    follow_redirects: bool | None = None) -> "Verifier":
        """Verification options (TLS verification, request timeout, colours, whether no pacts is an error)."""
        self._rc(_ffi.verifier_set_verification_options, int(disable_ssl_verification), request_timeout_ms)
        self._rc(_ffi.verifier_set_coloured_output, int(coloured_output))
        self._rc(_ffi.verifier_set_no_pacts_is_error, int(no_pacts_is_error))
        if follow_redirects is not None:
            self._void(_ffi.verifier_set_follow_redirects, int(follow_redirects))
        return self

    def set_publish_options(self, provider_version: str | None = None, build_url: str | None = None,
                            tags=(), branch: str | None = None) -> "Verifier":
        """Publishes the results to the broker (broker sources only)."""
        version = provider_version or self.provider_version
        if not version:
            raise ValueError("publishing results needs the provider version")
        arr, n = str_array(tags)
        self._rc(_ffi.verifier_set_publish_options, enc(version), enc(build_url), arr, n, enc(branch))
        return self

    # -- pact sources ---------------------------------------------------------------------------------------------
    def add_file_source(self, path: str) -> "Verifier":
        self._void(_ffi.verifier_add_file_source, enc(str(path)))
        return self

    def add_directory_source(self, path: str) -> "Verifier":
        self._void(_ffi.verifier_add_directory_source, enc(str(path)))
        return self

    def add_url_source(self, url: str, username: str | None = None, password: str | None = None,
                       token: str | None = None) -> "Verifier":
        self._void(_ffi.verifier_url_source, enc(url), enc(username), enc(password), enc(token))
        return self

    def add_broker_source(self, url: str, username: str | None = None, password: str | None = None,
                          token: str | None = None, enable_pending: bool = False,
                          include_wip_pacts_since: str | None = None, provider_tags=(),
                          provider_branch: str | None = None, consumer_version_selectors=(),
                          consumer_version_tags=()) -> "Verifier":
        """Pacts for this provider from a Pact Broker; selectors are dicts or JSON strings."""
        ptags, nptags = str_array(provider_tags)
        sels, nsels = str_array([s if isinstance(s, str) else json.dumps(s) for s in consumer_version_selectors])
        ctags, nctags = str_array(consumer_version_tags)
        self._rc(_ffi.verifier_broker_source_with_selectors, enc(url), enc(username), enc(password), enc(token),
                 int(enable_pending), enc(include_wip_pacts_since), ptags, nptags, enc(provider_branch), sels, nsels,
                 ctags, nctags)
        return self

    # -- running --------------------------------------------------------------------------------------------------
    def verify(self) -> VerificationResult:
        """Runs the verification (blocking, without the GIL) and returns its result."""
        if not self._provider_set:
            raise PactError("set_provider(base_url) must be called before verify()")
        code = _ffi.verifier_execute(self._ptr)
        err = _ffi.last_error() if code == 2 else ""
        output = _ffi.take_string(_ffi.verifier_output(self._ptr, 1)) or ""
        raw = _ffi.take_string(_ffi.verifier_json(self._ptr))
        result = json.loads(raw) if raw else None
        if code == 2 and not output:
            output = err
        return VerificationResult(code, output, result)

    def logs(self) -> str:
        """The verifier's log."""
        return _ffi.take_string(_ffi.verifier_logs(self._ptr)) or ""

    def close(self) -> None:
        super().close()
        stop = getattr(self, "_state_server", None)
        if stop is not None:
            stop()  # a weakref.finalize: runs once


def _stop_server(server) -> None:
    server.shutdown()
    server.server_close()


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pact-verifier", description="Verify a provider against pacts with libpact.")
    p.add_argument("--provider", "-n", required=True, help="the provider's name")
    p.add_argument("--provider-base-url", required=True, help="where the provider listens, e.g. http://localhost:8000")
    src = p.add_argument_group("pact sources (at least one)")
    src.add_argument("--file", "-f", action="append", default=[], help="a pact file (repeatable)")
    src.add_argument("--dir", "-d", action="append", default=[], help="a directory of pact files (repeatable)")
    src.add_argument("--url", "-u", action="append", default=[], help="a pact URL (repeatable)")
    src.add_argument("--broker-url", "-b", help="a Pact Broker")
    auth = p.add_argument_group("authentication of URL and broker sources")
    auth.add_argument("--user", help="basic-auth user name")
    auth.add_argument("--password", help="basic-auth password")
    auth.add_argument("--token", "-t", help="bearer token")
    st = p.add_argument_group("provider states")
    st.add_argument("--state-change-url", "-s", help="the provider-state endpoint")
    st.add_argument("--state-change-teardown", action="store_true", help="call it after each interaction too")
    st.add_argument("--state-change-as-query", action="store_true", help="send the state as query parameters")
    flt = p.add_argument_group("filters")
    flt.add_argument("--filter-description", help="regex of interaction descriptions to verify")
    flt.add_argument("--filter-state", help="regex of provider states to verify")
    flt.add_argument("--filter-no-state", action="store_true", help="only interactions without a provider state")
    flt.add_argument("--filter-consumer", "-c", action="append", default=[], help="a consumer to verify (repeatable)")
    br = p.add_argument_group("broker selection")
    br.add_argument("--consumer-version-selectors", action="append", default=[], help="a selector as JSON")
    br.add_argument("--consumer-version-tags", action="append", default=[], help="a consumer tag (repeatable)")
    br.add_argument("--provider-tags", action="append", default=[], help="a provider tag (repeatable)")
    br.add_argument("--provider-branch", help="the provider's branch")
    br.add_argument("--enable-pending", action="store_true", help="pending pacts do not fail verification")
    br.add_argument("--include-wip-pacts-since", help="include WIP pacts since this date (YYYY-MM-DD)")
    pub = p.add_argument_group("publishing results")
    pub.add_argument("--publish", action="store_true", help="publish the results to the broker")
    pub.add_argument("--provider-version", help="the provider version (required with --publish)")
    pub.add_argument("--build-url", help="the CI build URL recorded with the results")
    other = p.add_argument_group("other")
    other.add_argument("--header", "-H", action="append", default=[], help="NAME=VALUE added to every request")
    other.add_argument("--disable-ssl-verification", action="store_true")
    other.add_argument("--request-timeout", type=int, default=5000, help="milliseconds (default 5000)")
    other.add_argument("--no-pacts-is-ok", action="store_true", help="do not fail when no pact is found")
    other.add_argument("--json", metavar="FILE", help="write the JSON result to FILE ('-' for stdout)")
    other.add_argument("--junit", metavar="FILE", help="write a JUnit XML report to FILE")
    other.add_argument("--loglevel", "-l", default="warn", help="off, error, warn, info, debug, trace")
    return p


def junit_xml(provider: str, result: dict | None, code: int) -> str:
    """A JUnit XML report from the verifier's JSON result: one testcase per interaction, failed ones carrying
    their mismatches."""
    from xml.sax.saxutils import escape, quoteattr
    result = result or {}
    errors = result.get("errors", []) + result.get("pendingErrors", [])
    cases, failures = [], 0
    for ir in result.get("interactionResults", []):
        desc = ir.get("description", "interaction")
        if ir.get("result") == "OK":
            cases.append(f"  <testcase classname={quoteattr(provider)} name={quoteattr(desc)}/>")
            continue
        failures += 1
        lines = []
        for err in errors:
            if not str(err.get("interaction", "")).endswith(desc):
                continue
            mm = err.get("mismatch", {})
            for m in mm.get("mismatches", []) or [mm]:
                where = m.get("path") or m.get("key") or ""
                lines.append(f"{where} -> {m.get('mismatch') or m.get('message') or json.dumps(m)}".strip())
        text = "\n".join(lines) or str(ir.get("result"))
        cases.append(f"  <testcase classname={quoteattr(provider)} name={quoteattr(desc)}>"
                     f"<failure message={quoteattr(lines[0] if lines else 'verification failed')}>{escape(text)}"
                     f"</failure></testcase>")
    if not cases:  # nothing was verified (no pacts, or the run could not start)
        cases.append(f"  <testcase classname={quoteattr(provider)} name=\"verification\">" +
                     ("" if code == 0 else "<failure message=\"verification did not run\"/>") + "</testcase>")
        failures = 0 if code == 0 else 1
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name={quoteattr(provider)} tests="{len(cases)}" '
            f'failures="{failures}">\n' + "\n".join(cases) + "\n</testsuite>\n")


def main(argv=None) -> int:
    """The ``pact-verifier`` command: returns 0 if verification passed, 1 if it failed, 2 on a usage or setup
    error."""
    args = _parser().parse_args(argv)
    if not (args.file or args.dir or args.url or args.broker_url):
        print("pact-verifier: give at least one pact source (--file, --dir, --url or --broker-url)", file=sys.stderr)
        return 2
    if args.publish and not args.provider_version:
        print("pact-verifier: --publish needs --provider-version", file=sys.stderr)
        return 2
    from .log import log_to_stderr
    try:
        log_to_stderr(args.loglevel)
        with Verifier(args.provider, args.provider_version, app_name="pact-verifier") as v:
            v.set_provider(args.provider_base_url)
            v.set_options(args.disable_ssl_verification, args.request_timeout, False, not args.no_pacts_is_ok)
            if args.state_change_url:
                v.set_state_change_url(args.state_change_url, args.state_change_teardown,
                                       not args.state_change_as_query)
            if args.filter_description or args.filter_state or args.filter_no_state:
                v.set_filter(args.filter_description, args.filter_state, args.filter_no_state)
            if args.filter_consumer:
                v.set_consumer_filters(args.filter_consumer)
            for h in args.header:
                name, sep, value = h.partition("=")
                if not sep:
                    raise ValueError(f"--header wants NAME=VALUE, got {h!r}")
                v.add_custom_header(name, value)
            for f in args.file:
                v.add_file_source(f)
            for d in args.dir:
                v.add_directory_source(d)
            for u in args.url:
                v.add_url_source(u, args.user, args.password, args.token)
            if args.broker_url:
                v.add_broker_source(args.broker_url, args.user, args.password, args.token, args.enable_pending,
                                    args.include_wip_pacts_since, args.provider_tags, args.provider_branch,
                                    args.consumer_version_selectors, args.consumer_version_tags)
            if args.publish:
                v.set_publish_options(args.provider_version, args.build_url, args.provider_tags,
                                      args.provider_branch)
            result = v.verify()
    except (PactError, ValueError) as exc:
        print(f"pact-verifier: {exc}", file=sys.stderr)
        return 2
    if result.output:
        print(result.output)
    if args.json:
        text = json.dumps(result.json, indent=2)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
    if args.junit:
        with open(args.junit, "w", encoding="utf-8") as fh:
            fh.write(junit_xml(args.provider, result.json, result.code))
    return result.code


if __name__ == "__main__":
    sys.exit(main())
