"""Terminal-digit preference: share of ,0 and ,5 and the WHO MONICA digit preference score."""

from __future__ import annotations

import unittest
from decimal import Decimal

from tikar.growth.quality import digit_figure, digit_preference_score, dps_class, last_digit


class DigitPreferenceTest(unittest.TestCase):
    def test_it_reads_the_tenths_digit(self) -> None:
        self.assertEqual(last_digit(Decimal("8.5")), 5)
        self.assertEqual(last_digit(12), 0)
        self.assertEqual(last_digit(7.3), 3)
        self.assertEqual(last_digit(Decimal("10.0")), 0)

    def test_it_counts_heaping_on_0_and_5(self) -> None:
        weights = [8.0, 8.5, 9.0, 7.3, 6.1, 12.5, 10.0, 4.2, 5.5, 3.7]
        fig = digit_figure("digit_weight", [(str(i), w) for i, w in enumerate(weights)])
        self.assertEqual((fig.numerator, fig.denominator), (6, 10))
        self.assertEqual(fig.value, 60.0)
        self.assertEqual((fig.detail["pct0"], fig.detail["pct5"]), (30.0, 30.0))
        self.assertEqual(set(fig.ids), {"0", "1", "2", "5", "6", "8"})
        # counts 3,1,1,1,0,3,0,1,0,0; E = 1; chi2 = 4+0+0+0+1+4+1+0+1+1 = 12
        # DPS = 100 * sqrt(12 / (10 * 9)) = 36.51
        self.assertAlmostEqual(fig.detail["dps"], 36.5148, places=3)
        self.assertEqual(fig.detail["dps_class"], "bermasalah")
        self.assertTrue(fig.unusual)

    def test_it_scores_an_even_spread_zero(self) -> None:
        values = [(str(d), Decimal(f"5.{d}")) for d in range(10)]
        fig = digit_figure("digit_length", values)
        self.assertEqual(fig.value, 20.0)
        self.assertEqual(fig.detail["dps"], 0.0)
        self.assertEqual(fig.detail["dps_class"], "sangat baik")
        self.assertFalse(fig.unusual)

    def test_it_scores_all_on_one_digit_100(self) -> None:
        self.assertAlmostEqual(digit_preference_score([10, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 100.0)
        self.assertIsNone(digit_preference_score([0] * 10))

    def test_it_classes_the_score_as_smart_does(self) -> None:
        cases = [(7.99, "sangat baik"), (8, "baik"), (11.99, "baik"), (12, "dapat diterima")]
        cases += [(19.99, "dapat diterima"), (20, "bermasalah"), (None, "")]
        for dps, expected in cases:
            self.assertEqual(dps_class(dps), expected, dps)
