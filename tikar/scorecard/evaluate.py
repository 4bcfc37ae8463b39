"""Pure evaluation of Formulir 3a / 3b (per target) and Formulir 4 (the village scorecard).

No Django import: the Django layer turns its monthly models into `records` and stores or renders
what comes back. Every cell carries the record ids and months it read, the `Rule` row that
produced it and an explanation in Bahasa Indonesia, so the product can answer "why T?".

Choices where forms.md leaves room (each is also stated where it is implemented):

- A record's date is its visit date, or the first day of its month when the visit date is
  missing. Ages are in complete months (the day of the month must be reached).
- "Monitored month" = a month of the quarter with a record. Only weighing counts the months
  without a record (forms.md: "in every month ... in which the child was in the cohort").
- A target with no record in the quarter is not monitored: `None`, and it is not counted
  anywhere in the scorecard (PAUD is the exception the brief asks for: TS).
- Records dated after the quarter are never read: a quarter's recap must come out the same
  whether it is computed on the last day of the quarter or a year later (a locked scorecard
  has to be reproducible from its own months).
- A yes/no question left unanswered (`None`: not asked) counts as not received (T), but the
  cell is marked `unknown`, its explanation says "belum diisi" and the target is listed as a
  data problem; an answered question makes the cell Y or T as before. An unanswered question
  that does not change the result (a Y reached with the other months) is not a problem.
- A pregnancy whose latest record of the quarter has no gestation month and no delivery date
  has an unknown stage (`UNKNOWN_STAGE`): the stage-dependent indicators are unknown T, the
  others (water, latrine, insurance) are evaluated as usual.
- Stored data never makes the engine raise: whatever cannot be evaluated (two records for one
  month) becomes a result whose cells are all unknown, with the reason in `problems`
  (`problem_result`). The property test test_engine_never_raises.py holds the engine to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache, wraps

from tikar.calendar import (
    MONTHS_ID_SHORT,
    POSTNATAL_DAYS,
    add_months,
    age_in_months,
    in_age_range,
    month_end,
    quarter_bounds,
    quarter_months,
    short_month_name,
)
from tikar.monitoring.records import (
    ChildInput,
    ChildMonth,
    PaudInput,
    PregnancyInput,
    PregnancyMonth,
)
from tikar.scorecard.rules import (
    CHILD,
    DEFAULT_RULESET,
    INDICATORS,
    PAUD,
    PREGNANCY,
    STAGE_LABELS,
    Indicator,
    Rule,
    RuleKind,
    RuleSet,
)

Y, T, TS = "Y", "T", "TS"
# The stage of a pregnancy whose latest record has neither a gestation month nor a delivery date.
UNKNOWN_STAGE = "?"
UNKNOWN_STAGE_LABEL = STAGE_LABELS[UNKNOWN_STAGE]

STATUS_LABELS = {
    "risti": "Risti",
    "kek": "KEK",
    "gizi_kurang": "gizi kurang",
    "gizi_buruk": "gizi buruk",
    "stunting": "stunting",
}
_PAUD_LABELS = {"belum": "belum", "mengikuti": "mengikuti", "tidak_mengikuti": "tidak mengikuti"}


# --------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True, slots=True)
class Cell:
    """One Y / T / TS of Formulir 3a / 3b with what produced it."""

    code: str
    number: int
    value: str
    record_ids: tuple[str, ...]
    months: tuple[date, ...]
    explanation: str
    rule: Rule | None = None
    # T because a question the rule reads was not answered ("belum diisi"): a data problem.
    unknown: bool = False


class DataProblem(ValueError):
    """Stored data the engine cannot evaluate; the message says what to fix (Indonesian)."""


@dataclass(frozen=True, slots=True)
class TargetResult:
    """One row of Formulir 3a (pregnancy) or 3b (child) for a quarter."""

    group: str
    target_id: str
    stage: str  # 'tm1' | 'tm2' | 'tm3' | 'nifas' or an age band '0-5' | '6-12' | '13-17' | '18-23'
    cells: tuple[Cell, ...]
    received: int  # jumlah diterima lengkap = number of Y
    expected: int  # jumlah seharusnya = number of indicators - number of TS
    percent: Decimal | None  # None when expected = 0
    age_months: int | None = None  # child: age at the latest record of the quarter
    # child: the father attended nutrition counselling at least once in the quarter
    # (the scorecard's "Laki" count is the number of such children).
    father_attended: bool | None = None
    # Latest statuses in the quarter, for Formulir 4 tables 1 and 2.
    risk_status: str | None = None
    nutrition_status: frozenset[str] = frozenset()
    growth_mat: str | None = None
    ruleset_name: str = ""
    # Why the target could not be evaluated at all (Indonesian), see `problem_result`.
    problems: tuple[str, ...] = ()

    @property
    def has_problem(self) -> bool:
        """Whether Formulir 3/4 list this target under "data bermasalah"."""
        return bool(self.problems) or any(c.unknown for c in self.cells)

    @classmethod
    def build(
        cls, group: str, target_id: str, stage: str, cells: Sequence[Cell], **extra
    ) -> TargetResult:
        received = sum(1 for c in cells if c.value == Y)
        expected = len(cells) - sum(1 for c in cells if c.value == TS)
        return cls(
            group=group,
            target_id=target_id,
            stage=stage,
            cells=tuple(cells),
            received=received,
            expected=expected,
            percent=percent(received, expected),
            **extra,
        )

    def cell(self, code: str) -> Cell:
        for c in self.cells:
            if c.code == code:
                return c
        raise KeyError(code)


@dataclass(frozen=True, slots=True)
class PaudResult:
    """Formulir 2c over a quarter for one child 2-6 years: the scorecard's PAUD indicator."""

    target_id: str
    value: str
    months_attending: int  # months 'mengikuti'
    months_enrolled: int  # months not 'belum' (among recorded months)
    months: tuple[date, ...]  # every month of the quarter that was read
    months_missing: tuple[date, ...]  # months of the quarter in the age range without a record
    age_group: str  # '2-<3' | '3-6' (age at the end of the quarter)
    explanation: str
    problems: tuple[str, ...] = ()  # why it could not be evaluated (see `problem_result`)

    @property
    def has_problem(self) -> bool:
        return bool(self.problems)


def percent(numerator: int, denominator: int) -> Decimal | None:
    """numerator / denominator in %, two decimals, half up; None for an empty denominator.

    Integer arithmetic, so the rounding is exact and does not depend on a Decimal context.
    """
    if denominator == 0:
        return None
    hundredths = (numerator * 20000 + denominator) // (2 * denominator)
    return Decimal(hundredths).scaleb(-2)


# --------------------------------------------------------------------------------------------
# Calendar helpers


def _clip(end: date, through: date | None) -> date:
    """The quarter's last day, or the last day of `through` for a running quarter.

    `through` (the current month while the quarter runs, see `scorecard.period`) makes every
    "every month of the quarter" rule read only the months that have happened.
    """
    return end if through is None else min(end, month_end(through))


def _record_date(record: PregnancyMonth | ChildMonth) -> date:
    # Without a visit date the month's first day stands in: the earliest the visit can have been.
    return record.visit_date or record.month


def _day_label(day: date) -> str:
    return f"{day.day} {MONTHS_ID_SHORT[day.month - 1]} {day.year}"


def _months_label(months: Iterable[date]) -> str:
    return ", ".join(short_month_name(m) for m in months) or "tidak ada"


def _sorted_unique(records: Iterable, last_day: date) -> tuple:
    """Records up to `last_day`, by month; a second record for a month is an error.

    forms.md: a second entry for the same target and month is an edit of the first. The Django
    layer guarantees it with a unique constraint; a duplicate reaching the engine is a bug, and
    picking one silently would make the scorecard depend on the order of a query.
    """
    kept = sorted((r for r in records if r.month <= last_day), key=lambda r: r.month)
    for a, b in zip(kept, kept[1:], strict=False):
        if a.month == b.month:
            raise DataProblem(
                f"dua catatan untuk bulan {short_month_name(a.month)}: hapus salah satunya"
            )
    return tuple(kept)


# --------------------------------------------------------------------------------------------
# Stage and age band


def _stage_from(p: PregnancyInput, start: date, end: date, in_quarter: Sequence) -> str | None:
    delivery = p.delivery_date
    if delivery is not None and delivery <= end:
        if delivery >= start or (start - delivery).days <= POSTNATAL_DAYS:
            return "nifas"
        return None  # delivered more than 42 days before the quarter: no longer a target
    if not in_quarter:
        return None
    latest = in_quarter[-1]
    if latest.gestation_month is None:
        # Guessing a trimester would choose the antenatal threshold silently: unknown instead,
        # shown as a data problem (evaluate_pregnancy).
        return UNKNOWN_STAGE
    return ("tm1", "tm2", "tm3")[(latest.gestation_month - 1) // 3]


def pregnancy_stage(p: PregnancyInput, year: int, quarter: int) -> str | None:
    """'tm1' | 'tm2' | 'tm3' | 'nifas' for the quarter, or None when she is not a target in it.

    - nifas when the delivery date falls in the quarter, or when the quarter starts at most 42
      days after the delivery: `(quarter start - delivery).days <= 42`. The delivery day is day
      0 and the nifas period runs to day 42 inclusive, so day 42 is still nifas, day 43 is not.
      Delivery 40 days before the quarter starts: nifas; 44 days: not.
    - delivered more than 42 days before the quarter starts: she is neither ibu hamil nor ibu
      nifas in that quarter, so None (not a target, not counted) even if records exist.
    - a delivery date after the quarter does not matter for that quarter (she was pregnant).
    - otherwise the trimester of the gestation month on her latest record in the quarter
      (1-3 TM1, 4-6 TM2, 7-9 TM3); None when she has no record in the quarter.
    'nifas' follows from the dates alone, with or without a record in the quarter;
    `evaluate_pregnancy` still needs one (no record = not monitored = None).
    A pregnant woman's latest record without a gestation month gives `UNKNOWN_STAGE` ("?"):
    guessing a trimester would choose the antenatal threshold silently.
    Raises `DataProblem` for two records of one month (the evaluate_* functions turn it into
    a problem result).
    """
    start, end = quarter_bounds(year, quarter)
    records = _sorted_unique(p.months, end)
    return _stage_from(p, start, end, [r for r in records if r.month >= start])


def _band(age_months: int) -> str:
    if age_months < 6:
        return "0-5"
    if age_months <= 12:
        return "6-12"
    if age_months < 18:
        return "13-17"
    # A record in the month of the 2nd birthday, after the birthday, still belongs to the
    # cohort month (see calendar.in_age_range), so it stays in the last band.
    return "18-23"


@lru_cache(maxsize=8192)  # a kabupaten's children share a few hundred birth dates
def _cohort_months(birth: date, year: int, quarter: int) -> tuple[date, ...]:
    # In the cohort = 0-23 complete months on at least one day of the month: the month of birth
    # and the month of the 2nd birthday (unless the birthday is the 1st) both count.
    return tuple(m for m in quarter_months(year, quarter) if in_age_range(birth, m, 0, 24))


def _child_quarter(c: ChildInput, year: int, quarter: int, through: date | None = None):
    _, end = quarter_bounds(year, quarter)
    end = _clip(end, through)
    # A ChildVisit from 24 months on is the posyandu's weighing of a balita (issue 10), not a
    # 2b record: the scorecard reads the months of 0-23 only, also in its look-back windows.
    history = tuple(
        r for r in _sorted_unique(c.months, end) if in_age_range(c.birth_date, r.month, 0, 24)
    )
    cohort = tuple(m for m in _cohort_months(c.birth_date, year, quarter) if m <= end)
    cohort_set = set(cohort)
    in_quarter = tuple(r for r in history if r.month in cohort_set)
    return history, cohort, in_quarter


def child_age(birth: date, record: ChildMonth) -> int:
    """Age in complete months at a record (visit date, else the month's first day)."""
    return max(0, age_in_months(birth, max(_record_date(record), birth)))


def child_age_band(c: ChildInput, year: int, quarter: int) -> str | None:
    """'0-5' | '6-12' | '13-17' | '18-23' from the age at the latest record in the quarter.

    Bands in complete months: 0-<6, 6-12, >12-<18, 18-23. None when the child has no record in
    a month of the quarter in which it was 0-23 months (not monitored as a 2b target).
    """
    _, _, in_quarter = _child_quarter(c, year, quarter)
    if not in_quarter:
        return None
    return _band(child_age(c.birth_date, in_quarter[-1]))


# --------------------------------------------------------------------------------------------
# Rule kinds


@dataclass(slots=True)
class _Context:
    label: str  # "Trimester 3", "Umur 10 bulan (6–12 bulan)"
    quarter_start: date
    quarter_end: date
    in_quarter: tuple  # the quarter's records (children: in cohort months), by month
    monitored: tuple  # the records "every monitored month" is about
    history: tuple  # every record up to the quarter's end (windows reach back)
    delivery_date: date | None = None
    cohort_months: tuple[date, ...] = ()


def _has(record, rule: Rule) -> bool:
    return bool(rule.check(record))


def _answer(record, rule: Rule) -> bool | None:
    """The rule's question on one record: True, False, or None when it was not answered.

    'any' (mother OR father): one yes is enough, else unknown if one is unanswered;
    'all' (basic AND measles): one no is enough for no, else unknown if one is unanswered.
    """
    values = [getattr(record, f) for f in rule.fields]
    if rule.combine == "all":
        if any(v is not None and not v for v in values):
            return False
        return None if any(v is None for v in values) else bool(values)
    if any(values):
        return True
    return None if any(v is None for v in values) else False


def _unanswered(records: Iterable, rule: Rule) -> list[date]:
    """The months of `records` whose answer to the rule is unknown (only read for a T)."""
    return [r.month for r in records if _answer(r, rule) is None]


def _cell(
    ind: Indicator,
    rule: Rule,
    value: str,
    records: Iterable,
    months,
    facts: str,
    unanswered: Sequence[date] = (),
) -> Cell:
    records = tuple(records)
    unknown = value == T and bool(unanswered)
    if unknown:
        facts += f"; belum diisi: {_months_label(unanswered)} (data bermasalah)"
    return Cell(
        code=ind.code,
        number=ind.number,
        value=value,
        record_ids=tuple([r.record_id for r in records]),
        months=tuple(months) if months is not None else tuple([r.month for r in records]),
        explanation=f"{facts}; aturan: {rule.description} → {value}",
        rule=rule,
        unknown=unknown,
    )


def _unknown_cell(ind: Indicator, records: Iterable, facts: str) -> Cell:
    """T because the input cannot be evaluated (stage unknown, unreadable target)."""
    records = tuple(records)
    return Cell(
        code=ind.code,
        number=ind.number,
        value=T,
        record_ids=tuple(r.record_id for r in records),
        months=tuple(r.month for r in records),
        explanation=f"{facts} → T (data bermasalah)",
        rule=None,
        unknown=True,
    )


def _not_applicable(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    return Cell(ind.code, ind.number, TS, (), (), f"{ctx.label}: {rule.description} → TS", rule)


def _months_at_least(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    n = sum(1 for r in ctx.monitored if _has(r, rule))
    value = Y if n >= rule.threshold else T
    facts = f"{ctx.label}: {rule.subject} di {n} dari {len(ctx.monitored)} bulan"
    unanswered = _unanswered(ctx.monitored, rule) if value == T else ()
    return _cell(ind, rule, value, ctx.monitored, None, facts, unanswered)


def _every_monitored_month(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    m = len(ctx.monitored)
    n = sum(1 for r in ctx.monitored if _has(r, rule))
    # No monitored month cannot reach here through the table's rows; if a configured row makes
    # it possible, "nothing to check" must not turn into a Y.
    value = Y if m and n == m else T
    facts = f"{ctx.label}: {rule.subject} di {n} dari {m} bulan yang dipantau"
    unanswered = _unanswered(ctx.monitored, rule) if value == T else ()
    return _cell(ind, rule, value, ctx.monitored, None, facts, unanswered)


def _sum_after_delivery(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    delivery = ctx.delivery_date
    if delivery is None:
        return _unknown_cell(ind, (), f"{ctx.label}: tanggal melahirkan belum dicatat")
    last = delivery + timedelta(days=rule.window_days)
    # A monthly record holds the checks of its month; the month overlapping the window is the
    # finest the form allows (a check on 2 March after a 25 January delivery is inside).
    window = [r for r in ctx.history if r.month <= last and month_end(r.month) >= delivery]
    field = rule.fields[0]
    # An unanswered count adds nothing and is listed as "belum diisi".
    total = sum(getattr(r, field) or 0 for r in window)
    value = Y if total >= rule.threshold else T
    unanswered = [r.month for r in window if getattr(r, field) is None] if value == T else ()
    facts = (
        f"{ctx.label}: melahirkan {_day_label(delivery)}, {rule.subject} {total} kali "
        f"({_months_label(r.month for r in window)}) dalam {rule.window_days} hari s.d. "
        f"{_day_label(last)}"
    )
    if last > ctx.quarter_end:
        facts += " (bulan setelah kuartal belum dihitung)"
    return _cell(ind, rule, value, window, None, facts, unanswered)


def _status_matches(value, statuses: frozenset[str]) -> bool:
    if isinstance(value, frozenset):
        return not value.isdisjoint(statuses)
    return value in statuses


def _every_month_with_status(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    flagged = [
        r for r in ctx.monitored if _status_matches(getattr(r, rule.status_field), rule.statuses)
    ]
    # In the order of STATUS_LABELS ("Risti/KEK"), not alphabetical.
    status_label = "/".join(v for k, v in STATUS_LABELS.items() if k in rule.statuses)
    if not flagged:
        facts = f"{ctx.label}: tidak ada bulan dengan status {status_label} dalam kuartal"
        return _cell(ind, rule, TS, ctx.monitored, None, facts)
    n = sum(1 for r in flagged if _has(r, rule))
    value = Y if n == len(flagged) else T
    facts = (
        f"{ctx.label}: {rule.subject} di {n} dari {len(flagged)} bulan dengan status "
        f"{status_label} ({_months_label(r.month for r in flagged)})"
    )
    unanswered = _unanswered(flagged, rule) if value == T else ()
    return _cell(ind, rule, value, flagged, None, facts, unanswered)


def _latest_state(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    latest = ctx.in_quarter[-1]
    answer = _answer(latest, rule)
    said = {True: "ya", False: "tidak", None: "tidak diketahui"}[answer]  # None: see _cell
    facts = (
        f"{ctx.label}: catatan terakhir ({short_month_name(latest.month)}): {rule.subject} {said}"
    )
    unanswered = (latest.month,) if answer is None else ()
    return _cell(ind, rule, Y if answer else T, (latest,), None, facts, unanswered)


def _every_cohort_month(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    by_month = {r.month: r for r in ctx.in_quarter}
    done = [m for m in ctx.cohort_months if m in by_month and _has(by_month[m], rule)]
    missing = [m for m in ctx.cohort_months if m not in by_month]
    m = len(ctx.cohort_months)
    value = Y if m and len(done) == m else T
    facts = f"{ctx.label}: {rule.subject} di {len(done)} dari {m} bulan sebagai sasaran 0–23 bulan"
    if missing:
        facts += f" (tanpa catatan: {_months_label(missing)})"
    read = [by_month[mm] for mm in ctx.cohort_months if mm in by_month]
    unanswered = _unanswered(read, rule) if value == T else ()
    return _cell(ind, rule, value, read, ctx.cohort_months, facts, unanswered)


def _any_in_window(ind: Indicator, rule: Rule, ctx: _Context) -> Cell:
    last_month = ctx.quarter_end.replace(day=1)
    first_month = add_months(last_month, 1 - rule.window_months)
    window = [r for r in ctx.history if r.month >= first_month]
    hits = [r for r in window if _has(r, rule)]
    value = Y if len(hits) >= rule.threshold else T
    facts = (
        f"{ctx.label}: {rule.subject} pada {_months_label(r.month for r in hits)} dalam "
        f"{rule.window_months} bulan ({short_month_name(first_month)}–{short_month_name(last_month)})"
    )
    unanswered = _unanswered(window, rule) if value == T else ()
    return _cell(ind, rule, value, window, None, facts, unanswered)


_KINDS = {
    RuleKind.NOT_APPLICABLE: _not_applicable,
    RuleKind.MONTHS_AT_LEAST: _months_at_least,
    RuleKind.EVERY_MONITORED_MONTH: _every_monitored_month,
    RuleKind.SUM_AFTER_DELIVERY: _sum_after_delivery,
    RuleKind.EVERY_MONTH_WITH_STATUS: _every_month_with_status,
    RuleKind.LATEST_STATE: _latest_state,
    RuleKind.EVERY_COHORT_MONTH: _every_cohort_month,
    RuleKind.ANY_IN_WINDOW: _any_in_window,
}


# --------------------------------------------------------------------------------------------
# Targets


def problem_result(group: str, target_id: str, problem: str) -> TargetResult | PaudResult:
    """The result of a target that cannot be evaluated: every cell unknown (T), `problem` kept.

    Counted like any target (not received), so the figures do not silently lose it, and
    listed under "data bermasalah" until the record is corrected. `problem` is Indonesian.
    """
    if group == PAUD:
        return PaudResult(target_id, T, 0, 0, (), (), UNKNOWN_STAGE,
                          f"PAUD: {problem} → T (data bermasalah)", problems=(problem,))  # fmt: skip
    cells = [_unknown_cell(ind, (), problem) for ind in INDICATORS[group]]
    return TargetResult.build(group, target_id, UNKNOWN_STAGE, cells, problems=(problem,))


def _problem_safe(group: str):
    """Turn a `DataProblem` of one target's stored data into its `problem_result`.

    The evaluate_* functions never raise on stored data: one bad record must not take the
    desa's report (and every roll-up above it) down.
    """

    def decorate(evaluate):
        @wraps(evaluate)
        def safe(target, *args, **kwargs):
            try:
                return evaluate(target, *args, **kwargs)
            except DataProblem as problem:
                return problem_result(group, target.target_id, str(problem))

        return safe

    return decorate


def _stage_rows(rules: RuleSet, group: str, stage: str):
    """(indicator, rule or None) in scorecard order; None where no row applies (unknown stage)."""
    if stage != UNKNOWN_STAGE:
        return rules.rows_for(group, stage)
    rows = []
    for ind in INDICATORS[group]:
        try:
            rows.append((ind, rules.rule_for(group, ind.code, stage)))  # the any-stage rows
        except LookupError:
            rows.append((ind, None))
    return tuple(rows)


@_problem_safe(PREGNANCY)
def evaluate_pregnancy(
    p: PregnancyInput,
    year: int,
    quarter: int,
    rules: RuleSet = DEFAULT_RULESET,
    through: date | None = None,
) -> TargetResult | None:
    """Formulir 3a for one pregnancy in a quarter; None when she is not monitored in it.

    Never raises on stored data: what it cannot read gives `problem_result`.

    `through`: for a running quarter, the last month that has happened (see `_clip`).
    """
    start, end = quarter_bounds(year, quarter)
    end = _clip(end, through)
    history = _sorted_unique(p.months, end)
    in_quarter = tuple(r for r in history if r.month >= start)
    if not in_quarter:
        return None  # not monitored this quarter: not counted
    stage = _stage_from(p, start, end, in_quarter)
    if stage is None:
        return None
    delivery = p.delivery_date
    # "while pregnant": only months that began before the delivery. With the default table this
    # changes nothing (nifas makes iron TS), but a configured row must not count nifas months.
    monitored = (
        in_quarter if delivery is None else tuple(r for r in in_quarter if r.month < delivery)
    )
    ctx = _Context(
        label=STAGE_LABELS.get(stage, UNKNOWN_STAGE_LABEL),
        quarter_start=start,
        quarter_end=end,
        in_quarter=in_quarter,
        monitored=monitored,
        history=history,
        delivery_date=delivery,
    )
    no_stage = (
        f"{UNKNOWN_STAGE_LABEL}: umur kehamilan belum diisi pada catatan "
        f"{short_month_name(in_quarter[-1].month)} dan tanggal melahirkan belum dicatat; isi umur "
        "kehamilan (bulan ke-1 sampai 9) atau tanggal melahirkan"
    )
    cells = [
        _KINDS[rule.kind](ind, rule, ctx) if rule else _unknown_cell(ind, in_quarter, no_stage)
        for ind, rule in _stage_rows(rules, PREGNANCY, stage)
    ]
    return TargetResult.build(
        PREGNANCY,
        p.target_id,
        stage,
        cells,
        risk_status=in_quarter[-1].risk_status,
        ruleset_name=rules.name,
    )


@_problem_safe(CHILD)
def evaluate_child(
    c: ChildInput,
    year: int,
    quarter: int,
    rules: RuleSet = DEFAULT_RULESET,
    through: date | None = None,
) -> TargetResult | None:
    """Formulir 3b for one child 0-23 months in a quarter; None when not monitored in it.

    `through`: for a running quarter, the last month that has happened; weighing "in every
    cohort month" then means every cohort month up to it (see `_clip`).

    The immunisation requirement follows the age at the latest record of the quarter: a child
    who turns 9 months inside the quarter is judged as < 9 months if its latest record is from
    before the 9-month day and as ≥ 9 months (basic complete and campak/MR) if it is from on or
    after it. The status is cumulative, so the latest record is the one that answers.
    Never raises on stored data: what it cannot read gives `problem_result`.
    """
    start, end = quarter_bounds(year, quarter)
    end = _clip(end, through)
    history, cohort, in_quarter = _child_quarter(c, year, quarter, through)
    if not in_quarter:
        return None
    latest = in_quarter[-1]
    age = child_age(c.birth_date, latest)
    band = _band(age)
    ctx = _Context(
        label=f"Umur {age} bulan ({STAGE_LABELS[band].removeprefix('Umur ')})",
        quarter_start=start,
        quarter_end=end,
        in_quarter=in_quarter,
        monitored=in_quarter,
        history=history,
        cohort_months=cohort,
    )
    cells = [_KINDS[rule.kind](ind, rule, ctx) for ind, rule in rules.rows_for(CHILD, band, age)]
    # The growth mat's latest *result*: a later "tidak diukur" does not erase a measured colour.
    mat = next((r.growth_mat for r in reversed(in_quarter) if r.growth_mat != "tidak_diukur"), None)
    return TargetResult.build(
        CHILD,
        c.target_id,
        band,
        cells,
        age_months=age,
        father_attended=any(bool(r.counselling_father) for r in in_quarter),
        nutrition_status=latest.nutrition_status,
        growth_mat=mat or "tidak_diukur",
        ruleset_name=rules.name,
    )


@_problem_safe(PAUD)
def evaluate_paud(
    p: PaudInput, year: int, quarter: int, through: date | None = None
) -> PaudResult | None:
    """The PAUD indicator ("terdaftar dan aktif mengikuti layanan PAUD") for one quarter.

    Every month of the quarter in which the child is 2-6 years (24-<72 complete months on some
    day of the month) is read, never only the middle one. Y when every recorded month that is
    not 'belum' is 'mengikuti' and there is at least one; TS when every recorded month is
    'belum' or there is no record; T otherwise. A month without a record is neither attending
    nor not attending: it is listed in `months_missing` and left out of both counts (a missing
    2c entry says nothing about the child). None when the child is outside 2-6 years during
    the whole quarter (not a 2c target).
    """
    months = tuple(
        m
        for m in quarter_months(year, quarter)
        if in_age_range(p.birth_date, m, 24, 72) and (through is None or m <= through)
    )
    if not months:
        return None
    by_month: dict[date, str] = {}
    for record in p.months:
        if record.month in by_month:
            raise DataProblem(
                f"dua catatan PAUD untuk bulan {short_month_name(record.month)}: hapus salah satunya"
            )
        by_month[record.month] = record.status
    statuses = [(m, by_month.get(m)) for m in months]
    enrolled = sum(1 for _, s in statuses if s is not None and s != "belum")
    attending = sum(1 for _, s in statuses if s == "mengikuti")
    value = TS if enrolled == 0 else (Y if attending == enrolled else T)
    _, end = quarter_bounds(year, quarter)
    age_group = "2-<3" if age_in_months(p.birth_date, end) < 36 else "3-6"
    detail = ", ".join(
        f"{short_month_name(m)}: {_PAUD_LABELS[s] if s else 'tidak ada catatan'}"
        for m, s in statuses
    )
    explanation = (
        f"PAUD: mengikuti {attending} dari {enrolled} bulan terdaftar ({detail}); aturan: "
        f"mengikuti di setiap bulan yang tidak 'belum' (semua bulan kuartal dibaca) → {value}"
    )
    return PaudResult(
        target_id=p.target_id,
        value=value,
        months_attending=attending,
        months_enrolled=enrolled,
        months=months,
        months_missing=tuple(m for m, s in statuses if s is None),
        age_group=age_group,
        explanation=explanation,
    )


# --------------------------------------------------------------------------------------------
# Formulir 4


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """Table 3: one indicator over the village's targets."""

    indicator: Indicator
    received: int  # jumlah Y
    not_applicable: int  # number of TS
    targets: int
    denominator: int  # targets - TS
    percent: Decimal | None
    fathers: int | None = None  # child counselling only: children whose father attended


@dataclass(frozen=True, slots=True)
class ConvergenceLine:
    """Table 4: diterima, seharusnya, %."""

    received: int
    expected: int
    percent: Decimal | None


@dataclass(frozen=True, slots=True)
class TargetCounts:
    """Table 1: jumlah sasaran 1.000 HPK (latest status in the quarter)."""

    households: int | None  # distinct households: counted by the Django layer (household_ids)
    pregnancies: int
    pregnancies_kek_or_risti: int
    pregnancies_kek: int
    pregnancies_risti: int
    children: int
    gizi_kurang: int
    gizi_buruk: int
    stunting: int


@dataclass(frozen=True, slots=True)
class GrowthMatCounts:
    """Table 2: children 0-23 months by the latest growth-mat result in the quarter."""

    hijau: int
    kuning: int
    merah: int
    tidak_diukur: int  # no measured result in the quarter (shown for completeness)


@dataclass(frozen=True, slots=True)
class Scorecard:
    targets: TargetCounts
    growth_mat: GrowthMatCounts
    pregnancy_lines: tuple[IndicatorLine, ...]
    child_lines: tuple[IndicatorLine, ...]
    paud_lines: tuple[IndicatorLine, ...]
    pregnancy_convergence: ConvergenceLine
    child_convergence: ConvergenceLine
    total_convergence: ConvergenceLine  # pooled ratio; PAUD is not part of table 4


def _check_cells(result: TargetResult, group: str) -> None:
    codes = tuple(c.code for c in result.cells)
    wanted = tuple(i.code for i in INDICATORS[group])
    if result.group != group or codes != wanted:
        raise ValueError(f"{result.target_id}: not a {group} result with indicators {wanted}")


def _lines(group: str, results: Sequence[TargetResult]) -> tuple[IndicatorLine, ...]:
    n = len(results)
    lines = []
    for i, indicator in enumerate(INDICATORS[group]):
        y = sum(1 for r in results if r.cells[i].value == Y)
        ts = sum(1 for r in results if r.cells[i].value == TS)
        fathers = None
        if group == CHILD and indicator.code == "parent_counselling":
            fathers = sum(1 for r in results if r.father_attended)
        lines.append(IndicatorLine(indicator, y, ts, n, n - ts, percent(y, n - ts), fathers))
    return tuple(lines)


def _convergence(group: str, lines: Sequence[IndicatorLine], targets: int) -> ConvergenceLine:
    received = sum(line.received for line in lines)
    # seharusnya = indicators × targets - Σ TS (forms.md, table 4)
    expected = len(INDICATORS[group]) * targets - sum(line.not_applicable for line in lines)
    return ConvergenceLine(received, expected, percent(received, expected))


def scorecard(
    pregnancies: Iterable[TargetResult | None],
    children: Iterable[TargetResult | None],
    paud: Iterable[PaudResult | None] = (),
    *,
    household_ids: Iterable[str] | None = None,
) -> Scorecard:
    """Formulir 4 tables 1-4 from the per-target results of one village and quarter.

    `None` results (targets not monitored in the quarter) are skipped, so the caller can pass
    the evaluate_* outputs unfiltered. `household_ids`: the households of the monitored targets
    (repeats allowed), which only the Django layer knows; without it table 1 has None.
    """
    preg = [r for r in pregnancies if r is not None]
    kids = [r for r in children if r is not None]
    paud_results = [r for r in paud if r is not None]
    for r in preg:
        _check_cells(r, PREGNANCY)
    for r in kids:
        _check_cells(r, CHILD)

    pregnancy_lines = _lines(PREGNANCY, preg)
    child_lines = _lines(CHILD, kids)
    n_paud = len(paud_results)
    paud_y = sum(1 for r in paud_results if r.value == Y)
    paud_ts = sum(1 for r in paud_results if r.value == TS)
    paud_lines = (
        IndicatorLine(INDICATORS[PAUD][0], paud_y, paud_ts, n_paud, n_paud - paud_ts,
                      percent(paud_y, n_paud - paud_ts)),
    )  # fmt: skip

    ibu = _convergence(PREGNANCY, pregnancy_lines, len(preg))
    anak = _convergence(CHILD, child_lines, len(kids))
    # The village figure pools the two groups' cells; averaging the two percentages would give
    # a group with few targets the same weight as one with many.
    total_received = ibu.received + anak.received
    total_expected = ibu.expected + anak.expected
    total = ConvergenceLine(total_received, total_expected, percent(total_received, total_expected))

    def status_count(s: str) -> int:
        return sum(1 for r in kids if s in r.nutrition_status)

    targets = TargetCounts(
        households=len(set(household_ids)) if household_ids is not None else None,
        pregnancies=len(preg),
        pregnancies_kek_or_risti=sum(1 for r in preg if r.risk_status in ("kek", "risti")),
        pregnancies_kek=sum(1 for r in preg if r.risk_status == "kek"),
        pregnancies_risti=sum(1 for r in preg if r.risk_status == "risti"),
        children=len(kids),
        gizi_kurang=status_count("gizi_kurang"),
        gizi_buruk=status_count("gizi_buruk"),
        stunting=status_count("stunting"),
    )
    mats = [r.growth_mat for r in kids]
    growth = GrowthMatCounts(
        hijau=mats.count("hijau"),
        kuning=mats.count("kuning"),
        merah=mats.count("merah"),
        tidak_diukur=mats.count("tidak_diukur"),
    )
    return Scorecard(
        targets=targets,
        growth_mat=growth,
        pregnancy_lines=pregnancy_lines,
        child_lines=child_lines,
        paud_lines=paud_lines,
        pregnancy_convergence=ibu,
        child_convergence=anak,
        total_convergence=total,
    )
