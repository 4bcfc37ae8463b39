"""A visit dated before the child's birth is refused in words on every path, never a 500.

Before, the database's CHECK on the stored age (age_days >= 0) refused it: the page and the
API answered 500 and the import report quoted "CHECK constraint failed". The same kind (a
database constraint the rules did not cover) is checked for the other constraints of the
monthly records and the register: each is refused by a rule first, in Bahasa Indonesia.
"""

from __future__ import annotations

from datetime import date

from django.test import Client

from tikar.api.tests.base import ApiTestCase
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.monitoring.rules import check_visit_after_birth
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import frozen_today, upload, with_changes, workbook

BORN = date(2026, 5, 15)  # born in May 2026: a visit on 10 May is before the birth


class VisitBeforeBirthTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.newborn = child(self.sibargot, self.sari, birth_date=BORN, name="Bayi Mei")
        self.client = Client(raise_request_exception=False)
        self.client.force_login(self.sari)

    def test_it_is_a_rule_of_its_own(self) -> None:
        [problem] = check_visit_after_birth(date(2026, 5, 10), BORN)
        self.assertEqual(problem.code, "visit_before_birth")
        self.assertIn("sebelum anak lahir (15 Mei 2026)", problem.message)
        self.assertEqual(check_visit_after_birth(BORN, BORN), [])

    def test_it_is_refused_by_the_api_in_indonesian(self) -> None:
        body = {"child": str(self.newborn.pk), "month": "2026-05", "visit_date": "2026-05-10"}
        response = self.post("/api/child-visits/", body | {"weight_kg": "3.1"})
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("sebelum anak lahir", response.json()["visit_date"][0])
        self.assertFalse(ChildVisit.objects.filter(child=self.newborn).exists())

    def test_it_is_refused_by_the_page_in_indonesian(self) -> None:
        url = f"/sasaran/{self.newborn.pk}/bulan/2026-5/"
        response = self.client.post(
            url, {"visit_date": "2026-05-10", "weight_kg": "3,1", "growth_mat": "hijau"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "sebelum anak lahir")
        self.assertFalse(ChildVisit.objects.filter(child=self.newborn).exists())

    def test_it_refuses_every_other_constraint_of_a_month_in_words(self) -> None:
        # pregnancyvisit_gestation_1_9, pregnancyvisit_postnatal_0_4 and the one-per-month
        # unique constraint: each answered by a rule (400) or by an edit of the month (200).
        base = {"pregnancy": str(self.sari_pregnancy.pk), "month": "2026-05"}
        for extra, field in (({"gestation_month": 10}, "gestation_month"),
                             ({"postnatal_checks": 5}, "postnatal_checks"),
                             ({"iron_tablet_count": -1}, "iron_tablet_count")):  # fmt: skip
            with self.subTest(field=field):
                response = self.post("/api/pregnancy-visits/", base | extra)
                self.assertEqual(response.status_code, 400, response.content)
                self.assertIn(field, response.json())
        again = self.post("/api/pregnancy-visits/", base | {"anc_check": False})
        self.assertEqual(again.status_code, 200, again.content)
        self.assertEqual(PregnancyVisit.objects.filter(pregnancy=self.sari_pregnancy).count(), 1)

    def test_it_refuses_a_second_kia_number_of_the_desa_in_words(self) -> None:
        # pregnancy_unique_kia: the register's unique constraint.
        body = {"mother": str(self.sari_mother.pk), "kia_number": self.sari_pregnancy.kia_number}
        response = self.post("/api/pregnancies/", body | {"due_date": "2026-10-01"})
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("kia_number", response.json())


class VisitBeforeBirthImportTests(BaseTestCase):
    def setUp(self) -> None:
        clock = frozen_today()
        clock.start()
        self.addCleanup(clock.stop)

    def test_it_is_refused_by_the_import_without_database_words(self) -> None:
        data = with_changes("Anak", 0, Tanggal_lahir="2026-04-20")
        data["Pemantauan 2b"] = [
            {
                "Kunci anak": "A-001",
                "Bulan": "2026-04",
                "Tanggal kunjungan": date(2026, 4, 12),
                "Berat badan (kg)": 3.2,
            }
        ]
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertFalse(outcome.saved)
        texts = [f.message for f in outcome.errors]
        self.assertTrue(any("sebelum anak lahir" in t for t in texts), texts)
        self.assertFalse(any("constraint" in t.casefold() for t in texts), texts)
