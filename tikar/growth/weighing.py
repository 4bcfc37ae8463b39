"""The posyandu's judgement of each weighing: N / T / O / B, 2T and BGM. Pure, no Django.

Rules of spec/posyandu.md ("Weight-gain judgement of a weighing", Buku KIA 2023; KMS practice):

- **B** (baru): the first weighing ever recorded for the child.
- **O**: weighed this month, not weighed last month: no judgement possible. O also holds the
  rare weighing at 0 completed months that follows an earlier one (born 20 January, weighed
  25 January and 5 February): there is no KBM for month 0 ("no judgement at month 0"), and
  SKDN's identity D = N + T + O + B needs every weighing in one of the four.
- **N** (naik): gain since last month's weighing ≥ the KBM of the age; or a health worker's
  judgement that the curve follows its growth line, recorded as an override of T with a reason.
- **T** (tidak naik): gain < KBM.

**2T**: a weighing judged T whose previous weighing (the child's last earlier weighing, however
many months back) was judged T too. A month without weighing is skipped, not counted as T; the
weighing after such a month is O, so it is not T (see docs/posyandu.md for this reading).
**BGM**: weight-for-age below −3 SD (the rounded z, so exactly −3.00 is not BGM); a child with
oedema has no BB/U z and counts as BGM, as in prevalence (growth.md rule 6).

The KBM tables are data (`data/kbm.json`, each with its source); a kabupaten chooses one
(`tikar.growth.models.GrowthStandard`), the default is Buku KIA 2023. Weights are read in kg
(Decimal, float or str) and compared in whole grams, so 0.1 kg of float noise never flips N to T.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

__all__ = [
    "B",
    "CODES",
    "DEFAULT_KBM_TABLE",
    "GAIN_LABELS",
    "N",
    "O",
    "T",
    "Judgement",
    "KbmTable",
    "Weighing",
    "grams",
    "is_bgm",
    "judge_one",
    "judge_series",
    "kbm_grams",
    "kbm_tables",
]

N, T, O, B = "N", "T", "O", "B"  # noqa: E741  (the codes printed on the KMS and SKDN)
CODES = (N, T, O, B)
GAIN_LABELS = {
    N: "N: naik",
    T: "T: tidak naik",
    O: "O: bulan lalu tidak ditimbang",
    B: "B: baru pertama kali ditimbang",
}
BGM_BELOW_Z = -3.0
MAX_AGE_MONTHS = 59  # balita: 0-59 completed months (e-PPGBM, posyandu.md)

_DATA = Path(__file__).resolve().parent / "data" / "kbm.json"


@dataclass(frozen=True, slots=True)
class KbmTable:
    """One KBM table: `grams[m - 1]` is the KBM at m completed months (1-12); 12+ use the last."""

    key: str
    label: str
    source: str
    grams: tuple[int, ...]

    def at(self, age_months: int) -> int | None:
        """The KBM in grams at `age_months` completed months; None at 0, below 0 or past 59."""
        if age_months < 1 or age_months > MAX_AGE_MONTHS:
            return None
        return self.grams[min(age_months, len(self.grams)) - 1]


@cache
def kbm_tables() -> dict[str, KbmTable]:
    """Every KBM table of `data/kbm.json`, by key (the first is the default)."""
    raw = json.loads(_DATA.read_text(encoding="utf-8"))
    tables = {
        key: KbmTable(key, t["label"], t["source"], tuple(int(g) for g in t["grams"]))
        for key, t in raw["tables"].items()
    }
    default = raw["default"]
    return {default: tables.pop(default), **tables}


DEFAULT_KBM_TABLE = next(iter(kbm_tables()))


def kbm_grams(age_months: int, table: str = DEFAULT_KBM_TABLE) -> int | None:
    """KBM in grams for a weighing at `age_months` completed months, from table `table`.

    None at month 0 (no judgement) and outside 0-59 months. KeyError for an unknown table.
    """
    return kbm_tables()[table].at(age_months)


def grams(weight_kg: Decimal | float | int | str | None) -> int | None:
    """A weight in kg as whole grams (half up), or None when missing, unreadable or ≤ 0."""
    if weight_kg is None or weight_kg == "":
        return None
    try:
        value = Decimal(str(weight_kg).replace(",", "."))
    except InvalidOperation:
        return None
    if not value.is_finite() or value <= 0:
        return None
    return int((value * 1000).to_integral_value(rounding="ROUND_HALF_UP"))


@dataclass(frozen=True, slots=True)
class Weighing:
    """One month of a child: `month` is the 1st of the month; `age_months` the completed months
    at the weighing; `weight_kg` None when the child was not weighed that month;
    `override_reason` non-empty when a health worker judged a T as N (following its line)."""

    month: date
    age_months: int
    weight_kg: Decimal | float | str | None
    override_reason: str = ""


@dataclass(frozen=True, slots=True)
class Judgement:
    """The judgement of one month: `code` N/T/O/B, or "" when the child was not weighed.

    `gain_g`: grams gained since last month's weighing (None unless last month was weighed);
    `kbm_g`: the KBM applied (None when no N/T judgement was possible); `overridden`: a T turned
    into N by a health worker's reason; `two_t`: this T follows a T (2T).
    """

    month: date | None
    code: str
    gain_g: int | None = None
    kbm_g: int | None = None
    overridden: bool = False
    two_t: bool = False


def _previous_month(month: date) -> date:
    return date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)


def judge_one(
    age_months: int,
    weight_kg: Decimal | float | str | None,
    last_month_weight_kg: Decimal | float | str | None,
    *,
    weighed_before: bool,
    previous_code: str = "",
    override_reason: str = "",
    table: str = DEFAULT_KBM_TABLE,
    month: date | None = None,
) -> Judgement:
    """Judge one weighing (the entry form's live judgement uses this too).

    `last_month_weight_kg`: the weight of the calendar month before (None if not weighed then);
    `weighed_before`: whether any earlier weighing exists (else the code is B); `previous_code`:
    the code of the child's last earlier weighing, for 2T. Returns code "" when `weight_kg` is
    missing. The override applies only to a T (it has no effect on N, O or B).
    """
    w = grams(weight_kg)
    if w is None:
        return Judgement(month, "")
    if not weighed_before:
        return Judgement(month, B)
    last = grams(last_month_weight_kg)
    if last is None:
        return Judgement(month, O)
    gain = w - last
    kbm = kbm_grams(age_months, table)
    if kbm is None:
        return Judgement(month, O, gain_g=gain)
    if gain >= kbm:
        return Judgement(month, N, gain, kbm)
    if override_reason.strip():
        return Judgement(month, N, gain, kbm, overridden=True)
    return Judgement(month, T, gain, kbm, two_t=previous_code == T)


def judge_series(
    weighings: Iterable[Weighing],
    table: str = DEFAULT_KBM_TABLE,
    *,
    weighed_before: bool = False,
) -> list[Judgement]:
    """Judge every month of one child, in month order (the input may be in any order).

    Months must be distinct (one monthly record per child and month). Returns one `Judgement`
    per input month, sorted by month; a month without weight gets code "". `weighed_before`:
    the child was weighed before the first of these months (the phone holds only recent
    months, and knows that from its snapshot), so no weighing here is B.
    """
    ordered: Sequence[Weighing] = sorted(weighings, key=lambda w: w.month)
    weights = {w.month: w.weight_kg for w in ordered if grams(w.weight_kg) is not None}
    out: list[Judgement] = []
    previous_code = ""
    for w in ordered:
        j = judge_one(
            w.age_months,
            w.weight_kg,
            weights.get(_previous_month(w.month)),
            weighed_before=weighed_before,
            previous_code=previous_code,
            override_reason=w.override_reason,
            table=table,
            month=w.month,
        )
        out.append(j)
        if j.code:
            weighed_before = True
            previous_code = j.code
    return out


def is_bgm(zwei: float | None, oedema: bool | None = False) -> bool:
    """Bawah garis merah: the rounded BB/U z below −3 SD, or oedema (no BB/U z, counts as < −3).

    A flagged z (implausible, < −6) is still BGM here: it is shown to the bidan, who measures
    again; prevalence leaves flagged values out, referral lists do not.
    """
    if oedema:
        return True
    return zwei is not None and zwei < BGM_BELOW_Z
