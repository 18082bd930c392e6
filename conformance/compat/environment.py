"""behave hooks for the compatibility-suite harness: load the library once, give
every scenario a fresh World, and release what the scenario started (mock
servers, pact handles, parsed pacts) when it ends."""

import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if HERE not in sys.path:
    sys.path.insert(0, HERE)

import pactffi  # noqa: E402
from world import World  # noqa: E402


LEVELS = {"off": 0, "error": 1, "warn": 2, "info": 3, "debug": 4, "trace": 5}


def before_all(context):
    context.lib = pactffi.load()
    level = os.environ.get("COMPAT_LOG", "").lower()
    if level in LEVELS:
        # Library logs on stderr (the runner shows them only when a feature crashes).
        context.lib.pactffi_log_to_stderr(LEVELS[level])
    repo = os.path.normpath(os.path.join(HERE, "..", ".."))
    context.out_root = os.environ.get("COMPAT_OUT", os.path.join(repo, "build", "compat"))


def before_scenario(context, scenario):
    feature = scenario.feature.filename
    m = re.search(r"(V\d)[/\\]([^/\\]+)\.feature$", feature)
    version = m.group(1) if m else "V4"
    name = m.group(2) if m else "feature"
    sid = "%s-%s-line%d" % (version, name, scenario.line)
    out = os.path.join(context.out_root, "pacts", sid)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out, exist_ok=True)
    context.w = World(context.lib, version, out)
    # Background steps run inside the scenario: nothing else to carry over.


def after_scenario(context, scenario):
    w = getattr(context, "w", None)
    if w is not None:
        w.release()
