"""Reads a region's period for the data-quality report (tikar.growth.quality counts).

A fixed number of queries whatever the area's size: one `values_list` of the period's monthly
records of children (joined to the child's sex and birth date), one of the balita to weigh,
and (in `growth.standards`) one for the kabupaten's mat cut-offs. Everything goes through
`scoped()`, so a user gets only the rows they may see, even for an area they may open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Q

from tikar.accounts.scope import scoped
from tikar.growth import quality
from tikar.growth.mat import MAT_COLOURS, MatCutoffs
from tikar.households.models import Child
from tikar.monitoring.models import ChildVisit
from tikar.monitoring.rules import add_months, age_on
from tikar.regions.models import Level
from tikar.scorecard.evaluate import month_end


@dataclass(frozen=True)
class QualityReport:
    region_code: str
    months: tuple[date, ...]
    figures: dict[str, quality.Figure]
    rows: dict[UUID, quality.Measurement]  # measurement id -> row (for the drill-down)
    cutoffs: MatCutoffs


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
        m = add_months(m, 1)
    return tuple(out)


def quality_for_region(
    user, region_code: str, level: int, first: date, last: date
) -> QualityReport:
    """Every figure of `tikar.growth.quality` for the months `first`..`last` (1st of month) of a
    desa, kecamatan or kabupaten, over what `user` may see."""
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
    ) in _in_region(visits, region_code, level).values_list(
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
    children = scoped(
        Child.objects.filter(
            deleted_at__isnull=True,
            birth_date__lte=month_end(last),
            birth_date__gt=add_months(first, -61),
        ).filter(Q(closed_at__isnull=True) | Q(closed_at__gte=first)),
        user,
    )
    kids = [
        quality.ChildMonths(pk, birth, closed)
        for pk, birth, closed in _in_region(children, region_code, level).values_list(
            "id", "birth_date", "closed_at"
        )
    ]
    months = period_months(first, last)
    cutoffs = mat_cutoffs(region_code)
    figures = quality.figures(list(rows.values()), kids, months, cutoffs)
    return QualityReport(region_code, months, figures, rows, cutoffs)


def child_names(user, child_ids: list[UUID]) -> dict[UUID, tuple[str, str, str]]:
    """id -> (name, posyandu name, village name) for a page of the drill-down (one query)."""
    qs = scoped(Child.objects.filter(id__in=child_ids), user).values_list(
        "id", "name", "posyandu__name", "village__name"
    )
    return {pk: (name, posyandu or "", village) for pk, name, posyandu, village in qs}
