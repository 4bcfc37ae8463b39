"""Correcting registration data: household, mother, pregnancy and child screens."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import Client
from django.urls import reverse

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.households.tests.factories import MOTHER_BIRTH, MOTHER_NIK, child, pregnancy
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)


def household_data(**changes) -> dict:
    data = {
        "hh-head_name": "Pak Amir",
        "hh-dusun": "I",
        "hh-rt": "001",
        "hh-rw": "002",
        "hh-posyandu": "",
        "hh-safe_water": "1",
        "hh-latrine": "0",
        "hh-vulnerable": "0",
    }
    return data | {f"hh-{k}": v for k, v in changes.items()}


def mother_data(**changes) -> dict:
    data = {
        "p-mother_name": "Siti Aminah",
        "p-mother_nik": MOTHER_NIK,
        "p-mother_birth_date": MOTHER_BIRTH.isoformat(),
        "p-mother_phone": "",
    }
    return data | {f"p-{k}": v for k, v in changes.items()}


def pregnancy_data(**changes) -> dict:
    data = {
        "p-kia_number": "KIA-001",
        "p-due_date": "2026-09-01",
        "p-gestation_month": "4",
        "p-risk_status": "normal",
        "p-health_insurance": "0",
        "p-delivery_date": "",
    }
    return data | {f"p-{k}": v for k, v in changes.items()}


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class EditScreenTests(BaseTestCase):
    def setUp(self) -> None:
        self.p = pregnancy(self.sibargot, self.sari)
        self.m = self.p.mother
        self.h = self.m.household
        self.c = child(self.sibargot, self.sari, mother_=self.m)

    def edit(self, t) -> str:
        return reverse("target_edit", args=[t.pk])

    def test_it_shows_the_stored_values_and_saves_a_household_correction(self, _) -> None:
        self.login(self.sari)
        page = self.client.get(self.edit(self.h))
        self.assertContains(page, 'value="Pak Amir"')
        self.assertNotContains(page, "Siapa yang didaftarkan?")  # no "who do you register"
        response = self.client.post(
            self.edit(self.h), household_data(**{"head_name": "Amir  Lubis"})
        )
        self.assertRedirects(response, reverse("target", args=[self.h.pk]))
        h = Household.objects.get()
        self.assertEqual(h.head_name, "Amir Lubis")
        self.assertTrue(h.safe_water)
        self.assertContains(self.client.get(reverse("target", args=[self.h.pk])), "diubah")

    def test_it_saves_a_pregnancy_correction_keeping_its_own_kia_number(self, _) -> None:
        self.login(self.sari)
        response = self.client.post(self.edit(self.p), pregnancy_data(due_date="2026-10-15"))
        self.assertRedirects(response, reverse("target", args=[self.p.pk]))
        self.assertEqual(Pregnancy.objects.get().due_date, date(2026, 10, 15))
        pregnancy(self.sibargot, self.sari, kia_number="KIA-777")
        taken = self.client.post(self.edit(self.p), pregnancy_data(kia_number="KIA-777"))
        self.assertContains(taken, "KIA-777 sudah dipakai di desa ini")
        self.assertEqual(Pregnancy.objects.get(pk=self.p.pk).kia_number, "KIA-001")

    def test_it_blocks_nik_errors_and_asks_to_confirm_nik_warnings(self, _) -> None:
        self.login(self.sari)
        url = reverse("mother_edit", args=[self.m.pk])
        bad = self.client.post(url, mother_data(mother_nik="12345"))
        self.assertContains(bad, "NIK harus 16 digit; yang diisi 5 digit.")
        self.assertEqual(Mother.objects.get().nik, MOTHER_NIK)
        # A birth date that does not match the NIK: a warning to confirm, as at registration.
        data = mother_data(mother_birth_date="1998-02-14")
        warned = self.client.post(url, data)
        self.assertContains(warned, "Tanggal lahir di NIK (07-03-95) berbeda")
        self.assertContains(warned, "p-confirm_nik")
        self.assertEqual(Mother.objects.get().birth_date, MOTHER_BIRTH)
        self.client.post(url, data | {"p-confirm_nik": "on"})
        self.assertEqual(Mother.objects.get().birth_date, date(1998, 2, 14))

    def test_it_lets_the_admin_desa_correct_after_verification_and_marks_it(self, _) -> None:
        self.c.verify(self.rahmat)
        self.p.verify(self.rahmat)
        self.login(self.sari)
        refused = self.client.get(self.edit(self.c), follow=True)
        self.assertContains(refused, "sudah diverifikasi Admin Desa")
        self.client.post(reverse("mother_edit", args=[self.m.pk]), mother_data(mother_name="X"))
        self.assertEqual(Mother.objects.get().name, "Siti Aminah")

        self.login(self.rahmat)
        data = {
            "c-name": "Budi Kecil Lubis",
            "c-sex": "L",
            "c-birth_date": "2025-01-10",
            "c-nik": "",
            "c-temp_number": "",
            "c-mother": str(self.m.pk),
            "c-kia_number": "",
            "c-birth_certificate": "1",
            "c-health_insurance": "0",
        }
        self.client.post(self.edit(self.c), data)
        self.assertEqual(Child.objects.get().name, "Budi Kecil Lubis")
        self.assertContains(
            self.client.get(reverse("target", args=[self.c.pk])), "setelah verifikasi"
        )
        # The mother's correction shows in her pregnancy's history, marked the same way.
        self.client.post(
            reverse("mother_edit", args=[self.m.pk]) + f"?next={self.p.pk}",
            mother_data(mother_name="Siti Aminah Lubis"),
        )
        self.assertEqual(Mother.objects.get().name, "Siti Aminah Lubis")
        page = self.client.get(reverse("target", args=[self.p.pk]))
        self.assertContains(page, "data ibu diubah")
        self.assertContains(page, "setelah verifikasi")

    def test_it_gives_budi_a_404_on_every_new_url(self, _) -> None:
        self.login(self.budi)
        for t in (self.h, self.p, self.c):
            self.assertEqual(self.client.get(self.edit(t)).status_code, 404)
            self.assertEqual(self.client.post(self.edit(t), {}).status_code, 404)
            self.assertEqual(
                self.client.get(reverse("target_delete", args=[t.pk])).status_code, 404
            )
        url = reverse("mother_edit", args=[self.m.pk])
        self.assertEqual(self.client.get(url).status_code, 404)
        self.assertEqual(self.client.post(url, mother_data(mother_name="X")).status_code, 404)
        self.assertEqual(Mother.objects.get().name, "Siti Aminah")

    def test_it_gives_an_officer_a_403_as_on_the_other_write_views(self, _) -> None:
        self.login(self.dewi)
        self.assertEqual(self.client.get(self.edit(self.c)).status_code, 403)
        self.assertEqual(self.client.get(reverse("mother_edit", args=[self.m.pk])).status_code, 403)
        self.login(self.tono)  # another kecamatan: not even readable
        self.assertEqual(self.client.get(self.edit(self.c)).status_code, 404)

    def test_it_needs_the_csrf_token(self, _) -> None:
        strict = Client(enforce_csrf_checks=True)
        strict.force_login(self.sari)
        response = strict.post(self.edit(self.h), household_data(head_name="Tanpa Token"))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(Household.objects.get().head_name, "Pak Amir")
