"""Reads a region's period for the data-quality report (tikar.growth.quality counts).

A fixed number of queries whatever the area's size. The report (`with_ids=False`, the default): one
aggregate query summing every count in SQL (`sql_counts`), one `values_list` of the few records
without a visit date (counted in Python), one of the (child, month) pairs weighed and one of the
balita to weigh, and (in `growth.standards`) one for the kabupaten's mat cut-offs. The
drill-down (`with_ids=True`) reads every record of the period instead (joined to the child's
sex and birth date) and counts them in `tikar.growth.quality.figures`, with the ids. Everything goes through
`scoped()`, so a user gets only the rows they may see, even for an area they may open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import (
    BigIntegerField,
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import (
    Abs,
    Cast,
    ExtractDay,
    ExtractMonth,
    ExtractYear,
    Mod,
    Round,
)

from tikar.accounts.scope import scoped
from tikar.calendar import month_end, shift_day
from tikar.growth import quality
from tikar.growth.mat import HIJAU, KUNING, MAT_COLOURS, MERAH, MatCutoffs
from tikar.households.models import Child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.rules import age_on
from tikar.regions.models import Level


@dataclass(frozen=True)
class QualityReport:
    region_code: str
    months: tuple[date, ...]
    figures: dict[str, quality.Figure]
    rows: dict[UUID, quality.Measurement]  # measurement id -> row (for the drill-down)
    cutoffs: MatCutoffs
    measurements: int = 0  # records with a weight or a length


def mat_cutoffs(region_code: str) -> MatCutoffs:
    """The kabupaten's mat cut-offs (tikar.growth.standards), defaults without a choice."""
    from tikar.growth.standards import mat_cutoffs_for

    return mat_cutoffs_for(region_code)


def _in_region(qs, region_code: str, level: int):
    if level == Level.VILLAGE:
        return qs.filter(village_id=region_code)
    return qs.filter(village__code__startswith=region_code + ".")


def period_months(first: date, last: date) -> tuple[date, ...]:
    out = []
    m = first
    while m <= last:
        out.append(m)
        m = shift_day(m, 1)
    return tuple(out)


def _visits(user, region_code: str, level: int, first: date, last: date):
    visits = scoped(
        ChildVisit.objects.filter(
            deleted_at__isnull=True,
            child__deleted_at__isnull=True,
            month__gte=first,
            month__lte=last,
        ).filter(
            Q(weight_kg__isnull=False) | Q(length_cm__isnull=False) | Q(growth_mat__in=MAT_COLOURS)
        ),
        user,
    )
    return _in_region(visits, region_code, level)


def _read_rows(visits) -> dict[UUID, quality.Measurement]:
    """Every record of `visits` as a `quality.Measurement` (the drill-down and the rows the SQL
    aggregate cannot count)."""
    rows: dict[UUID, quality.Measurement] = {}
    for (
        pk,
        child_id,
        sex,
        birth,
        month,
        visit_date,
        age_days,
        weight,
        length,
        lying,
        oedema,
        zlen,
        flen,
        zwei,
        fwei,
        zwfl,
        fwfl,
        mat,
    ) in visits.values_list(
        "id",
        "child_id",
        "child__sex",
        "child__birth_date",
        "month",
        "visit_date",
        "age_days",
        "weight_kg",
        "length_cm",
        "measured_lying",
        "oedema",
        "zlen",
        "flen",
        "zwei",
        "fwei",
        "zwfl",
        "fwfl",
        "growth_mat",
    ):
        day = visit_date or month_end(month)
        rows[pk] = quality.Measurement(
            id=pk,
            child_id=child_id,
            month=month,
            sex=sex,
            age_days=age_days,
            age_months=age_on(birth, day).months,
            weight_kg=weight,
            length_cm=length,
            measured_lying=lying,
            oedema=oedema,
            zlen=zlen,
            flen=flen,
            zwei=zwei,
            fwei=fwei,
            zwfl=zwfl,
            fwfl=fwfl,
            growth_mat=mat,
        )
    return rows


def _not(field: str) -> Q:
    """The field is False or not recorded (what `bool(None)` treats as False)."""
    return Q(**{field: False}) | Q(**{f"{field}__isnull": True})


def sql_counts(visits, cutoffs: MatCutoffs) -> dict[str, int]:
    """`quality.row_counts` of the records of `visits` that have a visit date, and how many have
    none ("undated"), in one aggregate query (the age in completed months is `tikar.calendar.age_in_months` on the visit date,
    0 before birth, as `rules.age_on`)."""
    birth = F("child__birth_date")
    months = (ExtractYear("visit_date") - ExtractYear(birth)) * 12 + (
        ExtractMonth("visit_date") - ExtractMonth(birth)
    )
    age = Case(
        When(visit_date__lt=birth, then=Value(0)),
        When(
            Q(visit_date__day__lt=ExtractDay(birth)),
            then=ExpressionWrapper(months - 1, output_field=IntegerField()),
        ),
        default=ExpressionWrapper(months, output_field=IntegerField()),
        output_field=IntegerField(),
    )

    def hundredths(field: str):
        return Cast(Round(F(field) * 100), BigIntegerField())

    def digit(field: str):
        return Mod(Cast(Round(Abs(F(field)) * 10), IntegerField()), 10)

    qs = visits.annotate(
        q_age=age,
        q_dw=digit("weight_kg"),
        q_dl=digit("length_cm"),
        **{f"q_k_{i}": hundredths(i) for i in quality.INDICATORS},
    )
    dated = Q(visit_date__isnull=False)
    has_w, has_l = Q(weight_kg__isnull=False), Q(length_cm__isnull=False)
    measured = has_w | has_l
    no_oedema = _not("oedema")
    aggs = {}
    for i in quality.INDICATORS:
        flag = quality._FLAG[i]
        used = Q(**{f"{i}__isnull": False}) & _not(flag)
        k = F(f"q_k_{i}")
        aggs[f"sd_n_{i}"] = Count("pk", filter=dated & used)
        aggs[f"sd_s1_{i}"] = Sum(k, filter=dated & used, output_field=BigIntegerField())
        aggs[f"sd_s2_{i}"] = Sum(
            ExpressionWrapper(k * k, output_field=BigIntegerField()),
            filter=dated & used,
            output_field=BigIntegerField(),
        )
        aggs[f"z_n_{i}"] = Count("pk", filter=dated & Q(**{f"{i}__isnull": False}))
        aggs[f"flag_n_{i}"] = Count("pk", filter=dated & Q(**{f"{i}__isnull": False, flag: True}))
    aggs["measured"] = Count("pk", filter=dated & measured)
    aggs["missing_weight"] = Count("pk", filter=dated & has_l & Q(weight_kg__isnull=True))
    aggs["missing_length"] = Count("pk", filter=dated & has_w & Q(length_cm__isnull=True))
    aggs["missing_position"] = Count("pk", filter=dated & has_l & Q(measured_lying__isnull=True))
    aggs["missing_z"] = Count(
        "pk",
        filter=dated
        & (
            (has_l & Q(zlen__isnull=True))
            | (has_w & no_oedema & Q(zwei__isnull=True))
            | (has_w & has_l & no_oedema & Q(zwfl__isnull=True))
        ),
    )
    for d in range(10):
        aggs[f"dw{d}"] = Count("pk", filter=dated & has_w & Q(q_dw=d))
        aggs[f"dl{d}"] = Count("pk", filter=dated & has_l & Q(q_dl=d))
    placed = has_l & Q(measured_lying__isnull=False)
    aggs["young_n"] = Count("pk", filter=dated & placed & Q(q_age__lt=24))
    aggs["young_wrong"] = Count("pk", filter=dated & placed & Q(q_age__lt=24, measured_lying=False))
    aggs["old_n"] = Count("pk", filter=dated & placed & Q(q_age__gte=24))
    aggs["old_wrong"] = Count("pk", filter=dated & placed & Q(q_age__gte=24, measured_lying=True))
    mb, hf = cutoffs.merah_below, cutoffs.hijau_from
    checked = (
        Q(growth_mat__in=MAT_COLOURS, zlen__isnull=False)
        & _not("flen")
        & Q(q_age__gte=cutoffs.min_months, q_age__lte=cutoffs.max_months)
    )
    wrong = (
        Q(growth_mat=MERAH, zlen__gte=mb)
        | (Q(growth_mat=HIJAU) & (Q(zlen__lt=mb) | Q(zlen__lt=hf)))
        | (Q(growth_mat=KUNING) & (Q(zlen__lt=mb) | Q(zlen__gte=hf)))
    )
    aggs["mat_n"] = Count("pk", filter=dated & checked)
    aggs["mat_wrong"] = Count("pk", filter=dated & checked & wrong)
    # The records without a visit date: counted in Python by the caller (their age is taken on
    # the month's last day).
    aggs["undated"] = Count("pk", filter=Q(visit_date__isnull=True))
    got = qs.aggregate(**aggs)
    return {k: int(got[k] or 0) for k in (*quality.COUNT_KEYS, "undated")}


def _children(user, region_code: str, level: int, first: date, last: date, *, text_ids=False):
    children = scoped(
        Child.objects.filter(
            deleted_at__isnull=True,
            birth_date__lte=month_end(last),
            birth_date__gt=shift_day(first, -61),
        ).filter(Q(closed_at__isnull=True) | Q(closed_at__gte=first)),
        user,
    )
    children = _in_region(children, region_code, level)
    if text_ids:  # ids as text: cheaper to read than UUIDs when only counted
        children = children.annotate(text_id=Cast("id", CharField()))
    return [
        quality.ChildMonths(pk, birth, closed)
        for pk, birth, closed in children.values_list(
            "text_id" if text_ids else "id", "birth_date", "closed_at"
        )
    ]


def quality_for_region(
    user, region_code: str, level: int, first: date, last: date, *, with_ids: bool = False
) -> QualityReport:
    """Every figure of `tikar.growth.quality` for the months `first`..`last` (1st of month) of a
    desa, kecamatan or kabupaten, over what `user` may see.

    `with_ids` True (the drill-down): every record is read and each figure carries its ids.
    False (the report, the default): the counts are summed in SQL (`sql_counts`; only records without a visit
    date are read, to count them in Python), the same figures without ids (except
    "not_weighed"), and `rows` is empty.
    """
    visits = _visits(user, region_code, level, first, last)
    kids = _children(user, region_code, level, first, last, text_ids=not with_ids)
    months = period_months(first, last)
    cutoffs = mat_cutoffs(region_code)
    if with_ids:
        rows = _read_rows(visits)
        figures = quality.figures(list(rows.values()), kids, months, cutoffs)
        measured = sum(
            1 for r in rows.values() if r.weight_kg is not None or r.length_cm is not None
        )
        return QualityReport(region_code, months, figures, rows, cutoffs, measured)
    counts = sql_counts(visits, cutoffs)
    if counts.pop("undated"):
        undated = _read_rows(visits.filter(visit_date__isnull=True)).values()
        counts = quality.add_counts(counts, quality.row_counts(undated, cutoffs))
    weighed = set(
        visits.filter(weight_kg__isnull=False)
        .annotate(text_child=Cast("child_id", CharField()))
        .values_list("text_child", "month")
    )
    figures = quality.figures_from_counts(counts, kids, months, weighed, cutoffs)
    return QualityReport(region_code, months, figures, {}, cutoffs, counts["measured"])


def child_names(user, child_ids: list[UUID]) -> dict[UUID, tuple[str, str, str]]:
    """id -> (name, posyandu name, village name) for a page of the drill-down (one query)."""
    qs = scoped(Child.objects.filter(id__in=child_ids), user).values_list(
        "id", "name", "posyandu__name", "village__name"
    )
    return {pk: (name, posyandu or "", village) for pk, name, posyandu, village in qs}
