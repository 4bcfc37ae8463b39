"""Child-months of the period without a weighing, for the balita followed in each month."""

from __future__ import annotations

import unittest
from datetime import date

from tikar.growth.quality import FIGURE_CODES, ChildMonths, figures

from .quality_rows import row

SEP, OCT, NOV = date(2026, 9, 1), date(2026, 10, 1), date(2026, 11, 1)


class NotWeighedTest(unittest.TestCase):
    def test_it_counts_the_months_each_balita_was_not_weighed(self) -> None:
        children = [
            ChildMonths("A", date(2026, 5, 15)),  # 3 months; weighed Sep and Nov
            ChildMonths("B", date(2021, 10, 10)),  # 60 months in Nov: Sep and Oct only
            ChildMonths("C", date(2026, 10, 20)),  # born in Oct: Oct and Nov
            ChildMonths("D", date(2025, 1, 5), closed_at=date(2026, 9, 20)),  # Sep only
        ]
        rows = [
            row("a1", child_id="A", month=SEP, weight_kg=6.0),
            row("a3", child_id="A", month=NOV, weight_kg=6.8),
            row("b2", child_id="B", month=OCT, length_cm=100.0),  # measured, not weighed
            row("c2", child_id="C", month=OCT, weight_kg=3.2),
            row("d1", child_id="D", month=SEP, weight_kg=9.9),
        ]
        fig = figures(rows, children, (SEP, OCT, NOV))["not_weighed"]
        # child-months: A 3 + B 2 + C 2 + D 1 = 8; missed: A Oct, B Sep+Oct, C Nov = 4
        self.assertEqual((fig.numerator, fig.denominator), (4, 8))
        self.assertEqual(fig.value, 50.0)
        self.assertEqual(set(fig.ids), {"A", "B", "C"})
        self.assertEqual(fig.detail["months"]["B"], [SEP, OCT])

    def test_it_returns_every_figure(self) -> None:
        self.assertEqual(set(figures([])), set(FIGURE_CODES))


class BalitaSpanTest(unittest.TestCase):
    def test_it_agrees_with_the_balita_rule_month_by_month(self) -> None:
        from tikar.calendar import is_balita_month
        from tikar.growth.quality import _balita_span

        for birth in (date(2021, 10, 1), date(2021, 10, 10), date(2021, 1, 31), date(2024, 2, 29)):
            first, last = _balita_span(birth)
            for i in range(first - 2, last + 3):
                month = date(i // 12, i % 12 + 1, 1)
                self.assertEqual(is_balita_month(birth, month), first <= i <= last, (birth, month))
