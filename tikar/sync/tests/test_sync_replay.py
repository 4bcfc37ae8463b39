"""Idempotency per op_id: a replayed batch answers the same and changes nothing."""

from __future__ import annotations

from uuid import uuid4

from tikar.households.models import Child, Household, Mother
from tikar.monitoring.models import ChildVisit, Conflict
from tikar.sync.models import SyncOperation

from .sync_helpers import SyncTestCase, op


def counts() -> tuple[int, ...]:
    return (
        Household.objects.count(),
        Mother.objects.count(),
        Child.objects.count(),
        ChildVisit.objects.count(),
        Conflict.objects.count(),
        Household.history.count(),
        Child.history.count(),
        ChildVisit.history.count(),
    )


class ReplayTests(SyncTestCase):
    def batch(self) -> list[dict]:
        household, mother, child = uuid4(), uuid4(), uuid4()
        return [
            op("household", {"head_name": "Pak Ucok", "dusun": "II"}, id=household),
            op("mother", {"household": str(household), "name": "Bu Rina"}, id=mother),
            op(
                "child",
                {
                    "household": str(household),
                    "mother": str(mother),
                    "name": "Ucok Kecil",
                    "sex": "L",
                    "birth_date": "2026-02-01",
                },
                id=child,
            ),
            op(
                "child_visit",
                {
                    "target": str(child),
                    "month": "2026-05-01",
                    "visit_date": "2026-05-04",
                    "weight_kg": 5.1,
                },
            ),
            op("child_visit", {"target": str(self.sari_child.pk), "month": "2026-05-01"}),
        ]

    def test_it_answers_a_replayed_batch_the_same_and_changes_nothing(self) -> None:
        batch = self.batch()
        first = self.sync(*batch)["results"]
        self.assertEqual([r["outcome"] for r in first][:4], ["applied"] * 4)
        before = counts()
        versions = {r["id"]: r["version"] for r in first}
        second = self.sync(*batch)["results"]
        self.assertEqual(second, first)
        self.assertEqual(counts(), before)
        for kind in (Household, Mother, Child, ChildVisit):
            for row in kind.objects.filter(pk__in=versions):
                self.assertEqual(row.version, versions[str(row.pk)])
        self.assertEqual(SyncOperation.objects.count(), len(batch))

    def test_it_applies_a_reordered_batch_whole(self) -> None:
        batch = list(reversed(self.batch()))
        results = self.sync(*batch)["results"]
        outcomes = [r["outcome"] for r in results]
        self.assertNotIn("refused", outcomes, results)
        self.assertEqual(Child.objects.filter(name="Ucok Kecil").count(), 1)
        # Answers stay in the request's order.
        self.assertEqual([r["op_id"] for r in results], [o["op_id"] for o in batch])

    def test_it_applies_a_replay_after_a_reordered_resend_once(self) -> None:
        batch = self.batch()
        self.sync(*batch[:2])
        before = Household.objects.count()
        results = self.sync(*reversed(batch))["results"]
        self.assertNotIn("refused", [r["outcome"] for r in results])
        self.assertEqual(Household.objects.count(), before)
        self.assertEqual(Child.objects.filter(name="Ucok Kecil").count(), 1)

    def test_it_does_not_hand_another_account_the_answer_of_an_op_id(self) -> None:
        operation = op("household", {"head_name": "Pak Ucok"})
        self.one(operation)
        answer = self.one(operation, user=self.rahmat)
        self.assertEqual(answer["outcome"], "refused")
        self.assertIsNone(answer["record"])
        self.assertIn("op_id", answer["errors"])

    def test_it_does_not_remember_a_refused_operation(self) -> None:
        household = uuid4()
        orphan = op("mother", {"household": str(household), "name": "Bu Rina"})
        self.assertEqual(self.one(orphan)["outcome"], "refused")
        self.one(op("household", {"head_name": "Pak Ucok"}, id=household))
        # The same op, resent once its household arrived, is applied.
        self.assertEqual(self.one(orphan)["outcome"], "applied")
