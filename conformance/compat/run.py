"""run: the compatibility-suite runner.

Runs each consumer, matching and provider feature file of the pact-compatibility-suite (read in
place from $PACT_CONFORMANCE_DIR/compatibility-suite/features) in its own behave
process against the library ($LIBPACT_PATH, default build/libpact.so), so that a
crash inside the library fails only that feature; when a feature's process dies,
its scenarios are re-run one by one to name the crashing ones.

Prints one line per feature file, the failing scenarios with their first failing
step, then exactly one total line:

    compatibility-suite: N passed, N failed, N skipped

Exit status: 0 when nothing failed, 1 when a scenario failed, 2 when the suite
or the library is missing.

Usage: python run.py [FEATURE...]   (e.g. V1/http_consumer)

Environment: LIBPACT_PATH (library), PACT_CONFORMANCE_DIR (suite), COMPAT_OUT
(pact files, default build/compat), COMPAT_LOG=debug (library log level),
COMPAT_FEATURE_TIMEOUT (seconds per feature process, default 300).
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

# The consumer and matching scenarios, then the provider (verifier) scenarios.
FEATURES = [
    "V1/http_consumer",
    "V2/http_consumer",
    "V3/http_consumer",
    "V3/http_matching",
    "V3/matching_rules",
    "V3/generators",
    "V3/http_generators",
    "V3/message_consumer",
    "V4/http_consumer",
    "V4/matching_rules",
    "V4/generators",
    "V4/message_consumer",
    "V4/synchronous_message_consumer",
    "V4/v4",
    "V1/http_provider",
    "V2/http_provider",
    "V3/http_provider",
    "V3/message_provider",
    "V4/http_provider",
    "V4/message_provider",
]

FEATURE_TIMEOUT = int(os.environ.get("COMPAT_FEATURE_TIMEOUT", "300"))


def features_dir():
    base = os.environ.get("PACT_CONFORMANCE_DIR") or os.path.join(REPO, "..", "shared", "conformance")
    return os.path.normpath(os.path.join(base, "compatibility-suite", "features"))


def scenarios_of(path):
    """scenarios_of lists (line, name, tags) of every scenario in a feature file."""
    from behave.parser import parse_file
    feature = parse_file(path)
    out = []
    for s in feature.walk_scenarios():
        out.append((s.line, s.name, set(s.tags) | set(feature.tags)))
    return out


def behave(args, json_out):
    cmd = [sys.executable, os.path.join(HERE, "behave_main.py"), "--no-capture", "--no-color",
           "--tags=not @wip", "-f", "json", "-o", json_out, "-f", "null"] + args
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=FEATURE_TIMEOUT, cwd=REPO)
        return p.returncode, p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        return "timeout", (e.stdout or b"").decode("utf-8", "replace")


def read_results(json_out):
    """read_results gives {line: (status, detail)} from behave's JSON report."""
    try:
        with open(json_out) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return None
    results = {}
    for feature in data:
        for el in feature.get("elements", []):
            if el.get("type") != "scenario":
                continue
            line = int(el["location"].rsplit(":", 1)[1])
            status = el.get("status", "untested")
            detail = ""
            for st in el.get("steps", []):
                res = st.get("result") or {}
                if res.get("status") in ("failed", "undefined", "error"):
                    msg = res.get("error_message") or "step undefined"
                    if isinstance(msg, list):
                        msg = "\n".join(msg)
                    detail = "%s %s: %s" % (st.get("keyword", "").strip(), st.get("name"), msg.strip().splitlines()[-1] if msg.strip() else "")
                    break
            results[line] = (status, detail)
    return results


def crash_text(rc, output):
    tail = [l for l in output.strip().splitlines() if l.strip()][-3:]
    why = "timed out after %ds" % FEATURE_TIMEOUT if rc == "timeout" else "behave exited with %s" % rc
    return "%s (library crash?): %s" % (why, " | ".join(tail)[:400])


def run_feature(path, tmp):
    """run_feature returns [(line, name, status, detail)] for one feature file."""
    scen = scenarios_of(path)
    out = os.path.join(tmp, "all.json")
    rc, output = behave([path], out)
    results = read_results(out) if rc in (0, 1) else None
    if results is None:
        # The process died: run each scenario alone to find the ones at fault.
        results = {}
        for line, name, tags in scen:
            if "wip" in tags:
                continue
            one = os.path.join(tmp, "line%d.json" % line)
            rc1, out1 = behave(["%s:%d" % (path, line)], one)
            r = read_results(one) if rc1 in (0, 1) else None
            if r is None or line not in r:
                results[line] = ("failed", crash_text(rc1, out1))
            else:
                results[line] = r[line]
    rows = []
    for line, name, tags in scen:
        if "wip" in tags:
            rows.append((line, name, "skipped", "@wip"))
            continue
        status, detail = results.get(line, ("failed", "scenario did not run: " + crash_text(rc, output)))
        if status == "passed":
            rows.append((line, name, "passed", ""))
        else:
            rows.append((line, name, "failed", detail or status))
    return rows


def main(argv):
    fdir = features_dir()
    if not os.path.isdir(fdir):
        print("compatibility-suite: feature files not found at %s (set PACT_CONFORMANCE_DIR to the "
              "directory holding compatibility-suite/)" % fdir)
        return 2
    lib = os.environ.get("LIBPACT_PATH") or os.path.join(REPO, "build", "libpact.so")
    if not os.path.isfile(lib):
        print("compatibility-suite: library not found at %s (run `make lib` or set LIBPACT_PATH)" % lib)
        return 2
    os.environ["LIBPACT_PATH"] = os.path.abspath(lib)
    os.environ["PACT_CONFORMANCE_DIR"] = os.path.dirname(os.path.dirname(fdir))
    selected = [a.replace(".feature", "") for a in argv] or FEATURES
    totals = [0, 0, 0]
    failures = []
    lines = []
    with tempfile.TemporaryDirectory(prefix="compat-") as tmp:
        for name in selected:
            path = os.path.join(fdir, name + ".feature")
            ftmp = os.path.join(tmp, name.replace("/", "_"))
            os.makedirs(ftmp, exist_ok=True)
            rows = run_feature(path, ftmp)
            p = sum(1 for r in rows if r[2] == "passed")
            f = sum(1 for r in rows if r[2] == "failed")
            s = sum(1 for r in rows if r[2] == "skipped")
            totals[0] += p
            totals[1] += f
            totals[2] += s
            lines.append("%s.feature: %d passed, %d failed, %d skipped" % (name, p, f, s))
            for line, sname, status, detail in rows:
                if status == "failed":
                    failures.append("  FAIL %s.feature:%d %s\n       %s" % (name, line, sname, detail))
    if failures:
        print("Failing scenarios:")
        print("\n".join(failures))
        print()
    print("\n".join(lines))
    print("compatibility-suite: %d passed, %d failed, %d skipped" % tuple(totals))
    return 1 if totals[1] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
