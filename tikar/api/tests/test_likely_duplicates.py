"""The API asks, like the register page, before adding a person who may already be registered."""

from __future__ import annotations

from tikar.households.models import Child, Mother
from tikar.households.tests.factories import MOTHER_NIK

from .base import ApiTestCase

# The NIK of a boy of Kecamatan Bilah Barat born 1 October 2025 (Sari's "Budi Kecil").
CHILD_NIK = "1210070110250003"


class LikelyDuplicateChildTests(ApiTestCase):
    def body(self, **extra) -> dict:
        return {
            "household": str(self.sari_household.pk),
            "name": "Budi  kecil",
            "sex": "L",
            "birth_date": "2025-10-01",
        } | extra

    def test_it_asks_before_adding_a_child_with_a_similar_name_and_the_same_birth_date(self):
        self.client.force_login(self.sari)
        response = self.post("/api/children/", self.body())
        self.assertEqual(response.status_code, 400, response.content)
        body = response.json()
        self.assertEqual(set(body), {"confirm_warnings", "warnings"})
        (warning,) = body["warnings"]
        self.assertEqual((warning["code"], warning["field"]), ("likely_duplicate", "name"))
        self.assertIn("Budi Kecil", warning["message"])
        self.assertIn("01-10-2025", warning["message"])
        self.assertEqual(Child.objects.filter(village=self.sibargot).count(), 1)

        response = self.post("/api/children/", self.body(confirm_warnings=True))
        self.assertEqual(response.status_code, 201, response.content)
        self.assertEqual(Child.objects.filter(village=self.sibargot).count(), 2)

    def test_it_asks_before_adding_a_second_child_with_the_same_nik(self) -> None:
        self.sari_child.nik = CHILD_NIK
        self.sari_child.save()
        self.client.force_login(self.sari)
        response = self.post(
            "/api/children/", self.body(name="Putra", birth_date="2025-10-01", nik=CHILD_NIK)
        )
        self.assertEqual(response.status_code, 400, response.content)
        codes = {(w["code"], w["field"]) for w in response.json()["warnings"]}
        self.assertIn(("likely_duplicate", "nik"), codes)
        self.assertFalse(Child.objects.filter(name="Putra").exists())

    def test_it_does_not_ask_about_another_desa_nor_name_its_children(self) -> None:
        # Budi's desa has a "Rina" born 1 October 2025; Sari adding her own Rina is no question
        # about Bandar Kumbul, and the answer never shows Budi's register.
        self.client.force_login(self.sari)
        response = self.post("/api/children/", self.body(name="Rina", sex="P"))
        self.assertEqual(response.status_code, 201, response.content)

    def test_it_does_not_take_a_child_for_its_own_duplicate_when_it_is_edited(self) -> None:
        self.client.force_login(self.sari)
        response = self.patch(
            f"/api/children/{self.sari_child.pk}/",
            {"base_version": self.sari_child.version, "kia_number": "KIA-9"},
        )
        self.assertEqual(response.status_code, 200, response.content)


class LikelyDuplicateMotherTests(ApiTestCase):
    def test_it_asks_before_adding_a_mother_whose_nik_is_in_the_desa(self) -> None:
        self.client.force_login(self.sari)
        body = {
            "household": str(self.sari_household.pk),
            "name": "Siti",
            "nik": MOTHER_NIK,
            "birth_date": "1995-03-07",
        }
        response = self.post("/api/mothers/", body)
        self.assertEqual(response.status_code, 400, response.content)
        (warning,) = response.json()["warnings"]
        self.assertEqual((warning["code"], warning["field"]), ("likely_duplicate", "nik"))
        self.assertIn("Siti Aminah", warning["message"])
        self.assertEqual(Mother.objects.filter(village=self.sibargot).count(), 1)

        response = self.post("/api/mothers/", body | {"confirm_warnings": True})
        self.assertEqual(response.status_code, 201, response.content)
