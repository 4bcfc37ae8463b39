"""A stale base_version that collides with a server change: the server's value is kept."""

from __future__ import annotations

from tikar.households.models import Household
from tikar.monitoring.models import Conflict, PregnancyVisit
from tikar.monitoring.services import record_month

from .base import MAY, ApiTestCase


class MonthlyConflictTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        # Version 2 on the server: the Admin Desa marked the pregnancy risti meanwhile.
        record_month(self.sari_pregnancy, MAY, {"risk_status": "risti"}, self.rahmat)
        self.url = f"/api/pregnancy-visits/{self.sari_anc.pk}/"

    def test_it_answers_conflict_and_keeps_the_server_value(self) -> None:
        self.client.force_login(self.sari)
        response = self.patch(self.url, {"base_version": 1, "risk_status": "kek", "latrine": True})
        self.assertEqual(response.status_code, 200, response.content)
        body = response.json()
        self.assertEqual(body["outcome"], "conflict")
        self.assertEqual(body["conflicting_fields"], ["risk_status"])
        self.assertEqual(body["server_values"], {"risk_status": "risti"})
        record = PregnancyVisit.objects.get(pk=self.sari_anc.pk)
        self.assertEqual((record.risk_status, record.latrine), ("risti", True))
        conflict = Conflict.objects.get(pk=body["conflict"])
        self.assertEqual(conflict.client_fields["risk_status"], "kek")

    def test_it_merges_a_stale_change_of_another_field(self) -> None:
        self.client.force_login(self.sari)
        response = self.patch(self.url, {"base_version": 1, "home_visit": True})
        self.assertEqual(response.json()["outcome"], "merged")
        record = PregnancyVisit.objects.get(pk=self.sari_anc.pk)
        self.assertEqual(
            (record.risk_status, record.home_visit, record.version), ("risti", True, 3)
        )

    def test_it_lets_the_admin_desa_resolve_the_conflict_for_the_phone(self) -> None:
        self.client.force_login(self.sari)
        conflict = self.patch(self.url, {"base_version": 1, "risk_status": "kek"}).json()[
            "conflict"
        ]
        listed = self.client.get("/api/conflicts/", {"resolved": "false"}).json()["results"]
        self.assertEqual([c["id"] for c in listed], [conflict])
        self.assertEqual(listed[0]["server_values"], {"risk_status": "risti"})
        self.client.force_login(self.rahmat)
        response = self.post(f"/api/conflicts/{conflict}/resolve/", {"accept": "client"})
        self.assertEqual(response.status_code, 200, response.content)
        self.assertIsNotNone(response.json()["resolved_at"])
        self.assertEqual(PregnancyVisit.objects.get(pk=self.sari_anc.pk).risk_status, "kek")
        again = self.post(f"/api/conflicts/{conflict}/resolve/", {"accept": "server"})
        self.assertEqual(again.status_code, 400)


class RegisterConflictTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.url = f"/api/households/{self.sari_household.pk}/"
        self.client.force_login(self.rahmat)
        self.patch(self.url, {"base_version": 1, "head_name": "Pak Amir Lubis"})  # version 2

    def test_it_refuses_a_stale_change_of_the_same_field_with_409(self) -> None:
        self.client.force_login(self.sari)
        response = self.patch(self.url, {"base_version": 1, "head_name": "Amir", "rt": "005"})
        self.assertEqual(response.status_code, 409)
        self.assertEqual(
            response.json(),
            {
                "outcome": "conflict",
                "conflicting_fields": ["head_name"],
                "server_values": {"head_name": "Pak Amir Lubis"},
                "server_version": 2,
            },
        )
        household = Household.objects.get(pk=self.sari_household.pk)
        self.assertEqual(
            (household.head_name, household.rt, household.version), ("Pak Amir Lubis", "001", 2)
        )

    def test_it_merges_a_full_stale_update_that_left_the_server_field_alone(self) -> None:
        self.client.force_login(self.sari)
        # A PUT from a phone that saw version 1: head_name is the old value it never touched.
        response = self.put(
            self.url,
            {"base_version": 1, "head_name": "Pak Amir", "dusun": "I", "rt": "007", "rw": "002"},
        )
        self.assertEqual(response.status_code, 200, response.content)
        household = Household.objects.get(pk=self.sari_household.pk)
        self.assertEqual(
            (household.head_name, household.rt, household.version), ("Pak Amir Lubis", "007", 3)
        )
