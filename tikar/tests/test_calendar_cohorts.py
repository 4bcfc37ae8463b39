"""tikar.calendar: who is a 0-23 month child, a balita, of PAUD age, or in nifas in a month."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import TestCase

from tikar import calendar as cal

BORN = date(2024, 3, 15)


class CalendarCohortTests(TestCase):
    def test_it_keeps_a_child_0_23_through_the_month_of_the_second_birthday(self) -> None:
        self.assertFalse(cal.is_0_23_month(BORN, date(2024, 2, 1)))  # before birth
        self.assertTrue(cal.is_0_23_month(BORN, date(2024, 3, 1)))  # month of birth
        self.assertTrue(cal.is_0_23_month(BORN, date(2026, 3, 1)))  # 23 months on the 1st
        self.assertFalse(cal.is_0_23_month(BORN, date(2026, 4, 1)))
        # A birthday on the 1st: 24 months on the first day, so that month is not 0-23.
        self.assertFalse(cal.is_0_23_month(date(2024, 3, 1), date(2026, 3, 1)))

    def test_it_keeps_a_balita_to_59_months(self) -> None:
        self.assertTrue(cal.is_balita_month(BORN, date(2029, 3, 1)))  # 59 months on the 1st
        self.assertFalse(cal.is_balita_month(BORN, date(2029, 4, 1)))

    def test_it_puts_a_child_of_2_to_6_years_in_paud_age(self) -> None:
        self.assertFalse(cal.is_paud_month(BORN, date(2026, 2, 1)))
        self.assertTrue(cal.is_paud_month(BORN, date(2026, 3, 1)))  # 2nd birthday in the month
        self.assertTrue(cal.is_paud_month(BORN, date(2030, 3, 1)))  # 71 months on the 1st
        self.assertFalse(cal.is_paud_month(BORN, date(2030, 4, 1)))

    def test_it_keeps_a_mother_in_nifas_for_42_days_after_delivery(self) -> None:
        delivered = date(2026, 3, 10)
        self.assertFalse(cal.is_postnatal(delivered, delivered - timedelta(1)))
        self.assertTrue(cal.is_postnatal(delivered, delivered))
        self.assertTrue(cal.is_postnatal(delivered, delivered + timedelta(cal.POSTNATAL_DAYS)))
        self.assertFalse(cal.is_postnatal(delivered, delivered + timedelta(43)))
