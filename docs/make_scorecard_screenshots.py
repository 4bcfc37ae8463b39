"""Screenshots of the scorecard (Formulir 4): on a phone (360×800) and printed on A4.

Run from the repository root: `.venv/bin/python docs/make_scorecard_screenshots.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded), opens the demo desa's scorecard for the last
complete quarter as the Admin Desa, and writes

- docs/screens/scorecard-phone.png: the top of the page on a 360×800 phone;
- docs/screens/scorecard-phone-tables.png: the same phone scrolled to tables 4 and 5;
- docs/screens/scorecard-recap-phone.png: Formulir 3a/3b on the phone;
- docs/screens/scorecard-print-N.png: Chromium's print to A4 (a PDF in a temporary
  directory), each page turned into a PNG with pdftoppm (apt-get install poppler-utils);

and, as the kabupaten officer (dinas.labuhanbatu), the officers' roll-up and lokus ranking of
the same quarter, each on a 360×800 phone and a 1280-wide desktop:

- docs/screens/rollup-kabupaten-{phone,desktop}.png: Labuhanbatu's kecamatan;
- docs/screens/rollup-kecamatan-{phone,desktop}.png: drilled into Bilah Barat (its desa);
- docs/screens/rollup-table-phone.png: the phone scrolled to the table, scrolled sideways;
- docs/screens/rollup-trends-phone.png: the phone scrolled to the trend charts;
- docs/screens/lokus-{phone,desktop}.png: the ranking of Labuhanbatu's desa.

`--area` makes only the roll-up and lokus screenshots.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server

USER = "admin.sibargot"
OFFICER = "dinas.labuhanbatu"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 1000}
# Table 5 as an Admin Desa would type it (the demo has no Dana Desa): entered through the form.
DANA_DESA = {
    "development_total": "612500000",
    "development_stunting": "85000000",
    "empowerment_total": "148000000",
    "empowerment_stunting": "42500000",
}


def last_complete_quarter(today: date) -> tuple[int, int]:
    quarter = (today.month - 1) // 3 + 1
    return (today.year - 1, 4) if quarter == 1 else (today.year, quarter - 1)


def shot(page, name: str) -> None:
    target = OUT / name
    page.screenshot(path=str(target), full_page=False)
    print(target.relative_to(ROOT))


def area_screens(b, base: str, year: int, quarter: int) -> None:
    """The roll-up and lokus pages as the kabupaten officer, on a phone and a desktop."""
    rollup = f"{base}/rekap-wilayah/{year}/{quarter}/"
    lokus = f"{base}/lokus/{year}/{quarter}/"
    for device, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        ctx = b.new_context(viewport=viewport)
        page = ctx.new_page()
        login(page, base, OFFICER, DEMO_PASSWORD)
        for name, url in (
            ("rollup-kabupaten", rollup),
            ("rollup-kecamatan", rollup + "?wilayah=12.10.07&sort=-convergence"),
            ("lokus", lokus),
        ):
            page.goto(url)
            page.wait_for_load_state("networkidle")
            shot(page, f"{name}-{device}.png")
            if device == "phone" and name == "rollup-kecamatan":
                table = page.locator("[data-testid=rollup-table]")
                table.evaluate("el => el.scrollIntoView()")
                page.evaluate("window.scrollBy(0, -8)")
                table.evaluate("el => el.parentElement.scrollLeft = 260")
                shot(page, "rollup-table-phone.png")
                page.locator(".trend-charts").evaluate("el => el.scrollIntoView()")
                shot(page, "rollup-trends-phone.png")
        ctx.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    year, quarter = last_complete_quarter(date.today())
    path = f"/scorecard/{year}/{quarter}/"
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        area_screens(b, base, year, quarter)
        if "--area" in sys.argv:
            return
        ctx = b.new_context(viewport={"width": 360, "height": 800})
        page = ctx.new_page()
        login(page, base, USER, DEMO_PASSWORD)
        page.goto(f"{base}/dana-desa/{year}/")
        for name, value in DANA_DESA.items():
            page.fill(f"#id_{name}", value)
        page.click("button.primary")
        page.wait_for_load_state("networkidle")

        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        shot(page, "scorecard-phone.png")
        page.locator("section.sc-table").nth(3).evaluate("el => el.scrollIntoView()")
        shot(page, "scorecard-phone-tables.png")
        page.goto(f"{base}/rekap/{year}/{quarter}/")
        page.wait_for_load_state("networkidle")
        shot(page, "scorecard-recap-phone.png")
        page.goto(base + path)
        page.wait_for_load_state("networkidle")

        # Printing uses the print stylesheet; the viewport width does not matter for page.pdf.
        page.emulate_media(media="print")
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "scorecard.pdf"
            page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
            for old in OUT.glob("scorecard-print-*.png"):
                old.unlink()
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(pdf), str(OUT / "scorecard-print")],
                check=True,
            )
        for png in sorted(OUT.glob("scorecard-print-*.png")):
            print(png.relative_to(ROOT))
        ctx.close()


if __name__ == "__main__":
    main()
