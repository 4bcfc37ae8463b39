"""Shared set-up of the conflict tests (not a test module): one conflict of each family.

Sari's child (Sibargot) has a May 2026 record (version 1, weighed 7.5 kg); the Admin Desa
corrects the weight to 7.7 kg on the server (version 2); Sari's phone, which saw version 1,
sends 7.6 kg and a home visit: the home visit is merged, the weight becomes a conflict.
A register conflict is built the way the sync protocol stores one (month None, the record
its own target, `client_fields` the wire fields the phone sent).
"""

from __future__ import annotations

from datetime import date
from typing import Any
from unittest import mock

from tikar.households.tests.factories import child
from tikar.monitoring.models import Conflict
from tikar.monitoring.services import record_month
from tikar.test import BaseTestCase

TODAY = date(2026, 5, 20)
MAY = date(2026, 5, 1)


def register_conflict(record, client_fields: dict[str, Any], conflicting: list[str], user):
    """A register conflict as tikar.sync.protocol stores it."""
    return Conflict.objects.create(
        village_id=record.village_id,
        record_type=record._meta.label_lower,
        record_id=record.pk,
        target_type=record.KIND if hasattr(record, "KIND") else "mother",
        target_id=record.pk,
        month=None,
        base_version=1,
        server_version=record.version,
        client_fields=client_fields,
        conflicting_fields=conflicting,
        created_by=user,
    )


class ConflictTestCase(BaseTestCase):
    def setUp(self) -> None:
        patcher = mock.patch("django.utils.timezone.localdate", return_value=TODAY)
        patcher.start()
        self.addCleanup(patcher.stop)
        self.child = child(self.sibargot, self.sari, birth_date=date(2025, 10, 1), name="Intan")
        measured = {"visit_date": "2026-05-10", "weight_kg": "7.5", "length_cm": "68.0"}
        self.visit = record_month(self.child, MAY, measured, self.sari).record  # version 1
        record_month(self.child, MAY, {"weight_kg": "7.7"}, self.rahmat)  # version 2
        result = record_month(
            self.child, MAY, {"weight_kg": 7.6, "home_visit": True}, self.sari, base_version=1
        )
        self.conflict = result.conflict
        self.url = f"/konflik/{self.conflict.pk}/"

    def resolve(self, choice: str, **extra):
        data = {"choice": choice, "seen_version": self.visit_version(), **extra}
        return self.client.post(self.url, data)

    def visit_version(self) -> int:
        self.visit.refresh_from_db()
        return self.visit.version
