"""The printed forms in headless Chromium (demo data): usable at 360×800 (only the tables
scroll sideways), and printed to A4 landscape PDF with nothing but the sheet."""

from __future__ import annotations

import re

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


class TestPrintFormBrowserPhone:
    def test_it_shows_the_form_on_a_phone_and_prints_only_the_sheet(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        phone.goto(f"{live_app}/formulir/2b/cetak/")
        wide = phone.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > 361 && !e.closest(".table-wrap"))
                .map(e => e.tagName + '.' + e.className)"""
        )
        assert wide == []
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360
        button = phone.locator("button[data-print]")
        box = button.bounding_box()
        assert box["height"] >= 40 and box["x"] + box["width"] <= 360
        assert phone.locator(".pf-table thead th").count() == 25  # No + 24 columns
        phone.select_option("select[name=kosong]", "1")
        phone.click(".pf-pick button[type=submit]")
        phone.wait_for_load_state("networkidle")
        assert "kosong=1" in phone.url
        assert phone.locator(".pf-table tbody tr.pf-spare").count() == 8
        phone.emulate_media(media="print")
        assert not phone.locator(".pf-controls").is_visible()
        assert not phone.locator(".mainnav").is_visible()
        assert phone.locator(".pf-sheet").is_visible()
        pdf = phone.pdf(format="A4", landscape=True)
        assert pdf.startswith(b"%PDF")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 1
