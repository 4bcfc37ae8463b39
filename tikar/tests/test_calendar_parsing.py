"""tikar.calendar: the one reader of ?bulan= and ?kuartal= values."""

from __future__ import annotations

from datetime import date
from unittest import TestCase

from tikar import calendar as cal


class CalendarParsingTests(TestCase):
    def test_it_reads_a_month_and_leaves_an_empty_value_empty(self) -> None:
        self.assertEqual(cal.parse_month("2026-11"), date(2026, 11, 1))
        self.assertEqual(cal.parse_month(" 2026-3 "), date(2026, 3, 1))
        self.assertIsNone(cal.parse_month(""))
        self.assertIsNone(cal.parse_month(None))

    def test_it_says_why_a_month_is_refused(self) -> None:
        cases = {
            "2026-13": "malformed",
            "2026-00": "malformed",
            "0000-01": "malformed",
            "٢٠٢٦-١١": "malformed",  # Arabic-Indic digits: int() would read them
            "99999999999999999999-1": "malformed",
            "1999-12": "too_early",
            "2026-12": "future",
        }
        for value, code in cases.items():
            with self.assertRaises(cal.PeriodError) as ctx:
                cal.parse_month(value, latest=date(2026, 11, 1))
            self.assertEqual(ctx.exception.code, code, value)

    def test_it_reads_a_quarter_in_every_written_form(self) -> None:
        for value in ("2026-Q3", "2026-q3", "2026-3", "2026-03"):
            self.assertEqual(cal.parse_quarter(value), (2026, 3), value)
        self.assertIsNone(cal.parse_quarter("  "))

    def test_it_says_why_a_quarter_is_refused(self) -> None:
        cases = {"2026-5": "malformed", "x": "malformed", "1999-4": "too_early", "2027-1": "future"}
        for value, code in cases.items():
            with self.assertRaises(cal.PeriodError) as ctx:
                cal.parse_quarter(value, latest=(2026, 4))
            self.assertEqual(ctx.exception.code, code, value)
