from __future__ import annotations

from datetime import date
from decimal import Decimal

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import frozen_today, upload, workbook

APRIL = date(2026, 4, 1)


class ExistingMonthTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        self.baby = child(self.sibargot, self.sari, birth_date=date(2025, 6, 10))

    def test_it_edits_the_month_that_already_has_a_record(self) -> None:
        entered = record_month(
            self.baby,
            APRIL,
            {"visit_date": date(2026, 4, 3), "weight_kg": "8.1", "counselling_mother": True},
            self.sari,
        ).record
        # The register was made on the phone: the workbook names the child by its Tikar id.
        data = {
            "Pemantauan 2b": [
                {
                    "Kunci anak": str(self.baby.pk),
                    "Bulan": "2026-04",
                    "Berat badan (kg)": "8,3",
                    "Kelas pengasuhan": "Ya",
                }
            ]
        }
        outcome = import_workbook(upload(workbook(data)), self.rahmat)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        self.assertEqual(outcome.counts["Pemantauan 2b"]["updated"], 1)
        record = ChildVisit.objects.get()
        self.assertEqual(record.pk, entered.pk)
        self.assertEqual(record.version, 2)
        self.assertEqual(record.weight_kg, Decimal("8.3"))
        self.assertTrue(record.parenting_class)
        # Cells left empty keep what was stored.
        self.assertTrue(record.counselling_mother)
        self.assertEqual(record.visit_date, date(2026, 4, 3))
        self.assertEqual(record.history.latest("history_date").history_user, self.rahmat)

    def test_it_refuses_two_rows_for_the_same_child_and_month(self) -> None:
        row = {"Kunci anak": str(self.baby.pk), "Bulan": "2026-04", "Edema": "Tidak"}
        outcome = import_workbook(upload(workbook({"Pemantauan 2b": [row, dict(row)]})), self.sari)
        self.assertFalse(outcome.saved)
        self.assertEqual(len(outcome.errors), 1)
        self.assertEqual((outcome.errors[0].row, outcome.errors[0].column), (3, "Bulan"))
        self.assertFalse(ChildVisit.objects.exists())
