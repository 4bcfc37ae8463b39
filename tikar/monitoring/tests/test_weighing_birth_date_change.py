"""A corrected birth date re-judges the weighings: the KBM follows the age."""

from __future__ import annotations

from datetime import date

from tikar.households.models import Child
from tikar.households.tests.factories import child
from tikar.test import BaseTestCase

from .weighing_helpers import codes, today, weigh


class BirthDateChangeTests(BaseTestCase):
    def test_it_rejudges_when_the_age_moves_to_another_kbm(self) -> None:
        with today():
            # Born 1 January 2026: weighed 10 March (2 months) and 10 April (3 months, KBM 800).
            c = child(self.sibargot, self.sari, birth_date=date(2026, 1, 1))
            weigh(c, date(2026, 3, 1), "5.0", self.sari)
            weigh(c, date(2026, 4, 1), "5.7", self.sari)  # +700 g < 800: T
            self.assertEqual(codes(c)[-1], ("2026-04", "T"))
            # The real birth date was 1 December 2025: 4 months on 10 April, KBM 600 g.
            c = Child.objects.get(pk=c.pk)
            c.birth_date = date(2025, 12, 1)
            c._history_user = self.sari
            c.save()
            self.assertEqual(codes(c)[-1], ("2026-04", "N"))

    def test_it_rejudges_in_one_refresh_per_child(self) -> None:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with today():
            c = child(self.sibargot, self.sari, birth_date=date(2025, 6, 1))
            for m in (1, 2, 3, 4):
                weigh(c, date(2026, m, 1), f"8.{m}", self.sari)
            c = Child.objects.get(pk=c.pk)
            c.birth_date = date(2025, 6, 2)
            with CaptureQueriesContext(connection) as ctx:
                c.save()
            # One read of the visits for the judgement, not one per saved visit.
            reads = [
                q
                for q in ctx.captured_queries
                if "gain_override_reason" in q["sql"]
                and q["sql"].lstrip().startswith("SELECT")
                and 'FROM "monitoring_childvisit"' in q["sql"]
                and "history" not in q["sql"]
            ]
            self.assertLessEqual(len(reads), 2, [q["sql"][:200] for q in reads])
