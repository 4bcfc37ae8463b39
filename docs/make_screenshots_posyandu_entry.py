"""Screenshots of the entry form's weighing (issue 10): last month's values and the live N/T.

Run from the repository root: `.venv/bin/python docs/make_screenshots_posyandu_entry.py`.
It serves the app as `make run` does (fresh SQLite, demo loaded), logs in as Sari (KPM of
Sibargot), opens this month's record of the demo's stunted girl with a flat weight (7.7 → 7.4
→ 7.5 kg: T, then 2T) and captures docs/screens/posyandu-entry-{phone,desktop}.png.
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

from tikar.browser import browser, login, running_server  # noqa: E402

OUT = ROOT / "docs" / "screens"
PASSWORD = "tikar-demo-2026"


def shot(page, name: str) -> None:
    target = OUT / f"{name}.png"
    page.screenshot(path=str(target))
    print(target.relative_to(ROOT))


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
            login(page, base, "sari", PASSWORD)
            open_flat_girl(page, base)
            page.locator("section.measure h2").evaluate("e => e.scrollIntoView()")
            page.evaluate("window.scrollBy(0, -8)")
            shot(page, name)
            context.close()


if __name__ == "__main__":
    main()
