"""Reporting completeness: which desa recorded a monthly record this month, which did not."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.urls import reverse

from tikar.monitoring.services import record_month
from tikar.regions.models import Level, Region
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import QUARTER, TODAY, YEAR
from tikar.test import BANDAR_KUMBUL, BILAH_BARAT, SIBARGOT, BaseTestCase

APRIL = date(2026, 4, 1)


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupReportingTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_bilah_barat(self)
        self.desa = Region.objects.filter(level=Level.VILLAGE, parent_id=BILAH_BARAT).count()

    def page(self, year: int, quarter: int):
        self.login(self.dewi)
        return self.client.get(reverse("rollup", args=[year, quarter]))

    def test_it_lists_the_desa_that_recorded_nothing_this_month(self, _) -> None:
        # Today is 15 April 2026 (quarter II): Sari records Ani's April; Bandar Kumbul does not.
        record_month(self.targets["ani"], APRIL, {"gestation_month": 7}, self.sari)
        page = self.page(2026, 2)
        data = page.context["data"]
        self.assertEqual(data.month, APRIL)
        missing = [v.code for v in data.missing]
        self.assertNotIn(SIBARGOT, missing)
        self.assertIn(BANDAR_KUMBUL, missing)
        self.assertEqual(data.missing_count, self.desa - 1)
        self.assertEqual(len(missing), self.desa - 1)
        total = page.context["total"]
        self.assertEqual((total["desa_recorded"], total["desa_total"]), (1, self.desa))
        rows = {r["code"]: r for r in page.context["rows"]}
        self.assertEqual(rows[SIBARGOT]["desa_recorded"], 1)
        self.assertEqual(rows[BANDAR_KUMBUL]["desa_recorded"], 0)
        self.assertContains(page, "Desa yang tidak mencatat apa pun pada April 2026")
        self.assertContains(page, "Desa Bandar Kumbul")

    def test_it_judges_a_past_quarter_on_its_last_month(self, _) -> None:
        # Quarter I: March 2026. Sibargot recorded in March (Ani, Bayu), Bandar Kumbul only in
        # January.
        data = self.page(YEAR, QUARTER).context["data"]
        self.assertEqual(data.month, date(2026, 3, 1))
        self.assertIn(BANDAR_KUMBUL, [v.code for v in data.missing])
        self.assertNotIn(SIBARGOT, [v.code for v in data.missing])

    def test_it_counts_desa_per_kecamatan_for_the_kabupaten(self, _) -> None:
        self.login(self.hendra)
        page = self.client.get(reverse("rollup", args=[YEAR, QUARTER]))
        bb = next(r for r in page.context["rows"] if r["code"] == BILAH_BARAT)
        self.assertEqual((bb["desa_recorded"], bb["desa_total"]), (1, self.desa))
        in_kabupaten = Region.objects.filter(level=Level.VILLAGE, code__startswith="12.10.")
        self.assertEqual(page.context["total"]["desa_total"], in_kabupaten.count())
