"""Screenshots of the conflict review page (issue 9), at 360×800 and 1280×800.

Run from the repository root: `.venv/bin/python docs/make_screenshots_conflict.py`. It serves
the app as `make run` does (fresh SQLite, demo loaded); two phones (Sari's and the Admin
Desa's) change one child's weight offline and sync through `POST /api/sync/`, then Sari's
browser captures the list and the side-by-side page into docs/screens/conflict-*.png; then a
household changed on both phones gives the per-field choice (conflict-fields-phone.png).
"""

from __future__ import annotations

import screenshots_server as screens
from screenshots_server import browser, running_server

from tikar.sync.tests.browser_devices import (
    make_conflict,
    make_register_conflict,
    open_device,
)


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, name, full_page=full)


def main() -> None:
    with running_server() as base, browser() as b:
        ctx, page, made = make_conflict(b, base)
        url = f"{base}/konflik/{made['conflict']}/"
        page.goto(base + "/konflik/")
        shot(page, "conflict-list-phone")
        page.goto(url)
        shot(page, "conflict-phone")
        ctx.close()
        desk, desk_page = open_device(b, base, "admin.sibargot", width=1280, height=800)
        desk_page.goto(url)
        shot(desk_page, "conflict-desktop")
        desk_page.click("button[value=phone]")
        desk_page.wait_for_load_state("networkidle")
        desk_page.goto(url)
        shot(desk_page, "conflict-resolved-desktop")
        desk.close()
        register = make_register_conflict(b, base)
        ctx, page = open_device(b, base, "sari")
        page.goto(f"{base}/konflik/{register}/")
        shot(page, "conflict-fields-phone", full=True)
        ctx.close()


if __name__ == "__main__":
    main()
