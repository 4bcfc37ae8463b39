"""The Berita Acara print page on a 360×800 phone (headless Chromium, the demo's rembuk of
Sibargot): the page never scrolls sideways; every wide table scrolls inside its own box, also
with the widest legal values (Rp 10 miliar, a 10-digit volume) and a long unbroken text
(task 11c, fix round)."""

from __future__ import annotations

from tikar.browser import login
from tikar.clock import today
from tikar.front.demo import DEMO_PASSWORD
from tikar.meetings.demo import meeting_year

WIDEST = """() => {
  const cost = "Rp 10.<wbr>000.<wbr>000.<wbr>000";
  document.querySelectorAll(".ba td.cost").forEach((td) => { td.innerHTML = cost; });
  document.querySelectorAll(".ba-list-table td.vol").forEach((td) => {
    td.innerHTML = "9.<wbr>999.<wbr>999.<wbr>999,99 paket";
  });
  const long = "x".repeat(3000);
  document.querySelectorAll(".ba-list li, .ba-list-table td.act, .ba-gaps td, .ba-attend td")
    .forEach((el, i) => { if (i % 3 === 0) el.textContent = long; });
}"""

OUTSIDE_BOX = """() => [...document.querySelectorAll(".ba table")]
  .filter((t) => !t.closest(".table-wrap") && t.getBoundingClientRect().right > 360)
  .map((t) => t.className)"""


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


class TestMinutesBrowserPhone:
    def test_it_fits_a_phone_and_scrolls_wide_tables_in_their_box(self, live_app, phone):
        login(phone, live_app, "sari", DEMO_PASSWORD)
        phone.goto(f"{live_app}/rembuk/{meeting_year(today())}/berita-acara/")
        assert phone.locator(".ba-gaps").count() == 1  # the demo froze a scorecard with gaps
        assert phone.locator(".ba-list-table").count() == 1
        assert scroll_width(phone) <= 360
        for table in phone.locator(".ba-gaps, .ba-list-table, .ba-attend").all():
            assert table.evaluate("(t) => !!t.closest('.table-wrap')")
        assert phone.evaluate(OUTSIDE_BOX) == []

        phone.evaluate(WIDEST)
        assert scroll_width(phone) <= 360
        assert phone.evaluate(OUTSIDE_BOX) == []
