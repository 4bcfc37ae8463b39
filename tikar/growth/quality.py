"""Data quality of a period's anthropometry, as the WHO-UNICEF 2019 recommendations describe.

Pure: no Django import (the view reads the rows, this module counts). The figures follow
"Recommendations for data collection, analysis and reporting on anthropometric indicators in
children under 5 years old" (WHO and UNICEF, 2019), which asks a survey to report, beside the
prevalence: the SD of each z-score, the share of flagged values, missing data, terminal-digit
preference of weight and length, and the position of measurement by age. To these the posyandu
adds the growth mat checked against the measured length (tikar.growth.mat) and the child-months
nobody weighed.

Expected ranges, and where they come from:

- SD of the z-scores: the WHO 2006 standard's own population has SD 1 by construction; real data
  are wider. The ranges shown are the 5th-95th percentiles of the SD in 51 Demographic and
  Health Surveys scored with the WHO 2006 standards (Mei Z, Grummer-Strawn LM, "Standard
  deviation of anthropometric Z-scores as a data quality assessment tool using the 2006 WHO
  growth standards: a cross country analysis", Bull World Health Organ 2007;85:441-448):
  PB/U (HAZ) 1.35-1.95, BB/U (WAZ) 1.17-1.46, BB/PB (WHZ) 1.08-1.50. We could not confirm from
  the text of the WHO-UNICEF 2019 document itself which reference values it gives, so the
  ranges are labelled "perkiraan" (approximate) with this source, not as WHO-UNICEF's.
- Terminal digit: with no preference each last digit 0-9 of a value recorded to 0.1 kg / 0.1 cm
  is 10% of the values, so .0 and .5 together 20%. The digit preference score (DPS) is the
  WHO MONICA one (Kuulasmaa, Hense, Tolonen, "Quality assessment of data on blood pressure in
  the WHO MONICA Project", 1998), DPS = 100 * sqrt(chi2 / (n * 9)) with chi2 the goodness-of-fit
  statistic of the 10 digit counts against a uniform spread; the classes are SMART's as
  implemented by nipnTK's digitPreference(): < 8 excellent, < 12 good, < 20 acceptable, else
  problematic.
- Position: WHO 2006 measures lying under 24 months and standing from 24 months; expected 0%
  the other way.

Every figure carries the ids behind it (`Figure.ids`): measurement (ChildVisit) ids, except
"not_weighed", whose ids are child ids.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tikar.calendar import is_balita_month
from tikar.growth.mat import MatCutoffs, check_mat, default_cutoffs

__all__ = [
    "COUNT_KEYS",
    "FIGURE_CODES",
    "SD_RANGES",
    "ChildMonths",
    "Figure",
    "Measurement",
    "SdRange",
    "digit_preference_score",
    "dps_class",
    "figures",
    "figures_from_counts",
    "is_balita_month",
    "last_digit",
    "row_counts",
]

Number = float | int | Decimal


@dataclass(frozen=True, slots=True)
class Measurement:
    """One monthly record of a child with something measured.

    `id`, `child_id`: any hashable key (the records' UUIDs as read). Units: kg, cm; `age_months` completed calendar months on the visit date (else the month's
    last day); z values rounded to two decimals as stored, flags True when WHO flags the z;
    `measured_lying` None when the position was not recorded; `growth_mat` "hijau" | "kuning" |
    "merah" | anything else (no reading).
    """

    id: Hashable
    child_id: Hashable
    month: date
    sex: str = ""
    age_days: int | None = None
    age_months: int | None = None
    weight_kg: Number | None = None
    length_cm: Number | None = None
    measured_lying: bool | None = None
    oedema: bool | None = None
    zlen: float | None = None
    flen: bool | None = None
    zwei: float | None = None
    fwei: bool | None = None
    zwfl: float | None = None
    fwfl: bool | None = None
    growth_mat: str | None = None


@dataclass(frozen=True, slots=True)
class ChildMonths:
    """A child to weigh: born `birth`, left the register on `closed_at` (None: still followed)."""

    child_id: Hashable
    birth: date
    closed_at: date | None = None


@dataclass(frozen=True, slots=True)
class SdRange:
    low: float
    high: float
    approximate: bool
    source: str


MEI_2007 = (
    "Mei Z, Grummer-Strawn LM. Bull World Health Organ 2007;85:441-448 "
    "(persentil 5-95 dari 51 survei DHS, standar WHO 2006)"
)
# Indicator -> expected SD range (see the module docstring).
SD_RANGES: dict[str, SdRange] = {
    "zlen": SdRange(1.35, 1.95, True, MEI_2007),
    "zwei": SdRange(1.17, 1.46, True, MEI_2007),
    "zwfl": SdRange(1.08, 1.50, True, MEI_2007),
}
INDICATORS = ("zlen", "zwei", "zwfl")
_FLAG = {"zlen": "flen", "zwei": "fwei", "zwfl": "fwfl"}

FIGURE_CODES = (
    "sd_zlen",
    "sd_zwei",
    "sd_zwfl",
    "flag_zlen",
    "flag_zwei",
    "flag_zwfl",
    "missing_weight",
    "missing_length",
    "missing_position",
    "missing_z",
    "digit_weight",
    "digit_length",
    "standing_under_24",
    "lying_24_plus",
    "mat_mismatch",
    "not_weighed",
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One data-quality figure.

    `kind` "sd": `value` is the sample SD (n - 1) of the non-flagged z values, `denominator` how
    many; "pct": `value` = 100 * numerator / denominator. `value` None without data (an SD needs
    2 values). `unusual` True when outside the expected range, False inside, None when there is
    no range or no value (an SD's detail["side"] says "below" or "above" the range). `detail` holds figure-specific extras (mean, per-digit %, DPS...).
    """

    code: str
    kind: str
    value: float | None
    numerator: int | None
    denominator: int
    ids: tuple[Hashable, ...]
    unusual: bool | None = None
    detail: dict[str, Any] = field(default_factory=dict)


def _pct(num: int, den: int) -> float | None:
    return 100.0 * num / den if den else None


def _f(x: Number | None) -> float | None:
    return None if x is None else float(x)


def sample_sd(values: Sequence[float]) -> float | None:
    """Sample standard deviation (divisor n - 1); None for fewer than 2 values."""
    n = len(values)
    if n < 2:
        return None
    mean = sum(values) / n
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))


def sd_figure(indicator: str, rows: Iterable[Measurement]) -> Figure:
    """SD of `indicator` ("zlen" | "zwei" | "zwfl") over the values WHO does not flag."""
    used = [
        (r.id, getattr(r, indicator))
        for r in rows
        if getattr(r, indicator) is not None and not getattr(r, _FLAG[indicator])
    ]
    values = [float(z) for _, z in used]
    sd = sample_sd(values)
    rng = SD_RANGES[indicator]
    side = ""
    if sd is not None and round(sd, 2) < rng.low:
        side = "below"
    elif sd is not None and round(sd, 2) > rng.high:
        side = "above"
    unusual = None if sd is None else bool(side)
    mean = sum(values) / len(values) if values else None
    return Figure(
        f"sd_{indicator}",
        "sd",
        sd,
        None,
        len(values),
        tuple(i for i, _ in used),
        unusual,
        {"mean": mean, "range": rng, "side": side},
    )


def flag_figure(indicator: str, rows: Iterable[Measurement]) -> Figure:
    """% of the computed `indicator` z values that WHO flags (implausible)."""
    computed = [r for r in rows if getattr(r, indicator) is not None]
    flagged = [r.id for r in computed if getattr(r, _FLAG[indicator])]
    return Figure(
        f"flag_{indicator}",
        "pct",
        _pct(len(flagged), len(computed)),
        len(flagged),
        len(computed),
        tuple(flagged),
    )


def _z_missing(r: Measurement) -> bool:
    """A z that should exist from what was typed but could not be computed (e.g. out of the
    WHO table's length range, no age). Oedema blanks BB/U and BB/PB by WHO's rule: not missing."""
    oedema = bool(r.oedema)
    if r.length_cm is not None and r.zlen is None:
        return True
    if r.weight_kg is not None and not oedema and r.zwei is None:
        return True
    return r.weight_kg is not None and r.length_cm is not None and not oedema and r.zwfl is None


def missing_figures(rows: Sequence[Measurement]) -> list[Figure]:
    """% missing over the measurements (records with a weight or a length).

    missing_weight: a length without a weight; missing_length: a weight without a length;
    missing_position: a length without lying/standing; missing_z: see `_z_missing`.
    """
    measured = [r for r in rows if r.weight_kg is not None or r.length_cm is not None]
    n = len(measured)
    picks = {
        "missing_weight": [r.id for r in measured if r.weight_kg is None],
        "missing_length": [r.id for r in measured if r.length_cm is None],
        "missing_position": [
            r.id for r in measured if r.length_cm is not None and r.measured_lying is None
        ],
        "missing_z": [r.id for r in measured if _z_missing(r)],
    }
    return [
        Figure(code, "pct", _pct(len(ids), n), len(ids), n, tuple(ids))
        for code, ids in picks.items()
    ]


def last_digit(value: Number) -> int:
    """The tenths digit of a value recorded to 0.1 (8.5 -> 5, 12 -> 0, 7.25 -> 3 after rounding
    half up to one decimal as the form stores it)."""
    tenths = Decimal(str(value)).quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
    return int(abs(tenths) * 10) % 10


def digit_preference_score(counts: Sequence[int]) -> float | None:
    """WHO MONICA digit preference score of 10 last-digit counts (0-100; 0 = even spread).

    DPS = 100 * sqrt(chi2 / (n * (k - 1))), chi2 = sum((O - E)^2 / E), E = n / k, k = 10.
    None when n = 0.
    """
    n = sum(counts)
    if not n:
        return None
    k = len(counts)
    expected = n / k
    chi2 = sum((o - expected) ** 2 / expected for o in counts)
    return 100.0 * math.sqrt(chi2 / (n * (k - 1)))


def dps_class(dps: float | None) -> str:
    """SMART's classes (nipnTK digitPreference): "sangat baik" < 8, "baik" < 12, "dapat diterima"
    < 20, else "bermasalah"; "" without a score."""
    if dps is None:
        return ""
    if dps < 8:
        return "sangat baik"
    if dps < 12:
        return "baik"
    if dps < 20:
        return "dapat diterima"
    return "bermasalah"


def digit_figure(code: str, values: Sequence[tuple[Hashable, Number]]) -> Figure:
    """Terminal-digit preference of (id, value) pairs: `value` = % ending in .0 or .5 (expected
    20%); detail: per-digit %, pct0, pct5 (expected 10% each), DPS and its class. Unusual when
    the DPS class is "bermasalah" (DPS >= 20)."""
    counts = [0] * 10
    heaped: list[Hashable] = []
    for i, v in values:
        d = last_digit(v)
        counts[d] += 1
        if d in (0, 5):
            heaped.append(i)
    n = len(values)
    dps = digit_preference_score(counts)
    return Figure(
        code,
        "pct",
        _pct(len(heaped), n),
        len(heaped),
        n,
        tuple(heaped),
        None if dps is None else dps >= 20,
        {
            "pct_digits": [_pct(c, n) for c in counts],
            "pct0": _pct(counts[0], n),
            "pct5": _pct(counts[5], n),
            "dps": dps,
            "dps_class": dps_class(dps),
        },
    )


def position_figures(rows: Sequence[Measurement]) -> list[Figure]:
    """standing_under_24: of the lengths under 24 completed months with a recorded position,
    % measured standing; lying_24_plus: from 24 months, % measured lying (WHO 2006: lying under
    24 months, standing from 24). Expected 0% both; any is unusual."""
    out = []
    for code, young, wrong in (
        ("standing_under_24", True, False),
        ("lying_24_plus", False, True),
    ):
        rows_ = [
            r
            for r in rows
            if r.length_cm is not None
            and r.measured_lying is not None
            and r.age_months is not None
            and (r.age_months < 24) == young
        ]
        ids = [r.id for r in rows_ if r.measured_lying is wrong]
        out.append(
            Figure(
                code,
                "pct",
                _pct(len(ids), len(rows_)),
                len(ids),
                len(rows_),
                tuple(ids),
                bool(ids) if rows_ else None,
            )
        )
    return out


def mat_figure(rows: Sequence[Measurement], cutoffs: MatCutoffs | None = None) -> Figure:
    """% of the mat readings that disagree with the length-for-age z (tikar.growth.mat.check_mat:
    3-18 completed months, a z not flagged). detail["messages"]: id -> the Indonesian message,
    detail["expected"]: id -> the colour the z gives."""
    c = cutoffs or default_cutoffs()
    checked = 0
    ids: list[Hashable] = []
    messages: dict[Hashable, str] = {}
    expected: dict[Hashable, str] = {}
    for r in rows:
        result = check_mat(r.growth_mat, r.zlen, r.age_months, c, zlen_flagged=bool(r.flen))
        if result is None:
            continue
        checked += 1
        if not result.matches:
            ids.append(r.id)
            messages[r.id] = result.message
            expected[r.id] = result.expected
    return Figure(
        "mat_mismatch",
        "pct",
        _pct(len(ids), checked),
        len(ids),
        checked,
        tuple(ids),
        bool(ids) if checked else None,
        {"messages": messages, "expected": expected, "cutoffs": c},
    )


def _balita_span(birth: date) -> tuple[int, int]:
    """The first and last month (as year * 12 + month - 1) in which a child born on `birth` is
    a balita (`tikar.calendar.is_balita_month`): from its birth month to the month of its 5th birthday,
    unless the birthday falls on the 1st (then the month before)."""
    first = birth.year * 12 + birth.month - 1
    last = first + 60
    y, m = divmod(last, 12)
    if not is_balita_month(birth, date(y, m + 1, 1)):
        last -= 1
    return first, last


def not_weighed_figure(
    children: Iterable[ChildMonths], months: Sequence[date], weighed: set[tuple[Hashable, date]]
) -> Figure:
    """% of child-months of the period in which a balita (0-59 months, not closed before the
    month began) has no weighing. `months`: 1st of each month; `weighed`: (child_id, month)
    pairs with a weight. ids: the children with at least one such month; detail["months"]:
    child_id -> the months not weighed."""
    total = 0
    missed: dict[Hashable, list[date]] = {}
    index = {(m.year * 12 + m.month - 1): m for m in months}
    lo_p, hi_p = (min(index), max(index)) if index else (0, -1)
    for c in children:
        first, last = _balita_span(c.birth)
        if c.closed_at is not None:
            # Followed in a month only when not closed before it began (closed on or after
            # its 1st): the last month followed is the month of closing.
            last = min(last, c.closed_at.year * 12 + c.closed_at.month - 1)
        for i in range(max(first, lo_p), min(last, hi_p) + 1):
            m = index.get(i)
            if m is None:
                continue
            total += 1
            if (c.child_id, m) not in weighed:
                missed.setdefault(c.child_id, []).append(m)
    count = sum(len(v) for v in missed.values())
    return Figure(
        "not_weighed",
        "pct",
        _pct(count, total),
        count,
        total,
        tuple(missed),
        None,
        {"months": missed},
    )


def figures(
    rows: Sequence[Measurement],
    children: Iterable[ChildMonths] = (),
    months: Sequence[date] = (),
    cutoffs: MatCutoffs | None = None,
) -> dict[str, Figure]:
    """Every figure of `FIGURE_CODES`, by code, for the measurements of a period.

    `rows`: the period's records (those without any measurement are ignored by each figure);
    `children`/`months`: the balita to weigh and the period's months (for "not_weighed").
    """
    rows = list(rows)
    out: list[Figure] = [sd_figure(i, rows) for i in INDICATORS]
    out += [flag_figure(i, rows) for i in INDICATORS]
    out += missing_figures(rows)
    out.append(
        digit_figure("digit_weight", [(r.id, r.weight_kg) for r in rows if r.weight_kg is not None])
    )
    out.append(
        digit_figure("digit_length", [(r.id, r.length_cm) for r in rows if r.length_cm is not None])
    )
    out += position_figures(rows)
    out.append(mat_figure(rows, cutoffs))
    weighed = {(r.child_id, r.month) for r in rows if r.weight_kg is not None}
    out.append(not_weighed_figure(children, months, weighed))
    return {f.code: f for f in out}


# --------------------------------------------------------------------------------------------
# Counts: the same figures from totals (the report's fast path sums them in SQL; see
# tikar.posyandu.quality_queries). No ids: the drill-down reads them with `figures`.

COUNT_KEYS = (
    *(f"{k}_{i}" for i in INDICATORS for k in ("sd_n", "sd_s1", "sd_s2", "z_n", "flag_n")),
    "measured",
    "missing_weight",
    "missing_length",
    "missing_position",
    "missing_z",
    *(f"dw{d}" for d in range(10)),
    *(f"dl{d}" for d in range(10)),
    "young_n",
    "young_wrong",
    "old_n",
    "old_wrong",
    "mat_n",
    "mat_wrong",
)


def z_hundredths(z: Number) -> int:
    """A z stored rounded to two decimals, as an exact integer of hundredths (-1.23 -> -123)."""
    return int(round(float(z) * 100))


def row_counts(rows: Iterable[Measurement], cutoffs: MatCutoffs | None = None) -> dict[str, int]:
    """The totals `figures_from_counts` needs, counted row by row (the same rules as `figures`);
    a SQL aggregate gives the same dict for the rows it reads."""
    c = cutoffs or default_cutoffs()
    out = dict.fromkeys(COUNT_KEYS, 0)
    for r in rows:
        for ind in INDICATORS:
            z, flag = getattr(r, ind), getattr(r, _FLAG[ind])
            if z is None:
                continue
            out[f"z_n_{ind}"] += 1
            if flag:
                out[f"flag_n_{ind}"] += 1
            else:
                k = z_hundredths(z)
                out[f"sd_n_{ind}"] += 1
                out[f"sd_s1_{ind}"] += k
                out[f"sd_s2_{ind}"] += k * k
        if r.weight_kg is not None or r.length_cm is not None:
            out["measured"] += 1
            out["missing_weight"] += r.weight_kg is None
            out["missing_length"] += r.length_cm is None
            out["missing_position"] += r.length_cm is not None and r.measured_lying is None
            out["missing_z"] += _z_missing(r)
        if r.weight_kg is not None:
            out[f"dw{last_digit(r.weight_kg)}"] += 1
        if r.length_cm is not None:
            out[f"dl{last_digit(r.length_cm)}"] += 1
            if r.measured_lying is not None and r.age_months is not None:
                key = "young" if r.age_months < 24 else "old"
                out[f"{key}_n"] += 1
                out[f"{key}_wrong"] += r.measured_lying is (key == "old")
        result = check_mat(r.growth_mat, r.zlen, r.age_months, c, zlen_flagged=bool(r.flen))
        if result is not None:
            out["mat_n"] += 1
            out["mat_wrong"] += not result.matches
    return out


def add_counts(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: a.get(k, 0) + b.get(k, 0) for k in COUNT_KEYS}


def _sd_from_counts(indicator: str, n: int, s1: int, s2: int) -> Figure:
    """As `sd_figure`, from the count, sum and sum of squares of the z in hundredths (exact
    integers; the SD agrees with the two-pass float computation to about 1e-15)."""
    sd = None
    if n >= 2:
        sd = math.sqrt((n * s2 - s1 * s1) / (n * (n - 1))) / 100
    rng = SD_RANGES[indicator]
    side = ""
    if sd is not None and round(sd, 2) < rng.low:
        side = "below"
    elif sd is not None and round(sd, 2) > rng.high:
        side = "above"
    mean = s1 / n / 100 if n else None
    return Figure(
        f"sd_{indicator}",
        "sd",
        sd,
        None,
        n,
        (),
        None if sd is None else bool(side),
        {"mean": mean, "range": rng, "side": side},
    )


def _digit_from_counts(code: str, counts: list[int]) -> Figure:
    n = sum(counts)
    heaped = counts[0] + counts[5]
    dps = digit_preference_score(counts)
    return Figure(
        code,
        "pct",
        _pct(heaped, n),
        heaped,
        n,
        (),
        None if dps is None else dps >= 20,
        {
            "pct_digits": [_pct(c, n) for c in counts],
            "pct0": _pct(counts[0], n),
            "pct5": _pct(counts[5], n),
            "dps": dps,
            "dps_class": dps_class(dps),
        },
    )


def figures_from_counts(
    counts: dict[str, int],
    children: Iterable[ChildMonths] = (),
    months: Sequence[date] = (),
    weighed: set[tuple[Hashable, date]] = frozenset(),
    cutoffs: MatCutoffs | None = None,
) -> dict[str, Figure]:
    """The figures of `figures` from `row_counts`-style totals: the same values, numerators,
    denominators and details, but no ids (except "not_weighed", computed from the children)
    and no mat messages. `weighed`: (child_id, month) pairs with a weight."""
    c = counts
    out: list[Figure] = [
        _sd_from_counts(i, c[f"sd_n_{i}"], c[f"sd_s1_{i}"], c[f"sd_s2_{i}"]) for i in INDICATORS
    ]
    for i in INDICATORS:
        num, den = c[f"flag_n_{i}"], c[f"z_n_{i}"]
        out.append(Figure(f"flag_{i}", "pct", _pct(num, den), num, den, ()))
    n = c["measured"]
    for code in ("missing_weight", "missing_length", "missing_position", "missing_z"):
        out.append(Figure(code, "pct", _pct(c[code], n), c[code], n, ()))
    out.append(_digit_from_counts("digit_weight", [c[f"dw{d}"] for d in range(10)]))
    out.append(_digit_from_counts("digit_length", [c[f"dl{d}"] for d in range(10)]))
    for code, key in (("standing_under_24", "young"), ("lying_24_plus", "old")):
        num, den = c[f"{key}_wrong"], c[f"{key}_n"]
        out.append(Figure(code, "pct", _pct(num, den), num, den, (), bool(num) if den else None))
    num, den = c["mat_wrong"], c["mat_n"]
    out.append(
        Figure(
            "mat_mismatch",
            "pct",
            _pct(num, den),
            num,
            den,
            (),
            bool(num) if den else None,
            {"messages": {}, "expected": {}, "cutoffs": cutoffs or default_cutoffs()},
        )
    )
    out.append(not_weighed_figure(children, months, set(weighed)))
    return {f.code: f for f in out}
