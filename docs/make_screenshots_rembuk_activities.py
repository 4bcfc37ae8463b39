"""Screenshots of the KPM activity log, coaching and training (issue 11, task 11e):
docs/screens/rembuk-activities-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_activities.py`. It
serves the app as `make run` does (a throw-away SQLite, demo loaded) and saves: the KPM of
Sibargot's log of last month, the new-activity form and a mistyped month at 360×800, and the kabupaten officer's
coaching view and the demo training on a desktop screen (1280×800).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tikar.settings")
django.setup()

from tikar.browser import browser, login, running_server  # noqa: E402
from tikar.front.demo import DEMO_PASSWORD  # noqa: E402

OUT = ROOT / "docs" / "screens"


def shot(page, name: str, full: bool = False) -> None:
    target = OUT / f"rembuk-activities-{name}.png"
    page.screenshot(path=str(target), full_page=full)
    print(target.relative_to(ROOT))


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
