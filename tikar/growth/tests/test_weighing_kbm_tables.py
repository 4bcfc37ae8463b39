"""Both KBM tables, with their sources: they differ at months 3 and 7 and agree at 11."""

from __future__ import annotations

import unittest
from datetime import date

from tikar.growth.weighing import (
    DEFAULT_KBM_TABLE,
    N,
    T,
    Weighing,
    judge_series,
    kbm_grams,
    kbm_tables,
)

# Issue 10 / spec/posyandu.md: Buku KIA 2023 800 / 400 / 200 g at months 3 / 7 / 11; the
# posyandu's working table 600 / 300 / 200 g.
EXPECTED = {
    "buku_kia_2023": {3: 800, 7: 400, 11: 200},
    "posyandu_kerja": {3: 600, 7: 300, 11: 200},
}


class KbmTableTests(unittest.TestCase):
    def test_it_reads_each_table_at_months_3_7_and_11(self) -> None:
        for table, by_month in EXPECTED.items():
            for month, grams in by_month.items():
                with self.subTest(table=table, month=month):
                    self.assertEqual(kbm_grams(month, table), grams)

    def test_it_defaults_to_buku_kia_2023_and_names_every_source(self) -> None:
        self.assertEqual(DEFAULT_KBM_TABLE, "buku_kia_2023")
        for table in kbm_tables().values():
            self.assertTrue(table.source and table.label, table.key)
            self.assertEqual(len(table.grams), 12)

    def test_it_judges_the_same_gain_differently_by_table_at_month_3(self) -> None:
        months = [Weighing(date(2026, 1, 1), 2, "5.0"), Weighing(date(2026, 2, 1), 3, "5.7")]
        self.assertEqual(judge_series(months, "buku_kia_2023")[1].code, T)  # 700 < 800
        self.assertEqual(judge_series(months, "posyandu_kerja")[1].code, N)  # 700 ≥ 600

    def test_it_refuses_an_unknown_table(self) -> None:
        with self.assertRaises(KeyError):
            kbm_grams(3, "no_such_table")
