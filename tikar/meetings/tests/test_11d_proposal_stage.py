"""proposal_stage: the stage rules, whole rupiah, refusals, scoping and history."""

from __future__ import annotations

from decimal import Decimal

from django.test import override_settings
from django.urls import reverse

from tikar.meetings.models import Proposal
from tikar.meetings.tests.helpers_11d import meeting, proposal
from tikar.test import BaseTestCase

YEAR = 2026


@override_settings(TIKAR_TODAY="2026-11-30")
class ProposalStageTest(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.m = meeting(cls.sibargot, YEAR)
        cls.p = proposal(cls.m, "PMT balita", estimated_cost=2_000_000)

    def post(self, user, data, pk=None, year=YEAR):
        self.login(user)
        url = reverse("proposal_stage", kwargs={"year": year, "pk": pk or self.p.pk})
        return self.client.post(url, {f"p{pk or self.p.pk}-{k}": v for k, v in data.items()})

    def fresh(self) -> Proposal:
        return Proposal.objects.get(pk=self.p.pk)

    def test_it_allocates_with_a_grouped_amount(self) -> None:
        r = self.post(self.rahmat, {"stage": "allocated", "planned_amount": "1.800.000",
                                    "allocated_amount": "1.500.000"})  # fmt: skip
        self.assertEqual(r.status_code, 302)
        p = self.fresh()
        self.assertEqual(p.stage, "allocated")
        self.assertEqual(p.allocated_amount, Decimal(1_500_000))
        self.assertEqual(p.planned_amount, Decimal(1_800_000))
        self.assertEqual(p.updated_by, self.rahmat)

    def test_it_lets_the_kpm_of_the_desa_write_too(self) -> None:
        self.post(self.sari, {"stage": "planned", "planned_amount": "100"})
        self.assertEqual(self.fresh().stage, "planned")

    def test_it_refuses_allocated_without_an_amount(self) -> None:
        r = self.post(self.rahmat, {"stage": "allocated", "allocated_amount": ""})
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.fresh().stage, "proposed")
        page = self.client.get(r["Location"])
        self.assertContains(page, "PMT balita")
        self.assertContains(page, "tidak disimpan")

    def test_it_refuses_realised_without_a_realised_amount(self) -> None:
        self.post(self.rahmat, {"stage": "realised", "allocated_amount": "1000"})
        self.assertEqual(self.fresh().stage, "proposed")

    def test_it_keeps_the_allocated_amount_when_realised(self) -> None:
        self.post(self.rahmat, {"stage": "realised", "allocated_amount": "1000",
                                "realised_amount": "900"})  # fmt: skip
        p = self.fresh()
        self.assertEqual((p.stage, p.allocated_amount, p.realised_amount), ("realised", 1000, 900))

    def test_it_refuses_bad_amounts(self) -> None:
        for bad in ("-5", "1,5", "1500000.50", "abc", "9" * 16, "1.50.000"):
            self.post(self.rahmat, {"stage": "allocated", "allocated_amount": bad})
            self.assertEqual(self.fresh().stage, "proposed", bad)

    def test_it_refuses_an_unknown_stage(self) -> None:
        self.post(self.rahmat, {"stage": "paid", "allocated_amount": "1"})
        self.assertEqual(self.fresh().stage, "proposed")

    def test_it_needs_a_note_to_reject(self) -> None:
        self.post(self.rahmat, {"stage": "rejected", "stage_note": "  "})
        self.assertEqual(self.fresh().stage, "proposed")
        self.post(self.rahmat, {"stage": "rejected", "stage_note": "Dana tidak cukup"})
        p = self.fresh()
        self.assertEqual((p.stage, p.stage_note), ("rejected", "Dana tidak cukup"))

    def test_it_goes_back_a_stage_and_keeps_history(self) -> None:
        self.post(self.rahmat, {"stage": "allocated", "allocated_amount": "1000"})
        self.post(self.rahmat, {"stage": "planned", "planned_amount": "800",
                                "allocated_amount": "1000"})  # fmt: skip
        p = self.fresh()
        self.assertEqual((p.stage, p.allocated_amount, p.planned_amount), ("planned", None, 800))
        stages = [h.stage for h in p.history.order_by("history_date")]
        self.assertEqual(stages[-2:], ["allocated", "planned"])

    def test_it_is_idempotent_on_double_submit(self) -> None:
        data = {"stage": "allocated", "allocated_amount": "1000"}
        self.post(self.rahmat, data)
        self.post(self.rahmat, data)
        self.assertEqual(self.fresh().allocated_amount, 1000)

    def test_it_refuses_get(self) -> None:
        self.login(self.rahmat)
        url = reverse("proposal_stage", kwargs={"year": YEAR, "pk": self.p.pk})
        self.assertEqual(self.client.get(url).status_code, 405)

    def test_it_gives_another_desa_a_404(self) -> None:
        for user in (self.budi, self.yusuf):
            r = self.post(user, {"stage": "allocated", "allocated_amount": "1"})
            self.assertEqual(r.status_code, 404, user)
        self.assertEqual(self.fresh().stage, "proposed")

    def test_it_lets_officers_only_read(self) -> None:
        for user in (self.dewi, self.hendra, self.agus):
            self.login(user)
            url = reverse("proposal_stage", kwargs={"year": YEAR, "pk": self.p.pk})
            r = self.client.post(url + f"?desa={self.sibargot.code}",
                                 {f"p{self.p.pk}-stage": "allocated",
                                  f"p{self.p.pk}-allocated_amount": "1"})  # fmt: skip
            self.assertIn(r.status_code, (403, 404), user)
        self.assertEqual(self.fresh().stage, "proposed")

    def test_it_gives_a_wrong_year_or_unknown_id_a_404(self) -> None:
        r = self.post(self.rahmat, {"stage": "planned"}, year=2025)
        self.assertEqual(r.status_code, 404)
        r = self.post(self.rahmat, {"stage": "planned"}, pk=999999)
        self.assertEqual(r.status_code, 404)
        r = self.post(self.rahmat, {"stage": "planned"}, year=2030)
        self.assertEqual(r.status_code, 404)
