"""Permenkes 2/2020 categories at every boundary, on the rounded z-score."""

from __future__ import annotations

import unittest

import numpy as np

from tikar.growth.who2006 import CATEGORY_CODES, CATEGORY_LABELS, compute, score_one

from .helpers import lms, y_for_z

# (indicator, rounded z, expected code, expected Permenkes label)
BOUNDARIES = [
    ("len", -3.01, "severely_stunted", "sangat pendek"),
    ("len", -3.00, "stunted", "pendek"),
    ("len", -2.01, "stunted", "pendek"),
    ("len", -2.00, "normal", "normal"),
    ("len", 1.00, "normal", "normal"),
    ("len", 2.00, "normal", "normal"),
    ("len", 3.00, "normal", "normal"),
    ("len", 3.01, "tall", "tinggi"),
    ("wei", -3.01, "severely_underweight", "berat badan sangat kurang"),
    ("wei", -3.00, "underweight", "berat badan kurang"),
    ("wei", -2.01, "underweight", "berat badan kurang"),
    ("wei", -2.00, "normal", "berat badan normal"),
    ("wei", 1.00, "normal", "berat badan normal"),
    ("wei", 1.01, "risk_of_overweight", "risiko berat badan lebih"),
    ("wei", 2.00, "risk_of_overweight", "risiko berat badan lebih"),
    ("wei", 3.00, "risk_of_overweight", "risiko berat badan lebih"),
    ("wei", 3.01, "risk_of_overweight", "risiko berat badan lebih"),
]
for _ind in ("wfl", "bmi"):
    BOUNDARIES += [
        (_ind, -3.01, "severely_wasted", "gizi buruk"),
        (_ind, -3.00, "wasted", "gizi kurang"),
        (_ind, -2.01, "wasted", "gizi kurang"),
        (_ind, -2.00, "normal", "gizi baik"),
        (_ind, 1.00, "normal", "gizi baik"),
        (_ind, 1.01, "possible_risk_of_overweight", "berisiko gizi lebih"),
        (_ind, 2.00, "possible_risk_of_overweight", "berisiko gizi lebih"),
        (_ind, 2.01, "overweight", "gizi lebih"),
        (_ind, 3.00, "overweight", "gizi lebih"),
        (_ind, 3.01, "obese", "obesitas"),
    ]

AGE, LENGTH = 500, 78.0  # a girl of 16 months, measured lying


def _record_for(ind: str, z: float) -> dict[str, float]:
    """A measurement whose unrounded z is a hair from ``z`` (so that it rounds to ``z``)."""
    aim = z + (0.003 if z < 0 else -0.003)
    if ind == "len":
        return {"lenhei": y_for_z(aim, *lms("len", 2, AGE), False), "weight": 10.0}
    if ind == "wei":
        return {"lenhei": LENGTH, "weight": y_for_z(aim, *lms("wei", 2, AGE), True)}
    if ind == "wfl":
        return {"lenhei": LENGTH, "weight": y_for_z(aim, *lms("wfl", 2, LENGTH), True)}
    bmi = y_for_z(aim, *lms("bmi", 2, AGE), True)
    return {"lenhei": LENGTH, "weight": bmi * (LENGTH / 100) ** 2}


class CategoryBoundaryTest(unittest.TestCase):
    def test_it_puts_each_boundary_z_in_the_permenkes_band(self) -> None:
        for ind, z, code, label in BOUNDARIES:
            with self.subTest(indicator=ind, z=z):
                out = score_one(2, AGE, measure="l", **_record_for(ind, z))
                self.assertEqual(out[f"z{ind}"], z)
                self.assertNotEqual(out[f"z{ind}_unrounded"], z)
                self.assertEqual(out[f"cat_{ind}"], code)
                self.assertEqual(out[f"label_{ind}"], label)

    def test_it_categorises_the_rounded_not_the_unrounded_value(self) -> None:
        # -2.004 would be below -2 (stunted); rounded it is -2.00: normal.
        out = score_one(2, AGE, measure="l", lenhei=y_for_z(-2.004, *lms("len", 2, AGE), False))
        self.assertLess(out["zlen_unrounded"], -2)
        self.assertEqual(out["cat_len"], "normal")
        # -3.004 rounds to -3.00: stunted (pendek), not severely stunted.
        out = score_one(2, AGE, measure="l", lenhei=y_for_z(-3.004, *lms("len", 2, AGE), False))
        self.assertEqual(out["cat_len"], "stunted")


class CategoryCodesTest(unittest.TestCase):
    def test_it_has_an_indonesian_label_for_every_code(self) -> None:
        for ind, codes in CATEGORY_CODES.items():
            self.assertEqual(set(CATEGORY_LABELS[ind]), set(codes))

    def test_it_uses_the_official_labels(self) -> None:
        self.assertEqual(
            [CATEGORY_LABELS["wfl"][c] for c in CATEGORY_CODES["wfl"]],
            [
                "gizi buruk",
                "gizi kurang",
                "gizi baik",
                "berisiko gizi lebih",
                "gizi lebih",
                "obesitas",
            ],
        )
        self.assertEqual(CATEGORY_LABELS["bmi"], CATEGORY_LABELS["wfl"])

    def test_it_gives_no_category_without_a_z_score(self) -> None:
        out = score_one(2, AGE, weight=None, lenhei=None)
        for ind in CATEGORY_CODES:
            self.assertIsNone(out[f"cat_{ind}"])
            self.assertIsNone(out[f"label_{ind}"])

    def test_it_has_no_category_for_head_and_arm_circumference(self) -> None:
        out = score_one(2, AGE, headc=45.0, armc=15.0)
        self.assertIsNotNone(out["zhc"])
        self.assertNotIn("cat_hc", out)
        self.assertNotIn("cat_ac", out)

    def test_it_gives_codes_and_labels_for_whole_columns(self) -> None:
        result = compute([2, 2, "x"], [AGE] * 3, lenhei=[70.0, 78.0, 78.0], measure=["l"] * 3)
        self.assertEqual(list(result.categories("len")), ["severely_stunted", "normal", None])
        self.assertEqual(list(result.labels("len")), ["sangat pendek", "normal", ""])
        self.assertTrue(np.isnan(result.z["len"][2]))
