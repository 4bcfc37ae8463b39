"""The officers' KPM coaching figures over an area: one grouped query per figure, never one per
desa or KPM (a kabupaten has some 300 desa), then joined in Python.

Queries (each through `tikar.accounts.scope.scoped`, then narrowed to the chosen area):
1. the KPM accounts of the area; 2. activities per desa and kind in the period; 3. participants
per desa; 4. the last activity per desa; 5. trainings attended per KPM; 6-8. per monthly form
(2a, 2b, 2c), records per desa and month with those entered on time and the last entry;
9. the names of the desa without a KPM account and of the summary's sub-areas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_users
from tikar.activities import periods
from tikar.activities.models import Activity, ActivityKind, Attendance, TrainingAttendance
from tikar.calendar import add_months, month_range
from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
from tikar.regions.models import Level, Region

MONTHLY_MODELS = (PregnancyVisit, ChildVisit, PaudRecord)


def reporting_deadline_day() -> int:
    """`settings.TIKAR_REPORTING_DEADLINE_DAY` (1-28), default 5 (see docs/rembuk.md)."""
    return periods.deadline_day(
        getattr(settings, "TIKAR_REPORTING_DEADLINE_DAY", periods.DEFAULT_DEADLINE_DAY)
    )


def area_q(path: str, area: Region | None) -> Q:
    """Rows whose region code (`path`, a code or FK column) lies in `area` (None: everywhere)."""
    if area is None:
        return Q()
    # As in tikar.accounts.scope: `<fk>__code` is the local column, no join.
    path = path if path.endswith("code") else f"{path}__code"
    if area.level == Level.VILLAGE:
        return Q(**{path: area.code})
    return Q(**{f"{path}__startswith": area.code + "."})


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


@dataclass
class MonthFigure:
    month: date
    records: int = 0
    on_time: int = 0
    complete_on: date | None = None  # the local date of the month's last entry

    @property
    def share(self) -> float | None:
        return periods.share(self.on_time, self.records)


@dataclass
class VillageFigures:
    code: str
    by_kind: dict[str, int] = field(default_factory=dict)
    men: int = 0
    women: int = 0
    last_activity: date | None = None
    months: dict[date, MonthFigure] = field(default_factory=dict)

    @property
    def activities(self) -> int:
        return sum(self.by_kind.values())

    @property
    def records(self) -> int:
        return sum(m.records for m in self.months.values())

    @property
    def on_time(self) -> int:
        return sum(m.on_time for m in self.months.values())

    @property
    def share(self) -> float | None:
        return periods.share(self.on_time, self.records)


@dataclass
class Row:
    """One KPM (or a desa without a KPM account: `kpm` None) and its desa's figures."""

    kpm: object | None
    village_code: str
    village_name: str
    figures: VillageFigures
    trainings: int = 0
    last_training: date | None = None
    # Aligned with Coaching.kinds and Coaching.months, for the table's columns.
    kind_counts: list[int] = field(default_factory=list)
    kind_list: list[tuple[str, int]] = field(default_factory=list)  # (label, n) when n > 0
    month_list: list[MonthFigure] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple:
        f = self.figures
        return (*periods.weakness_key(f.share, f.activities, f.records), self.village_code)


@dataclass
class Summary:
    code: str
    name: str
    kpm: int = 0
    desa: int = 0
    activities: int = 0
    records: int = 0
    on_time: int = 0

    @property
    def share(self) -> float | None:
        return periods.share(self.on_time, self.records)


@dataclass
class Coaching:
    months: list[date]
    deadline_day: int
    rows: list[Row]
    summary: list[Summary]
    kinds: list[tuple[str, str]]


def coaching(user, area: Region | None, first: date, last: date) -> Coaching:
    """The coaching figures of `area` (inside the user's scope) for months `first`..`last`."""
    months = list(month_range(first, last))
    end = add_months(last, 1)
    day = reporting_deadline_day()
    villages: dict[str, VillageFigures] = {}

    def figures(code: str) -> VillageFigures:
        if code not in villages:
            villages[code] = VillageFigures(code)
        return villages[code]

    kpms = list(
        scoped_users(user)
        .filter(area_q("region", area), role=Role.KPM, is_active=True)
        .select_related("region")
        .order_by("region_id", "first_name")
    )
    activities = scoped(Activity.objects, user).filter(area_q("village", area))
    in_period = activities.filter(held_on__gte=first, held_on__lt=add_months(last, 1))
    for r in in_period.values("village_id", "kind").annotate(n=Count("id")).order_by():
        figures(r["village_id"]).by_kind[r["kind"]] = r["n"]
    people = (
        Attendance.objects.filter(activity__in=in_period)
        .values("activity__village_id")
        .annotate(m=Sum("men"), w=Sum("women"))
        .order_by()
    )
    for r in people:
        f = figures(r["activity__village_id"])
        f.men, f.women = r["m"] or 0, r["w"] or 0
    latest = (
        activities.filter(held_on__lt=add_months(last, 1))
        .values("village_id")
        .annotate(last=Max("held_on"))
        .order_by()
    )
    for r in latest:
        figures(r["village_id"]).last_activity = r["last"]
    # Whether a record is on time depends on its month's deadline: one OR over the period's
    # few months keeps it a single grouped query.
    on_time = Q()
    for m in months:
        on_time |= Q(month=m, created_at__lt=_start_of(periods.deadline(m, day) + timedelta(1)))
    tz = timezone.get_current_timezone()
    for model in MONTHLY_MODELS:
        rows = (
            scoped(model.objects.alive(), user)
            .filter(area_q("village", area), month__gte=first, month__lte=last)
            .values("village_id", "month")
            .annotate(n=Count("id"), ok=Count("id", filter=on_time), last=Max("created_at"))
            .order_by()
        )
        for r in rows:
            f = figures(r["village_id"]).months.setdefault(r["month"], MonthFigure(r["month"]))
            f.records += r["n"]
            f.on_time += r["ok"]
            entered = r["last"].astimezone(tz).date()
            f.complete_on = max(f.complete_on or entered, entered)
    trainings = {
        r["kpm_id"]: r
        for r in TrainingAttendance.objects.filter(
            attended=True, kpm__in=[k.pk for k in kpms], training__held_from__lt=end
        )
        .values("kpm_id")
        .annotate(n=Count("id"), last=Max("training__held_to"))
        .order_by()
    }
    with_kpm = {k.region_id for k in kpms}
    depth = 0 if area is None else area.level
    child_codes = {".".join(c.split(".")[: depth + 1]) for c in set(villages) | with_kpm}
    lonely = set(villages) - with_kpm
    names = dict(Region.objects.filter(code__in=child_codes | lonely).values_list("code", "name"))
    rows: list[Row] = []
    for k in kpms:
        t = trainings.get(k.pk)
        rows.append(
            Row(
                kpm=k,
                village_code=k.region_id,
                village_name=k.region.name,
                figures=figures(k.region_id),
                trainings=t["n"] if t else 0,
                last_training=t["last"] if t else None,
            )
        )
    for code in sorted(lonely):
        rows.append(Row(None, code, names.get(code, code), villages[code]))
    for r in rows:
        r.kind_counts = [r.figures.by_kind.get(k, 0) for k in ActivityKind.values]
        r.kind_list = [
            (label, r.figures.by_kind[k])
            for k, label in ActivityKind.choices
            if k in r.figures.by_kind
        ]
        r.month_list = [r.figures.months.setdefault(m, MonthFigure(m)) for m in months]
    rows.sort(key=lambda r: r.sort_key)
    summary: dict[str, Summary] = {}
    counted: set[str] = set()
    for r in rows:
        code = ".".join(r.village_code.split(".")[: depth + 1])
        s = summary.setdefault(code, Summary(code, names.get(code, code)))
        s.kpm += r.kpm is not None
        if r.village_code not in counted:
            counted.add(r.village_code)
            s.desa += 1
            s.activities += r.figures.activities
            s.records += r.figures.records
            s.on_time += r.figures.on_time
    ordered = sorted(
        summary.values(), key=lambda s: (*periods.weakness_key(s.share, s.activities, s.records),)
    )
    return Coaching(months, day, rows, ordered, list(ActivityKind.choices))
