"""Screenshots of "not asked" vs "no" and of the data problems of Formulir 3 / 4 (issue 8).

Run from the repository root: `.venv/bin/python docs/make_screenshots_tri.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded), saves one pregnant woman's month without a
gestation month (her trimester cannot be known) and writes docs/screens/tri-*.png at 360×800:
the three-state questions of the entry screen, the scorecard's "sasaran dengan data
bermasalah" card and her explanation page.
"""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, browser, login, running_server


def shot(page, name: str) -> None:
    screens.shot(page, f"tri-{name}-phone")


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
