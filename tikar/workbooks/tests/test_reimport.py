from __future__ import annotations

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import VALID, frozen_today, table_counts, upload, workbook


class ReimportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_creates_no_duplicates_when_the_same_file_comes_again(self) -> None:
        content = workbook(VALID)
        first = import_workbook(upload(content), self.sari)
        self.assertTrue(first.saved, [f.text() for f in first.errors])
        after_first = table_counts()
        versions = {
            m: sorted(m.objects.values_list("version", "change_seq"))
            for m in (Household, Mother, Pregnancy, Child, PregnancyVisit, ChildVisit, PaudRecord)
        }

        second = import_workbook(upload(content), self.sari)
        self.assertTrue(second.saved, [f.text() for f in second.errors])
        # Nothing new, and nothing rewritten: no new version, change number or history row.
        self.assertEqual(table_counts(), after_first)
        for model, before in versions.items():
            self.assertEqual(sorted(model.objects.values_list("version", "change_seq")), before)
        self.assertTrue(all(c["created"] == 0 for c in second.counts.values()), second.counts)
        self.assertEqual(second.counts["Pemantauan 2b"]["unchanged"], 2)

    def test_it_finds_a_pregnancy_by_its_kia_number_and_a_child_by_its_nik(self) -> None:
        data = {name: [dict(r) for r in rows] for name, rows in VALID.items()}
        data["Anak"][0]["NIK anak"] = "1210071006250003"
        import_workbook(upload(workbook(data)), self.sari)
        # A later file from another spreadsheet uses the NIK as the child's key.
        later = {
            "Anak": [
                dict(data["Anak"][0], **{"Kunci anak": "1210071006250003", "Akta lahir": "Tidak"})
            ],
            "Ibu hamil": [dict(data["Ibu hamil"][0], **{"Status kehamilan": "Risti"})],
        }
        outcome = import_workbook(upload(workbook(later)), self.sari)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        self.assertEqual(Child.objects.count(), 2)
        self.assertFalse(Child.objects.get(nik="1210071006250003").birth_certificate)
        self.assertEqual(Pregnancy.objects.get().risk_status, "risti")
        self.assertEqual(Pregnancy.objects.get().version, 2)
