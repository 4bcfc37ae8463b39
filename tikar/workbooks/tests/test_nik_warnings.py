from __future__ import annotations

from tikar.households.models import Child
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import frozen_today, upload, with_changes, workbook


class NikWarningTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_lists_a_nik_that_disagrees_with_the_birth_date_but_still_imports(self) -> None:
        # Born 10 June 2025, but the NIK says 11 June 2025: an old typo the user may confirm.
        data = with_changes("Anak", 0, NIK_anak="1210071106250003")
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        self.assertEqual(Child.objects.get(name="Budi Kecil").nik, "1210071106250003")
        (warning,) = [w for w in outcome.warnings if w.sheet == "Anak"]
        self.assertEqual((warning.row, warning.column), (2, "NIK anak"))
        self.assertIn("berbeda dengan tanggal lahir", warning.text())

    def test_it_refuses_a_temporary_number_in_the_nik_column(self) -> None:
        data = with_changes("Anak", 0, NIK_anak="12100747039500011")
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertFalse(outcome.saved)
        self.assertIn("nomor sementara", outcome.errors[0].text())
        self.assertEqual(outcome.errors[0].column, "NIK anak")
        self.assertFalse(Child.objects.exists())
