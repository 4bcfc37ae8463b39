"""A pregnancy is not a 2a target in the months before it began (found by the printed 2a:
a pregnancy due in September 2026 was listed in January 2024)."""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import pregnancy
from tikar.monitoring.queries import tasks_for_month
from tikar.monitoring.rules import check_month_followed
from tikar.test import BaseTestCase


class TasksBeforePregnancyTests(BaseTestCase):
    def _listed(self, month: date) -> set:
        return {t.target.pk for t in tasks_for_month(self.sibargot.code, month) if t.form == "2a"}

    def test_it_lists_a_pregnancy_from_ten_months_before_its_hpl(self) -> None:
        due = pregnancy(self.sibargot, self.sari, kia_number="HPL", due_date=date(2026, 9, 20))
        # Ten months before September 2026 is November 2025: the first month followed.
        self.assertNotIn(due.pk, self._listed(date(2024, 1, 1)))
        self.assertNotIn(due.pk, self._listed(date(2025, 10, 1)))
        self.assertIn(due.pk, self._listed(date(2025, 11, 1)))
        self.assertIn(due.pk, self._listed(date(2026, 9, 1)))

    def test_it_agrees_with_the_rule_that_refuses_a_record(self) -> None:
        due = date(2026, 9, 20)
        pregnancy(self.sibargot, self.sari, kia_number="R", due_date=due)
        for month in (date(2025, 10, 1), date(2025, 11, 1)):
            refused = bool(check_month_followed("2a", month, due_date=due))
            self.assertEqual(bool(self._listed(month)), not refused, month)

    def test_it_counts_from_the_delivery_once_she_has_delivered(self) -> None:
        delivered = pregnancy(
            self.sibargot, self.sari, kia_number="D", due_date=date(2026, 9, 20),
            delivery_date=date(2026, 6, 2),
        )  # fmt: skip
        self.assertNotIn(delivered.pk, self._listed(date(2025, 7, 1)))
        self.assertIn(delivered.pk, self._listed(date(2025, 8, 1)))
