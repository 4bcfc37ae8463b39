"""The API accepts and returns null for a yes/no question not asked (issue 8, section 1)."""

from __future__ import annotations

from tikar.households.models import Household
from tikar.monitoring.models import ChildVisit

from .base import ApiTestCase


class NotAskedApiTests(ApiTestCase):
    def test_it_stores_null_and_false_apart_on_a_monthly_record(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/child-visits/",
            {
                "child": str(self.sari_child.pk),
                "month": "2026-04",
                "latrine": False,
                "parenting_class": None,
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        record = response.json()["record"]
        self.assertIs(record["latrine"], False)
        self.assertIsNone(record["parenting_class"])
        self.assertIsNone(record["safe_water"])  # not sent: not asked, not "Tidak"
        v = ChildVisit.objects.get(child=self.sari_child, month__month=4)
        self.assertEqual((v.latrine, v.parenting_class, v.safe_water), (False, None, None))

    def test_it_returns_null_for_a_register_question_not_asked(self) -> None:
        Household.objects.filter(pk=self.sari_household.pk).update(safe_water=None)
        self.client.force_login(self.sari)
        response = self.client.get(f"/api/households/{self.sari_household.pk}/")
        self.assertEqual(response.status_code, 200, response.content)
        self.assertIsNone(response.json()["safe_water"])
