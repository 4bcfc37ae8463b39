"""The stored QuarterResult rows are the engine's answers, and follow the monthly records."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.urls import reverse

from tikar.monitoring import queries
from tikar.monitoring.services import record_month
from tikar.scorecard.evaluate import evaluate_child, evaluate_paud, evaluate_pregnancy
from tikar.scorecard.models import DirtyQuarter, QuarterResult
from tikar.scorecard.refresh import refresh_dirty, refresh_village_quarter
from tikar.scorecard.tests.desa import FEB, MAR, QUARTER, TODAY, YEAR, build_sibargot
from tikar.test import BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class StoredResultTests(BaseTestCase):
    def test_it_stores_exactly_what_the_engine_computes(self, _) -> None:
        t = build_sibargot(self)
        refresh_village_quarter(self.sibargot, YEAR, QUARTER)
        code = self.sibargot.code
        engine = {}
        for p in queries.pregnancy_inputs(code, YEAR, QUARTER):
            engine[("pregnancy", p.target_id)] = evaluate_pregnancy(p, YEAR, QUARTER)
        for c in queries.child_inputs(code, YEAR, QUARTER):
            engine[("child", c.target_id)] = evaluate_child(c, YEAR, QUARTER)
        for k in queries.paud_inputs(code, YEAR, QUARTER):
            engine[("paud", k.target_id)] = evaluate_paud(k, YEAR, QUARTER)
        stored = {
            (r.group, str(r.target_id)): r
            for r in QuarterResult.objects.filter(village=self.sibargot, year=YEAR, quarter=1)
        }
        self.assertEqual(set(stored), {k for k, v in engine.items() if v is not None})
        for key, row in stored.items():
            result = engine[key]
            self.assertEqual(row.values, [c.value for c in result.cells], key)
            self.assertEqual((row.received, row.expected), (result.received, result.expected))
            self.assertEqual(row.stage, result.stage)
            self.assertEqual(row.ruleset_name, "anc4-pnc3")
        # The hand-worked rows of desa.py.
        ani = stored[("pregnancy", str(t["ani"].pk))]
        self.assertEqual(ani.values, ["Y", "Y", "TS", "Y", "TS", "Y", "Y", "T"])
        self.assertEqual(ani.household_id, t["ani"].mother.household_id)
        bayu = stored[("child", str(t["bayu"].pk))]
        self.assertEqual(bayu.values, ["Y"] * 4 + ["TS"] + ["Y"] * 4 + ["T"])
        self.assertTrue(bayu.father_attended)
        citra = stored[("child", str(t["citra"].pk))]
        self.assertEqual((citra.received, citra.expected), (0, 9))

    def test_it_marks_the_quarter_dirty_and_the_page_shows_the_new_number(self, _) -> None:
        t = build_sibargot(self)
        self.login(self.sari)
        url = reverse("scorecard", args=[YEAR, QUARTER]) + "?format=json"
        before = self.client.get(url).json()
        self.assertEqual(before["table3_indicators"]["pregnancy"][7]["received"], 0)
        self.assertFalse(DirtyQuarter.objects.filter(village=self.sibargot, quarter=1).exists())

        # Ani's insurance in March (her latest record) now yes: jaminan kesehatan Y.
        record_month(t["ani"], MAR, {"health_insurance": True}, self.sari)
        self.assertTrue(
            DirtyQuarter.objects.filter(village=self.sibargot, year=YEAR, quarter=1).exists()
        )
        after = self.client.get(url).json()
        self.assertEqual(after["table3_indicators"]["pregnancy"][7]["received"], 1)
        self.assertEqual(after["table4_convergence"]["pregnancy"]["received"], 6)
        self.assertFalse(DirtyQuarter.objects.filter(village=self.sibargot, quarter=1).exists())

    def test_it_drops_a_deleted_record_after_refresh(self, _) -> None:
        t = build_sibargot(self)
        refresh_village_quarter(self.sibargot, YEAR, QUARTER)
        citra_jan = t["citra"].visits.get()
        citra_jan.soft_delete(self.sari)  # her only record: no longer monitored this quarter
        self.assertEqual(refresh_dirty(), 2)  # quarter I and II (the carried status)
        self.assertFalse(DirtyQuarter.objects.exists())
        self.assertFalse(QuarterResult.objects.filter(target_id=t["citra"].pk, year=YEAR).exists())

    def test_it_marks_the_later_quarters_a_child_measurement_feeds(self, _) -> None:
        # The length rule looks back 6 months and the status gizi carries forward.
        t = build_sibargot(self)
        DirtyQuarter.objects.all().delete()
        record_month(t["bayu"], FEB, {"home_visit": False}, self.sari)
        marked = set(
            DirtyQuarter.objects.filter(village=self.sibargot).values_list("year", "quarter")
        )
        self.assertEqual(marked, {(2026, 1), (2026, 2)})  # up to today's quarter, no further
        self.assertLess(date(2026, 2, 1), TODAY)
