"""The posyandu reports refuse what is not a month, never answer a file of another month, give
every officer level a valid workbook, and are read-only (found by a tester of issue 10)."""

from datetime import date
from io import BytesIO
from unittest import mock

from django.test import override_settings
from openpyxl import load_workbook

from tikar.posyandu.tests.skdn_data import seed
from tikar.test import BaseTestCase

READ_ONLY = ("/skdn/", "/skdn/xlsx", "/eppgbm/", "/kebutuhan/", "/mutu-data/", "/perhatian/")


@override_settings(TIKAR_TODAY="2025-11-10")
@mock.patch("django.utils.timezone.localdate", return_value=date(2025, 11, 10))
class ReportParamsRefusedTest(BaseTestCase):
    def setUp(self):
        self.kids = seed(self)

    def test_it_explains_a_year_zero_instead_of_failing(self, _):
        self.login(self.sari)
        r = self.client.get("/skdn/?bulan=0000-01")
        self.assertEqual(r.status_code, 200)
        self.assertIn("bukan bulan", r.content.decode())
        for url in ("/skdn/xlsx?bulan=0000-01", "/eppgbm/?bulan=0000-01"):
            with self.subTest(url=url):
                r = self.client.get(url)
                self.assertEqual(r.status_code, 400)
                self.assertIn("bukan bulan", r.content.decode())

    def test_it_refuses_a_download_of_a_month_it_cannot_give(self, _):
        self.login(self.sari)
        for url in ("/eppgbm/?bulan=2030-01", "/eppgbm/?bulan=2026-13", "/skdn/xlsx?bulan=2030-01"):
            with self.subTest(url=url):
                r = self.client.get(url)
                self.assertEqual(r.status_code, 400)
                self.assertNotIn("attachment", r.get("Content-Disposition", ""))
        r = self.client.get("/eppgbm/?bulan=2025-10")
        self.assertIn("2025-10", r["Content-Disposition"])

    def test_it_gives_a_kecamatan_officer_a_workbook_with_a_valid_sheet_per_desa(self, _):
        self.login(self.dewi)
        r = self.client.get("/skdn/xlsx?bulan=2025-10")
        self.assertEqual(r.status_code, 200)
        wb = load_workbook(BytesIO(r.content))
        self.assertEqual(wb.sheetnames[1], "Per Desa-kelurahan")
        names = [row[0] for row in wb.worksheets[1].iter_rows(min_row=2, values_only=True)]
        self.assertIn("Sibargot", " ".join(names))

    def test_it_answers_a_post_to_a_report_with_405(self, _):
        self.login(self.sari)
        for url in READ_ONLY:
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url).status_code, 405)
