"""The pure month, quarter and deadline rules of the log and the coaching view."""

from __future__ import annotations

from datetime import date
from unittest import TestCase

from tikar.activities import periods


class PeriodsTest(TestCase):
    def test_it_puts_the_deadline_in_the_following_month(self):
        self.assertEqual(periods.deadline(date(2026, 12, 1), 5), date(2027, 1, 5))
        self.assertEqual(periods.deadline(date(2026, 1, 1), 28), date(2026, 2, 28))

    def test_it_reads_the_deadline_setting_safely(self):
        for value, day in ((5, 5), ("7", 7), ("", 5), (None, 5), ("31", 5), (0, 5), ("x", 5)):
            self.assertEqual(periods.deadline_day(value), day, value)

    def test_it_gives_the_last_complete_months_and_quarters(self):
        self.assertEqual(
            periods.default_period(date(2026, 1, 10)), (date(2025, 10, 1), date(2025, 12, 1))
        )
        self.assertEqual(
            periods.recent_quarters(date(2026, 2, 1), 3), [(2026, 1), (2025, 4), (2025, 3)]
        )

    def test_it_sorts_no_records_first_then_the_lowest_share(self):
        keys = [
            periods.weakness_key(50.0, 3, 10),
            periods.weakness_key(None, 9, 0),
            periods.weakness_key(90.0, 0, 10),
        ]
        self.assertEqual(sorted(keys)[0], periods.weakness_key(None, 9, 0))
        self.assertEqual(sorted(keys)[1], periods.weakness_key(50.0, 3, 10))

    def test_it_reads_whole_numbers_in_ascii_digits_only(self):
        # Months are read by tikar.calendar.parse_month (tikar/tests/test_calendar_parsing.py).
        self.assertEqual(periods.read_whole("12"), 12)
        for bad in ("١٢", "１２", "²", "+1", "-1", "1 2", "", "9" * 10):
            self.assertIsNone(periods.read_whole(bad), bad)
        self.assertEqual(periods.deadline_day("٧"), periods.DEFAULT_DEADLINE_DAY)
