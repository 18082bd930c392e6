"""libpact: Pact contract testing for Python on the libpact shared library (pact_ffi's C ABI).

::

    from libpact import Consumer, Provider
    import libpact.match as match

    pact = Consumer("web").has_pact_with(Provider("users"), pact_dir="pacts", version="4.0")
    pact.given("user exists", id=1).upon_receiving("a request for user 1") \\
        .with_request("GET", "/users/1").will_respond_with(200, body={"id": match.integer(1)})
    with pact:
        urllib.request.urlopen(pact.uri + "/users/1")

The library is loaded once per process and never unloaded; do not fork() after importing libpact (use the
"spawn" start method of multiprocessing).
"""

from . import match
from ._ffi import PactError
from ._handle import Handle
from .consumer import Consumer, MessagePact, MismatchError, MockServer, Pact, Provider, format_mismatches
from .log import log_to_buffer, log_to_file, log_to_stderr, fetch_log_buffer
from .verifier import Verifier, VerificationResult

__all__ = ["Consumer", "Provider", "Pact", "MessagePact", "MockServer", "MismatchError", "PactError", "Handle",
           "Verifier", "VerificationResult", "match", "format_mismatches", "log_to_stderr", "log_to_file",
           "log_to_buffer", "fetch_log_buffer", "abi_version", "library_version"]

__version__ = "0.1.0"


def abi_version() -> str:
    """The pact_ffi ABI version the loaded library implements, e.g. "0.5.8"."""
    from . import _ffi
    return _ffi.version().decode()


def library_version() -> str:
    """The loaded libpact's own version."""
    from . import _ffi
    return _ffi.libpact_version().decode()
