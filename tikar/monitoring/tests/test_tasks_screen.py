"""Tugas bulan ini and the KPM home's month card."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)


class TasksScreenTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)
        self.p = pregnancy(self.sibargot, self.sari, posyandu=self.melati)
        h2 = household(self.sibargot, self.sari, head_name="Pak Umar", dusun="IV")
        m2 = mother(self.sibargot, self.sari, household_=h2, name="Lina", nik=None)
        self.c = child(self.sibargot, self.sari, name="Dodi", mother_=m2)
        record_month(self.c, MAY, {"home_visit": True}, self.sari)
        pregnancy(self.bandar_kumbul, self.budi, kia_number="KIA-BK")

    def test_it_lists_the_targets_of_the_month_grouped_with_counts(self) -> None:
        self.login(self.sari)
        page = self.client.get("/tugas/")
        self.assertEqual(page.context["counts"], {"todo": 1, "done": 1, "total": 2})
        groups = {g["name"]: [r["name"] for r in g["rows"]] for g in page.context["groups"]}
        self.assertEqual(groups, {"Posyandu Melati": ["Siti Aminah"], "Dusun IV": ["Dodi"]})
        self.assertContains(page, f"/sasaran/{self.p.pk}/bulan/2026-5/")

    def test_it_switches_to_an_earlier_month(self) -> None:
        self.login(self.sari)
        page = self.client.get("/tugas/", {"bulan": "2026-04"})
        self.assertEqual(page.context["counts"]["done"], 0)
        self.assertContains(page, "April 2026")
        # A month in the future is this month.
        self.assertEqual(self.client.get("/tugas/", {"bulan": "2027-01"}).context["month"], MAY)

    def test_it_shows_budi_only_his_desa(self) -> None:
        self.login(self.budi)
        page = self.client.get("/tugas/")
        self.assertEqual(page.context["counts"]["total"], 1)
        self.assertNotContains(page, str(self.p.pk))

    def test_it_lets_an_officer_read_a_desa_of_the_area_only(self) -> None:
        self.login(self.dewi)
        page = self.client.get("/tugas/", {"desa": self.sibargot.code})
        self.assertEqual(page.context["counts"]["total"], 2)
        self.login(self.tono)
        self.assertEqual(self.client.get("/tugas/", {"desa": self.sibargot.code}).status_code, 404)

    def test_it_puts_the_real_counts_on_the_kpm_home(self) -> None:
        self.login(self.sari)
        page = self.client.get("/")
        self.assertEqual(page.context["month_counts"], {"total": 2, "done": 1, "todo": 1})
        self.assertContains(page, 'href="/tugas/"')
