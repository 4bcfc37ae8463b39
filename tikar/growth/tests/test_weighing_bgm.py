"""BGM: the rounded weight-for-age z below −3 SD (exactly −3.00 is not), or oedema."""

from __future__ import annotations

import unittest

from tikar.growth.weighing import is_bgm


class BgmTests(unittest.TestCase):
    def test_it_does_not_count_exactly_minus_3(self) -> None:
        self.assertFalse(is_bgm(-3.00))

    def test_it_counts_minus_3_01(self) -> None:
        self.assertTrue(is_bgm(-3.01))

    def test_it_counts_oedema_without_a_z(self) -> None:
        self.assertTrue(is_bgm(None, oedema=True))

    def test_it_needs_a_z(self) -> None:
        self.assertFalse(is_bgm(None))
        self.assertFalse(is_bgm(-2.99, oedema=None))
