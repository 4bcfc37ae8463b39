"""A health worker's reason turns a T into N ("mengikuti garis pertumbuhannya"), nothing else."""

from __future__ import annotations

import unittest
from datetime import date

from tikar.growth.weighing import B, N, O, T, Weighing, judge_one, judge_series


class OverrideTests(unittest.TestCase):
    def test_it_turns_a_t_into_an_overridden_n(self) -> None:
        j = judge_one(14, "9.0", "9.0", weighed_before=True, override_reason="kurva sejajar")
        self.assertEqual((j.code, j.overridden, j.gain_g, j.kbm_g), (N, True, 0, 200))

    def test_it_ignores_a_blank_reason(self) -> None:
        j = judge_one(14, "9.0", "9.0", weighed_before=True, override_reason="   ")
        self.assertEqual((j.code, j.overridden), (T, False))

    def test_it_has_no_effect_on_n_o_or_b(self) -> None:
        why = "kurva sejajar"
        n = judge_one(14, "9.5", "9.0", weighed_before=True, override_reason=why)
        o = judge_one(14, "9.5", None, weighed_before=True, override_reason=why)
        b = judge_one(14, "9.5", None, weighed_before=False, override_reason=why)
        self.assertEqual(
            [(x.code, x.overridden) for x in (n, o, b)], [(N, False), (O, False), (B, False)]
        )

    def test_it_breaks_a_2t_chain(self) -> None:
        months = [
            Weighing(date(2026, 1, 1), 13, "9.0"),
            Weighing(date(2026, 2, 1), 14, "9.0"),
            Weighing(date(2026, 3, 1), 15, "9.0", "mengikuti garis"),
            Weighing(date(2026, 4, 1), 16, "9.0"),
        ]
        j = judge_series(months)
        self.assertEqual(
            [(x.code, x.two_t) for x in j], [(B, False), (T, False), (N, False), (T, False)]
        )
