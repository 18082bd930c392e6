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
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("pact", "Pact contract tests (libpact)")
    group.addoption("--pact-dir", default="pacts", help="directory the pact files are written to (default: pacts)")
    group.addoption("--pact-log-level", default="off",
                    help="libpact log level on stderr: off, error, warn, info, debug, trace (default: off)")
    group.addoption("--pact-version", default="3.0", help="pact specification version of new pacts (default: 3.0)")


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
