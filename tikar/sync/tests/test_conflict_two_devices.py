"""Done when (issue 9): two devices edit the same month offline, both sync, one conflict
appears on the review page, both versions are kept, and resolving it leaves the audit trail.

The devices are two sync clients of the real endpoint (`POST /api/sync/`, `GET /api/sync/`):
Sari's phone and the Admin Desa's phone both downloaded the May record (version 1), both
changed the weight offline, and sync one after the other with that base_version.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from unittest import mock
from uuid import uuid4

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit, Conflict
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

MAY = date(2026, 5, 1)


class TwoDevicesTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
        patcher.start()
        self.addCleanup(patcher.stop)
        self.child = child(self.sibargot, self.sari, birth_date=date(2025, 10, 1), name="Intan")
        measured = {"visit_date": "2026-05-10", "weight_kg": "7.5", "length_cm": "68.0"}
        self.visit = record_month(self.child, MAY, measured, self.sari).record

    def download(self, user) -> dict[str, dict[str, Any]]:
        """What a device holds after its first download: {record id: change}."""
        self.client.force_login(user)
        response = self.client.get("/api/sync/", {"cursor": 0, "snapshot": 1, "limit": 500})
        self.assertEqual(response.status_code, 200, response.content)
        return {c["id"]: c for c in response.json()["changes"]}

    def upload(self, user, device: str, operation: dict[str, Any]) -> dict[str, Any]:
        self.client.force_login(user)
        body = {"device_id": device, "operations": [operation]}
        response = self.client.post("/api/sync/", body, content_type="application/json")
        self.assertEqual(response.status_code, 200, response.content)
        (result,) = response.json()["results"]
        return result

    def edit(self, held: dict[str, Any], **changes: Any) -> dict[str, Any]:
        """An offline edit of a record the device holds: one outbox operation."""
        return {
            "op_id": str(uuid4()),
            "kind": held["kind"],
            "action": "upsert",
            "id": held["id"],
            "base_version": held["version"],
            "fields": {"target": held["fields"]["target"], "month": "2026-05-01", **changes},
        }

    def test_it_keeps_both_versions_and_the_choice_in_the_audit_trail(self) -> None:
        # Both phones download May while online (version 1), then go out of signal.
        sari_phone = self.download(self.sari)[str(self.visit.pk)]
        admin_phone = self.download(self.rahmat)[str(self.visit.pk)]
        self.assertEqual((sari_phone["version"], admin_phone["version"]), (1, 1))
        sari_op = self.edit(sari_phone, weight_kg="7.6", home_visit=True)
        admin_op = self.edit(admin_phone, weight_kg="7.8", counselling_mother=True)

        # Back in signal: Sari's phone syncs first, then the Admin Desa's.
        first = self.upload(self.sari, "hp-sari", sari_op)
        self.assertEqual(first["outcome"], "applied")
        second = self.upload(self.rahmat, "hp-admin", admin_op)
        self.assertEqual(second["outcome"], "conflict")
        self.assertEqual(second["conflict"]["conflicting_fields"], ["weight_kg"])
        # A resend of the same outbox item (a lost answer) is the same conflict, not a second.
        self.assertEqual(self.upload(self.rahmat, "hp-admin", admin_op), second)

        # Both versions are kept: the server's (Sari's) in the record, the phone's beside it.
        visit = ChildVisit.objects.get(pk=self.visit.pk)
        self.assertEqual(visit.weight_kg, Decimal("7.6"))
        self.assertTrue(visit.home_visit and visit.counselling_mother)  # no collision: merged
        conflict = Conflict.objects.get()
        self.assertEqual(conflict.pk, second["conflict"]["id"])
        self.assertEqual(Decimal(str(conflict.client_fields["weight_kg"])), Decimal("7.8"))

        # One conflict on the review page, both values side by side.
        self.client.force_login(self.sari)
        listed = self.client.get("/konflik/")
        self.assertContains(listed, f"/konflik/{conflict.pk}/", count=1)
        page = self.client.get(f"/konflik/{conflict.pk}/")
        self.assertContains(page, "7,6 kg")
        self.assertContains(page, "7,8 kg")
        self.assertContains(page, "hp-admin")  # the device that sent the other version

        # Sari chooses the Admin Desa's weight: applied once, with who chose what.
        response = self.client.post(
            f"/konflik/{conflict.pk}/", {"choice": "phone", "seen_version": visit.version}
        )
        self.assertRedirects(response, "/konflik/", fetch_redirect_response=False)
        visit = ChildVisit.objects.get(pk=self.visit.pk)
        self.assertEqual(visit.weight_kg, Decimal("7.8"))
        trail = visit.history.order_by("-history_id").first()
        self.assertEqual(trail.history_user, self.sari)
        self.assertEqual(trail.history_change_reason, f"conflict {conflict.pk}: phone's values")
        self.assertEqual(trail.prev_record.weight_kg, Decimal("7.6"))  # Sari's synced value
        closed = Conflict.objects.get().history.order_by("-history_id").first()
        self.assertEqual(closed.resolved_by, self.sari)
        self.assertIsNotNone(closed.resolved_at)

        # Sari's phone gets the resolution at its next sync.
        self.client.force_login(self.sari)
        changes = self.client.get("/api/sync/", {"cursor": first["change_seq"]}).json()["changes"]
        latest = [c for c in changes if c["id"] == str(self.visit.pk)]
        self.assertEqual(Decimal(str(latest[-1]["fields"]["weight_kg"])), Decimal("7.8"))

    def test_it_stores_a_register_conflict_too_and_resolves_it_on_the_page(self) -> None:
        household = self.child.household
        held = self.download(self.sari)[str(household.pk)]
        self.download(self.rahmat)

        def rename(user, device: str, name: str) -> dict[str, Any]:
            operation = {
                "op_id": str(uuid4()),
                "kind": "household",
                "action": "upsert",
                "id": str(household.pk),
                "base_version": held["version"],
                "fields": {"head_name": name},
            }
            return self.upload(user, device, operation)

        self.assertEqual(rename(self.rahmat, "hp-admin", "Pak Amir Lubis")["outcome"], "applied")
        answer = rename(self.sari, "hp-sari", "Amir Siregar")
        self.assertEqual(answer["outcome"], "conflict")
        conflict = Conflict.objects.get(pk=answer["conflict"]["id"])
        self.assertIsNone(conflict.month)
        self.client.force_login(self.rahmat)
        page = self.client.get(f"/konflik/{conflict.pk}/")
        self.assertContains(page, "Data rumah tangga")
        self.assertContains(page, "Pak Amir Lubis")
        self.assertContains(page, "Amir Siregar")
        response = self.client.post(f"/konflik/{conflict.pk}/", {"choice": "server"})
        self.assertRedirects(response, "/konflik/", fetch_redirect_response=False)
        household.refresh_from_db()
        self.assertEqual(household.head_name, "Pak Amir Lubis")
        closing = conflict.history.order_by("-history_id").first()
        self.assertEqual(
            (closing.history_user, closing.history_change_reason),
            (self.rahmat, f"conflict {conflict.pk}: server's values"),
        )
