"""Totals of a priority list: by service package, by funding source, and along the budget path.

Pure Python: no Django. Works on any objects with the attributes of `meetings.models.Proposal`
(`package`, `funding_source`, `stage`, `estimated_cost`, `planned_amount`, `allocated_amount`,
`realised_amount`); amounts are whole rupiah (int or Decimal, None for "not entered").

The meeting page, the Berita Acara, the XLSX, the budget page and the officers' roll-up all
read these figures, so that they agree to the rupiah.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

# Stages at or past "allocated in the APBDes": what "reached the APBDes" counts.
ALLOCATED_STAGES = frozenset({"allocated", "realised"})
PLANNED_STAGES = frozenset({"planned", "allocated", "realised"})


def _rp(value: Any) -> int:
    return int(value or 0)


@dataclass
class Total:
    key: Any  # a package number, a funding source value, or "all"
    proposals: int = 0
    estimated_cost: int = 0


@dataclass
class PathTotals:
    """The list along the budget path (counts and rupiah)."""

    proposals: int = 0
    estimated_cost: int = 0
    planned: int = 0  # proposals accepted into the RKPDes (or further)
    planned_amount: int = 0
    allocated: int = 0  # proposals allocated in the APBDes (or realised)
    allocated_amount: int = 0
    realised: int = 0
    realised_amount: int = 0
    rejected: int = 0
    by_package: list[Total] = field(default_factory=list)
    by_source: list[Total] = field(default_factory=list)

    @property
    def allocated_share(self) -> Decimal | None:
        """% of the proposals' estimated cost allocated in the APBDes (2 decimals), None when
        nothing was proposed: "how much of the proposals reached the APBDes"."""
        if not self.estimated_cost:
            return None
        return (Decimal(self.allocated_amount) * 100 / Decimal(self.estimated_cost)).quantize(
            Decimal("0.01")
        )


def by_key(proposals: Iterable[Any], attribute: str, keys: Iterable[Any] = ()) -> list[Total]:
    """Count and estimated cost per value of `attribute`; `keys` first (zeros kept), in order,
    then any other value met, in first-seen order."""
    out: dict[Any, Total] = {k: Total(k) for k in keys}
    for p in proposals:
        k = getattr(p, attribute)
        t = out.setdefault(k, Total(k))
        t.proposals += 1
        t.estimated_cost += _rp(p.estimated_cost)
    return list(out.values())


def path_totals(
    proposals: Iterable[Any], packages: Iterable[int] = (1, 2, 3, 4, 5),
    sources: Iterable[str] = (),
) -> PathTotals:  # fmt: skip
    """The whole list's figures. A proposal counts as allocated when its stage is allocated or
    realised; its allocated amount counts whatever its stage (a realised one keeps it)."""
    items = list(proposals)
    t = PathTotals()
    for p in items:
        t.proposals += 1
        t.estimated_cost += _rp(p.estimated_cost)
        if p.stage == "rejected":
            t.rejected += 1
            continue
        if p.stage in PLANNED_STAGES:
            t.planned += 1
            t.planned_amount += _rp(p.planned_amount)
        if p.stage in ALLOCATED_STAGES:
            t.allocated += 1
            t.allocated_amount += _rp(p.allocated_amount)
        if p.stage == "realised":
            t.realised += 1
            t.realised_amount += _rp(p.realised_amount)
    t.by_package = by_key(items, "package", packages)
    t.by_source = by_key(items, "funding_source", sources)
    return t
