"""Keeping the stored quarterly results in step with the monthly records.

- A save or delete of a monthly record (2a / 2b / 2c), or of a pregnancy or child in the
  register, marks every desa quarter whose result it can change as dirty (`DirtyQuarter`):
  one INSERT ... ON CONFLICT DO NOTHING inside the transaction of the change itself, so a
  committed change is never left unmarked.
- `refresh_village_quarter` recomputes one desa's quarter with the pure engine and replaces
  its rows in one transaction; `refresh_dirty` (and `manage.py refresh_scorecards`) does every
  dirty quarter; the pages call `ensure_fresh`, so what a user sees is never stale.
- A validated (locked) quarter is never recomputed: its stored rows are the figures the
  Admin Desa validated. Reopening it marks it dirty again.

Which quarters a record can change (the engine reads more than its own quarter):
- 2a: its quarter, and the next one when the month overlaps the 42 days before the next
  quarter starts (the postnatal checks of a delivery late in the quarter are summed from there);
- 2b: its quarter and every later one while the child is 0-23 months: the length/height rule
  looks 6 months back, and the status gizi of a measurement carries forward to later months;
- 2c: its quarter.
Quarters after today's are not marked (nothing can be recorded there yet).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from tikar.regions.models import Region
from tikar.scorecard.evaluate import (
    PaudResult,
    TargetResult,
    add_months,
    evaluate_child,
    evaluate_paud,
    evaluate_pregnancy,
    quarter_bounds,
)
from tikar.scorecard.models import (
    CELL_CHAR,
    DirtyQuarter,
    QuarterLock,
    QuarterResult,
    RuleChoice,
)
from tikar.scorecard.rules import CHILD, PAUD, POSTNATAL_DAYS, PREGNANCY, RuleSet, ruleset


def quarter_of(month: date) -> int:
    return (month.month - 1) // 3 + 1


def current_quarter(today: date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    return today.year, quarter_of(today)


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def ruleset_for(village_code: str, year: int) -> RuleSet:
    """The kabupaten's chosen standards for the year (RuleChoice), else 4 visits / 3 checks."""
    choice = (
        RuleChoice.objects.filter(regency_id=village_code[:5], year=year)
        .values_list("anc_standard", "pnc_standard")
        .first()
    )
    return ruleset(*choice) if choice else ruleset(4, 3)


# --------------------------------------------------------------------------------------------
# Dirty marking


def mark_dirty(village_code: str, quarters: Iterable[tuple[int, int]]) -> None:
    rows = [
        DirtyQuarter(village_id=village_code, year=y, quarter=q) for y, q in sorted(set(quarters))
    ]
    if rows:
        DirtyQuarter.objects.bulk_create(rows, ignore_conflicts=True)


def _pregnancy_quarters(month: date, last: tuple[int, int]) -> set[tuple[int, int]]:
    own = (month.year, quarter_of(month))
    quarters = {own}
    following = next_quarter(*own)
    start, _end = quarter_bounds(*following)
    # The same window as monitoring.queries.pregnancy_inputs reads before a quarter.
    if month >= (start - timedelta(days=POSTNATAL_DAYS)).replace(day=1) and following <= last:
        quarters.add(following)
    return quarters


def _child_quarters(
    month: date, birth_date: date | None, last: tuple[int, int]
) -> set[tuple[int, int]]:
    # Without a birth date (a raw fixture load) mark through today: more work, never stale.
    cohort_end = add_months(birth_date.replace(day=1), 24) if birth_date else None
    end = last if cohort_end is None else min(last, (cohort_end.year, quarter_of(cohort_end)))
    quarters = {(month.year, quarter_of(month))}
    q = next_quarter(month.year, quarter_of(month))
    while q <= end:
        quarters.add(q)
        q = next_quarter(*q)
    return quarters


def quarters_touched(kind: str, month: date, birth_date: date | None = None):
    """The quarters whose results a record of `kind` ('2a' | '2b' | '2c') in `month` feeds."""
    last = current_quarter()
    if kind == "2a":
        return _pregnancy_quarters(month, last)
    if kind == "2b":
        return _child_quarters(month, birth_date, last)
    return {(month.year, quarter_of(month))}


def _birth_date(instance) -> date | None:
    try:
        return instance.child.birth_date
    except Exception:  # noqa: BLE001 - a raw fixture load may not have the child yet
        return None


def _record_changed(kind: str, instance) -> None:
    if not instance.village_id or instance.month is None:
        return
    birth = _birth_date(instance) if kind == "2b" else None
    mark_dirty(instance.village_id, quarters_touched(kind, instance.month, birth))


@receiver(post_save, sender="monitoring.PregnancyVisit", dispatch_uid="scorecard_dirty_2a")
@receiver(post_delete, sender="monitoring.PregnancyVisit", dispatch_uid="scorecard_dirty_2a_del")
def _pregnancy_visit_changed(sender, instance, **kwargs) -> None:
    _record_changed("2a", instance)


@receiver(post_save, sender="monitoring.ChildVisit", dispatch_uid="scorecard_dirty_2b")
@receiver(post_delete, sender="monitoring.ChildVisit", dispatch_uid="scorecard_dirty_2b_del")
def _child_visit_changed(sender, instance, **kwargs) -> None:
    _record_changed("2b", instance)


@receiver(post_save, sender="monitoring.PaudRecord", dispatch_uid="scorecard_dirty_2c")
@receiver(post_delete, sender="monitoring.PaudRecord", dispatch_uid="scorecard_dirty_2c_del")
def _paud_record_changed(sender, instance, **kwargs) -> None:
    _record_changed("2c", instance)


@receiver(post_save, sender="households.Pregnancy", dispatch_uid="scorecard_dirty_pregnancy")
def _pregnancy_changed(sender, instance, created=False, raw=False, **kwargs) -> None:
    # The delivery date decides the stage, and a deleted pregnancy leaves the recap.
    if created or raw:
        return  # a new pregnancy has no records yet
    quarters: set = set()
    for month in instance.visits.values_list("month", flat=True):
        quarters |= quarters_touched("2a", month)
    mark_dirty(instance.village_id, quarters)


@receiver(post_save, sender="households.Child", dispatch_uid="scorecard_dirty_child")
def _child_changed(sender, instance, created=False, raw=False, **kwargs) -> None:
    # The birth date decides the age band and cohort months; a deleted child leaves the recap.
    if created or raw:
        return
    quarters: set = set()
    for month in instance.visits.values_list("month", flat=True):
        quarters |= quarters_touched("2b", month, instance.birth_date)
    for month in instance.paud_records.values_list("month", flat=True):
        quarters |= quarters_touched("2c", month)
    mark_dirty(instance.village_id, quarters)


# --------------------------------------------------------------------------------------------
# Recomputing


@dataclass(frozen=True, slots=True)
class Evaluated:
    """The engine's answers for one desa and quarter, with the households of table 1."""

    pregnancies: list[TargetResult]
    children: list[TargetResult]
    paud: list[PaudResult]
    households: dict[str, str]  # target id -> household id


def evaluate_village_quarter(village_code: str, year: int, quarter: int, rules: RuleSet):
    """Run the pure engine on every target of a desa's quarter (no writes)."""
    from tikar.households.models import Child, Pregnancy
    from tikar.monitoring import queries

    preg = [
        r
        for p in queries.pregnancy_inputs(village_code, year, quarter)
        if (r := evaluate_pregnancy(p, year, quarter, rules)) is not None
    ]
    kids = [
        r
        for c in queries.child_inputs(village_code, year, quarter)
        if (r := evaluate_child(c, year, quarter, rules)) is not None
    ]
    paud = [
        r
        for p in queries.paud_inputs(village_code, year, quarter)
        if (r := evaluate_paud(p, year, quarter)) is not None
    ]
    households = {
        str(pk): str(hh)
        for pk, hh in Pregnancy.objects.filter(pk__in=[r.target_id for r in preg]).values_list(
            "pk", "mother__household_id"
        )
    }
    child_ids = [r.target_id for r in kids] + [r.target_id for r in paud]
    households |= {
        str(pk): str(hh)
        for pk, hh in Child.objects.filter(pk__in=child_ids).values_list("pk", "household_id")
    }
    return Evaluated(preg, kids, paud, households)


def _target_row(r: TargetResult, common: dict, households: dict) -> QuarterResult:
    status = r.nutrition_status
    return QuarterResult(
        **common,
        group=r.group,
        target_type=PREGNANCY if r.group == PREGNANCY else CHILD,
        target_id=r.target_id,
        household_id=households.get(r.target_id),
        stage=r.stage,
        age_months=r.age_months,
        cells="".join(CELL_CHAR[c.value] for c in r.cells),
        received=r.received,
        expected=r.expected,
        risk_status=r.risk_status or "",
        is_stunting="stunting" in status,
        is_gizi_buruk="gizi_buruk" in status,
        is_gizi_kurang="gizi_kurang" in status,
        growth_mat=r.growth_mat or "",
        father_attended=r.father_attended,
        ruleset_name=r.ruleset_name,
    )


def _paud_row(r: PaudResult, common: dict, households: dict) -> QuarterResult:
    return QuarterResult(
        **common,
        group=PAUD,
        target_type=CHILD,
        target_id=r.target_id,
        household_id=households.get(r.target_id),
        stage=r.age_group,
        cells=CELL_CHAR[r.value],
        received=int(r.value == "Y"),
        expected=int(r.value != "TS"),
        months_attending=r.months_attending,
        months_enrolled=r.months_enrolled,
    )


def refresh_village_quarter(village: Region | str, year: int, quarter: int) -> bool:
    """Recompute one desa's quarter and replace its stored rows; False when it is locked.

    The dirty mark is removed first, in the same transaction: a record saved while this runs
    either is read here or marks the quarter dirty again after this commits (on PostgreSQL its
    insert waits on the row this transaction deleted), so no change is lost.
    """
    code = village if isinstance(village, str) else village.code
    quarter_bounds(year, quarter)  # validates the quarter
    with transaction.atomic():
        DirtyQuarter.objects.filter(village_id=code, year=year, quarter=quarter).delete()
        if QuarterLock.objects.filter(
            village_id=code, year=year, quarter=quarter, locked_at__isnull=False
        ).exists():
            return False  # validated: keep the figures the Admin Desa validated
        rules = ruleset_for(code, year)
        ev = evaluate_village_quarter(code, year, quarter, rules)
        now = timezone.now()
        common = {"village_id": code, "year": year, "quarter": quarter, "computed_at": now}
        rows = [_target_row(r, common, ev.households) for r in ev.pregnancies + ev.children]
        rows += [_paud_row(r, common | {"ruleset_name": rules.name}, ev.households)
                 for r in ev.paud]  # fmt: skip
        QuarterResult.objects.filter(village_id=code, year=year, quarter=quarter).delete()
        QuarterResult.objects.bulk_create(rows, batch_size=500)
    return True


def refresh_dirty(limit: int | None = None) -> int:
    """Recompute every dirty desa quarter (oldest mark first); returns how many were done."""
    pending = DirtyQuarter.objects.order_by("marked_at").values_list(
        "village_id", "year", "quarter"
    )
    if limit is not None:
        pending = pending[:limit]
    done = 0
    for code, year, quarter in list(pending):
        refresh_village_quarter(code, year, quarter)
        done += 1
    return done


def ensure_fresh(village_code: str, year: int, quarter: int) -> None:
    """Before a page reads a quarter: recompute it if it is dirty or was never computed.

    A quarter with no stored row may simply be empty; recomputing an empty quarter is three
    small queries, cheaper than keeping a "computed" marker per desa and quarter.
    """
    key = {"village_id": village_code, "year": year, "quarter": quarter}
    if QuarterLock.objects.filter(**key, locked_at__isnull=False).exists():
        return
    if (
        DirtyQuarter.objects.filter(**key).exists()
        or not QuarterResult.objects.filter(**key).exists()
    ):
        refresh_village_quarter(village_code, year, quarter)


def explain_target(row: QuarterResult) -> TargetResult | PaudResult | None:
    """Recompute one stored row with the engine, for the "why Y / T / TS?" page.

    Uses the rule set the row was computed with, so the explanation matches the stored cell.
    """
    from tikar.monitoring import queries
    from tikar.scorecard.rules import ruleset_by_name

    code, year, quarter = row.village_id, row.year, row.quarter
    target = str(row.target_id)
    rules = ruleset_by_name(row.ruleset_name) if row.ruleset_name else ruleset_for(code, year)
    if row.group == PREGNANCY:
        for p in queries.pregnancy_inputs(code, year, quarter):
            if p.target_id == target:
                return evaluate_pregnancy(p, year, quarter, rules)
    elif row.group == CHILD:
        for c in queries.child_inputs(code, year, quarter):
            if c.target_id == target:
                return evaluate_child(c, year, quarter, rules)
    else:
        for p in queries.paud_inputs(code, year, quarter):
            if p.target_id == target:
                return evaluate_paud(p, year, quarter)
    return None
