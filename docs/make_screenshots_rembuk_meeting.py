"""Screenshots of the Rembuk Stunting Desa record (issue 11, task 11b):
docs/screens/rembuk-meeting-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_meeting.py`. It
serves the app as `make run` does (its own throw-away SQLite, demo loaded) and saves, as the
Admin Desa of Sibargot: the meeting page at 360×800 (top, the frozen scorecard, the
participants, the priority list), the proposal form at 360×800, and both on a desktop screen.
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

from tikar import clock  # noqa: E402
from tikar.browser import browser, login, running_server  # noqa: E402
from tikar.front.demo import DEMO_PASSWORD  # noqa: E402
from tikar.meetings.demo import meeting_year  # noqa: E402

OUT = ROOT / "docs" / "screens"


def shot(page, name: str, full: bool = False) -> None:
    target = OUT / f"rembuk-meeting-{name}.png"
    page.screenshot(path=str(target), full_page=full)
    print(target.relative_to(ROOT))


def to(page, selector: str) -> None:
    page.locator(selector).first.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -8)")


def main() -> None:
    year = meeting_year(clock.today())
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        for kind, viewport in (("phone", (360, 800)), ("desktop", (1280, 800))):
            ctx = b.new_context(
                viewport={"width": viewport[0], "height": viewport[1]},
                device_scale_factor=1,
                locale="id-ID",
            )
            page = ctx.new_page()
            login(page, base, "admin.sibargot", DEMO_PASSWORD)
            page.goto(f"{base}/rembuk/{year}/")
            shot(page, kind)
            if kind == "phone":
                to(page, "#scorecard")
                shot(page, "phone-scorecard")
                to(page, "#participants")
                shot(page, "phone-participants")
                to(page, "#proposals")
                shot(page, "phone-proposals")
            else:
                to(page, "#proposals")
                shot(page, "desktop-proposals")
            page.goto(f"{base}/rembuk/{year}/usulan/baru/?indikator=child:measured")
            shot(page, f"proposal-{kind}")
            # A refused cost: the message in Bahasa Indonesia beside the field.
            page.fill("#id_activity", "Pengukuran panjang badan")
            page.select_option("#id_package", "2")
            page.check("#id_kind_0")
            page.fill("#id_estimated_cost", "-1.500.000")
            page.select_option("#id_funding_source", "dana_desa")
            page.click("button.primary")
            to(page, ".has-error")
            shot(page, f"proposal-{kind}-error")
            ctx.close()


if __name__ == "__main__":
    main()
