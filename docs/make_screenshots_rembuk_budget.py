"""Screenshots of the budget path and table 5 prefill (issue 11, 11d):
docs/screens/rembuk-budget-*.png.

Run from the repository root: `.venv/bin/python docs/make_screenshots_rembuk_budget.py`. It
serves the app as `make run` does on a throw-away SQLite file (/tmp/shots_11d.sqlite3, demo
loaded), adds the Rembuk Stunting 2024 of Desa Sibargot with five proposals along the budget
path and its Dana Desa 2025 figures, and saves as the Admin Desa: the budget page and the Dana
Desa 2025 page with the prefill and the 2025 policy, at 360×800 and on a desktop.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import screenshots_server as screens
from screenshots_server import ROOT, browser, login, running_server

DB = Path("/tmp/shots_11d.sqlite3")
SEED = """
from datetime import date
from tikar.meetings.models import Proposal, VillageMeeting
from tikar.scorecard.models import DanaDesa
v = "12.10.07.2001"
m, _ = VillageMeeting.objects.get_or_create(village_id=v, year=2024,
    defaults={"held_on": date(2024, 6, 12), "place": "Balai Desa Sibargot"})
m.proposals.all().delete()
rows = [
    ("PMT lokal balita gizi kurang", 2, "2.2.02", 4_000_000, "dana_desa", "allocated",
     4_000_000, 3_750_000, None, ""),
    ("Jamban sehat keluarga 1000 HPK", 3, "2.4.11", 6_500_000, "dana_desa", "realised",
     6_500_000, 6_000_000, 5_850_000, ""),
    ("Kelas pengasuhan Bina Keluarga Balita", 5, "4.4.02", 1_200_000, "dana_desa", "allocated",
     1_200_000, 1_000_000, None, ""),
    ("Insentif kader posyandu", 1, "", 3_600_000, "dana_desa", "allocated", None, 3_600_000,
     None, ""),
    ("Kelas ibu hamil", 1, "2.2.02", 900_000, "apbd", "rejected", None, None, None,
     "Dibiayai puskesmas dari BOK"),
    ("Air bersih dusun III", 3, "2.4.03", 12_000_000, "village_other", "planned", 10_000_000,
     None, None, ""),
]
for i, (a, pkg, code, cost, src, st, pl, al, re_, note) in enumerate(rows):
    Proposal.objects.create(meeting=m, order=i, activity=a, package=pkg, kind="sensitive",
        activity_code=code, estimated_cost=cost, funding_source=src, stage=st,
        planned_amount=pl, allocated_amount=al, realised_amount=re_, stage_note=note)
DanaDesa.objects.update_or_create(village_id=v, year=2025, defaults=dict(
    development_total=420_000_000, development_stunting=0, empowerment_total=150_000_000,
    empowerment_stunting=0, ceiling=900_000_000, blt=162_000_000, food_security=185_000_000,
    operations=27_000_000))
"""


def shot(page, name: str, full: bool = False) -> None:
    screens.shot(page, f"rembuk-budget-{name}", full_page=full)


def main() -> None:
    DB.unlink(missing_ok=True)
    env = {"TIKAR_DEMO": "1", "DATABASE_URL": f"sqlite:///{DB}"}
    with running_server(env) as base, browser() as b:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "shell", "-c", SEED],
            env=dict(os.environ, **env), cwd=ROOT, check=True,
        )  # fmt: skip
        for kind, viewport in (("phone", (360, 800)), ("desktop", (1280, 800))):
            ctx = b.new_context(
                viewport={"width": viewport[0], "height": viewport[1]},
                device_scale_factor=1, locale="id-ID",
            )  # fmt: skip
            page = ctx.new_page()
            login(page, base, "admin.sibargot", "tikar-demo-2026")
            page.goto(f"{base}/rembuk/2024/anggaran/")
            shot(page, f"path-{kind}")
            row = page.locator("[data-testid=proposal-row]", has_text="Insentif kader")
            row.locator("summary").click()
            row.scroll_into_view_if_needed()
            shot(page, f"stage-form-{kind}")
            page.goto(f"{base}/dana-desa/2025/?isi=usulan")
            page.locator("[data-testid=prefill] details summary").click()
            shot(page, f"dana-desa-prefill-{kind}")
            page.locator("[data-testid=policy]").scroll_into_view_if_needed()
            shot(page, f"dana-desa-policy-{kind}")
            ctx.close()
    DB.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
