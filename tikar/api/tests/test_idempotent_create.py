"""A create sent twice with the same client UUID is one create (offline.md 1-2)."""

from __future__ import annotations

from uuid import uuid4

from tikar.households.models import Household
from tikar.monitoring.models import PregnancyVisit

from .base import ApiTestCase


class IdempotentCreateTests(ApiTestCase):
    def test_it_answers_a_repeated_create_with_the_stored_record(self) -> None:
        self.client.force_login(self.sari)
        pk = str(uuid4())
        body = {"id": pk, "head_name": "Pak Halim", "dusun": "II"}
        first = self.post("/api/households/", body)
        again = self.post("/api/households/", body | {"head_name": "Pak Halim (retry)"})
        self.assertEqual((first.status_code, again.status_code), (201, 200))
        self.assertEqual(first.json()["id"], pk)
        self.assertEqual(again.json(), first.json())
        self.assertEqual(Household.objects.filter(head_name__startswith="Pak Halim").count(), 1)
        self.assertEqual(Household.objects.get(pk=pk).version, 1)

    def test_it_keeps_one_monthly_record_when_a_create_is_replayed(self) -> None:
        self.client.force_login(self.sari)
        pk = str(uuid4())
        body = {
            "id": pk,
            "pregnancy": str(self.sari_pregnancy.pk),
            "month": "2026-04",
            "anc_check": True,
            "base_version": 0,
        }
        first = self.post("/api/pregnancy-visits/", body)
        again = self.post("/api/pregnancy-visits/", body)
        self.assertEqual((first.status_code, again.status_code), (201, 200))
        self.assertEqual(
            (first.json()["outcome"], again.json()["outcome"]), ("created", "unchanged")
        )
        self.assertEqual(PregnancyVisit.objects.filter(pk=pk).get().version, 1)
        self.assertEqual(PregnancyVisit.objects.filter(pregnancy=self.sari_pregnancy).count(), 2)

    def test_it_gives_a_404_for_an_id_of_another_desa(self) -> None:
        self.client.force_login(self.budi)
        body = {"id": str(self.sari_household.pk), "head_name": "Pak Budi"}
        self.assertEqual(self.post("/api/households/", body).status_code, 404)
        self.assertEqual(Household.objects.get(pk=self.sari_household.pk).head_name, "Pak Amir")
