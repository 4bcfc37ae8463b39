"""tikar.calendar: quarters I-IV as Formulir 3/4 and the meetings count them."""

from __future__ import annotations

from datetime import date
from unittest import TestCase

from tikar import calendar as cal


class CalendarQuarterTests(TestCase):
    def test_it_puts_each_month_in_its_quarter(self) -> None:
        self.assertEqual([cal.quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 9, 10, 12)],
                         [1, 1, 2, 3, 4, 4])  # fmt: skip
        self.assertEqual(cal.year_quarter(date(2026, 11, 30)), (2026, 4))

    def test_it_bounds_a_quarter_by_its_first_and_last_day(self) -> None:
        self.assertEqual(cal.quarter_bounds(2024, 1), (date(2024, 1, 1), date(2024, 3, 31)))
        self.assertEqual(cal.quarter_bounds(2026, 4), (date(2026, 10, 1), date(2026, 12, 31)))
        self.assertEqual(
            cal.quarter_months(2026, 3), (date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1))
        )
        with self.assertRaises(ValueError):
            cal.quarter_bounds(2026, 5)

    def test_it_steps_to_the_next_and_previous_quarter_across_years(self) -> None:
        self.assertEqual(cal.next_quarter(2026, 4), (2027, 1))
        self.assertEqual(cal.previous_quarter(2026, 1), (2025, 4))
        self.assertEqual(cal.current_quarter(date(2026, 5, 2)), (2026, 2))
        self.assertEqual(cal.quarter_label(2026, 3), "III 2026")
