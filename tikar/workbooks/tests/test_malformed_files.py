"""Malformed workbooks and cells get a clear message, and one upload's work is bounded.

Kinds (issue 8, 3): a file that is not a zip, a zip that is not a workbook, a workbook part
that is broken XML, a cell holding an Excel error (#DIV/0!), a date cell holding text or an
impossible date; and a small file of blank or junk rows, which cost 20 s of CPU and a report
of hundreds of MB (reading stops after `MAX_BLANK_RUN` empty rows; the report lists at most
`MAX_FINDINGS` problems and counts the rest).
"""

from __future__ import annotations

import time
import zipfile
from io import BytesIO

from tikar.test import BaseTestCase
from tikar.workbooks import importer
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.models import ImportRun
from tikar.workbooks.template import build_template
from tikar.workbooks.tests.helpers import (
    VALID,
    frozen_today,
    upload,
    with_changes,
    workbook,
)


def zip_of(files: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, content in files.items():
            z.writestr(name, content)
    return out.getvalue()


def broken_sheet_xml() -> bytes:
    """A real workbook whose sheets' XML is cut in the middle."""
    source = zipfile.ZipFile(BytesIO(workbook(VALID)))
    files = {n: source.read(n) for n in source.namelist()}
    for name in files:
        if name.startswith("xl/worksheets/sheet"):
            files[name] = files[name][: len(files[name]) // 2]
    return zip_of(files)


class MalformedFileTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def test_it_answers_each_unreadable_file_with_a_message(self) -> None:
        files = {
            "not a zip": b"hello, this is not a workbook",
            "a zip of something else": zip_of({"readme.txt": b"hi"}),
            "broken xml": broken_sheet_xml(),
        }
        for what, content in files.items():
            with self.subTest(what=what):
                response = self.client.post("/impor/", {"file": upload(content)})
                self.assertEqual(response.status_code, 302)
                run = ImportRun.objects.latest("created_at")
                self.assertEqual(run.status, ImportRun.REFUSED)
                texts = " ".join(f["message"] for f in run.findings)
                self.assertTrue("xlsx" in texts or ".xlsx" in texts, texts)

    def test_it_reports_excel_error_cells_and_text_in_date_cells(self) -> None:
        for column, value, words in (("Tanggal lahir", "#VALUE!", "bukan tanggal"),
                                     ("Tanggal lahir", "30/02/2026", "bukan tanggal"),
                                     ("Tanggal lahir", "0000-00-00", "bukan tanggal"),
                                     ("Jenis kelamin", "#N/A", "tidak boleh")):  # fmt: skip
            with self.subTest(value=value):
                data = with_changes("Anak", 0, **{column.replace(" ", "_"): value})
                outcome = import_workbook(upload(workbook(data)), self.sari)
                self.assertFalse(outcome.saved)
                [error] = outcome.errors
                self.assertEqual(error.column, column)
                self.assertIn(words, error.message)

    def test_it_stops_reading_at_a_long_run_of_empty_rows(self) -> None:
        wb = build_template()
        ws = wb["Anak"]
        # 30,000 formatted rows with only a stray value outside the template's columns.
        for number in range(2, 30_002):
            ws.cell(row=number, column=40, value="x")
        ws.cell(row=30_005, column=1, value="A-LATE")
        out = BytesIO()
        wb.save(out)
        started = time.process_time()
        outcome = import_workbook(upload(out.getvalue()), self.sari)
        seconds = time.process_time() - started
        self.assertEqual(outcome.rows, 0)
        [stop] = [f for f in outcome.findings if "berhenti" in f.message]
        self.assertEqual(stop.row, importer.MAX_BLANK_RUN + 1)
        self.assertLess(seconds, 10)

    def test_it_lists_a_bounded_number_of_problems(self) -> None:
        rows = [{"Kunci anak": f"A-{i}", "Nama anak": "X"} for i in range(1_500)]
        outcome = import_workbook(upload(workbook({"Anak": rows})), self.sari)
        self.assertFalse(outcome.saved)
        self.assertLessEqual(len(outcome.findings), importer.MAX_FINDINGS + 1)
        last = outcome.findings[-1]
        self.assertIn("masalah lain tidak ditampilkan", last.message)
