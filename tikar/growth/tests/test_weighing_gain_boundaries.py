"""N / T at the KBM boundary: exactly the KBM is N, one gram under is T (whole grams)."""

from __future__ import annotations

import unittest
from datetime import date
from decimal import Decimal

from tikar.growth.weighing import N, T, Weighing, judge_one, judge_series, kbm_grams


def two_months(age: int, before: str, now: str) -> list:
    """Weighings of June (age - 1 months) and July (age months), judged as a series."""
    return judge_series(
        [
            Weighing(date(2026, 6, 1), age - 1, before),
            Weighing(date(2026, 7, 1), age, now),
        ]
    )


class GainBoundaryTests(unittest.TestCase):
    def test_it_judges_a_gain_of_exactly_the_kbm_as_n(self) -> None:
        # 12 months: KBM 200 g. 8.0 → 8.2 kg is exactly 200 g.
        j = two_months(12, "8.0", "8.2")[1]
        self.assertEqual((j.code, j.gain_g, j.kbm_g), (N, 200, 200))

    def test_it_judges_one_gram_under_the_kbm_as_t(self) -> None:
        j = judge_one(12, "8.199", "8.0", weighed_before=True)
        self.assertEqual((j.code, j.gain_g, j.kbm_g), (T, 199, 200))

    def test_it_compares_whole_grams_so_float_noise_never_flips_n_to_t(self) -> None:
        # 0.1 + 0.2 style noise: 7.3 - 7.1 as floats is 0.19999999999999973.
        j = judge_one(12, 7.3, 7.1, weighed_before=True)
        self.assertEqual((j.code, j.gain_g), (N, 200))
        self.assertEqual(judge_one(12, Decimal("7.3"), Decimal("7.1"), weighed_before=True), j)

    def test_it_judges_a_loss_and_a_flat_weight_as_t(self) -> None:
        self.assertEqual(two_months(14, "7.7", "7.4")[1].gain_g, -300)
        self.assertEqual(two_months(14, "7.7", "7.4")[1].code, T)
        self.assertEqual(two_months(14, "7.7", "7.7")[1].code, T)

    def test_it_applies_the_kbm_of_the_age_at_the_weighing(self) -> None:
        # At 1 month the KBM is 800 g: 700 g is T, 800 g is N.
        self.assertEqual(judge_one(1, "4.0", "3.3", weighed_before=True).code, T)
        self.assertEqual(judge_one(1, "4.1", "3.3", weighed_before=True).code, N)
        self.assertEqual(kbm_grams(1), 800)
        self.assertEqual(kbm_grams(59), 200)
        self.assertIsNone(kbm_grams(60))
