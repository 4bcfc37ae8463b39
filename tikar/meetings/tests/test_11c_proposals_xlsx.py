"""The priority list as XLSX: header rows, every column, typed cells, totals, the budget path
when it is filled, formula-safe texts (task 11c)."""

from __future__ import annotations

import io
from decimal import Decimal

from django.urls import reverse
from openpyxl import load_workbook

from tikar.meetings.models import Proposal
from tikar.meetings.tests._11c_data import make_meeting
from tikar.test import BaseTestCase


class ProposalsXlsxTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.meeting = make_meeting(cls.sibargot)
        cls.url = reverse("proposals_xlsx", args=[2026])

    def sheet(self):
        self.login(self.sari)
        response = self.client.get(self.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(
            'filename="usulan-rembuk-sibargot-2026.xlsx"', response["Content-Disposition"]
        )
        return load_workbook(io.BytesIO(response.content)).active

    def rows(self, ws) -> list[list]:
        return [[c.value for c in row] for row in ws.iter_rows()]

    def test_it_has_the_header_rows_and_every_column(self) -> None:
        ws = self.sheet()
        rows = self.rows(ws)
        self.assertEqual(rows[0][0], "BERITA ACARA REMBUK STUNTING DESA")
        self.assertIn(["Kecamatan", "Kecamatan Bilah Barat"], [r[:2] for r in rows])
        self.assertIn(["Tahun anggaran", "RKPDes 2027"], [r[:2] for r in rows])
        header = next(r for r in rows if r[0] == "No.")
        self.assertEqual(
            header[:13],
            ["No.", "Kegiatan", "Kelompok sasaran", "Paket layanan", "Jenis", "Dusun", "Volume",
             "Satuan", "Perkiraan biaya (Rp)", "Sumber dana", "Pelaksana", "Waktu",
             "Kode kegiatan"],
        )  # fmt: skip
        self.assertEqual(len([c for c in header if c]), 13)  # no budget path yet

    def test_it_types_the_cells(self) -> None:
        ws = self.sheet()
        rows = self.rows(ws)
        start = next(i for i, r in enumerate(rows) if r[0] == "No.") + 1
        first = rows[start]
        self.assertEqual(first[0], 1)
        self.assertEqual(first[1], "Pemberian makanan tambahan (PMT) lokal bagi ibu hamil KEK")
        self.assertEqual(first[6], 12)
        self.assertEqual(first[8], 1500000)
        self.assertEqual(first[12], "2.2.02")
        code_cell = ws.cell(row=start + 1, column=13)
        self.assertEqual(code_cell.data_type, "s")
        cost_cell = ws.cell(row=start + 1, column=9)
        self.assertEqual(cost_cell.data_type, "n")
        self.assertEqual(rows[start + 6][6], 2.5)  # a decimal volume stays a number
        total = rows[start + 8]
        self.assertEqual((total[1], total[8]), ("Total", 58_900_000))

    def test_it_has_the_totals_by_package_and_source(self) -> None:
        rows = self.rows(self.sheet())
        pairs = {(r[1], r[2], r[3]) for r in rows if r[1]}
        self.assertIn(("3. Air bersih dan sanitasi", 2, 43_750_000), pairs)
        self.assertIn(("Dana Desa", 5, 36_700_000), pairs)
        self.assertIn(("Pendapatan APBDes lainnya", 1, 18_750_000), pairs)

    def test_it_adds_the_budget_path_when_it_is_filled(self) -> None:
        p = Proposal.objects.get(meeting=self.meeting, order=3)
        p.stage = "allocated"
        p.planned_amount = Decimal(25_000_000)
        p.allocated_amount = Decimal(24_000_000)
        p.save()
        rows = self.rows(self.sheet())
        header_i = next(i for i, r in enumerate(rows) if r[0] == "No.")
        self.assertEqual(rows[header_i][13], "Tahap")
        self.assertEqual(rows[header_i][15], "Nilai dialokasikan di APBDes (Rp)")
        line = rows[header_i + 4]
        self.assertEqual(line[1], "Pembangunan jamban sehat keluarga")
        self.assertEqual(line[13:17], ["Dialokasikan di APBDes", 25_000_000, 24_000_000, None])

    def test_it_keeps_a_formula_like_text_as_text(self) -> None:
        Proposal.objects.filter(meeting=self.meeting, order=0).update(
            activity='=HYPERLINK("http://x.invalid","klik")'
        )
        ws = self.sheet()
        cell = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPER"))
        self.assertEqual(cell.data_type, "s")
        self.assertTrue(cell.quotePrefix)
