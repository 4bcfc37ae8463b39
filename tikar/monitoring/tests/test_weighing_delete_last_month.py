"""Deleting last month's visit makes this month O; restoring it brings the judgement back."""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.test import BaseTestCase

from .weighing_helpers import codes, today, weigh


class DeleteLastMonthTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        self.child = child(self.sibargot, self.sari, birth_date=date(2025, 1, 2))
        weigh(self.child, date(2026, 2, 1), "8.6", self.sari)
        self.mar = weigh(self.child, date(2026, 3, 1), "9.0", self.sari)
        weigh(self.child, date(2026, 4, 1), "9.3", self.sari)

    def test_it_makes_this_month_o_and_restores_it(self) -> None:
        self.assertEqual([c for _, c in codes(self.child)], ["B", "N", "N"])
        ChildVisit.objects.get(pk=self.mar.pk).soft_delete(self.sari)
        self.assertEqual(codes(self.child), [("2026-02", "B"), ("2026-04", "O")])
        ChildVisit.objects.get(pk=self.mar.pk).restore(self.sari)
        self.assertEqual([c for _, c in codes(self.child)], ["B", "N", "N"])

    def test_it_makes_the_next_weighing_b_when_the_first_is_deleted(self) -> None:
        first = ChildVisit.objects.get(child=self.child, month=date(2026, 2, 1))
        first.soft_delete(self.sari)
        self.assertEqual(codes(self.child), [("2026-03", "B"), ("2026-04", "N")])
