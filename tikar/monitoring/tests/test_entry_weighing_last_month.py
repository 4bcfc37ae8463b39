"""The entry form shows last month's weight and length beside the inputs (issue 10 §4)."""

from __future__ import annotations

from tikar.monitoring.tests.entry_weighing_base import (
    APRIL,
    MARCH,
    EntryWeighingCase,
    month_url,
)


class LastMonthTests(EntryWeighingCase):
    def test_it_shows_last_months_weight_and_length_with_the_month(self) -> None:
        self.weigh(APRIL, "9.0", "76.5")
        page = self.client.get(month_url(self.nisa))
        self.assertContains(page, "Bulan lalu, April 2026:</b> 9,0 kg · 76,5 cm", html=False)

    def test_it_says_not_weighed_last_month_and_shows_the_latest_weighing(self) -> None:
        self.weigh(MARCH, "8.8", "75.0")
        page = self.client.get(month_url(self.nisa))
        self.assertContains(page, "Belum ditimbang bulan lalu</b> (April 2026)")
        self.assertContains(page, "Terakhir, Maret 2026: 8,8 kg · 75,0 cm")

    def test_it_says_not_weighed_last_month_for_a_first_weighing(self) -> None:
        page = self.client.get(month_url(self.nisa))
        self.assertContains(page, "Belum ditimbang bulan lalu</b> (April 2026)")
        self.assertNotContains(page, "Terakhir,")
