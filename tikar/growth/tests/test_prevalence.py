"""Prevalence table: counts, denominators, Wilson intervals, flags and oedema."""

from __future__ import annotations

import unittest

import numpy as np

from tikar.growth.prevalence import PrevalenceCounter, summarize, wilson_interval
from tikar.growth.who2006 import compute

from .helpers import reference_rows


def _row(rows, indicator: str, group: str = "all", value: str = "all"):  # noqa: ANN001
    return next(r for r in rows if (r.indicator, r.group, r.value) == (indicator, group, value))


class WilsonIntervalTest(unittest.TestCase):
    def test_it_matches_published_wilson_intervals(self) -> None:
        # Newcombe (1998), Statistics in Medicine 17:857, table I: 0/10 and 81/263.
        low, high = wilson_interval(0, 10)
        self.assertEqual(low, 0.0)
        self.assertAlmostEqual(high, 0.2775, places=4)
        low, high = wilson_interval(81, 263)
        self.assertAlmostEqual(low, 0.2553, places=4)
        self.assertAlmostEqual(high, 0.3662, places=4)

    def test_it_stays_inside_0_and_100_percent(self) -> None:
        self.assertEqual(wilson_interval(10, 10)[1], 1.0)
        self.assertGreater(wilson_interval(10, 10)[0], 0.6)

    def test_it_has_no_interval_without_children(self) -> None:
        self.assertIsNone(wilson_interval(0, 0))


class SurveyPrevalenceTest(unittest.TestCase):
    """Counts checked against WHO's own z-scores and flags in the igrowup survey."""

    @classmethod
    def setUpClass(cls) -> None:
        header, rows = reference_rows()
        cls.header, cls.data = header, rows

        def col(name: str) -> list[str]:
            return [r[header.index(name)] for r in rows]

        def num(name: str) -> np.ndarray:
            return np.array([float(v) if v else np.nan for v in col(name)])

        cls.col, cls.num = staticmethod(col), staticmethod(num)
        result = compute(
            col("GENDER"),
            num("age.days"),
            weight=num("WEIGHT"),
            lenhei=num("HEIGHT"),
            measure=col("measure"),
            oedema=col("oedema"),
        )
        cls.rows = summarize(result, {"region": col("region")})
        cls.in_age = num("age.days") <= 1826

    def _who(self, z: str, flag: str) -> tuple[np.ndarray, np.ndarray]:
        values, flags = self.num(z), self.num(flag)
        valid = ~np.isnan(values) & (flags == 0) & self.in_age
        return values, valid

    def test_it_counts_stunting_on_valid_unflagged_children(self) -> None:
        zlen, valid = self._who("zlen", "flen")
        row = _row(self.rows, "stunting")
        self.assertEqual(row.denominator, int(valid.sum()))
        self.assertEqual(row.count, int((valid & (zlen < -2)).sum()))
        self.assertAlmostEqual(row.percent, 100 * row.count / row.denominator)
        low, high = wilson_interval(row.count, row.denominator)
        self.assertAlmostEqual(row.ci_low, 100 * low)
        self.assertAlmostEqual(row.ci_high, 100 * high)

    def test_it_counts_children_with_oedema_as_severely_wasted_and_underweight(self) -> None:
        oedema = np.array([v == "y" for v in self.col("oedema")]) & self.in_age
        self.assertEqual(int(oedema.sum()), 6)
        zwfl, valid = self._who("zwfl", "fwfl")
        for code, cut in (("wasting", -2), ("severe_wasting", -3)):
            row = _row(self.rows, code)
            self.assertEqual(row.denominator, int(valid.sum()) + 6)
            self.assertEqual(row.count, int((valid & (zwfl < cut)).sum()) + 6)
        zwei, valid = self._who("zwei", "fwei")
        row = _row(self.rows, "underweight")
        self.assertEqual(row.count, int((valid & (zwei < -2)).sum()) + 6)
        overweight = _row(self.rows, "overweight")
        zwfl, valid = self._who("zwfl", "fwfl")
        self.assertEqual(overweight.count, int((valid & (zwfl > 2)).sum()))
        self.assertEqual(overweight.denominator, int(valid.sum()) + 6)

    def test_it_breaks_down_by_sex_age_group_and_region(self) -> None:
        total = _row(self.rows, "stunting").denominator
        by_sex = [_row(self.rows, "stunting", "sex", s).denominator for s in ("male", "female")]
        self.assertEqual(sum(by_sex), total)
        groups = ["0-5", "6-11", "12-23", "24-35", "36-47", "48-59"]
        by_age = [_row(self.rows, "stunting", "age_group", g).denominator for g in groups]
        self.assertEqual(sum(by_age), total)
        regions = {r.value for r in self.rows if r.group == "region"}
        self.assertEqual(regions, {"East", "North", "South", "West"})

    def test_it_uses_completed_months_for_age_groups(self) -> None:
        # 182 days = 5.98 months: still 0-5; 183 days = 6.01 months: 6-11.
        result = compute([1, 1], [182, 183], lenhei=[60.0, 60.0], measure=["l", "l"])
        rows = summarize(result)
        self.assertEqual(_row(rows, "stunting", "age_group", "0-5").denominator, 1)
        self.assertEqual(_row(rows, "stunting", "age_group", "6-11").denominator, 1)


class FlaggedValuesTest(unittest.TestCase):
    def test_it_leaves_flagged_values_out(self) -> None:
        # Three girls of 12 months: 74 cm (normal), 66 cm (stunted, -3.5) and 40 cm (flagged).
        result = compute([2, 2, 2], [365, 365, 365], lenhei=[74.0, 66.0, 40.0], measure="l")
        self.assertEqual(list(result.flags["len"]), [0, 0, 1])
        row = _row(summarize(result), "stunting")
        self.assertEqual((row.count, row.denominator), (1, 2))
        self.assertEqual(row.percent, 50.0)

    def test_it_adds_up_chunks_like_one_table(self) -> None:
        ages = np.arange(0, 1800, 7)
        sexes = np.where(ages % 2 == 0, 1, 2)
        lengths = 50 + ages / 30
        whole = summarize(compute(sexes, ages, lenhei=lengths, weight=lengths / 8))
        counter = PrevalenceCounter()
        for part in np.array_split(np.arange(ages.size), 3):
            counter.add(
                compute(sexes[part], ages[part], lenhei=lengths[part], weight=lengths[part] / 8)
            )
        self.assertEqual(counter.rows(), whole)

    def test_it_reports_an_empty_group_without_a_percentage(self) -> None:
        row = _row(summarize(compute([1], [100], lenhei=[60.0])), "stunting", "age_group", "48-59")
        self.assertEqual((row.count, row.denominator, row.percent, row.ci_low), (0, 0, None, None))
