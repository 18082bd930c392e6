"""Handle: the base class of every Python object that owns a native libpact resource."""

from __future__ import annotations

import weakref


class Handle:
    """Owns one native resource (a pact handle, a mock server port, a verifier pointer).

    Subclasses call ``self._own(value, release)`` once the resource exists; ``release(value)`` frees it. ``close()``
    frees it now and is idempotent; ``with obj:`` closes on exit; a ``weakref.finalize`` frees it when the object
    is garbage collected without being closed (and at interpreter exit), so a forgotten handle never leaks::

        with Verifier("provider") as v:
            ...
        v.closed  # True
    """

    _finalizer = None
    _value = None

    def _own(self, value, release) -> None:
        if self._finalizer is not None and self._finalizer.alive:
            raise RuntimeError(f"{type(self).__name__} already owns a native resource")
        self._value = value
        self._finalizer = weakref.finalize(self, release, value)

    @property
    def closed(self) -> bool:
        """True once the native resource has been released (or was never created)."""
        return self._finalizer is None or not self._finalizer.alive

    def close(self) -> None:
        """Releases the native resource; calling it again does nothing."""
        if self._finalizer is not None:
            self._finalizer()  # runs the release at most once
        self._value = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
