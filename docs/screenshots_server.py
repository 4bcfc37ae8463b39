"""What every docs/make_*screenshots*.py script shares: the set-up before the app can be
served, where the pictures go, and how one is saved.

Importing this module (the scripts run as `.venv/bin/python docs/make_….py`, so docs/ is on
the import path) puts the repository on `sys.path`, sets DEBUG=1 and the settings module unless
the environment says otherwise, and runs `django.setup()`, so the script may then import any
`tikar` module. `running_server`, `browser` and `login` are `tikar.browser`'s: the app served as
`make run` does, in Debian's headless Chromium.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tikar.settings")
django.setup()

from tikar.accounts.demo import DEMO_PASSWORD  # noqa: E402
from tikar.browser import browser, login, running_server  # noqa: E402

__all__ = ["DEMO_PASSWORD", "OUT", "ROOT", "browser", "login", "running_server", "shot"]

OUT = ROOT / "docs" / "screens"


def shot(page, name: str, *, full_page: bool = False) -> Path:
    """Save `page` as docs/screens/<name>.png (the viewport, or the whole page with
    `full_page`), print the path relative to the repository, and return it."""
    target = OUT / f"{name}.png"
    page.screenshot(path=str(target), full_page=full_page)
    print(target.relative_to(ROOT))
    return target
