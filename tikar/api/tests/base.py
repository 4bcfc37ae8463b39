"""Shared set-up of the API tests (not a test module): a register in Sibargot and Bandar Kumbul."""

from __future__ import annotations

from datetime import date
from typing import Any
from unittest import mock

from tikar.households.tests.factories import child, pregnancy
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)
APRIL = date(2026, 4, 1)
# A woman's NIK from another kecamatan of Labuhanbatu (Bilah Hilir), born 12 August 1990.
BUDI_MOTHER_NIK = "1210085208900002"


class ApiTestCase(BaseTestCase):
    def setUp(self) -> None:
        # The monthly rules refuse future months: pin "today" so May 2026 is this month.
        patcher = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        patcher.start()
        self.addCleanup(patcher.stop)

        self.sari_child = child(self.sibargot, self.sari, birth_date=date(2025, 10, 1))
        self.sari_mother = self.sari_child.mother
        self.sari_household = self.sari_child.household
        self.sari_pregnancy = pregnancy(self.sibargot, self.sari, mother_=self.sari_mother)
        self.sari_visit = record_month(self.sari_child, MAY, {"home_visit": True}, self.sari).record
        self.sari_anc = record_month(
            self.sari_pregnancy, MAY, {"anc_check": True}, self.sari
        ).record

        self.budi_child = child(
            self.bandar_kumbul,
            self.budi,
            birth_date=date(2025, 10, 1),
            name="Rina",
            sex="P",
        )
        self.budi_household = self.budi_child.household
        self.budi_visit = record_month(self.budi_child, MAY, {"home_visit": True}, self.budi).record

    # -- HTTP helpers -------------------------------------------------------------------------

    def post(self, url: str, data: dict[str, Any]):
        return self.client.post(url, data, content_type="application/json")

    def patch(self, url: str, data: dict[str, Any]):
        return self.client.patch(url, data, content_type="application/json")

    def put(self, url: str, data: dict[str, Any]):
        return self.client.put(url, data, content_type="application/json")

    def ids(self, response) -> set[str]:
        self.assertEqual(response.status_code, 200, response.content)
        return {row["id"] for row in response.json()["results"]}
