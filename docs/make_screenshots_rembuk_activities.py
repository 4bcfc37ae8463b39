"""Screenshots of the KPM activity log, coaching and training (issue 11, task 11e):
docs/screens/rembuk-activities-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_activities.py`. It
serves the app as `make run` does (a throw-away SQLite, demo loaded) and saves: the KPM of
Sibargot's log of last month, the new-activity form and a mistyped month at 360×800, and the kabupaten officer's
coaching view and the demo training on a desktop screen (1280×800).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"rembuk-activities-{name}", full_page=full)


def main() -> None:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    last = datetime.fromordinal(today.replace(day=1).toordinal() - 1).strftime("%Y-%m")
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        phone = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = phone.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(f"{base}/kegiatan-kpm/?bulan={last}")
        shot(page, "log-phone")
        page.goto(f"{base}/kegiatan-kpm/baru/")
        shot(page, "new-phone")
        page.locator("fieldset.grid").scroll_into_view_if_needed()
        shot(page, "new-grid-phone")
        # A month typed wrong: this month with a message saying what to fix.
        page.goto(f"{base}/kegiatan-kpm/?bulan=2026-13")
        shot(page, "bad-month-phone")
        desk = b.new_context(
            viewport={"width": 1280, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = desk.new_page()
        login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
        page.goto(f"{base}/pembinaan-kpm/")
        shot(page, "coaching-desktop", full=True)
        page.goto(f"{base}/pelatihan-kpm/")
        page.locator("ul.cards a").first.click()
        shot(page, "training-desktop", full=True)


if __name__ == "__main__":
    main()
