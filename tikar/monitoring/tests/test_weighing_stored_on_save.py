"""Each save stores the month's N/T/O/B, gain and KBM, and re-judges the later months only in
their derived columns (no new version, no history row, nothing for the phones to download)."""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child
from tikar.monitoring.models import ChildVisit
from tikar.test import BaseTestCase

from .weighing_helpers import codes, today, weigh

JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


class StoredOnSaveTests(BaseTestCase):
    def setUp(self) -> None:
        patcher = today()
        patcher.start()
        self.addCleanup(patcher.stop)
        # Born 2 January 2025: 12 months on 10 January 2026, KBM 200 g from then on.
        self.child = child(self.sibargot, self.sari, birth_date=date(2025, 1, 2))

    def test_it_stores_b_then_n_then_t_with_gain_and_kbm(self) -> None:
        weigh(self.child, JAN, "8.0", self.sari)
        weigh(self.child, FEB, "8.2", self.sari)
        mar = weigh(self.child, MAR, "8.3", self.sari)
        self.assertEqual(codes(self.child), [("2026-01", "B"), ("2026-02", "N"), ("2026-03", "T")])
        stored = ChildVisit.objects.get(pk=mar.pk)
        self.assertEqual((stored.weight_gain_g, stored.weight_gain_kbm_g), (100, 200))
        self.assertEqual((stored.two_t, stored.gain_overridden), (False, False))
        # The saved instance carries the stored judgement too (the page shows it at once).
        self.assertEqual((mar.weight_gain, mar.weight_gain_g), ("T", 100))

    def test_it_rejudges_a_later_month_without_a_new_version(self) -> None:
        weigh(self.child, JAN, "8.0", self.sari)
        weigh(self.child, MAR, "8.3", self.sari)  # O: February not weighed
        mar = ChildVisit.objects.get(child=self.child, month=MAR)
        self.assertEqual(mar.weight_gain, "O")
        before = (mar.version, mar.change_seq, mar.history.count())
        weigh(self.child, FEB, "8.2", self.sari)  # now February is N and March T
        mar.refresh_from_db()
        self.assertEqual(codes(self.child), [("2026-01", "B"), ("2026-02", "N"), ("2026-03", "T")])
        self.assertEqual((mar.version, mar.change_seq, mar.history.count()), before)

    def test_it_stores_no_code_for_a_month_without_weight(self) -> None:
        weigh(self.child, JAN, "8.0", self.sari)
        weigh(self.child, FEB, None, self.sari, home_visit=True)
        weigh(self.child, MAR, "8.5", self.sari)
        self.assertEqual(codes(self.child), [("2026-01", "B"), ("2026-02", ""), ("2026-03", "O")])
        feb = ChildVisit.objects.get(child=self.child, month=FEB)
        self.assertIsNone(feb.weight_gain_g)

    def test_it_refreshes_a_child_in_three_reads_and_one_write_per_changed_row(self) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from tikar.monitoring.weighing import refresh_child

        for month, weight in ((JAN, "8.0"), (FEB, "8.2"), (MAR, "8.3")):
            weigh(self.child, month, weight, self.sari)
        with CaptureQueriesContext(connection) as ctx:
            self.assertEqual(refresh_child(self.child.pk), 0)
        sql = [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"]]
        self.assertEqual(len(sql), 3, sql)  # the child, the kabupaten's standard, the visits
        ChildVisit.objects.filter(child=self.child).update(weight_gain="")
        with CaptureQueriesContext(connection) as ctx:
            self.assertEqual(refresh_child(self.child.pk), 3)
        writes = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("UPDATE")]
        self.assertEqual(len(writes), 1, writes)  # one bulk UPDATE for the three rows
