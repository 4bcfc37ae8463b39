"""SKDN's identity D = N + T + O + B on the demo population, every month of its year."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from tikar import clock
from tikar.calendar import add_months, age_in_months, month_end
from tikar.growth.weighing import is_bgm
from tikar.households.models import Child
from tikar.monitoring.models import ChildVisit
from tikar.posyandu.skdn import ChildFacts, count, is_balita_month
from tikar.posyandu.skdn_queries import children_in_skdn, skdn_for_region
from tikar.test import LABUHANBATU, SIBARGOT


class SkdnDemoTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=StringIO())

    def test_it_holds_d_equals_n_t_o_b_on_the_demo(self):
        this_month = clock.today().replace(day=1)
        weighed_months = 0
        for back in range(12):
            month = add_months(this_month, -back)
            r = skdn_for_region(LABUHANBATU, month)
            for report in [r.total, *r.by_village.values(), *r.by_posyandu.values()]:
                for cell in [report.total, *report.cells.values()]:
                    self.assertEqual(cell.d, cell.n + cell.t + cell.o + cell.b, month)
                    self.assertLessEqual(cell.d, cell.s)
            total = r.total.total
            # D counted independently: the month's live weighings of live balita of the area.
            visits = ChildVisit.objects.filter(
                month=month, weighed=True, deleted_at__isnull=True,
                child__deleted_at__isnull=True, village__code__startswith="12.10.",
            ).select_related("child")  # fmt: skip
            expected = sum(
                1
                for v in visits
                if is_balita_month(v.child.birth_date, month)
                and (v.child.closed_at is None or v.child.closed_at >= month)
            )
            self.assertEqual(total.d, expected, month)
            weighed_months += total.d > 0
        self.assertGreaterEqual(weighed_months, 6)  # the demo weighs most months

    def test_it_counts_s_of_sibargot_as_the_register_says(self):
        month = clock.today().replace(day=1)
        r = skdn_for_region(SIBARGOT, month)
        expected = sum(
            1
            for c in Child.objects.alive().filter(village_id=SIBARGOT)
            if is_balita_month(c.birth_date, month)
            and (c.closed_at is None or c.closed_at >= month)
            and c.created_at.date() <= clock.today()
        )
        self.assertEqual(r.total.total.s, expected)
        self.assertGreater(expected, 10)

    def test_it_counts_in_sql_as_the_pure_rule_counts_child_by_child(self):
        month = add_months(clock.today().replace(day=1), -1)
        visits = {
            v.child_id: v
            for v in ChildVisit.objects.filter(
                month=month, weighed=True, deleted_at__isnull=True, village_id=SIBARGOT
            )
        }
        facts = []
        for c in Child.objects.filter(children_in_skdn(SIBARGOT, month)):
            v = visits.get(c.pk)
            facts.append(
                ChildFacts(
                    c.sex,
                    age_in_months(c.birth_date, month_end(month)),
                    bool(c.kia_number),
                    weighed=v is not None,
                    gain=v.weight_gain if v else "",
                    bgm=bool(v and is_bgm(v.zwei, v.oedema)),
                    two_t=bool(v and v.two_t),
                    wei_category=(v.cat_wei if v and not v.fwei else ""),
                )
            )
        by_hand = count(facts)
        in_sql = skdn_for_region(SIBARGOT, month).total
        for key, cell in by_hand.cells.items():
            self.assertEqual(in_sql.cells[key].as_dict(), cell.as_dict(), key)
        self.assertGreater(by_hand.total.d, 20)
