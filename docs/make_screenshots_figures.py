"""Screenshots of the running ("sementara") quarter (issue 8 §4), at phone size (360×800) and,
for the roll-up, at desktop size.

Run from the repository root: `.venv/bin/python docs/make_screenshots_figures.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded) and writes

- docs/screens/provisional-scorecard-phone.png: Formulir 4 of the current quarter as the Admin
  Desa, with the "Sementara: kuartal berjalan, dihitung sampai <bulan>" label;
- docs/screens/provisional-validate-phone.png: the same page at "Validasi kuartal ini", which
  says from which day the quarter can be validated instead of offering the button;
- docs/screens/provisional-rollup-{phone,desktop}.png: the kabupaten officer's roll-up of the
  current quarter with the same label.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 800}


def shot(page, name: str) -> None:
    target = OUT / name
    page.screenshot(path=str(target), full_page=False)
    print(target.relative_to(ROOT))


def main() -> None:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    year, quarter = today.year, (today.month - 1) // 3 + 1
    OUT.mkdir(parents=True, exist_ok=True)
    with running_server() as base, browser() as b:
        ctx = b.new_context(viewport=PHONE, device_scale_factor=1, locale="id-ID")
        page = ctx.new_page()
        login(page, base, "admin.sibargot", DEMO_PASSWORD)
        page.goto(f"{base}/scorecard/{year}/{quarter}/")
        page.wait_for_selector("[data-testid=provisional]")
        shot(page, "provisional-scorecard-phone.png")
        page.locator("[data-testid=not-finished]").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -200)")
        shot(page, "provisional-validate-phone.png")
        ctx.close()
        for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            ctx = b.new_context(viewport=viewport, device_scale_factor=1, locale="id-ID")
            page = ctx.new_page()
            login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
            # The first view recomputes the area's quarters: give it time.
            page.goto(f"{base}/rekap-wilayah/{year}/{quarter}/", timeout=300_000)
            page.wait_for_selector("[data-testid=provisional]")
            shot(page, f"provisional-rollup-{device}.png")
            ctx.close()


if __name__ == "__main__":
    main()
