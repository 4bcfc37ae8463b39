"""A small seeded month for the SKDN tests (not a test module): every figure counted by hand.

Month: October 2025. Sibargot (Posyandu Melati unless said), each child's line says what it is.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone

from tikar.households.tests.factories import child, mother
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.weighing import refresh_child

MONTH = date(2025, 10, 1)
SEPT = date(2025, 9, 1)
REGISTERED = timezone.make_aware(datetime(2024, 1, 5, 9))


def kid(village, user, birth, sex="L", *, posyandu=None, kia="KIA-1", **extra):
    m = mother(village, user, nik=None)
    return child(
        village, user, birth_date=birth, sex=sex, mother_=m, posyandu=posyandu,
        kia_number=kia, created_at=extra.pop("created_at", REGISTERED), **extra,
    )  # fmt: skip


def weigh(c, month, kg, **extra):
    day = month.replace(day=15)
    v = ChildVisit(child=c, month=month, visit_date=day, weight_kg=Decimal(kg), **extra)
    v.save()
    return v


def seed(case) -> dict:
    """Children of the hand-computed set; returns them by name for the tests."""
    s, sari, melati = case.sibargot, case.sari, case.melati
    k = {}
    # 0-5 L: weighed Sept 6.0 and Oct 6.9 at 4 months -> +900 g >= 600 -> N.
    k["n_boy"] = kid(s, sari, date(2025, 5, 20), "L", posyandu=melati)
    weigh(k["n_boy"], SEPT, "6.0")
    weigh(k["n_boy"], MONTH, "6.9")
    # 0-5 P: first weighing in October -> B; no KIA book.
    k["b_girl"] = kid(s, sari, date(2025, 8, 1), "P", posyandu=melati, kia="")
    weigh(k["b_girl"], MONTH, "4.0")
    # 6-11 P: weighed in August and October, not September -> O.
    k["o_girl"] = kid(s, sari, date(2025, 1, 3), "P", posyandu=melati)
    weigh(k["o_girl"], date(2025, 8, 1), "7.0")
    weigh(k["o_girl"], MONTH, "7.4")
    # 12-23 L: T twice (Aug 9.0, Sept 9.1, Oct 9.1 at 21 months; KBM 200 g) -> T, 2T.
    k["tt_boy"] = kid(s, sari, date(2024, 1, 2), "L", posyandu=melati)
    weigh(k["tt_boy"], date(2025, 8, 1), "9.0")
    weigh(k["tt_boy"], SEPT, "9.1")
    weigh(k["tt_boy"], MONTH, "9.1")
    # 24-35 L: 8.0 kg at 30 months -> BGM, BB sangat kurang; Sept 8.0 -> T (not 2T: Sept is B).
    k["bgm_boy"] = kid(s, sari, date(2023, 4, 1), "L", posyandu=melati)
    weigh(k["bgm_boy"], SEPT, "8.0")
    weigh(k["bgm_boy"], MONTH, "8.0")
    # 36-59 P: K, not weighed in October (weighed in September only).
    k["absent_girl"] = kid(s, sari, date(2021, 3, 1), "P", posyandu=melati)
    weigh(k["absent_girl"], SEPT, "14.0")
    # 36-59 L: no posyandu, no weighing, with KIA.
    k["no_posyandu"] = kid(s, sari, date(2022, 2, 1), "L")
    # Not in S: born after October, 60 months on 1 October, closed in September, deleted,
    # registered in November.
    kid(s, sari, date(2025, 11, 2), "L", posyandu=melati)
    kid(s, sari, date(2020, 10, 1), "L", posyandu=melati)
    kid(s, sari, date(2024, 5, 1), "P", posyandu=melati, closed_at=date(2025, 9, 20))
    gone = kid(s, sari, date(2024, 5, 1), "P", posyandu=melati)
    gone.deleted_at = timezone.now()
    gone.save()
    kid(s, sari, date(2024, 5, 1), "P", posyandu=melati,
        created_at=timezone.make_aware(datetime(2025, 11, 1, 8)))  # fmt: skip
    # In S: 59 months on 1 October (60 on 2 October), 36-59 P, not weighed, with KIA.
    k["turning_60"] = kid(s, sari, date(2020, 10, 2), "P", posyandu=melati)
    # Bandar Kumbul: one weighed boy (B), in the kecamatan's figures only.
    k["neighbour"] = kid(
        case.bandar_kumbul, case.budi, date(2025, 2, 1), "L", posyandu=case.anggrek
    )
    weigh(k["neighbour"], MONTH, "8.0")
    for c in k.values():
        refresh_child(c.id)
    return k
