"""run_tests.py <out-dir> [test ...]: runs the test modules of tests/ in one
process against whichever pact_ffi library the pact_ffi package loads, writes
the pact files under <out-dir>/pacts and every recorded check to
<out-dir>/results.json."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import time
import traceback
from pathlib import Path

from harness import Harness


def loaded_library() -> str:
    """loaded_library names the pact_ffi library this process mapped."""
    try:
        for line in Path("/proc/self/maps").read_text().splitlines():
            if "pact_python_ffi.libs/" in line:
                return line[line.index("/"):]
    except OSError:
        return "unknown"
    return "none"


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "out").resolve()
    only = sys.argv[2:]
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    h = Harness(out)
    errors: dict[str, str] = {}
    for f in sorted((Path(__file__).parent / "tests").glob("t*.py")):
        spec = importlib.util.spec_from_file_location(f.stem, f)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        if only and mod.NAME not in only:
            continue
        h.current = mod.NAME
        start = time.monotonic()
        try:
            mod.run(h)
            print(f"ran {mod.NAME} ({(time.monotonic() - start) * 1000:.0f} ms)", flush=True)
        except Exception:  # noqa: BLE001
            errors[mod.NAME] = traceback.format_exc()
            print(f"ERROR in {mod.NAME}: {errors[mod.NAME]}", flush=True)
    import pact_ffi

    h.results["_errors"] = errors
    h.results["_library"] = loaded_library()
    h.results["_version"] = pact_ffi.version()
    (out / "results.json").write_text(json.dumps(h.results, indent=2, sort_keys=True, default=str))


if __name__ == "__main__":
    main()
