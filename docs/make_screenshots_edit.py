"""Screenshots of correcting a child and of deleting with confirmation and undo, at 360×800.

Run from the repository root: `.venv/bin/python docs/make_screenshots_edit.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded), registers and measures a child through the
screens as the KPM Sari, then captures the edit screen, the delete confirmation, the message
with "Batalkan" and the list of deleted entries into docs/screens/.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, OUT, browser, login, running_server


def shot(page, name: str) -> None:
    screens.shot(page, f"{name}-phone")


def edit_screens(b, base: str) -> None:
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    ctx = b.new_context(
        viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
    )
    page = ctx.new_page()
    login(page, base, "sari", DEMO_PASSWORD)

    # A child registered with a wrong birth date (a year too early), measured this month.
    page.goto(base + "/rumah-tangga/baru/")
    page.click("label[for=id_hh-kind_1]")
    page.fill("#id_hh-head_name", "Pak Rusli Nasution")
    page.fill("#id_hh-dusun", "III")
    page.click("button.primary")
    page.fill("#id_c-name", "Nur Aisyah")
    page.click("label[for=id_c-sex_1]")
    page.fill("#id_c-birth_date", (today - timedelta(days=600)).isoformat())
    page.fill("#id_c-mother_name", "Rina Nasution")
    page.click("button[name=step][value=person]")
    page.wait_for_load_state("networkidle")
    child_url = page.url.split("?")[0]
    page.goto(f"{child_url}bulan/{today.year}-{today.month}/")
    page.fill("#id_visit_date", today.isoformat())
    page.fill("#id_weight_kg", "7.4")
    page.fill("#id_length_cm", "68.0")
    page.click(".savebar button")
    page.wait_for_load_state("networkidle")
    if page.locator("#id_confirm_growth").count():
        page.check("#id_confirm_growth")
        page.click(".savebar button")
        page.wait_for_load_state("networkidle")

    page.goto(child_url + "ubah/")
    page.fill("#id_c-birth_date", (today - timedelta(days=235)).isoformat())
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "edit-child")
    page.click("form button.primary")
    page.wait_for_load_state("networkidle")
    shot(page, "edit-child-saved")

    page.goto(child_url + "hapus/")
    shot(page, "delete-confirm")
    page.click("form button.danger")
    page.wait_for_load_state("networkidle")
    shot(page, "delete-undo")
    page.goto(base + "/sasaran/terhapus/")
    shot(page, "deleted-list")
    ctx.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        edit_screens(b, base)


if __name__ == "__main__":
    main()
