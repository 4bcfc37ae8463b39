"""Rules of the register (households, pregnancies, children): pure functions, no Django.

They sit with the register, below the monthly records (`tikar.monitoring.rules` builds on them),
so that registering a target never needs the monthly records' code. The phone applies the same
rules (offline.md 7). Each check returns a list of `Problem`s with the message in Bahasa
Indonesia saying what to fix.
"""

from __future__ import annotations

from datetime import date, timedelta

from tikar.calendar import CHILD_24_71_MONTHS, day_name, shift_day
from tikar.households.problems import ERROR, Problem

# A child is followed on Formulir 2c from 24 months to <6 years (forms.md); the register refuses
# a child who is already 6 years old.
CHILD_2C_MONTHS = CHILD_24_71_MONTHS

# The month of pregnancy as the KIA book counts it; also a CHECK constraint of the database.
GESTATION_MONTHS = (1, 9)

# How a date field is named in a message.
FIELD_LABELS = {
    "birth_date": "Tanggal lahir",
    "delivery_date": "Tanggal melahirkan",
    "visit_date": "Tanggal kunjungan",
    "month": "Bulan",
}


def check_not_future(value: date | None, today: date, field: str) -> list[Problem]:
    """An ERROR when `value` is after `today` (a birth, a delivery or a visit has happened)."""
    if value is None or value <= today:
        return []
    label = FIELD_LABELS.get(field, "Tanggal")
    return [
        Problem(
            "future_date",
            f"{label} ({day_name(value)}) belum terjadi: tanggal tidak boleh sesudah hari ini "
            f"({day_name(today)}).",
            ERROR,
            field,
        )
    ]


def check_gestation_month(value: int | None, field: str = "gestation_month") -> list[Problem]:
    """An ERROR when the month of pregnancy is outside GESTATION_MONTHS (KIA book: 1-9)."""
    lo, hi = GESTATION_MONTHS
    if value is None or lo <= value <= hi:
        return []
    return [
        Problem(
            "gestation_month_range",
            f"Usia kehamilan harus {lo} sampai {hi} bulan; yang diisi {value}.",
            ERROR,
            field,
        )
    ]


def check_birth_matches_delivery(
    birth_date: date | None, delivery_date: date | None, field: str = "birth_date"
) -> list[Problem]:
    """A newborn registered from a pregnancy is born on that pregnancy's delivery date.

    An ERROR, not a warning: both dates record the same event, so one of them is wrong and
    every age (z-scores, cohorts) or the nifas period (Formulir 2a) would follow the wrong one.
    The message says which two dates disagree so the KPM corrects the wrong one.
    """
    if birth_date is None or delivery_date is None or birth_date == delivery_date:
        return []
    return [
        Problem(
            "birth_not_delivery",
            f"Tanggal lahir anak ({day_name(birth_date)}) berbeda dengan tanggal melahirkan ibu "
            f"yang tercatat ({day_name(delivery_date)}). Anak lahir pada hari ibu melahirkan: "
            "perbaiki salah satunya.",
            ERROR,
            field,
        )
    ]


# Plausible dates (errors). A date outside its range is a typing slip (1900 for 2000, 9999 as
# "unknown", a year of 99999), never a real fact of a 1,000-HPK target: it would put a child at
# 126 years on every report. The ranges follow who the targets are (forms.md, glossary.md).

CHILD_MAX_AGE_MONTHS = CHILD_2C_MONTHS[1]  # followed from birth to <6 years (Formulir 2b, 2c)
MOTHER_AGE_YEARS = (10, 60)  # the youngest and oldest age at which a woman is a target
# A pregnancy lasts about 280 days from the last period (Naegele's rule); the HPL is therefore
# at most ~9.3 months ahead at registration. 10 months leaves room for a late period.
DUE_DATE_MAX_AHEAD_MONTHS = 10
# Deliveries, due dates and monthly records older than this are not a target's current facts:
# a pregnancy is a target until 42 days after delivery, and back-entry covers the last year.
PAST_YEARS = 2


def _out_of_range(
    value: date, earliest: date | None, latest: date | None, field: str, what: str
) -> list[Problem]:
    if earliest is not None and value < earliest:
        return [
            Problem(
                f"{field}_too_early",
                f"{what} {day_name(value)} terlalu lama: paling awal {day_name(earliest)}. "
                "Periksa tahunnya.",
                ERROR,
                field,
            )
        ]
    if latest is not None and value > latest:
        return [
            Problem(
                f"{field}_too_late",
                f"{what} {day_name(value)} terlalu jauh: paling lambat {day_name(latest)}. "
                "Periksa tahunnya.",
                ERROR,
                field,
            )
        ]
    return []


def check_child_birth_date(value: date | None, today: date) -> list[Problem]:
    """A child's birth: not in the future, and under 6 years old today (followed to 72 months)."""
    if value is None:
        return []
    earliest = shift_day(today, -CHILD_MAX_AGE_MONTHS) + timedelta(days=1)
    return _out_of_range(value, earliest, today, "birth_date", "Tanggal lahir anak")


def check_mother_birth_date(value: date | None, today: date) -> list[Problem]:
    """A mother's birth: 10 to 60 years before today (MOTHER_AGE_YEARS)."""
    if value is None:
        return []
    youngest, oldest = MOTHER_AGE_YEARS
    earliest = shift_day(today, -12 * oldest)
    latest = shift_day(today, -12 * youngest)
    return _out_of_range(value, earliest, latest, "birth_date", "Tanggal lahir ibu")


def check_due_date(value: date | None, today: date) -> list[Problem]:
    """HPL: at most DUE_DATE_MAX_AHEAD_MONTHS ahead, at most PAST_YEARS back."""
    if value is None:
        return []
    earliest = shift_day(today, -12 * PAST_YEARS)
    latest = shift_day(today, DUE_DATE_MAX_AHEAD_MONTHS)
    return _out_of_range(value, earliest, latest, "due_date", "HPL (hari perkiraan lahir)")


def check_delivery_date(value: date | None, today: date) -> list[Problem]:
    """Delivery: not in the future (households.rules.check_not_future), at most PAST_YEARS back."""
    if value is None:
        return []
    earliest = shift_day(today, -12 * PAST_YEARS)
    return _out_of_range(value, earliest, None, "delivery_date", "Tanggal melahirkan")
