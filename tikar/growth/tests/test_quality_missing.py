"""% missing: weight, length, position, and a z that could not be computed."""

from __future__ import annotations

import unittest

from tikar.growth.quality import missing_figures

from .quality_rows import row

ROWS = [
    # complete
    row("ok", weight_kg=8.1, length_cm=70.2, measured_lying=True, zlen=-1, zwei=-1, zwfl=-0.5),
    # weight only
    row("w", weight_kg=8.3, zwei=-0.8),
    # length only, no position
    row("l", length_cm=71.0, zlen=-0.9),
    # oedema blanks BB/U and BB/PB: not a missing z
    row("oed", weight_kg=7.0, length_cm=70.0, measured_lying=True, oedema=True, zlen=-1.2),
    # BB/PB outside the table's lengths: a missing z
    row("wfl", weight_kg=9.0, length_cm=44.0, measured_lying=True, zlen=-5.0, zwei=1.0),
    # nothing measured (only a mat reading): not a measurement
    row("mat", growth_mat="hijau"),
]


class MissingFiguresTest(unittest.TestCase):
    def test_it_counts_each_kind_of_missing_value_over_the_measurements(self) -> None:
        figs = {f.code: f for f in missing_figures(ROWS)}
        self.assertEqual({f.denominator for f in figs.values()}, {5})
        self.assertEqual(figs["missing_weight"].ids, ("l",))
        self.assertEqual(figs["missing_length"].ids, ("w",))
        self.assertEqual(figs["missing_position"].ids, ("l",))
        self.assertEqual(figs["missing_z"].ids, ("wfl",))
        self.assertEqual(figs["missing_weight"].value, 20.0)
