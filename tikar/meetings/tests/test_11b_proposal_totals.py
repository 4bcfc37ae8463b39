"""The meeting page's totals by service package and by funding source, against hand sums."""

from __future__ import annotations

from decimal import Decimal

from django.test import override_settings

from tikar.meetings.models import Proposal
from tikar.meetings.tests.base_11b import TODAY, MeetingCase

# (activity, package, source, cost); the set-up adds "PMT balita", package 2, Dana Desa, 12 jt.
LINES = [
    ("Kelas ibu hamil", 1, "dana_desa", 4_800_000),
    ("Sambungan air", 3, "dana_desa", 45_000_000),
    ("Jamban sehat", 3, "apbd", 30_500_000),
    ("BKB", 5, "village_other", 7_250_000),
    ("Akta kelahiran", 4, "other", 1_000_000),
]


@override_settings(TIKAR_TODAY=TODAY)
class ProposalTotalsTests(MeetingCase):
    def test_it_shows_totals_by_package_and_source_that_match_hand_sums(self):
        for activity, package, source, cost in LINES:
            Proposal.objects.create(meeting=self.meeting, activity=activity, package=package,
                                    kind="sensitive", funding_source=source,
                                    estimated_cost=Decimal(cost))  # fmt: skip
        self.login(self.rahmat)
        r = self.client.get(self.url("meeting"))
        by_package = {p.key: p for p in r.context["totals"].by_package}
        by_source = {s.key: s for s in r.context["totals"].by_source}
        # By hand: package 1 = 4.8 jt; 2 = 12 jt; 3 = 45 + 30.5 = 75.5 jt; 4 = 1 jt; 5 = 7.25 jt.
        self.assertEqual(
            {k: (t.proposals, t.estimated_cost) for k, t in by_package.items()},
            {1: (1, 4_800_000), 2: (1, 12_000_000), 3: (2, 75_500_000), 4: (1, 1_000_000),
             5: (1, 7_250_000)},
        )  # fmt: skip
        # Dana Desa = 12 + 4.8 + 45 = 61.8 jt; APBD 30.5; other APBDes 7.25; others 1.
        self.assertEqual(
            {k: (t.proposals, t.estimated_cost) for k, t in by_source.items()},
            {"dana_desa": (3, 61_800_000), "village_other": (1, 7_250_000),
             "apbd": (1, 30_500_000), "other": (1, 1_000_000)},
        )  # fmt: skip
        self.assertEqual(r.context["totals"].estimated_cost, 100_550_000)
        self.assertContains(r, "100.550.000")  # grand total, grouped as written in Indonesia
        self.assertContains(r, "61.800.000")
        self.assertContains(r, "75.500.000")
