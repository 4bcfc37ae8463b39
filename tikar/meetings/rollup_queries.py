"""The officers' roll-up of the Rembuk Stunting Desa and the budget (issue 11, Build item 9).

For an area and a meeting year n, one line per sub-area of the level below (desa of a kecamatan,
kecamatan of a kabupaten, ...), each from grouped aggregates in the database keyed by the
sub-area's code prefix, `SUBSTR(code, 1, len)` (as `front.views._count_by_prefix` and
`scorecard.rollup` do). Five queries whatever the number of desa: the sub-areas, the desa and
kelurahan counts, the meetings, the proposals, the Dana Desa figures.

Definitions (the same as `meetings.totals`, so that the roll-up and the desa's own pages agree
to the rupiah):

- held: a `VillageMeeting` of year n whose date is today or earlier; a record dated later is
  "scheduled" (not held yet).
- proposals: every proposal of the year's meetings, with its estimated cost (rupiah).
- reached the APBDes: stage allocated or realised (`totals.ALLOCATED_STAGES`); its amount is
  `allocated_amount`. Only desa (and desa adat) have an APBDes; a kelurahan's allocated
  proposals are counted apart, under "kelurahan budget (dana kelurahan / APBD)" (terms.py).
- share of the proposals' cost that reached the budget: Σ allocated / Σ estimated cost of the
  same villages' proposals (rejected ones included in the cost), two decimals, as
  `PathTotals.allocated_share`.
- realised: stage realised, `realised_amount`.
- needing district funds: funding source APBD and not rejected (convergence action 3, the
  rembuk kabupaten, discusses them; rembuk.md "The district's 8 convergence actions").
- Dana Desa share (Formulir 4 table 5, forms.md): Σ allocation for stunting / Σ total allocation
  over both bidang, from `scorecard.DanaDesa` of the plan year n + 1, over the desa that entered
  it; kelurahan never count (they have no Dana Desa).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Max, Q, QuerySet, Sum
from django.db.models.functions import Substr

from tikar.accounts.scope import scoped, scoped_regions
from tikar.meetings.models import FundingSource, Proposal, ProposalStage, VillageMeeting
from tikar.meetings.totals import ALLOCATED_STAGES
from tikar.regions.models import Level, Region
from tikar.scorecard.evaluate import percent
from tikar.scorecard.models import DanaDesa
from tikar.scorecard.rollup import KEY_LENGTH, regions_at, under

# The 10th character of a village code is the first digit of its last part: 1 = kelurahan.
KIND_POSITION = 10
KELURAHAN_DIGIT = "1"


@dataclass
class Figures:
    """One line of the roll-up (a desa, a sub-area, or the whole area). Rupiah are ints."""

    desa: int = 0  # desa and desa adat: they have Dana Desa and an APBDes
    kelurahan: int = 0
    held: int = 0
    scheduled: int = 0  # a meeting recorded with a date after today
    proposals: int = 0
    estimated_cost: int = 0
    desa_cost: int = 0  # estimated cost of the desa's proposals (the APBDes share's base)
    allocated: int = 0  # desa proposals allocated in the APBDes (or realised)
    allocated_amount: int = 0
    kel_cost: int = 0
    kel_allocated: int = 0  # kelurahan proposals allocated in the kelurahan budget
    kel_allocated_amount: int = 0
    realised: int = 0
    realised_amount: int = 0
    apbd: int = 0  # proposals needing district funds (source APBD, not rejected)
    apbd_cost: int = 0
    dd_entered: int = 0  # desa that entered their Dana Desa of the plan year
    dd_stunting: int = 0
    dd_total: int = 0

    @property
    def villages(self) -> int:
        return self.desa + self.kelurahan

    @property
    def held_percent(self) -> Decimal | None:
        return percent(self.held, self.villages)

    @property
    def allocated_share(self) -> Decimal | None:
        return percent(self.allocated_amount, self.desa_cost) if self.desa_cost else None

    @property
    def kel_allocated_share(self) -> Decimal | None:
        return percent(self.kel_allocated_amount, self.kel_cost) if self.kel_cost else None

    @property
    def dd_share(self) -> Decimal | None:
        """% of the Dana Desa (both bidang) allocated to stunting; None when nobody entered."""
        return percent(self.dd_stunting, self.dd_total) if self.dd_total else None

    def add(self, other: Figures) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class Line:
    region: Region
    figures: Figures
    held_on: date | None = None  # a desa line: the meeting's date


@dataclass
class MeetingRollup:
    area: Region | None
    level: int  # level of the lines
    year: int  # the meeting year; the plan (APBDes, Dana Desa) year is year + 1
    lines: list[Line]
    total: Figures

    @property
    def plan_year(self) -> int:
        return self.year + 1

    @property
    def has_kelurahan(self) -> bool:
        return self.total.kelurahan > 0


def _int(value: Any) -> int:
    return int(value or 0)


def _village_counts(villages: QuerySet[Region], key_len: int) -> dict[tuple[str, bool], int]:
    rows = (
        villages.annotate(
            key=Substr("code", 1, key_len), kind_digit=Substr("code", KIND_POSITION, 1)
        )
        .values("key", "kind_digit")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {(r["key"], r["kind_digit"] == KELURAHAN_DIGIT): r["n"] for r in rows}


def _meetings(user, area: Region | None, year: int, today: date, key_len: int) -> dict[str, dict]:
    qs = VillageMeeting.objects.filter(under("village_id", area), year=year)
    rows = (
        scoped(qs, user)
        .annotate(key=Substr("village_id", 1, key_len))
        .values("key")
        .annotate(
            held=Count("pk", filter=Q(held_on__lte=today)),
            scheduled=Count("pk", filter=Q(held_on__gt=today)),
            last=Max("held_on"),
        )
        .order_by()
    )
    return {r["key"]: r for r in rows}


def _proposals(user, area: Region | None, year: int, key_len: int) -> dict[tuple[str, bool], dict]:
    allocated = Q(stage__in=ALLOCATED_STAGES)
    realised = Q(stage=ProposalStage.REALISED)
    apbd = Q(funding_source=FundingSource.APBD) & ~Q(stage=ProposalStage.REJECTED)
    qs = Proposal.objects.filter(under("meeting__village_id", area), meeting__year=year)
    rows = (
        scoped(qs, user, "meeting__village")
        .annotate(
            key=Substr("meeting__village_id", 1, key_len),
            kind_digit=Substr("meeting__village_id", KIND_POSITION, 1),
        )
        .values("key", "kind_digit")
        .annotate(
            n=Count("pk"),
            cost=Sum("estimated_cost"),
            allocated=Count("pk", filter=allocated),
            allocated_amount=Sum("allocated_amount", filter=allocated),
            realised=Count("pk", filter=realised),
            realised_amount=Sum("realised_amount", filter=realised),
            apbd=Count("pk", filter=apbd),
            apbd_cost=Sum("estimated_cost", filter=apbd),
        )
        .order_by()
    )
    return {(r["key"], r["kind_digit"] == KELURAHAN_DIGIT): r for r in rows}


def _dana_desa(user, area: Region | None, plan_year: int, key_len: int) -> dict[str, dict]:
    qs = DanaDesa.objects.filter(under("village_id", area), year=plan_year)
    rows = (
        scoped(qs, user)
        .annotate(
            key=Substr("village_id", 1, key_len), kind_digit=Substr("village_id", KIND_POSITION, 1)
        )
        .exclude(kind_digit=KELURAHAN_DIGIT)  # a kelurahan has no Dana Desa (terms.py)
        .values("key")
        .annotate(
            entered=Count("pk"),
            stunting=Sum(F("development_stunting") + F("empowerment_stunting")),
            total=Sum(F("development_total") + F("empowerment_total")),
        )
        .order_by()
    )
    return {r["key"]: r for r in rows}


def _figures(
    key: str,
    counts: dict[tuple[str, bool], int],
    meetings: dict[str, dict],
    proposals: dict[tuple[str, bool], dict],
    dana: dict[str, dict],
) -> Figures:
    f = Figures(desa=counts.get((key, False), 0), kelurahan=counts.get((key, True), 0))
    m = meetings.get(key)
    if m:
        f.held, f.scheduled = m["held"], m["scheduled"]
    for is_kel in (False, True):
        p = proposals.get((key, is_kel))
        if not p:
            continue
        f.proposals += p["n"]
        f.estimated_cost += _int(p["cost"])
        f.realised += p["realised"]
        f.realised_amount += _int(p["realised_amount"])
        f.apbd += p["apbd"]
        f.apbd_cost += _int(p["apbd_cost"])
        if is_kel:
            f.kel_cost += _int(p["cost"])
            f.kel_allocated += p["allocated"]
            f.kel_allocated_amount += _int(p["allocated_amount"])
        else:
            f.desa_cost += _int(p["cost"])
            f.allocated += p["allocated"]
            f.allocated_amount += _int(p["allocated_amount"])
    d = dana.get(key)
    if d:
        f.dd_entered, f.dd_stunting, f.dd_total = (
            d["entered"],
            _int(d["stunting"]),
            _int(d["total"]),
        )
    return f


def meeting_rollup(user, area: Region | None, year: int, level: int, today: date) -> MeetingRollup:
    """The lines of `area`'s sub-areas at `level` (any level below the area's) for meeting
    year `year`, and the area's total. `area` None is the whole country (national user).

    Every query goes through the access scope; the number of queries does not depend on the
    number of desa.
    """
    key_len = KEY_LENGTH[level]
    villages = regions_at(scoped_regions(user), area, Level.VILLAGE)
    counts = _village_counts(villages, key_len)
    meetings = _meetings(user, area, year, today, key_len)
    proposals = _proposals(user, area, year, key_len)
    dana = _dana_desa(user, area, year + 1, key_len)
    regions = list(regions_at(scoped_regions(user), area, level).order_by("code"))
    lines = []
    total = Figures()
    for r in regions:
        f = _figures(r.code, counts, meetings, proposals, dana)
        total.add(f)
        held_on = (
            meetings[r.code]["last"] if level == Level.VILLAGE and r.code in meetings else None
        )
        lines.append(Line(region=r, figures=f, held_on=held_on))
    return MeetingRollup(area=area, level=level, year=year, lines=lines, total=total)
