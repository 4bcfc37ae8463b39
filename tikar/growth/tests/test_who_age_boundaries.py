# ruff: noqa: E741  (l, m, s are the LMS method's own names)
"""WHO's age boundaries are tested on the UNROUNDED age (issue 8 §4).

WHO's anthro software (R package ``anthro``, ``anthro_zscores``) rounds the age in days half up
to pick the table row, but keeps ``age_in_months`` unrounded (months as given, or days /
30.4375) for two tests: a standing measurement under 9 months is treated as position unknown
(no +0.7 cm, ``c9mo_flag``), and a z-score exists only while ``age_in_months < 60``.  So 8.999
months is "under 9" although it rounds to day 274 (9.002 months), and 60.0 months is out of
scope although it rounds to day 1826.

Every expected value is computed here from the LMS rows of WHO's tables (helpers.lms) and the
formulas of spec/growth.md, never from the engine.
"""

from __future__ import annotations

import unittest

from tikar.growth.prevalence import summarize
from tikar.growth.who2006 import compute, score_one

from .helpers import lms, r2, z_plain, z_restricted

ALL_Z = ("zlen", "zwei", "zwfl", "zbmi", "zhc", "zac")


def boy(**kwargs: object) -> dict[str, object]:
    return score_one(1, **kwargs)  # type: ignore[arg-type]


class StandingUnderNineMonthsTest(unittest.TestCase):
    def assert_unknown_position(self, out: dict, day: int, lenhei: float) -> None:
        self.assertEqual(out["age_days"], day)
        self.assertTrue(out["position_warning"])
        self.assertEqual(out["clenhei"], lenhei)  # no +0.7 cm
        l, m, s = lms("len", 1, day)
        self.assertEqual(out["zlen"], r2(z_plain(lenhei, l, m, s)))

    def assert_standing_accepted(self, out: dict, day: int, lenhei: float) -> None:
        self.assertEqual(out["age_days"], day)
        self.assertFalse(out["position_warning"])
        self.assertEqual(out["clenhei"], round(lenhei + 0.7, 1))
        l, m, s = lms("len", 1, day)
        self.assertEqual(out["zlen"], r2(z_plain(round(lenhei + 0.7, 1), l, m, s)))

    def test_it_treats_standing_at_8_999_months_as_unknown_though_it_rounds_to_day_274(
        self,
    ) -> None:
        # 8.999 x 30.4375 = 273.91 days -> row 274 (9.002 months), but 8.999 < 9.
        out = boy(age_months=8.999, lenhei=70.0, weight=8.5, measure="h")
        self.assert_unknown_position(out, 274, 70.0)

    def test_it_accepts_standing_at_9_0_months(self) -> None:
        # 9.0 x 30.4375 = 273.94 days -> row 274; 9.0 is not under 9.
        out = boy(age_months=9.0, lenhei=70.0, weight=8.5, measure="h")
        self.assert_standing_accepted(out, 274, 70.0)

    def test_it_tests_fractional_days_before_rounding(self) -> None:
        # 273.9 days = 8.9988 months (under 9) -> row 274; 273.95 days = 9.0004 months.
        self.assert_unknown_position(boy(age_days=273.9, lenhei=70.0, measure="h"), 274, 70.0)
        self.assert_standing_accepted(boy(age_days=273.95, lenhei=70.0, measure="h"), 274, 70.0)


class SixtyMonthScopeTest(unittest.TestCase):
    MEASURES = {"lenhei": 108.0, "weight": 18.0, "measure": "h", "headc": 50.0, "armc": 16.0}

    def test_it_scores_59_99_months_on_day_1826(self) -> None:
        out = boy(age_months=59.99, **self.MEASURES)  # 1825.96 days -> row 1826
        self.assertEqual(out["age_days"], 1826)
        l, m, s = lms("len", 1, 1826)
        self.assertEqual(out["zlen"], r2(z_plain(108.0, l, m, s)))
        l, m, s = lms("wei", 1, 1826)
        self.assertEqual(out["zwei"], r2(z_restricted(18.0, l, m, s)))
        l, m, s = lms("wfh", 1, 108.0)
        self.assertEqual(out["zwfl"], r2(z_restricted(18.0, l, m, s)))

    def test_it_leaves_60_0_months_empty_though_it_rounds_to_day_1826(self) -> None:
        out = boy(age_months=60.0, **self.MEASURES)  # 1826.25 days -> day 1826
        self.assertEqual(out["age_days"], 1826)
        self.assertTrue(all(out[z] is None for z in ALL_Z), out)

    def test_it_tests_fractional_days_against_60_months(self) -> None:
        # 1826.2 days = 59.997 months; 1826.25 = 60.000; 1826.4 = 60.005: all are row 1826.
        self.assertIsNotNone(boy(age_days=1826.2, **self.MEASURES)["zlen"])
        for day in (1826.25, 1826.4):
            with self.subTest(day=day):
                out = boy(age_days=day, **self.MEASURES)
                self.assertTrue(all(out[z] is None for z in ALL_Z), out)

    def test_it_keeps_60_months_out_of_the_prevalence(self) -> None:
        # Two stunted boys (z far below -2) on row 1826; only the one under 60 months counts.
        result = compute([1, 1], age_months=[59.99, 60.0], lenhei=[95.0, 95.0], measure=["h", "h"])
        rows = summarize(result)
        stunting = next(r for r in rows if r.indicator == "stunting" and r.group == "all")
        self.assertEqual((stunting.count, stunting.denominator), (1, 1))

    def test_it_counts_an_oedema_child_of_60_months_in_no_prevalence(self) -> None:
        result = compute([1], age_months=[60.0], weight=[12.0], lenhei=[100.0], oedema=["y"])
        rows = summarize(result)
        wasting = next(r for r in rows if r.indicator == "wasting" and r.group == "all")
        self.assertEqual(wasting.denominator, 0)


class TwoYearBoundaryTest(unittest.TestCase):
    """730.5 days rounds half up to 731: height, weight-for-height, lying minus 0.7 cm."""

    def test_it_treats_day_730_5_as_height(self) -> None:
        for kwargs in ({"age_days": 730.5}, {"age_days": 731}, {"age_months": 24.0}):
            with self.subTest(**kwargs):
                out = boy(**kwargs, lenhei=85.0, weight=11.0, measure="l")
                self.assertEqual(out["age_days"], 731)
                self.assertEqual(out["clenhei"], 84.3)
                l, m, s = lms("wfh", 1, 84.3)
                self.assertEqual(out["zwfl"], r2(z_restricted(11.0, l, m, s)))
                l, m, s = lms("len", 1, 731)
                self.assertEqual(out["zlen"], r2(z_plain(84.3, l, m, s)))

    def test_it_treats_day_730_4_as_length(self) -> None:
        out = boy(age_days=730.4, lenhei=85.0, weight=11.0, measure="l")
        self.assertEqual(out["age_days"], 730)
        self.assertEqual(out["clenhei"], 85.0)
        l, m, s = lms("wfl", 1, 85.0)
        self.assertEqual(out["zwfl"], r2(z_restricted(11.0, l, m, s)))


class AgeGroupBoundaryTest(unittest.TestCase):
    def test_it_groups_prevalence_by_the_unrounded_age(self) -> None:
        # 182.6 days = 5.999 months: WHO's 0-5 group, although day 183 is 6.01 months.
        result = compute([1, 1], [182.6, 183.0], lenhei=[60.0, 60.0], measure=["l", "l"])
        rows = summarize(result)
        groups = {r.value: r.denominator for r in rows if r.indicator == "stunting"}
        self.assertEqual((groups["0-5"], groups["6-11"]), (1, 1))
