"""Number inputs refuse exponents and non-ASCII digits; the decimal comma stays accepted."""

from __future__ import annotations

from decimal import Decimal

from tikar.meetings.tests.base_11b import PROPOSAL, MeetingCase

MEETING = {"held_on": "2026-06-10", "place": "Balai Desa", "quarterly_coordination": "on"}


class NumberSyntaxTests(MeetingCase):
    def test_it_refuses_an_exponent_or_foreign_digits_in_the_volume_and_cost(self):
        self.login(self.rahmat)
        before = self.meeting.proposals.count()
        for change in ({"volume": "1e9"}, {"volume": "１２"}, {"volume": "NaN"},
                       {"estimated_cost": "1e9"}, {"estimated_cost": "١٢٣"}):  # fmt: skip
            with self.subTest(change=change):
                r = self.client.post(self.url("proposal_new"), PROPOSAL | change)
                self.assertEqual(r.status_code, 400)
                self.assertContains(r, "Tulis", status_code=400)
        self.assertEqual(self.meeting.proposals.count(), before)
        r = self.client.post(self.url("proposal_new"), PROPOSAL | {"volume": "2,5"})
        self.assertEqual(r.status_code, 302)
        self.assertTrue(self.meeting.proposals.filter(volume=Decimal("2.5")).exists())

    def test_it_refuses_an_exponent_in_the_stunting_target(self):
        self.login(self.rahmat)
        for bad in ("1e1", "１２", "Infinity"):
            r = self.client.post(self.url("meeting"), MEETING | {"stunting_target_percent": bad})
            self.assertContains(r, "Tulis target sebagai angka", status_code=400)
        self.client.post(self.url("meeting"), MEETING | {"stunting_target_percent": "12,5"})
        self.meeting.refresh_from_db()
        self.assertEqual(self.meeting.stunting_target_percent, Decimal("12.5"))
