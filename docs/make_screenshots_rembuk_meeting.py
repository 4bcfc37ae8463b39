"""Screenshots of the Rembuk Stunting Desa record (issue 11, task 11b):
docs/screens/rembuk-meeting-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_meeting.py`. It
serves the app as `make run` does (its own throw-away SQLite, demo loaded) and saves, as the
Admin Desa of Sibargot: the meeting page at 360×800 (top, the frozen scorecard, the
participants, the priority list), the proposal form at 360×800, and both on a desktop screen.
"""

from __future__ import annotations

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server

from tikar import clock
from tikar.meetings.demo import meeting_year


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"rembuk-meeting-{name}", full_page=full)


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
