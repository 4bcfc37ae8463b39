"""The groups of Tugas bulan ini: the target's posyandu, else its household's, else the dusun
("Dusun IV", or as typed when the KPM wrote "Dusun II"), else one catch-all group."""

from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)


class TaskGroupTests(BaseTestCase):
    def setUp(self) -> None:
        clock = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        clock.start()
        self.addCleanup(clock.stop)

    def make(self, name: str, **household_fields) -> None:
        h = household(self.sibargot, self.sari, head_name=f"Kepala {name}", **household_fields)
        m = mother(self.sibargot, self.sari, household_=h, name=f"Ibu {name}", nik=None)
        child(self.sibargot, self.sari, name=name, mother_=m)

    def test_it_groups_by_posyandu_then_household_posyandu_then_dusun_then_nothing(self) -> None:
        pregnancy(self.sibargot, self.sari, posyandu=self.melati)  # Siti Aminah
        self.make("Ani", posyandu=self.melati, dusun="IV")  # the household's posyandu wins
        self.make("Beni", dusun="IV")
        self.make("Cici", dusun="Dusun II")  # typed with the word: not "Dusun Dusun II"
        self.make("Dedi", dusun="")
        self.login(self.sari)
        page = self.client.get("/tugas/")
        groups = {g["name"]: [r["name"] for r in g["rows"]] for g in page.context["groups"]}
        self.assertEqual(
            groups,
            {
                "Dusun II": ["Cici"],
                "Dusun IV": ["Beni"],
                "Posyandu Melati": ["Ani", "Siti Aminah"],
                "Belum ada posyandu atau dusun": ["Dedi"],
            },
        )
        self.assertNotContains(page, "Dusun Dusun")
        # Under each name: the form, the household's head and its RT.
        self.assertContains(page, "Anak 0–23 bulan (2b) · Kepala Ani · RT 001")
