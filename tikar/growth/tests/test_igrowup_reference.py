"""WHO's igrowup example survey (498 children): every z-score and flag to two decimals."""

from __future__ import annotations

import math
import unittest

import numpy as np

from tikar.growth.who2006 import INDICATORS, compute

from .helpers import reference_rows

AGE_LIMIT_ROWS = {"4", "44", "95", "343"}  # ids of the 4 children aged 1832-1852 days


def _floats(values: list[str]) -> np.ndarray:
    return np.array([float(v) if v not in ("", "NA") else np.nan for v in values])


class IgrowupReferenceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        header, rows = reference_rows()
        cls.header, cls.rows = header, rows

        def col(name: str) -> list[str]:
            i = header.index(name)  # "oedema" appears twice; the first is the input
            return [r[i] for r in rows]

        cls.col = staticmethod(col)
        cls.result = compute(
            col("GENDER"),
            _floats(col("age.days")),
            weight=_floats(col("WEIGHT")),
            lenhei=_floats(col("HEIGHT")),
            measure=col("measure"),
            headc=_floats(col("HEAD")),
            armc=_floats(col("MUAC")),
            oedema=col("oedema"),
        )

    def test_it_has_the_whole_survey(self) -> None:
        self.assertEqual(len(self.rows), 498)
        self.assertEqual(len(self.result), 498)

    def test_it_reproduces_every_z_score_and_flag_to_two_decimals(self) -> None:
        ids = self.col("id")
        compared = 0
        for ind in INDICATORS:
            for kind, got_all in (("z", self.result.z[ind]), ("f", self.result.flags[ind])):
                expected = self.col(f"{kind}{ind}")
                for i, (want, got) in enumerate(zip(expected, got_all, strict=True)):
                    if ids[i] in AGE_LIMIT_ROWS:
                        continue
                    with self.subTest(id=ids[i], column=f"{kind}{ind}"):
                        if want in ("", "NA"):
                            self.assertTrue(math.isnan(got), f"expected empty, got {got}")
                        else:
                            self.assertEqual(float(want), float(got))
                            compared += 1
        self.assertGreater(compared, 4000)  # guard: the comparison really ran

    def test_it_leaves_children_past_day_1826_empty(self) -> None:
        ids = self.col("id")
        ages = self.col("age.days")
        for i, child in enumerate(ids):
            if child not in AGE_LIMIT_ROWS:
                continue
            self.assertGreater(int(ages[i]), 1826)
            for ind in INDICATORS:
                self.assertTrue(math.isnan(self.result.z[ind][i]), (child, ind))
                self.assertTrue(math.isnan(self.result.flags[ind][i]), (child, ind))

    def test_it_reproduces_the_adjusted_length_and_bmi(self) -> None:
        np.testing.assert_allclose(self.result.clenhei, _floats(self.col("clenhei")), atol=1e-9)
        np.testing.assert_allclose(self.result.cbmi, _floats(self.col("cbmi")), rtol=1e-9)

    def test_it_keeps_the_unrounded_values_next_to_the_rounded(self) -> None:
        for ind in INDICATORS:
            raw = self.result.z_unrounded[ind]
            np.testing.assert_array_equal(np.round(raw, 2), self.result.z[ind])
            finite = ~np.isnan(raw)
            self.assertTrue(np.any(raw[finite] != self.result.z[ind][finite]), ind)
