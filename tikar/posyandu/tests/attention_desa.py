"""A small seeded desa for the attention list's database tests (not a test module).

Today is pinned to 15 March 2026 (`TODAY`). Sibargot, Posyandu Melati unless said:
- Ani (12 months, girl): 7,7 kg in January, February and March (T, then 2T), 64-65 cm
  (stunted since January) -> two_t (rujuk) + stunted (ingat): the demo's flat-weight child.
- Bagus (12 months, boy): growing well, immunised -> not on the list.
- Ibu Rina: pregnant, LiLA 23,4 cm in March -> kek (rujuk).
- Ibu Maya: pregnant, HPL in 10 days -> due_soon (ingat); no posyandu of her own (household's).
Bandar Kumbul: Dodi, a 2T boy of Budi's desa, never on Sari's list.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from tikar.households.tests.factories import child, household, mother, pregnancy
from tikar.monitoring.models import ChildVisit, PregnancyVisit
from tikar.monitoring.weighing import refresh_child

TODAY = date(2026, 3, 15)
TODAY_SETTING = "2026-03-15"
MONTHS = (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))


def weigh(c, month, kg, cm=None, **extra):
    v = ChildVisit(
        child=c,
        month=month,
        visit_date=month.replace(day=12),
        weight_kg=Decimal(kg),
        length_cm=Decimal(cm) if cm else None,
        measured_lying=True if cm else None,
        **extra,
    )
    v.save()
    return v


def kid(village, user, name, birth, sex, *, posyandu=None, phone="081234567890"):
    m = mother(village, user, nik=None, name=f"Ibu {name}", phone=phone)
    return child(village, user, name=name, birth_date=birth, sex=sex, mother_=m, posyandu=posyandu)


def flat_child(village, user, name, posyandu=None):
    """A 12-month girl weighed 7,7 kg three months running (T, 2T) and stunted since January."""
    c = kid(village, user, name, date(2025, 3, 10), "P", posyandu=posyandu)
    for month, cm in zip(MONTHS, ("64.0", "64.5", "65.0"), strict=True):
        weigh(c, month, "7.7", cm, immunisation_basic_complete=True, immunisation_measles=True)
    refresh_child(c.id)
    return c


def well_child(village, user, name, posyandu=None):
    c = kid(village, user, name, date(2025, 3, 10), "L", posyandu=posyandu)
    for month, kg, cm in zip(MONTHS, ("9.2", "9.4", "9.6"), ("74.0", "75.0", "75.8"), strict=True):
        weigh(c, month, kg, cm, immunisation_basic_complete=True, immunisation_measles=True)
    refresh_child(c.id)
    return c


def kek_pregnancy(village, user, name, posyandu=None):
    m = mother(village, user, nik=None, name=name, phone="0813 1111 2222")
    p = pregnancy(village, user, mother_=m, kia_number="", due_date=TODAY + timedelta(days=60),
                  gestation_month=7, posyandu=posyandu)  # fmt: skip
    PregnancyVisit(
        pregnancy=p, month=MONTHS[2], visit_date=date(2026, 3, 10), gestation_month=7,
        muac_cm=Decimal("23.4"),
    ).save()  # fmt: skip
    return p


def seed(case) -> dict:
    s, sari, melati = case.sibargot, case.sari, case.melati
    k = {
        "ani": flat_child(s, sari, "Ani", posyandu=melati),
        "bagus": well_child(s, sari, "Bagus", posyandu=melati),
        "rina": kek_pregnancy(s, sari, "Ibu Rina", posyandu=melati),
    }
    h = household(s, sari, head_name="Pak Maya", posyandu=melati, dusun="II", rt="003")
    m = mother(s, sari, household_=h, nik=None, name="Ibu Maya", phone="")
    k["maya"] = pregnancy(s, sari, mother_=m, kia_number="", due_date=TODAY + timedelta(days=10),
                          gestation_month=9)  # fmt: skip
    k["dodi"] = flat_child(case.bandar_kumbul, case.budi, "Dodi", posyandu=case.anggrek)
    return k
