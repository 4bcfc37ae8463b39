"""The printed Formulir 2a/2b/2c (issue 11, 11f) as PNG: docs/screens/formulir-2*-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_print_forms.py`. It
serves the app as `make run` does (fresh SQLite, demo loaded), logs in as the KPM of Sibargot
and, for last month, prints each form filled, blank with the month's targets (`kosong=1`) and
fully blank (`kosong=2`) to PDF with headless Chromium (A4 landscape, as the browser's Print
does), then turns each page into PNG with `pdftoppm -r 60`: formulir-2a-filled-1.png is the
first page of the filled 2a. It also saves the page on a 360×800 phone and a 1280×800 screen.
"""

from __future__ import annotations

import subprocess
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server

KINDS = {"filled": "", "blank": "&kosong=1", "empty": "&kosong=2"}


def pdf_to_png(pdf: bytes, stem: str) -> None:
    """Each page of `pdf` as OUT/<stem>-<page>.png at 60 dpi."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "form.pdf"
        path.write_bytes(pdf)
        for old in OUT.glob(f"{stem}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(OUT / stem)], check=True)
    pages = sorted(OUT.glob(f"{stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    for number, png in enumerate(pages, start=1):
        if 1 < number < len(pages):
            png.unlink()  # the first page (headings) and the last (signatures) are enough
            continue
        # pdftoppm pads the page number ("-01") when there are 10 pages or more: keep "-1".
        final = png.with_name(f"{stem}-{number}.png")
        png.rename(final)
        print(final.relative_to(ROOT))


def main() -> None:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    last = datetime.fromordinal(today.replace(day=1).toordinal() - 1).strftime("%Y-%m")
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        desk = b.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
        page = desk.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        for form in ("2a", "2b", "2c"):
            for kind, query in KINDS.items():
                page.goto(f"{base}/formulir/{form}/cetak/?bulan={last}{query}")
                pdf = page.pdf(format="A4", landscape=True, print_background=True)
                pdf_to_png(pdf, f"formulir-{form}-{kind}")
        page.goto(f"{base}/formulir/2b/cetak/?bulan={last}")
        page.screenshot(path=str(OUT / "formulir-2b-desktop.png"))
        print("docs/screens/formulir-2b-desktop.png")
        phone = b.new_context(viewport={"width": 360, "height": 800}, locale="id-ID")
        page = phone.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        page.goto(f"{base}/formulir/2b/cetak/?bulan={last}")
        page.screenshot(path=str(OUT / "formulir-2b-phone.png"))
        print("docs/screens/formulir-2b-phone.png")


if __name__ == "__main__":
    main()
