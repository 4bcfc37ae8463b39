"""Attention reasons from the latest weighing: 2T, T and BGM with their boundaries (pure)."""

from datetime import date
from unittest import TestCase

from tikar.posyandu.attention import INGAT, RUJUK, ChildFacts, ChildMonth, child_reasons

TODAY = date(2026, 3, 15)
BIRTH = date(2025, 3, 10)  # 12 months on TODAY


def codes(months, today=TODAY):
    return {r.code: r for r in child_reasons(ChildFacts(BIRTH, "L", "Ani", months), today)}


class WeighingReasonsTest(TestCase):
    def test_it_refers_a_2t_with_the_grams_and_the_kbm(self):
        r = codes([ChildMonth(date(2026, 3, 1), 7.7, "T", -100, 200, True, zwei=-2.5)])
        self.assertEqual(r["two_t"].level, RUJUK)
        self.assertIn(
            "Maret 2026: 7,7 kg, -100 g dari bulan lalu, minimal naik 200 g", r["two_t"].text
        )
        self.assertNotIn("t", r)

    def test_it_reminds_a_single_t(self):
        r = codes([ChildMonth(date(2026, 3, 1), 7.7, "T", 100, 200, False, zwei=-1.0)])
        self.assertEqual(r["t"].level, INGAT)
        self.assertIn("+100 g", r["t"].text)
        self.assertNotIn("two_t", r)

    def test_it_says_nothing_of_n_o_or_b(self):
        for code in ("N", "O", "B"):
            r = codes([ChildMonth(date(2026, 3, 1), 8.0, code, zwei=-1.0)])
            self.assertEqual(set(r) - {"immunisation"}, set(), code)

    def test_it_reads_a_weighing_of_last_month(self):
        r = codes([ChildMonth(date(2026, 2, 1), 7.7, "T", 0, 200, True, zwei=-1.0)])
        self.assertIn("two_t", r)
        self.assertIn("Februari 2026", r["two_t"].text)

    def test_it_ignores_a_weighing_two_months_back(self):
        r = codes([ChildMonth(date(2026, 1, 1), 7.7, "T", 0, 200, True, zwei=-3.5)])
        self.assertNotIn("two_t", r)
        self.assertNotIn("bgm", r)
        self.assertIn("not_weighed", r)

    def test_it_uses_the_latest_weighing_not_an_earlier_t(self):
        r = codes(
            [
                ChildMonth(date(2026, 2, 1), 7.7, "T", 0, 200, True, zwei=-1.0),
                ChildMonth(date(2026, 3, 1), 8.0, "N", 300, 200, False, zwei=-1.0),
            ]
        )
        self.assertNotIn("two_t", r)
        self.assertNotIn("t", r)

    def test_it_refers_bgm_at_minus_3_01_not_at_minus_3_00(self):
        self.assertIn("bgm", codes([ChildMonth(date(2026, 3, 1), 6.0, "N", zwei=-3.01)]))
        self.assertNotIn("bgm", codes([ChildMonth(date(2026, 3, 1), 6.0, "N", zwei=-3.00)]))
        text = codes([ChildMonth(date(2026, 3, 1), 6.0, "N", zwei=-3.01)])["bgm"].text
        self.assertIn("BB/U -3,01 SD pada Maret 2026", text)

    def test_it_refers_oedema_as_bgm(self):
        r = codes([ChildMonth(date(2026, 3, 1), 6.0, "N", zwei=None, oedema=True)])
        self.assertEqual(r["bgm"].level, RUJUK)
        self.assertIn("edema", r["bgm"].text)

    def test_it_orders_rujuk_reasons_first(self):
        reasons = child_reasons(
            ChildFacts(
                BIRTH,
                "L",
                "Ani",
                [ChildMonth(date(2026, 3, 1), 6.0, "T", 0, 200, True, zwei=-3.2, zlen=-2.5)],
            ),
            TODAY,
        )
        self.assertEqual([r.code for r in reasons][:3], ["two_t", "bgm", "stunted_new"])

    def test_it_leaves_out_a_child_of_60_months_and_the_unborn(self):
        old = ChildFacts(
            date(2021, 3, 15), "L", "Old", [ChildMonth(date(2026, 3, 1), 9, "T", 0, 200, True)]
        )
        self.assertEqual(child_reasons(old, TODAY), [])
        unborn = ChildFacts(date(2026, 4, 1), "L", "X", [])
        self.assertEqual(child_reasons(unborn, TODAY), [])
        just = ChildFacts(
            date(2021, 3, 16), "L", "Y", [ChildMonth(date(2026, 3, 1), 9, "T", 0, 200, True)]
        )
        self.assertIn("two_t", {r.code for r in child_reasons(just, TODAY)})
