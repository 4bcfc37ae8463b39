from __future__ import annotations

from datetime import date
from unittest import mock

from tikar.households.tests.factories import pregnancy
from tikar.monitoring.models import Conflict, PregnancyVisit
from tikar.monitoring.services import CONFLICT, MERGED, record_month, resolve_conflict
from tikar.test import BaseTestCase

MAY = date(2026, 5, 1)


@mock.patch("django.utils.timezone.localdate", return_value=date(2026, 5, 20))
class ConflictTests(BaseTestCase):
    def setUp(self) -> None:
        self.p = pregnancy(self.sibargot, self.sari)
        # Version 1, seen by Sari's phone before she went out of signal.
        record_month(self.p, MAY, {"risk_status": "normal", "anc_check": False}, self.sari)
        # Version 2: the Admin Desa changes the risk status on the server meanwhile.
        record_month(self.p, MAY, {"risk_status": "risti"}, self.rahmat)

    def test_it_keeps_the_server_value_and_stores_the_phones_on_a_collision(self, _) -> None:
        result = record_month(self.p, MAY, {"risk_status": "kek"}, self.sari, base_version=1)
        self.assertEqual(result.outcome, CONFLICT)
        self.assertEqual(result.conflicting_fields, ("risk_status",))
        record = PregnancyVisit.objects.get(pregnancy=self.p)
        self.assertEqual((record.risk_status, record.version), ("risti", 2))
        conflict = Conflict.objects.get()
        self.assertEqual(conflict.client_fields, {"risk_status": "kek"})
        self.assertEqual((conflict.server_version, conflict.base_version), (2, 1))
        self.assertEqual(conflict.village_id, self.sibargot.code)
        self.assertIsNone(conflict.resolved_at)

    def test_it_merges_a_stale_change_to_another_field(self, _) -> None:
        result = record_month(self.p, MAY, {"anc_check": True}, self.sari, base_version=1)
        self.assertEqual(result.outcome, MERGED)
        record = PregnancyVisit.objects.get(pregnancy=self.p)
        self.assertEqual((record.risk_status, record.anc_check, record.version), ("risti", True, 3))
        self.assertFalse(Conflict.objects.exists())

    def test_it_merges_the_free_fields_and_holds_back_the_colliding_one(self, _) -> None:
        result = record_month(
            self.p, MAY, {"risk_status": "kek", "anc_check": True}, self.sari, base_version=1
        )
        self.assertEqual(result.outcome, CONFLICT)
        record = PregnancyVisit.objects.get(pregnancy=self.p)
        self.assertEqual((record.risk_status, record.anc_check), ("risti", True))

    def test_it_treats_two_offline_creates_of_one_month_as_a_merge(self, _) -> None:
        # The Admin Desa's phone also created May offline, with its own UUID.
        result = record_month(
            self.p, MAY, {"risk_status": "kek", "home_visit": True}, self.rahmat, base_version=0
        )
        self.assertEqual(result.outcome, CONFLICT)
        self.assertEqual(result.conflicting_fields, ("risk_status",))
        self.assertTrue(PregnancyVisit.objects.get(pregnancy=self.p).home_visit)

    def test_it_applies_the_phones_value_when_the_conflict_is_resolved_for_it(self, _) -> None:
        result = record_month(self.p, MAY, {"risk_status": "kek"}, self.sari, base_version=1)
        record = resolve_conflict(result.conflict, self.rahmat, accept_client=True)
        self.assertEqual(record.risk_status, "kek")
        self.assertIsNotNone(Conflict.objects.get().resolved_at)
