"""Prevalence of stunting, wasting, underweight and overweight, with 95% confidence intervals.

Pure Python + numpy (no Django) so that the batch command, the dashboards and the benchmarks
share one implementation.  Results are plain dataclasses; ``PrevalenceRow.as_dict`` gives dicts.

Rules (WHO's, as in its Anthro survey analyser):

* thresholds apply to the rounded z-scores, the same values the categories use;
* a flagged (biologically implausible) z is left out of numerator and denominator;
* a child with oedema has no ``zwei``/``zwfl``, but counts as below -3 SD for underweight and
  wasting (oedema is itself a sign of severe acute malnutrition) and as not overweight;
* age groups are in completed months of the unrounded age (WHO: 182.6 days is 0-5 months).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

import numpy as np
import numpy.typing as npt

from .who2006 import FEMALE, MALE, GrowthResult

__all__ = [
    "AGE_GROUPS",
    "INDICATORS",
    "PrevalenceCounter",
    "PrevalenceRow",
    "summarize",
    "wilson_interval",
]

# 1.96, to the precision of the normal quantile, for a two-sided 95% interval.
Z_95 = 1.959963984540054

# (code, z column, threshold, below?) - "below" means z < threshold counts.
INDICATORS: tuple[tuple[str, str, float, bool], ...] = (
    ("stunting", "len", -2.0, True),
    ("severe_stunting", "len", -3.0, True),
    ("wasting", "wfl", -2.0, True),
    ("severe_wasting", "wfl", -3.0, True),
    ("underweight", "wei", -2.0, True),
    ("overweight", "wfl", 2.0, False),
)

# Completed months, inclusive: (label, first month, last month).
AGE_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("0-5", 0, 5),
    ("6-11", 6, 11),
    ("12-23", 12, 23),
    ("24-35", 24, 35),
    ("36-47", 36, 47),
    ("48-59", 48, 59),
)

_SEX_NAMES = {MALE: "male", FEMALE: "female"}


def wilson_interval(count: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """Wilson score interval for a proportion, as fractions in [0, 1]; None when n is 0.

    Why Wilson and not the textbook Wald interval (p +- 1.96 sqrt(p(1-p)/n)): a village has a
    few dozen children, and prevalences such as severe wasting sit near 0%.  There the Wald
    interval has poor coverage, collapses to [0, 0] when no case is seen and can cross 0% or
    100%; Wilson keeps close to the nominal 95% at small n and near the bounds and always
    stays inside [0, 1].  It assumes simple random sampling: for a cluster survey the
    interval is too narrow (it ignores the design effect), so survey reports must use a
    design-based method instead.
    """
    if n <= 0:
        return None
    p = count / n
    z2 = z * z
    denom = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # Exact at the ends: 0/n has a lower bound of 0 and n/n an upper bound of 1 (the formula
    # gives them only up to binary rounding).
    low = 0.0 if count == 0 else max(0.0, centre - half)
    high = 1.0 if count == n else min(1.0, centre + half)
    return low, high


@dataclass(frozen=True)
class PrevalenceRow:
    """One line of a prevalence table; percentages are 0-100, None when the denominator is 0."""

    indicator: str
    group: str  # "all", "sex", "age_group" or a caller's grouping column
    value: str  # "all", "male", "female", "0-5", ..., or the grouping column's value
    count: int
    denominator: int
    percent: float | None
    ci_low: float | None
    ci_high: float | None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _cases_and_base(result: GrowthResult) -> dict[str, tuple[npt.NDArray[np.bool_], ...]]:
    """Per indicator: (counted in numerator, counted in denominator), one bool per record."""
    out: dict[str, tuple[npt.NDArray[np.bool_], ...]] = {}
    age = result.age_days
    # WHO's scope is the unrounded age under 60 months (1826.4 days is out, though it rounds
    # to day 1826).
    age_ok = result.in_age_scope
    sex_ok = result.sex > 0
    # Oedema children in scope: the z they would have had needs sex and (for weight-for-age)
    # an age within the standards; weight-for-length also works without an age.
    oedema_wei = result.oedema & sex_ok & age_ok
    oedema_wfl = result.oedema & sex_ok & (age_ok | np.isnan(age))
    for code, column, threshold, below in INDICATORS:
        z = result.z[column]
        valid = ~np.isnan(z) & (result.flags[column] == 0)
        with np.errstate(invalid="ignore"):
            case = valid & ((z < threshold) if below else (z > threshold))
        if column in ("wei", "wfl"):
            extra = oedema_wei if column == "wei" else oedema_wfl
            base = valid | extra
            if below:
                case = case | extra
        else:
            base = valid
        out[code] = (case, base)
    return out


class PrevalenceCounter:
    """Accumulates counts chunk by chunk, so a million-row file needs no more than one chunk.

    ``by`` optionally names extra grouping columns (e.g. region); pass their values to ``add``.
    """

    def __init__(self, by: Sequence[str] = ()) -> None:
        self.by = tuple(by)
        # (indicator, group, value) -> [count, denominator]
        self._counts: dict[tuple[str, str, str], list[int]] = {}

    def _bump(self, key: tuple[str, str, str], count: int, base: int) -> None:
        slot = self._counts.setdefault(key, [0, 0])
        slot[0] += count
        slot[1] += base

    def add(self, result: GrowthResult, groups: Mapping[str, Sequence[str]] | None = None) -> None:
        groups = groups or {}
        # WHO groups by the unrounded age (182.6 days is 5.999 months: 0-5, not 6-11).
        months = np.floor(result.months)
        masks: list[tuple[str, str, npt.NDArray[np.bool_]]] = [
            ("all", "all", np.ones(len(result), bool))
        ]
        for sex, name in _SEX_NAMES.items():
            masks.append(("sex", name, result.sex == sex))
        with np.errstate(invalid="ignore"):
            for label, first, last in AGE_GROUPS:
                masks.append(("age_group", label, (months >= first) & (months <= last)))
        for group in self.by:
            values = np.asarray(groups[group], dtype=object)
            uniques, inverse = np.unique(values.astype(str), return_inverse=True)
            for i, value in enumerate(uniques):
                masks.append((group, str(value), inverse.reshape(-1) == i))
        for code, (case, base) in _cases_and_base(result).items():
            for group, value, mask in masks:
                self._bump(
                    (code, group, value),
                    int(np.count_nonzero(case & mask)),
                    int(np.count_nonzero(base & mask)),
                )

    def rows(self) -> list[PrevalenceRow]:
        """Rows in a stable order: indicator, then all / sex / age group / extra groups."""
        expected = [("all", "all")] + [("sex", s) for s in _SEX_NAMES.values()]
        expected += [("age_group", label) for label, _, _ in AGE_GROUPS]
        out = []
        for code, *_ in INDICATORS:
            # Overall, sex and age groups always appear (with 0/0 if empty) in their natural
            # order; the caller's groups follow, sorted by value.
            extra = sorted((k[1], k[2]) for k in self._counts if k[0] == code and k[1] in self.by)
            for group, value in [*expected, *extra]:
                count, base = self._counts.get((code, group, value), [0, 0])
                ci = wilson_interval(count, base)
                out.append(
                    PrevalenceRow(
                        indicator=code,
                        group=group,
                        value=value,
                        count=count,
                        denominator=base,
                        percent=None if base == 0 else 100.0 * count / base,
                        ci_low=None if ci is None else 100.0 * ci[0],
                        ci_high=None if ci is None else 100.0 * ci[1],
                    )
                )
        return out


def summarize(
    result: GrowthResult, groups: Mapping[str, Sequence[str]] | None = None
) -> list[PrevalenceRow]:
    """Prevalence overall, by sex, by age group and by any extra ``groups`` columns."""
    counter = PrevalenceCounter(by=tuple(groups or {}))
    counter.add(result, groups)
    return counter.rows()
