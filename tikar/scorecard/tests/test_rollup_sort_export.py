"""Sorting the roll-up on the server, and its CSV and XLSX exports."""

from __future__ import annotations

import csv
from io import BytesIO, StringIO
from unittest import mock

from django.urls import reverse
from openpyxl import load_workbook

from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, BILAH_BARAT, SIBARGOT, BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupSortExportTests(BaseTestCase):
    def setUp(self) -> None:
        build_bilah_barat(self)
        self.login(self.dewi)

    def get(self, query: str):
        return self.client.get(reverse("rollup", args=[YEAR, QUARTER]) + query)

    def codes(self, query: str) -> list[str]:
        return [r["code"] for r in self.get(query).context["rows"]]

    def test_it_sorts_by_any_column_with_empty_values_last(self, _) -> None:
        # Sibargot 54.17, Bandar Kumbul 0.00, the other desa have no targets (no value).
        self.assertEqual(self.codes("?sort=-convergence")[:2], [SIBARGOT, BANDAR_KUMBUL])
        self.assertEqual(self.codes("?sort=convergence")[:2], [BANDAR_KUMBUL, SIBARGOT])
        self.assertEqual(self.codes("?sort=-children")[:2], [SIBARGOT, BANDAR_KUMBUL])
        self.assertEqual(self.codes("?sort=-c1")[:2], [SIBARGOT, BANDAR_KUMBUL])
        names = [r["name"] for r in self.get("?sort=name").context["rows"]]
        self.assertEqual(names, sorted(names, key=str.lower))
        # An unknown key falls back to the code order instead of failing.
        self.assertEqual(self.codes("?sort=bogus"), sorted(self.codes("")))

    def test_it_links_headings_to_the_other_direction(self, _) -> None:
        page = self.get("?sort=convergence")
        self.assertContains(page, 'href="?sort=-convergence"')
        self.assertContains(page, 'aria-sort="ascending"')

    def test_it_exports_csv_with_the_table_and_the_total(self, _) -> None:
        response = self.get("?format=csv&sort=-convergence")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("rekap-12.10.07-2026-K1.csv", response["Content-Disposition"])
        # For Excel set to Indonesian (tikar.exports.excel_csv): BOM, ';', decimal comma.
        text = response.content.decode("utf-8-sig")
        rows = list(csv.DictReader(StringIO(text), delimiter=";"))
        self.assertEqual([rows[0]["Kode"], rows[1]["Kode"]], [SIBARGOT, BANDAR_KUMBUL])
        sib = rows[0]
        self.assertEqual(
            (sib["Diterima (Y)"], sib["Seharusnya"], sib["Konvergensi %"]), ("13", "24", "54,17")
        )
        self.assertEqual((sib["Ibu hamil"], sib["Anak 0–23 bulan"]), ("1", "2"))
        total = rows[-1]
        self.assertEqual((total["Kode"], total["Konvergensi %"]), (BILAH_BARAT, "39,39"))
        self.assertEqual(rows[2]["Konvergensi %"], "")  # no value: an empty cell

    def test_it_exports_xlsx_with_numbers_and_the_total(self, _) -> None:
        response = self.get("?format=xlsx")
        self.assertIn("rekap-12.10.07-2026-K1.xlsx", response["Content-Disposition"])
        ws = load_workbook(BytesIO(response.content)).active
        values = list(ws.iter_rows(values_only=True))
        head = next(i for i, r in enumerate(values) if r[0] == "Kode")
        header = values[head]
        convergence = header.index("Konvergensi %")
        lines = {r[0]: r for r in values[head + 1 :]}
        self.assertEqual(float(lines[SIBARGOT][convergence]), 54.17)
        self.assertEqual(lines[SIBARGOT][header.index("Ibu hamil")], 1)
        self.assertEqual(float(lines[BILAH_BARAT][convergence]), 39.39)
        self.assertIn("Kecamatan Bilah Barat", values[1][0])

    def test_it_refuses_an_unknown_format(self, _) -> None:
        self.assertEqual(self.get("?format=pdf").status_code, 404)
