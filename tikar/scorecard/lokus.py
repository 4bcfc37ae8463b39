"""Ranking candidate priority villages (desa lokus) by transparent, weighted criteria.

A district officer has to explain at the Rembuk Stunting Kabupaten why a desa is on the list,
so the score is a plain weighted mean of five criteria, each on a 0-100 scale where higher
means "needs more attention", and every criterion is shown in its own column:

=====================  ==================================================================
criterion              value (0-100)
=====================  ==================================================================
stunting_prevalence    stunting prevalence % (latest measurement of children 0-23 months
                       in the quarter, WHO flags excluded), 0 when nobody was measured
stunted_children       number of stunted children / the largest number among the
                       candidates × 100 (a big desa with many stunted children counts
                       even when its % is moderate)
convergence_gap        100 − tingkat konvergensi % (0 when the desa has no targets)
targets                ibu hamil + anak 0-23 bulan / the largest number among the
                       candidates × 100
reporting_gap          100 − % of the quarter's months (up to this month) in which the desa
                       recorded at least one monthly record
=====================  ==================================================================

    score = Σ (weight × value) / Σ weight            (two decimals, half up)

Each value is rounded to two decimals before it enters the formula, so the score can be
recomputed by hand from the columns on the page. Default weights (`DEFAULT_WEIGHTS`): 35, 15, 30,
10, 10. A deployment overrides some or all of them with the setting `TIKAR_LOKUS_WEIGHTS`
(a dict of criterion → non-negative number, e.g. {"reporting_gap": 0}); weights need not sum
to 100, the formula divides by their sum.

Everything but `configured_weights` is pure (no Django), so the formula has one tested
implementation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CRITERIA = (
    "stunting_prevalence",
    "stunted_children",
    "convergence_gap",
    "targets",
    "reporting_gap",
)
DEFAULT_WEIGHTS: dict[str, Decimal] = {
    "stunting_prevalence": Decimal(35),
    "stunted_children": Decimal(15),
    "convergence_gap": Decimal(30),
    "targets": Decimal(10),
    "reporting_gap": Decimal(10),
}
HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def _q(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def ratio(numerator: int, denominator: int) -> Decimal:
    """numerator / denominator × 100 with two decimals, half up; 0 for an empty denominator."""
    if denominator <= 0:
        return Decimal("0.00")
    return _q(Decimal(numerator) * HUNDRED / Decimal(denominator))


def weights_from(overrides: Mapping[str, object] | None) -> dict[str, Decimal]:
    """The default weights with `overrides` applied; refuses unknown or negative weights."""
    weights = dict(DEFAULT_WEIGHTS)
    for key, value in (overrides or {}).items():
        if key not in DEFAULT_WEIGHTS:
            raise ValueError(f"unknown lokus criterion {key!r}; known: {', '.join(CRITERIA)}")
        number = Decimal(str(value))
        if number < 0:
            raise ValueError(f"lokus weight {key!r} must not be negative")
        weights[key] = number
    if sum(weights.values()) <= 0:
        raise ValueError("at least one lokus weight must be positive")
    return weights


def configured_weights() -> dict[str, Decimal]:
    """The deployment's weights: settings.TIKAR_LOKUS_WEIGHTS over the defaults."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        return weights_from(getattr(settings, "TIKAR_LOKUS_WEIGHTS", None))
    except ValueError as exc:
        raise ImproperlyConfigured(f"TIKAR_LOKUS_WEIGHTS: {exc}") from exc


@dataclass(frozen=True)
class Candidate:
    """The raw facts of one desa for the quarter."""

    code: str
    name: str
    stunted: int  # children stunted at their latest measurement
    measured: int  # children in the prevalence's denominator
    convergence: Decimal | None  # tingkat konvergensi %, None without targets
    targets: int  # ibu hamil + anak 0-23 bulan
    months_recorded: int  # months of the quarter (so far) with at least one monthly record
    months: int  # months of the quarter so far


@dataclass(frozen=True)
class Ranked:
    rank: int
    candidate: Candidate
    values: dict[str, Decimal]  # criterion -> 0-100 value used in the formula
    score: Decimal


def criterion_values(c: Candidate, max_stunted: int, max_targets: int) -> dict[str, Decimal]:
    return {
        "stunting_prevalence": ratio(c.stunted, c.measured),
        "stunted_children": ratio(c.stunted, max_stunted),
        "convergence_gap": Decimal("0.00")
        if c.convergence is None
        else _q(HUNDRED - c.convergence),
        "targets": ratio(c.targets, max_targets),
        "reporting_gap": _q(HUNDRED - ratio(c.months_recorded, c.months)),
    }


def score(values: Mapping[str, Decimal], weights: Mapping[str, Decimal]) -> Decimal:
    """Σ (weight × value) / Σ weight, two decimals half up."""
    total = sum((weights[k] for k in CRITERIA), Decimal(0))
    return _q(sum((weights[k] * values[k] for k in CRITERIA), Decimal(0)) / total)


def rank(candidates: Sequence[Candidate], weights: Mapping[str, Decimal]) -> list[Ranked]:
    """Candidates by score, highest first; ties by prevalence, then stunted children, then
    code (so the order is stable and explainable). Equal scores share no rank number: the
    table is a list to discuss, not a league."""
    max_stunted = max((c.stunted for c in candidates), default=0)
    max_targets = max((c.targets for c in candidates), default=0)
    scored = []
    for c in candidates:
        values = criterion_values(c, max_stunted, max_targets)
        scored.append((c, values, score(values, weights)))
    scored.sort(key=lambda t: t[0].code)
    scored.sort(key=lambda t: (t[2], t[1]["stunting_prevalence"], t[0].stunted), reverse=True)
    return [Ranked(i, c, values, s) for i, (c, values, s) in enumerate(scored, start=1)]
