"""tikar.calendar: month arithmetic and names, as every page writes months."""

from __future__ import annotations

from datetime import date
from unittest import TestCase

from tikar import calendar as cal


class CalendarMonthTests(TestCase):
    def test_it_moves_months_across_years(self) -> None:
        self.assertEqual(cal.add_months(date(2026, 11, 1), 2), date(2027, 1, 1))
        self.assertEqual(cal.add_months(date(2026, 1, 31), -1), date(2025, 12, 1))
        self.assertEqual(cal.add_months(date(2026, 3, 1), -72), date(2020, 3, 1))

    def test_it_clamps_a_day_to_the_end_of_a_shorter_month(self) -> None:
        self.assertEqual(cal.shift_day(date(2026, 1, 31), 1), date(2026, 2, 28))
        self.assertEqual(cal.shift_day(date(2024, 1, 31), 1), date(2024, 2, 29))
        self.assertEqual(cal.shift_day(date(2026, 5, 15), -12), date(2025, 5, 15))

    def test_it_knows_the_last_day_also_of_december_9999(self) -> None:
        self.assertEqual(cal.month_end(date(2024, 2, 10)), date(2024, 2, 29))
        self.assertEqual(cal.month_end(date(9999, 12, 1)), date(9999, 12, 31))
        self.assertEqual(cal.month_start(date(2026, 11, 30)), date(2026, 11, 1))

    def test_it_counts_and_lists_the_months_between(self) -> None:
        self.assertEqual(cal.months_between(date(2025, 11, 30), date(2026, 2, 1)), 3)
        self.assertEqual(
            list(cal.month_range(date(2025, 12, 1), date(2026, 2, 1))),
            [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)],
        )
        self.assertEqual(list(cal.month_range(date(2026, 2, 1), date(2026, 1, 1))), [])

    def test_it_names_months_in_bahasa_indonesia(self) -> None:
        self.assertEqual(cal.month_name(date(2026, 8, 1)), "Agustus 2026")
        self.assertEqual(cal.day_name(date(2026, 3, 7)), "7 Maret 2026")
        self.assertEqual(cal.short_month_name(date(2026, 10, 1)), "Okt 2026")
