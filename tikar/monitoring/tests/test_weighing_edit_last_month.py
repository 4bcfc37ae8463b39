"""Editing last month's weight flips this month's stored code."""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child
from tikar.test import BaseTestCase

from .weighing_helpers import codes, today, weigh

APR, MAY = date(2026, 4, 1), date(2026, 5, 1)


class EditLastMonthTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        self.child = child(self.sibargot, self.sari, birth_date=date(2025, 1, 2))  # 15-16 months
        weigh(self.child, MAR := date(2026, 3, 1), "9.0", self.sari)
        self.mar = MAR
        weigh(self.child, APR, "9.3", self.sari)
        weigh(self.child, MAY, "9.5", self.sari)

    def test_it_turns_n_into_t_when_last_month_was_heavier(self) -> None:
        self.assertEqual(codes(self.child)[-1], ("2026-05", "N"))  # +200 g, KBM 200
        weigh(self.child, APR, "9.4", self.sari)
        self.assertEqual(codes(self.child)[-1], ("2026-05", "T"))  # +100 g

    def test_it_turns_a_t_into_2t_and_back(self) -> None:
        weigh(self.child, APR, "9.0", self.sari)  # April T (0 g)
        weigh(self.child, MAY, "9.1", self.sari)  # May T after a T: 2T
        self.assertEqual(codes(self.child)[1:], [("2026-04", "T"), ("2026-05", "T")])
        from tikar.monitoring.models import ChildVisit

        self.assertTrue(ChildVisit.objects.get(child=self.child, month=MAY).two_t)
        weigh(self.child, APR, "9.5", self.sari)  # April N: May is a single T (−400 g)
        may = ChildVisit.objects.get(child=self.child, month=MAY)
        self.assertEqual((may.weight_gain, may.two_t, may.weight_gain_g), ("T", False, -400))
