"""What each target still needs this quarter: the T cells that services can still turn into Y.

Pure (no Django). Input: one target's engine input (`PregnancyInput` / `ChildInput`), the
engine's `TargetResult` for the running quarter (its cells carry the `Rule` row that produced
them), the quarter and `today`. Output: `Need` rows, one per indicator now T that can still
become Y by services recorded in the months that remain.

Source of every rule: the rule rows of `tikar.scorecard.rules` (Formulir 3a / 3b, forms.md).
Nothing here names an indicator: the action is derived from the row's *kind*, its `subject`,
`threshold`, `window_*` and `statuses`, so a changed threshold or a new row needs no code here.

Choices (issue 10 §3, "what each target still needs this quarter"):

- Remaining months = the months of the quarter from today's month to the quarter's last
  month. A past month is closed: a service cannot be given in October once it is November.
  (`open_months` lets a caller add past months whose record may still be completed; the
  Django layer passes none, because a missing record does not say the service happened.)
- A Y or a TS cell never appears; a cell without a rule (unknown stage, unreadable data) is a
  data problem for the Formulir 3 pages, not a service, and is not listed either.
- A T that can no longer be turned (a past month already missed in an "every month" rule,
  3 months needed and 1 left, the 42 days after delivery over) is NOT listed: the list is
  what the KPM can still act on. `reachable=False` results are never returned.
- The stage (trimester, age band) is the one of the latest record: if the target moves into
  another stage in a later month, the rule of that stage applies then (the list is recomputed
  with every record, so it follows).
- Points: the village's tingkat konvergensi is the scorecard's pooled figure
  (`evaluate.scorecard(...).total_convergence`): Σ Y / Σ (indicators − TS) over the pregnancy
  and child rows, in %, rounded half up to two decimals. A T turning Y adds 1 to the numerator
  and leaves the denominator unchanged, so `points = percent(R + 1, E) − percent(R, E)` in
  percentage points (Decimal, two decimals); a set of k needs gives `percent(R + k, E) −
  percent(R, E)` (`gain`). PAUD is not in the figure, so it has no needs here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from tikar.calendar import (
    MONTHS_ID,
    add_months,
    age_in_months,
    month_end,
    quarter_bounds,
    quarter_months,
)
from tikar.monitoring.records import ChildInput, PregnancyInput
from tikar.scorecard.evaluate import STATUS_LABELS, T, TargetResult, percent
from tikar.scorecard.rules import CHILD, INDICATORS, PREGNANCY, STAGE_LABELS, Rule, RuleKind

# PregnancyMonth.postnatal_checks is 0-4 (records.py): one monthly record holds at most 4.
MAX_CHECKS_PER_RECORD = 4


@dataclass(frozen=True, slots=True)
class Need:
    """One indicator of one target that services in `months` can still turn from T into Y.

    text: the action in Bahasa Indonesia ("ditimbang bulan ini", "1 pemeriksaan kehamilan
    lagi (Trimester 3) bulan ini atau Desember 2026"); months: the first days of the months in
    which the service has to be given and recorded (for "at least n" rules: the months it may
    be given in); points: percentage points the village's tingkat konvergensi gains when this
    cell turns Y (0.00 until `with_points`).
    """

    target_id: str
    group: str  # "pregnancy" | "child"
    code: str  # indicator code, e.g. "weighed"
    number: int  # indicator number on Formulir 3a / 3b
    indicator: str  # the official indicator text (Formulir 4, table 3)
    text: str
    months: tuple[date, ...]
    points: Decimal = Decimal("0.00")


def remaining_months(year: int, quarter: int, today: date) -> tuple[date, ...]:
    """The quarter's months from today's month to its end (empty once it is over)."""
    this_month = today.replace(day=1)
    return tuple(m for m in quarter_months(year, quarter) if m >= this_month)


def gain(received: int, expected: int, count: int) -> Decimal:
    """Percentage points the pooled convergence rises by when `count` T cells turn Y.

    received / expected: Σ Y and Σ (indicators − TS) over the village's pregnancy and child
    rows (the scorecard's total_convergence). 0.00 when expected is 0 or count is 0.
    """
    before = percent(received, expected)
    after = percent(min(received + count, expected), expected)
    if before is None or after is None:
        return Decimal("0.00")
    return after - before


def with_points(needs: Sequence[Need], received: int, expected: int) -> list[Need]:
    """The needs with their points: each one alone (`gain` of 1); the order is kept."""
    one = gain(received, expected, 1)
    return [replace(n, points=one) for n in needs]


# --------------------------------------------------------------------------------------------
# Per rule kind


@dataclass(frozen=True, slots=True)
class _Context:
    today: date
    quarter_end: date
    label: str  # "Trimester 3", "Umur 10 bulan"
    by_month: dict  # the quarter's records (children: cohort months), month -> record
    monitored: tuple  # the months "every monitored month" is about, in order
    history: tuple  # every record up to the quarter's end
    fillable: tuple[date, ...]  # remaining (and open) months in which a service can count
    cohort: tuple[date, ...] = ()  # child: the quarter's months in which it is 0-23 months
    delivery: date | None = None


def _month_name(month: date, today: date) -> str:
    if (month.year, month.month) == (today.year, today.month):
        return "bulan ini"
    return f"{MONTHS_ID[month.month - 1]} {month.year}"


def _phrase(months: Sequence[date], today: date, joiner: str = "dan") -> str:
    names = [_month_name(m, today) for m in months]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {joiner} {names[-1]}"


def _done(record, rule: Rule) -> bool:
    return record is not None and bool(rule.check(record))


def _at_least(rule: Rule, ctx: _Context) -> tuple[str, tuple[date, ...]] | None:
    # MONTHS_AT_LEAST: months with the service ≥ threshold; one month counts once.
    done = sum(1 for m in ctx.monitored if _done(ctx.by_month[m], rule))
    missing = (rule.threshold or 0) - done
    free = tuple(m for m in ctx.fillable if not _done(ctx.by_month.get(m), rule))
    if missing <= 0 or missing > len(free):
        return None
    joiner = "dan" if missing == len(free) else "atau"
    per_month = ", satu per bulan," if missing > 1 else ""
    return (
        f"{missing} {rule.subject} lagi ({ctx.label}){per_month} {_phrase(free, ctx.today, joiner)}",
        free,
    )


def _every(rule: Rule, months: Sequence[date], ctx: _Context, suffix: str = ""):
    """Every month in `months` must have the service; the future ones in ctx.fillable too."""
    missed = [m for m in months if m not in ctx.fillable and not _done(ctx.by_month.get(m), rule)]
    if missed:
        return None  # a closed month without the service: cannot be turned any more
    todo = tuple(m for m in ctx.fillable if not _done(ctx.by_month.get(m), rule))
    if not todo:
        return None
    return f"{rule.subject} {_phrase(todo, ctx.today)}{suffix}", todo


def _every_monitored(rule: Rule, ctx: _Context):
    # EVERY_MONITORED_MONTH: a month with a record is monitored; the remaining months will be.
    return _every(rule, ctx.monitored, ctx)


def _every_with_status(rule: Rule, ctx: _Context):
    # EVERY_MONTH_WITH_STATUS: only months whose status is one of rule.statuses (the status is
    # expected to stay for the remaining months: it is carried forward until a new measurement).
    def flagged(record) -> bool:
        value = getattr(record, rule.status_field)
        if isinstance(value, frozenset):
            return not value.isdisjoint(rule.statuses)
        return value in rule.statuses

    months = [m for m in ctx.monitored if flagged(ctx.by_month[m])]
    if not months:
        return None
    latest = ctx.by_month[months[-1]]
    value = getattr(latest, rule.status_field)
    present = value if isinstance(value, frozenset) else {value}
    labels = "/".join(v for k, v in STATUS_LABELS.items() if k in present and k in rule.statuses)
    return _every(rule, months, ctx, f" (status {labels})" if labels else "")


def _every_cohort(rule: Rule, ctx: _Context):
    # EVERY_COHORT_MONTH: every month of the quarter in which the child is 0-23 months; a month
    # without a record counts as not received.
    cohort = set(ctx.cohort)
    inner = replace(ctx, fillable=tuple(m for m in ctx.fillable if m in cohort))
    return _every(rule, ctx.cohort, inner)


def _latest(rule: Rule, ctx: _Context):
    # LATEST_STATE: the latest record of the quarter answers; a record in a remaining month
    # with "ya" turns it.
    if not ctx.fillable:
        return None
    month = ctx.fillable[0]
    latest = ctx.by_month[ctx.monitored[-1]] if ctx.monitored else None
    unanswered = latest is not None and any(getattr(latest, f) is None for f in rule.fields)
    what = "belum diisi, isi" if unanswered else "belum, lengkapi lalu catat"
    return f"{rule.subject}: {what} pada catatan {_month_name(month, ctx.today)}", (month,)


def _sum_after_delivery(rule: Rule, ctx: _Context):
    # SUM_AFTER_DELIVERY: checks summed over the records of the months overlapping the
    # window_days after delivery (only the months of this quarter still count for it).
    if ctx.delivery is None:
        return None  # a data problem (delivery date missing), not a service
    last = ctx.delivery + timedelta(days=rule.window_days or 0)
    if ctx.today > last:
        return None
    field = rule.fields[0]
    window = [r for r in ctx.history if r.month <= last and month_end(r.month) >= ctx.delivery]
    total = sum(getattr(r, field) or 0 for r in window)
    missing = (rule.threshold or 0) - total
    months = tuple(m for m in ctx.fillable if m <= last and month_end(m) >= ctx.delivery)
    room = sum(
        MAX_CHECKS_PER_RECORD - (getattr(ctx.by_month.get(m), field, 0) or 0) for m in months
    )
    if missing <= 0 or missing > room:
        return None
    until = min(last, ctx.quarter_end)
    until_label = f"{until.day} {MONTHS_ID[until.month - 1]} {until.year}"
    return f"{missing} {rule.subject} lagi sampai {until_label}", months


def _any_in_window(rule: Rule, ctx: _Context):
    # ANY_IN_WINDOW: ≥ threshold records with the service in the window_months ending with
    # the quarter's last month.
    last_month = ctx.quarter_end.replace(day=1)
    first = add_months(last_month, 1 - (rule.window_months or 1))
    hits = sum(1 for r in ctx.history if r.month >= first and _done(r, rule))
    missing = (rule.threshold or 0) - hits
    free = tuple(m for m in ctx.fillable if not _done(ctx.by_month.get(m), rule))
    if missing <= 0 or missing > len(free):
        return None
    joiner = "dan" if missing == len(free) else "atau"
    return f"{missing} {rule.subject} lagi {_phrase(free, ctx.today, joiner)}", free


# One reader per kind: the engine's vocabulary, never an indicator. NOT_APPLICABLE gives TS
# only, so it has none.
_KINDS: dict[RuleKind, Callable[[Rule, _Context], tuple[str, tuple[date, ...]] | None]] = {
    RuleKind.MONTHS_AT_LEAST: _at_least,
    RuleKind.EVERY_MONITORED_MONTH: _every_monitored,
    RuleKind.EVERY_MONTH_WITH_STATUS: _every_with_status,
    RuleKind.LATEST_STATE: _latest,
    RuleKind.EVERY_COHORT_MONTH: _every_cohort,
    RuleKind.SUM_AFTER_DELIVERY: _sum_after_delivery,
    RuleKind.ANY_IN_WINDOW: _any_in_window,
}


def _cohort(birth: date, year: int, quarter: int) -> tuple[date, ...]:
    # As the engine: 0-23 complete months on at least one day of the month.
    return tuple(
        m
        for m in quarter_months(year, quarter)
        if age_in_months(birth, month_end(m)) >= 0 and age_in_months(birth, max(m, birth)) < 24
    )


def _stage_label(result: TargetResult) -> str:
    if result.group == CHILD and result.age_months is not None:
        return f"umur {result.age_months} bulan"
    return STAGE_LABELS.get(result.stage, result.stage)


def target_needs(
    target: PregnancyInput | ChildInput,
    result: TargetResult,
    year: int,
    quarter: int,
    today: date,
    open_months: Iterable[date] = (),
) -> list[Need]:
    """The T cells of `result` that services in the remaining months can still turn into Y.

    target: the engine input the result was computed from (records may reach before the
    quarter; records after the quarter are ignored). result: `evaluate_pregnancy` /
    `evaluate_child` of the same quarter (the running one: through today's month, or whole).
    open_months: past months of the quarter that may still count (first days; see the module
    docstring). Returns the needs in indicator order with points 0.00 (`with_points`).
    Raises ValueError when the result is not the target's (a caller bug).
    """
    if result.target_id != target.target_id:
        raise ValueError(f"result {result.target_id} is not for target {target.target_id}")
    start, end = quarter_bounds(year, quarter)
    fillable = tuple(
        sorted(set(remaining_months(year, quarter, today)) | {m for m in open_months
                                                               if start <= m <= end})
    )  # fmt: skip
    history = tuple(sorted((r for r in target.months if r.month <= end), key=lambda r: r.month))
    in_quarter = [r for r in history if r.month >= start]
    delivery = getattr(target, "delivery_date", None)
    cohort: tuple[date, ...] = ()
    pregnant_fillable = fillable
    if result.group == CHILD:
        cohort = _cohort(target.birth_date, year, quarter)
        in_quarter = [r for r in in_quarter if r.month in cohort]
        fillable = tuple(m for m in fillable if m in cohort)
        monitored = in_quarter
    else:
        monitored = [r for r in in_quarter if delivery is None or r.month < delivery]
        if delivery is not None:
            # Months after the delivery are not "while pregnant": only the nifas rule reads them.
            pregnant_fillable = tuple(m for m in fillable if m < delivery)
    ctx = _Context(
        today=today,
        quarter_end=end,
        label=_stage_label(result),
        by_month={r.month: r for r in in_quarter},
        monitored=tuple(r.month for r in monitored),
        history=history,
        fillable=fillable,
        cohort=cohort,
        delivery=delivery,
    )
    needs: list[Need] = []
    for cell in result.cells:
        rule = cell.rule
        if cell.value != T or rule is None or rule.kind not in _KINDS:
            continue
        kind_ctx = ctx
        if (
            result.group == PREGNANCY
            and delivery is not None
            and rule.kind != RuleKind.SUM_AFTER_DELIVERY
        ):
            kind_ctx = replace(ctx, fillable=pregnant_fillable)
        found = _KINDS[rule.kind](rule, kind_ctx)
        if found is None:
            continue
        text, months = found
        needs.append(
            Need(
                target_id=result.target_id,
                group=result.group,
                code=cell.code,
                number=cell.number,
                indicator=_indicator_text(result.group, cell.code),
                text=text,
                months=months,
            )
        )
    return needs


def _indicator_text(group: str, code: str) -> str:
    return next(i.text for i in INDICATORS[group] if i.code == code)


def convergence_totals(results: Iterable[TargetResult]) -> tuple[int, int]:
    """(Σ received, Σ expected) over pregnancy and child results: the pooled figure's parts."""
    received = expected = 0
    for r in results:
        if r.group in (PREGNANCY, CHILD):
            received += r.received
            expected += r.expected
    return received, expected
