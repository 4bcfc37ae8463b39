"""A newborn's temporary number is its own field and never shows as the NIK."""

from __future__ import annotations

from tikar.households.tests.factories import MOTHER_NIK

from .base import ApiTestCase


class TempNumberTests(ApiTestCase):
    def test_it_keeps_the_temporary_number_out_of_the_nik(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/children/",
            {
                "household": str(self.sari_household.pk),
                "mother": str(self.sari_mother.pk),
                "name": "Bayi Siti",
                "sex": "P",
                "birth_date": "2026-05-02",
                "temp_number": MOTHER_NIK + "1",
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        body = response.json()
        self.assertIsNone(body["nik"])
        self.assertEqual(body["temp_number"], MOTHER_NIK + "1")
        shown = self.client.get(f"/api/children/{body['id']}/").json()
        self.assertIsNone(shown["nik"])
