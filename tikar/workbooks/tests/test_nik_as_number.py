"""A NIK the spreadsheet stored as a number is refused: format the column as Text (issue 8, 3).

Excel keeps 15 significant digits, so a 16-digit NIK typed into a Number cell has already
lost its last digit: 1210071006250003 is stored as 1210071006250000 (an integer for openpyxl
when LibreOffice wrote it out in full) or shown and pasted as 1.21007E+15. Before, the
integer was imported silently as a wrong NIK of the right length.
"""

from __future__ import annotations

from tikar.households.models import Child
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import frozen_today, upload, with_changes, workbook


class NikAsNumberTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_refuses_every_numeric_shape_of_a_nik(self) -> None:
        for value in (1210071006250000, 1.21007100625e15, "1.21007E+15", "1,21007100625E+15"):
            with self.subTest(value=value):
                data = with_changes("Anak", 0, NIK_anak=value)
                outcome = import_workbook(upload(workbook(data)), self.sari)
                self.assertFalse(outcome.saved)
                [error] = outcome.errors
                self.assertEqual(error.column, "NIK anak")
                self.assertIn("format kolom menjadi Teks", error.message)
        self.assertFalse(Child.objects.exists())

    def test_it_still_takes_a_nik_written_as_text(self) -> None:
        data = with_changes("Anak", 0, NIK_anak="1210071006250003")
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertTrue(outcome.saved, outcome.errors)
        self.assertEqual(Child.objects.get(name="Budi Kecil").nik, "1210071006250003")
