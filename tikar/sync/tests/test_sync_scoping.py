"""Nothing of another desa: Budi can neither touch nor see Sari's records (offline.md 2, 6)."""

from __future__ import annotations

from tikar.households.models import Household
from tikar.monitoring.models import ChildVisit, Conflict

from .sync_helpers import SYNC_URL, SyncTestCase, op


class ScopingTests(SyncTestCase):
    def test_it_refuses_budis_change_to_saris_record_as_not_found(self) -> None:
        fields = {"head_name": "Diambil alih"}
        result = self.one(
            op("household", fields, id=self.sari_household.pk, base_version=1), user=self.budi
        )
        self.assertEqual(result["outcome"], "refused")
        self.assertEqual(result["errors"], {"id": ["Data tidak ditemukan di desa Anda."]})
        self.assertIsNone(result["record"])
        self.assertNotEqual(
            Household.objects.get(pk=self.sari_household.pk).head_name, "Diambil alih"
        )

    def test_it_refuses_budis_create_under_saris_id_without_a_trace_of_it(self) -> None:
        result = self.one(
            op("household", {"head_name": "X"}, id=self.sari_household.pk), user=self.budi
        )
        self.assertEqual(result["outcome"], "refused")
        self.assertNotIn("Pak Amir", str(result))

    def test_it_refuses_a_monthly_record_of_saris_child_and_her_visits_delete(self) -> None:
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01", "latrine": False}
        self.assertEqual(self.one(op("child_visit", fields), user=self.budi)["outcome"], "refused")
        deleted = self.one(
            op("child_visit", action="delete", id=self.sari_visit.pk), user=self.budi
        )
        self.assertEqual(deleted["outcome"], "refused")
        self.assertIsNone(ChildVisit.objects.get(pk=self.sari_visit.pk).deleted_at)
        self.assertIsNone(ChildVisit.objects.get(pk=self.sari_visit.pk).latrine)

    def test_it_refuses_a_posyandu_of_another_desa(self) -> None:
        result = self.one(op("household", {"head_name": "Pak", "posyandu": self.anggrek.pk}))
        self.assertEqual(result["outcome"], "refused")
        self.assertIn("posyandu", result["errors"])

    def test_it_downloads_only_the_users_desa(self) -> None:
        ids = {c["id"] for c in self.download(user=self.budi, limit=1000)["changes"]}
        self.assertIn(str(self.budi_child.pk), ids)
        self.assertIn(str(self.budi_visit.pk), ids)
        for record in (self.sari_child, self.sari_visit, self.sari_household, self.sari_anc):
            self.assertNotIn(str(record.pk), ids)

    def test_it_never_answers_with_the_conflict_of_another_desa(self) -> None:
        Conflict.objects.create(
            village=self.sibargot,
            record_type="monitoring.childvisit",
            record_id=self.sari_visit.pk,
            target_type="child",
            target_id=self.sari_child.pk,
            month=self.sari_visit.month,
            server_version=1,
            client_fields={"home_visit": False},
            conflicting_fields=["home_visit"],
        )
        self.login(self.budi)
        body = self.client.get(SYNC_URL, {"limit": 1000}).content.decode()
        self.assertNotIn(str(self.sari_visit.pk), body)
        self.assertNotIn(str(self.sari_child.pk), body)

    def test_it_answers_officers_with_403_in_words(self) -> None:
        for url in (SYNC_URL, SYNC_URL + "reference/"):
            self.login(self.dewi)
            response = self.client.get(url)
            self.assertEqual(response.status_code, 403)
            self.assertIn("petugas", response.json()["detail"])
        response = self.post(SYNC_URL, {"operations": [op("household", {"head_name": "X"})]})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Household.objects.filter(head_name="X").exists())

    def test_it_answers_an_anonymous_request_with_403_json(self) -> None:
        self.client.logout()
        for url in (SYNC_URL, SYNC_URL + "reference/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 403)
            self.assertIn("detail", response.json())
