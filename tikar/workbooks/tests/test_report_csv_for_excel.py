"""The import report CSV opens in columns in Excel set to Indonesian (issue 8 §5).

Read as Excel-ID reads it: a byte-order mark, then ';'-separated cells with Indonesian
column names.
"""

from __future__ import annotations

import csv
from io import StringIO

from django.urls import reverse

from tikar.test import BaseTestCase
from tikar.workbooks.models import ImportRun
from tikar.workbooks.tests.helpers import frozen_today, upload, with_changes, workbook


class ImportReportCsvForExcelTest(BaseTestCase):
    def test_it_writes_bom_semicolons_and_indonesian_headings(self) -> None:
        self.login(self.sari)
        with frozen_today():
            data = with_changes("Anak", 1, Jenis_kelamin="X")
            self.client.post(reverse("import"), {"file": upload(workbook(data))})
        run = ImportRun.objects.get()
        response = self.client.get(reverse("import_report_csv", args=[run.pk]))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.reader(StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        self.assertEqual(rows[0], ["Sheet", "Baris", "Kolom", "Jenis", "Pesan"])
        finding = next(r for r in rows[1:] if r[2] == "Jenis kelamin")
        self.assertEqual(finding[:2], ["Anak", "3"])
        self.assertIn("'X'", finding[4])
