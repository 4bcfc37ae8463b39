"""An empty yes/no cell is read as "not asked", and exports show it empty (issue 8, section 1)."""

from __future__ import annotations

from django.urls import reverse

from tikar.households.models import Child, Household
from tikar.monitoring.models import PregnancyVisit
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import VALID, frozen_today, upload, workbook
from tikar.workbooks.tests.test_export import sheet_rows


class NotAskedWorkbookTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        outcome = import_workbook(upload(workbook(VALID)), self.sari)
        assert outcome.saved, [f.text() for f in outcome.errors]

    def test_it_imports_an_empty_yes_no_cell_as_not_asked(self) -> None:
        # VALID's 2a row fills anc and Fe only; the household says "Rentan: Tidak"; Rina's
        # row has no "Akta lahir".
        visit = PregnancyVisit.objects.get()
        self.assertEqual((visit.anc_check, visit.iron_tablets), (True, True))
        self.assertEqual((visit.safe_water, visit.home_visit), (None, None))
        self.assertIs(Household.objects.get().vulnerable, False)
        self.assertIsNone(Child.objects.get(name="Rina").birth_certificate)

    def test_it_exports_a_question_not_asked_as_an_empty_cell(self) -> None:
        self.login(self.sari)
        response = self.client.get(reverse("export_month", args=["2a", 2026, 4]))
        self.assertEqual(response.status_code, 200)
        _header, _titles, data = sheet_rows(response.content)
        self.assertEqual(data[0]["1. Pemeriksaan kehamilan"], "Ya")
        self.assertIn(data[0]["6. Kepemilikan akses air bersih"], ("", None))
