"""proposal_budget: the path, totals by stage, package and source, the share that reached the
APBDes, scoping and read-only officers."""

from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tikar.meetings import totals
from tikar.meetings.models import Proposal
from tikar.meetings.tests.helpers_11d import meeting, proposal
from tikar.test import BaseTestCase

YEAR = 2026


@override_settings(TIKAR_TODAY="2026-11-30")
class BudgetPageTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        m = meeting(cls.sibargot, YEAR)
        proposal(m, "PMT balita", package=2, estimated_cost=4_000_000, stage="allocated",
                 planned_amount=4_000_000, allocated_amount=3_000_000)  # fmt: skip
        proposal(m, "Jamban sehat", package=3, estimated_cost=5_000_000, stage="realised",
                 funding_source="village_other", activity_code="2.4.11",
                 allocated_amount=2_000_000, realised_amount=1_900_000)  # fmt: skip
        proposal(m, "Kelas ibu hamil", package=1, estimated_cost=1_000_000, stage="rejected",
                 stage_note="Dibiayai puskesmas")  # fmt: skip
        cls.url = reverse("proposal_budget", kwargs={"year": YEAR})

    def test_it_totals_by_package_and_source_by_hand(self) -> None:
        path = totals.path_totals(
            Proposal.objects.filter(meeting__village=self.sibargot),
            sources=("dana_desa", "village_other", "apbd", "other"),
        )
        self.assertEqual(path.estimated_cost, 10_000_000)
        self.assertEqual((path.allocated, path.allocated_amount), (2, 5_000_000))
        self.assertEqual((path.realised, path.realised_amount), (1, 1_900_000))
        self.assertEqual(path.rejected, 1)
        pkg = {t.key: (t.proposals, t.estimated_cost) for t in path.by_package}
        self.assertEqual(pkg, {1: (1, 1_000_000), 2: (1, 4_000_000), 3: (1, 5_000_000),
                               4: (0, 0), 5: (0, 0)})  # fmt: skip
        src = {t.key: t.estimated_cost for t in path.by_source}
        self.assertEqual(src, {"dana_desa": 5_000_000, "village_other": 5_000_000, "apbd": 0,
                               "other": 0})  # fmt: skip

    def test_it_shows_the_share_that_reached_the_apbdes(self) -> None:
        self.login(self.rahmat)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "50,00%")  # 5,000,000 of 10,000,000
        self.assertContains(r, "APBDes 2027")
        self.assertContains(r, "Dibiayai puskesmas")
        self.assertContains(r, 'data-testid="allocated-amount">5.000.000<', html=False)
        self.assertContains(r, "Ubah tahap")  # village users get the forms

    def test_it_lets_officers_read_without_forms(self) -> None:
        for user in (self.dewi, self.hendra, self.agus):
            self.login(user)
            r = self.client.get(self.url + f"?desa={self.sibargot.code}")
            self.assertEqual(r.status_code, 200, user)
            self.assertContains(r, "50,00%")
            self.assertNotContains(r, "Ubah tahap")

    def test_it_gives_another_desa_and_area_a_404(self) -> None:
        self.login(self.budi)
        self.assertEqual(self.client.get(self.url + f"?desa={self.sibargot.code}").status_code,
                         404)  # fmt: skip
        self.login(self.tono)
        self.assertEqual(self.client.get(self.url + f"?desa={self.sibargot.code}").status_code,
                         404)  # fmt: skip

    def test_it_shows_budis_own_desa_not_sibargots(self) -> None:
        self.login(self.budi)
        r = self.client.get(self.url)
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, "PMT balita")

    def test_it_refuses_post_and_future_years(self) -> None:
        self.login(self.rahmat)
        self.assertEqual(self.client.post(self.url).status_code, 405)
        self.assertEqual(self.client.get(reverse("proposal_budget", kwargs={"year": 2027}))
                         .status_code, 404)  # fmt: skip
