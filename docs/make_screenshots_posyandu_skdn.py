"""Screenshots of SKDN / F1 Gizi (issue 10, §5): docs/screens/posyandu-skdn-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_skdn.py`. It
serves the app as `make run` does (fresh SQLite, demo loaded) and saves, for last month: the
KPM of Sibargot's report at 360×800 (top, and the F1 Gizi table), and the kabupaten officer's
report of Labuhanbatu (rows by kecamatan) on a desktop screen.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"posyandu-{name}", full_page=full)


def main() -> None:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    last = today.replace(day=1).toordinal() - 1
    month = datetime.fromordinal(last).strftime("%Y-%m")
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        phone = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = phone.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(f"{base}/skdn/?bulan={month}")
        page.locator("h1").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -10)")
        shot(page, "skdn-phone")
        page.locator("[data-testid=f1-table]").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -60)")
        shot(page, "skdn-f1-phone")
        desk = b.new_context(
            viewport={"width": 1280, "height": 900}, device_scale_factor=1, locale="id-ID"
        )
        page = desk.new_page()
        login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
        page.goto(f"{base}/skdn/?bulan={month}")
        shot(page, "skdn-desktop")


if __name__ == "__main__":
    main()
