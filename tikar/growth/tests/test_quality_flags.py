"""% of computed z values that WHO flags."""

from __future__ import annotations

import unittest

from tikar.growth.quality import flag_figure

from .quality_rows import row


class FlagFigureTest(unittest.TestCase):
    def test_it_counts_flagged_among_the_computed_values(self) -> None:
        rows = [
            row("a", zwei=-1.0, fwei=False),
            row("b", zwei=5.2, fwei=True),
            row("c", zwei=0.3, fwei=False),
            row("d", zwei=-2.1, fwei=False),
            row("e", zwei=None),  # not computed: not in the denominator
        ]
        fig = flag_figure("zwei", rows)
        self.assertEqual((fig.numerator, fig.denominator), (1, 4))
        self.assertEqual(fig.value, 25.0)
        self.assertEqual(fig.ids, ("b",))

    def test_it_has_no_percentage_without_values(self) -> None:
        fig = flag_figure("zwfl", [row("a")])
        self.assertIsNone(fig.value)
        self.assertEqual(fig.denominator, 0)
