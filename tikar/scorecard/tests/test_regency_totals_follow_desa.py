"""The per-kabupaten totals (RegencyQuarterTotal), what the national and province pages read,
always equal the sum of the kabupaten's desa totals: after the worker's refresh, after an
edit, and when rebuilt by `manage.py refresh_scorecards --totals`; and the national page's
stale check finds a stale desa through them (issue 12, item 2)."""

from __future__ import annotations

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.db.models import Count, Sum

from tikar.monitoring.services import record_month
from tikar.regions.models import Level, Region
from tikar.scorecard import rollup
from tikar.scorecard.models import DirtyQuarter, RegencyQuarterTotal, VillageQuarterTotal
from tikar.scorecard.refresh import refresh_dirty
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import MAR, QUARTER, TODAY, YEAR
from tikar.scorecard.totals import COUNT_COLUMNS, masks_with, write_regency_totals
from tikar.test import LABUHANBATU, SIBARGOT, BaseTestCase

SKIP = {"id", "computed_at"}


def desa_sums(group: str) -> dict:
    """The Labuhanbatu desa totals of the quarter summed by hand, and the completeness."""
    rows = VillageQuarterTotal.objects.filter(
        village__code__startswith=LABUHANBATU + ".", year=YEAR, quarter=QUARTER, group=group
    )
    sums = rows.aggregate(**{c: Sum(c) for c in COUNT_COLUMNS})
    for m in range(3):
        sums[f"recorded_m{m + 1}"] = rows.filter(months_recorded__in=masks_with(1 << m)).count()
    sums["desa_total"] = Region.objects.filter(
        level=Level.VILLAGE, code__startswith=LABUHANBATU + "."
    ).count()
    sums["desa_computed"] = rows.aggregate(n=Count("pk"))["n"]
    return sums


def snapshot() -> list[dict]:
    rows = RegencyQuarterTotal.objects.order_by("regency_id", "year", "quarter", "group").values()
    return [{k: v for k, v in r.items() if k not in SKIP} for r in rows]


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RegencyTotalsTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_bilah_barat(self)
        refresh_dirty()

    def assert_sums(self) -> None:
        for group in ("pregnancy", "child", "paud"):
            row = RegencyQuarterTotal.objects.get(
                regency_id=LABUHANBATU, year=YEAR, quarter=QUARTER, group=group
            )
            want = desa_sums(group)
            self.assertEqual({k: getattr(row, k) for k in want}, want, group)

    def test_it_sums_the_desa_totals_after_the_refresh(self, _) -> None:
        self.assert_sums()
        child = RegencyQuarterTotal.objects.get(
            regency_id=LABUHANBATU, year=YEAR, quarter=QUARTER, group="child"
        )
        self.assertEqual(child.targets, 3)  # Bayu, Citra (Sibargot), Dodi (Bandar Kumbul)
        self.assertEqual(child.recorded_m3, 1)  # only Sibargot recorded in March

    def test_it_follows_an_edit_in_one_desa(self, _) -> None:
        bayu = self.targets["bayu"]
        record_month(bayu, MAR, {"visit_date": MAR.replace(day=9), "weight_kg": "8.4"}, self.sari)
        refresh_dirty()
        self.assert_sums()

    def test_it_is_rebuilt_identically_by_the_totals_command(self, _) -> None:
        written = snapshot()
        RegencyQuarterTotal.objects.all().delete()  # a database from before the table
        call_command("refresh_scorecards", "--totals", stdout=StringIO())
        self.assertEqual(snapshot(), written)

    def test_it_lets_the_national_page_find_a_stale_desa(self, _) -> None:
        self.assertEqual(rollup.mark_stale(None, [(YEAR, QUARTER)]), 0)  # all fresh
        # Sibargot's quarter I computed while it was still running (before it ended).
        VillageQuarterTotal.objects.filter(village_id=SIBARGOT, year=YEAR, quarter=QUARTER).update(
            evaluated_through=MAR
        )
        write_regency_totals(LABUHANBATU, YEAR, QUARTER)
        self.assertEqual(rollup.stale_regencies(None, YEAR, QUARTER, None), [LABUHANBATU])
        self.assertEqual(rollup.mark_stale(None, [(YEAR, QUARTER)]), 1)
        self.assertTrue(
            DirtyQuarter.objects.filter(village_id=SIBARGOT, year=YEAR, quarter=QUARTER).exists()
        )
