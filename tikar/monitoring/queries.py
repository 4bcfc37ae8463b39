"""Reading the register and the monthly records: tasks of the month, carried status, engine input.

Every function takes a queryset already scoped by the caller (`scoped(qs, user)`) or a village:
this module never decides who may see what.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db.models import Exists, OuterRef, Q

from tikar.calendar import POSTNATAL_DAYS, add_months, month_end, quarter_bounds
from tikar.households.models import Child, Pregnancy
from tikar.monitoring import formulir1, rules
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.monitoring.records import ChildInput, PaudInput, PregnancyInput


@dataclass(frozen=True, slots=True)
class Task:
    """One line of "Tugas bulan ini": a target that needs a record on a form this month."""

    form: str  # "2a" | "2b" | "2c"
    target: Pregnancy | Child
    done: bool  # a live record for the month exists


def _has_record(model, target_field: str, month: date):
    return Exists(
        model.objects.filter(**{target_field: OuterRef("pk")}, month=month, deleted_at__isnull=True)
    )


def active_pregnancies(village_code: str, month: date):
    """Pregnancies that are 2a targets in `month`: open, live, not past 42 days after birth,
    and not before the pregnancy (rules.check_month_followed: from PREGNANCY_MONTHS_BEFORE_DUE
    months before the delivery, or the HPL while undelivered)."""
    first = month
    # The month is followed when the anchor's month is at most PREGNANCY_MONTHS_BEFORE_DUE
    # months after it, i.e. the anchor falls before the 1st of the month after that.
    limit = add_months(month, rules.PREGNANCY_MONTHS_BEFORE_DUE + 1)
    return (
        Pregnancy.objects.alive()
        .filter(village_id=village_code)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=first))
        .filter(
            Q(delivery_date__isnull=True)
            | Q(delivery_date__gte=first - timedelta(days=POSTNATAL_DAYS))
        )
        .filter(
            Q(delivery_date__lt=limit)
            | Q(delivery_date__isnull=True, due_date__lt=limit)
            | Q(delivery_date__isnull=True, due_date__isnull=True)
        )
        # The task list shows each target's posyandu: fetch it with the target, not per row.
        .select_related("mother", "posyandu")
    )


def active_children(village_code: str, month: date):
    """Children who are 2b or 2c targets on some day of `month` (0 to <72 months)."""
    last = month_end(month)
    return (
        Child.objects.alive()
        .filter(village_id=village_code, birth_date__lte=last)
        # Born after the 1st of the month 72 months back: younger than 6 on some day of it.
        .filter(birth_date__gt=add_months(month, -72))
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=month))
        .select_related("posyandu")
    )


def tasks_for_month(
    village_code: str, month: date, *, pregnancies=None, children=None
) -> list[Task]:
    """Which targets of a desa need a record this month, and whether it is done.

    `pregnancies` / `children` narrow the targets (querysets of `active_pregnancies` /
    `active_children` with filters applied, as "Tugas bulan ini"'s search does).
    """
    tasks: list[Task] = []
    if pregnancies is None:
        pregnancies = active_pregnancies(village_code, month)
    if children is None:
        children = active_children(village_code, month)
    pregnancies = pregnancies.annotate(done=_has_record(PregnancyVisit, "pregnancy", month))
    for p in pregnancies:
        if rules.pregnancy_needs_record(p.delivery_date, month):
            tasks.append(Task(rules.FORM_2A, p, p.done))
    children = children.annotate(
        done_2b=_has_record(ChildVisit, "child", month),
        done_2c=_has_record(PaudRecord, "child", month),
    )
    for c in children.order_by("birth_date", "name"):
        for form in rules.child_forms_for_month(c.birth_date, month):
            tasks.append(Task(form, c, c.done_2b if form == rules.FORM_2B else c.done_2c))
    return tasks


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One line of "Tugas bulan ini" read as plain values, without loading its target.

    What the list sorts, filters, counts and shows: a desa of 1,000 targets has about 500
    lines a month and a page shows 40, so building a model instance (and its posyandu,
    mother and household) per line was most of the page's time (bench/bench_monthly_pages.py).
    """

    form: str  # "2a" | "2b" | "2c"
    pk: UUID  # the pregnancy's or the child's
    is_child: bool
    name: str  # the child's name, or the mother's for a pregnancy (households.views.target_label)
    birth_date: date | None  # a child's: the month of the 2nd birthday has two forms
    posyandu: str | None  # the target's posyandu name, else its household's, else None
    dusun: str  # the household's
    head_name: str  # the household's head
    rt: str  # the household's RT
    done: bool  # a live record for the month exists


# The household as reached from each target (a pregnancy through its mother).
_PREGNANCY_FIELDS = (
    "pk",
    "delivery_date",
    "mother__name",
    "posyandu__name",
    "mother__household__posyandu__name",
    "mother__household__dusun",
    "mother__household__head_name",
    "mother__household__rt",
    "done",
)
_CHILD_FIELDS = (
    "pk",
    "birth_date",
    "name",
    "posyandu__name",
    "household__posyandu__name",
    "household__dusun",
    "household__head_name",
    "household__rt",
    "done_2b",
    "done_2c",
)


def task_rows(village_code: str, month: date, *, pregnancies=None, children=None) -> list[TaskRow]:
    """The same lines as `tasks_for_month`, in the same order, as `TaskRow` values.

    Two queries (pregnancies, children), each joining the posyandu and the household and
    answering "recorded?" with an EXISTS on the month's live record (served by the
    `*_one_per_month` unique indexes on (target, month) WHERE deleted_at IS NULL). The
    form rules are the ones `tasks_for_month` applies (rules.pregnancy_needs_record,
    rules.child_forms_for_month).
    """
    if pregnancies is None:
        pregnancies = active_pregnancies(village_code, month)
    if children is None:
        children = active_children(village_code, month)
    rows: list[TaskRow] = []
    pregnancies = pregnancies.annotate(done=_has_record(PregnancyVisit, "pregnancy", month))
    pregnancy_values = pregnancies.values_list(*_PREGNANCY_FIELDS)
    for pk, delivery, name, own, hh_posyandu, dusun, head, rt, done in pregnancy_values:
        if rules.pregnancy_needs_record(delivery, month):
            posyandu = own if own is not None else hh_posyandu
            rows.append(
                TaskRow(rules.FORM_2A, pk, False, name, None, posyandu, dusun, head, rt, done)
            )
    children = children.annotate(
        done_2b=_has_record(ChildVisit, "child", month),
        done_2c=_has_record(PaudRecord, "child", month),
    )
    child_values = children.order_by("birth_date", "name").values_list(*_CHILD_FIELDS)
    for pk, birth, name, own, hh_posyandu, dusun, head, rt, done_2b, done_2c in child_values:
        posyandu = own if own is not None else hh_posyandu
        for form in rules.child_forms_for_month(birth, month):
            done = done_2b if form == rules.FORM_2B else done_2c
            rows.append(TaskRow(form, pk, True, name, birth, posyandu, dusun, head, rt, done))
    return rows


def carried_status(child: Child, month: date) -> rules.CarriedStatus | None:
    """Status gizi at `month`: this month's measurement, or the last earlier one and its date."""
    rows = (
        ChildVisit.objects.alive()
        .filter(child=child, month__lte=month, measured=True)
        .order_by("-month")[:1]
    )
    return rules.last_known_status(
        ((v.month, v.visit_date, v.measured, v.nutrition_status) for v in rows), month
    )


# --------------------------------------------------------------------------------------------
# Scorecard engine input


def pregnancy_inputs(village_code: str, year: int, quarter: int) -> list[PregnancyInput]:
    """One PregnancyInput per pregnancy with a live record in the quarter.

    The months before the quarter that overlap the 42 days after delivery are included, as
    `PregnancyInput` asks.
    """
    start, end = quarter_bounds(year, quarter)
    earliest = (start - timedelta(days=POSTNATAL_DAYS)).replace(day=1)
    visits = (
        PregnancyVisit.objects.alive()
        .filter(village_id=village_code, month__gte=earliest, month__lte=end)
        .filter(pregnancy__deleted_at__isnull=True)
        .select_related("pregnancy")
        .order_by("pregnancy_id", "month")
    )
    by_target: dict = {}
    for v in visits:
        by_target.setdefault(v.pregnancy_id, (v.pregnancy, []))[1].append(v.as_record())
    return [
        PregnancyInput(str(p.pk), p.delivery_date, tuple(months))
        for p, months in by_target.values()
    ]


def child_inputs(village_code: str, year: int, quarter: int) -> list[ChildInput]:
    """One ChildInput per child with live 2b records in the quarter or the 3 months before.

    A month without a measurement gets the last known status gizi carried forward (forms.md),
    read from the child's whole history, so the engine only reads what each record says.
    """
    start, end = quarter_bounds(year, quarter)
    first = add_months(start, -3)
    visits = (
        ChildVisit.objects.alive()
        .filter(village_id=village_code, month__lte=end)
        .filter(child__deleted_at__isnull=True)
        .select_related("child")
        .order_by("child_id", "month")
    )
    by_child: dict = {}
    for v in visits:
        by_child.setdefault(v.child_id, (v.child, []))[1].append(v)
    inputs = []
    for child, records in by_child.values():
        window = [v for v in records if v.month >= first]
        if not window:
            continue
        months = []
        last: frozenset[str] | None = None
        for v in records:  # in month order: the carried status is the latest measured one
            if v.measured:
                last = v.nutrition_status
            if v.month >= first:
                months.append(v.as_record(last or frozenset()))
        inputs.append(ChildInput(str(child.pk), child.birth_date, tuple(months)))
    return inputs


def paud_inputs(village_code: str, year: int, quarter: int) -> list[PaudInput]:
    start, end = quarter_bounds(year, quarter)
    records = (
        PaudRecord.objects.alive()
        .filter(village_id=village_code, month__gte=start, month__lte=end)
        .filter(child__deleted_at__isnull=True)
        .select_related("child")
        .order_by("child_id", "month")
    )
    by_child: dict = {}
    for r in records:
        by_child.setdefault(r.child_id, (r.child, []))[1].append(r.as_record())
    return [PaudInput(str(c.pk), c.birth_date, tuple(m)) for c, m in by_child.values()]


# --------------------------------------------------------------------------------------------
# Formulir 1 (a): the target recap, computed from the register


def formulir1_recap(village_code: str, on: date) -> list[tuple[str, int]]:
    """Formulir 1 (a) counts of a desa on a day, as (code, count) in the order of the form.

    Pregnant on that day (registered by then, not yet delivered), children 0-23 months on that
    day, and their households. The state facts (water, latrine, insurance, birth certificate,
    risk) are the register's, which the monthly entry keeps at the latest month's answers; the
    status gizi is the latest measured one up to that month.
    """
    from tikar.households.models import Household

    month = on.replace(day=1)
    registered_by = Q(created_at__date__lte=on)
    pregnancies = [
        p
        for p in active_pregnancies(village_code, month).filter(registered_by)
        if rules.pregnancy_phase_on(p.delivery_date, on) == "pregnant"
    ]
    children = [
        c
        for c in active_children(village_code, month).filter(registered_by)
        if rules.child_cohort_on(c.birth_date, on) == rules.FORM_2B
    ]
    household_ids = {p.mother.household_id for p in pregnancies} | {
        c.household_id for c in children
    }
    households = list(Household.objects.filter(pk__in=household_ids))
    latest: dict = {}
    for v in (
        ChildVisit.objects.alive()
        .filter(child__in=[c.pk for c in children], month__lte=month, measured=True)
        .order_by("child_id", "-month")
    ):
        latest.setdefault(v.child_id, v.nutrition_status)
    statuses = list(latest.values())

    def without(code: str, answers) -> list[tuple[str, int]]:
        # "Without" counts the answered "tidak" only; not asked is its own line (formulir1).
        no, unknown = formulir1.no_and_unknown(answers)
        return [(code, no), (f"{code}_unknown", unknown)]

    return [
        ("households", len(households)),
        ("households_vulnerable", sum(h.vulnerable is True for h in households)),
        ("pregnancies", len(pregnancies)),
        ("pregnancies_risk", sum(p.risk_status != "normal" for p in pregnancies)),
        ("children", len(children)),
        ("gizi_kurang", sum(rules.GIZI_KURANG in s for s in statuses)),
        ("gizi_buruk", sum(rules.GIZI_BURUK in s for s in statuses)),
        ("stunting", sum(rules.STUNTING in s for s in statuses)),
        # Latest measurement flagged by WHO: neither normal nor stunted; counted on its own.
        ("status_unjudged", sum(rules.UNJUDGED in s for s in statuses)),
        *without("no_safe_water", [h.safe_water for h in households]),
        *without("no_latrine", [h.latrine for h in households]),
        *without("pregnancies_uninsured", [p.health_insurance for p in pregnancies]),
        *without("children_uninsured", [c.health_insurance for c in children]),
        *without("no_birth_certificate", [c.birth_certificate for c in children]),
    ]
