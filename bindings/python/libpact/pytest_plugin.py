"""The libpact pytest plugin (registered through the ``pytest11`` entry point).

Options: ``--pact-dir DIR`` (where pact files are written; default ``pacts``), ``--pact-log-level LEVEL`` (libpact's
log on stderr: off, error, warn, info, debug, trace; default off) and ``--pact-version`` (default 3.0).

Fixtures:

* ``pact`` — a factory: ``pact("web", "users")`` returns a :class:`libpact.Pact` writing to ``--pact-dir``;
  ``pact("web", "users", message=True)`` a :class:`libpact.MessagePact`. Pacts left open are closed after the
  test::

      def test_get_user(pact):
          p = pact("web", "users")
          p.upon_receiving("a request").with_request("GET", "/u").will_respond_with(200)
          with p:
              urllib.request.urlopen(p.uri + "/u")

* ``pact_dir`` — the directory of ``--pact-dir`` (a ``pathlib.Path``).

* ``pact_verifier`` — provider verification as tests, as pactman had it: a test that takes it is run once per
  interaction of the pact files given by ``--pact-files GLOB`` (filtered by ``--pact-provider-name`` and
  ``--pact-consumer-name``), or once for everything a ``--pact-broker-url`` holds for the provider. Provider states
  go to an in-process callback::

      def provider_state(name, action, **params):
          if name == "user exists" and action == "setup":
              db.add_user(params["id"])

      def test_pacts(live_server, pact_verifier):
          pact_verifier.verify(live_server.url, provider_state)

  Results are published with ``--pact-publish-results --pact-provider-version V`` (broker sources).
"""

from __future__ import annotations

import glob
import json
import re
from pathlib import Path

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("pact", "Pact contract tests (libpact)")
    group.addoption("--pact-dir", default="pacts", help="directory the pact files are written to (default: pacts)")
    group.addoption("--pact-log-level", default="off",
                    help="libpact log level on stderr: off, error, warn, info, debug, trace (default: off)")
    group.addoption("--pact-version", default="3.0", help="pact specification version of new pacts (default: 3.0)")
    group.addoption("--pact-files", default=None, help="glob of pact files the pact_verifier fixture verifies")
    group.addoption("--pact-broker-url", default=None, help="Pact Broker the pact_verifier fixture verifies from")
    group.addoption("--pact-broker-token", default=None, help="bearer token for the broker")
    group.addoption("--pact-provider-name", default=None, help="the provider being verified")
    group.addoption("--pact-consumer-name", default=None, help="only verify pacts of this consumer")
    group.addoption("--pact-publish-results", action="store_true", default=False,
                    help="publish verification results to the broker")
    group.addoption("--pact-provider-version", default=None, help="provider version for published results")


def pytest_configure(config):
    level = config.getoption("--pact-log-level", default="off")
    if level and level.lower() not in ("off", "none"):
        from .log import log_to_stderr
        log_to_stderr(level)


@pytest.fixture
def pact_dir(request) -> Path:
    """The --pact-dir directory (created on first use)."""
    d = Path(request.config.getoption("--pact-dir"))
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.fixture
def pact(request, pact_dir):
    """A factory of pacts: ``pact(consumer, provider, version=None, message=False, **options)``."""
    from .consumer import Consumer, Provider
    made = []
    default_version = request.config.getoption("--pact-version")

    def factory(consumer: str, provider: str, version: str | None = None, message: bool = False, **options):
        c = Consumer(consumer)
        if message:
            p = c.has_message_pact_with(Provider(provider), pact_dir=str(pact_dir),
                                        version=version or default_version, **options)
        else:
            p = c.has_pact_with(Provider(provider), pact_dir=str(pact_dir), version=version or default_version,
                                **options)
        made.append(p)
        return p

    yield factory
    for p in made:
        p.close()


class _Target:
    """One test of pact_verifier: an interaction of a pact file, or the broker's pacts for the provider."""

    def __init__(self, source: str, provider: str | None, consumer: str | None = None,
                 description: str | None = None, broker: bool = False):
        self.source, self.provider, self.consumer, self.description, self.broker = (source, provider, consumer,
                                                                                    description, broker)

    def __repr__(self) -> str:
        return f"{self.consumer}:{self.description}" if self.description else f"broker:{self.source}"


def _targets(config) -> list:
    provider = config.getoption("--pact-provider-name")
    consumer = config.getoption("--pact-consumer-name")
    out = []
    pattern = config.getoption("--pact-files")
    for path in sorted(glob.glob(pattern)) if pattern else []:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        c, p = doc.get("consumer", {}).get("name"), doc.get("provider", {}).get("name")
        if (provider and p != provider) or (consumer and c != consumer):
            continue
        for inter in doc.get("interactions", []) + doc.get("messages", []):
            out.append(_Target(path, p, c, inter.get("description", "")))
    broker = config.getoption("--pact-broker-url")
    if broker:
        out.append(_Target(broker, provider, consumer, broker=True))
    return out


def pytest_generate_tests(metafunc):
    if "pact_verifier" in metafunc.fixturenames:
        targets = _targets(metafunc.config)
        metafunc.parametrize("_pact_target", targets, ids=[repr(t) for t in targets])


class PactVerifier:
    """What the pact_verifier fixture gives: ``verify(provider_url, provider_state=None)`` verifies its interaction
    (or broker source) and fails the test with the verifier's report."""

    def __init__(self, target: _Target, config):
        self.target = target
        self.config = config

    def verify(self, provider_url: str, provider_state=None, **options):
        from .verifier import Verifier
        t = self.target
        provider = t.provider or self.config.getoption("--pact-provider-name")
        if not provider:
            raise pytest.UsageError("pact_verifier: give --pact-provider-name")
        version = self.config.getoption("--pact-provider-version")
        with Verifier(provider, version) as v:
            v.set_provider(provider_url)
            if options:
                v.set_options(**options)
            if provider_state is not None:
                v.set_state_handler(provider_state, teardown=True)
            if t.broker:
                v.add_broker_source(t.source, token=self.config.getoption("--pact-broker-token"))
                if t.consumer:
                    v.set_consumer_filters([t.consumer])
                if self.config.getoption("--pact-publish-results"):
                    v.set_publish_options(version)
            else:
                v.add_file_source(t.source)
                v.set_filter(description="^" + re.escape(t.description) + "$")
            result = v.verify()
        if not result.ok:
            pytest.fail(f"pact verification failed ({t!r}):\n{result.output}", pytrace=False)
        return result


@pytest.fixture
def pact_verifier(request, _pact_target):
    """Verifies one interaction (or the broker's pacts): ``pact_verifier.verify(url, provider_state)``."""
    return PactVerifier(_pact_target, request.config)
