"""The workbook import's path: sheet Pemantauan 2b takes a 24-59 month child's weighing."""

from __future__ import annotations

from datetime import date

from tikar.monitoring.models import ChildVisit
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import VALID, frozen_today, upload, workbook

# Rina of the valid workbook, born 15 January 2023: 39 months in May 2026.
RINA_MAY = {
    "Kunci anak": "A-002",
    "Bulan": "2026-05",
    "Tanggal kunjungan": date(2026, 5, 11),
    "Berat badan (kg)": "12,5",
    "Panjang/tinggi badan (cm)": "93,0",
    "Cara ukur": "Berdiri",
}


def with_rina(**extra) -> dict:
    data = {name: [dict(r) for r in rows] for name, rows in VALID.items()}
    data["Pemantauan 2b"].append(RINA_MAY | extra)
    return data


class WeighingOnlyImportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_saves_the_weighing_and_judges_every_child_once(self) -> None:
        outcome = import_workbook(upload(workbook(with_rina())), self.sari)
        self.assertTrue(outcome.saved, [f.message for f in outcome.findings])
        rina = ChildVisit.objects.get(child__name="Rina")
        self.assertEqual((rina.weight_gain, float(rina.weight_kg)), ("B", 12.5))
        baby = ChildVisit.objects.filter(child__name="Budi Kecil").order_by("month")
        self.assertEqual([v.weight_gain for v in baby], ["B", "N"])  # +200 g at 11 months (KBM 200)

    def test_it_refuses_a_service_answer_on_the_row(self) -> None:
        outcome = import_workbook(
            upload(workbook(with_rina(**{"Kunjungan rumah": "Ya"}))), self.sari
        )
        self.assertFalse(outcome.saved)
        messages = [f.message for f in outcome.findings]
        self.assertTrue(any("hanya berisi penimbangan" in m for m in messages), messages)
        self.assertFalse(ChildVisit.objects.exists())
