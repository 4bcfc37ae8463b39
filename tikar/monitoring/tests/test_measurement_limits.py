"""Physically impossible measurements are ERRORS, whatever is confirmed (issue 8, 3).

WHO's flags (|z| beyond 5 or 6) are warnings the KPM may confirm after measuring again; a
300 kg newborn was stored that way. The hard limits of `rules.CHILD_LIMITS` (the WHO tables'
0-24 month range, widened) are refused on the page with the box ticked, by the API with
confirm_warnings, and by the import.
"""

from __future__ import annotations

from tikar.api.tests.base import ApiTestCase
from tikar.monitoring import rules
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.tests.helpers import upload, with_changes, workbook


class LimitRuleTests(ApiTestCase):
    def test_it_separates_impossible_from_unlikely(self) -> None:
        [heavy] = rules.check_child_measurement_limits(weight_kg=300)
        self.assertEqual((heavy.code, heavy.is_error), ("weight_kg_impossible", True))
        self.assertIn("antara 0,4 dan 30 kg", heavy.message)
        self.assertEqual(rules.check_child_measurement_limits(weight_kg=25, length_cm=68), [])
        for field, value in (("length_cm", 300), ("head_circumference_cm", 90),
                             ("muac_cm", 45), ("length_cm", 10)):  # fmt: skip
            with self.subTest(field=field):
                self.assertTrue(rules.check_child_measurement_limits(**{field: value}))
        self.assertTrue(rules.check_mother_muac(5))


class LimitPathTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client.force_login(self.sari)

    def test_it_refuses_a_300_kg_baby_on_the_api_even_when_confirmed(self) -> None:
        body = {
            "child": str(self.sari_child.pk),
            "month": "2026-05",
            "visit_date": "2026-05-10",
            "weight_kg": "300.0",
            "confirm_warnings": True,
        }
        response = self.post("/api/child-visits/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("tidak mungkin", response.json()["weight_kg"][0])
        self.assertIsNone(ChildVisit.objects.get(pk=self.sari_visit.pk).weight_kg)

    def test_it_refuses_a_300_kg_baby_on_the_page_with_the_box_ticked(self) -> None:
        url = f"/sasaran/{self.sari_child.pk}/bulan/2026-5/"
        response = self.client.post(
            url,
            {
                "visit_date": "2026-05-10",
                "weight_kg": "300",
                "growth_mat": "merah",
                "confirm_growth": "on",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "tidak mungkin")
        self.assertIsNone(ChildVisit.objects.get(pk=self.sari_visit.pk).weight_kg)

    def test_it_refuses_an_impossible_lila_of_a_mother(self) -> None:
        body = {"pregnancy": str(self.sari_pregnancy.pk), "month": "2026-05", "muac_cm": "2.0"}
        response = self.post("/api/pregnancy-visits/", body)
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIsNone(PregnancyVisit.objects.get(pk=self.sari_anc.pk).muac_cm)

    def test_it_refuses_a_300_kg_baby_in_the_file(self) -> None:
        data = with_changes("Pemantauan 2b", 0, **{"Berat badan (kg)": 300})
        outcome = import_workbook(upload(workbook(data)), self.sari)
        self.assertFalse(outcome.saved)
        self.assertTrue(any("tidak mungkin" in f.message for f in outcome.errors), outcome.errors)
