"""B for the first weighing, O after a month without weighing and at month 0, "" unweighed."""

from __future__ import annotations

import unittest
from datetime import date

from tikar.growth.weighing import B, N, O, Weighing, judge_one, judge_series


class OAndBTests(unittest.TestCase):
    def test_it_gives_b_to_the_first_weighing_ever(self) -> None:
        j = judge_series([Weighing(date(2026, 3, 1), 7, "7.5")])
        self.assertEqual([x.code for x in j], [B])
        self.assertIsNone(j[0].gain_g)

    def test_it_gives_b_even_after_unweighed_months(self) -> None:
        months = [
            Weighing(date(2026, 1, 1), 5, None),
            Weighing(date(2026, 2, 1), 6, ""),
            Weighing(date(2026, 3, 1), 7, "7.5"),
        ]
        self.assertEqual([x.code for x in judge_series(months)], ["", "", B])

    def test_it_gives_o_after_a_skipped_month(self) -> None:
        months = [
            Weighing(date(2026, 1, 1), 5, "7.0"),
            Weighing(date(2026, 3, 1), 7, "9.0"),  # February missing: no record at all
            Weighing(date(2026, 4, 1), 8, "9.3"),
        ]
        self.assertEqual([x.code for x in judge_series(months)], [B, O, N])

    def test_it_gives_o_after_a_month_with_a_record_but_no_weight(self) -> None:
        months = [
            Weighing(date(2026, 1, 1), 5, "7.0"),
            Weighing(date(2026, 2, 1), 6, None),
            Weighing(date(2026, 3, 1), 7, "7.0"),
        ]
        self.assertEqual([x.code for x in judge_series(months)], [B, "", O])

    def test_it_makes_no_judgement_at_month_0(self) -> None:
        # Born 20 January, weighed 25 January (month 0, B) and 5 February (still 0 months).
        months = [Weighing(date(2026, 1, 1), 0, "3.2"), Weighing(date(2026, 2, 1), 0, "3.3")]
        j = judge_series(months)
        self.assertEqual([x.code for x in j], [B, O])
        self.assertIsNone(j[1].kbm_g)
        self.assertEqual(j[1].gain_g, 100)

    def test_it_judges_from_month_1_on(self) -> None:
        j = judge_one(1, "4.0", "3.2", weighed_before=True)
        self.assertEqual((j.code, j.kbm_g), (N, 800))

    def test_it_leaves_an_unweighed_month_without_code(self) -> None:
        self.assertEqual(judge_one(7, None, "7.0", weighed_before=True).code, "")
        self.assertEqual(judge_one(7, "0", "7.0", weighed_before=True).code, "")

    def test_it_sorts_the_months_whatever_the_input_order(self) -> None:
        months = [Weighing(date(2026, 2, 1), 6, "7.6"), Weighing(date(2026, 1, 1), 5, "7.0")]
        j = judge_series(months)
        self.assertEqual([(x.month.month, x.code) for x in j], [(1, B), (2, N)])
