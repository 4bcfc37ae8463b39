# ruff: noqa: E741  (l, m, s are the LMS method's own names)
"""Every rule of spec/growth.md, one behaviour per test.

Expected values come from WHO's igrowup output (child 1 of the example survey) or are derived
in the test from the published tables (see helpers.py), never from the engine itself.
"""

from __future__ import annotations

import math
import unittest

import numpy as np

from tikar.growth.who2006 import compute, score_one

from .helpers import lms, r2, y_for_z, z_plain, z_restricted

# Child 1 of WHO's survey and igrowup's z-scores for her.
GIRL = {
    "sex": 2,
    "age_days": 683,
    "weight": 10.3999996185303,
    "lenhei": 84.8000030517578,
    "measure": "l",
    "armc": 14.8999996185303,
}
GIRL_Z = {"zlen": -0.07, "zwei": -0.57, "zwfl": -0.81, "zbmi": -0.79, "zac": 0.11}
ALL_Z = ("zlen", "zwei", "zwfl", "zbmi", "zhc", "zac")


def score(**changes: object) -> dict[str, object]:
    args = {**GIRL, **changes}
    return score_one(args.pop("sex"), **args)  # type: ignore[arg-type]


class SexTest(unittest.TestCase):
    def test_it_accepts_every_spelling_of_female_and_male(self) -> None:
        for code in (2, "2", "f", "F", 2.0, " f "):
            with self.subTest(code=code):
                out = score(sex=code)
                self.assertEqual({k: out[k] for k in GIRL_Z}, GIRL_Z)
        boy = [score(sex=code)["zlen"] for code in (1, "1", "m", "M")]
        self.assertEqual(len(set(boy)), 1)
        self.assertNotEqual(boy[0], GIRL_Z["zlen"])

    def test_it_leaves_every_z_empty_for_an_unknown_sex(self) -> None:
        for code in ("x", "", None, 3, 0, "male", "L"):
            with self.subTest(code=code):
                out = score(sex=code, headc=47.0)
                self.assertTrue(all(out[z] is None for z in ALL_Z), out)


class AgeTest(unittest.TestCase):
    def test_it_rounds_age_in_days_half_up(self) -> None:
        self.assertEqual(score(age_days=100.5)["age_days"], 101)
        self.assertEqual(score(age_days=100.49)["age_days"], 100)
        self.assertEqual(score(age_days=101.5)["age_days"], 102)  # not to even

    def test_it_uses_the_rounded_day_for_the_table_row(self) -> None:
        l, m, s = lms("wei", 2, 101)
        self.assertEqual(score(age_days=100.5, weight=6.0)["zwei"], r2(z_plain(6.0, l, m, s)))

    def test_it_accepts_age_in_months(self) -> None:
        out = score(age_days=None, age_months=22.45)  # 683.3 days in WHO's survey
        self.assertEqual(out["age_days"], 683)
        self.assertEqual({k: out[k] for k in GIRL_Z}, GIRL_Z)

    def test_it_rounds_months_times_30_4375_half_up(self) -> None:
        self.assertEqual(score(age_days=None, age_months=2)["age_days"], 61)  # 60.875
        self.assertEqual(score(age_days=None, age_months=4)["age_days"], 122)  # 121.75
        # 6.587... months x 30.4375 = 200.5 exactly -> 201
        self.assertEqual(score(age_days=None, age_months=200.5 / 30.4375)["age_days"], 201)

    def test_it_scores_day_1826_and_not_day_1827(self) -> None:
        last = score(age_days=1826, lenhei=110.0, measure="h", weight=18.0, headc=50.0)
        after = score(age_days=1827, lenhei=110.0, measure="h", weight=18.0, headc=50.0)
        self.assertTrue(all(last[z] is not None for z in ALL_Z), last)
        self.assertTrue(all(after[z] is None for z in ALL_Z), after)

    def test_it_tests_the_60_month_scope_on_the_unrounded_day(self) -> None:
        # WHO anthro: age_in_months = age_days / 30.4375 before rounding must be < 60.
        self.assertIsNotNone(score(age_days=1826.2, measure="h")["zlen"])  # 59.9967 months
        self.assertIsNone(score(age_days=1826.4, measure="h")["zlen"])  # 60.0049, day 1826
        self.assertIsNone(score(age_days=1826.5, measure="h")["zlen"])

    def test_it_leaves_a_negative_age_empty(self) -> None:
        out = score(age_days=-1, headc=35.0)
        self.assertTrue(all(out[z] is None for z in ALL_Z), out)

    def test_it_scores_weight_for_length_without_age_but_nothing_age_based(self) -> None:
        out = score(age_days=None)
        self.assertEqual(out["zwfl"], GIRL_Z["zwfl"])
        self.assertTrue(all(out[z] is None for z in ("zlen", "zwei", "zbmi", "zac")))

    def test_it_shows_completed_months_beside_the_exact_age(self) -> None:
        self.assertEqual(score(age_days=683)["age_completed_months"], 22)
        self.assertEqual(score(age_days=730)["age_completed_months"], 23)  # 23.98 months


class PositionTest(unittest.TestCase):
    def test_it_reads_the_position_case_insensitively(self) -> None:
        self.assertEqual(score(measure="L")["clenhei"], score(measure="l")["clenhei"])
        self.assertEqual(score(measure="L")["zlen"], GIRL_Z["zlen"])
        self.assertAlmostEqual(score(measure="H")["clenhei"], GIRL["lenhei"] + 0.7)
        self.assertEqual(score(measure="H")["clenhei"], score(measure="h")["clenhei"])

    def test_it_treats_standing_under_9_months_as_unknown_and_warns(self) -> None:
        young = score(age_days=273, lenhei=66.0, weight=7.5, measure="h")  # 8.97 months
        self.assertTrue(young["position_warning"])
        self.assertEqual(young["clenhei"], 66.0)  # no +0.7
        l, m, s = lms("len", 2, 273)
        self.assertEqual(young["zlen"], r2(z_plain(66.0, l, m, s)))

    def test_it_accepts_standing_from_9_months(self) -> None:
        out = score(age_days=274, lenhei=66.0, weight=7.5, measure="h")  # 9.002 months
        self.assertFalse(out["position_warning"])
        self.assertAlmostEqual(out["clenhei"], 66.7)

    def test_it_does_not_warn_about_lying_babies(self) -> None:
        self.assertFalse(score(age_days=100, lenhei=60.0, measure="l")["position_warning"])

    def test_it_leaves_length_unchanged_for_an_unknown_position(self) -> None:
        for measure in ("", None, "x", "berdiri"):
            for age in (700, 800):
                with self.subTest(measure=measure, age=age):
                    self.assertEqual(
                        score(age_days=age, measure=measure)["clenhei"], GIRL["lenhei"]
                    )


class LyingStandingRuleTest(unittest.TestCase):
    def _check(self, age: int, measure: str, adjustment: float) -> None:
        out = score(age_days=age, lenhei=85.0, weight=11.5, measure=measure)
        self.assertAlmostEqual(out["clenhei"], 85.0 + adjustment, places=9)
        l, m, s = lms("len", 2, age)
        self.assertEqual(out["zlen"], r2(z_plain(85.0 + adjustment, l, m, s)))
        bmi = 11.5 / ((85.0 + adjustment) / 100) ** 2
        self.assertAlmostEqual(out["cbmi"], bmi, places=9)
        l, m, s = lms("bmi", 2, age)
        self.assertEqual(out["zbmi"], r2(z_restricted(bmi, l, m, s)))

    def test_it_adds_0_7_cm_to_standing_height_under_731_days(self) -> None:
        self._check(730, "h", +0.7)

    def test_it_keeps_standing_height_from_731_days(self) -> None:
        self._check(731, "h", 0.0)

    def test_it_keeps_lying_length_under_731_days(self) -> None:
        self._check(730, "l", 0.0)

    def test_it_subtracts_0_7_cm_from_lying_length_from_731_days(self) -> None:
        self._check(731, "l", -0.7)

    def test_it_uses_the_adjusted_length_for_weight_for_height(self) -> None:
        out = score(age_days=731, lenhei=85.0, weight=11.5, measure="l")  # 84.3 on wfh
        l, m, s = lms("wfh", 2, 84.3)
        self.assertEqual(out["zwfl"], r2(z_restricted(11.5, l, m, s)))


class OedemaTest(unittest.TestCase):
    def test_it_blanks_weight_based_z_scores_with_oedema(self) -> None:
        for code in ("y", "Y", "1", 1, True):
            with self.subTest(code=code):
                out = score(oedema=code)
                self.assertIsNone(out["zwei"])
                self.assertIsNone(out["zwfl"])
                self.assertIsNone(out["zbmi"])
                self.assertEqual(out["zlen"], GIRL_Z["zlen"])
                self.assertEqual(out["zac"], GIRL_Z["zac"])

    def test_it_ignores_no_oedema(self) -> None:
        for code in ("n", "N", "0", "", None, False):
            with self.subTest(code=code):
                self.assertEqual(score(oedema=code)["zwei"], GIRL_Z["zwei"])


class MissingMeasurementTest(unittest.TestCase):
    def test_it_treats_weight_of_zero_or_less_as_missing(self) -> None:
        for weight in (0, -1.0):
            out = score(weight=weight)
            self.assertIsNone(out["zwei"])
            self.assertIsNone(out["zwfl"])
            self.assertIsNone(out["zbmi"])
            self.assertIsNone(out["cbmi"])
            self.assertEqual(out["zlen"], GIRL_Z["zlen"])

    def test_it_treats_length_of_zero_or_less_as_missing(self) -> None:
        for length in (0, -84.8):
            out = score(lenhei=length)
            self.assertIsNone(out["zlen"])
            self.assertIsNone(out["zwfl"])
            self.assertIsNone(out["zbmi"])
            self.assertIsNone(out["clenhei"])
            self.assertEqual(out["zwei"], GIRL_Z["zwei"])

    def test_it_treats_nan_and_none_as_missing(self) -> None:
        result = compute([2, 2], [683, 683], weight=[np.nan, None], lenhei=[84.8, 84.8])
        self.assertTrue(np.isnan(result.z["wei"]).all())
        self.assertFalse(np.isnan(result.z["len"]).any())


class WeightForLengthChoiceTest(unittest.TestCase):
    def _expect(self, out: dict[str, object], table: str, length: float, weight: float) -> None:
        l, m, s = lms(table, 2, length)
        self.assertEqual(out["zwfl"], r2(z_restricted(weight, l, m, s)))

    def test_it_uses_weight_for_length_under_731_days_and_height_from_731(self) -> None:
        # 80.0 cm is in both tables, with different M: the choice shows in the z.
        self._expect(score(age_days=730, lenhei=80.0, weight=10.0, measure=""), "wfl", 80.0, 10.0)
        self._expect(score(age_days=731, lenhei=80.0, weight=10.0, measure=""), "wfh", 80.0, 10.0)
        self.assertNotEqual(
            score(age_days=730, lenhei=80.0, weight=10.0, measure="")["zwfl"],
            score(age_days=731, lenhei=80.0, weight=10.0, measure="")["zwfl"],
        )

    def test_it_chooses_by_position_without_age(self) -> None:
        self._expect(score(age_days=None, lenhei=90.0, weight=12.0, measure="l"), "wfl", 90.0, 12.0)
        self._expect(score(age_days=None, lenhei=80.0, weight=10.0, measure="h"), "wfh", 80.0, 10.0)

    def test_it_chooses_by_87_cm_with_neither_age_nor_position(self) -> None:
        self._expect(score(age_days=None, lenhei=86.9, weight=12.0, measure=""), "wfl", 86.9, 12.0)
        self._expect(score(age_days=None, lenhei=87.0, weight=12.0, measure=""), "wfh", 87.0, 12.0)

    def test_it_leaves_lengths_outside_the_chosen_table_empty_without_fall_back(self) -> None:
        cases = [
            (700, 44.9, 2.5),  # below wfl
            (700, 110.1, 18.0),  # above wfl, though wfh covers it
            (800, 64.9, 7.0),  # below wfh, though wfl covers it
            (800, 120.1, 22.0),  # above wfh
        ]
        for age, length, weight in cases:
            with self.subTest(age=age, length=length):
                out = score(age_days=age, lenhei=length, weight=weight, measure="")
                self.assertIsNone(out["zwfl"])
                self.assertIsNotNone(out["zwei"])

    def test_it_scores_the_table_limits_themselves(self) -> None:
        for age, length, table in ((700, 45.0, "wfl"), (700, 110.0, "wfl"), (800, 65.0, "wfh")):
            with self.subTest(length=length):
                out = score(age_days=age, lenhei=length, weight=9.0, measure="")
                self._expect(out, table, length, 9.0)
        out = score(age_days=800, lenhei=120.0, weight=22.0, measure="")
        self._expect(out, "wfh", 120.0, 22.0)

    def test_it_interpolates_between_the_0_1_cm_rows(self) -> None:
        lo, hi = lms("wfl", 2, 84.8), lms("wfl", 2, 84.9)
        for length, t in ((84.83, 0.3), (84.85, 0.5), (84.87, 0.7)):
            l, m, s = (a + (b - a) * t for a, b in zip(lo, hi, strict=True))
            out = score(age_days=683, lenhei=length, weight=10.4)
            self.assertAlmostEqual(out["zwfl_unrounded"], z_restricted(10.4, l, m, s), places=9)

    def test_it_finds_the_row_of_float32_and_decimal_lengths(self) -> None:
        want = z_restricted(10.4, *lms("wfl", 2, 84.8))
        for length in (84.8000030517578, 84.79999999999, 84.8):
            out = score(age_days=683, lenhei=length, weight=10.4)
            self.assertAlmostEqual(out["zwfl_unrounded"], want, places=4)


class RestrictedLmsTest(unittest.TestCase):
    def test_it_restricts_weight_for_age_above_3_sd(self) -> None:
        l, m, s = lms("wei", 2, 683)
        weight = 18.0
        self.assertGreater(z_plain(weight, l, m, s), 3)
        want = 3 + (weight - y_for_z(3, l, m, s, False)) / (
            y_for_z(3, l, m, s, False) - y_for_z(2, l, m, s, False)
        )
        out = score(weight=weight)
        self.assertAlmostEqual(out["zwei_unrounded"], want, places=9)
        self.assertNotAlmostEqual(out["zwei_unrounded"], z_plain(weight, l, m, s), places=3)

    def test_it_restricts_weight_for_age_below_minus_3_sd(self) -> None:
        l, m, s = lms("wei", 2, 683)
        weight = 6.0
        sd3, sd2 = y_for_z(-3, l, m, s, False), y_for_z(-2, l, m, s, False)
        out = score(weight=weight)
        self.assertAlmostEqual(out["zwei_unrounded"], -3 + (weight - sd3) / (sd2 - sd3), places=9)

    def test_it_restricts_bmi_and_arm_circumference_but_not_length_or_head(self) -> None:
        out = score(armc=25.0, headc=55.0, lenhei=100.0)
        l, m, s = lms("ac", 2, 683)
        self.assertAlmostEqual(out["zac_unrounded"], z_restricted(25.0, l, m, s), places=9)
        self.assertNotAlmostEqual(z_plain(25.0, l, m, s), out["zac_unrounded"], places=2)
        l, m, s = lms("hc", 2, 683)
        self.assertAlmostEqual(out["zhc_unrounded"], z_plain(55.0, l, m, s), places=9)
        l, m, s = lms("len", 2, 683)
        self.assertAlmostEqual(out["zlen_unrounded"], z_plain(100.0, l, m, s), places=9)
        l, m, s = lms("bmi", 2, 683)
        self.assertAlmostEqual(out["zbmi_unrounded"], z_restricted(out["cbmi"], l, m, s), places=9)

    def test_it_scores_arm_circumference_only_from_day_91(self) -> None:
        self.assertIsNone(score(age_days=90, armc=13.0, lenhei=58.0, weight=5.5)["zac"])
        self.assertIsNotNone(score(age_days=91, armc=13.0, lenhei=58.0, weight=5.5)["zac"])


class FlagTest(unittest.TestCase):
    """Flags on the rounded z: zlen |z|>6, zwei <-6 or >5, the others |z|>5."""

    def _z_at(self, indicator: str, z: float) -> dict[str, object]:
        restricted = indicator in ("wei", "ac")
        table = {"len": "len", "wei": "wei", "hc": "hc", "ac": "ac"}[indicator]
        y = y_for_z(z, *lms(table, 2, 683), restricted)
        key = {"len": "lenhei", "wei": "weight", "hc": "headc", "ac": "armc"}[indicator]
        return score(**{key: y})

    def test_it_flags_beyond_each_limit_and_not_at_it(self) -> None:
        cases = {
            "len": [(6.0, 0), (6.01, 1), (-6.0, 0), (-6.01, 1)],
            "wei": [(5.0, 0), (5.01, 1), (-6.0, 0), (-6.01, 1), (-5.5, 0)],
            "hc": [(5.0, 0), (5.01, 1), (-5.0, 0), (-5.01, 1)],
            "ac": [(5.0, 0), (5.01, 1), (-5.0, 0), (-5.01, 1)],
        }
        for ind, pairs in cases.items():
            for z, flag in pairs:
                with self.subTest(indicator=ind, z=z):
                    # Aim a little inside so that rounding lands exactly on z.
                    out = self._z_at(ind, z - math.copysign(0.002, z))
                    self.assertEqual(out[f"z{ind}"], z)
                    self.assertEqual(out[f"f{ind}"], flag)

    def test_it_flags_weight_for_length_and_bmi_beyond_5(self) -> None:
        l, m, s = lms("wfl", 2, 84.8)
        heavy = score(weight=y_for_z(5.008, l, m, s, True))
        self.assertEqual((heavy["zwfl"], heavy["fwfl"]), (5.01, 1))
        light = score(weight=y_for_z(-4.998, l, m, s, True))
        self.assertEqual((light["zwfl"], light["fwfl"]), (-5.0, 0))
        self.assertEqual(heavy["fbmi"], 1 if heavy["zbmi"] > 5 else 0)

    def test_it_flags_on_the_rounded_value(self) -> None:
        out = self._z_at("len", 6.004)  # rounds to 6.00
        self.assertGreater(out["zlen_unrounded"], 6)
        self.assertEqual((out["zlen"], out["flen"]), (6.0, 0))

    def test_it_gives_no_flag_where_there_is_no_z(self) -> None:
        self.assertIsNone(score(headc=None)["fhc"])


class NoCappingTest(unittest.TestCase):
    def test_it_shows_a_severely_wasted_child_improving(self) -> None:
        l, m, s = lms("wfl", 2, 84.8)
        before = score(weight=y_for_z(-4.8, l, m, s, True))["zwfl"]
        after = score(weight=y_for_z(-3.9, l, m, s, True))["zwfl"]
        self.assertEqual((before, after), (-4.8, -3.9))

    def test_it_keeps_a_flagged_z_score(self) -> None:
        out = score(weight=40.0)
        self.assertGreater(out["zwei"], 5)
        self.assertEqual(out["fwei"], 1)


class VectorisedInputTest(unittest.TestCase):
    def test_it_scores_columns_of_mixed_records_like_single_ones(self) -> None:
        result = compute(
            np.array([2, 1, 9]),
            np.array([683, 400, 683]),
            weight=np.array([GIRL["weight"], 9.0, 10.4]),
            lenhei=np.array([GIRL["lenhei"], 75.0, 84.8]),
            measure=np.array(["l", "L", "l"]),
        )
        self.assertEqual(result.z["wfl"][0], GIRL_Z["zwfl"])
        one = score_one(1, 400, weight=9.0, lenhei=75.0, measure="l")
        self.assertEqual(result.z["wei"][1], one["zwei"])
        self.assertTrue(np.isnan(result.z["wei"][2]))
        self.assertEqual(list(result.categories("len")), ["normal", one["cat_len"], None])
