"""skdn_for_region on a seeded month (tests/skdn_data.py): each figure counted by hand."""

from datetime import date
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tikar.monitoring.models import ChildVisit
from tikar.posyandu.skdn_queries import skdn_for_region
from tikar.posyandu.tests.skdn_data import MONTH, seed
from tikar.regions.models import Level
from tikar.test import BILAH_BARAT, LABUHANBATU, SIBARGOT, BaseTestCase


@mock.patch("django.utils.timezone.localdate", return_value=date(2025, 11, 10))
class SkdnQueriesTest(BaseTestCase):
    def setUp(self):
        self.kids = seed(self)

    def test_it_counts_the_desa_as_counted_by_hand(self, _):
        v = ChildVisit.objects.get(child=self.kids["bgm_boy"], month=MONTH)
        self.assertLess(v.zwei, -3)  # 8.0 kg at 30 months: BGM, not flagged
        self.assertFalse(v.fwei)
        r = skdn_for_region(SIBARGOT, MONTH)
        t = r.total.total
        self.assertEqual((t.s, t.k, t.d), (8, 7, 5))
        self.assertEqual((t.n, t.t, t.o, t.b), (1, 2, 1, 1))
        self.assertEqual((t.bgm, t.two_t, t.k_not_weighed, t.severely_underweight), (1, 1, 3, 1))
        # BB kurang: the girl of 4.0 kg at 2 months (z -2.44) and the 2T boy (z -2.18).
        zwei = dict(ChildVisit.objects.filter(month=MONTH).values_list("child_id", "zwei"))
        self.assertTrue(-3 <= zwei[self.kids["b_girl"].id] < -2)
        self.assertTrue(-3 <= zwei[self.kids["tt_boy"].id] < -2)
        self.assertEqual(t.underweight, 2)
        self.assertEqual(r.total.cells[(0, "L")].n, 1)
        self.assertEqual(r.total.cells[(0, "P")].b, 1)
        self.assertEqual(r.total.cells[(1, "P")].o, 1)
        self.assertEqual((r.total.cells[(2, "L")].t, r.total.cells[(2, "L")].two_t), (1, 1))
        self.assertEqual(r.total.cells[(3, "L")].bgm, 1)
        # 36-59 P: the absent girl and the one who turns 60 on 2 October.
        self.assertEqual((r.total.cells[(4, "P")].s, r.total.cells[(4, "P")].d), (2, 0))
        self.assertEqual(r.total.cells[(4, "L")].s, 1)

    def test_it_gives_one_row_per_posyandu_and_for_children_without_one(self, _):
        r = skdn_for_region(SIBARGOT, MONTH)
        rows = {k: v.total.s for k, v in r.by_posyandu.items()}
        self.assertEqual(rows, {(SIBARGOT, self.melati.pk): 7, (SIBARGOT, None): 1})
        only = skdn_for_region(SIBARGOT, MONTH, posyandu_id=self.melati.pk)
        self.assertEqual((only.total.total.s, only.total.total.d), (7, 5))

    def test_it_sums_the_desa_into_the_kecamatan_and_kabupaten(self, _):
        r = skdn_for_region(BILAH_BARAT, MONTH)
        self.assertEqual(set(r.by_village), {SIBARGOT, self.bandar_kumbul.code})
        self.assertEqual((r.total.total.s, r.total.total.d, r.total.total.b), (9, 6, 2))
        kab = skdn_for_region(LABUHANBATU, MONTH)
        self.assertEqual(kab.by_prefix(Level.DISTRICT)[BILAH_BARAT].total.as_dict(),
                         r.total.total.as_dict())  # fmt: skip

    def test_it_answers_in_a_fixed_number_of_queries(self, _):
        with CaptureQueriesContext(connection) as small:
            skdn_for_region(LABUHANBATU, MONTH)
        seed(self)  # twice the children
        with CaptureQueriesContext(connection) as big:
            r = skdn_for_region(LABUHANBATU, MONTH)
        self.assertEqual(r.total.total.s, 18)
        self.assertEqual(len(big), len(small))
        self.assertEqual(len(big), 1)

    def test_it_judges_a_weighing_saved_before_the_judgement_existed(self, _):
        ChildVisit.objects.filter(child=self.kids["n_boy"]).update(weight_gain="")
        t = skdn_for_region(SIBARGOT, MONTH).total.total
        self.assertEqual((t.d, t.n, t.t, t.o, t.b), (5, 1, 2, 1, 1))
        stored = ChildVisit.objects.get(child=self.kids["n_boy"], month=MONTH).weight_gain
        self.assertEqual(stored, "N")
