"""Rules of the monthly records (Formulir 2a / 2b / 2c): pure functions, no Django.

The phone applies the same rules before saving (offline.md 7). Each check returns a list of
`Problem`s (code + message in Bahasa Indonesia saying what to fix); ERRORs refuse the input,
WARNINGs are asked about. Calendar arithmetic is `tikar.calendar`'s, so "23 months" and
"42 days after delivery" mean the same thing on the register, the task list and Formulir 3/4.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tikar.calendar import (
    BALITA_MONTHS,
    CHILD_0_23_MONTHS,
    POSTNATAL_DAYS,
    age_in_months,
    day_name,
    is_balita_month,
    month_end,
    month_name,
    months_between,
    shift_day,
)
from tikar.households.problems import ERROR, WARNING, Problem
from tikar.households.rules import CHILD_2C_MONTHS, PAST_YEARS

__all__ = [
    "Age",
    "CarriedStatus",
    "Gestation",
    "age_on",
    "gestation_for_month",
    "is_unjudged",
    "status_labels",
    "check_child_measurement_limits",
    "check_month_followed",
    "check_month_not_too_old",
    "check_mother_muac",
    "check_visit_after_birth",
    "check_month_key",
    "check_postnatal_checks",
    "check_visit_in_month",
    "check_weighing_only",
    "is_weighing_only_month",
    "child_cohort_on",
    "child_forms_for_month",
    "child_record_forms",
    "growth_warnings",
    "last_known_status",
    "nutrition_status",
    "pregnancy_needs_record",
    "pregnancy_phase_on",
]

FORM_2A, FORM_2B, FORM_2C = "2a", "2b", "2c"
CHILD_2B_MONTHS = CHILD_0_23_MONTHS  # 0 to <24 complete months
# Balita: the posyandu weighs every child of 0-59 completed months each month (e-PPGBM covers
# the same ages; spec/posyandu.md). A child's ChildVisit (the Formulir 2b record) therefore
# follows it to 59 months; from the month it is 24 months old on the 1st, the record holds the
# weighing only (WEIGHING_ONLY_FIELDS), and Formulir 2b, 3b, 4 still count 0-23 months.
WEIGHING_ONLY_FIELDS = frozenset(
    {
        "visit_date",
        "posyandu",
        "weight_kg",
        "length_cm",
        "measured_lying",
        "head_circumference_cm",
        "muac_cm",
        "oedema",
        "growth_mat",
        "gain_override_reason",
    }
)

# The Formulir 2b service questions, as the weighing-only message names them.
_SERVICE_LABELS = {
    "immunisation_up_to_date": "Imunisasi sesuai umur",
    "immunisation_basic_complete": "Imunisasi dasar lengkap",
    "immunisation_measles": "Imunisasi campak/MR",
    "counselling_mother": "Konseling gizi ibu",
    "counselling_father": "Konseling gizi ayah",
    "home_visit": "Kunjungan rumah",
    "safe_water": "Air minum layak",
    "latrine": "Jamban layak",
    "birth_certificate": "Akta kelahiran",
    "health_insurance": "Jaminan kesehatan",
    "parenting_class": "Kelas pengasuhan (BKB)",
}


def id_decimal(value: Any, places: int) -> str:
    """A number as written in Bahasa Indonesia, with a decimal comma: id_decimal(-2.5, 2) is
    "-2,50". These messages are read by KPM who type and read decimals with a comma."""
    return f"{float(value):.{places}f}".replace(".", ",")


def _g(value: float) -> str:
    """A number in its shortest form with a decimal comma: 0.4 → "0,4", 30.0 → "30"."""
    return f"{value:g}".replace(".", ",")


# --------------------------------------------------------------------------------------------
# Dates and ranges (errors)


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
                f"Bulan {month_name(month)} belum tiba: pemantauan hanya untuk bulan ini atau "
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
            f"Tanggal kunjungan {day_name(visit_date)} tidak di bulan {month_name(month)}. "
            f"Isi tanggal di bulan {month_name(month)}, atau simpan di bulan "
            f"{month_name(visit_date.replace(day=1))}.",
            ERROR,
            "visit_date",
        )
    ]


# The postnatal checks (KF1-KF4) that can fall in one month; also a CHECK constraint.
POSTNATAL_CHECKS = (0, 4)


def check_postnatal_checks(value: int | None) -> list[Problem]:
    lo, hi = POSTNATAL_CHECKS
    if value is None or lo <= value <= hi:
        return []
    return [
        Problem(
            "postnatal_checks_range",
            f"Jumlah pemeriksaan nifas bulan ini harus {lo} sampai {hi}; yang diisi {value}.",
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
# Plausible months (errors): a monthly record's month back to households.rules.PAST_YEARS.
# A month this far before the HPL is before the pregnancy.
PREGNANCY_MONTHS_BEFORE_DUE = 10


def check_month_not_too_old(month: date | None, today: date) -> list[Problem]:
    """A monthly record's month: at most PAST_YEARS back."""
    if month is None:
        return []
    earliest = shift_day(today, -12 * PAST_YEARS).replace(day=1)
    if month >= earliest:
        return []
    return [
        Problem(
            "month_too_early",
            f"Bulan {month_name(month)} terlalu lama: pemantauan dapat diisi paling awal untuk "
            f"bulan {month_name(earliest)}. Periksa tahunnya.",
            ERROR,
            "month",
        )
    ]


def check_visit_after_birth(visit_date: date | None, birth_date: date | None) -> list[Problem]:
    """A child's visit (weighing) cannot be before the child was born."""
    if visit_date is None or birth_date is None or visit_date >= birth_date:
        return []
    return [
        Problem(
            "visit_before_birth",
            f"Tanggal kunjungan {day_name(visit_date)} sebelum anak lahir "
            f"({day_name(birth_date)}). Isi tanggal pada atau sesudah tanggal lahir, atau "
            "perbaiki tanggal lahir anak.",
            ERROR,
            "visit_date",
        )
    ]


# --------------------------------------------------------------------------------------------
# Physical limits of a measurement (errors), separate from WHO's flags (warnings).
#
# WHO's flags (|z| beyond 5 or 6) mark values that are unlikely but possible, so the KPM may
# confirm them ("saya sudah mengukur ulang"). The limits below mark values no child of 0-23
# months (Formulir 2b) can have, so they are refused whatever is confirmed. They are the range
# of the WHO 2006 tables for 0-24 months (weianthro, lenanthro, hcanthro, acanthro: -3 SD at
# birth to +3 SD at 24 months, both sexes) widened by about half on each side, wide enough for
# a surviving very preterm baby (weight >= 0.4 kg, length >= 25 cm) and for any real child:
#   weight    WHO 2.0-17.1 kg   -> 0.4-30 kg
#   length    WHO 43.6-97.0 cm  -> 25-125 cm (also the 45-120 cm of WHO's weight-for-length)
#   head circ WHO 31.5-52.0 cm  -> 18-65 cm
#   MUAC      WHO 10.7-18.9 cm  -> 5-30 cm (acanthro starts at 3 months; newborns are smaller)
# A pregnant woman's MUAC (LiLA, KEK below 23.5 cm): 10-60 cm covers the extremes of adults.

CHILD_LIMITS = {
    "weight_kg": (0.4, 30.0, "Berat badan", "kg"),
    "length_cm": (25.0, 125.0, "Panjang/tinggi badan", "cm"),
    "head_circumference_cm": (18.0, 65.0, "Lingkar kepala", "cm"),
    "muac_cm": (5.0, 30.0, "Lingkar lengan atas (LiLA)", "cm"),
}
MOTHER_MUAC_LIMITS = (10.0, 60.0, "LiLA ibu", "cm")


def _limit(value: Any, field: str, limits: tuple[float, float, str, str]) -> list[Problem]:
    if value is None:
        return []
    lo, hi, label, unit = limits
    number = float(value)
    if number <= 0 or lo <= number <= hi:  # zero or less: check_positive says it
        return []
    return [
        Problem(
            f"{field}_impossible",
            f"{label} {_g(number)} {unit} tidak mungkin: harus antara {_g(lo)} dan {_g(hi)} "
            f"{unit}. "
            "Periksa angka dan satuannya (kg, cm), lalu ukur ulang.",
            ERROR,
            field,
        )
    ]


def check_child_measurement_limits(**values: Any) -> list[Problem]:
    """Errors for measurements outside CHILD_LIMITS; keywords are the ChildVisit field names."""
    problems: list[Problem] = []
    for field, value in values.items():
        problems += _limit(value, field, CHILD_LIMITS[field])
    return problems


def check_mother_muac(value: Any, field: str = "muac_cm") -> list[Problem]:
    return _limit(value, field, MOTHER_MUAC_LIMITS)


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


def check_month_followed(
    form: str,
    month: date,
    *,
    birth_date: date | None = None,
    delivery_date: date | None = None,
    due_date: date | None = None,
    closed_at: date | None = None,
) -> list[Problem]:
    """Whether a target is followed on `form` ("2a" | "2b" | "2c") in `month`; else an ERROR.

    The one reading of "followed" for the page (which offers no such month), the API, the
    import and the phone: not after the month the target was closed; a pregnancy from
    PREGNANCY_MONTHS_BEFORE_DUE months before its HPL (or delivery) to the end of nifas
    (pregnancy_needs_record); a child in the months its age puts it on that form
    (child_forms_for_month), never before its birth.
    """
    if closed_at is not None and month > closed_at.replace(day=1):
        return [
            Problem(
                "target_closed",
                f"Sasaran ini ditutup pada {day_name(closed_at)}: bulan {month_name(month)} "
                "tidak dipantau lagi. Pilih bulan sebelum sasaran ditutup.",
                ERROR,
                "month",
            )
        ]
    if form == FORM_2A:
        if not pregnancy_needs_record(delivery_date, month):
            assert delivery_date is not None
            last = delivery_date + timedelta(days=POSTNATAL_DAYS)
            return [
                Problem(
                    "after_postnatal",
                    f"Masa nifas berakhir {day_name(last)} (42 hari sesudah melahirkan "
                    f"{day_name(delivery_date)}): bulan {month_name(month)} tidak dipantau "
                    "lagi di Formulir 2a. Catat bayinya sebagai anak.",
                    ERROR,
                    "month",
                )
            ]
        anchor = delivery_date or due_date
        if anchor is not None:
            first = shift_day(anchor, -PREGNANCY_MONTHS_BEFORE_DUE).replace(day=1)
            if month < first:
                what = "melahirkan" if delivery_date else "HPL"
                return [
                    Problem(
                        "before_pregnancy",
                        f"Bulan {month_name(month)} sebelum kehamilan ini ({what} "
                        f"{day_name(anchor)}): paling awal bulan {month_name(first)}.",
                        ERROR,
                        "month",
                    )
                ]
        return []
    if birth_date is None:
        return []
    if birth_date > month_end(month):
        return [
            Problem(
                "before_birth",
                f"Anak lahir {day_name(birth_date)}: bulan {month_name(month)} sebelum "
                "kelahirannya. Pilih bulan lahir atau sesudahnya.",
                ERROR,
                "month",
            )
        ]
    if form == FORM_2B and is_balita_month(birth_date, month):
        return []  # 0-23 months a full 2b record, 24-59 the weighing only (check_weighing_only)
    if form not in child_forms_for_month(birth_date, month):
        age = age_in_months(birth_date, max(month, birth_date))
        lo, hi = BALITA_MONTHS if form == FORM_2B else CHILD_2C_MONTHS
        return [
            Problem(
                "out_of_cohort",
                f"Pada bulan {month_name(month)} anak berumur {age} bulan: Formulir {form} "
                f"untuk umur {lo} sampai sebelum {hi} bulan. Isi formulir yang sesuai umurnya.",
                ERROR,
                "month",
            )
        ]
    return []


def default_child_form(birth: date, month: date) -> str | None:
    """2b while the child is under 24 months on the 1st of the month, else 2c."""
    return child_cohort_on(birth, max(month, birth))


def child_record_forms(birth: date, month: date) -> tuple[str, ...]:
    """The forms a record of the child may be written on for `month` (API, sync, import).

    The forms it needs (`child_forms_for_month`), plus 2b in every balita month: from 24 to
    59 months the ChildVisit holds the posyandu's weighing only (`is_weighing_only_month`).
    """
    forms = child_forms_for_month(birth, month)
    if FORM_2B not in forms and is_balita_month(birth, month):
        forms = (FORM_2B, *forms)
    return forms


def is_weighing_only_month(birth: date, month: date) -> bool:
    """Whether a child's ChildVisit of `month` holds the posyandu weighing only.

    True for a balita month in which the child is 24 months or older on the 1st (so that
    `default_child_form` gives 2c): Formulir 2b no longer asks its services then.
    """
    return is_balita_month(birth, month) and default_child_form(birth, month) != FORM_2B


def check_weighing_only(
    birth_date: date | None, month: date | None, answered: Iterable[str]
) -> list[Problem]:
    """Refuse service answers on a weighing-only ChildVisit (a child 24-59 months).

    `answered`: the names of the record's fields that hold an answer (not None / not empty).
    The one rule of the page, the API, the sync and the import: each field outside
    WEIGHING_ONLY_FIELDS gets an ERROR on that field, in Bahasa Indonesia.
    """
    if birth_date is None or month is None or not is_weighing_only_month(birth_date, month):
        return []
    age = age_in_months(birth_date, max(month, birth_date))
    return [
        Problem(
            "weighing_only",
            f"Pada bulan {month_name(month)} anak berumur {age} bulan: catatan bulanan "
            "anak 24-59 bulan hanya berisi penimbangan dan pengukuran di posyandu. "
            f'Kosongkan isian "{_SERVICE_LABELS.get(name, name)}" (layanan Formulir 2b hanya '
            "untuk anak 0-23 bulan).",
            ERROR,
            name,
        )
        for name in sorted(set(answered) - WEIGHING_ONLY_FIELDS)
    ]


# --------------------------------------------------------------------------------------------
# Growth: status gizi and the questions asked at entry


STUNTING, GIZI_BURUK, GIZI_KURANG = "stunting", "gizi_buruk", "gizi_kurang"
# A flagged (implausible) z: the status cannot be judged from this measurement. It is a status
# of its own so that no page, count or export can read the absence of a finding as "normal".
UNJUDGED = "tidak_dapat_dinilai"
UNJUDGED_TEXT = "Tidak dapat dinilai: nilai di luar batas wajar WHO, ukur ulang"
_LABELS = {"len": "PB/U atau TB/U", "wei": "BB/U", "wfl": "BB/PB atau BB/TB", "bmi": "IMT/U"}
_LABELS |= {"hc": "lingkar kepala/U", "ac": "LiLA/U"}


def nutrition_status(score: Mapping[str, Any], oedema: bool = False) -> frozenset[str]:
    """Status gizi from `who2006.score_one` output (forms.md, growth.md).

    On the rounded z, as the Permenkes categories: stunting = zlen < -2; gizi buruk =
    zwfl < -3; gizi kurang = -3 <= zwfl < -2. A flagged (implausible) z gives no finding: it
    is asked about at entry and left out, as in prevalence, and adds UNJUDGED (see
    `is_unjudged`) so that the record is never shown or counted as "normal". Oedema makes zwfl
    empty but is itself a sign of severe acute malnutrition, so it counts as gizi buruk (as in
    prevalence).
    """
    status: set[str] = set()
    if is_unjudged(score.get("flen"), score.get("fwei"), score.get("fwfl"), oedema):
        status.add(UNJUDGED)
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


def is_unjudged(flen: Any, fwei: Any, fwfl: Any, oedema: bool = False) -> bool:
    """Whether a measurement's status gizi cannot be judged (WHO implausible-value flags).

    The status reads length-for-age (stunting) and weight-for-length (wasting); a flag on
    either, or on weight-for-age (the same weight), means the numbers are likely wrong (a typo,
    the wrong birth date or sex), so "no problem found" would be a guess. With oedema the
    weight is not used (gizi buruk by definition), so only the length flag counts.
    """
    if flen:
        return True
    return not oedema and bool(fwei or fwfl)


def status_labels(status: Iterable[str]) -> list[str]:
    """The words of a status gizi in Bahasa Indonesia; ["Normal"] only for a judged status."""
    status = frozenset(status)
    words = [w for code, w in _STATUS_WORDS if code in status]
    if UNJUDGED in status:
        words.append(UNJUDGED_TEXT if not words else "sebagian " + UNJUDGED_TEXT.lower())
    return words or ["Normal"]


_STATUS_WORDS = ((STUNTING, "Stunting"), (GIZI_BURUK, "Gizi buruk"), (GIZI_KURANG, "Gizi kurang"))


@dataclass(frozen=True, slots=True)
class Age:
    """A child's age on a day: completed calendar months and days since birth."""

    months: int
    days: int


def age_on(birth: date, day: date) -> Age:
    """THE age of a child on `day`, used by every page (target page, entry page, z-scores).

    Completed months by the calendar (`tikar.calendar.age_in_months`: 9 months on the day
    of the month of birth 9 months later), and days since birth; 0/0 before birth.
    """
    day = max(day, birth)
    return Age(age_in_months(birth, day), (day - birth).days)


@dataclass(frozen=True, slots=True)
class Gestation:
    """The gestation month proposed for a monthly record, and where it comes from."""

    month: int | None
    source: str  # "record" | "registration" | "hpl" | ""
    note: str  # Bahasa Indonesia: what the value is based on ("" when there is none)


def gestation_for_month(
    month: date,
    *,
    typed: int | None,
    typed_in: date | None,
    due_date: date | None,
    delivery_date: date | None,
) -> Gestation:
    """The gestation month to propose for `month` (Formulir 2a).

    A typed value comes first: the latest earlier record's month, or the month typed at
    registration (`typed`, in the month `typed_in`), advanced by the months elapsed since.
    Only without one is it estimated from the HPL (9 in the due month, one less per month
    before), and then it says so. None after the delivery, or when the result leaves 1-9.
    """
    if delivery_date is not None and delivery_date < month_end(month):
        return Gestation(None, "", "")
    if typed is not None and typed_in is not None:
        value = typed + months_between(typed_in.replace(day=1), month)
        if 1 <= value <= 9:
            return Gestation(
                value,
                "registration",
                f"Dari bulan kehamilan yang diisi ({typed} bulan pada {month_name(typed_in)}), "
                "ditambah bulan yang berlalu. Ubah bila tidak sesuai.",
            )
    if due_date is not None:
        value = 9 - months_between(month, due_date)
        if 1 <= value <= 9:
            return Gestation(
                value,
                "hpl",
                f"Perkiraan dari HPL {day_name(due_date)}, bukan isian. Periksa dan ubah bila "
                "tidak sesuai.",
            )
    return Gestation(None, "", "")


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
                    f"Nilai {_LABELS[ind]} (z = {id_decimal(score[f'z{ind}'], 2)}) di luar batas wajar WHO. "
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
        when = f" ({day_name(previous_date)})" if previous_date else ""
        problems.append(
            Problem(
                "length_shrank",
                f"Panjang/tinggi {id_decimal(length_cm, 1)} cm lebih kecil dari pengukuran "
                f"sebelumnya{when}: {id_decimal(previous_length_cm, 1)} cm. Anak tidak memendek; "
                "ukur ulang.",
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
        return months_between(self.month, month)


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
