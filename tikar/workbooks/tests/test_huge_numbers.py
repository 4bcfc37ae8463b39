"""A number too large for any field is a row error in words, not a "damaged sheet".

Found by a new user: a weight of 1e308 made the whole "Pemantauan 2b" sheet "rusak" (the
Decimal arithmetic raised), so the other rows were not checked; a birth date of 1e308 was
quoted as a 309-digit number; a gestation month of 10^20 got the database's integer range.
"""

from __future__ import annotations

from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import frozen_today, upload, with_changes, workbook


class HugeNumberTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def only_error(self, data):
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertFalse(outcome.saved)
        self.assertEqual(len(outcome.errors), 1, [e.message for e in outcome.errors])
        return outcome.errors[0]

    def test_it_reports_a_huge_weight_on_its_row(self) -> None:
        error = self.only_error(with_changes("Pemantauan 2b", 0, **{"Berat_badan_(kg)": 1e308}))
        self.assertEqual(error.column, "Berat badan (kg)")
        self.assertIn("terlalu besar", error.message)
        self.assertNotIn("rusak", error.message)

    def test_it_quotes_a_huge_number_briefly(self) -> None:
        error = self.only_error(with_changes("Anak", 0, Tanggal_lahir=1e308))
        self.assertLess(len(error.message), 200, error.message)

    def test_it_refuses_a_huge_gestation_month_in_words(self) -> None:
        error = self.only_error(
            with_changes("Pemantauan 2a", 0, **{"Usia_kehamilan_(bulan)": 10**20})
        )
        self.assertNotIn("9223372036854775807", error.message)
        self.assertIn("terlalu besar", error.message)
