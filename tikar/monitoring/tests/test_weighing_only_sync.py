"""The sync protocol's path: a weighing-only record and the override reason from a phone."""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.sync.tests.sync_helpers import SyncTestCase, op


class WeighingOnlySyncTests(SyncTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.older = child(self.sibargot, self.sari, birth_date=date(2023, 11, 1), name="Tiur")

    def fields(self, month: str, weight: float, **extra):
        return {
            "target": str(self.older.pk),
            "month": f"{month}-01",
            "visit_date": f"{month}-08",
            "weight_kg": weight,
        } | extra

    def test_it_applies_a_30_month_weighing_and_judges_it(self) -> None:
        self.assertEqual(
            self.one(op("child_visit", self.fields("2026-04", 11.0)))["outcome"], "applied"
        )
        result = self.one(op("child_visit", self.fields("2026-05", 11.0)))
        self.assertEqual(result["outcome"], "applied", result)
        may = ChildVisit.objects.get(pk=result["id"])
        self.assertEqual((may.weight_gain, may.two_t), ("T", False))
        # The answer carries what the phone sent, no derived column.
        self.assertNotIn("weight_gain", result["record"])

    def test_it_accepts_the_override_reason_of_a_t(self) -> None:
        self.one(op("child_visit", self.fields("2026-04", 11.0)))
        why = "mengikuti garis pertumbuhannya"
        result = self.one(op("child_visit", self.fields("2026-05", 11.0, gain_override_reason=why)))
        self.assertEqual(result["outcome"], "applied", result)
        self.assertEqual(result["record"]["gain_override_reason"], why)
        may = ChildVisit.objects.get(pk=result["id"])
        self.assertEqual((may.weight_gain, may.gain_overridden), ("N", True))

    def test_it_refuses_a_service_answer_in_words(self) -> None:
        result = self.one(op("child_visit", self.fields("2026-05", 11.0, latrine=True)))
        self.assertEqual(result["outcome"], "refused", result)
        self.assertIn("latrine", result["errors"])
        self.assertIn("hanya berisi penimbangan", str(result["errors"]["latrine"]))

    def test_it_carries_the_reason_but_no_judgement_in_the_download(self) -> None:
        self.one(op("child_visit", self.fields("2026-05", 11.0)))
        records = self.snapshot()
        visit = next(
            r
            for r in records
            if r["kind"] == "child_visit" and r["fields"].get("weight_kg") == 11.0
        )
        self.assertIn("gain_override_reason", visit["fields"])
        self.assertNotIn("weight_gain", visit["fields"])
        self.assertNotIn("two_t", visit["fields"])
