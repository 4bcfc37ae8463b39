"""A hand-built Sibargot for quarter I 2026 (not a test module: no `test_` prefix).

Every record goes through `monitoring.services.record_month`, the real write path, so the
stored results are refreshed exactly as in production. Today is pinned to 15 April 2026
(quarter II), so quarter I is complete.

What the engine gives, worked out by hand from forms.md:

- Ani, ibu hamil, trimester 2 (gestation months 4, 5, 6), Normal: pemeriksaan kehamilan in
  January (≥ 1 month: Y), pil Fe every month (Y), nifas TS, konseling in February (Y), kunjungan
  rumah TS (Normal), air Y, jamban Y, jaminan T → received 5, expected 8 - 2 = 6 (83.33 %).
- Bayu, born 10 Aug 2025 (5-7 months), weighed and visited every month, measured in January,
  immunisation up to date, parents counselled (the father in February), everything else yes
  except kelas pengasuhan in February → 1..4 Y, 5 TS (normal status), 6..9 Y, 10 T: received
  8, expected 9.
- Citra, born 20 Sep 2025, one January record with nothing → weighed T (Feb and Mar missing),
  home visit TS, all else T: received 0, expected 9.

Table 4: ibu 5 / 6 = 83.33 %, anak 8 / 18 = 44.44 %, total (5 + 8) / (6 + 18) = 13 / 24 =
54.17 %, while the mean of the two percentages would be 63.89 %.
"""

from __future__ import annotations

from datetime import date

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.monitoring.services import record_month

TODAY = date(2026, 4, 15)
YEAR, QUARTER = 2026, 1
JAN, FEB, MAR = date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)


def build_sibargot(case) -> dict:
    """Ani, Bayu and Citra in Sibargot, recorded by Sari; returns the targets by name."""
    user = case.sari
    ani_home = household(case.sibargot, user, head_name="Pak Ahmad")
    ani = pregnancy(
        case.sibargot,
        user,
        mother_=mother(case.sibargot, user, household_=ani_home, name="Ani"),
        kia_number="KIA-ANI",
    )
    base = {"safe_water": True, "latrine": True, "health_insurance": False}
    record_month(ani, JAN, base | {"gestation_month": 4, "anc_check": True,
                                   "iron_tablets": True}, user)  # fmt: skip
    record_month(ani, FEB, base | {"gestation_month": 5, "iron_tablets": True,
                                   "nutrition_counselling": True}, user)  # fmt: skip
    record_month(ani, MAR, base | {"gestation_month": 6, "iron_tablets": True}, user)

    bayu_mother = mother(case.sibargot, user, name="Bunga", nik=None)
    bayu = child(case.sibargot, user, birth_date=date(2025, 8, 10), name="Bayu",
                 mother_=bayu_mother)  # fmt: skip
    yes = {
        "immunisation_up_to_date": True,
        "counselling_mother": True,
        "home_visit": True,
        "safe_water": True,
        "latrine": True,
        "birth_certificate": True,
        "health_insurance": True,
        "parenting_class": True,
    }
    record_month(bayu, JAN, yes | {"visit_date": date(2026, 1, 12), "weight_kg": "7.4",
                                   "length_cm": "65.5", "measured_lying": True}, user)  # fmt: skip
    record_month(bayu, FEB, yes | {"visit_date": date(2026, 2, 12), "weight_kg": "7.8",
                                   "counselling_father": True, "parenting_class": False},
                 user)  # fmt: skip
    record_month(bayu, MAR, yes | {"visit_date": date(2026, 3, 12), "weight_kg": "8.1"}, user)

    citra = child(case.sibargot, user, birth_date=date(2025, 9, 20), name="Citra",
                  mother_=mother(case.sibargot, user, name="Cici", nik=None))  # fmt: skip
    record_month(citra, JAN, {}, user)
    return {"ani": ani, "bayu": bayu, "citra": citra}


def build_bandar_kumbul(case) -> dict:
    """One pregnancy in Budi's desa, so that scoping has something to hide."""
    dewi = pregnancy(case.bandar_kumbul, case.budi, kia_number="KIA-BK",
                     mother_=mother(case.bandar_kumbul, case.budi, name="Rosa", nik=None))  # fmt: skip
    record_month(dewi, FEB, {"gestation_month": 3, "anc_check": True}, case.budi)
    return {"rosa": dewi}
