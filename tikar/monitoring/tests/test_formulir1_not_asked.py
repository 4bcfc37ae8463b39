"""Formulir 1 (a) never counts a question not asked as "without" (issue 8, section 1)."""

from __future__ import annotations

from django.utils import timezone

from tikar.households.models import Household
from tikar.households.tests.factories import child, household, mother
from tikar.test import BaseTestCase


class Formulir1NotAskedTests(BaseTestCase):
    def test_it_shows_households_not_asked_apart_from_those_without(self) -> None:
        month = timezone.localdate().replace(day=1)
        for safe_water in (True, False, None):
            home = household(self.sibargot, self.sari, head_name=f"KK {safe_water}")
            Household.objects.filter(pk=home.pk).update(safe_water=safe_water)
            mum = mother(
                self.sibargot, self.sari, household_=home, name=f"Ibu {safe_water}", nik=None
            )
            child(self.sibargot, self.sari, mother_=mum, birth_date=month, name=f"A{safe_water}")
        self.login(self.sari)
        recap = dict(self.client.get(f"/formulir-1/{month.year}/").context["recap"])
        self.assertEqual(recap["Jumlah RT 1.000 HPK"], 3)
        self.assertEqual(recap["RT tidak memiliki akses air minum aman"], 1)
        self.assertEqual(recap["Rumah tangga: air minum aman belum ditanyakan"], 1)
