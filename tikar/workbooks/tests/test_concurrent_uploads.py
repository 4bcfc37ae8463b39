"""Five uploads of one workbook at the same moment (real transactions, threads)."""

from __future__ import annotations

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.households.tests.concurrency import ConcurrentTestCase, at_once
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.models import ImportKey
from tikar.workbooks.tests.helpers import VALID, frozen_today, upload, workbook


def without_posyandu(data: dict) -> dict:
    # The posyandu table belongs to the regions app, which these tests never flush.
    return {
        sheet: [{k: v for k, v in row.items() if k != "Posyandu"} for row in rows]
        for sheet, rows in data.items()
    }


class ConcurrentUploadTests(ConcurrentTestCase):
    def setUp(self) -> None:
        super().setUp()
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_stores_one_copy_when_five_uploads_of_one_file_arrive_at_once(self) -> None:
        content = workbook(without_posyandu(VALID))

        outcomes, errors = at_once(5, lambda i: import_workbook(upload(content), self.sari))

        self.assertEqual(errors, [])
        self.assertEqual(len(outcomes), 5)
        self.assertTrue(all(o.saved for o in outcomes), [o.findings for o in outcomes])
        stored = {
            m._meta.model_name: m.objects.count()
            for m in (Household, Mother, Pregnancy, Child, PregnancyVisit, ChildVisit, PaudRecord)
        }
        self.assertEqual(
            stored,
            {
                "household": 1,
                "mother": 1,
                "pregnancy": 1,
                "child": 2,
                "pregnancyvisit": 1,
                "childvisit": 2,
                "paudrecord": 1,
            },
        )
        self.assertEqual(ImportKey.objects.count(), 3)  # RT-001, A-001, A-002
        # One upload created the records; the four others found them.
        creators = [o for o in outcomes if any(c["created"] for c in o.counts.values())]
        self.assertEqual(len(creators), 1)
