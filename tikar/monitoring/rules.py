"""Rules of the monthly records (Formulir 2a / 2b / 2c): pure functions, no Django.

The phone applies the same rules before saving (offline.md 7). Each check returns a list of
`Problem`s (code + message in Bahasa Indonesia saying what to fix); ERRORs refuse the input,
WARNINGs are asked about. Calendar arithmetic is the scorecard engine's, so "23 months" and
"42 days after delivery" mean the same thing on the register, the task list and Formulir 3/4.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tikar.households.problems import ERROR, WARNING, Problem
from tikar.scorecard.evaluate import age_in_months, month_end
from tikar.scorecard.rules import POSTNATAL_DAYS

__all__ = [
    "CarriedStatus",
    "check_gestation_month",
    "check_month_key",
    "check_not_future",
    "check_postnatal_checks",
    "check_visit_in_month",
    "child_cohort_on",
    "child_forms_for_month",
    "growth_warnings",
    "last_known_status",
    "nutrition_status",
    "pregnancy_needs_record",
    "pregnancy_phase_on",
]

FORM_2A, FORM_2B, FORM_2C = "2a", "2b", "2c"
CHILD_2B_MONTHS = (0, 24)  # 0 to <24 complete months
CHILD_2C_MONTHS = (24, 72)  # 24 months to <6 years

_MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
_FIELD_LABELS = {
    "birth_date": "Tanggal lahir",
    "delivery_date": "Tanggal melahirkan",
    "visit_date": "Tanggal kunjungan",
    "month": "Bulan",
}


def month_label(month: date) -> str:
    return f"{_MONTHS_ID[month.month - 1]} {month.year}"


def day_label(day: date) -> str:
    return f"{day.day} {_MONTHS_ID[day.month - 1]} {day.year}"


# --------------------------------------------------------------------------------------------
# Dates and ranges (errors)


def check_not_future(value: date | None, today: date, field: str) -> list[Problem]:
    if value is None or value <= today:
        return []
    label = _FIELD_LABELS.get(field, "Tanggal")
    return [
        Problem(
            "future_date",
            f"{label} ({day_label(value)}) belum terjadi: tanggal tidak boleh sesudah hari ini "
            f"({day_label(today)}).",
            ERROR,
            field,
        )
    ]


def check_month_key(month: date | None, today: date) -> list[Problem]:
    if month is None:
        return [Problem("month_missing", "Pilih bulan pemantauan.", ERROR, "month")]
    if month.day != 1:
        return [
            Problem(
                "month_not_first",
                "Bulan pemantauan disimpan sebagai tanggal 1 bulan itu.",
                ERROR,
                "month",
            )
        ]
    if month > today:
        return [
            Problem(
                "future_month",
                f"Bulan {month_label(month)} belum tiba: pemantauan hanya untuk bulan ini atau "
                "bulan yang sudah lewat.",
                ERROR,
                "month",
            )
        ]
    return []


def check_visit_in_month(visit_date: date | None, month: date | None) -> list[Problem]:
    if visit_date is None or month is None:
        return []
    if (visit_date.year, visit_date.month) == (month.year, month.month):
        return []
    return [
        Problem(
            "visit_outside_month",
            f"Tanggal kunjungan {day_label(visit_date)} tidak di bulan {month_label(month)}. "
            f"Isi tanggal di bulan {month_label(month)}, atau simpan di bulan "
            f"{month_label(visit_date.replace(day=1))}.",
            ERROR,
            "visit_date",
        )
    ]


def check_gestation_month(value: int | None, field: str = "gestation_month") -> list[Problem]:
    if value is None or 1 <= value <= 9:
        return []
    return [
        Problem(
            "gestation_month_range",
            f"Usia kehamilan harus 1 sampai 9 bulan; yang diisi {value}.",
            ERROR,
            field,
        )
    ]


def check_postnatal_checks(value: int | None) -> list[Problem]:
    if value is None or 0 <= value <= 4:
        return []
    return [
        Problem(
            "postnatal_checks_range",
            f"Jumlah pemeriksaan nifas bulan ini harus 0 sampai 4; yang diisi {value}.",
            ERROR,
            "postnatal_checks",
        )
    ]


def check_positive(value: Any, field: str, label: str) -> list[Problem]:
    if value is None or value > 0:
        return []
    return [Problem(f"{field}_not_positive", f"{label} harus lebih dari 0.", ERROR, field)]


def check_measurement_has_date(visit_date: date | None, weight: Any, length: Any) -> list[Problem]:
    # The z-scores need the exact age in days: a measurement without its date cannot be scored.
    if visit_date is None and (weight is not None or length is not None):
        return [
            Problem(
                "measurement_without_date",
                "Isi tanggal penimbangan/pengukuran: umur anak dihitung dari tanggal itu.",
                ERROR,
                "visit_date",
            )
        ]
    return []


# --------------------------------------------------------------------------------------------
# Cohorts


def pregnancy_phase_on(delivery_date: date | None, day: date) -> str | None:
    """'pregnant' | 'nifas' | None (no longer a target) on a given day.

    The delivery day is day 0 and nifas runs to day 42 inclusive, as in the scorecard engine:
    42 days after delivery she is still ibu nifas, 43 days after she is not.
    """
    if delivery_date is None or day < delivery_date:
        return "pregnant"
    if (day - delivery_date).days <= POSTNATAL_DAYS:
        return "nifas"
    return None


def pregnancy_needs_record(delivery_date: date | None, month: date) -> bool:
    """Whether a pregnancy is a 2a target on at least one day of `month`."""
    return pregnancy_phase_on(delivery_date, month) is not None


def child_cohort_on(birth: date, day: date) -> str | None:
    """'2b' (0 to <24 complete months), '2c' (24 months to <6 years) or None on a day."""
    if day < birth:
        return None
    age = age_in_months(birth, day)
    if CHILD_2B_MONTHS[0] <= age < CHILD_2B_MONTHS[1]:
        return FORM_2B
    if CHILD_2C_MONTHS[0] <= age < CHILD_2C_MONTHS[1]:
        return FORM_2C
    return None


def child_forms_for_month(birth: date, month: date) -> tuple[str, ...]:
    """The forms a child needs for `month`: those whose age range it is in on some day of it.

    The same reading as the scorecard engine's cohort months, so the month of the 2nd birthday
    (unless it falls on the 1st) asks for both the last 2b record and the first 2c entry.
    """
    if birth > month_end(month):
        return ()
    first, last = max(month, birth), month_end(month)
    forms = []
    for form, (lo, hi) in ((FORM_2B, CHILD_2B_MONTHS), (FORM_2C, CHILD_2C_MONTHS)):
        if age_in_months(birth, last) >= lo and age_in_months(birth, first) < hi:
            forms.append(form)
    return tuple(forms)


def default_child_form(birth: date, month: date) -> str | None:
    """2b while the child is under 24 months on the 1st of the month, else 2c."""
    return child_cohort_on(birth, max(month, birth))


# --------------------------------------------------------------------------------------------
# Growth: status gizi and the questions asked at entry


STUNTING, GIZI_BURUK, GIZI_KURANG = "stunting", "gizi_buruk", "gizi_kurang"
_LABELS = {"len": "PB/U atau TB/U", "wei": "BB/U", "wfl": "BB/PB atau BB/TB", "bmi": "IMT/U"}
_LABELS |= {"hc": "lingkar kepala/U", "ac": "LiLA/U"}


def nutrition_status(score: Mapping[str, Any], oedema: bool = False) -> frozenset[str]:
    """Status gizi from `who2006.score_one` output (forms.md, growth.md).

    On the rounded z, as the Permenkes categories: stunting = zlen < -2; gizi buruk =
    zwfl < -3; gizi kurang = -3 <= zwfl < -2. A flagged (implausible) z gives no status: it
    is asked about at entry and left out, as in prevalence. Oedema makes zwfl empty but is
    itself a sign of severe acute malnutrition, so it counts as gizi buruk (as in prevalence).
    """
    status: set[str] = set()
    zlen, zwfl = score.get("zlen"), score.get("zwfl")
    if zlen is not None and not score.get("flen") and zlen < -2:
        status.add(STUNTING)
    if oedema:
        status.add(GIZI_BURUK)
    elif zwfl is not None and not score.get("fwfl"):
        if zwfl < -3:
            status.add(GIZI_BURUK)
        elif zwfl < -2:
            status.add(GIZI_KURANG)
    return frozenset(status)


def growth_warnings(
    score: Mapping[str, Any],
    *,
    length_cm: float | None = None,
    previous_length_cm: float | None = None,
    previous_date: date | None = None,
) -> list[Problem]:
    """What the screen asks the KPM to confirm before storing a measurement."""
    problems: list[Problem] = []
    for ind in ("len", "wei", "wfl", "bmi", "hc", "ac"):
        if score.get(f"f{ind}"):
            problems.append(
                Problem(
                    f"z{ind}_flagged",
                    f"Nilai {_LABELS[ind]} (z = {score[f'z{ind}']:.2f}) di luar batas wajar WHO. "
                    "Periksa lagi angka timbangan/ukuran, tanggal lahir dan jenis kelamin.",
                    WARNING,
                    "length_cm" if ind == "len" else "weight_kg",
                )
            )
    if score.get("position_warning"):
        problems.append(
            Problem(
                "standing_under_9_months",
                "Anak di bawah 9 bulan diukur berdiri? Bayi diukur terlentang (panjang badan). "
                "Periksa cara ukur.",
                WARNING,
                "measured_lying",
            )
        )
    if (
        length_cm is not None
        and previous_length_cm is not None
        and float(length_cm) < float(previous_length_cm)
    ):
        when = f" ({day_label(previous_date)})" if previous_date else ""
        problems.append(
            Problem(
                "length_shrank",
                f"Panjang/tinggi {float(length_cm):.1f} cm lebih kecil dari pengukuran sebelumnya"
                f"{when}: {float(previous_length_cm):.1f} cm. Anak tidak memendek; ukur ulang.",
                WARNING,
                "length_cm",
            )
        )
    return problems


@dataclass(frozen=True, slots=True)
class CarriedStatus:
    """The last known status gizi at or before a month, and how old it is."""

    status: frozenset[str]
    measured_on: date  # the visit date of the measurement it comes from
    month: date  # that record's month
    carried: bool  # True when it comes from an earlier month

    def age_in_months(self, month: date) -> int:
        return (month.year - self.month.year) * 12 + month.month - self.month.month


def last_known_status(
    records: Iterable[tuple[date, date | None, bool, frozenset[str]]], month: date
) -> CarriedStatus | None:
    """From (month, visit_date, measured, status) rows, the latest measured one up to `month`.

    "Measured" means a status could be computed (length and/or weight present). Without a
    measurement this month, the last known status carries forward and says how old it is
    (forms.md 2b); None when the child was never measured.
    """
    best = None
    for rec_month, visit_date, measured, status in records:
        if measured and rec_month <= month and (best is None or rec_month > best[0]):
            best = (rec_month, visit_date, status)
    if best is None:
        return None
    rec_month, visit_date, status = best
    return CarriedStatus(frozenset(status), visit_date or rec_month, rec_month, rec_month != month)
