"""The entry form at 360×800 in a real Chromium: typing a weight judges it (N/T) live, offers
the override reason on a T only, and the page does not scroll sideways."""

from __future__ import annotations

from decimal import Decimal

from playwright.sync_api import expect

from tikar.browser import login
from tikar.front.demo import DEMO_PASSWORD


def comma(value: Decimal) -> str:
    return f"{value:.1f}".replace(".", ",")


class TestEntryWeighingBrowser:
    def open_child_with_last_month(self, phone, base: str) -> Decimal:
        """The month entry of a Sibargot child 0-23 months weighed last month; its weight."""
        phone.goto(base + "/tugas/?formulir=2b")
        hrefs = phone.locator("li[id^=t-] > a").evaluate_all("as => as.map(a => a.href)")
        for href in hrefs[:15]:
            phone.goto(href)
            last = phone.locator("[data-testid=last-month]").get_attribute("data-last-kg")
            if last:
                return Decimal(last)
        raise AssertionError("no child weighed last month among the first tasks")

    def test_it_judges_the_weight_while_typing(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        last = self.open_child_with_last_month(phone, live_app)
        expect(phone.locator("[data-testid=last-month]")).to_contain_text(f"{comma(last)} kg")
        gain = phone.locator("[data-testid=gain]")
        reason = phone.locator("#id_gain_override_reason")

        phone.fill("#id_weight_kg", comma(last - Decimal("0.5")))  # a loss: T at any age
        expect(gain).to_have_attribute("data-code", "T")
        expect(gain).to_contain_text("Turun 500 g")
        expect(reason).to_be_visible()
        reason.fill("Mengikuti garis pertumbuhannya")  # typing it keeps it (not re-rendered)
        reason.press("Tab")  # leaving the input judges again
        expect(gain).to_have_attribute("data-code", "N")
        expect(reason).to_have_value("Mengikuti garis pertumbuhannya")

        phone.fill("#id_weight_kg", comma(last + Decimal("1.0")))  # above any KBM: N
        expect(gain).to_contain_text("Naik 1.000 g")
        expect(reason).to_have_count(0)
        assert phone.evaluate("document.scrollingElement.scrollWidth") <= 360

    def test_a_reason_typed_on_a_t_judges_n_without_leaving_the_input(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        last = self.open_child_with_last_month(phone, live_app)
        gain = phone.locator("[data-testid=gain]")
        reason = phone.locator("#id_gain_override_reason")
        phone.fill("#id_weight_kg", comma(last - Decimal("0.3")))
        expect(gain).to_have_attribute("data-code", "T")
        expect(gain).to_contain_text("Turun 300 g, kurang dari minimal")
        reason.click()
        phone.keyboard.type("Mengikuti garis")  # still in the input: no Tab, no Save
        expect(gain).to_have_attribute("data-code", "N")
        expect(gain).to_contain_text("N (mengikuti garis pertumbuhannya)")
        expect(phone.locator("[data-testid=refer]")).to_have_count(0)
        phone.keyboard.type(" pertumbuhannya")  # the input was not re-rendered under the typing
        expect(reason).to_have_value("Mengikuti garis pertumbuhannya")
        expect(reason).to_be_focused()
        reason.fill("")
        expect(gain).to_have_attribute("data-code", "T")

    def test_an_absurd_weight_is_not_judged(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        self.open_child_with_last_month(phone, live_app)
        gain = phone.locator("[data-testid=gain]")
        phone.fill("#id_weight_kg", "999")
        expect(gain).to_contain_text("Periksa berat badan dulu")
        expect(gain).to_have_attribute("data-code", "")
        expect(phone.locator("[data-testid=refer]")).to_have_count(0)
