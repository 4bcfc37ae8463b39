"""NIK and growth warnings are asked about: nothing is saved until the client confirms them."""

from __future__ import annotations

from tikar.households.models import Mother
from tikar.monitoring.models import ChildVisit

from .base import ApiTestCase

# A man's NIK (day 07, not 47) given for a woman: a warning, since old NIKs have mistakes.
MALE_NIK = "1210070703950001"


class NikWarningTests(ApiTestCase):
    def body(self, **extra) -> dict:
        return {"household": str(self.sari_household.pk), "name": "Rina", "nik": MALE_NIK} | extra

    def test_it_returns_the_warnings_and_saves_nothing_until_confirmed(self) -> None:
        self.client.force_login(self.sari)
        response = self.post("/api/mothers/", self.body())
        self.assertEqual(response.status_code, 400)
        body = response.json()
        self.assertEqual(set(body), {"confirm_warnings", "warnings"})
        self.assertEqual([w["code"] for w in body["warnings"]], ["nik_sex_mismatch"])
        self.assertIn("jenis kelamin", body["warnings"][0]["message"])
        self.assertFalse(Mother.objects.filter(name="Rina").exists())

        response = self.post("/api/mothers/", self.body(confirm_warnings=True))
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(response.json()["warnings"][0]["code"], "nik_sex_mismatch")
        self.assertEqual(Mother.objects.get(name="Rina").nik, MALE_NIK)

    def test_it_does_not_ask_again_about_a_confirmed_warning(self) -> None:
        self.client.force_login(self.sari)
        created = self.post("/api/mothers/", self.body(confirm_warnings=True)).json()
        response = self.patch(
            f"/api/mothers/{created['id']}/", {"base_version": 1, "phone": "081234567890"}
        )
        self.assertEqual(response.status_code, 200, response.content)


class GrowthWarningTests(ApiTestCase):
    def test_it_asks_before_storing_an_implausible_measurement(self) -> None:
        self.client.force_login(self.sari)
        body = {
            "child": str(self.sari_child.pk),
            "month": "2026-05",
            "visit_date": "2026-05-10",
            "weight_kg": "25.0",
            "length_cm": "68.0",
            "measured_lying": True,
        }
        response = self.post("/api/child-visits/", body)
        self.assertEqual(response.status_code, 400)
        self.assertIn("di luar batas wajar WHO", response.json()["warnings"][0]["message"])
        self.assertIsNone(ChildVisit.objects.get(pk=self.sari_visit.pk).weight_kg)

        response = self.post("/api/child-visits/", body | {"confirm_warnings": True})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertTrue(response.json()["warnings"])
        self.assertEqual(str(ChildVisit.objects.get(pk=self.sari_visit.pk).weight_kg), "25.0")
