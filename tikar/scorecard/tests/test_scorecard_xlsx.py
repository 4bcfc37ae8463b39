"""The scorecard as XLSX: one sheet with the header and the five tables of Formulir 4."""

from __future__ import annotations

from io import BytesIO
from unittest import mock

from django.urls import reverse
from openpyxl import load_workbook

from tikar.scorecard.report import TABLE_TITLES
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class ScorecardXlsxTests(BaseTestCase):
    def test_it_has_the_five_tables_with_the_figures(self, _) -> None:
        build_sibargot(self)
        self.login(self.rahmat)
        response = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]) + "?format=xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("formulir4-12.10.07.2001-2026-K1.xlsx", response["Content-Disposition"])
        ws = load_workbook(BytesIO(response.content)).active
        rows = [list(row) for row in ws.iter_rows(values_only=True)]
        first = [r[0] for r in rows]
        for title in TABLE_TITLES:
            self.assertIn(title, first)
        self.assertEqual(TABLE_TITLES[0], "1. JUMLAH SASARAN 1.000 HPK")
        self.assertIn(["Desa", "Desa Sibargot (12.10.07.2001)"], [list(r[:2]) for r in rows])
        total = next(r for r in rows if r[1] == "Total")
        # The % is a number cell (formatted 0.00), so a spreadsheet can compute with it.
        self.assertEqual(total[2:5], [13, 24, 54.17])
        counselling = next(r for r in rows if r[1] and str(r[1]).startswith("Orang tua/pengasuh "
                                                                            "mengikuti konseling"))  # fmt: skip
        self.assertEqual(counselling[5], 1)  # "Laki": Bayu's father
