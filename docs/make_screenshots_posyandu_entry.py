"""Screenshots of the entry form's weighing (issue 10): last month's values and the live N/T.

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_entry.py`.
It serves the app as `make run` does (fresh SQLite, demo loaded), logs in as Sari (KPM of
Sibargot), opens this month's record of the demo's stunted girl with a flat weight (7.7 → 7.4
→ 7.5 kg: T, then 2T) and captures docs/screens/posyandu-entry-{phone,desktop}.png.
"""

from __future__ import annotations

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server


def shot(page, name: str) -> None:
    screens.shot(page, name)


def open_flat_girl(page, base: str) -> None:
    """Her month entry: among the tasks found by name, the one weighed 7.4 kg last month."""
    page.goto(base + "/tugas/?formulir=2b&cari=Putri")
    hrefs = page.locator("li[id^=t-] > a").evaluate_all("as => as.map(a => a.href)")
    for href in hrefs:
        page.goto(href)
        last = page.locator("[data-testid=last-month]").get_attribute("data-last-kg")
        if last == "7.4" and page.locator("[data-testid=refer]").count():
            return
    raise SystemExit("the demo's flat-weight girl was not found")


def main() -> None:
    with running_server() as base, browser() as b:
        for name, viewport in (
            ("posyandu-entry-phone", {"width": 360, "height": 800}),
            ("posyandu-entry-desktop", {"width": 1280, "height": 800}),
        ):
            context = b.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            login(page, base, "sari", DEMO_PASSWORD)
            open_flat_girl(page, base)
            page.locator("section.measure h2").evaluate("e => e.scrollIntoView()")
            page.evaluate("window.scrollBy(0, -8)")
            shot(page, name)
            context.close()


if __name__ == "__main__":
    main()
