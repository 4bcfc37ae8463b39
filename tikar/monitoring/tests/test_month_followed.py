"""A month in which a target is not followed is refused by the API and the import as by the page.

The page offers no such month (404); the API stored a record for a closed pregnancy, a
child's month before its birth, or a pregnancy's month long after its nifas. One rule
(`rules.check_month_followed`) now decides for every path.
"""

from __future__ import annotations

from datetime import date

from tikar.api.tests.base import ApiTestCase
from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring import rules
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import frozen_today, upload, with_changes, workbook


class MonthFollowedRuleTests(ApiTestCase):
    def test_it_reads_each_kind_of_end(self) -> None:
        may = date(2026, 5, 1)
        closed = rules.check_month_followed("2a", may, closed_at=date(2026, 3, 3))
        self.assertEqual([p.code for p in closed], ["target_closed"])
        after = rules.check_month_followed("2a", may, delivery_date=date(2026, 3, 1))
        self.assertEqual([p.code for p in after], ["after_postnatal"])
        self.assertIn("Masa nifas berakhir 12 April 2026", after[0].message)
        before = rules.check_month_followed("2a", date(2025, 1, 1), due_date=date(2026, 9, 1))
        self.assertEqual([p.code for p in before], ["before_pregnancy"])
        unborn = rules.check_month_followed("2b", date(2026, 3, 1), birth_date=date(2026, 4, 2))
        self.assertEqual([p.code for p in unborn], ["before_birth"])
        # 2b records follow a balita to 59 months (weighing only from 24): 64 months is out.
        old = rules.check_month_followed("2b", may, birth_date=date(2021, 1, 1))
        self.assertEqual([p.code for p in old], ["out_of_cohort"])
        self.assertEqual(rules.check_month_followed("2b", may, birth_date=date(2023, 1, 1)), [])
        self.assertEqual(rules.check_month_followed("2b", may, birth_date=date(2025, 1, 1)), [])


class MonthFollowedApiTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.sari)

    def test_it_refuses_a_month_after_a_pregnancy_was_closed(self) -> None:
        closed = pregnancy(self.sibargot, self.sari, kia_number="KIA-9", closed_at=date(2026, 3, 2))
        body = {"pregnancy": str(closed.pk), "month": "2026-05", "anc_check": True}
        response = self.post("/api/pregnancy-visits/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("ditutup pada 2 Maret 2026", response.json()["month"][0])
        self.assertFalse(PregnancyVisit.objects.filter(pregnancy=closed).exists())

    def test_it_refuses_a_pregnancy_month_after_its_nifas(self) -> None:
        done = pregnancy(
            self.sibargot, self.sari, kia_number="KIA-8", delivery_date=date(2026, 1, 5)
        )
        body = {"pregnancy": str(done.pk), "month": "2026-04", "anc_check": True}
        response = self.post("/api/pregnancy-visits/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("Masa nifas berakhir", response.json()["month"][0])

    def test_it_refuses_a_childs_month_after_the_child_was_closed(self) -> None:
        moved = child(
            self.sibargot, self.sari, birth_date=date(2025, 6, 3), closed_at=date(2026, 2, 10)
        )
        body = {"child": str(moved.pk), "month": "2026-04", "home_visit": True}
        response = self.post("/api/child-visits/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("ditutup pada 10 Februari 2026", str(response.json()))
        self.assertFalse(ChildVisit.objects.filter(child=moved).exists())


class MonthFollowedImportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_refuses_a_pregnancy_month_after_its_nifas_in_the_file(self) -> None:
        data = with_changes("Ibu hamil", 0, Tanggal_melahirkan=date(2026, 1, 5), HPL=None)
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertFalse(outcome.saved)
        self.assertTrue(
            any("Masa nifas berakhir" in f.message for f in outcome.errors), outcome.errors
        )
