"""Screenshots of the login page and each role's home, at phone (360×800) and desktop size.

Run from the repository root: `.venv/bin/python docs/make_screenshots.py`. It serves the app as
`make run` does (fresh SQLite, demo loaded) and writes docs/screens/*.png.
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

from tikar.browser import browser, login, running_server  # noqa: E402
from tikar.front.demo import DEMO_PASSWORD  # noqa: E402

OUT = ROOT / "docs" / "screens"
SIZES = {"phone": (360, 800), "desktop": (1280, 800)}
PAGES = [
    # (file name, user or None for the login page, path)
    ("login", None, "/masuk/"),
    ("home-kpm", "sari", "/"),
    ("home-admin-desa", "admin.sibargot", "/"),
    ("users-admin-desa", "admin.sibargot", "/pengguna/"),
    ("home-kecamatan", "camat.bilahbarat", "/"),
    ("home-kabupaten", "dinas.labuhanbatu", "/"),
    ("home-provinsi", "prov.sumut", "/"),
    ("home-pusat", "pusat", "/"),
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        for size, (w, h) in SIZES.items():
            for name, username, path in PAGES:
                ctx = b.new_context(viewport={"width": w, "height": h})
                page = ctx.new_page()
                if username:
                    login(page, base, username, DEMO_PASSWORD)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=False)
                print(target.relative_to(ROOT))
                ctx.close()


if __name__ == "__main__":
    main()
