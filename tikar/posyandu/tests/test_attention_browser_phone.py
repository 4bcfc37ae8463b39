"""The attention list on a 360×800 phone (headless Chromium, demo data): the flat-weight
stunted children are there, nothing scrolls sideways, the WhatsApp buttons are wa.me links
and big enough to tap, and the home page links to the whole list."""

from __future__ import annotations

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


class TestAttentionBrowserPhone:
    def test_it_lists_the_demo_children_on_a_phone(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        home = phone.locator(".attention-summary")
        assert home.locator(".attention-item").count() >= 1
        assert scroll_width(phone) <= 360
        home.locator("a.button").click()
        phone.wait_for_load_state("networkidle")
        assert phone.url.endswith("/perhatian/")
        assert scroll_width(phone) <= 360
        items = phone.locator(".attention-list .attention-item")
        assert items.count() >= 1
        texts = phone.locator(".attention-list").inner_text()
        assert "2T: berat badan tidak naik" in texts
        assert "Stunting sejak" in texts
        wa = phone.locator("a.button.wa").first
        assert wa.get_attribute("href").startswith("https://wa.me/")
        box = wa.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= 360
        phone.click(".attention-filter summary")
        phone.select_option("#id_jenis", "ibu")
        phone.click(".attention-filter button")
        phone.wait_for_load_state("networkidle")
        assert "jenis=ibu" in phone.url
        assert phone.locator(".attention-item").count() >= 1
        assert "bulan ·" not in phone.locator(".attention-list").inner_text()
