"""The JSON API's conflicts (/api/conflicts/) carry register conflicts too: listed with the
server's current values in the wire shape, and resolvable for the phone."""

from __future__ import annotations

from tikar.households.models import Household
from tikar.sync.tests.conflicts_base import ConflictTestCase, register_conflict


class ApiRegisterConflictTests(ConflictTestCase):
    def setUp(self) -> None:
        super().setUp()
        household = self.child.household
        household.head_name = "Pak Amir Lubis"
        household.posyandu = self.melati
        household._history_user = self.rahmat
        household.save()
        self.household = household
        self.h_conflict = register_conflict(
            household,
            {"head_name": "Amir Siregar", "posyandu": None},
            ["head_name", "posyandu"],
            self.sari,
        )

    def test_it_lists_the_register_conflict_with_the_servers_values(self) -> None:
        self.login(self.sari)
        response = self.client.get("/api/conflicts/", {"resolved": "false"})
        self.assertEqual(response.status_code, 200, response.content)
        listed = {c["id"]: c for c in response.json()["results"]}
        self.assertEqual(
            listed[self.h_conflict.pk]["server_values"],
            {"head_name": "Pak Amir Lubis", "posyandu": self.melati.pk},
        )
        self.assertEqual(listed[self.conflict.pk]["server_values"], {"weight_kg": "7.7"})

    def test_it_resolves_a_register_conflict_for_the_phone_once(self) -> None:
        self.login(self.rahmat)
        url = f"/api/conflicts/{self.h_conflict.pk}/resolve/"
        response = self.client.post(url, {"accept": "client"}, content_type="application/json")
        self.assertEqual(response.status_code, 200, response.content)
        household = Household.objects.get(pk=self.household.pk)
        self.assertEqual((household.head_name, household.posyandu_id), ("Amir Siregar", None))
        again = self.client.post(url, {"accept": "server"}, content_type="application/json")
        self.assertEqual(again.status_code, 400)
        self.assertEqual(Household.objects.get(pk=self.household.pk).version, household.version)

    def test_it_answers_404_to_another_desa(self) -> None:
        self.login(self.budi)
        url = f"/api/conflicts/{self.h_conflict.pk}/"
        self.assertEqual(self.client.get(url).status_code, 404)
