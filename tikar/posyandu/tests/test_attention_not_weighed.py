"""Not weighed for 2 months or more: counted from the month after the last weighing (pure)."""

from datetime import date
from unittest import TestCase

from tikar.posyandu.attention import INGAT, ChildFacts, ChildMonth, child_reasons

TODAY = date(2026, 3, 15)


def reasons(birth, months):
    return {r.code: r for r in child_reasons(ChildFacts(birth, "L", "Ani", months), TODAY)}


class NotWeighedTest(TestCase):
    def test_it_says_nothing_after_one_month_without_weighing(self):
        r = reasons(date(2025, 6, 1), [ChildMonth(date(2026, 2, 1), 7.0, "N")])
        self.assertNotIn("not_weighed", r)

    def test_it_reminds_after_two_months_without_weighing(self):
        r = reasons(date(2025, 6, 1), [ChildMonth(date(2026, 1, 1), 7.0, "N")])
        self.assertEqual(r["not_weighed"].level, INGAT)
        self.assertEqual(
            r["not_weighed"].text, "Tidak ditimbang 2 bulan (terakhir ditimbang Januari 2026)"
        )

    def test_it_counts_a_record_without_weight_as_not_weighed(self):
        months = [ChildMonth(date(2026, 1, 1), 7.0, "N"), ChildMonth(date(2026, 3, 1), None)]
        self.assertIn("not_weighed", reasons(date(2025, 6, 1), months))

    def test_it_counts_from_the_birth_month_when_never_weighed(self):
        r = reasons(date(2026, 1, 20), [])  # 1 month old: January, February, March
        self.assertEqual(r["not_weighed"].text, "Tidak ditimbang 3 bulan (belum pernah ditimbang)")

    def test_it_waits_until_the_child_is_one_month_old(self):
        self.assertNotIn("not_weighed", reasons(date(2026, 2, 16), []))  # 0 months on 15 March
        self.assertIn("not_weighed", reasons(date(2026, 2, 15), []))  # 1 month on 15 March
