"""behave_main runs behave on feature files that live outside this directory
(the suite is read in place), with this directory's steps/ and environment.py.

Usage: python behave_main.py [behave options] FEATURE[:LINE]...
"""

import os
import sys

from behave.__main__ import run_behave
from behave.configuration import Configuration
from behave.runner import Runner

HERE = os.path.dirname(os.path.abspath(__file__))


class OutsideRunner(Runner):
    """OutsideRunner takes the directory of the first feature file as its base
    directory (FEATURE:LINE allowed), instead of searching it for steps/."""

    def setup_paths(self):
        first = self.config.paths[0]
        if not os.path.exists(first) and ":" in first:
            first = first.rsplit(":", 1)[0]
        base = os.path.dirname(os.path.abspath(first))
        self.base_dir = base
        self.config.base_dir = base
        self.path_manager.add(base)
        self.path_manager.add(HERE)


def main(argv):
    config = Configuration(argv, load_config=False)
    config.steps_dir = os.path.join(HERE, "steps")
    config.environment_file = os.path.join(HERE, "environment.py")
    return run_behave(config, runner_class=OutsideRunner)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
