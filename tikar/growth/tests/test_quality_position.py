"""Position of measurement by age: standing under 24 months, lying from 24 months."""

from __future__ import annotations

import unittest

from tikar.growth.quality import position_figures

from .quality_rows import row

ROWS = [
    row("5-lying", age_months=5, length_cm=62.0, measured_lying=True),
    row("10-standing", age_months=10, length_cm=72.0, measured_lying=False),
    row("23-standing", age_months=23, length_cm=84.0, measured_lying=False),
    row("24-lying", age_months=24, length_cm=85.0, measured_lying=True),
    row("30-standing", age_months=30, length_cm=89.0, measured_lying=False),
    row("12-unknown", age_months=12, length_cm=74.0, measured_lying=None),
    row("40-weight-only", age_months=40, weight_kg=13.0, measured_lying=False),
]


class PositionFiguresTest(unittest.TestCase):
    def test_it_counts_the_wrong_position_for_the_age(self) -> None:
        standing, lying = position_figures(ROWS)
        self.assertEqual(standing.code, "standing_under_24")
        self.assertEqual((standing.numerator, standing.denominator), (2, 3))
        self.assertEqual(set(standing.ids), {"10-standing", "23-standing"})
        self.assertAlmostEqual(standing.value, 66.6667, places=3)
        self.assertTrue(standing.unusual)
        self.assertEqual((lying.numerator, lying.denominator), (1, 2))
        self.assertEqual(lying.ids, ("24-lying",))

    def test_it_has_nothing_unusual_when_all_are_right(self) -> None:
        standing, lying = position_figures(ROWS[:1])
        self.assertEqual((standing.value, standing.unusual), (0.0, False))
        self.assertEqual((lying.value, lying.unusual), (None, None))
