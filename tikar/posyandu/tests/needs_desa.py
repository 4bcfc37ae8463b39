"""A hand-built Sibargot for the needs page and API (not a test module: no `test_` prefix).

Today is pinned to 15 November 2026 (quarter IV; November and December remain). Every record
goes through `monitoring.services.record_month`, the real write path.

- Bayu (Posyandu Melati), born 10 Jan 2026: October weighed and measured, every service yes;
  November recorded without a weighing → weighed T, everything else Y, home visit TS:
  received 8, expected 9. Need: "ditimbang bulan ini dan Desember 2026".
- Ani (no posyandu), TM3 (gestation 7, 8): ANC in October only (needs 2 months: T), Fe,
  counselling both months, water, latrine, insurance yes; nifas and home visit TS: received
  5, expected 6. Need: "1 pemeriksaan kehamilan lagi (Trimester 3) ...".
- Desa: (8 + 5) / (9 + 6) = 13 / 15 = 86.67 %; one need met 14 / 15 = 93.33 % (+6.66);
  both 15 / 15 = 100.00 % (+13.33).
- Bandar Kumbul (Budi): Dodi, never weighed in November, so that scoping has something to hide.
"""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child, mother, pregnancy
from tikar.monitoring.services import record_month

TODAY = "2026-11-15"
OCT, NOV = date(2026, 10, 1), date(2026, 11, 1)
CHILD_YES = {
    "immunisation_up_to_date": True,
    "immunisation_basic_complete": True,
    "immunisation_measles": True,
    "counselling_mother": True,
    "safe_water": True,
    "latrine": True,
    "birth_certificate": True,
    "health_insurance": True,
    "parenting_class": True,
}


def build(case) -> dict:
    sari, budi = case.sari, case.budi
    bayu = child(case.sibargot, sari, birth_date=date(2026, 1, 10), name="Bayu",
                 posyandu=case.melati, mother_=mother(case.sibargot, sari, name="Bunga", nik=None))  # fmt: skip
    record_month(bayu, OCT, CHILD_YES | {"visit_date": date(2026, 10, 12), "weight_kg": "8.4",
                                         "length_cm": "71.0", "measured_lying": True}, sari)  # fmt: skip
    record_month(bayu, NOV, CHILD_YES | {"visit_date": date(2026, 11, 12)}, sari)
    ani = pregnancy(case.sibargot, sari, kia_number="KIA-ANI", gestation_month=7,
                    due_date=date(2027, 1, 20),
                    mother_=mother(case.sibargot, sari, name="Ani", nik=None))  # fmt: skip
    base = {"iron_tablets": True, "nutrition_counselling": True, "safe_water": True,
            "latrine": True, "health_insurance": True}  # fmt: skip
    record_month(ani, OCT, base | {"gestation_month": 7, "anc_check": True}, sari)
    record_month(ani, NOV, base | {"gestation_month": 8, "anc_check": False}, sari)
    dodi = child(case.bandar_kumbul, budi, birth_date=date(2026, 1, 10), name="Dodi",
                 posyandu=case.anggrek, mother_=mother(case.bandar_kumbul, budi, name="Dina", nik=None))  # fmt: skip
    record_month(dodi, NOV, CHILD_YES | {"visit_date": date(2026, 11, 12)}, budi)
    return {"bayu": bayu, "ani": ani, "dodi": dodi}
