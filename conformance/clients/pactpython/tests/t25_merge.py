"""Pact files written in several steps: merging into an existing file (V3 and
V4, out of order, with a replaced interaction), a merge conflict, and
overwrite."""

from __future__ import annotations

from pact import Pact, match

NAME = "merge"


def http(p: Pact, desc: str, state: str | None = None, status: int = 200, path: str | None = None) -> None:
    i = p.upon_receiving(desc)
    if state:
        i.given(state)
    i.with_request("GET", path or "/" + desc.replace(" ", "-")).will_respond_with(status)


def run(h) -> None:
    for spec in ("V3", "V4"):
        d = h.pact_dir(spec)

        def pact() -> Pact:
            return Pact(f"py-merge-{spec}", "py-merge-provider").with_specification(spec)

        p = pact()
        http(p, "zebra")
        http(p, "bison", "s2")
        http(p, "moose")
        p.write_file(d)
        p = pact()
        http(p, "aardvark")
        http(p, "bison", "s1")
        http(p, "zebra")  # the same as on file: replaces it
        p.write_file(d)

        # The same description and state with another response: a conflict.
        p = pact()
        http(p, "moose", status=500)
        try:
            p.write_file(d)
            h.record(f"{spec} conflict", "written")
        except Exception as e:  # noqa: BLE001
            h.record(f"{spec} conflict", f"{type(e).__name__}")

        o = h.pact_dir(spec + "-overwrite")
        p = pact()
        http(p, "first")
        p.write_file(o)
        p = pact()
        http(p, "second", path=match.regex("/second/1", regex=r"/second/\d"))
        p.write_file(o, overwrite=True)
