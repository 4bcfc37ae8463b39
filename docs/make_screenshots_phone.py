"""Screenshots of the phone work of issue 8 §6 at 360×800 (and the task list at 1280×800):
the navigation with its Menu open (KPM and Admin Desa), Tugas bulan ini with search and
filters, the entry page's "save and next" and a month of a validated quarter.

Run from the repository root: `.venv/bin/python docs/make_screenshots_phone.py`. It serves the
app as `make run` does (fresh SQLite, demo loaded) and writes docs/screens/*.png; set
TIKAR_BASE=http://127.0.0.1:8000 to photograph a server that is already running the demo.
"""

from __future__ import annotations

import contextlib
import os

import screenshots_server as screens
from screenshots_server import DEMO_PASSWORD, OUT, browser, login, running_server


def shot(page, name: str, full_page: bool = False) -> None:
    screens.shot(page, name, full_page=full_page)


def phone_page(b, base: str, user: str, width: int = 360):
    context = b.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
    page = context.new_page()
    login(page, base, user, DEMO_PASSWORD)
    return page


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    given = os.environ.get("TIKAR_BASE")
    server = contextlib.nullcontext(given) if given else running_server()
    with server as base, browser() as b:
        # Navigation: the row that always fits, then the Menu opened.
        page = phone_page(b, base, "sari")
        shot(page, "nav-kpm-phone")
        page.click(".navmenu summary")
        shot(page, "nav-kpm-menu-phone")
        page = phone_page(b, base, "admin.sibargot")
        page.click(".navmenu summary")
        shot(page, "nav-admin-desa-menu-phone")

        # Tugas bulan ini: search and filters, then the filtered list.
        page = phone_page(b, base, "sari")
        page.goto(base + "/tugas/")
        page.click(".morefilters summary")
        page.select_option("#id_formulir", "2b")
        page.check("#id_belum")
        page.evaluate("document.querySelector('.taskfilter').scrollIntoView()")
        shot(page, "tasks-filters-phone")
        page.click(".morefilters button")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.querySelector('.taskfilter').scrollIntoView()")
        shot(page, "tasks-filtered-phone")
        page.goto(base + "/tugas/?cari=siti")
        page.evaluate("document.querySelector('.taskfilter').scrollIntoView()")
        shot(page, "tasks-search-phone")

        # The entry page's bottom: "Simpan" and "Simpan & berikutnya".
        page.goto(base + "/tugas/?belum=1&formulir=2b")
        page.locator(".tasklist a").first.click()
        page.wait_for_load_state("networkidle")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        shot(page, "entry-save-next-phone")

        # Wide screen: the same list at 1280 px.
        wide = phone_page(b, base, "sari", width=1280)
        wide.goto(base + "/tugas/?belum=1")
        shot(wide, "tasks-filters-desktop")


if __name__ == "__main__":
    main()
