"""/mutu-data/ and its drill-down fit a 360×800 phone: no sideways scrolling, 44 px targets."""

from __future__ import annotations

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD
from tikar.front.tests.test_browser_phone import SMALL_TARGETS, scroll_width


class TestQualityPhone:
    def test_it_fits_the_phone_and_opens_the_children_behind_a_figure(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        phone.goto(live_app + "/laporan/")
        phone.click("a[href='/mutu-data/']")
        phone.wait_for_load_state("networkidle")
        assert phone.locator("h1").inner_text().startswith("Mutu data")
        assert scroll_width(phone) <= 360
        assert phone.evaluate(SMALL_TARGETS) == []
        phone.click("text=12 bulan terakhir")
        phone.wait_for_load_state("networkidle")
        assert phone.locator(".qfig").count() == 16
        phone.locator(".qfig a.qlink").first.click()
        phone.wait_for_load_state("networkidle")
        assert phone.locator("table.data tbody tr").count() > 0
        assert scroll_width(phone) <= 360
        assert phone.evaluate(SMALL_TARGETS) == []
