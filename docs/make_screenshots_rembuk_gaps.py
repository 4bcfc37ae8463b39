"""Screenshots of the gaps from the scorecard (issue 11, item 1): docs/screens/rembuk-gaps-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_gaps.py`. It
serves the app as `make run` does (its own throw-away SQLite, demo loaded). The Admin Desa of
Sibargot first validates the last completed quarter on the scorecard page (the demo validates
none), so the page opens on a validated quarter as it would before a Rembuk. Then: the KPM's
page at 360×800 (top; the first gap opened by dusun and posyandu; the targets not served
behind it) and the kecamatan officer's view of Sibargot at 1280×800.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server

SIBARGOT = "12.10.07.2001"


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"rembuk-gaps-{name}", full_page=full)


def last_completed() -> tuple[int, int]:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    q = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if q == 1 else (today.year, q - 1)


def main() -> None:
    year, quarter = last_completed()
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        phone = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = phone.new_page()
        login(page, base, "admin.sibargot", DEMO_PASSWORD)
        page.goto(f"{base}/scorecard/{year}/{quarter}/")
        page.locator("details.confirm-step > summary").click()
        page.locator("button[name=confirm]").click()
        page.wait_for_load_state()
        page.context.clear_cookies()

        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(f"{base}/rembuk/celah/")
        shot(page, "phone")
        first = page.locator(".gaps-line").first
        first.locator("details.gaps-more > summary").click()
        first.locator("details.gaps-more").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, 120)")
        shot(page, "by-dusun-phone")
        first.locator("a.button").first.click()
        page.wait_for_load_state()
        shot(page, "targets-phone")

        desk = b.new_context(
            viewport={"width": 1280, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = desk.new_page()
        login(page, base, "camat.bilahbarat", DEMO_PASSWORD)
        page.goto(f"{base}/rembuk/celah/?desa={SIBARGOT}")
        shot(page, "desktop")


if __name__ == "__main__":
    main()
