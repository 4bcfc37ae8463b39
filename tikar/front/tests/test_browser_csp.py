"""Under the Content-Security-Policy the pages still work in a real Chromium: no refused
script or style, htmx's z-score preview answers, the month switcher and print buttons (now
data- attributes handled by static/js/tikar.js instead of inline handlers) still act."""

from __future__ import annotations

from datetime import date

from playwright.sync_api import expect

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


def watch(page) -> list[str]:
    """Every CSP refusal and script error the page reports, collected as it happens."""
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    return problems


def child_month_page(page, base: str) -> str:
    page.goto(base + "/tugas/")
    hrefs = page.eval_on_selector_all(
        "a[href*='/bulan/']", "links => links.map(a => a.getAttribute('href'))"
    )
    for href in hrefs[:40]:
        page.goto(base + href)
        if page.locator("#id_weight_kg").count():
            return page.url
    raise AssertionError("no child's month page found from the task list")


class TestBrowserContentSecurityPolicy:
    def test_it_runs_the_kpm_pages_without_a_refused_script_or_style(self, live_app, phone):
        problems = watch(phone)
        login(phone, live_app, "sari", DEMO_PASSWORD)
        for path in ("/", "/tugas/", "/laporan/", "/rumah-tangga/baru/"):
            phone.goto(live_app + path)
            phone.wait_for_load_state("networkidle")
        url = child_month_page(phone, live_app)
        # htmx asks the server for the z-scores while the KPM types.
        phone.fill("#id_weight_kg", "7.4")
        phone.fill("#id_length_cm", "66.5")
        phone.press("#id_length_cm", "Tab")
        expect(phone.locator("#zscores")).to_contain_text("BB/U", timeout=20_000)
        # The month switcher (data-navigate) still leads to the month chosen.
        switch = phone.locator("select[data-navigate]")
        if switch.count():
            options = switch.locator("option").evaluate_all("os => os.map(o => o.value)")
            # (A child registered this month by another test of the session has one month.)
            other = next((v for v in options if not url.endswith(v)), None)
            if other is not None:
                switch.select_option(other)
                phone.wait_for_url("**" + other)
        assert problems == []

    def test_it_runs_the_officer_and_admin_pages_without_a_refused_script_or_style(
        self, live_app, phone
    ):
        problems = watch(phone)
        today = date.today()
        quarter = (today.month - 1) // 3 + 1
        login(phone, live_app, "admin.sibargot", DEMO_PASSWORD)
        for path in (f"/scorecard/{today.year}/{quarter}/", "/verifikasi/", "/pengguna/"):
            phone.goto(live_app + path)
            phone.wait_for_load_state("networkidle")
        phone.context.clear_cookies()
        login(phone, live_app, "dinas.labuhanbatu", DEMO_PASSWORD)
        for path in ("/", "/rekap-wilayah/", "/lokus/", "/pengguna/baru/"):
            phone.goto(live_app + path)
            phone.wait_for_load_state("networkidle")
        assert problems == []
