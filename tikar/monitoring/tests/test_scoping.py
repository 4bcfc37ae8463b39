from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.accounts.scope import scoped
from tikar.households.models import Child
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
class ScopingTests(BaseTestCase):
    def test_it_shows_each_desa_only_its_own_records(self, _) -> None:
        may = date(2026, 5, 1)
        saris = child(self.sibargot, self.sari, birth_date=date(2025, 10, 1))
        budis = child(self.bandar_kumbul, self.budi, birth_date=date(2025, 10, 1))
        mine = record_month(saris, may, {"home_visit": True}, self.sari).record
        theirs = record_month(budis, may, {"home_visit": True}, self.budi).record

        visits = ChildVisit.objects.all()
        self.assertEqual(list(scoped(visits, self.budi)), [theirs])
        self.assertEqual(list(scoped(visits, self.sari)), [mine])
        self.assertEqual(set(scoped(visits, self.dewi)), {mine, theirs})  # kecamatan officer
        self.assertFalse(scoped(visits, self.tono).exists())  # the next kecamatan
        self.assertEqual(list(scoped(Child.objects.all(), self.budi)), [budis])
