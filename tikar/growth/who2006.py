"""WHO Child Growth Standards 2006: z-scores, flags and Permenkes 2/2020 categories.

The rules are those of ``spec/growth.md`` (the same as WHO's own igrowup/anthro software), applied
in its order.  Everything here is vectorised over whole numpy columns so that a survey of a
million children is scored in about a second; there is no Python loop per record.

This module is deliberately free of Django: the batch command, the monitoring screens, the
benchmarks and any notebook can all use it, and it can be tested without a settings module.

Missing values are NaN throughout (z-scores, flags, adjusted length, BMI).  Categories are
English snake_case codes (stable in the database and in URLs); ``CATEGORY_LABELS`` maps them to
the official Indonesian wording of Permenkes 2/2020.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "CATEGORY_CODES",
    "CATEGORY_LABELS",
    "DAYS_PER_MONTH",
    "FEMALE",
    "INDICATORS",
    "LYING",
    "MALE",
    "MAX_AGE_DAYS",
    "MAX_AGE_MONTHS",
    "STANDING",
    "UNKNOWN_POSITION",
    "GrowthResult",
    "LmsTable",
    "compute",
    "load_table",
    "score_one",
    "sd_value",
]

DATA_DIR = Path(__file__).resolve().parent / "data" / "who2006"

# WHO converts between months and days with the average month of the Gregorian 4-year cycle.
DAYS_PER_MONTH = 30.4375
# A z-score exists only while the UNROUNDED age in months is under 60 (WHO anthro tests
# ``age_in_months < 60`` before any rounding): 60.0 months is 1826.25 days, which rounds to day
# 1826, yet is out of scope.  Day 1826 is the last whole day that can be in scope.
MAX_AGE_DAYS = 1826
MAX_AGE_MONTHS = 60.0
# Recumbent length is the standard below 731 days (2 years), standing height from 731 on.
HEIGHT_FROM_DAYS = 731
# Standing is not possible under 9 months: such a record is treated as position unknown.
# Tested on the unrounded age in months, as WHO anthro does (8.999 months is under 9 even
# though it rounds to day 274, which is 9.002 months).
STANDING_MIN_MONTHS = 9
# The 0.1 cm rows of the weight-for-length/height tables are decimal; a length +-0.7 cm is
# rounded to this many decimals so that binary noise (45.7 + 0.7 = 46.400000000000006) never
# moves a length off its row or across a table limit.  Far below any measured precision.
LENGTH_DECIMALS = 9
# Standing height is on average 0.7 cm less than recumbent length (WHO MGRS).
LYING_STANDING_DIFF_CM = 0.7
# With neither age nor position, WHO chooses weight-for-length below 87 cm.
WFL_BY_LENGTH_BELOW_CM = 87.0

MALE = 1
FEMALE = 2

UNKNOWN_POSITION = 0
LYING = 1
STANDING = 2

# The six indicators, in the order WHO's software writes them.
INDICATORS: tuple[str, ...] = ("len", "wei", "wfl", "bmi", "hc", "ac")

# Biologically implausible z-score limits (WHO), applied to the rounded z: (low, high).
FLAG_LIMITS: dict[str, tuple[float, float]] = {
    "len": (-6.0, 6.0),
    "wei": (-6.0, 5.0),
    "wfl": (-5.0, 5.0),
    "bmi": (-5.0, 5.0),
    "hc": (-5.0, 5.0),
    "ac": (-5.0, 5.0),
}

# Category codes per indicator, from the lowest band up.  The integer stored in
# ``GrowthResult.category_index`` is the position in this tuple (-1 when there is no z).
CATEGORY_CODES: dict[str, tuple[str, ...]] = {
    "len": ("severely_stunted", "stunted", "normal", "tall"),
    "wei": ("severely_underweight", "underweight", "normal", "risk_of_overweight"),
    "wfl": (
        "severely_wasted",
        "wasted",
        "normal",
        "possible_risk_of_overweight",
        "overweight",
        "obese",
    ),
    "bmi": (
        "severely_wasted",
        "wasted",
        "normal",
        "possible_risk_of_overweight",
        "overweight",
        "obese",
    ),
}

# Upper bounds of each band but the last, and whether the bound belongs to the band below.
# Permenkes: (-inf,-3) | [-3,-2) | [-2,+1] | (+1,+2] | (+2,+3] | (+3,inf): so -3 and -2 open a
# band (bound belongs above), +1, +2 and +3 close one (bound belongs below).
_CATEGORY_CUTS: dict[str, tuple[tuple[float, bool], ...]] = {
    "len": ((-3.0, False), (-2.0, False), (3.0, True)),
    "wei": ((-3.0, False), (-2.0, False), (1.0, True)),
    "wfl": ((-3.0, False), (-2.0, False), (1.0, True), (2.0, True), (3.0, True)),
    "bmi": ((-3.0, False), (-2.0, False), (1.0, True), (2.0, True), (3.0, True)),
}

_GIZI_LABELS = {
    "severely_wasted": "gizi buruk",
    "wasted": "gizi kurang",
    "normal": "gizi baik",
    "possible_risk_of_overweight": "berisiko gizi lebih",
    "overweight": "gizi lebih",
    "obese": "obesitas",
}

# Official Permenkes 2/2020 wording, per indicator ("normal" reads differently for each).
CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "len": {
        "severely_stunted": "sangat pendek",
        "stunted": "pendek",
        "normal": "normal",
        "tall": "tinggi",
    },
    "wei": {
        "severely_underweight": "berat badan sangat kurang",
        "underweight": "berat badan kurang",
        "normal": "berat badan normal",
        "risk_of_overweight": "risiko berat badan lebih",
    },
    "wfl": dict(_GIZI_LABELS),
    "bmi": dict(_GIZI_LABELS),
}

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike | Sequence[Any] | None

_SEX_CODES = {"1": MALE, "m": MALE, "2": FEMALE, "f": FEMALE}
_POSITION_CODES = {"l": LYING, "h": STANDING}
_OEDEMA_YES = {"y", "1"}


# --------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LmsTable:
    """One WHO LMS table, indexed directly by sex and row number for O(1) vectorised lookup.

    ``l``, ``m`` and ``s`` have shape (3, n): row 0 is unused (so that the sex code is the row)
    and is NaN, as are rows before ``first`` (arm circumference starts at day 91).  Row ``i``
    holds the index value ``start + i * step`` (age in days, or length in cm).
    """

    name: str
    start: float
    step: float
    first: float
    last: float
    l: FloatArray  # noqa: E741 - L, M and S are the standard's own names
    m: FloatArray
    s: FloatArray

    @property
    def size(self) -> int:
        return int(self.l.shape[1])


_TABLE_FILES = {
    "len": ("lenanthro.txt", 1.0),
    "wei": ("weianthro.txt", 1.0),
    "bmi": ("bmianthro.txt", 1.0),
    "hc": ("hcanthro.txt", 1.0),
    "ac": ("acanthro.txt", 1.0),
    "wfl": ("wflanthro.txt", 0.1),
    "wfh": ("wfhanthro.txt", 0.1),
}


@cache
def load_table(name: str) -> LmsTable:
    """Load one table on first use and keep it: startup stays fast, and a batch reads it once."""
    filename, step = _TABLE_FILES[name]
    raw = np.loadtxt(DATA_DIR / filename, skiprows=1, usecols=(0, 1, 2, 3, 4), dtype=np.float64)
    # The day tables start at 0 (or 91 for arm circumference) so the array index is the age
    # itself; the length tables start at 45/65 cm and are indexed in 0.1 cm steps.
    start = 0.0 if step == 1.0 else float(raw[:, 1].min())
    first = float(raw[:, 1].min())
    last = float(raw[:, 1].max())
    size = int(round((last - start) / step)) + 1
    arrays = [np.full((3, size), np.nan) for _ in range(3)]
    sex = raw[:, 0].astype(np.int64)
    # Rounding, not truncating: 45.3 is stored as 45.29999..., and (45.3 - 45) / 0.1 < 3.
    row = np.rint((raw[:, 1] - start) / step).astype(np.int64)
    for target, column in zip(arrays, (2, 3, 4), strict=True):
        target[sex, row] = raw[:, column]
    return LmsTable(name, start, step, first, last, arrays[0], arrays[1], arrays[2])


# --------------------------------------------------------------------------------------------
# Input normalisation
# --------------------------------------------------------------------------------------------


def _as_array(values: ArrayLike, n: int | None) -> np.ndarray:
    if values is None:
        if n is None:
            raise ValueError("at least one input column is needed")
        return np.full(n, np.nan)
    arr = np.asarray(values)
    if arr.ndim == 0:
        # A single value applies to every record (e.g. measure="l" for a whole survey).
        arr = np.full(1 if n is None else n, values, dtype=arr.dtype)
    return arr


def _to_float(values: ArrayLike, n: int) -> FloatArray:
    """Numbers as float64 with NaN for missing (None, '', NaN); non-numbers raise ValueError."""
    arr = _as_array(values, n)
    if arr.dtype.kind in "fiub":
        out = arr.astype(np.float64)
    else:
        obj = arr.astype(object)
        blank = np.frompyfunc(lambda v: v is None or (isinstance(v, str) and not v.strip()), 1, 1)
        missing = blank(obj).astype(bool)
        obj[missing] = np.nan
        out = obj.astype(np.float64)
    if out.shape != (n,):
        raise ValueError(f"expected {n} values, got shape {out.shape}")
    return out


def _codes(values: ArrayLike, n: int, mapping: dict[str, int]) -> npt.NDArray[np.int8]:
    """Map free-text codes to small integers, looking at each *distinct* value only once.

    np.unique keeps this vectorised: a million records of sex hold two or three distinct values.
    Numbers are matched on their integer text ("1", 1, 1.0 all mean the same).
    """
    arr = _as_array(values, n)
    if arr.shape != (n,):
        raise ValueError(f"expected {n} values, got shape {arr.shape}")
    if arr.dtype.kind in "fiub":
        out = np.zeros(n, dtype=np.int8)
        for key, code in mapping.items():
            if key.isdigit():
                out[arr == int(key)] = code
        return out
    if arr.dtype.kind == "U" and arr.dtype.itemsize == 4:
        # One-character codes (the usual l/h, y/n, m/f, 1/2): a lookup table indexed by the
        # code point is O(n), where np.unique would sort a million strings.
        points = arr.view(np.uint32)
        table = np.zeros(int(points.max(initial=0)) + 1, dtype=np.int8)
        for key, code in mapping.items():
            for char in {key, key.upper()}:
                if len(char) == 1 and ord(char) < table.size:
                    table[ord(char)] = code
        return table[points]
    text = arr.astype(str)
    uniques, inverse = np.unique(text, return_inverse=True)
    lookup = np.zeros(len(uniques), dtype=np.int8)
    for i, value in enumerate(uniques):
        key = str(value).strip().lower()
        if key.endswith(".0") and key[:-2].isdigit():
            key = key[:-2]
        lookup[i] = mapping.get(key, 0)
    return lookup[inverse.reshape(-1)]


def round_half_up(values: FloatArray) -> FloatArray:
    """Round to whole days, halves up (100.5 -> 101), as WHO does for ages.

    The tiny epsilon absorbs binary error in months x 30.4375 (a .5 day that came out as
    .49999999999); it is far below any age a user can enter.
    """
    return np.floor(values + 0.5 + 1e-9)


def round2(values: FloatArray) -> FloatArray:
    """R's round(z, 2); np.round (round half to even on x*100) agrees on these values."""
    return np.round(values, 2)


# --------------------------------------------------------------------------------------------
# LMS arithmetic
# --------------------------------------------------------------------------------------------


def _lms_z(y: FloatArray, lv: FloatArray, mv: FloatArray, sv: FloatArray) -> FloatArray:
    # Box-Cox z.  No WHO table has L == 0, but the formula's limit is handled for safety.
    with np.errstate(invalid="ignore", divide="ignore"):
        zero = lv == 0
        safe_l = np.where(zero, 1.0, lv)
        z = (np.power(y / mv, safe_l) - 1.0) / (sv * safe_l)
        if zero.any():
            z = np.where(zero, np.log(y / mv) / sv, z)
    return z


def sd_value(k: float | FloatArray, lv: FloatArray, mv: FloatArray, sv: FloatArray) -> FloatArray:
    """The measurement at k SD: M (1 + L S k)^(1/L) (also used to draw the chart curves)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        zero = lv == 0
        safe_l = np.where(zero, 1.0, lv)
        out = mv * np.power(1.0 + safe_l * sv * k, 1.0 / safe_l)
        if np.any(zero):
            out = np.where(zero, mv * np.exp(sv * k), out)
    return out


def _restrict(
    z: FloatArray, y: FloatArray, lv: FloatArray, mv: FloatArray, sv: FloatArray
) -> FloatArray:
    """WHO's restricted LMS beyond +-3 SD: linear in the distance between SD2 and SD3.

    Only the (few) records beyond +-3 are recomputed, which keeps the common case cheap.
    """
    with np.errstate(invalid="ignore"):
        high = np.flatnonzero(z > 3.0)
        low = np.flatnonzero(z < -3.0)
    if high.size:
        lh, mh, sh = lv[high], mv[high], sv[high]
        sd3 = sd_value(3.0, lh, mh, sh)
        sd2 = sd_value(2.0, lh, mh, sh)
        z[high] = 3.0 + (y[high] - sd3) / (sd3 - sd2)
    if low.size:
        ll, ml, sl = lv[low], mv[low], sv[low]
        sdm3 = sd_value(-3.0, ll, ml, sl)
        sdm2 = sd_value(-2.0, ll, ml, sl)
        z[low] = -3.0 + (y[low] - sdm3) / (sdm2 - sdm3)
    return z


def _by_age(
    table: LmsTable, sex: npt.NDArray[np.int8], age: FloatArray, ok: npt.NDArray[np.bool_]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Gather L, M, S by sex and whole day; NaN where ``ok`` is false or outside the table."""
    ok = ok & (age >= table.first) & (age <= table.last)
    day = np.where(ok, age, 0).astype(np.intp)
    row = np.where(ok, sex, 0).astype(np.intp)  # sex row 0 is all NaN
    return table.l[row, day], table.m[row, day], table.s[row, day]


def _by_length(
    table: LmsTable, sex: npt.NDArray[np.int8], length: FloatArray, ok: npt.NDArray[np.bool_]
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """L, M, S interpolated linearly between the 0.1 cm rows around ``length``.

    The row position is rounded to 1e-6 of a row before flooring: float32 survey data give
    84.8000030517578 and decimal arithmetic gives 84.79999999999, both of which are row 84.8.
    """
    with np.errstate(invalid="ignore"):
        ok = ok & (length >= table.first) & (length <= table.last)
    pos = np.where(ok, (length - table.start) / table.step, 0.0)
    pos = np.round(pos, 6)
    lo = np.floor(pos).astype(np.intp)
    frac = pos - lo
    lo = np.minimum(lo, table.size - 1)
    hi = np.minimum(lo + 1, table.size - 1)  # at the last row (110.0 / 120.0) frac is 0
    row = np.where(ok, sex, 0).astype(np.intp)
    out = []
    for param in (table.l, table.m, table.s):
        a = param[row, lo]
        b = param[row, hi]
        out.append(a + (b - a) * frac)
    return out[0], out[1], out[2]


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass
class GrowthResult:
    """Everything computed for a column of records; each array has one entry per record.

    ``z`` holds the rounded z-scores (what WHO publishes, what flags and categories use),
    ``z_unrounded`` the full-precision values, ``flags`` 0.0/1.0 (NaN where there is no z) and
    ``category_index`` the position in ``CATEGORY_CODES[indicator]`` (-1 where there is no z).
    The normalised inputs are kept because prevalence needs them (sex, age, oedema).
    """

    sex: npt.NDArray[np.int8]
    age_days: FloatArray
    position: npt.NDArray[np.int8]
    oedema: npt.NDArray[np.bool_]
    position_warning: npt.NDArray[np.bool_]
    clenhei: FloatArray
    cbmi: FloatArray
    uses_wfl: npt.NDArray[np.bool_]
    # Unrounded age in months (NaN where unknown); None when built by hand from stored rounded
    # days, in which case ``months`` falls back to age_days / 30.4375.
    age_months: FloatArray | None = None
    z: dict[str, FloatArray] = field(default_factory=dict)
    z_unrounded: dict[str, FloatArray] = field(default_factory=dict)
    flags: dict[str, FloatArray] = field(default_factory=dict)
    category_index: dict[str, npt.NDArray[np.int8]] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.sex.shape[0])

    @property
    def months(self) -> FloatArray:
        """Age in months as WHO tests it (unrounded where known), NaN where unknown."""
        if self.age_months is not None:
            return self.age_months
        return self.age_days / DAYS_PER_MONTH

    @property
    def in_age_scope(self) -> npt.NDArray[np.bool_]:
        """True where the age is known and inside WHO's 0 to under-60-months scope."""
        with np.errstate(invalid="ignore"):
            return (self.months >= 0) & (self.months < MAX_AGE_MONTHS)

    def categories(self, indicator: str) -> npt.NDArray[np.object_]:
        """Category codes (str, or None where there is no z) for ``len wei wfl bmi``."""
        lookup = np.array([*CATEGORY_CODES[indicator], None], dtype=object)
        return lookup[self.category_index[indicator]]  # index -1 picks the trailing None

    def labels(self, indicator: str) -> npt.NDArray[np.object_]:
        """Permenkes Indonesian labels ('' where there is no z), ready for a CSV or a screen."""
        names = CATEGORY_LABELS[indicator]
        lookup = np.array([*(names[c] for c in CATEGORY_CODES[indicator]), ""], dtype=object)
        return lookup[self.category_index[indicator]]


def _categorise(indicator: str, z: FloatArray) -> npt.NDArray[np.int8]:
    index = np.zeros(z.shape, dtype=np.int8)
    for cut, closed_below in _CATEGORY_CUTS[indicator]:
        # Each cut that z lies above moves it one band up.
        index += (z > cut) if closed_below else (z >= cut)
    index[np.isnan(z)] = -1
    return index


def _flag(indicator: str, z: FloatArray) -> FloatArray:
    low, high = FLAG_LIMITS[indicator]
    with np.errstate(invalid="ignore"):
        flag = ((z < low) | (z > high)).astype(np.float64)
    flag[np.isnan(z)] = np.nan
    return flag


def compute(
    sex: ArrayLike,
    age_days: ArrayLike = None,
    *,
    age_months: ArrayLike = None,
    weight: ArrayLike = None,
    lenhei: ArrayLike = None,
    measure: ArrayLike = None,
    headc: ArrayLike = None,
    armc: ArrayLike = None,
    oedema: ArrayLike = None,
) -> GrowthResult:
    """Score every record: adjusted length, BMI, the six z-scores, flags and categories.

    Each argument is a column (numpy array or sequence) of the same length; ``None`` means the
    whole column is missing.  ``age_days`` wins over ``age_months`` where both are given.
    Units: kg, cm.  ``measure`` is l/h, ``oedema`` y/n (or 1/0).
    """
    n = int(_as_array(sex, None).shape[0])

    # Rule 1: sex.  Anything but 1/m/M, 2/f/F leaves every z empty.
    sex_code = _codes(sex, n, _SEX_CODES)
    sex_ok = sex_code > 0

    # Rule 2: age in whole days, half up; months are converted first.  The unrounded age in
    # months is kept: WHO tests the 60-month scope and the 9-month standing rule on it.
    days = _to_float(age_days, n)
    exact_months = days / DAYS_PER_MONTH
    if age_months is not None:
        months = _to_float(age_months, n)
        given_in_months = np.isnan(days)
        days = np.where(given_in_months, months * DAYS_PER_MONTH, days)
        exact_months = np.where(given_in_months, months, exact_months)
    age = round_half_up(days)
    has_age = ~np.isnan(age)
    with np.errstate(invalid="ignore"):
        age_ok = has_age & (days >= 0) & (exact_months < MAX_AGE_MONTHS)
        # An age outside 0..1826 makes the record out of scope for every indicator; only a
        # missing age still allows weight-for-length/height (chosen by position or length).
        in_scope = sex_ok & (age_ok | ~has_age)

    # Rule 3: measured position; standing under 9 months is not plausible.
    position = _codes(measure, n, _POSITION_CODES)
    with np.errstate(invalid="ignore"):
        too_young = age_ok & (exact_months < STANDING_MIN_MONTHS)
    position_warning = (position == STANDING) & too_young
    position = np.where(position_warning, UNKNOWN_POSITION, position).astype(np.int8)

    # Rule 7: a weight or length of zero or less is a missing value.
    w = _to_float(weight, n)
    h = _to_float(lenhei, n)
    with np.errstate(invalid="ignore"):
        w[w <= 0] = np.nan
        h[h <= 0] = np.nan

    # Rule 4: the 0.7 cm rule, on the rounded age.
    with np.errstate(invalid="ignore"):
        add = has_age & (age < HEIGHT_FROM_DAYS) & (position == STANDING)
        sub = has_age & (age >= HEIGHT_FROM_DAYS) & (position == LYING)
    clenhei = (
        h + np.where(add, LYING_STANDING_DIFF_CM, 0.0) - np.where(sub, LYING_STANDING_DIFF_CM, 0.0)
    )
    # Only adjusted lengths are rounded: a measured length passes through bit for bit.
    clenhei = np.where(add | sub, np.round(clenhei, LENGTH_DECIMALS), clenhei)

    # Rule 5: BMI on the adjusted length.
    cbmi = w / (clenhei / 100.0) ** 2

    # Rule 6: oedema.
    oedema_code = _codes(oedema, n, {"y": 1, "1": 1})
    has_oedema = oedema_code > 0

    z_raw: dict[str, FloatArray] = {}
    age_rows = sex_ok & age_ok

    # Length/height-for-age and head circumference: plain LMS, never restricted.
    lv, mv, sv = _by_age(load_table("len"), sex_code, age, age_rows)
    z_raw["len"] = _lms_z(clenhei, lv, mv, sv)
    hc = _to_float(headc, n)
    with np.errstate(invalid="ignore"):
        hc[hc <= 0] = np.nan
    lv, mv, sv = _by_age(load_table("hc"), sex_code, age, age_rows)
    z_raw["hc"] = _lms_z(hc, lv, mv, sv)

    # Weight-based indicators: restricted LMS, and no z at all with oedema (the weight then
    # includes retained fluid, so it says nothing about nutritional status).
    weight_rows = age_rows & ~has_oedema
    lv, mv, sv = _by_age(load_table("wei"), sex_code, age, weight_rows)
    z_raw["wei"] = _restrict(_lms_z(w, lv, mv, sv), w, lv, mv, sv)

    # Rule 8: choose weight-for-length or weight-for-height; no fall-back between them.
    with np.errstate(invalid="ignore"):
        use_wfl = np.where(
            has_age,
            age < HEIGHT_FROM_DAYS,
            np.where(
                position == LYING,
                True,
                np.where(position == STANDING, False, clenhei < WFL_BY_LENGTH_BELOW_CM),
            ),
        )
    wfl_rows = in_scope & ~has_oedema
    zwfl = np.full(n, np.nan)
    for name, rows in (("wfl", wfl_rows & use_wfl), ("wfh", wfl_rows & ~use_wfl)):
        table = load_table(name)
        lv, mv, sv = _by_length(table, sex_code, clenhei, rows)
        z_part = _restrict(_lms_z(w, lv, mv, sv), w, lv, mv, sv)
        zwfl = np.where(rows & ~np.isnan(z_part), z_part, zwfl)
    z_raw["wfl"] = zwfl

    lv, mv, sv = _by_age(load_table("bmi"), sex_code, age, weight_rows)
    z_raw["bmi"] = _restrict(_lms_z(cbmi, lv, mv, sv), cbmi, lv, mv, sv)

    ac = _to_float(armc, n)
    with np.errstate(invalid="ignore"):
        ac[ac <= 0] = np.nan
    lv, mv, sv = _by_age(load_table("ac"), sex_code, age, age_rows)
    z_raw["ac"] = _restrict(_lms_z(ac, lv, mv, sv), ac, lv, mv, sv)

    result = GrowthResult(
        sex=sex_code,
        age_days=np.where(has_age, age, np.nan),
        age_months=np.where(has_age, exact_months, np.nan),
        position=position,
        oedema=has_oedema,
        position_warning=position_warning,
        clenhei=clenhei,
        cbmi=cbmi,
        uses_wfl=use_wfl.astype(bool),
    )
    for indicator in INDICATORS:
        # Rule 9 and 10: round as WHO publishes; flags and categories use the rounded value.
        raw = z_raw[indicator]
        rounded = round2(raw)
        result.z_unrounded[indicator] = raw
        result.z[indicator] = rounded
        result.flags[indicator] = _flag(indicator, rounded)
        if indicator in CATEGORY_CODES:
            result.category_index[indicator] = _categorise(indicator, rounded)
    return result


def _py(value: Any) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def score_one(
    sex: int | str | None,
    age_days: float | None = None,
    *,
    age_months: float | None = None,
    weight: float | None = None,
    lenhei: float | None = None,
    measure: str | None = None,
    headc: float | None = None,
    armc: float | None = None,
    oedema: str | bool | None = None,
) -> dict[str, Any]:
    """Score one measurement (for the monitoring screens); plain Python values, None = empty.

    Keys: ``age_days``, ``age_completed_months`` (what health workers read in the printed
    tables), ``position_warning``, ``clenhei``, ``cbmi``, ``z<ind>``, ``z<ind>_unrounded``,
    ``f<ind>`` (0/1), ``cat_<ind>`` (code) and ``label_<ind>`` (Permenkes wording) for
    ``ind`` in len wei wfl bmi hc ac (categories for the first four only).
    """
    return score_many(
        [
            {
                "sex": sex,
                "age_days": age_days,
                "age_months": age_months,
                "weight": weight,
                "lenhei": lenhei,
                "measure": measure,
                "headc": headc,
                "armc": armc,
                "oedema": oedema,
            }
        ]
    )[0]


def score_many(measurements: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """`score_one` for many measurements with one call of `compute` (the bulk import).

    Each mapping has `score_one`'s argument names as keys (missing = None); returns one dict
    per measurement with `score_one`'s keys, in the same order. Every value is computed
    element by element, so it is the value `score_one` gives for that measurement alone.
    """
    if not measurements:
        return []

    def col(key: str) -> list[Any]:
        return [np.nan if m.get(key) is None else m[key] for m in measurements]

    def text(value: Any) -> str:
        if isinstance(value, bool):
            return "y" if value else "n"
        return value or ""

    result = compute(
        [m.get("sex") if m.get("sex") is not None else "" for m in measurements],
        col("age_days"),
        age_months=col("age_months"),
        weight=col("weight"),
        lenhei=col("lenhei"),
        measure=[m.get("measure") or "" for m in measurements],
        headc=col("headc"),
        armc=col("armc"),
        oedema=[text(m.get("oedema")) for m in measurements],
    )
    categories = {ind: result.categories(ind) for ind in CATEGORY_CODES}
    labels = {ind: result.labels(ind) for ind in CATEGORY_CODES}
    outs = []
    for i in range(len(measurements)):
        age = _py(result.age_days[i])
        out: dict[str, Any] = {
            "age_days": None if age is None else int(age),
            "age_completed_months": None if age is None else int(age // DAYS_PER_MONTH),
            "position_warning": bool(result.position_warning[i]),
            "clenhei": _py(result.clenhei[i]),
            "cbmi": _py(result.cbmi[i]),
        }
        for ind in INDICATORS:
            out[f"z{ind}"] = _py(result.z[ind][i])
            out[f"z{ind}_unrounded"] = _py(result.z_unrounded[ind][i])
            flag = _py(result.flags[ind][i])
            out[f"f{ind}"] = None if flag is None else int(flag)
            if ind in CATEGORY_CODES:
                out[f"cat_{ind}"] = categories[ind][i]
                out[f"label_{ind}"] = labels[ind][i] or None
        outs.append(out)
    return outs
