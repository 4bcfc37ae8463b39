"""The apps stay layered with no import circle (issue 12, item 7): `make test` runs the same
import-linter contract as `make lint` (pyproject.toml [tool.importlinter]), so a developer who
adds an import that reaches up a layer sees it fail here with the offending import chain.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


class TestLayers:
    def test_it_keeps_every_app_importing_only_the_layers_below_it(self) -> None:
        # A separate process: import-linter builds its graph from the source files, not from
        # the modules this test run has already imported. No cache: always the files as they are.
        done = subprocess.run(
            [str(LINT_IMPORTS), "--no-logo", "--no-cache"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "1 kept, 0 broken" in done.stdout
