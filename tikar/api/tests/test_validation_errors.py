"""Bad input gets messages per field in Bahasa Indonesia, never a 500, and changes nothing."""

from __future__ import annotations

from tikar.households.models import Child, Mother
from tikar.monitoring.models import PregnancyVisit

from .base import ApiTestCase


class ValidationErrorTests(ApiTestCase):
    def test_it_explains_a_malformed_nik_and_saves_nothing(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/mothers/",
            {"household": str(self.sari_household.pk), "name": "Rina", "nik": "1210 0747 0395"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json(), {"nik": ["NIK harus 16 digit; yang diisi 12 digit."]})
        self.assertFalse(Mother.objects.filter(name="Rina").exists())

    def test_it_refuses_a_temporary_number_typed_as_a_nik(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/children/",
            {
                "household": str(self.sari_household.pk),
                "name": "Bayi",
                "sex": "L",
                "birth_date": "2026-05-02",
                "nik": "12100747039500011",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("nomor sementara bayi", response.json()["nik"][0])
        self.assertFalse(Child.objects.filter(name="Bayi").exists())

    def test_it_explains_bad_types_and_missing_fields_in_indonesian(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/children/",
            {"household": "not-a-uuid", "sex": "X", "birth_date": "kemarin"},
        )
        self.assertEqual(response.status_code, 400)
        errors = response.json()
        self.assertEqual(set(errors), {"household", "name", "sex", "birth_date"})
        self.assertIn("harus diisi", errors["name"][0])
        self.assertIn("tanggal", errors["birth_date"][0].lower())
        self.assertEqual(Child.objects.count(), 2)

    def test_it_refuses_a_future_birth_date_with_the_rule_message(self) -> None:
        self.client.force_login(self.sari)
        response = self.patch(
            f"/api/children/{self.sari_child.pk}/",
            {"base_version": 1, "birth_date": "2026-06-01"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("belum terjadi", response.json()["birth_date"][0])
        self.sari_child.refresh_from_db()
        self.assertEqual((self.sari_child.birth_date.month, self.sari_child.version), (10, 1))

    def test_it_refuses_an_impossible_monthly_value_and_keeps_the_record(self) -> None:
        self.client.force_login(self.sari)
        url = f"/api/pregnancy-visits/{self.sari_anc.pk}/"
        response = self.patch(url, {"base_version": 1, "gestation_month": 12})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.json()["gestation_month"],
            ["Usia kehamilan harus 1 sampai 9 bulan; yang diisi 12."],
        )
        response = self.post(
            "/api/pregnancy-visits/",
            {
                "pregnancy": str(self.sari_pregnancy.pk),
                "month": "2026-05",
                "visit_date": "2026-04-03",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("tidak di bulan Mei 2026", response.json()["visit_date"][0])
        record = PregnancyVisit.objects.get(pk=self.sari_anc.pk)
        self.assertEqual(
            (record.gestation_month, record.visit_date, record.version), (None, None, 1)
        )

    def test_it_refuses_a_kia_number_already_used_in_the_desa(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/pregnancies/", {"mother": str(self.sari_mother.pk), "kia_number": "KIA-001"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.json(), {"kia_number": ["No Register KIA ini sudah dipakai di desa ini."]}
        )
