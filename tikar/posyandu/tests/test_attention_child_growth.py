"""Newly stunted / stunted and newly wasted / wasted, from the latest length (pure)."""

from datetime import date
from unittest import TestCase

from tikar.posyandu.attention import INGAT, RUJUK, ChildFacts, ChildMonth, child_reasons

TODAY = date(2026, 3, 15)
BIRTH = date(2025, 3, 10)


def reasons(months, birth=BIRTH):
    return {r.code: r for r in child_reasons(ChildFacts(birth, "P", "Ani", months), TODAY)}


def m(month, zlen=None, flen=False, zwfl=None, fwfl=False):
    return ChildMonth(date(2026, month, 1), 8.0, "N", zlen=zlen, flen=flen, zwfl=zwfl, fwfl=fwfl)


class GrowthReasonsTest(TestCase):
    def test_it_refers_a_first_stunted_measurement(self):
        r = reasons([m(1, zlen=-1.5), m(3, zlen=-2.01)])
        self.assertEqual(r["stunted_new"].level, RUJUK)
        self.assertIn("PB/U -2,01 SD pada Maret 2026", r["stunted_new"].text)

    def test_it_does_not_call_minus_2_00_stunted(self):
        self.assertEqual({"stunted", "stunted_new"} & set(reasons([m(3, zlen=-2.0)])), set())

    def test_it_reminds_a_child_stunted_before_with_the_month_since(self):
        r = reasons([m(1, zlen=-2.3), m(2, zlen=-1.9), m(3, zlen=-2.2)])
        self.assertEqual(r["stunted"].level, INGAT)
        self.assertIn("Stunting sejak Januari 2026", r["stunted"].text)
        self.assertNotIn("stunted_new", r)

    def test_it_skips_a_flagged_length(self):
        self.assertNotIn("stunted_new", reasons([m(3, zlen=-6.5, flen=True)]))
        r = reasons([m(1, zlen=-6.5, flen=True), m(3, zlen=-2.5)])
        self.assertIn("stunted_new", r)

    def test_it_names_tb_u_from_24_months(self):
        r = reasons([m(3, zlen=-2.5)], birth=date(2023, 12, 1))
        self.assertIn("TB/U -2,50 SD", r["stunted_new"].text)

    def test_it_reads_only_a_recent_length(self):
        self.assertEqual({"stunted", "stunted_new"} & set(reasons([m(1, zlen=-2.5)])), set())

    def test_it_refers_new_wasting_and_reminds_continued_wasting(self):
        r = reasons([m(2, zwfl=-1.0), m(3, zwfl=-2.1)])
        self.assertEqual(r["wasted_new"].level, RUJUK)
        self.assertIn("BB/PB -2,10 SD", r["wasted_new"].text)
        r = reasons([m(2, zwfl=-2.4), m(3, zwfl=-2.1)])
        self.assertEqual(r["wasted"].level, INGAT)
        self.assertIn("sejak Februari 2026", r["wasted"].text)
        self.assertNotIn("wasted_new", reasons([m(3, zwfl=-2.0)]))
        self.assertNotIn("wasted_new", reasons([m(3, zwfl=-5.5, fwfl=True)]))
