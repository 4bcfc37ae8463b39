"""Tugas bulan ini: search by name, NIK or KIA number, "only not yet recorded", posyandu, dusun,
form, and a bounded list (pages)."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.monitoring import filters
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)


def names(page) -> list[str]:
    return [r["name"] for g in page.context["groups"] for r in g["rows"]]


class TaskFilterTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        # Sibargot: Siti (pregnant, Posyandu Melati, KIA-001), Dodi (2b, dusun IV, recorded),
        # Rina (2c, 4 years old, dusun IV, NIK 1210075...).
        self.siti = pregnancy(self.sibargot, self.sari, posyandu=self.melati)
        h2 = household(self.sibargot, self.sari, head_name="Pak Umar", dusun="IV")
        lina = mother(self.sibargot, self.sari, household_=h2, name="Lina", nik=None)
        self.dodi = child(self.sibargot, self.sari, name="Dodi", mother_=lina, kia_number="K-77")
        record_month(self.dodi, MAY, {"home_visit": True}, self.sari)
        self.rina = child(
            self.sibargot,
            self.sari,
            name="Rina",
            mother_=lina,
            birth_date=date(2022, 3, 1),
            nik="1210074103220001",
        )
        # Bandar Kumbul, Budi's desa: a namesake and the same KIA number.
        bk = household(self.bandar_kumbul, self.budi, head_name="Pak Umar", dusun="IV")
        other = mother(self.bandar_kumbul, self.budi, household_=bk, name="Siti Aminah", nik=None)
        pregnancy(self.bandar_kumbul, self.budi, mother_=other, kia_number="KIA-001")

    def get(self, **params):
        self.login(self.sari)
        return self.client.get("/tugas/", params)

    def test_it_finds_a_target_by_name_nik_or_kia_number(self) -> None:
        self.assertEqual(names(self.get(cari="dod")), ["Dodi"])
        self.assertEqual(names(self.get(cari="1210074103")), ["Rina"])  # NIK prefix
        self.assertEqual(names(self.get(cari="k-77")), ["Dodi"])  # KIA number of the child
        self.assertEqual(names(self.get(cari="KIA-001")), ["Siti Aminah"])
        # A child is found by the mother's name too: the KPM knows families by the mother.
        self.assertEqual(sorted(names(self.get(cari="lina"))), ["Dodi", "Rina"])
        page = self.get(cari="nobody")
        self.assertEqual(names(page), [])
        self.assertContains(page, "Tidak ada sasaran yang cocok")

    def test_it_shows_only_what_is_not_yet_recorded(self) -> None:
        page = self.get(belum="1")
        self.assertEqual(sorted(names(page)), ["Rina", "Siti Aminah"])
        self.assertEqual(page.context["counts"], {"todo": 2, "done": 0, "total": 2})

    def test_it_filters_by_posyandu_dusun_and_form(self) -> None:
        self.assertEqual(names(self.get(posyandu=self.melati.pk)), ["Siti Aminah"])
        self.assertEqual(sorted(names(self.get(dusun="IV"))), ["Dodi", "Rina"])
        self.assertEqual(names(self.get(formulir="2a")), ["Siti Aminah"])
        self.assertEqual(names(self.get(formulir="2b")), ["Dodi"])
        self.assertEqual(names(self.get(formulir="2c")), ["Rina"])
        self.assertEqual(names(self.get(formulir="2c", dusun="IV", belum="1")), ["Rina"])

    def test_it_keeps_the_filter_in_every_entry_link(self) -> None:
        page = self.get(dusun="IV", belum="1")
        row = page.context["groups"][0]["rows"][0]
        self.assertIn("dusun=IV", row["url"])
        self.assertIn("belum=1", row["url"])
        self.assertContains(page, 'value="IV" selected')

    def test_it_shows_budi_only_his_desa_whatever_he_searches(self) -> None:
        self.login(self.budi)
        for params in ({"cari": "Siti"}, {"cari": "KIA-001"}, {"cari": "1210074103"}, {}):
            page = self.client.get("/tugas/", params)
            self.assertNotContains(page, str(self.siti.pk))
            self.assertNotContains(page, str(self.rina.pk))
        # Sibargot's posyandu is not a choice for him: the filter is ignored, nothing leaks.
        page = self.client.get("/tugas/", {"posyandu": self.melati.pk})
        self.assertEqual(page.context["counts"]["total"], 1)
        self.assertNotContains(page, "Posyandu Melati")

    def test_it_bounds_the_list_to_pages(self) -> None:
        h = household(self.sibargot, self.sari, head_name="Pak Banyak", dusun="V")
        m = mother(self.sibargot, self.sari, household_=h, name="Ibu Banyak", nik=None)
        for i in range(filters.PAGE_SIZE + 5):
            child(self.sibargot, self.sari, name=f"Anak {i:02d}", mother_=m)
        first = self.get()
        total = first.context["counts"]["total"]
        self.assertEqual(total, filters.PAGE_SIZE + 5 + 3)
        self.assertEqual(len(names(first)), filters.PAGE_SIZE)
        second = self.get(hal="2")
        self.assertEqual(len(names(second)), total - filters.PAGE_SIZE)
        self.assertContains(first, "Halaman 1 dari 2")
        # A row on page 2 carries the page, so the entry page's "back" returns to it.
        self.assertIn("hal=2", second.context["groups"][0]["rows"][0]["url"])
