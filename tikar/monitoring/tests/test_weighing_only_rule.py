"""The rule itself: which months are balita months, which are weighing-only, what is refused."""

from __future__ import annotations

import unittest
from datetime import date

from tikar.calendar import is_balita_month
from tikar.monitoring import rules


class WeighingOnlyRuleTests(unittest.TestCase):
    def test_it_follows_a_balita_to_59_months(self) -> None:
        birth = date(2021, 5, 15)
        self.assertTrue(is_balita_month(birth, date(2026, 4, 1)))  # 58-59 months
        self.assertTrue(is_balita_month(birth, date(2026, 5, 1)))  # 59 on the 1st
        self.assertFalse(is_balita_month(birth, date(2026, 6, 1)))  # 60 on the 1st
        self.assertFalse(is_balita_month(birth, date(2021, 4, 1)))  # before birth
        self.assertTrue(is_balita_month(birth, date(2021, 5, 1)))  # month of birth
        # A 5th birthday on the 1st: that month is not a balita month.
        self.assertFalse(is_balita_month(date(2021, 6, 1), date(2026, 6, 1)))

    def test_it_makes_months_from_24_on_the_1st_weighing_only(self) -> None:
        birth = date(2024, 5, 15)
        self.assertFalse(rules.is_weighing_only_month(birth, date(2026, 5, 1)))  # 23 on the 1st
        self.assertTrue(rules.is_weighing_only_month(birth, date(2026, 6, 1)))  # 24 on the 1st
        self.assertEqual(rules.child_record_forms(birth, date(2026, 5, 1)), ("2b", "2c"))
        self.assertEqual(rules.child_record_forms(birth, date(2026, 6, 1)), ("2b", "2c"))
        self.assertEqual(rules.child_forms_for_month(birth, date(2026, 6, 1)), ("2c",))

    def test_it_refuses_each_service_answer_in_a_weighing_only_month(self) -> None:
        birth, month = date(2023, 11, 1), date(2026, 5, 1)  # 30 months
        problems = rules.check_weighing_only(
            birth, month, ["weight_kg", "visit_date", "home_visit", "safe_water"]
        )
        self.assertEqual(
            [(p.code, p.field) for p in problems],
            [("weighing_only", "home_visit"), ("weighing_only", "safe_water")],
        )
        self.assertIn("anak berumur 30 bulan", problems[0].message)
        self.assertIn("Kunjungan rumah", problems[0].message)
        measured = sorted(rules.WEIGHING_ONLY_FIELDS)
        self.assertEqual(rules.check_weighing_only(birth, month, measured), [])

    def test_it_lets_a_full_2b_record_through_under_24_months(self) -> None:
        self.assertEqual(
            rules.check_weighing_only(date(2025, 1, 1), date(2026, 5, 1), ["home_visit"]), []
        )

    def test_it_refuses_a_2b_month_from_60_months(self) -> None:
        problems = rules.check_month_followed("2b", date(2026, 5, 1), birth_date=date(2021, 4, 1))
        self.assertEqual([p.code for p in problems], ["out_of_cohort"])
        self.assertIn("0 sampai sebelum 60 bulan", problems[0].message)
