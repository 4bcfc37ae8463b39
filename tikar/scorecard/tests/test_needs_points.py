"""Points of a need: how much the village's tingkat konvergensi rises (tikar.scorecard.needs).

A hand-computed village on 15 November 2026 (quarter IV, evaluated through November):

- Ani, TM3 (gestation 7, 8), Normal: ANC in neither month (needs 2: T), Fe both months (Y),
  nifas TS, counselling in October only (needs 2: T), home visit TS, water Y, latrine Y,
  insurance no (T) → received 3, expected 6; needs: ANC (2 more), counselling (1 more),
  insurance.
- Bayu, born 10 Jan 2026 (9-10 months): immunisation basic + measles (Y), weighed in October
  only (T), never measured (T), counselling Y, home visit TS (normal), water / latrine / akta /
  insurance Y, kelas pengasuhan missed in October (T, closed) → received 6, expected 9;
  needs: weighed, measured (kelas pengasuhan cannot be turned).
- Citra, born 1 Jun 2025, stunted: everything yes except the November home visit → received
  9, expected 10; need: home visit.

Pooled: (3 + 6 + 9) / (6 + 9 + 10) = 18 / 25 = 72.00 %. One need met: 19 / 25 = 76.00 %, so
+4.00 points each; all six: 24 / 25 = 96.00 %, +24.00.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from unittest import TestCase

from tikar.monitoring.records import ChildInput, PregnancyInput
from tikar.scorecard.evaluate import evaluate_child, evaluate_pregnancy, scorecard
from tikar.scorecard.needs import convergence_totals, gain, target_needs, with_points
from tikar.scorecard.tests.factories import cm, pm

TODAY, THROUGH = date(2026, 11, 15), date(2026, 11, 1)
YES = {
    "weighed": True, "measured": True, "immunisation_up_to_date": True,
    "immunisation_basic_complete": True, "immunisation_measles": True,
    "counselling_mother": True, "home_visit": True, "safe_water": True, "latrine": True,
    "birth_certificate": True, "health_insurance": True, "parenting_class": True,
}  # fmt: skip
STUNTED = frozenset({"stunting"})
ANI_BASE = {"iron_tablets": True, "safe_water": True, "latrine": True}

ANI = PregnancyInput("ani", None, (
    pm(2026, 10, gestation_month=7, nutrition_counselling=True, **ANI_BASE),
    pm(2026, 11, gestation_month=8, **ANI_BASE),
))  # fmt: skip
BAYU = ChildInput("bayu", date(2026, 1, 10), (
    cm(2026, 10, **YES | {"measured": False, "parenting_class": False}),
    cm(2026, 11, **YES | {"measured": False, "weighed": False}),
))  # fmt: skip
CITRA = ChildInput("citra", date(2025, 6, 1), (
    cm(2026, 10, **YES, nutrition_status=STUNTED),
    cm(2026, 11, **YES | {"home_visit": False}, nutrition_status=STUNTED),
))  # fmt: skip


class VillagePointsTests(TestCase):
    def setUp(self):
        self.ani = evaluate_pregnancy(ANI, 2026, 4, through=THROUGH)
        self.kids = [evaluate_child(c, 2026, 4, through=THROUGH) for c in (BAYU, CITRA)]
        self.received, self.expected = convergence_totals([self.ani, *self.kids])

    def test_it_takes_the_scorecards_pooled_figure(self):
        total = scorecard([self.ani], self.kids).total_convergence
        self.assertEqual((self.received, self.expected), (18, 25))
        self.assertEqual((total.received, total.expected), (18, 25))
        self.assertEqual(total.percent, Decimal("72.00"))

    def test_it_lists_the_hand_computed_needs(self):
        found = {
            t.target_id: sorted(n.code for n in target_needs(t, r, 2026, 4, TODAY))
            for t, r in ((ANI, self.ani), (BAYU, self.kids[0]), (CITRA, self.kids[1]))
        }
        self.assertEqual(
            found,
            {
                "ani": ["anc_check", "health_insurance", "nutrition_counselling"],
                "bayu": ["measured", "weighed"],
                "citra": ["home_visit"],
            },
        )

    def test_it_gives_each_need_the_rise_of_one_cell(self):
        needs = with_points(target_needs(CITRA, self.kids[1], 2026, 4, TODAY), 18, 25)
        self.assertEqual([n.points for n in needs], [Decimal("4.00")])

    def test_it_gives_the_total_when_every_need_is_met(self):
        self.assertEqual(gain(18, 25, 6), Decimal("24.00"))

    def test_it_subtracts_the_rounded_figures(self):
        # 1/3 = 33.33 %, 2/3 = 66.67 %: the rise shown is what the scorecard will show.
        self.assertEqual(gain(1, 3, 1), Decimal("33.34"))
        self.assertEqual(gain(0, 0, 1), Decimal("0.00"))
        self.assertEqual(gain(2, 3, 5), Decimal("33.33"))  # never above 100 %
