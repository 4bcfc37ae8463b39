"""Each operation is all or nothing with its remembered answer (a crash mid-batch loses none).

An operation that fails after its change was written (here: building its answer) leaves
neither the change nor its SyncOperation row; the operations before and after it are done,
and resending the batch applies it once.
"""

from __future__ import annotations

from unittest import mock

from django.utils import timezone

from tikar.households.models import Household
from tikar.scorecard.models import QuarterLock
from tikar.sync import protocol
from tikar.sync.models import SyncOperation

from .sync_helpers import SyncTestCase, op


class OperationAtomicTests(SyncTestCase):
    def test_it_leaves_nothing_of_an_operation_that_fails_half_way(self) -> None:
        batch = [op("household", {"head_name": f"Rumah {n}"}) for n in range(3)]
        real = protocol._answer

        def crash_on_second(operation, done):
            if done.record.head_name == "Rumah 1":
                raise RuntimeError("the server died here")
            return real(operation, done)

        with mock.patch.object(protocol, "_answer", crash_on_second):
            results = self.sync(*batch)["results"]
        self.assertEqual([r["outcome"] for r in results], ["applied", "refused", "applied"])
        self.assertFalse(Household.objects.filter(head_name="Rumah 1").exists())
        self.assertFalse(SyncOperation.objects.filter(op_id=batch[1]["op_id"]).exists())
        again = self.sync(*batch)["results"]
        self.assertEqual([r["outcome"] for r in again], ["applied"] * 3)
        self.assertEqual(again[0], results[0])
        self.assertEqual(Household.objects.filter(head_name__startswith="Rumah ").count(), 3)

    def test_it_refuses_a_month_of_a_validated_quarter_in_words(self) -> None:
        QuarterLock.objects.create(
            village=self.sibargot, year=2026, quarter=2, locked_at=timezone.now()
        )
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01", "latrine": True}
        result = self.one(op("child_visit", fields, id=self.sari_visit.pk, base_version=1))
        self.assertEqual(result["outcome"], "refused")
        self.assertIn("Admin Desa", str(result["errors"]))
        self.assertFalse(SyncOperation.objects.exists())
