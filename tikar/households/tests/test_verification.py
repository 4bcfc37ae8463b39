from __future__ import annotations

from tikar.households.models import DeleteRefused, Pregnancy
from tikar.households.tests.factories import pregnancy
from tikar.test import BaseTestCase


class VerificationTests(BaseTestCase):
    def test_it_lets_a_kpm_delete_a_target_before_verification(self) -> None:
        p = pregnancy(self.sibargot, self.sari)
        p.soft_delete(self.sari)
        self.assertIsNotNone(Pregnancy.objects.get(pk=p.pk).deleted_at)

    def test_it_refuses_a_kpm_deleting_a_verified_target(self) -> None:
        p = pregnancy(self.sibargot, self.sari)
        p.verify(self.rahmat)
        with self.assertRaises(DeleteRefused) as caught:
            p.soft_delete(self.sari)
        self.assertIn("sudah diverifikasi", caught.exception.messages[0])
        self.assertIsNone(Pregnancy.objects.get(pk=p.pk).deleted_at)
        # The Admin Desa still may.
        p.soft_delete(self.rahmat)
        self.assertIsNotNone(Pregnancy.objects.get(pk=p.pk).deleted_at)

    def test_it_marks_changes_made_after_verification_in_the_history(self) -> None:
        p = pregnancy(self.sibargot, self.sari)
        p.verify(self.rahmat)
        p = Pregnancy.objects.get(pk=p.pk)
        p.risk_status = "kek"
        p._history_user = self.sari
        p.save()
        rows = list(p.history.order_by("history_date", "history_id"))
        self.assertEqual([r.changed_after_verification for r in rows], [False, False, True])
        self.assertEqual(rows[-1].history_user, self.sari)

    def test_it_records_the_user_and_the_previous_values(self) -> None:
        p = pregnancy(self.sibargot, self.sari, risk_status="normal")
        p.risk_status = "risti"
        p._history_user = self.rahmat
        p.save()
        latest = p.history.latest()
        self.assertEqual(latest.history_user, self.rahmat)
        self.assertEqual(latest.prev_record.risk_status, "normal")
        self.assertEqual(latest.prev_record.history_user, self.sari)
        delta = latest.diff_against(latest.prev_record)
        self.assertEqual(
            [(c.field, c.old, c.new) for c in delta.changes if c.field == "risk_status"],
            [("risk_status", "normal", "risti")],
        )
