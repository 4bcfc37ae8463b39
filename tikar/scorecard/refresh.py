"""Keeping the stored quarterly results in step with the monthly records.

- A save or delete of a monthly record (2a / 2b / 2c), or of a pregnancy or child in the
  register, marks every desa quarter whose result it can change as dirty (`DirtyQuarter`):
  one INSERT ... ON CONFLICT DO NOTHING inside the transaction of the change itself, so a
  committed change is never left unmarked.
- `refresh_village_quarter` recomputes one desa's quarter with the pure engine and replaces
  its rows AND its per-desa totals (`VillageQuarterTotal`, what the area pages read) in one
  transaction; `refresh_dirty` (the worker's job `tasks.refresh_dirty_quarters`, and
  `manage.py refresh_scorecards`) does every dirty quarter. Pages never recompute: they call
  `request_fresh` (one desa) or `rollup.request_area_refresh`, which mark stale quarters and
  enqueue the job, and say "Sedang diperbarui" while it runs. `ensure_fresh` (inline) remains
  for commands and the per-desa readers outside the scorecard pages.
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

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from datetime import date, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from tikar import clock
from tikar.calendar import POSTNATAL_DAYS, add_months, quarter_bounds, quarter_of
from tikar.monitoring.records import (
    ChildInput,
    ChildMonth,
    PaudInput,
    PaudMonth,
    PregnancyInput,
    PregnancyMonth,
)
from tikar.regions.models import Region
from tikar.scorecard import totals
from tikar.scorecard.evaluate import (
    PaudResult,
    TargetResult,
    evaluate_child,
    evaluate_paud,
    evaluate_pregnancy,
    problem_result,
)
from tikar.scorecard.models import (
    CELL_CHAR,
    UNKNOWN_CHAR,
    DirtyQuarter,
    QuarterLock,
    QuarterResult,
    RuleChoice,
    VillageQuarterTotal,
)
from tikar.scorecard.period import evaluated_through
from tikar.scorecard.rules import CHILD, PAUD, PREGNANCY, RuleSet, ruleset

logger = logging.getLogger(__name__)

# What Formulir 3/4 say of a target whose data the refresh could not read or evaluate.
UNREADABLE = (
    "data sasaran ini tidak dapat dinilai (catatan bulanan berisi nilai yang tidak dikenal); "
    "buka catatan bulanannya, periksa dan simpan ulang"
)


def current_quarter(today: date | None = None) -> tuple[int, int]:
    today = today or clock.today()
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


def mark_dirty(
    village_code: str, quarters: Iterable[tuple[int, int]], *, request: bool = True
) -> None:
    """Mark the desa's quarters dirty (INSERT ... ON CONFLICT DO NOTHING, in the caller's
    transaction) and, with settings.TIKAR_REFRESH_ON_SAVE (default True), ask the worker to
    recompute them once that transaction commits (`tasks.request_refresh`).

    `request=False`: only mark (a migration, or a caller that requests the refresh itself).
    """
    rows = [
        DirtyQuarter(village_id=village_code, year=y, quarter=q) for y, q in sorted(set(quarters))
    ]
    if rows:
        DirtyQuarter.objects.bulk_create(rows, ignore_conflicts=True)
        if request and getattr(settings, "TIKAR_REFRESH_ON_SAVE", True):
            from tikar.scorecard.tasks import request_refresh

            request_refresh(on_commit=True)


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


# The engine's input, read column by column: only the months the rules look at, and only the
# columns the records carry (model instances of every visit with its target cost ten times the
# evaluation itself). `monitoring.queries.*_inputs` build the same inputs from the models; the
# stored-results test compares the two.
_PREGNANCY_COLUMNS = tuple(f.name for f in fields(PregnancyMonth) if f.name != "record_id")
_CHILD_COLUMNS = tuple(
    f.name for f in fields(ChildMonth) if f.name not in ("record_id", "nutrition_status")
)
_STATUS_FLAGS = (
    ("is_stunting", "stunting"),
    ("is_gizi_buruk", "gizi_buruk"),
    ("is_gizi_kurang", "gizi_kurang"),
)


# The WHO flags a status is judged with (monitoring.rules.is_unjudged), read with the flags.
_UNJUDGED_COLUMNS = ("flen", "fwei", "fwfl", "oedema")


def _status(flags) -> frozenset[str]:
    """The status of one record from its three is_* columns and the _UNJUDGED_COLUMNS."""
    from tikar.monitoring.rules import UNJUDGED, is_unjudged

    n = len(_STATUS_FLAGS)
    codes = {code for (_name, code), on in zip(_STATUS_FLAGS, flags[:n], strict=True) if on}
    if is_unjudged(*flags[n:]):
        codes.add(UNJUDGED)
    return frozenset(codes)


def _record(build: Callable, target_pk, failed: dict[str, str] | None, *args, **kwargs):
    """One engine record built from stored columns.

    A stored value the engine refuses (a status code no form offers, written by hand or by an
    old import) raises ValueError; with `failed` the target is noted there (and its traceback
    logged) so that the refresh stores it as a data problem instead of failing the desa.
    """
    try:
        return build(*args, **kwargs)
    except (TypeError, ValueError):
        if failed is None:
            raise
        logger.exception("scorecard: a record of target %s cannot be read", target_pk)
        failed[str(target_pk)] = UNREADABLE
        return None


def read_pregnancy_inputs(
    village_code: str,
    year: int,
    quarter: int,
    target_id: str | None = None,
    failed: dict[str, str] | None = None,
) -> tuple[list[PregnancyInput], dict[str, str]]:
    """The quarter's pregnancies with their records, and each one's household (one query).

    Reads the quarter's months and, before them, the months overlapping the 42 days after a
    delivery late in the previous quarter (the postnatal rule sums checks from there).
    """
    from tikar.monitoring.models import PregnancyVisit

    start, end = quarter_bounds(year, quarter)
    earliest = (start - timedelta(days=POSTNATAL_DAYS)).replace(day=1)
    qs = PregnancyVisit.objects.alive().filter(
        village_id=village_code,
        month__gte=earliest,
        month__lte=end,
        pregnancy__deleted_at__isnull=True,
    )
    if target_id is not None:
        qs = qs.filter(pregnancy_id=target_id)
    rows = qs.order_by("pregnancy_id", "month").values_list(
        "pregnancy_id",
        "pregnancy__delivery_date",
        "pregnancy__mother__household_id",
        "id",
        *_PREGNANCY_COLUMNS,
    )
    by_target: dict = {}
    households: dict[str, str] = {}
    for pk, delivery, household, record_id, *values in rows:
        months = by_target.setdefault(pk, (delivery, []))[1]
        columns = dict(zip(_PREGNANCY_COLUMNS, values, strict=True))
        months.append(_record(PregnancyMonth, pk, failed, str(record_id), **columns))
        households[str(pk)] = str(household)
    inputs = [PregnancyInput(str(pk), d, tuple(m)) for pk, (d, m) in by_target.items()
              if str(pk) not in (failed or ())]  # fmt: skip
    return inputs, households


def read_child_inputs(
    village_code: str,
    year: int,
    quarter: int,
    target_id: str | None = None,
    failed: dict[str, str] | None = None,
) -> tuple[list[ChildInput], dict[str, str]]:
    """The children with 2b records in the quarter or the 3 months before (two queries).

    The length/height rule looks 6 months back, so the 3 months before the quarter are read.
    A month without a measurement carries the last known status gizi forward (forms.md): the
    status before those months is the latest measured record before them, one indexed
    look-up per child in the database (childvisit_one_per_month is on child, month), instead
    of the child's whole history.
    """
    from tikar.households.models import Child
    from tikar.monitoring.models import ChildVisit

    start, end = quarter_bounds(year, quarter)
    first = add_months(start, -3)
    window = ChildVisit.objects.alive().filter(
        village_id=village_code,
        month__gte=first,
        month__lte=end,
        child__deleted_at__isnull=True,
    )
    if target_id is not None:
        window = window.filter(child_id=target_id)
    flags = [name for name, _code in _STATUS_FLAGS] + list(_UNJUDGED_COLUMNS)
    rows = window.order_by("child_id", "month").values_list(
        "child_id", "child__birth_date", "child__household_id", "id", *flags, *_CHILD_COLUMNS
    )  # fmt: skip
    earlier = (
        ChildVisit.objects.alive()
        .filter(child_id=OuterRef("pk"), month__lt=first, measured=True)
        .order_by("-month")
    )
    # The children of the window, without the join to Child the window query has (with it,
    # PostgreSQL hashes the whole children table of the database).
    window_children = ChildVisit.objects.alive().filter(
        village_id=village_code, month__gte=first, month__lte=end
    )
    if target_id is not None:
        window_children = window_children.filter(child_id=target_id)
    carried = {
        pk: _status(values)
        for pk, *values in Child.objects.filter(
            village_id=village_code,
            deleted_at__isnull=True,
            pk__in=window_children.values("child_id"),
        )
        .annotate(**{f"last_{name}": Subquery(earlier.values(name)[:1]) for name in flags})
        .values_list("pk", *(f"last_{name}" for name in flags))
    }
    by_child: dict = {}
    households: dict[str, str] = {}
    n = len(flags)
    for pk, birth, household, record_id, *values in rows:
        entry = by_child.setdefault(pk, [birth, [], carried.get(pk, frozenset())])
        columns = dict(zip(_CHILD_COLUMNS, values[n:], strict=True))
        if columns["measured"]:  # in month order: the carried status is the latest measured
            entry[2] = _status(values[:n])
        entry[1].append(
            _record(ChildMonth, pk, failed, str(record_id), **columns, nutrition_status=entry[2])
        )
        households[str(pk)] = str(household)
    inputs = [ChildInput(str(pk), birth, tuple(m)) for pk, (birth, m, _s) in by_child.items()
              if str(pk) not in (failed or ())]  # fmt: skip
    return inputs, households


def read_paud_inputs(
    village_code: str,
    year: int,
    quarter: int,
    target_id: str | None = None,
    failed: dict[str, str] | None = None,
) -> tuple[list[PaudInput], dict[str, str]]:
    """The children with 2c records in the quarter (one query)."""
    from tikar.monitoring.models import PaudRecord

    start, end = quarter_bounds(year, quarter)
    qs = PaudRecord.objects.alive().filter(
        village_id=village_code, month__gte=start, month__lte=end, child__deleted_at__isnull=True
    )
    if target_id is not None:
        qs = qs.filter(child_id=target_id)
    rows = qs.order_by("child_id", "month").values_list(
        "child_id", "child__birth_date", "child__household_id", "month", "status"
    )
    by_child: dict = {}
    households: dict[str, str] = {}
    for pk, birth, household, month, status in rows:
        by_child.setdefault(pk, (birth, []))[1].append(
            _record(PaudMonth, pk, failed, month, status)
        )
        households[str(pk)] = str(household)
    inputs = [PaudInput(str(pk), birth, tuple(m)) for pk, (birth, m) in by_child.items()
              if str(pk) not in (failed or ())]  # fmt: skip
    return inputs, households


def evaluate_village_quarter(
    village_code: str, year: int, quarter: int, rules: RuleSet, through: date | None = None
):
    """Run the pure engine on every target of a desa's quarter (no writes; four queries).

    `through`: the last elapsed month of a running quarter (`period.evaluated_through`).
    One target's failure never fails the desa: a target whose records cannot be read or
    evaluated is logged with its traceback and stored as a data problem (`problem_result`).
    """
    failed: dict[str, dict[str, str]] = {PREGNANCY: {}, CHILD: {}, PAUD: {}}
    where = f"{village_code} {year}-Q{quarter}"
    pregnancies, households = read_pregnancy_inputs(
        village_code, year, quarter, failed=failed[PREGNANCY]
    )
    children, child_households = read_child_inputs(
        village_code, year, quarter, failed=failed[CHILD]
    )
    paud_inputs, paud_households = read_paud_inputs(
        village_code, year, quarter, failed=failed[PAUD]
    )
    households |= child_households | paud_households
    preg = [
        r
        for p in pregnancies
        if (r := _isolated(PREGNANCY, p.target_id, where,
                           lambda p=p: evaluate_pregnancy(p, year, quarter, rules, through)))
        is not None
    ]  # fmt: skip
    kids = [
        r
        for c in children
        if (r := _isolated(CHILD, c.target_id, where,
                           lambda c=c: evaluate_child(c, year, quarter, rules, through)))
        is not None
    ]  # fmt: skip
    paud = [
        r
        for p in paud_inputs
        if (r := _isolated(PAUD, p.target_id, where,
                           lambda p=p: evaluate_paud(p, year, quarter, through)))
        is not None
    ]  # fmt: skip
    for group, results in ((PREGNANCY, preg), (CHILD, kids), (PAUD, paud)):
        results += [problem_result(group, target, UNREADABLE) for target in failed[group]]
    return Evaluated(preg, kids, paud, households)


def _isolated(group: str, target_id: str, where: str, evaluate: Callable):
    """`evaluate()`, or the target's problem result when it raises (logged with traceback).

    The engine already turns the stored data it knows to be bad into problem results; this
    is the net for what nobody foresaw, so that one target cannot take a report down.
    """
    try:
        return evaluate()
    except Exception:
        logger.exception("scorecard %s: %s %s could not be evaluated", where, group, target_id)
        return problem_result(group, target_id, UNREADABLE)


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
        cells="".join(UNKNOWN_CHAR if c.unknown else CELL_CHAR[c.value] for c in r.cells),
        received=r.received,
        expected=r.expected,
        risk_status=r.risk_status or "",
        is_stunting="stunting" in status,
        is_gizi_buruk="gizi_buruk" in status,
        is_gizi_kurang="gizi_kurang" in status,
        is_unjudged="tidak_dapat_dinilai" in status,
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
        cells=UNKNOWN_CHAR if r.has_problem else CELL_CHAR[r.value],
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
            # Validated: keep the figures the Admin Desa validated (their totals too, written
            # from the stored rows if a quarter validated before the totals existed has none).
            if not VillageQuarterTotal.objects.filter(
                village_id=code, year=year, quarter=quarter
            ).exists():
                totals.totals_from_stored(code, year, quarter)
            return False
        rules = ruleset_for(code, year)
        # A running quarter is evaluated over its elapsed months only (issue 8 §4): a month
        # that has not happened is not a month "without weighing".
        through = evaluated_through(year, quarter, clock.today())
        ev = evaluate_village_quarter(code, year, quarter, rules, through)
        now = timezone.now()
        common = {"village_id": code, "year": year, "quarter": quarter, "computed_at": now,
                  "evaluated_through": through}  # fmt: skip
        rows = [_target_row(r, common, ev.households) for r in ev.pregnancies + ev.children]
        rows += [_paud_row(r, common | {"ruleset_name": rules.name}, ev.households)
                 for r in ev.paud]  # fmt: skip
        QuarterResult.objects.filter(village_id=code, year=year, quarter=quarter).delete()
        _insert_results(rows)
        # The area pages' totals, in the same transaction: they never disagree with the rows.
        totals.write_totals(
            code,
            year,
            quarter,
            ((r.group, r.cells, r.received, r.expected, r.is_stunting) for r in rows),
            through,
            now,
        )
    return True


_DRIVER_NATIVE = frozenset({"BooleanField", "CharField", "PositiveSmallIntegerField"})


def _insert_results(rows: list[QuarterResult]) -> None:
    """INSERT a quarter's rows with one executemany.

    bulk_create splits them into statements of 999 parameters on SQLite (45 rows of this
    model), one query per 45 targets; the rows are new and need no returned ids.
    """
    if not rows:
        return
    columns = [f for f in QuarterResult._meta.concrete_fields if not f.primary_key]
    qn = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        qn(QuarterResult._meta.db_table),
        ", ".join(qn(f.column) for f in columns),
        ", ".join(["%s"] * len(columns)),
    )
    # get_db_prep_save is what a save would send (UUIDs, aware datetimes, per database); the
    # strings, small integers and booleans the engine produced go to every driver as they are,
    # and skipping the call for them halves the time of this loop.
    convert = [
        None if f.get_internal_type() in _DRIVER_NATIVE else f.get_db_prep_save for f in columns
    ]
    params = [
        tuple(
            value if conv is None or value is None else conv(value, connection)
            for conv, value in zip(convert, (getattr(row, f.attname) for f in columns), strict=True)
        )
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def refresh_dirty(limit: int | None = None, batch: int = 200) -> int:
    """Recompute dirty desa quarters, oldest mark first, each desa quarter in its own
    transaction; returns how many were done (at most `limit`).

    Each mark is claimed inside its transaction with SELECT ... FOR UPDATE SKIP LOCKED where
    the database has it (PostgreSQL), so two workers never take the same desa quarter and a
    record save waits at most for one desa's refresh; on SQLite the claim is a plain read and
    a double refresh is harmless. `batch`: marks read per look-up (the queue is re-read after
    each batch, so newer marks are found). A quarter whose refresh raises is logged and
    skipped for the rest of this run (its mark stays for the next run).
    """
    done = 0
    failed: set[int] = set()
    while limit is None or done < limit:
        candidates = list(
            DirtyQuarter.objects.exclude(pk__in=failed)
            .order_by("marked_at", "pk")
            .values_list("pk", flat=True)[:batch]
        )
        if not candidates:
            break
        for pk in candidates:
            if limit is not None and done >= limit:
                break
            try:
                with transaction.atomic():
                    mark = (
                        DirtyQuarter.objects.select_for_update(skip_locked=True)
                        .filter(pk=pk)
                        .values_list("village_id", "year", "quarter")
                        .first()
                    )
                    if mark is None:
                        continue  # done by another worker meanwhile
                    refresh_village_quarter(*mark)
            except Exception:
                logger.exception("scorecard: refresh of dirty quarter %s failed", pk)
                failed.add(pk)
                continue
            done += 1
    return done


def request_fresh(village_code: str, year: int, quarter: int) -> bool:
    """What a desa page does before reading a quarter: mark it dirty if it was never computed
    or was computed over other elapsed months than today's, and ask the worker for the dirty
    quarters; True while the quarter still waits (the page says "Sedang diperbarui").

    Nothing is recomputed here. With an ImmediateBackend (tests) the job runs at once.
    """
    from tikar.scorecard.tasks import request_refresh

    key = {"village_id": village_code, "year": year, "quarter": quarter}
    if QuarterLock.objects.filter(**key, locked_at__isnull=False).exists():
        return False
    stored = VillageQuarterTotal.objects.filter(**key).values_list("evaluated_through", flat=True)[
        :1
    ]
    if not stored or stored[0] != evaluated_through(year, quarter, clock.today()):
        mark_dirty(village_code, [(year, quarter)], request=False)
    if not DirtyQuarter.objects.filter(**key).exists():
        return False
    request_refresh()
    return DirtyQuarter.objects.filter(**key).exists()


def ensure_fresh(village_code: str, year: int, quarter: int) -> None:
    """Before a page reads a quarter: recompute it if it is dirty, was never computed, or was
    computed over other elapsed months than today's (a running quarter, after the month
    changed or the quarter ended).

    A quarter with no stored row may simply be empty; recomputing an empty quarter is three
    small queries, cheaper than keeping a "computed" marker per desa and quarter.
    """
    key = {"village_id": village_code, "year": year, "quarter": quarter}
    if QuarterLock.objects.filter(**key, locked_at__isnull=False).exists():
        return
    stored = QuarterResult.objects.filter(**key).values_list("evaluated_through", flat=True)[:1]
    if (
        DirtyQuarter.objects.filter(**key).exists()
        or not stored
        or stored[0] != evaluated_through(year, quarter, clock.today())
    ):
        refresh_village_quarter(village_code, year, quarter)


def explain_target(row: QuarterResult) -> TargetResult | PaudResult | None:
    """Recompute one stored row with the engine, for the "why Y / T / TS?" page.

    Uses the rule set the row was computed with, so the explanation matches the stored cell.
    """
    from tikar.scorecard.rules import ruleset_by_name

    code, year, quarter = row.village_id, row.year, row.quarter
    target = str(row.target_id)
    rules = ruleset_by_name(row.ruleset_name) if row.ruleset_name else ruleset_for(code, year)
    # The refresh's own readers, restricted to this target: the explanation reads exactly
    # what the stored cell was computed from.
    through = row.evaluated_through  # the months the stored cell was computed over
    # As in the refresh, a target that cannot be read or evaluated is explained as the data
    # problem it is stored as, never a 500 on the explanation page.
    failed: dict[str, str] = {}
    where = f"{code} {year}-Q{quarter}"
    if row.group == PREGNANCY:
        for p in read_pregnancy_inputs(code, year, quarter, target, failed)[0]:
            return _isolated(PREGNANCY, target, where,
                             lambda: evaluate_pregnancy(p, year, quarter, rules, through))  # noqa: B023  # fmt: skip
    elif row.group == CHILD:
        for c in read_child_inputs(code, year, quarter, target, failed)[0]:
            return _isolated(CHILD, target, where,
                             lambda: evaluate_child(c, year, quarter, rules, through))  # noqa: B023  # fmt: skip
    else:
        for p in read_paud_inputs(code, year, quarter, target, failed)[0]:
            return _isolated(PAUD, target, where,
                             lambda: evaluate_paud(p, year, quarter, through))  # noqa: B023  # fmt: skip
    if target in failed:
        return problem_result(row.group, target, failed[target])
    return None
