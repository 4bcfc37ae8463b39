"""Builders for register and monitoring tests (not a test module: no `test_` prefix)."""

from __future__ import annotations

from datetime import date

from tikar.households.models import Child, Household, Mother, Pregnancy

# A real-looking NIK of a woman from Kecamatan Bilah Barat (12.10.07), born 7 March 1995:
# 121007 | 47 (7 + 40) 03 95 | 0001.
MOTHER_NIK = "1210074703950001"
MOTHER_BIRTH = date(1995, 3, 7)


def household(village, user=None, **extra) -> Household:
    values = {"head_name": "Pak Amir", "dusun": "I", "rt": "001", "rw": "002"} | extra
    h = Household(village=village, created_by=user, **values)
    h._history_user = user
    h.save()
    return h


def mother(village, user=None, *, household_=None, **extra) -> Mother:
    values = {"name": "Siti Aminah", "nik": MOTHER_NIK, "birth_date": MOTHER_BIRTH} | extra
    m = Mother(household=household_ or household(village, user), created_by=user, **values)
    m._history_user = user
    m.save()
    return m


def pregnancy(village, user=None, *, mother_=None, **extra) -> Pregnancy:
    values = {"kia_number": "KIA-001", "gestation_month": 4, "due_date": date(2026, 9, 1)}
    p = Pregnancy(mother=mother_ or mother(village, user), created_by=user, **(values | extra))
    p._history_user = user
    p.save()
    return p


def child(village, user=None, *, birth_date=date(2025, 1, 10), sex="L", **extra) -> Child:
    m = extra.pop("mother_", None) or mother(village, user)
    values = {"name": "Budi Kecil", "sex": sex, "birth_date": birth_date} | extra
    c = Child(household=m.household, mother=m, created_by=user, **values)
    c._history_user = user
    c.save()
    return c
