"""The register screens as the KPM uses them: household, then a pregnancy or a child."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.models import Child, Household, Mother, Pregnancy
from tikar.households.tests.factories import MOTHER_BIRTH, MOTHER_NIK, child, pregnancy
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
URL = "/rumah-tangga/baru/"


def household_data(**extra) -> dict:
    data = {
        "hh-kind": "pregnancy",
        "hh-head_name": "Pak  Darwis",
        "hh-dusun": "II",
        "hh-rt": "003",
        "hh-rw": "001",
        "hh-safe_water": "1",
        "hh-latrine": "0",
        "hh-vulnerable": "1",
    }
    return data | extra


def pregnancy_data(**extra) -> dict:
    data = {
        "step": "person",
        "kind": "pregnancy",
        "p-mother_name": "Rina Harahap",
        "p-mother_nik": "",
        "p-mother_birth_date": "1998-02-14",
        "p-kia_number": "KIA-777",
        "p-due_date": "2026-10-01",
        "p-gestation_month": "3",
        "p-risk_status": "kek",
        "p-health_insurance": "1",
    }
    return household_data() | data | extra


def child_data(**extra) -> dict:
    data = {
        "step": "person",
        "kind": "child",
        "c-name": "Putri",
        "c-sex": "P",
        "c-birth_date": "2026-01-05",
        "c-mother_name": "Rina Harahap",
        "c-birth_certificate": "1",
        "c-health_insurance": "0",
    }
    return household_data(**{"hh-kind": "child"}) | data | extra


class RegisterScreenTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.login(self.sari)

    def test_it_opens_screen_two_after_a_valid_household_and_keeps_its_answers(self) -> None:
        response = self.client.post(URL, household_data(step="household"))
        self.assertContains(response, "p-mother_name")
        self.assertContains(response, 'type="hidden" name="hh-head_name" value="Pak  Darwis"')
        self.assertFalse(Household.objects.exists())

    def test_it_asks_for_the_head_of_household_in_indonesian(self) -> None:
        response = self.client.post(URL, household_data(step="household", **{"hh-head_name": ""}))
        self.assertContains(response, "Tulis nama kepala rumah tangga.")

    def test_it_registers_a_household_with_a_pregnancy(self) -> None:
        response = self.client.post(URL, pregnancy_data())
        p = Pregnancy.objects.get()
        self.assertRedirects(response, f"/sasaran/{p.pk}/")
        self.assertEqual((p.kia_number, p.risk_status, p.gestation_month), ("KIA-777", "kek", 3))
        self.assertTrue(p.health_insurance)
        h = p.mother.household
        self.assertEqual(
            (h.head_name, h.rt, h.safe_water, h.latrine, h.vulnerable),
            ("Pak Darwis", "003", True, False, True),
        )
        self.assertEqual((h.village_id, p.created_by), (self.sibargot.code, self.sari))

    def test_it_registers_a_child_with_a_new_mother(self) -> None:
        self.client.post(URL, child_data())
        c = Child.objects.get()
        self.assertEqual((c.name, c.sex, c.birth_date), ("Putri", "P", date(2026, 1, 5)))
        self.assertEqual(c.mother.name, "Rina Harahap")
        self.assertTrue(c.birth_certificate)

    def test_it_blocks_a_malformed_nik_with_a_clear_message(self) -> None:
        response = self.client.post(URL, pregnancy_data(**{"p-mother_nik": "12345"}))
        self.assertContains(response, "NIK harus 16 digit; yang diisi 5 digit.")
        self.assertFalse(Pregnancy.objects.exists())
        # Nothing typed is lost.
        self.assertContains(response, 'value="Rina Harahap"')

    def test_it_asks_to_confirm_a_nik_that_does_not_match_the_birth_date(self) -> None:
        data = pregnancy_data(**{"p-mother_nik": MOTHER_NIK})  # born 07-03-95, not 14-02-98
        response = self.client.post(URL, data)
        self.assertContains(response, "Tanggal lahir di NIK (07-03-95) berbeda")
        self.assertContains(response, "p-confirm_nik")
        self.assertFalse(Pregnancy.objects.exists())
        self.client.post(URL, data | {"p-confirm_nik": "on"})
        self.assertEqual(Mother.objects.get().nik, MOTHER_NIK)

    def test_it_refuses_a_birth_date_in_the_future(self) -> None:
        response = self.client.post(URL, child_data(**{"c-birth_date": "2026-06-01"}))
        self.assertContains(response, "belum terjadi")
        self.assertFalse(Child.objects.exists())

    def test_it_refuses_a_child_of_six_years(self) -> None:
        response = self.client.post(URL, child_data(**{"c-birth_date": "2020-01-01"}))
        self.assertContains(response, "bukan sasaran")

    def test_it_shows_a_likely_duplicate_and_registers_only_when_confirmed(self) -> None:
        existing = pregnancy(self.sibargot, self.sari)
        data = pregnancy_data(
            **{
                "p-mother_name": "Siti Aminah",
                "p-mother_birth_date": MOTHER_BIRTH.isoformat(),
                "p-kia_number": "KIA-900",
            }
        )
        response = self.client.post(URL, data)
        self.assertContains(response, "Sudah terdaftar?")
        self.assertContains(response, f"/sasaran/{existing.pk}/")
        self.assertEqual(Pregnancy.objects.count(), 1)
        self.client.post(URL, data | {"p-confirm_duplicate": "on"})
        self.assertEqual(Pregnancy.objects.count(), 2)

    def test_it_finds_a_child_with_the_same_nik(self) -> None:
        nik = "1210070501260001"
        child(
            self.sibargot,
            self.sari,
            name="Putri Lain",
            nik=nik,
            sex="P",
            birth_date=date(2026, 1, 5),
        )
        response = self.client.post(URL, child_data(**{"c-nik": nik}))
        self.assertContains(response, "NIK sama")

    def test_it_registers_the_newborn_linked_to_the_mother(self) -> None:
        p = pregnancy(self.sibargot, self.sari, delivery_date=date(2026, 5, 2))
        page = self.client.get(URL, {"pregnancy": p.pk})
        self.assertContains(page, "Daftarkan bayi baru lahir")
        self.assertContains(page, 'value="2026-05-02"')
        response = self.client.post(
            URL,
            {
                "step": "person",
                "pregnancy": p.pk,
                "c-name": "Bayi Siti",
                "c-sex": "L",
                "c-birth_date": "2026-05-02",
                "c-temp_number": MOTHER_NIK + "1",
            },
        )
        c = Child.objects.get()
        self.assertRedirects(response, f"/sasaran/{c.pk}/")
        self.assertEqual((c.mother, c.born_from, c.household), (p.mother, p, p.mother.household))
        self.assertEqual(c.export_nik, "")

    def test_it_refuses_a_temporary_number_not_starting_with_the_mothers_nik(self) -> None:
        p = pregnancy(self.sibargot, self.sari, delivery_date=date(2026, 5, 2))
        response = self.client.post(
            URL,
            {
                "step": "person",
                "pregnancy": p.pk,
                "c-name": "Bayi",
                "c-sex": "L",
                "c-birth_date": "2026-05-02",
                "c-temp_number": "1210075512900001" + "1",
            },
        )
        self.assertContains(response, "harus diawali NIK ibu")

    def test_it_gives_budi_a_404_for_a_newborn_of_saris_desa(self) -> None:
        p = pregnancy(self.sibargot, self.sari, delivery_date=date(2026, 5, 2))
        self.login(self.budi)
        self.assertEqual(self.client.get(URL, {"pregnancy": p.pk}).status_code, 404)

    def test_it_does_not_let_an_officer_register(self) -> None:
        self.login(self.dewi)
        self.assertEqual(self.client.get(URL).status_code, 403)
        self.assertEqual(self.client.post(URL, pregnancy_data()).status_code, 403)
        self.assertFalse(Pregnancy.objects.exists())
