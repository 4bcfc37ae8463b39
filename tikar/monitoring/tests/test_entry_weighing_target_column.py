"""The child's page lists each weighing with its N/T/O/B judgement (the stored one)."""

from __future__ import annotations

from datetime import date

from tikar.monitoring.tests.entry_weighing_base import APRIL, MARCH, EntryWeighingCase


class TargetColumnTests(EntryWeighingCase):
    def test_it_shows_n_t_o_b_and_2t_per_month(self) -> None:
        self.weigh(date(2026, 1, 1), "8.6")  # B
        self.weigh(MARCH, "8.8")  # O (February not weighed)
        self.weigh(APRIL, "8.8")  # T
        self.weigh(date(2026, 5, 1), "8.7")  # 2T
        page = self.client.get(f"/sasaran/{self.nisa.pk}/")
        self.assertContains(page, "N/T")
        for code in ("B", "O", "T", "2T"):
            self.assertContains(page, f'data-gain="{code[-1]}"')
        self.assertContains(page, ">2T<")
        self.assertContains(page, "-100 g")
