"""The Dana Desa policy of each year as data, and a village's figures checked against it.

Pure Python: no Django. The rules are `data/dana_desa_policy.json` (source:
../shared/spec/rembuk.md, "Dana Desa priorities change every year"): each year's ministerial
regulation on the focus of Dana Desa use, what it says about stunting, and its caps ("at most
x % of the Dana Desa") and floors ("at least x %"). A year without data has no policy: callers
say so, and no other year's rule is ever used in its place (the caps change: BLT Desa ≤ 25 % in
2024, ≤ 15 % in 2025).

Shares are of the village's Dana Desa ceiling (pagu Dana Desa), in whole rupiah.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data") / "dana_desa_policy.json"
# The figures a limit can name (keys of `check`'s `figures`, DanaDesa fields of the same name).
FIGURES = ("blt", "food_security", "operations")


@dataclass(frozen=True, slots=True)
class Limit:
    key: str  # one of FIGURES
    kind: str  # "cap" (at most) or "floor" (at least)
    percent: Decimal  # of the Dana Desa ceiling


@dataclass(frozen=True, slots=True)
class Policy:
    year: int
    regulation: str  # e.g. "Permendesa PDT 2/2024"
    title: str
    stunting: str  # what it says about stunting, in the regulation's words (Indonesian)
    confirmed: bool  # False: caps and floors not known yet, nothing is checked
    limits: tuple[Limit, ...]


@dataclass(frozen=True, slots=True)
class Check:
    """One cap or floor against the village's figures.

    `share` is amount / ceiling in % (2 decimals, half up), None when the amount or the ceiling
    is missing (or the ceiling is 0); `within` is None then too.
    """

    limit: Limit
    amount: int | None
    share: Decimal | None
    within: bool | None


def _policy(raw: dict[str, Any]) -> Policy:
    limits = []
    for lim in raw["limits"]:
        if lim["key"] not in FIGURES or lim["kind"] not in ("cap", "floor"):
            raise ValueError(f"dana_desa_policy.json {raw['year']}: bad limit {lim}")
        limits.append(Limit(lim["key"], lim["kind"], Decimal(lim["percent"])))
    return Policy(
        year=int(raw["year"]),
        regulation=raw["regulation"],
        title=raw["title"],
        stunting=raw["stunting"],
        confirmed=bool(raw["confirmed"]),
        limits=tuple(limits),
    )


@cache
def all_policies() -> tuple[Policy, ...]:
    """Every year with data, oldest first. ValueError on a malformed file."""
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(sorted((_policy(y) for y in raw["years"]), key=lambda p: p.year))


def policy_for(year: int) -> Policy | None:
    """The policy of exactly `year`, or None: never the nearest year's."""
    return next((p for p in all_policies() if p.year == year), None)


def share(amount: int | None, ceiling: int | None) -> Decimal | None:
    """amount / ceiling in % with 2 decimals (half up); None when either is missing or ceiling 0."""
    if amount is None or not ceiling:
        return None
    return (Decimal(int(amount)) * 100 / Decimal(int(ceiling))).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def check(policy: Policy, figures: dict[str, int | None]) -> list[Check]:
    """Each cap and floor of `policy` against `figures` ({"ceiling": pagu Dana Desa, "blt": …,
    "food_security": …, "operations": …}, whole rupiah or None). An unconfirmed policy has no
    limits, so the list is empty. A share equal to the limit is within (≤ for a cap, ≥ for a
    floor: "paling banyak" / "paling sedikit")."""
    ceiling = figures.get("ceiling")
    out = []
    for lim in policy.limits:
        amount = figures.get(lim.key)
        s = share(amount, ceiling)
        if s is None:
            within = None
        elif lim.kind == "cap":
            within = s <= lim.percent
        else:
            within = s >= lim.percent
        out.append(Check(lim, None if amount is None else int(amount), s, within))
    return out
