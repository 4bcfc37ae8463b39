"""A child of 24-59 months: the page offers the posyandu weighing (measurement fields only)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.monitoring.tests.entry_weighing_base import MAY, EntryWeighingCase, month_url

BIRTH_30 = date(2023, 11, 3)  # 30 completed months in May 2026


class WeighingOnlyFormTests(EntryWeighingCase):
    def setUp(self) -> None:
        super().setUp()
        self.kid = child(self.sibargot, self.sari, birth_date=BIRTH_30, name="Dimas Aditya")

    def test_it_offers_the_weighing_from_the_paud_page_and_the_target_page(self) -> None:
        paud = self.client.get(month_url(self.kid))
        self.assertContains(paud, "PAUD")
        self.assertContains(paud, month_url(self.kid, form="2b"))
        target = self.client.get(f"/sasaran/{self.kid.pk}/")
        self.assertContains(target, month_url(self.kid, form="2b"))

    def test_it_shows_only_the_measurement_fields(self) -> None:
        page = self.client.get(month_url(self.kid, form="2b"))
        self.assertContains(page, 'data-testid="weighing-only"')
        self.assertContains(page, 'name="weight_kg"')
        self.assertNotContains(page, 'name="immunisation_up_to_date"')
        self.assertNotContains(page, 'name="home_visit"')
        self.assertEqual(page.context["form"].initial["measured_lying"], "0")  # standing

    def test_it_saves_the_weighing_and_ignores_service_answers_sent_anyway(self) -> None:
        body = {"form": "2b", "visit_date": "2026-05-12", "weight_kg": "11,5",
                "length_cm": "86.0", "measured_lying": "0", "growth_mat": "tidak_diukur",
                "immunisation_up_to_date": "1", "home_visit": "1"}  # fmt: skip
        response = self.client.post(month_url(self.kid, form="2b"), body)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        v = ChildVisit.objects.get(child=self.kid, month=MAY)
        self.assertEqual((v.weight_kg, v.weight_gain), (__import__("decimal").Decimal("11.5"), "B"))
        self.assertIsNone(v.immunisation_up_to_date)
        self.assertIsNone(v.home_visit)
        self.assertIsNotNone(v.zlen)

    def test_it_does_not_ask_the_growth_mat_and_stores_tidak_diukur(self) -> None:
        # The mat applies from 3 to 18 months only (tikar.growth.mat.MatCutoffs).
        page = self.client.get(month_url(self.kid, form="2b"))
        self.assertNotContains(page, 'name="growth_mat"')
        body = {"form": "2b", "visit_date": "2026-05-12", "weight_kg": "11,5",
                "length_cm": "86.0", "measured_lying": "0"}  # fmt: skip
        response = self.client.post(month_url(self.kid, form="2b"), body)
        self.assertEqual(response.status_code, 302, response.content[:3000])
        v = ChildVisit.objects.get(child=self.kid, month=MAY)
        self.assertEqual(v.growth_mat, "tidak_diukur")
        # A colour sent anyway is not stored.
        body |= {"growth_mat": "merah"}
        self.assertEqual(self.client.post(month_url(self.kid, form="2b"), body).status_code, 302)
        v.refresh_from_db()
        self.assertEqual(v.growth_mat, "tidak_diukur")

    def test_it_refuses_service_answers_through_the_one_write_path(self) -> None:
        with self.assertRaises(ValidationError) as raised:
            record_month(self.kid, MAY, {"visit_date": date(2026, 5, 12), "weight_kg": "11.5",
                                         "immunisation_up_to_date": True}, self.sari, form="2b")  # fmt: skip
        self.assertIn("hanya berisi penimbangan", str(raised.exception))
        self.assertFalse(ChildVisit.objects.filter(child=self.kid).exists())
