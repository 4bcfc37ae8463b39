"""A corrected birth date or sex: the stored z-scores, status gizi and scorecard follow.

Budi Kecil, registered born 10 January 2025, measured 70.0 cm lying on 9 March 2026: at 14
months that is stunting. His real birth date is 10 September 2025: at 6 months, 70.0 cm is
normal. The correction goes through the edit screen, the API's PATCH and the import alike.
"""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.urls import reverse

from tikar.households.models import Child
from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.scorecard.locks import lock_quarter
from tikar.scorecard.models import QuarterResult
from tikar.test import BaseTestCase
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import upload, workbook

TODAY = date(2026, 5, 20)
MARCH = date(2026, 3, 1)
REAL_BIRTH = date(2025, 9, 10)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class CorrectionFollowTests(BaseTestCase):
    def setUp(self) -> None:
        self.c = child(self.sibargot, self.sari, birth_date=date(2025, 1, 10))
        with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
            record_month(
                self.c,
                MARCH,
                {
                    "visit_date": date(2026, 3, 9),
                    "weight_kg": "7.5",
                    "length_cm": "70.0",
                    "measured_lying": True,
                },
                self.sari,
            )

    def scorecard(self, user=None) -> dict:
        self.login(user or self.sari)
        url = reverse("scorecard", args=[2026, 1]) + "?format=json"
        return self.client.get(url).json()

    def edit_post(self, **changes) -> dict:
        data = {
            "c-name": "Budi Kecil",
            "c-sex": "L",
            "c-birth_date": "2025-01-10",
            "c-nik": "",
            "c-temp_number": "",
            "c-mother": str(self.c.mother_id),
            "c-kia_number": "",
            "c-birth_certificate": "0",
            "c-health_insurance": "0",
        }
        data.update({f"c-{k}": v for k, v in changes.items()})
        return data

    def assert_followed(self) -> None:
        visit = ChildVisit.objects.get(child=self.c)
        self.assertEqual(visit.age_days, (date(2026, 3, 9) - REAL_BIRTH).days)
        self.assertFalse(visit.is_stunting)
        self.assertGreater(visit.zlen, -2)
        self.assertEqual(self.scorecard()["table1_targets"]["stunting"], 0)
        row = QuarterResult.objects.get(target_id=self.c.pk, year=2026, quarter=1)
        self.assertFalse(row.is_stunting)

    def test_it_rescores_the_visits_and_the_scorecard_after_a_page_correction(self, _) -> None:
        self.assertEqual(self.scorecard()["table1_targets"]["stunting"], 1)
        self.assertTrue(ChildVisit.objects.get(child=self.c).is_stunting)
        response = self.client.post(
            reverse("target_edit", args=[self.c.pk]), self.edit_post(birth_date="2025-09-10")
        )
        self.assertRedirects(response, reverse("target", args=[self.c.pk]))
        self.assert_followed()
        # The target page's history table shows the corrected status.
        page = self.client.get(reverse("target", args=[self.c.pk]))
        self.assertNotContains(page, "Stunting")

    def test_it_rescores_the_visits_and_the_scorecard_after_an_api_patch(self, _) -> None:
        self.assertEqual(self.scorecard()["table1_targets"]["stunting"], 1)
        self.c.refresh_from_db()
        response = self.client.patch(
            f"/api/children/{self.c.pk}/",
            {"base_version": self.c.version, "birth_date": "2025-09-10"},
            content_type="application/json",
        )
        self.assertEqual(response.status_code, 200, response.content)
        self.assert_followed()

    def test_it_rescores_the_visits_and_the_scorecard_after_an_import(self, _) -> None:
        self.assertEqual(self.scorecard()["table1_targets"]["stunting"], 1)
        row = {
            "Kunci anak": str(self.c.pk),
            "Nama anak": "Budi Kecil",
            "Jenis kelamin": "L",
            "Tanggal lahir": "2025-09-10",
        }
        outcome = import_workbook(upload(workbook({"Anak": [row]})), self.sari)
        self.assertTrue(outcome.saved, [f.text() for f in outcome.errors])
        self.assert_followed()

    def test_it_rescores_the_visits_when_the_sex_is_corrected(self, _) -> None:
        before = ChildVisit.objects.get(child=self.c).zwei
        self.login(self.sari)
        self.client.post(reverse("target_edit", args=[self.c.pk]), self.edit_post(sex="P"))
        self.assertEqual(Child.objects.get().sex, "P")
        # A girl of the same weight is heavier for her age than a boy: a higher z-score.
        self.assertGreater(ChildVisit.objects.get(child=self.c).zwei, before)

    def test_it_refuses_a_birth_date_after_a_recorded_visit_in_words(self, _) -> None:
        self.login(self.sari)
        response = self.client.post(
            reverse("target_edit", args=[self.c.pk]), self.edit_post(birth_date="2026-03-20")
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "09-03-2026")
        self.assertEqual(Child.objects.get().birth_date, date(2025, 1, 10))
        api = self.client.patch(
            f"/api/children/{self.c.pk}/",
            {"base_version": Child.objects.get().version, "birth_date": "2026-03-20"},
            content_type="application/json",
        )
        self.assertEqual(api.status_code, 400)
        self.assertIn("birth_date", api.json())

    def test_it_keeps_a_validated_quarter_and_names_it(self, _) -> None:
        self.assertEqual(self.scorecard()["table1_targets"]["stunting"], 1)
        lock_quarter(self.sibargot, 2026, 1, self.rahmat)
        self.login(self.rahmat)
        response = self.client.post(
            reverse("target_edit", args=[self.c.pk]),
            self.edit_post(birth_date="2025-09-10"),
            follow=True,
        )
        self.assertContains(response, "Kuartal I 2026")
        # The visit follows the register; the validated scorecard stays as validated.
        self.assertFalse(ChildVisit.objects.get(child=self.c).is_stunting)
        self.assertEqual(self.scorecard(self.rahmat)["table1_targets"]["stunting"], 1)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class DeliveryCorrectionTests(BaseTestCase):
    def test_it_moves_the_pregnancy_to_nifas_when_the_delivery_date_is_corrected(self, _) -> None:
        p = pregnancy(self.sibargot, self.sari, gestation_month=8, due_date=date(2026, 4, 1))
        with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
            record_month(
                p,
                date(2026, 3, 1),
                {"visit_date": date(2026, 3, 20), "gestation_month": 9, "anc_check": True},
                self.sari,
            )
        self.login(self.sari)
        url = reverse("scorecard", args=[2026, 1]) + "?format=json"
        self.client.get(url)
        self.assertNotEqual(QuarterResult.objects.get(target_id=p.pk).stage, "nifas")
        data = {
            "p-kia_number": "KIA-001",
            "p-due_date": "2026-04-01",
            "p-gestation_month": "8",
            "p-risk_status": "normal",
            "p-health_insurance": "0",
            "p-delivery_date": "2026-03-10",
        }
        self.client.post(reverse("target_edit", args=[p.pk]), data)
        self.client.get(url)
        self.assertEqual(QuarterResult.objects.get(target_id=p.pk).stage, "nifas")
