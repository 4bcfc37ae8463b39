"""What each target of a desa still needs this quarter, read from the stored scorecard.

`needs_for_village(village_code, today, posyandu_id=None) -> VillageNeeds`:

1. the running quarter of `today` is brought up to date with `scorecard.refresh.ensure_fresh`
   (recomputed only when dirty, never computed, or computed over other months);
2. the stored `QuarterResult` rows give the village's tingkat konvergensi (Σ received and
   Σ expected over the pregnancy and child rows, as Formulir 4 table 4) and which targets
   have a T ("T" or "?" in `cells`); targets with only Y/TS are never read again;
3. only those targets are re-evaluated with the pure engine, with the rule set and months
   their row was computed with (as `refresh.explain_target` does), because the stored row
   keeps the cell values but not the facts a need is derived from;
4. `tikar.scorecard.needs.target_needs` lists what can still be turned, with the points.

A validated (locked) quarter cannot change any more: no needs, `locked=True`.
Queries: the fresh check, 2 on the stored rows, 3-4 engine reads for the desa, 2 for names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Max, Q, Sum
from django.urls import reverse

from tikar.households.models import Child, Pregnancy
from tikar.scorecard import locks
from tikar.scorecard.evaluate import evaluate_child, evaluate_pregnancy, percent
from tikar.scorecard.models import UNKNOWN_CHAR, QuarterResult
from tikar.scorecard.needs import Need, gain, target_needs, with_points
from tikar.scorecard.refresh import (
    current_quarter,
    ensure_fresh,
    read_child_inputs,
    read_pregnancy_inputs,
    ruleset_for,
)
from tikar.scorecard.rules import CHILD, PREGNANCY, ruleset_by_name


@dataclass
class TargetNeeds:
    """One target with its needs; `points` = the gain if all of them are met."""

    group: str  # "pregnancy" | "child"
    target_id: str
    name: str
    url: str
    posyandu_id: int | None
    posyandu: str  # name, "" when the target has none
    needs: list[Need]
    points: Decimal = Decimal("0.00")


@dataclass
class PosyanduNeeds:
    posyandu_id: int | None
    name: str
    targets: list[TargetNeeds]
    points: Decimal = Decimal("0.00")

    @property
    def need_count(self) -> int:
        return sum(len(t.needs) for t in self.targets)


@dataclass
class VillageNeeds:
    village_code: str
    year: int
    quarter: int
    today: date
    computed_at: datetime | None  # when the stored results were computed
    received: int  # Σ Y (pregnancy + child), Formulir 4 table 4
    expected: int  # Σ (indicators − TS)
    locked: bool
    targets: list[TargetNeeds] = field(default_factory=list)
    total_points: Decimal = Decimal("0.00")  # every listed need met

    @property
    def percent(self) -> Decimal | None:
        return percent(self.received, self.expected)

    @property
    def percent_if_met(self) -> Decimal | None:
        n = sum(len(t.needs) for t in self.targets)
        return percent(min(self.received + n, self.expected), self.expected)

    @property
    def need_count(self) -> int:
        return sum(len(t.needs) for t in self.targets)

    def by_posyandu(self) -> list[PosyanduNeeds]:
        """The targets grouped by posyandu (targets without one last), biggest gain first."""
        groups: dict[int | None, PosyanduNeeds] = {}
        for t in self.targets:
            g = groups.setdefault(t.posyandu_id, PosyanduNeeds(t.posyandu_id, t.posyandu, []))
            g.targets.append(t)
        for g in groups.values():
            g.points = gain(self.received, self.expected, g.need_count)
        return sorted(groups.values(), key=lambda g: (g.posyandu_id is None, -g.points, g.name))


def _names(preg_ids: list[str], child_ids: list[str], posyandu_id) -> dict[str, dict]:
    """Name, posyandu and page of each target (two queries), restricted to a posyandu."""
    out: dict[str, dict] = {}
    pregs = Pregnancy.objects.filter(pk__in=preg_ids).select_related("mother", "posyandu")
    kids = Child.objects.filter(pk__in=child_ids).select_related("posyandu")
    if posyandu_id is not None:
        pregs, kids = pregs.filter(posyandu_id=posyandu_id), kids.filter(posyandu_id=posyandu_id)
    for p in pregs:
        out[str(p.pk)] = {"name": p.mother.name, "posyandu": p.posyandu}
    for c in kids:
        out[str(c.pk)] = {"name": c.name, "posyandu": c.posyandu}
    return out


def needs_for_village(
    village_code: str, today: date, posyandu_id: int | None = None
) -> VillageNeeds:
    """The running quarter's needs of a desa (optionally one posyandu), most points first.

    The caller has already checked that the user may see the desa (village_for / scoped).
    Points are always against the whole desa's figure, also when one posyandu is shown.
    """
    year, quarter = current_quarter(today)
    locked = locks.is_locked(village_code, year, quarter)
    if not locked:
        ensure_fresh(village_code, year, quarter)
    rows = QuarterResult.objects.filter(
        village_id=village_code, year=year, quarter=quarter, group__in=(PREGNANCY, CHILD)
    )
    totals = rows.aggregate(r=Sum("received"), e=Sum("expected"), at=Max("computed_at"))
    result = VillageNeeds(
        village_code, year, quarter, today, totals["at"], totals["r"] or 0, totals["e"] or 0,
        locked,
    )  # fmt: skip
    if locked:
        return result
    open_rows = list(
        rows.filter(Q(cells__contains="T") | Q(cells__contains=UNKNOWN_CHAR)).values_list(
            "group", "target_id", "ruleset_name", "evaluated_through"
        )
    )
    if not open_rows:
        return result
    names = _names(
        [str(t) for g, t, *_ in open_rows if g == PREGNANCY],
        [str(t) for g, t, *_ in open_rows if g == CHILD],
        posyandu_id,
    )
    wanted = {str(t): (g, rs, through) for g, t, rs, through in open_rows if str(t) in names}
    if not wanted:
        return result
    inputs: dict[str, object] = {}
    if any(g == PREGNANCY for g, _rs, _t in wanted.values()):
        inputs |= {p.target_id: p for p in read_pregnancy_inputs(village_code, year, quarter)[0]}
    if any(g == CHILD for g, _rs, _t in wanted.values()):
        inputs |= {c.target_id: c for c in read_child_inputs(village_code, year, quarter)[0]}
    default_rules = None
    for target_id, (group, rs_name, through) in wanted.items():
        target = inputs.get(target_id)
        if target is None:
            continue
        if rs_name:
            rules = ruleset_by_name(rs_name)
        else:
            default_rules = default_rules or ruleset_for(village_code, year)
            rules = default_rules
        evaluate = evaluate_pregnancy if group == PREGNANCY else evaluate_child
        evaluated = evaluate(target, year, quarter, rules, through)
        if evaluated is None or evaluated.problems:
            continue  # a data problem: Formulir 3 lists it, it is not a service to give
        needs = target_needs(target, evaluated, year, quarter, today)
        if not needs:
            continue
        info = names[target_id]
        posyandu = info["posyandu"]
        result.targets.append(
            TargetNeeds(
                group=group,
                target_id=target_id,
                name=info["name"],
                url=reverse("target", args=[target_id]),
                posyandu_id=posyandu.pk if posyandu else None,
                posyandu=posyandu.name if posyandu else "",
                needs=with_points(needs, result.received, result.expected),
                points=gain(result.received, result.expected, len(needs)),
            )
        )
    result.targets.sort(key=lambda t: (-t.points, t.name.lower()))
    result.total_points = gain(result.received, result.expected, result.need_count)
    return result
