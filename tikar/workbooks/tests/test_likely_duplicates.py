"""The import names a likely duplicate person in its report, as the register page asks about it."""

from __future__ import annotations

from datetime import date

from tikar.households.models import Child
from tikar.households.tests.factories import child, mother
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import VALID, frozen_today, upload, workbook


def copy_of_valid() -> dict:
    return {name: [dict(r) for r in rows] for name, rows in VALID.items()}


class LikelyDuplicateImportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_warns_about_a_new_child_like_one_already_registered(self) -> None:
        # Registered on the phone; the spreadsheet has the same boy under its own key.
        rosa = mother(self.sibargot, self.sari, name="Rosa", nik=None)
        registered = child(self.sibargot, self.sari, birth_date=date(2025, 6, 10), mother_=rosa)
        outcome = import_workbook(upload(workbook(copy_of_valid())), self.sari)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        (warning,) = [w for w in outcome.warnings if w.sheet == "Anak"]
        self.assertEqual((warning.row, warning.column), (2, "Nama anak"))
        self.assertIn(registered.name, warning.text())
        self.assertIn("10-06-2025", warning.text())

    def test_it_warns_about_two_rows_of_the_file_that_look_like_one_child(self) -> None:
        data = copy_of_valid()
        data["Anak"].append(dict(data["Anak"][0], **{"Kunci anak": "A-003", "Nama anak": "Budi"}))
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        (warning,) = [w for w in outcome.warnings if w.sheet == "Anak"]
        self.assertEqual(warning.row, 4)
        self.assertIn("Budi Kecil", warning.text())

    def test_it_does_not_warn_when_the_same_file_comes_again(self) -> None:
        content = workbook(copy_of_valid())
        import_workbook(upload(content), self.sari)
        again = import_workbook(upload(content), self.sari)
        self.assertTrue(again.saved)
        self.assertEqual([w.text() for w in again.warnings if w.sheet == "Anak"], [])
        self.assertEqual(Child.objects.count(), 2)

    def test_it_warns_about_a_new_mother_like_one_of_the_desa(self) -> None:
        # Same woman, another spelling and no NIK in this file, in a new household.
        registered = mother(self.sibargot, self.sari, nik=None)
        data = copy_of_valid()
        data["Ibu hamil"][0].update({"NIK ibu": None, "Nama ibu": "Siti Aminah Lubis"})
        data["Anak"][0]["NIK ibu"] = None
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        (warning,) = [w for w in outcome.warnings if w.sheet == "Ibu hamil"]
        self.assertEqual(warning.column, "Nama ibu")
        self.assertIn(registered.name, warning.text())
