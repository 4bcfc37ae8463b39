"""Bilah Barat for the roll-up tests (not a test module: no `test_` prefix).

Sibargot is `desa.build_sibargot` (Ani 5/6, Bayu 8/9, Citra 0/9, all worked out by hand there).
Bandar Kumbul gets one child like Citra: born 20 Sep 2025, a single January record with nothing
in it → weighed T (February and March missing), home visit TS (status normal), the other eight
T: received 0, expected 9. Nobody in Bandar Kumbul records in March.

Pooled tingkat konvergensi of Kecamatan Bilah Barat, quarter I 2026, by hand:
  Sibargot      ibu 5 / 6, anak 8 / 18        → 13 / 24 = 54.17 %
  Bandar Kumbul ibu 0 / 0, anak 0 / 9         →  0 /  9 =  0.00 %
  Bilah Barat   (13 + 0) / (24 + 9) = 13 / 33 = 39.39 %
(the mean of the two desa percentages, 27.08 %, would be wrong).
"""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child, mother
from tikar.monitoring.services import record_month
from tikar.scorecard.tests.desa import JAN, build_sibargot


def build_bilah_barat(case) -> dict:
    targets = build_sibargot(case)
    dodi = child(
        case.bandar_kumbul,
        case.budi,
        birth_date=date(2025, 9, 20),
        name="Dodi",
        mother_=mother(case.bandar_kumbul, case.budi, name="Dora", nik=None),
    )
    record_month(dodi, JAN, {}, case.budi)
    return targets | {"dodi": dodi}
