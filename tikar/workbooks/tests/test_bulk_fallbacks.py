"""The bulk import's safety nets: a month stored meanwhile, a validated quarter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

from django.utils import timezone

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.scorecard.models import QuarterLock
from tikar.test import BaseTestCase
from tikar.workbooks.importer import WorkbookImport, import_workbook
from tikar.workbooks.tests.helpers import frozen_today, table_counts, upload, workbook

APRIL = date(2026, 4, 1)


class BulkFallbackTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)
        self.baby = child(self.sibargot, self.sari, birth_date=date(2025, 6, 10))
        self.content = workbook(
            {
                "Pemantauan 2b": [
                    {
                        "Kunci anak": str(self.baby.pk),
                        "Bulan": "2026-04",
                        "Tanggal kunjungan": date(2026, 4, 12),
                        "Berat badan (kg)": "8,3",
                    },
                    {
                        "Kunci anak": str(self.baby.pk),
                        "Bulan": "2026-05",
                        "Tanggal kunjungan": date(2026, 5, 11),
                        "Berat badan (kg)": "8,6",
                    },
                ]
            }
        )

    def test_it_edits_a_month_a_phone_stored_while_the_file_was_checked(self) -> None:
        baby, sari = self.baby, self.sari

        class PhoneMeanwhile(WorkbookImport):
            def prefetch(self) -> None:
                super().prefetch()
                # The phone's sync commits April after the import read the desa's months.
                record_month(baby, APRIL, {"visit_date": date(2026, 4, 3)}, sari)

        outcome = PhoneMeanwhile(self.sari).run(BytesIO(self.content))

        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        april = ChildVisit.objects.get(month=APRIL)
        self.assertEqual(april.weight_kg, Decimal("8.3"))
        self.assertEqual(april.version, 2)
        self.assertEqual(ChildVisit.objects.count(), 2)
        self.assertEqual(
            outcome.counts["Pemantauan 2b"], {"created": 1, "updated": 1, "unchanged": 0}
        )

    def test_it_names_the_row_of_a_validated_quarter_and_saves_nothing(self) -> None:
        QuarterLock.objects.create(
            village=self.sibargot, year=2026, quarter=2, locked_at=timezone.now()
        )
        before = table_counts()

        outcome = import_workbook(upload(self.content), self.sari)

        self.assertFalse(outcome.saved)
        self.assertEqual(table_counts(), before)
        self.assertEqual([f.row for f in outcome.errors], [2])  # April: the first of Q2
        self.assertIn("divalidasi", outcome.errors[0].text())

    def test_it_tells_the_caller_how_far_it_is(self) -> None:
        heard: list[tuple[int, int]] = []

        outcome = import_workbook(
            upload(self.content), self.sari, progress=lambda d, t: heard.append((d, t))
        )

        self.assertTrue(outcome.saved)
        self.assertEqual(heard[-1], (4, 4))  # two rows, each checked and written
        self.assertTrue(all(d <= t for d, t in heard))
