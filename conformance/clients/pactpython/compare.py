"""compare.py <rust-out> <libpact-out>: compares what run_tests.py wrote for
the Rust pact_ffi and for libpact. One line per check, then a summary; the
exit status is 1 when a difference is not one of the documented ones
(../README.md), which are normalised away here and nowhere else."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

# --- documented differences (../README.md) ----------------------------------


def normalise_pact(doc: Any) -> Any:
    """Pact files are compared parsed (key order never counts), without the
    metadata naming the writing library: metadata.pactRust.models (the
    reference's pact_models version) and metadata.libpact."""
    d = copy.deepcopy(doc)
    # D8: up to V3, several values of a header that is not a multi-value one
    # are written by libpact as an array (so that they read back as several
    # values) and by the reference joined with ", ".
    for i in (d.get("interactions") or []) if isinstance(d, dict) else []:
        if isinstance(i, dict) and "type" not in i:
            for part in ("request", "response"):
                hs = (i.get(part) or {}).get("headers")
                if isinstance(hs, dict):
                    for k, v in hs.items():
                        if isinstance(v, list):
                            hs[k] = ", ".join(v)
    md = d.get("metadata") if isinstance(d, dict) else None
    if isinstance(md, dict):
        if isinstance(md.get("pactRust"), dict):
            md["pactRust"].pop("models", None)
        md.pop("libpact", None)
    return d


# The tail of a date/time mismatch: the reference prints its parser's debug
# value (`Error(Nom("/01/2024", Tag))`), libpact says what is wrong.
# The pattern is printed between quotes without escaping its own quotes
# ('yyyy-MM-dd'T'HH:mm:ss'), so it runs to the last "': " of the line.
DATE_TAIL = re.compile(r"( to match a (?:date|time|timestamp|datetime) pattern of '.*'): (?:(?!': ).)*$", re.M)
PORT = re.compile(r"(127\.0\.0\.1|localhost):\d+")


def normalise_text(s: str) -> str:
    return PORT.sub(r"\1:PORT", DATE_TAIL.sub(r"\1: <parse error>", s))


# The reference keeps a request's mismatches (query parameters, body paths)
# in hash maps, so their order changes from run to run; the mismatches of one
# request are compared sorted (not a difference: there is no order to follow).
NUMBERED = re.compile(r"^(    \(\d+\) )(.*)$")


def sort_numbered(text: str) -> str:
    """Sorts each run of "    (n) item" lines in pact-python's mismatch text."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        for n, item in enumerate(sorted(run)):
            out.append(f"    ({n + 1}) {item}")
        run.clear()

    for line in text.split("\n"):
        m = NUMBERED.match(line)
        if m:
            run.append(m.group(2))
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)


# The verifier prints a body's mismatches one per line ("$.name -> ...") in
# the order of the reference's hash map, which changes from run to run; runs
# of such lines are compared sorted.
# Likewise the "includes metadata" and "includes headers" lines
# ('"topic" with value "orders" (OK)') of one interaction.
BODY_LINE = re.compile(r"^\s+(\x1b\[1m)?\$\S*(\x1b\[0m)? -> ")
VALUE_LINE = re.compile(r'^\s+"(\x1b\[1m)?[^"]+(\x1b\[0m)?" with value ')


# A response's header mismatches come from a hash map too: the verifier
# heads them with the first one's header ("10.1) includes header 'X-V' with
# value '1'"), then one line per mismatch. When there are several, the
# heading names a header picked at random and is masked.
HEADER_LINE = re.compile(r"^\s+Expected header '")
HEADER_HEAD = re.compile(r"^(\s+\d+\.\d+\) includes header )'.*' with value '.*'$")


def mask_header_heads(lines: list[str]) -> list[str]:
    out = list(lines)
    for n, line in enumerate(out):
        if HEADER_HEAD.match(line) and len(out) > n + 2 and HEADER_LINE.match(out[n + 1]) and HEADER_LINE.match(out[n + 2]):
            out[n] = HEADER_HEAD.sub(r"\1<one of several>", line)
    return out


def sort_body_lines(lines: list[str]) -> list[str]:
    lines = mask_header_heads(lines)
    out: list[str] = []
    run: list[str] = []
    kind = None
    for line in lines + [None]:
        k = None
        if line is not None:
            k = ("body" if BODY_LINE.match(line) else "value" if VALUE_LINE.match(line)
                 else "header" if HEADER_LINE.match(line) else None)
        if k is not None and (k == kind or not run):
            run.append(line)
            kind = k
            continue
        out.extend(sorted(run))
        run.clear()
        kind = None
        if k is not None:
            run.append(line)
            kind = k
        elif line is not None:
            out.append(line)
    return out


# K1 (../README.md, not yet fixed): a JSON body given through with_body comes
# back (from the mock server, or as a message's contents) with its keys
# sorted from the reference and in the given order from libpact. A recorded
# string that is a JSON object or array is compared parsed.
def json_text(s: str) -> Any:
    t = s.strip()
    if t[:1] in ("{", "[") and t[-1:] in ("}", "]"):
        try:
            return {"json": json.loads(t)}
        except ValueError:
            return None
    return None


def normalise(v: Any, key: str = "") -> Any:
    if isinstance(v, dict):
        return {k: normalise(x, k) for k, x in v.items() if k not in ("duration", "durationMs")}
    if isinstance(v, list):
        items = [normalise(x) for x in v]
        if key in ("_mismatches", "mismatches") and all(isinstance(x, (str, dict)) for x in items):
            items.sort(key=lambda x: json.dumps(x, sort_keys=True))
        if key == "output" and all(isinstance(x, str) for x in items):
            items = sort_body_lines(items)
        return items
    if isinstance(v, str):
        if (j := json_text(v)) is not None:
            return j
        s = normalise_text(v)
        s = re.sub(r"\(\d+m?s loading, \d+m?s verification\)", "(TIME)", s)
        return "\n".join(sort_body_lines(sort_numbered(s).split("\n")))
    return v


# Checks whose results differ by a documented behaviour (../README.md): shown
# as "doc" lines, not counted as differences.
DOCUMENTED = {
    "verifier-responses/failing state handler": "D7 (a failed state change: libpact retries twice and names the cause)",
}

# --- comparison ---------------------------------------------------------------


def diff_paths(a: Any, b: Any, at: str = "$", out: list[str] | None = None) -> list[str]:
    out = [] if out is None else out
    if len(out) >= 8 or a == b:
        return out
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            diff_paths(a.get(k), b.get(k), f"{at}.{k}", out)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for n, (x, y) in enumerate(zip(a, b)):
            diff_paths(x, y, f"{at}[{n}]", out)
        return out
    out.append(f"{at}: rust {json.dumps(a)[:400]} | libpact {json.dumps(b)[:400]}")
    return out


def main() -> int:
    rust_dir, go_dir = (Path(p).resolve() for p in sys.argv[1:3])
    counts = {"same": 0, "diff": 0, "documented": 0}

    def line(ok: bool, name: str, detail: list[str] = ()) -> None:
        counts["same" if ok else "diff"] += 1
        print(f"{'same ' if ok else 'DIFF '} {name}")
        for d in detail:
            print(f"        {d}")

    rust = json.loads((rust_dir / "results.json").read_text())
    go = json.loads((go_dir / "results.json").read_text())
    line("site-packages/pact_python_ffi.libs/" in rust["_library"] and "libpact-site/" in go["_library"],
         "libraries loaded", [f"rust {rust['_library']} ({rust['_version']})", f"libpact {go['_library']} ({go['_version']})"])
    for which, r in (("rust", rust), ("libpact", go)):
        errs = r.get("_errors") or {}
        line(not errs, f"every test ran under {which}", [f"{t}: {e.strip().splitlines()[-1]}" for t, e in errs.items()])

    def files(d: Path) -> set[str]:
        return {str(p.relative_to(d)) for p in d.rglob("*") if p.is_file()} if d.exists() else set()

    rp, gp = files(rust_dir / "pacts"), files(go_dir / "pacts")
    for f in sorted(rp | gp):
        a = normalise_pact(json.loads((rust_dir / "pacts" / f).read_text())) if f in rp else None
        b = normalise_pact(json.loads((go_dir / "pacts" / f).read_text())) if f in gp else None
        line(a == b, f"pact file {f}", diff_paths(a, b))

    for k in sorted((set(rust) | set(go))):
        if k.startswith("_"):
            continue
        a, b = normalise(rust.get(k)), normalise(go.get(k))
        if a != b and k in DOCUMENTED:
            counts["documented"] += 1
            print(f"doc   check {k}: {DOCUMENTED[k]}")
            continue
        line(a == b, f"check {k}", diff_paths(a, b))
    print(f"summary: {counts['same']} same, {counts['diff']} different, {counts['documented']} documented differences")
    return 1 if counts["diff"] else 0


if __name__ == "__main__":
    sys.exit(main())
