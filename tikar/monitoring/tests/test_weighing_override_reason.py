"""gain_override_reason: only for a weighing judged T when typed; turns it into N; in history."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.test import BaseTestCase

from .weighing_helpers import today, weigh

APR, MAY = date(2026, 4, 1), date(2026, 5, 1)
WHY = "Kurva mengikuti garis pertumbuhannya (bidan Rina)"


class OverrideReasonTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        self.child = child(self.sibargot, self.sari, birth_date=date(2025, 1, 2))
        weigh(self.child, APR, "9.0", self.sari)

    def test_it_turns_a_t_into_an_overridden_n(self) -> None:
        visit = weigh(self.child, MAY, "9.1", self.sari, gain_override_reason=WHY)
        visit.refresh_from_db()
        self.assertEqual((visit.weight_gain, visit.gain_overridden), ("N", True))
        self.assertEqual((visit.weight_gain_g, visit.weight_gain_kbm_g), (100, 200))

    def test_it_refuses_the_reason_on_an_n(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            weigh(self.child, MAY, "9.3", self.sari, gain_override_reason=WHY)
        message = caught.exception.message_dict["gain_override_reason"][0]
        self.assertIn("hanya untuk penimbangan yang dinilai T", message)
        self.assertIn("N: naik", message)

    def test_it_refuses_the_reason_on_a_b_an_o_and_a_month_without_weight(self) -> None:
        other = child(self.sibargot, self.sari, birth_date=date(2025, 1, 2), name="Tiur")
        with self.assertRaises(ValidationError):
            weigh(other, date(2026, 2, 1), "8.0", self.sari, gain_override_reason=WHY)  # B
        weigh(other, date(2026, 2, 1), "8.0", self.sari)
        with self.assertRaises(ValidationError):
            weigh(other, APR, "8.0", self.sari, gain_override_reason=WHY)  # O: March skipped
        with self.assertRaises(ValidationError) as caught:
            weigh(other, date(2026, 3, 1), None, self.sari, gain_override_reason=WHY)
        self.assertIn("belum berisi berat badan", str(caught.exception))

    def test_it_keeps_the_reason_in_the_history(self) -> None:
        visit = weigh(self.child, MAY, "9.1", self.sari, gain_override_reason=WHY)
        reasons = list(
            ChildVisit.history.filter(id=visit.pk)
            .order_by("history_id")
            .values_list("gain_override_reason", "history_user__username")
        )
        self.assertEqual(reasons[-1], (WHY, "sari"))
        # Cleared later by the Admin Desa: the history still has who typed it.
        weigh(self.child, MAY, "9.1", self.rahmat, gain_override_reason="")
        reasons = list(
            ChildVisit.history.filter(id=visit.pk)
            .order_by("history_id")
            .values_list("gain_override_reason", flat=True)
        )
        self.assertEqual(reasons[-2:], [WHY, ""])
        self.assertEqual(ChildVisit.objects.get(pk=visit.pk).weight_gain, "T")

    def test_it_keeps_a_stored_reason_when_a_correction_makes_the_weighing_n(self) -> None:
        weigh(self.child, MAY, "9.1", self.sari, gain_override_reason=WHY)
        weigh(self.child, APR, "8.8", self.sari)  # May is now +300 g: N on its own
        may = ChildVisit.objects.get(child=self.child, month=MAY)
        self.assertEqual((may.weight_gain, may.gain_overridden), ("N", False))
        # Saving May again with the same reason is not refused ("when it is typed").
        weigh(self.child, MAY, "9.1", self.sari, gain_override_reason=WHY, home_visit=True)
        self.assertEqual(ChildVisit.objects.get(pk=may.pk).gain_override_reason, WHY)
