"""The area roll-ups read the per-desa totals (kabupaten, kecamatan) or the per-kabupaten
totals (national, province) and show the very figures the old per-target aggregates gave:
national (by province), province (by kabupaten) and kabupaten (by kecamatan and by desa),
every column including the stunting prevalence, its 95% CI, the reporting completeness and
the list of desa that recorded nothing."""

from __future__ import annotations

from datetime import date
from unittest import mock

from django.urls import reverse

from tikar.accounts.models import Role
from tikar.households.tests.factories import child
from tikar.monitoring.services import record_month
from tikar.regions.models import Level, Region
from tikar.scorecard import rollup
from tikar.scorecard.models import RegencyQuarterTotal
from tikar.scorecard.refresh import refresh_dirty
from tikar.scorecard.tests.area import build_bilah_barat
from tikar.scorecard.tests.desa import FEB, MAR, QUARTER, TODAY, YEAR
from tikar.scorecard.tests.reference_totals import new_rollup_rows, old_rollup_rows
from tikar.test import LABUHANBATU, BaseTestCase, make_user

SUMUT = "12"
# A kelurahan in another kabupaten of Sumatera Utara (Kota Medan), so the province and the
# nation sum more than one kabupaten row.
MEDAN_KELURAHAN = "12.71.01.1001"


@mock.patch("django.utils.timezone.localdate", return_value=TODAY)
class RollupSameFiguresTests(BaseTestCase):
    def setUp(self) -> None:
        self.targets = build_bilah_barat(self)
        # Two more measured children so the prevalence pools over desa: Eko (stunted) in
        # Sibargot, Fajar in Bandar Kumbul.
        eko = child(self.sibargot, self.sari, birth_date=date(2025, 3, 1), name="Eko")
        record_month(eko, FEB, {"visit_date": FEB.replace(day=5), "weight_kg": "6.5",
                                "length_cm": "61.0", "measured_lying": True}, self.sari)  # fmt: skip
        fajar = child(self.bandar_kumbul, self.budi, birth_date=date(2025, 6, 1), name="Fajar")
        record_month(fajar, MAR, {"visit_date": MAR.replace(day=5), "weight_kg": "8.0",
                                  "length_cm": "70.0", "measured_lying": True}, self.budi)  # fmt: skip
        medan = Region.objects.get(code=MEDAN_KELURAHAN)
        self.rina = make_user("rina", Role.KPM, MEDAN_KELURAHAN)
        gita = child(medan, self.rina, birth_date=date(2025, 4, 1), name="Gita")
        record_month(gita, MAR, {"visit_date": MAR.replace(day=6), "weight_kg": "6.0",
                                 "length_cm": "62.0", "measured_lying": True}, self.rina)  # fmt: skip
        self.sumut_officer = make_user("ucok", Role.PROVINCE_OFFICER, SUMUT)

    def compare(self, user, area, level) -> dict:
        self.login(user)
        query = f"?wilayah={area.code}" if area and area.code != (user.region_id or "") else ""
        page = self.client.get(reverse("rollup", args=[YEAR, QUARTER]) + query)
        self.assertEqual(page.status_code, 200)
        old = old_rollup_rows(user, area, YEAR, QUARTER, level)
        new = new_rollup_rows(rollup.rollup(user, area, YEAR, QUARTER, level))
        self.assertEqual(new, old)
        return new

    def test_it_gives_the_national_table_unchanged(self, _) -> None:
        new = self.compare(self.agus, None, Level.PROVINCE)
        sumut = new["12"]
        # Bayu, Citra, Eko (Sibargot); Dodi, Fajar (Bandar Kumbul); Gita (Medan)
        self.assertEqual(sumut["children"], 6)
        self.assertEqual(sumut["measured"], 4)  # Bayu, Eko, Fajar, Gita
        self.assertEqual(new["total"]["stunted"], sumut["stunted"])
        self.assertIsNotNone(new["total"]["ci_low"])

    def test_it_gives_the_national_table_from_the_kabupaten_totals(self, _) -> None:
        refresh_dirty()
        # Labuhanbatu and Medan: one row per group each, what the national page sums.
        regencies = set(
            RegencyQuarterTotal.objects.filter(year=YEAR, quarter=QUARTER).values_list(
                "regency_id", flat=True
            )
        )
        self.assertEqual(regencies, {LABUHANBATU, MEDAN_KELURAHAN[:5]})
        new = self.compare(self.agus, None, Level.PROVINCE)
        # Every desa of Sumatera Utara is in "all desa", those of kabupaten with no data too.
        sumut_desa = Region.objects.filter(level=Level.VILLAGE, code__startswith="12.").count()
        self.assertEqual(new["12"]["desa_total"], sumut_desa)
        self.assertEqual(new["12"]["desa_recorded"], 3)  # Sibargot, Bandar Kumbul, Medan
        self.assertEqual(len(new["missing"]), rollup.MISSING_LIST_LIMIT)

    def test_it_gives_the_province_table_unchanged(self, _) -> None:
        refresh_dirty()
        sumut = Region.objects.get(code=SUMUT)
        new = self.compare(self.sumut_officer, sumut, Level.REGENCY)
        self.assertEqual(new[LABUHANBATU]["children"], 5)
        self.assertEqual(new[MEDAN_KELURAHAN[:5]]["children"], 1)
        self.assertEqual(new["total"]["desa_recorded"], 3)
        # The national administrator drilling into the province sees the same table.
        self.assertEqual(self.compare(self.agus, sumut, Level.REGENCY), new)

    def test_it_gives_the_same_province_trend(self, _) -> None:
        refresh_dirty()
        sumut = Region.objects.get(code=SUMUT)
        points = rollup.trend(self.sumut_officer, sumut, YEAR, QUARTER)
        q1 = next(p for p in points if (p["year"], p["quarter"]) == (YEAR, QUARTER))
        old = old_rollup_rows(self.sumut_officer, sumut, YEAR, QUARTER, Level.REGENCY)["total"]
        self.assertEqual(
            (q1["convergence"], q1["stunting"], q1["ci_low"], q1["ci_high"], q1["measured"]),
            (old["convergence"], old["stunting"], old["ci_low"], old["ci_high"], old["measured"]),
        )

    def test_it_gives_the_kabupaten_tables_unchanged(self, _) -> None:
        labuhanbatu = Region.objects.get(code=LABUHANBATU)
        self.compare(self.hendra, labuhanbatu, Level.DISTRICT)
        by_desa = self.compare(self.hendra, labuhanbatu, Level.VILLAGE)
        self.assertEqual(by_desa[self.sibargot.code]["desa_recorded"], 1)  # March
        self.assertEqual(by_desa[self.bandar_kumbul.code]["desa_recorded"], 1)  # Fajar in March

    def test_it_gives_the_same_trend(self, _) -> None:
        refresh_dirty()  # what the worker does after the entries
        points = rollup.trend(self.agus, None, YEAR, QUARTER)
        q1 = next(p for p in points if (p["year"], p["quarter"]) == (YEAR, QUARTER))
        old = old_rollup_rows(self.agus, None, YEAR, QUARTER, Level.PROVINCE)["total"]
        self.assertEqual(
            (q1["convergence"], q1["stunting"], q1["ci_low"], q1["ci_high"], q1["measured"]),
            (old["convergence"], old["stunting"], old["ci_low"], old["ci_high"], old["measured"]),
        )
