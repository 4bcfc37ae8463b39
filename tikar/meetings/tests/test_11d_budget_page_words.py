"""The budget page: an RKPDes amount not entered is not "Rp 0"; "Not accepted" shows "–"."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.tests.helpers_11d import meeting, proposal
from tikar.test import BaseTestCase


@override_settings(TIKAR_TODAY="2026-11-30")
class BudgetPageWordsTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.m = meeting(cls.sibargot, 2026)
        cls.p = proposal(cls.m, "PMT balita", stage="planned")
        proposal(cls.m, "Ditolak", stage="rejected", stage_note="x")

    def page(self):
        self.login(self.rahmat)
        return self.client.get(reverse("proposal_budget", kwargs={"year": 2026}))

    def test_it_says_the_rkpdes_amount_is_not_entered(self) -> None:
        r = self.page()
        self.assertContains(
            r, 'data-testid="planned-amount"><span class="muted">jumlah belum diisi'
        )
        self.assertContains(r, 'data-testid="rejected-amount">–<')
        self.p.planned_amount = 1_500_000
        self.p.save()
        r = self.page()
        self.assertContains(r, 'data-testid="planned-amount">1.500.000<')
