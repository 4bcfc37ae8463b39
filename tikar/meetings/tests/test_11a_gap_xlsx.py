"""The gaps page as a workbook: the same figures, protected against formulas."""

from io import BytesIO

from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from tikar.meetings.tests import data_11a_gaps as data
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY=data.TODAY)
class GapXlsxTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.t = data.build(cls)

    def test_it_downloads_the_gaps_by_desa_dusun_and_posyandu(self):
        self.login(self.sari)
        response = self.client.get(reverse("meeting_gaps") + "?kuartal=2026-1&format=xlsx")
        self.assertEqual(response.status_code, 200)
        self.assertIn("celah-12.10.07.2001-2026-1.xlsx", response["Content-Disposition"])
        wb = load_workbook(BytesIO(response.content))
        self.assertEqual(wb.sheetnames, ["Celah", "Dusun", "Posyandu"])
        rows = list(wb["Celah"].iter_rows(min_row=6, values_only=True))
        first = rows[0]
        # Group, No, Indicator, package, Y, targets - TS, %, not served, trend x 4
        self.assertEqual(first[:2], ("Anak 0–23 bulan", 10))
        self.assertEqual(first[4:8], (0, 3, 0, 3))
        measured = next(r for r in rows if r[0] == "Anak 0–23 bulan" and r[1] == 3)
        self.assertEqual(measured[3:8], (2, 1, 3, 33.33, 2))
        self.assertEqual(measured[8:], (None, 100, 50, 33.33))
        dusun = list(wb["Dusun"].iter_rows(min_row=6, values_only=True))
        self.assertIn(("II", "Anak 0–23 bulan", 3), [r[:3] for r in dusun])

    def test_it_writes_a_dusun_name_that_looks_like_a_formula_as_text(self):
        h = self.t["Ari"].household
        h.dusun = "=HYPERLINK(1)"
        h.save()
        self.login(self.sari)
        response = self.client.get(reverse("meeting_gaps") + "?kuartal=2026-1&format=xlsx")
        wb = load_workbook(BytesIO(response.content))
        cells = [row[0] for row in wb["Dusun"].iter_rows(min_row=6)]
        formula_like = [c for c in cells if c.value == "=HYPERLINK(1)"]
        self.assertTrue(formula_like)
        # A text cell with Excel's quote prefix, never a formula.
        self.assertTrue(all(c.data_type == "s" and c.quotePrefix for c in formula_like))
