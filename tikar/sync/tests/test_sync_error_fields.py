"""A refused operation names the field the phone sent, in Indonesian words (a fresh user's
attack, issue 9): "target" for every monthly kind, never "Field ini"."""

from __future__ import annotations

from uuid import uuid4

from .sync_helpers import SyncTestCase, op


class ErrorFieldTests(SyncTestCase):
    def test_it_puts_a_bad_target_under_target(self) -> None:
        for target in (str(self.budi_child.pk), str(uuid4()), "bukan-uuid"):
            fields = {"target": target, "month": "2026-05-01", "home_visit": True}
            result = self.one(op("child_visit", fields))
            self.assertEqual(result["outcome"], "refused", result)
            self.assertIn("target", result["errors"], result)
            self.assertNotIn("child", result["errors"], result)

    def test_it_says_kolom_not_field_for_an_empty_required_answer(self) -> None:
        fields = {"target": str(self.sari_child.pk), "month": "2026-05-01"}
        result = self.one(op("paud_record", fields))
        self.assertEqual(result["outcome"], "refused", result)
        self.assertNotIn("Field ini", str(result["errors"]))
