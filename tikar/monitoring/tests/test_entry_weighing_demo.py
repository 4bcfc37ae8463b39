"""On the demo, Sari's desa has the issue's stunted girl with a flat weight: 2T and stunted."""

from __future__ import annotations

from django.test import TestCase

from tikar.front import demo_population as demo
from tikar.households.models import Child
from tikar.monitoring.models import ChildVisit
from tikar.test import SIBARGOT


class DemoFlatWeightTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        demo.populate([SIBARGOT])

    def test_it_has_the_stunted_girl_whose_latest_weighings_are_2t(self) -> None:
        found = []
        for child in Child.objects.alive().filter(village_id=SIBARGOT, sex="P"):
            weighed = list(
                ChildVisit.objects.alive()
                .filter(child=child, weighed=True)
                .order_by("month")
                .values_list("weight_kg", "weight_gain", "two_t", "is_stunting")
            )
            weights = [str(w) for w, *_ in weighed[-3:]]
            if weights == list(demo.FLAT_WEIGHTS):
                found.append((child, weighed))
        self.assertEqual(len(found), 1, found)
        _child, weighed = found[0]
        (_w1, *_), (_w2, code2, two_t2, _s2), (_w3, code3, two_t3, stunted3) = weighed[-3:]
        self.assertEqual((code2, code3, two_t3, stunted3), ("T", "T", True, True))
        # Stunted for many months: every length measured from the fourth month on.
        stunted = [s for *_, s in weighed]
        self.assertGreaterEqual(sum(stunted), 10)

    def test_it_stores_a_judgement_for_every_weighing_and_one_override(self) -> None:
        visits = ChildVisit.objects.alive().filter(village_id=SIBARGOT)
        self.assertFalse(visits.filter(weighed=True, weight_gain="").exists())
        self.assertFalse(visits.filter(weighed=False).exclude(weight_gain="").exists())
        overridden = visits.get(gain_overridden=True)
        self.assertEqual(
            (overridden.weight_gain, overridden.gain_override_reason),
            ("N", demo.OVERRIDE_REASON),
        )

    def test_it_weighs_children_24_59_months_with_no_service_answers(self) -> None:
        from tikar.monitoring import rules

        weighing_only = [
            v
            for v in ChildVisit.objects.alive().filter(village_id=SIBARGOT).select_related("child")
            if rules.is_weighing_only_month(v.child.birth_date, v.month)
        ]
        self.assertGreater(len(weighing_only), 50)
        for v in weighing_only:
            self.assertEqual(
                rules.check_weighing_only(v.child.birth_date, v.month, v.answered()), []
            )
            self.assertEqual(v.measured_lying, False if v.length_cm is not None else None)
