"""Validating (locking) a desa's quarter, and reopening it with a reason."""

from __future__ import annotations

from unittest import mock

from django.core.exceptions import ValidationError
from django.urls import reverse

from tikar.monitoring.models import PregnancyVisit
from tikar.monitoring.services import record_month
from tikar.scorecard.models import QuarterLock, QuarterReopening, QuarterResult
from tikar.scorecard.tests.desa import MAR, QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase

LOCKED = (
    "Kuartal I 2026 sudah divalidasi Admin Desa; minta Admin Desa membuka kembali kuartal ini "
    "untuk mengubah data"
)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class QuarterLockTests(BaseTestCase):
    def lock(self) -> None:
        self.login(self.rahmat)
        response = self.client.post(reverse("quarter_lock", args=[YEAR, QUARTER]), {"confirm": "1"})
        self.assertRedirects(response, reverse("scorecard", args=[YEAR, QUARTER]))

    def test_it_refuses_a_change_to_a_locked_quarter_and_changes_nothing(self, _) -> None:
        t = build_sibargot(self)
        self.lock()
        visit = PregnancyVisit.objects.get(pregnancy=t["ani"], month=MAR)
        with self.assertRaises(ValidationError) as ctx:
            record_month(t["ani"], MAR, {"health_insurance": True}, self.sari)
        self.assertEqual(ctx.exception.messages, [LOCKED])
        # A direct save and a delete are refused too (the model-level check).
        visit.health_insurance = True
        with self.assertRaises(ValidationError):
            visit.save()
        with self.assertRaises(ValidationError):
            PregnancyVisit.objects.get(pk=visit.pk).soft_delete(self.sari)
        fresh = PregnancyVisit.objects.get(pk=visit.pk)
        self.assertFalse(fresh.health_insurance)
        self.assertIsNone(fresh.deleted_at)
        self.assertEqual(fresh.version, visit.version)

    def test_it_shows_the_message_on_the_monthly_entry_screen(self, _) -> None:
        t = build_sibargot(self)
        self.lock()
        self.login(self.sari)
        url = reverse("record_month", kwargs={"pk": t["ani"].pk, "year": 2026, "month": 3})
        form = {
            "gestation_month": "6",
            "risk_status": "normal",
            "anc_check": "0",
            "iron_tablets": "1",
            "postnatal_checks": "0",
            "nutrition_counselling": "0",
            "home_visit": "0",
            "safe_water": "1",
            "latrine": "1",
            "health_insurance": "1",
        }
        response = self.client.post(url, form)
        self.assertContains(response, "sudah divalidasi Admin Desa")
        self.assertFalse(PregnancyVisit.objects.get(pregnancy=t["ani"], month=MAR).health_insurance)

    def test_it_freezes_the_validated_figures(self, _) -> None:
        build_sibargot(self)
        self.lock()
        rows = QuarterResult.objects.filter(village=self.sibargot, year=YEAR, quarter=QUARTER)
        self.assertEqual(rows.count(), 3)
        self.login(self.sari)
        page = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]))
        self.assertContains(page, "Divalidasi oleh")

    def test_it_allows_the_change_after_reopening_with_a_reason_and_records_it(self, _) -> None:
        t = build_sibargot(self)
        self.lock()
        url = reverse("quarter_reopen", args=[YEAR, QUARTER])
        self.client.post(url, {"reason": ""})  # no reason: still locked
        self.assertTrue(QuarterLock.objects.get(village=self.sibargot).is_locked)

        self.client.post(url, {"reason": "Kartu BPJS Ani ternyata sudah terbit bulan Maret."})
        lock = QuarterLock.objects.get(village=self.sibargot, year=YEAR, quarter=QUARTER)
        self.assertFalse(lock.is_locked)
        reopening = QuarterReopening.objects.get(lock=lock)
        self.assertEqual(reopening.reopened_by, self.rahmat)
        self.assertIn("BPJS", reopening.reason)
        # The lock's history: created, locked, reopened; each with the user.
        states = [
            (h.locked_at is not None, h.history_user) for h in lock.history.order_by("history_id")
        ]
        self.assertEqual(states[-2:], [(True, self.rahmat), (False, self.rahmat)])

        record_month(t["ani"], MAR, {"health_insurance": True}, self.sari)
        self.login(self.sari)
        data = self.client.get(reverse("scorecard", args=[YEAR, QUARTER]) + "?format=json").json()
        self.assertEqual(data["table3_indicators"]["pregnancy"][7]["received"], 1)
        self.assertIsNone(data["validated"])

    def test_it_lets_only_the_admin_desa_of_the_desa_validate(self, _) -> None:
        build_sibargot(self)
        url = reverse("quarter_lock", args=[YEAR, QUARTER])
        self.login(self.sari)  # KPM of the desa
        self.assertEqual(self.client.post(url).status_code, 403)
        self.login(self.yusuf)  # Admin Desa of Bandar Kumbul naming Sibargot
        self.assertEqual(self.client.post(url + "?desa=" + self.sibargot.code).status_code, 404)
        self.login(self.dewi)  # kecamatan officer: reads, never validates
        self.assertEqual(self.client.post(url + "?desa=" + self.sibargot.code).status_code, 403)
        self.assertFalse(QuarterLock.objects.exists())
