"""SD of the z-scores, flagged values left out, against the approximate expected range."""

from __future__ import annotations

import unittest

from tikar.growth.quality import SD_RANGES, sd_figure

from .quality_rows import row


class SdFigureTest(unittest.TestCase):
    def test_it_computes_the_sample_sd_without_flagged_or_missing_values(self) -> None:
        rows = [row(str(i), zlen=z, flen=False) for i, z in enumerate((-1.0, 0.0, 1.0, 2.0))]
        rows += [row("flagged", zlen=-7.1, flen=True), row("none", zlen=None)]
        fig = sd_figure("zlen", rows)
        # mean 0.5; squares 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / 3 = 1.6667; sqrt = 1.2910
        self.assertAlmostEqual(fig.value, 1.2910, places=4)
        self.assertEqual(fig.denominator, 4)
        self.assertEqual(set(fig.ids), {"0", "1", "2", "3"})
        self.assertAlmostEqual(fig.detail["mean"], 0.5)
        self.assertTrue(fig.unusual)  # below 1.35
        self.assertEqual(fig.detail["side"], "below")

    def test_it_marks_an_sd_inside_the_range_as_usual(self) -> None:
        rows = [row(str(i), zwei=z, fwei=False) for i, z in enumerate((-1.5, 0.0, 1.5))]
        fig = sd_figure("zwei", rows)  # squares 4.5 / 2 = 2.25 -> 1.5: above 1.46
        self.assertAlmostEqual(fig.value, 1.5)
        self.assertTrue(fig.unusual)
        self.assertEqual(fig.detail["side"], "above")
        rows = [row(str(i), zwfl=z, fwfl=False) for i, z in enumerate((-1.5, 0.0, 1.5))]
        self.assertFalse(sd_figure("zwfl", rows).unusual)  # 1.5 within 1.08-1.50

    def test_it_includes_both_ends_of_the_range(self) -> None:
        rows = [row(str(i), zlen=z, flen=False) for i, z in enumerate((-1.35, 0.0, 1.35))]
        fig = sd_figure("zlen", rows)
        self.assertAlmostEqual(fig.value, 1.35)
        self.assertFalse(fig.unusual)

    def test_it_has_no_sd_for_a_single_value(self) -> None:
        fig = sd_figure("zlen", [row("a", zlen=-2.0, flen=False)])
        self.assertIsNone(fig.value)
        self.assertIsNone(fig.unusual)

    def test_it_names_the_range_as_approximate_with_its_source(self) -> None:
        self.assertEqual((SD_RANGES["zlen"].low, SD_RANGES["zlen"].high), (1.35, 1.95))
        self.assertEqual((SD_RANGES["zwei"].low, SD_RANGES["zwei"].high), (1.17, 1.46))
        self.assertEqual((SD_RANGES["zwfl"].low, SD_RANGES["zwfl"].high), (1.08, 1.50))
        self.assertTrue(all(r.approximate and "Mei" in r.source for r in SD_RANGES.values()))
