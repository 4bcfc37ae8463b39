"""Two taps (or two devices) deleting or restoring one target at once change it once.

Each request holds its own stale copy of the row; without a row lock every one of them saved a
new version and left its own "changed" row in the history (a new user found 16 rows after four
double deletes and restores).
"""

from __future__ import annotations

from tikar.households.models import DELETED_REASON, RESTORED_REASON, Child
from tikar.households.tests.concurrency import ConcurrentTestCase, at_once, retry_locked
from tikar.households.tests.factories import child


class ConcurrentDeleteTests(ConcurrentTestCase):
    def test_it_deletes_and_restores_once_when_four_taps_arrive_at_once(self) -> None:
        c = child(self.sibargot, self.sari)
        version = Child.objects.get(pk=c.pk).version

        copies = [Child.objects.get(pk=c.pk) for _ in range(4)]
        results, errors = at_once(
            4, lambda i: retry_locked(lambda: copies[i].soft_delete(self.sari))
        )
        self.assertEqual(errors, [])
        self.assertEqual(sorted(results), [False, False, False, True])
        deleted = Child.objects.get(pk=c.pk)
        self.assertIsNotNone(deleted.deleted_at)
        self.assertEqual(deleted.version, version + 1)

        copies = [Child.objects.get(pk=c.pk) for _ in range(4)]
        results, errors = at_once(4, lambda i: retry_locked(lambda: copies[i].restore(self.sari)))
        self.assertEqual(errors, [])
        self.assertEqual(sorted(results), [False, False, False, True])
        restored = Child.objects.get(pk=c.pk)
        self.assertIsNone(restored.deleted_at)
        self.assertEqual(restored.version, version + 2)

        reasons = list(
            c.history.order_by("history_date").values_list("history_change_reason", flat=True)
        )
        self.assertEqual(reasons[-2:], [DELETED_REASON, RESTORED_REASON])
        self.assertEqual(len(reasons), 3)  # registered, deleted, restored: nothing more
