"""The REST API's path: POST /api/child-visits/ for a 30-month child."""

from __future__ import annotations

from datetime import date

from tikar.api.tests.base import ApiTestCase
from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit


class WeighingOnlyApiTests(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.older = child(self.sibargot, self.sari, birth_date=date(2023, 11, 1), name="Tiur")
        self.client.force_login(self.sari)

    def body(self, **extra):
        return {
            "child": str(self.older.pk),
            "month": "2026-05",
            "visit_date": "2026-05-08",
            "weight_kg": "11.1",
        } | extra

    def test_it_accepts_the_weighing(self) -> None:
        response = self.post("/api/child-visits/", self.body())
        self.assertEqual(response.status_code, 201, response.content)
        visit = ChildVisit.objects.get(child=self.older)
        self.assertEqual(visit.weight_gain, "B")

    def test_it_refuses_a_service_answer(self) -> None:
        response = self.post("/api/child-visits/", self.body(home_visit=True))
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("hanya berisi penimbangan", str(response.json()))
        self.assertFalse(ChildVisit.objects.filter(child=self.older).exists())

    def test_it_refuses_a_child_of_60_months(self) -> None:
        old = child(self.sibargot, self.sari, birth_date=date(2021, 3, 1), name="Ucok")
        response = self.post("/api/child-visits/", self.body(child=str(old.pk)))
        self.assertEqual(response.status_code, 400, response.content)
        self.assertIn("month", response.json())

    def test_it_gives_another_villages_user_no_access(self) -> None:
        self.client.force_login(self.budi)
        response = self.post("/api/child-visits/", self.body())
        self.assertIn(response.status_code, (400, 403, 404), response.content)
        self.assertFalse(ChildVisit.objects.filter(child=self.older).exists())
