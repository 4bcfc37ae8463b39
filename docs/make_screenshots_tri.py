"""Screenshots of "not asked" vs "no" and of the data problems of Formulir 3 / 4 (issue 8).

Run from the repository root: `.venv/bin/python docs/make_screenshots_tri.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded), saves one pregnant woman's month without a
gestation month (her trimester cannot be known) and writes docs/screens/tri-*.png at 360×800:
the three-state questions of the entry screen, the scorecard's "sasaran dengan data
bermasalah" card and her explanation page.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tikar.settings")
django.setup()

from tikar.browser import browser, login, running_server  # noqa: E402
from tikar.front.demo import DEMO_PASSWORD  # noqa: E402

OUT = ROOT / "docs" / "screens"


def shot(page, name: str) -> None:
    target = OUT / f"tri-{name}-phone.png"
    page.screenshot(path=str(target), full_page=False)
    print(target.relative_to(ROOT))


def main() -> None:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    quarter = (today.month - 1) // 3 + 1
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        ctx = b.new_context(
            viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
        )
        page = ctx.new_page()
        login(page, base, "sari", DEMO_PASSWORD)
        answer = page.request.get(
            base + "/api/pregnancies/?page_size=100", headers={"Accept": "application/json"}
        )
        rows = json.loads(answer.text())["results"]
        eka = next(p for p in rows if not p["delivery_date"] and not p.get("closed_at"))
        page.goto(f"{base}/sasaran/{eka['id']}/bulan/{today.year}-{today.month}/")
        page.select_option("#id_gestation_month", "")
        page.click("label[for=id_anc_check_0]")
        page.locator("#id_anc_check").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -60)")
        shot(page, "entry-three-states")
        page.click(".savebar button >> nth=0")
        page.wait_for_load_state("networkidle")
        page.goto(f"{base}/scorecard/{today.year}/{quarter}/")
        page.locator("#data-problems").scroll_into_view_if_needed()
        shot(page, "scorecard-data-problems")
        page.click("#data-problems li a >> nth=0")
        page.wait_for_load_state("networkidle")
        shot(page, "recap-target-problem")


if __name__ == "__main__":
    main()
