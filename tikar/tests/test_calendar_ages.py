"""tikar.calendar: a child's age, the one reading every page shows (Buku KIA / KMS)."""

from __future__ import annotations

from datetime import date
from unittest import TestCase

from tikar import calendar as cal


class CalendarAgeTests(TestCase):
    def test_it_completes_a_month_on_the_day_of_birth(self) -> None:
        born = date(2025, 5, 15)
        self.assertEqual(cal.age_in_months(born, date(2026, 2, 14)), 8)
        self.assertEqual(cal.age_in_months(born, date(2026, 2, 15)), 9)
        self.assertEqual(cal.age_in_months(born, born), 0)
        self.assertEqual(cal.age_in_months(born, date(2025, 5, 14)), -1)

    def test_it_completes_a_month_of_a_child_born_on_the_31st_on_the_1st_after(self) -> None:
        born = date(2026, 1, 31)
        self.assertEqual(cal.age_in_months(born, date(2026, 2, 28)), 0)
        self.assertEqual(cal.age_in_months(born, date(2026, 3, 1)), 1)

    def test_it_counts_days_from_birth(self) -> None:
        self.assertEqual(cal.age_days(date(2024, 2, 28), date(2024, 3, 1)), 2)

    def test_it_counts_a_records_age_on_its_visit_else_today_else_the_month_end(self) -> None:
        today = date(2026, 11, 20)
        month = date(2026, 11, 1)
        self.assertEqual(cal.age_reference_day(month, today, date(2026, 11, 3)), date(2026, 11, 3))
        self.assertEqual(cal.age_reference_day(month, today), today)
        self.assertEqual(cal.age_reference_day(date(2026, 9, 1), today), date(2026, 9, 30))
