# ruff: noqa: E741  (l, m, s are the LMS method's own names)
"""A length moved by the ±0.7 cm position rule lands exactly on its 0.1 cm table row (issue 8 §4).

In binary floating point 45.7 + 0.7 is 46.400000000000006 and 65.0 - 0.7 may fall just under
64.3: the adjusted length must be the decimal value, use that row of the weight-for-length /
-height table without interpolating towards a neighbour, and stay inside the table at its
first and last rows (45.0 / 110.0 cm for wfl, 65.0 / 120.0 cm for wfh).

Expected values: the row of WHO's table chosen by its decimal text (helpers.lms) and the
restricted LMS formula of spec/growth.md; no engine output is used.
"""

from __future__ import annotations

import unittest
from decimal import Decimal

import numpy as np

from tikar.growth.who2006 import compute, score_one

from .helpers import lms, r2, z_plain, z_restricted

LENGTH_DAY = 700  # under 731: length; standing adds 0.7
HEIGHT_DAY = 800  # from 731: height; lying subtracts 0.7


def tenths(first: str, last: str) -> list[Decimal]:
    start, stop = Decimal(first), Decimal(last)
    return [start + Decimal(i) / 10 for i in range(int((stop - start) * 10) + 1)]


class AdjustedLengthRowTest(unittest.TestCase):
    def check_every_row(self, table: str, day: int, measure: str, lengths: list[Decimal]) -> None:
        """Every measured n.n cm whose adjusted length is a row of ``table``: all at once."""
        delta = Decimal("0.7") if measure == "h" else Decimal("-0.7")
        adjusted = [x + delta for x in lengths]
        weights = [float(a) / 8 for a in adjusted]  # any plausible weight will do
        n = len(lengths)
        result = compute(
            [2] * n,
            [day] * n,
            weight=weights,
            lenhei=[float(x) for x in lengths],
            measure=[measure] * n,
        )
        wrong = []
        for i, (x, a) in enumerate(zip(lengths, adjusted, strict=True)):
            l, m, s = lms(table, 2, float(a))
            expected = r2(z_restricted(weights[i], l, m, s))
            if result.clenhei[i] != float(a) or result.z["wfl"][i] != expected:
                wrong.append((str(x), repr(result.clenhei[i]), result.z["wfl"][i], expected))
        self.assertEqual(wrong, [], "measured, clenhei, zwfl, WHO's zwfl")

    def test_it_puts_standing_lengths_under_2_years_on_their_wfl_row(self) -> None:
        # 44.3 + 0.7 = 45.0 (first row) ... 109.3 + 0.7 = 110.0 (last row).
        self.check_every_row("wfl", LENGTH_DAY, "h", tenths("44.3", "109.3"))

    def test_it_puts_lying_heights_from_2_years_on_their_wfh_row(self) -> None:
        # 65.7 - 0.7 = 65.0 (first row) ... 120.7 - 0.7 = 120.0 (last row).
        self.check_every_row("wfh", HEIGHT_DAY, "l", tenths("65.7", "120.7"))

    def test_it_uses_the_64_3_row_for_65_0_lying_at_24_months(self) -> None:
        # 24 months = 730.5 days -> day 731: a height, so 65.0 cm lying becomes 64.3 cm.
        out = score_one(2, age_months=24.0, lenhei=65.0, weight=7.0, measure="l")
        self.assertEqual(out["clenhei"], 64.3)
        l, m, s = lms("len", 2, 731)
        self.assertEqual(out["zlen"], r2(z_plain(64.3, l, m, s)))
        self.assertAlmostEqual(out["cbmi"], 7.0 / 0.643**2, places=9)
        # 64.3 cm is below weight-for-height's first row (65.0): no z, and no fall-back to wfl.
        self.assertIsNone(out["zwfl"])

    def test_it_keeps_the_first_and_last_rows_inside_the_tables(self) -> None:
        cases = (
            (LENGTH_DAY, 44.3, "h", "wfl", 45.0),
            (LENGTH_DAY, 109.3, "h", "wfl", 110.0),
            (HEIGHT_DAY, 65.7, "l", "wfh", 65.0),
            (HEIGHT_DAY, 120.7, "l", "wfh", 120.0),
        )
        for day, measured, measure, table, row in cases:
            with self.subTest(measured=measured, measure=measure):
                out = score_one(1, day, lenhei=measured, weight=row / 8, measure=measure)
                l, m, s = lms(table, 1, row)
                self.assertEqual(out["zwfl"], r2(z_restricted(row / 8, l, m, s)))
        # One step further is outside: 109.4 + 0.7 = 110.1 and 65.6 - 0.7 = 64.9 cm.
        self.assertIsNone(score_one(1, LENGTH_DAY, lenhei=109.4, weight=14, measure="h")["zwfl"])
        self.assertIsNone(score_one(1, HEIGHT_DAY, lenhei=65.6, weight=7, measure="l")["zwfl"])

    def test_it_passes_an_unadjusted_length_through_bit_for_bit(self) -> None:
        # WHO's survey stores float32 lengths (84.8000030517578): no rounding when nothing moves.
        out = compute([2], [683], lenhei=[84.8000030517578], measure=["l"])
        self.assertEqual(out.clenhei[0], 84.8000030517578)
        self.assertTrue(np.isnan(out.z["wfl"][0]))  # no weight
