"""A 30-month child's posyandu weighing changes none of the 0-23 month forms and figures:
Formulir 2b (list and export), 3b and 4 (the scorecard engine), Tugas bulan ini, Formulir 1
and the scorecard roll-ups (stunting prevalence, months recorded)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from tikar.households.tests.factories import child
from tikar.monitoring import queries
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.services import record_month
from tikar.scorecard import rollup
from tikar.scorecard.refresh import evaluate_village_quarter, ruleset_for
from tikar.test import SIBARGOT, BaseTestCase
from tikar.workbooks.exporter import ROWS

from .weighing_helpers import today

APR, MAY = date(2026, 4, 1), date(2026, 5, 1)


class WeighingOnlyCountsTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        # A baby of 10 months with full 2b records, and a child of 29-30 months.
        self.baby = child(self.sibargot, self.sari, birth_date=date(2025, 7, 1), name="Nisa")
        for month, weight in ((APR, "8.0"), (MAY, "8.3")):
            fields = {
                "visit_date": month.replace(day=9),
                "weight_kg": weight,
                "length_cm": "70.0",
                "measured_lying": True,
                "home_visit": True,
                "immunisation_up_to_date": True,
            }
            record_month(self.baby, month, fields, self.sari)
        self.older = child(self.sibargot, self.sari, birth_date=date(2023, 11, 1), name="Tiur")

    def figures(self) -> dict:
        rules = ruleset_for(SIBARGOT, 2026)
        evaluated = evaluate_village_quarter(SIBARGOT, 2026, 2, rules, through=MAY)
        return {
            "tasks": [
                (t.form, str(t.target.pk), t.done) for t in queries.tasks_for_month(SIBARGOT, MAY)
            ],
            "export_2b": ROWS["2b"](self.sibargot, MAY),
            "formulir_3b": sorted(
                (r.target_id, r.stage, tuple(c.value for c in r.cells)) for r in evaluated.children
            ),
            "child_inputs": [
                asdict(c)
                for c in queries.child_inputs(SIBARGOT, 2026, 2)
                if str(c.target_id) == str(self.baby.pk)
            ],
            "formulir1": queries.formulir1_recap(SIBARGOT, date(2026, 5, 20)),
            "prevalence": rollup.latest_measurements(self.hendra, None, 2026, 2, 13),
            "months_recorded": rollup.months_recorded(self.hendra, None, [APR, MAY]),
        }

    def test_it_changes_no_0_23_figure(self) -> None:
        before = self.figures()
        self.assertEqual(len(before["formulir_3b"]), 1)  # the baby only
        for month, weight, length in ((APR, "11.0", "84.0"), (MAY, "11.0", "84.1")):
            fields = {
                "visit_date": month.replace(day=9),
                "weight_kg": weight,
                "length_cm": length,  # stunted: z < -2 at 30 months
                "measured_lying": False,
            }
            record_month(self.older, month, fields, self.sari, form="2b")
        may = ChildVisit.objects.get(child=self.older, month=MAY)
        self.assertTrue(may.is_stunting)
        self.assertEqual(may.weight_gain, "T")
        self.assertEqual(self.figures(), before)
