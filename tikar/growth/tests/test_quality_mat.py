"""Growth mat readings against the length: boundaries of the colours and the mat's ages."""

from __future__ import annotations

import unittest

from tikar.growth.mat import MatCutoffs
from tikar.growth.quality import mat_figure

from .quality_rows import row


class MatFigureTest(unittest.TestCase):
    def test_it_compares_at_the_colour_boundaries(self) -> None:
        rows = [
            row("merah-edge", age_months=3, zlen=-2.00, flen=False, growth_mat="kuning"),
            row("under-merah", age_months=3, zlen=-2.01, flen=False, growth_mat="kuning"),
            row("hijau-edge", age_months=18, zlen=-1.00, flen=False, growth_mat="hijau"),
            row("under-hijau", age_months=18, zlen=-1.01, flen=False, growth_mat="hijau"),
        ]
        fig = mat_figure(rows)
        self.assertEqual((fig.numerator, fig.denominator), (2, 4))
        self.assertEqual(fig.value, 50.0)
        self.assertEqual(fig.ids, ("under-merah", "under-hijau"))
        self.assertEqual(fig.detail["expected"], {"under-merah": "merah", "under-hijau": "kuning"})
        self.assertIn("Kuning", fig.detail["messages"]["under-merah"])
        self.assertTrue(fig.unusual)

    def test_it_leaves_out_ages_2_and_19_flagged_z_and_no_reading(self) -> None:
        rows = [
            row("2", age_months=2, zlen=0.0, flen=False, growth_mat="merah"),
            row("19", age_months=19, zlen=0.0, flen=False, growth_mat="merah"),
            row("flag", age_months=10, zlen=-6.5, flen=True, growth_mat="hijau"),
            row("none", age_months=10, zlen=-3.0, flen=False, growth_mat="tidak_diukur"),
            row("no-z", age_months=10, zlen=None, growth_mat="merah"),
            row("3", age_months=3, zlen=0.0, flen=False, growth_mat="merah"),
            row("18", age_months=18, zlen=-2.5, flen=False, growth_mat="merah"),
        ]
        fig = mat_figure(rows)
        self.assertEqual((fig.numerator, fig.denominator), (1, 2))
        self.assertEqual(fig.ids, ("3",))

    def test_it_uses_the_kabupaten_cut_offs(self) -> None:
        rows = [row("a", age_months=6, zlen=-2.5, flen=False, growth_mat="kuning")]
        self.assertEqual(mat_figure(rows).numerator, 1)
        own = MatCutoffs(merah_below=-3.0, hijau_from=-1.0, verified=True)
        fig = mat_figure(rows, own)
        self.assertEqual(fig.numerator, 0)
        self.assertIs(fig.detail["cutoffs"], own)
