"""The scorecard presented at the meeting is frozen: later monthly records do not change it."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tikar.meetings.models import VillageMeeting
from tikar.meetings.views_meeting import default_quarter, snapshot_quarters
from tikar.monitoring.services import record_month
from tikar.scorecard.models import QuarterLock
from tikar.scorecard.tests.desa import FEB, TODAY, build_sibargot
from tikar.test import SIBARGOT, BaseTestCase


@override_settings(TIKAR_TODAY=TODAY)
@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class SnapshotTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_sibargot(self)
        # 10 April 2026: quarter I 2026 is the latest completed one.
        self.meeting = VillageMeeting.objects.create(
            village=self.sibargot, year=2026, held_on=date(2026, 4, 10), place="Balai Desa",
            stunting_target_percent=10,
        )  # fmt: skip
        self.url = reverse("meeting_snapshot", args=[2026])

    def test_it_freezes_the_quarter_and_keeps_it_after_a_monthly_record_changes(self, _):
        self.login(self.rahmat)
        r = self.client.post(self.url, {"quarter": "2026-1"})
        self.assertEqual(r.status_code, 302)
        self.meeting.refresh_from_db()
        snap = self.meeting.scorecard_snapshot
        self.assertEqual((self.meeting.scorecard_year, self.meeting.scorecard_quarter), (2026, 1))
        self.assertIsNotNone(self.meeting.snapshot_taken_at)
        # desa.py by hand: table 4 total 13 / 24 = 54.17 %, 1 pregnancy, 2 children.
        self.assertEqual(snap["table4_convergence"]["total"]["percent"], "54.17")
        self.assertEqual(snap["table1_targets"]["children"], 2)
        # Bayu's February record now says the parenting class was attended: the live
        # scorecard changes (his indicator 10 from T to Y) ...
        yes = dict.fromkeys(("immunisation_up_to_date", "counselling_mother", "home_visit",
                             "safe_water", "latrine", "birth_certificate", "health_insurance",
                             "parenting_class", "counselling_father"), True)  # fmt: skip
        record_month(self.targets["bayu"], FEB, yes | {"visit_date": date(2026, 2, 12),
                                                       "weight_kg": "7.8"}, self.sari)  # fmt: skip
        from tikar.scorecard import report
        from tikar.scorecard.refresh import ensure_fresh

        ensure_fresh(SIBARGOT, 2026, 1)
        live = report.scorecard_data(self.sibargot, 2026, 1)
        self.assertNotEqual(live["table4_convergence"]["total"]["percent"], "54.17")
        # ... the frozen one does not.
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.scorecard_snapshot, snap)
        page = self.client.get(reverse("meeting", args=[2026]))
        self.assertContains(page, "54,17%")
        # 0 of 2 children stunted in the snapshot: "now 0.00 %, target 10 %".
        self.assertContains(page, "Stunting saat ini 0,00%")
        self.assertContains(page, "target 2027: 10,00%")

    def test_it_asks_before_freezing_again_and_keeps_the_old_one_in_the_history(self, _):
        self.login(self.rahmat)
        self.client.post(self.url, {"quarter": "2026-1"})
        first = VillageMeeting.objects.get(pk=self.meeting.pk).snapshot_taken_at
        r = self.client.post(self.url, {"quarter": "2025-4"})
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "Bekukan scorecard lagi?")
        self.meeting.refresh_from_db()
        self.assertEqual(
            (self.meeting.scorecard_quarter, self.meeting.snapshot_taken_at), (1, first)
        )
        r = self.client.post(self.url, {"quarter": "2025-4", "confirm": "on"})
        self.assertEqual(r.status_code, 302)
        self.meeting.refresh_from_db()
        self.assertEqual((self.meeting.scorecard_year, self.meeting.scorecard_quarter), (2025, 4))
        quarters = [h.scorecard_quarter for h in self.meeting.history.all()]
        self.assertIn(1, quarters)
        self.assertEqual(self.meeting.history.first().history_user, self.rahmat)

    def test_it_refuses_quarters_after_the_meeting_and_officers(self, _):
        self.login(self.rahmat)
        for bad in ("2026-2", "2026-5", "abc", ""):
            self.client.post(self.url, {"quarter": bad})
        self.meeting.refresh_from_db()
        self.assertIsNone(self.meeting.scorecard_snapshot)
        self.assertEqual(self.client.get(self.url).status_code, 405)
        self.login(self.dewi)
        r = self.client.post(self.url + f"?desa={SIBARGOT}", {"quarter": "2026-1"})
        self.assertEqual(r.status_code, 403)
        self.login(self.budi)
        self.assertEqual(self.client.post(self.url + f"?desa={SIBARGOT}",
                                          {"quarter": "2026-1"}).status_code, 404)  # fmt: skip

    def test_it_defaults_to_the_latest_validated_quarter_before_the_meeting(self, _):
        choices = snapshot_quarters(self.meeting, TODAY)
        self.assertEqual(choices[:2], [(2026, 1), (2025, 4)])
        self.assertEqual(default_quarter(self.meeting, TODAY), (2026, 1))
        QuarterLock.objects.create(village=self.sibargot, year=2025, quarter=4,
                                   locked_at=timezone.now())  # fmt: skip
        QuarterLock.objects.create(village=self.sibargot, year=2026, quarter=1)  # reopened
        self.assertEqual(default_quarter(self.meeting, TODAY), (2025, 4))
