"""Screenshots of the officers' roll-up of the rembuk (issue 11, item 9):
docs/screens/rembuk-rollup-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_rollup.py`. It
serves the app as `make run` does (its own throw-away SQLite in /tmp/shots_11g, demo loaded),
then adds, to that throw-away database only (through `manage.py shell`), a rembuk of the year
with a few proposals in villages that have none yet: four desa of Bilah Barat (as the demo of
meetings/demo.py describes them, for when it has none), and six villages of Bilah Hilir (with
the kelurahan Negeri Lama) and Rantau Utara (all kelurahan), so that the kabupaten's picture has
more than one line with figures; and the Dana Desa of the next year for four desa. Then: the
kabupaten officer (Dinas Labuhanbatu) at 1280×800 and 360×800, and the kecamatan officer (Camat
Bilah Barat) at 360×800 and 1280×800.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, ROOT, browser, login, running_server

VAR = Path("/tmp/shots_11g")

# Runs inside `manage.py shell` on the throw-away database.
TOP_UP = r"""
from datetime import date
from tikar import clock
from tikar.meetings.models import Proposal, VillageMeeting
from tikar.scorecard.models import DanaDesa
year = clock.today().year
held = date(year, 6, 1) if clock.today() >= date(year, 7, 1) else date(year - 1, 6, 1)
year = held.year
plan = [
    # Bilah Barat: only when the demo (meetings/demo.py) has no rembuk there for the year.
    ("12.10.07.2001", [(8_400_000, "dana_desa", "allocated", 8_400_000),
                       (31_500_000, "dana_desa", "realised", 30_000_000),
                       (4_800_000, "dana_desa", "allocated", 4_500_000),
                       (12_000_000, "village_other", "planned", None),
                       (95_000_000, "apbd", "proposed", None),
                       (3_600_000, "dana_desa", "rejected", None)]),
    ("12.10.07.2003", [(14_000_000, "dana_desa", "allocated", 12_000_000),
                       (6_500_000, "dana_desa", "proposed", None)]),
    ("12.10.07.2004", [(20_000_000, "dana_desa", "planned", None),
                       (45_000_000, "apbd", "proposed", None)]),
    ("12.10.07.2005", [(9_000_000, "dana_desa", "allocated", 9_000_000)]),
    ("12.10.08.1001", [(12_500_000, "dana_kelurahan", "allocated", 12_000_000),
                       (40_000_000, "apbd", "proposed", None)]),
    ("12.10.08.2004", [(18_000_000, "dana_desa", "allocated", 18_000_000),
                       (9_500_000, "dana_desa", "realised", 9_500_000),
                       (150_000_000, "apbd", "proposed", None)]),
    ("12.10.08.2003", [(22_000_000, "dana_desa", "proposed", None),
                       (6_000_000, "village_other", "rejected", None)]),
    ("12.10.08.2005", [(16_000_000, "dana_desa", "allocated", 15_000_000),
                       (75_000_000, "apbd", "proposed", None)]),
    ("12.10.01.1004", [(35_000_000, "dana_kelurahan", "allocated", 30_000_000),
                       (12_000_000, "apbd", "allocated", 12_000_000)]),
    ("12.10.01.1002", [(27_000_000, "dana_kelurahan", "planned", None)]),
]
for code, items in plan:
    if VillageMeeting.objects.filter(village_id=code, year=year).exists():
        continue
    m = VillageMeeting.objects.create(village_id=code, year=year, held_on=held, place="Balai")
    for i, (cost, source, stage, allocated) in enumerate(items):
        Proposal.objects.create(
            meeting=m, order=i, activity="Kegiatan", package=1 + i % 5, kind="specific",
            estimated_cost=cost, funding_source=source, stage=stage,
            allocated_amount=allocated,
            realised_amount=allocated if stage == "realised" else None,
        )
M = 1_000_000
for code, dt, ds, et, es in [
    ("12.10.07.2001", 620 * M, 48 * M, 180 * M, 22 * M),
    ("12.10.07.2002", 540 * M, 31 * M, 150 * M, 9 * M),
    ("12.10.08.2004", 700 * M, 35 * M, 200 * M, 15 * M),
    ("12.10.08.2005", 480 * M, 60 * M, 120 * M, 18 * M),
]:
    DanaDesa.objects.get_or_create(
        village_id=code, year=year + 1,
        defaults=dict(development_total=dt, development_stunting=ds,
                      empowerment_total=et, empowerment_stunting=es),
    )
print("rembuk year", year)
"""


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"rembuk-rollup-{name}", full_page=full)


def main() -> None:
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    env_extra = {"TIKAR_DEMO": "1", "TIKAR_VAR_DIR": str(VAR)}
    with running_server(env_extra) as base, browser() as b:
        env = dict(os.environ, DEBUG="1", **env_extra)
        env.pop("DATABASE_URL", None)
        out = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", TOP_UP],
            env=env, cwd=ROOT, check=True, capture_output=True, text=True,
        )  # fmt: skip
        year = out.stdout.split()[-1]
        desk = b.new_context(
            viewport={"width": 1280, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = desk.new_page()
        login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
        page.goto(f"{base}/rembuk-wilayah/?tahun={year}")
        shot(page, "kabupaten-desktop")
        phone = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = phone.new_page()
        login(page, base, "dinas.labuhanbatu", DEMO_PASSWORD)
        page.goto(f"{base}/rembuk-wilayah/?tahun={year}")
        shot(page, "kabupaten-phone")
        page.locator("[data-testid=rembuk-rollup]").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -40)")
        shot(page, "kabupaten-table-phone")
        page.context.clear_cookies()
        login(page, base, "camat.bilahbarat", DEMO_PASSWORD)
        page.goto(f"{base}/rembuk-wilayah/?tahun={year}")
        shot(page, "kecamatan-phone")
        page.locator("[data-testid=rembuk-rollup]").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -40)")
        shot(page, "kecamatan-table-phone")
        page = desk.new_page()
        desk.clear_cookies()
        login(page, base, "camat.bilahbarat", DEMO_PASSWORD)
        page.goto(f"{base}/rembuk-wilayah/?tahun={year}")
        shot(page, "kecamatan-desktop", full=True)


if __name__ == "__main__":
    main()
