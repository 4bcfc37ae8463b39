"""Screenshots of /standar-pertumbuhan/, a kabupaten's KBM table and growth mat cut-offs
(issue 10).

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_standard.py`.
It serves the app as `make run` does (fresh SQLite, demo loaded), logs in as the kabupaten
officer of Labuhanbatu and writes docs/screens/posyandu-standard-phone.png (360×800) and
posyandu-standard-desktop.png (1280×900).
"""

from __future__ import annotations

import os

from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server

SIZES = {"phone": {"width": 360, "height": 800}, "desktop": {"width": 1280, "height": 900}}


def main() -> None:
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        for kind, viewport in SIZES.items():
            ctx = b.new_context(viewport=viewport, device_scale_factor=1, locale="id-ID")
            page = ctx.new_page()
            login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
            page.goto(base + "/standar-pertumbuhan/")
            page.wait_for_load_state("networkidle")
            target = OUT / f"posyandu-standard-{kind}.png"
            page.screenshot(path=str(target), full_page=False)
            print(target.relative_to(ROOT))
            if kind == "phone":
                os.makedirs("/tmp/a", exist_ok=True)
                page.screenshot(path="/tmp/a/standard-full-phone.png", full_page=True)
            ctx.close()


if __name__ == "__main__":
    main()
