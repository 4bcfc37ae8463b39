"""2T: a T whose previous weighing was T; a month without weighing is skipped, not a T."""

from __future__ import annotations

import unittest
from datetime import date

from tikar.growth.weighing import B, N, O, T, Weighing, judge_series


def series(*weights: str | None, start_age: int = 12) -> list:
    """One weighing per month from January 2026, `None` for a month not weighed."""
    return judge_series(
        Weighing(date(2026, i + 1, 1), start_age + i, w) for i, w in enumerate(weights)
    )


class TwoTTests(unittest.TestCase):
    def test_it_marks_the_second_of_two_consecutive_ts(self) -> None:
        # The demo child: 7.7 → 7.4 → 7.5 at 12+ months.
        j = series("7.7", "7.4", "7.5")
        self.assertEqual([(x.code, x.two_t) for x in j], [(B, False), (T, False), (T, True)])

    def test_it_keeps_marking_a_run_of_ts(self) -> None:
        j = series("7.7", "7.7", "7.7", "7.7")
        self.assertEqual([x.two_t for x in j], [False, False, True, True])

    def test_it_does_not_count_a_skipped_month_as_t(self) -> None:
        # T in February, March not weighed, April O (no gain known), May T: no 2T.
        j = series("8.0", "8.0", None, "8.0", "8.0")
        self.assertEqual(
            [(x.code, x.two_t) for x in j],
            [(B, False), (T, False), ("", False), (O, False), (T, False)],
        )

    def test_it_counts_2t_again_after_a_skipped_month(self) -> None:
        j = series("8.0", "8.0", None, "8.0", "8.0", "8.0")
        self.assertEqual([x.two_t for x in j], [False, False, False, False, False, True])

    def test_it_needs_a_t_right_before_not_any_earlier_t(self) -> None:
        j = series("8.0", "8.0", "8.5", "8.5")
        self.assertEqual(
            [(x.code, x.two_t) for x in j], [(B, False), (T, False), (N, False), (T, False)]
        )
