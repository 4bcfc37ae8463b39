"""Screenshots of the Berita Acara Rembuk Stunting Desa (issue 11, task 11c):
docs/screens/rembuk-berita-acara-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_minutes.py`. It
serves the app on a throw-away SQLite file with the demo, records a realistic rembuk of Desa
Sibargot for 2026 (15 participants, 8 proposals, a scorecard snapshot; the rows of
tikar/meetings/tests/_11c_data.py), then saves: the print page at 360×800 and on a desktop,
and every page of the PDF (WeasyPrint) at 60 dpi through `pdftoppm`.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

DB = Path("/tmp/shots_11c.sqlite3")
# Before the set-up of screenshots_server: this script's Django uses the throw-away database.
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"

import screenshots_server as screens  # noqa: E402
from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server  # noqa: E402

YEAR = 2026


def record_meeting() -> None:
    """The rembuk of Sibargot, replacing any demo one of that year (a throw-away database)."""
    from tikar.meetings.models import VillageMeeting
    from tikar.meetings.tests._11c_data import make_meeting
    from tikar.regions.models import Region

    sibargot = Region.objects.get(code="12.10.07.2001")
    VillageMeeting.objects.filter(village=sibargot, year=YEAR).delete()
    make_meeting(sibargot, YEAR, participants=15, proposals=8)


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"rembuk-berita-acara-{name}", full_page=full)


def main() -> None:
    DB.unlink(missing_ok=True)
    with running_server({"TIKAR_DEMO": "1", "DATABASE_URL": f"sqlite:///{DB}"}) as base:
        record_meeting()
        with browser() as b:
            phone = b.new_context(
                viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
            )
            page = phone.new_page()
            login(page, base, "admin.sibargot", DEMO_PASSWORD)
            page.goto(f"{base}/rembuk/{YEAR}/berita-acara/")
            shot(page, "phone")
            page.locator("text=4. Daftar prioritas").scroll_into_view_if_needed()
            shot(page, "phone-list")
            response = page.request.get(f"{base}/rembuk/{YEAR}/berita-acara.pdf")
            assert response.ok and response.body().startswith(b"%PDF"), response.status
            desk = b.new_context(
                viewport={"width": 1280, "height": 800}, device_scale_factor=1, locale="id-ID"
            )
            page = desk.new_page()
            login(page, base, "admin.sibargot", DEMO_PASSWORD)
            page.goto(f"{base}/rembuk/{YEAR}/berita-acara/")
            shot(page, "desktop")
            pdf = response.body()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "ba.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(Path(tmp) / "p")],
                       check=True)  # fmt: skip
        for old in OUT.glob("rembuk-berita-acara-page-*.png"):
            old.unlink()
        for i, png in enumerate(sorted(Path(tmp).glob("p-*.png")), start=1):
            target = OUT / f"rembuk-berita-acara-page-{i}.png"
            target.write_bytes(png.read_bytes())
            print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
