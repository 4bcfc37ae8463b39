"""Bad input on the rembuk pages: Indonesian decimals, huge ids, wrong methods; never a 500."""

from __future__ import annotations

from decimal import Decimal

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.models import VillageMeeting
from tikar.meetings.tests.base_11b import PROPOSAL, TODAY, YEAR, MeetingCase

HUGE = 10**30


@override_settings(TIKAR_TODAY=TODAY)
class BadInputTests(MeetingCase):
    def test_it_reads_decimals_written_with_a_comma(self):
        self.login(self.rahmat)
        form = {"held_on": "2026-06-10", "place": "Balai Desa", "stunting_target_percent": "12,5",
                "quarterly_coordination": "on"}  # fmt: skip
        self.assertEqual(self.client.post(self.url("meeting"), form).status_code, 302)
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.stunting_target_percent, Decimal("12.5"))
        r = self.client.post(self.url("meeting"), form | {"stunting_target_percent": "12,345"})
        self.assertContains(r, "paling banyak 2 desimal", status_code=400)
        r = self.client.post(self.url("proposal_new"), PROPOSAL | {"volume": "2,5"})
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.meeting.proposals.get(activity=PROPOSAL["activity"]).volume,
                         Decimal("2.5"))  # fmt: skip

    def test_it_answers_404_to_huge_and_foreign_ids(self):
        self.login(self.rahmat)
        self.assertEqual(self.client.get(self.url("proposal_edit", HUGE)).status_code, 404)
        self.assertEqual(
            self.client.get(self.url("proposal_edit", self.other_proposal.pk)).status_code, 404
        )
        self.assertEqual(self.client.post(self.url("proposal_delete", HUGE)).status_code, 302)
        self.assertEqual(self.client.post(self.url("participant_delete", HUGE)).status_code, 302)
        self.client.post(self.url("participant_delete", self.other_participant.pk))
        self.client.post(self.url("proposal_delete", self.other_proposal.pk))
        self.assertTrue(self.other.participants.exists())
        self.assertTrue(self.other.proposals.exists())

    def test_it_refuses_wrong_methods(self):
        self.login(self.rahmat)
        for name, args in (("meeting_snapshot", ()), ("participant_add", ()),
                           ("participant_delete", (1,)), ("proposal_delete", (1,))):  # fmt: skip
            self.assertEqual(self.client.get(self.url(name, *args)).status_code, 405, name)
        self.assertEqual(self.client.put(self.url("meeting")).status_code, 405)
        self.assertEqual(self.client.post(reverse("meeting_current")).status_code, 405)

    def test_it_answers_404_on_children_of_a_year_without_a_meeting(self):
        self.login(self.rahmat)
        self.assertEqual(self.client.post(reverse("participant_add", args=[2025]),
                                          {"name": "A", "group": "pkk", "sex": "P"}).status_code,
                         404)  # fmt: skip
        self.assertEqual(self.client.get(reverse("proposal_new", args=[2025])).status_code, 404)
        self.assertFalse(VillageMeeting.objects.filter(year=2025).exists())
        self.assertEqual(YEAR, 2026)
