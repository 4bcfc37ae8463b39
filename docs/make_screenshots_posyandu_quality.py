"""Screenshots of the data-quality report (issue 10, §7): docs/screens/posyandu-quality-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_quality.py`. It
serves the app as `make run` does (fresh SQLite, demo loaded) and saves, for last quarter:
the KPM of Sibargot's report at 360×800, the children behind one figure at 360×800, and the
kabupaten officer's report of Labuhanbatu on a desktop screen.
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
    q = (today.month - 1) // 3 + 1
    year, q = (today.year, q - 1) if q > 1 else (today.year - 1, 4)
    period = f"kuartal={year}-{q}"
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        phone = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = phone.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(f"{base}/mutu-data/?{period}")
        page.locator("h2 >> nth=0").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -130)")
        shot(page, "quality-phone")
        # The first of these figures with children behind it in the demo.
        for figure in ("mat_mismatch", "standing_under_24", "digit_length"):
            page.goto(f"{base}/mutu-data/anak/?figure={figure}&{period}")
            if page.locator("table.data tbody tr").count():
                break
        shot(page, "quality-children-phone")
        desk = b.new_context(
            viewport={"width": 1280, "height": 900}, device_scale_factor=1, locale="id-ID"
        )
        page = desk.new_page()
        login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
        page.goto(f"{base}/mutu-data/?{period}")
        shot(page, "quality-desktop")


if __name__ == "__main__":
    main()
