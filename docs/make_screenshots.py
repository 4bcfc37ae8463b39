"""Screenshots of the login page and each role's home, at phone (360×800) and desktop size,
then every KPM and Admin Desa screen at phone size.

Run from the repository root: `.venv/bin/python docs/make_screenshots.py`. It serves the app as
`make run` does (fresh SQLite, demo loaded) and writes docs/screens/*.png. The KPM screens are
filled through the screens themselves (a child registered and measured over seven months), so
they show data whether or not the demo has a population.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, OUT, ROOT, browser, login, running_server

SIZES = {"phone": (360, 800), "desktop": (1280, 800)}
PAGES = [
    # (file name, user or None for the login page, path)
    ("login", None, "/masuk/"),
    ("home-kpm", "sari", "/"),
    ("home-admin-desa", "admin.sibargot", "/"),
    ("users-admin-desa", "admin.sibargot", "/pengguna/"),
    ("home-kecamatan", "camat.bilahbarat", "/"),
    ("home-kabupaten", "dinas.labuhanbatu", "/"),
    ("home-provinsi", "prov.sumut", "/"),
    ("home-pusat", "pusat", "/"),
]


def shot(page, name: str) -> None:
    screens.shot(page, f"{name}-phone")


def months_back(day: date, n: int) -> date:
    y, m = divmod(day.year * 12 + day.month - 1 - n, 12)
    return date(y, m + 1, 1)


# (months before this one, weight kg, length cm) of the child the KPM screens follow: a girl
# who falters from about 6 months, so the chart shows points crossing -2 SD.
MEASUREMENTS = [
    (6, 6.4, 63.0),
    (5, 6.9, 65.0),
    (4, 7.2, 66.4),
    (3, 7.4, 67.3),
    (2, 7.5, 68.0),
    (1, 7.6, 68.6),
    (0, 7.7, 69.1),
]


def kpm_screens(b, base: str) -> None:
    """Register a child, record seven months, and capture each KPM / Admin Desa screen."""
    today = datetime.now(ZoneInfo("Asia/Jakarta")).date()
    ctx = b.new_context(
        viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
    )
    page = ctx.new_page()
    login(page, base, "sari", DEMO_PASSWORD)

    page.goto(base + "/rumah-tangga/baru/")
    page.click("label[for=id_hh-kind_1]")
    page.fill("#id_hh-head_name", "Pak Rusli Nasution")
    page.fill("#id_hh-dusun", "III")
    page.fill("#id_hh-rt", "002")
    page.fill("#id_hh-rw", "001")
    page.click("label[for=id_hh-safe_water_0]")
    shot(page, "register-1")
    page.click("button.primary")
    page.fill("#id_c-name", "Nur Aisyah")
    page.click("label[for=id_c-sex_1]")
    page.fill("#id_c-birth_date", (months_back(today, 13) + timedelta(days=4)).isoformat())
    page.fill("#id_c-mother_name", "Rina Nasution")
    page.fill("#id_c-kia_number", "KIA-014")
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "register-2")
    page.click("button[name=step][value=person]")
    page.wait_for_load_state("networkidle")
    child_url = page.url.split("?")[0]

    for back, weight, length in MEASUREMENTS:
        month = months_back(today, back)
        visit = min(today, month + timedelta(days=9))
        page.goto(f"{child_url}bulan/{month.year}-{month.month}/")
        page.fill("#id_visit_date", visit.isoformat())
        page.fill("#id_weight_kg", str(weight))
        page.fill("#id_length_cm", str(length))
        page.click("label[for=id_growth_mat_0]")
        page.click("label[for=id_immunisation_up_to_date_0]")
        page.click("label[for=id_counselling_mother_0]")
        if back == 0:
            # A locator wait: the Content-Security-Policy refuses wait_for_function's eval.
            page.locator("#zscores", has_text="PB/U").wait_for()
            page.locator("#zscores").scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, -200)")
            shot(page, "month-child")
        page.click(".savebar button")
        page.wait_for_load_state("networkidle")
        if page.locator("#id_confirm_growth").count():
            page.check("#id_confirm_growth")
            page.click(".savebar button")
            page.wait_for_load_state("networkidle")

    page.goto(child_url)
    shot(page, "target")
    page.locator(".charts img").first.scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    shot(page, "target-chart")
    page.locator(".history").scroll_into_view_if_needed()
    shot(page, "target-history")
    page.goto(base + "/tugas/")
    shot(page, "tasks")
    page.goto(base + "/")
    shot(page, "home-kpm-month")
    ctx.close()

    ctx = b.new_context(
        viewport={"width": 360, "height": 800}, device_scale_factor=1, locale="id-ID"
    )
    page = ctx.new_page()
    login(page, base, "admin.sibargot", DEMO_PASSWORD)
    page.goto(base + "/verifikasi/")
    shot(page, "verify")
    page.goto(base + "/aktivitas/")
    shot(page, "activity")
    page.goto(base + f"/formulir-1/{today.year}/")
    shot(page, "formulir1")
    ctx.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with running_server({"TIKAR_DEMO": "1"}) as base, browser() as b:
        kpm_screens(b, base)
        for size, (w, h) in SIZES.items():
            for name, username, path in PAGES:
                ctx = b.new_context(viewport={"width": w, "height": h})
                page = ctx.new_page()
                if username:
                    login(page, base, username, DEMO_PASSWORD)
                page.goto(base + path)
                page.wait_for_load_state("networkidle")
                target = OUT / f"{name}-{size}.png"
                page.screenshot(path=str(target), full_page=False)
                print(target.relative_to(ROOT))
                ctx.close()


if __name__ == "__main__":
    main()
