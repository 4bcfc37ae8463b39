"""The small things of the meeting and proposal pages: "Dusun" not doubled, suggestions
normalised, free-text limits, 400 on an invalid meeting, the warning before removing an
allocated proposal, percentages with a decimal comma."""

from __future__ import annotations

from decimal import Decimal

from tikar.households.models import Household
from tikar.meetings.forms import percent_label
from tikar.meetings.tests.base_11b import MeetingCase
from tikar.meetings.views_meeting import dusun_names

MEETING = {"held_on": "2026-06-10", "place": "Balai Desa", "quarterly_coordination": "on"}


class MeetingPageWordsTests(MeetingCase):
    def test_it_does_not_write_dusun_twice(self):
        self.proposal.dusun = "Dusun I"
        self.proposal.save()
        self.login(self.rahmat)
        page = self.client.get(self.url("meeting"))
        self.assertContains(page, "Dusun I")
        self.assertNotContains(page, "Dusun Dusun")

    def test_it_suggests_each_dusun_once(self):
        hh = Household.objects.filter(village=self.sibargot).first()
        names = dusun_names(self.sibargot, self.rahmat)
        self.assertEqual(len(names), len({n.casefold() for n in names}))
        if hh is not None:
            self.assertTrue(all(n == " ".join(n.split()) for n in names))

    def test_it_limits_the_free_text_and_answers_400(self):
        self.login(self.rahmat)
        for name in ("facilitators", "agenda", "commitments"):
            r = self.client.post(self.url("meeting"), MEETING | {name: "x" * 2001})
            self.assertContains(r, "paling banyak 2000 karakter", status_code=400)
        r = self.client.post(self.url("meeting"), MEETING | {"agenda": "x" * 2000})
        self.assertEqual(r.status_code, 302)

    def test_it_warns_before_removing_an_allocated_proposal(self):
        self.login(self.rahmat)
        url = self.url("proposal_edit", self.proposal.pk)
        self.assertNotContains(self.client.get(url), "delete-allocated-warning")
        self.proposal.stage, self.proposal.allocated_amount = "allocated", Decimal(5_000_000)
        self.proposal.save()
        page = self.client.get(url)
        self.assertContains(page, "delete-allocated-warning")
        self.assertContains(page, "isian awal tabel 5")

    def test_it_writes_percentages_with_a_decimal_comma(self):
        from django.utils import translation

        with translation.override("id"):
            self.assertEqual(percent_label("82.35"), "82,35 %")
            self.assertEqual(percent_label(Decimal("50")), "50,00 %")
