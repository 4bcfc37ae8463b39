"""A phone's values that the rules refuse are refused in words, also when they collide with the
server's: never kept in a Conflict that nobody could apply (a fresh user's attack, issue 9)."""

from __future__ import annotations

from tikar.monitoring.models import ChildVisit, Conflict

from .sync_helpers import SyncTestCase, op


class ConflictValidationTests(SyncTestCase):
    def test_it_refuses_a_future_visit_date_on_a_month_the_server_already_has(self) -> None:
        fields = {
            "target": str(self.sari_child.pk),
            "month": "2026-05-01",
            "visit_date": "2027-01-01",
            "home_visit": False,
        }
        result = self.one(op("child_visit", fields))
        self.assertEqual(result["outcome"], "refused", result)
        self.assertIn("visit_date", result["errors"])
        self.assertFalse(Conflict.objects.filter(record_id=self.sari_visit.pk).exists())
        stored = ChildVisit.objects.get(pk=self.sari_visit.pk)
        self.assertEqual((stored.home_visit, stored.version), (True, self.sari_visit.version))

    def test_it_still_keeps_valid_colliding_values_in_a_conflict(self) -> None:
        fields = {
            "target": str(self.sari_child.pk),
            "month": "2026-05-01",
            "visit_date": "2026-05-12",
            "home_visit": False,
        }
        result = self.one(op("child_visit", fields))
        self.assertEqual(result["outcome"], "conflict", result)
        self.assertTrue(Conflict.objects.filter(record_id=self.sari_visit.pk).exists())
