"""Screenshots of the attention list (issue 10), at 360×800 and 1280×800.

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_attention.py`.
It serves the app as `make run` does (fresh SQLite, demo loaded), logs in as Sari (KPM of
Sibargot) and captures /perhatian/, her home page and the printable list into
docs/screens/posyandu-attention-*.png.
"""

from __future__ import annotations

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, name, full_page=full)


def main() -> None:
    with running_server() as base, browser() as b:
        phone = b.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=1)
        page = phone.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(base + "/perhatian/")
        shot(page, "posyandu-attention-phone")
        page.locator(".attention-list").scroll_into_view_if_needed()
        shot(page, "posyandu-attention-list-phone")
        page.goto(base + "/")
        page.locator(".attention-summary").scroll_into_view_if_needed()
        shot(page, "posyandu-attention-home-phone")
        phone.close()
        desk = b.new_context(viewport={"width": 1280, "height": 800})
        page = desk.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(base + "/perhatian/")
        shot(page, "posyandu-attention-desktop")
        page.goto(base + "/perhatian/cetak/")
        page.emulate_media(media="print")
        shot(page, "posyandu-attention-print-desktop")
        desk.close()


if __name__ == "__main__":
    main()
