"""Monthly records go through record_month: one per target and month, outcomes in the answer."""

from __future__ import annotations

from uuid import uuid4

from tikar.monitoring.models import ChildVisit

from .base import ApiTestCase


class MonthlyRecordTests(ApiTestCase):
    def test_it_turns_a_second_record_for_the_month_into_an_edit_of_the_first(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/child-visits/",
            {
                "id": str(uuid4()),
                "child": str(self.sari_child.pk),
                "month": "2026-05",
                "latrine": True,
            },
        )
        self.assertEqual(response.status_code, 200, response.content)
        body = response.json()
        self.assertEqual(body["outcome"], "updated")
        self.assertEqual(body["record"]["id"], str(self.sari_visit.pk))
        visit = ChildVisit.objects.get(child=self.sari_child)  # still one record for May
        self.assertEqual((visit.home_visit, visit.latrine, visit.version), (True, True, 2))

    def test_it_exposes_the_stored_z_scores_and_status_gizi(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/child-visits/",
            {
                "child": str(self.sari_child.pk),
                "month": "2026-04",
                "visit_date": "2026-04-15",
                "weight_kg": "6.2",
                "length_cm": "60.0",
                "measured_lying": True,
            },
        )
        self.assertEqual(response.status_code, 201, response.content)
        record = response.json()["record"]
        stored = ChildVisit.objects.get(pk=record["id"])
        self.assertEqual(record["zlen"], stored.zlen)
        self.assertEqual(record["cat_len"], stored.cat_len)
        self.assertEqual(record["is_stunting"], stored.is_stunting)
        self.assertIn("stunting", record["nutrition_status"])
        # Read-only: a client cannot type a status gizi.
        self.patch(
            f"/api/child-visits/{stored.pk}/",
            {"base_version": stored.version, "zlen": 1.0, "is_stunting": False},
        )
        stored.refresh_from_db()
        self.assertTrue(stored.is_stunting)
        self.assertLess(stored.zlen, -2)

    def test_it_lists_a_month_and_a_target(self) -> None:
        self.client.force_login(self.sari)
        self.post("/api/child-visits/", {"child": str(self.sari_child.pk), "month": "2026-04"})
        may = self.ids(self.client.get("/api/child-visits/", {"month": "2026-05"}))
        self.assertEqual(may, {str(self.sari_visit.pk)})
        mine = self.ids(self.client.get("/api/child-visits/", {"target": str(self.sari_child.pk)}))
        self.assertEqual(len(mine), 2)

    def test_it_refuses_a_child_on_a_form_it_is_not_on(self) -> None:
        self.client.force_login(self.sari)
        response = self.post(
            "/api/paud-records/",
            {"child": str(self.sari_child.pk), "month": "2026-05", "status": "mengikuti"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Formulir 2c", response.json()["month"][0])
