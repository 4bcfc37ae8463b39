"""SKDN of an area and month from the database: one grouped query, checked by `skdn.Skdn`.

`skdn_for_region(region_code, month, posyandu_id=None)` counts one month for a desa, a
kecamatan, a kabupaten or a province. The database does the counting: one query joins each
balita to its weighing of the month and groups by desa, posyandu, sex and age band with one
conditional count per figure, so the rows read grow with the number of posyandu (at most
2 × 5 per posyandu), not of children (bench/posyandu.py measures a kabupaten of 300 desa).

This module never decides who may see what: the caller passes a region already checked with
`tikar.accounts.scope` (the views do).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db.models import Case, Count, FilteredRelation, IntegerField, Q, Value, When
from django.utils import timezone

from tikar.calendar import add_months, month_end
from tikar.growth.weighing import BGM_BELOW_Z
from tikar.households.models import Child
from tikar.monitoring.models import ChildVisit
from tikar.posyandu import skdn
from tikar.regions.models import Level, level_of

__all__ = ["SkdnResult", "children_in_skdn", "skdn_for_region"]


@dataclass
class SkdnResult:
    """One month's SKDN of an area.

    `by_village`: desa code → report; `by_posyandu`: (desa code, posyandu id or None for the
    children without a posyandu) → report; `total`: the whole area (or the one posyandu).
    """

    region_code: str
    month: date
    posyandu_id: int | None
    by_village: dict[str, skdn.Skdn] = field(default_factory=dict)
    by_posyandu: dict[tuple[str, int | None], skdn.Skdn] = field(default_factory=dict)
    total: skdn.Skdn = field(default_factory=skdn.Skdn)

    def by_prefix(self, level: int) -> dict[str, skdn.Skdn]:
        """The desa reports summed by their ancestor at `level` (Level.DISTRICT, ...)."""
        out: dict[str, skdn.Skdn] = defaultdict(skdn.Skdn)
        for code, report in self.by_village.items():
            out[".".join(code.split(".")[:level])].add(report)
        return dict(sorted(out.items()))


def _area_q(region_code: str, path: str) -> Q:
    if level_of(region_code) == Level.VILLAGE:
        return Q(**{path: region_code})
    return Q(**{f"{path}__startswith": region_code + "."})


def children_in_skdn(region_code: str, month: date, posyandu_id: int | None = None, prefix=""):
    """The filter of S: balita of the area in `month` (alive, not closed before the month,
    registered by the month's end, born by the month's end and under 60 months on the 1st).

    `prefix` is the path to the child ("child__" from ChildVisit). Returns a Q.
    """
    last = month_end(month)
    registered_before = timezone.make_aware(datetime.combine(add_months(month, 1), time.min))
    q = _area_q(region_code, f"{prefix}village__code") & Q(
        **{
            f"{prefix}deleted_at__isnull": True,
            f"{prefix}birth_date__lte": last,
            # Under 60 completed months on the 1st (skdn.is_balita_month): born after the 1st
            # of the month 60 months back (born on that day, the child is 60 on the 1st).
            f"{prefix}birth_date__gt": add_months(month, -skdn.BALITA_MONTHS),
            f"{prefix}created_at__lt": registered_before,
        }
    )
    q &= Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": month})
    if posyandu_id is not None:
        q &= Q(**{f"{prefix}posyandu_id": posyandu_id})
    return q


def _band_case(month: date, prefix: str = "") -> Case:
    whens = []
    for i, (after, upto) in enumerate(skdn.band_birth_bounds(month)):
        cond = Q(**{f"{prefix}birth_date__lte": upto})
        if after is not None:
            cond &= Q(**{f"{prefix}birth_date__gt": after})
        whens.append(When(cond, then=Value(i)))
    return Case(*whens, default=Value(len(skdn.BANDS) - 1), output_field=IntegerField())


def _sums(month: date):
    """The figures of skdn.COUNT_FIELDS as conditional counts over the child and its weighing
    of the month (`w`, at most one live record per child and month), plus the weighings
    without a code ("unjudged"). The same rules as `skdn.count`, in SQL."""
    kia = ~Q(kia_number="")
    weighed = Q(w__id__isnull=False)
    not_flagged = Q(w__fwei=False) | Q(w__fwei__isnull=True)
    return {
        "s": Count("id"),
        "k": Count("id", filter=kia),
        "d": Count("w__id"),
        "n": Count("w__id", filter=Q(w__weight_gain="N")),
        "t": Count("w__id", filter=Q(w__weight_gain="T")),
        "o": Count("w__id", filter=Q(w__weight_gain="O")),
        "b": Count("w__id", filter=Q(w__weight_gain="B")),
        "bgm": Count("w__id", filter=Q(w__oedema=True) | Q(w__zwei__lt=BGM_BELOW_Z)),
        "two_t": Count("w__id", filter=Q(w__two_t=True)),
        "k_not_weighed": Count("id", filter=kia & ~weighed),
        "underweight": Count("w__id", filter=Q(w__cat_wei=skdn.UNDERWEIGHT) & not_flagged),
        "severely_underweight": Count(
            "w__id", filter=Q(w__cat_wei=skdn.SEVERELY_UNDERWEIGHT) & not_flagged
        ),
        "unjudged": Count("w__id", filter=Q(w__weight_gain="")),
    }


def _grouped(region_code: str, month: date, posyandu_id: int | None) -> list[dict]:
    weighing = FilteredRelation(
        "visits",
        condition=Q(visits__month=month, visits__deleted_at__isnull=True, visits__weighed=True),
    )
    return list(
        Child.objects.filter(children_in_skdn(region_code, month, posyandu_id))
        .annotate(w=weighing, band=_band_case(month))
        .values("village_id", "posyandu_id", "sex", "band")
        .annotate(**_sums(month))
        .order_by()
    )


def skdn_for_region(region_code: str, month: date, posyandu_id: int | None = None) -> SkdnResult:
    """SKDN of `month` (the 1st of a month) for the area `region_code` (any level), optionally
    one posyandu only: one grouped query (desa, posyandu, sex, age band) with a conditional
    count per figure; rows per desa and per posyandu plus the total. D = N + T + O + B is
    asserted for every cell (`skdn.Skdn.check`).

    The posyandu of a child is its register posyandu (`Child.posyandu`), for S and D alike.
    A weighing without a stored N/T/O/B code (a record saved before the judgement existed)
    gets its child's judgements refreshed once (`monitoring.weighing.refresh_child`) and the
    query is run again.
    """
    month = month.replace(day=1)
    rows = _grouped(region_code, month, posyandu_id)
    if any(r["unjudged"] for r in rows):
        _refresh_unjudged(region_code, month, posyandu_id)
        rows = _grouped(region_code, month, posyandu_id)
    result = SkdnResult(region_code, month, posyandu_id)
    for r in rows:
        key = (r["village_id"], r["posyandu_id"])
        report = result.by_posyandu.get(key)
        if report is None:
            report = result.by_posyandu[key] = skdn.Skdn()
        report.cells[(r["band"], r["sex"])].add(skdn.Counts(**{f: r[f] for f in skdn.COUNT_FIELDS}))
    for (village, _posyandu), report in sorted(
        result.by_posyandu.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)
    ):
        report.check()
        result.by_village.setdefault(village, skdn.Skdn()).add(report)
        result.total.add(report)
    result.total.check()
    return result


def _refresh_unjudged(region_code: str, month: date, posyandu_id: int | None) -> None:
    from tikar.monitoring.weighing import refresh_child

    stale = (
        ChildVisit.objects.filter(
            children_in_skdn(region_code, month, posyandu_id, prefix="child__"),
            month=month,
            deleted_at__isnull=True,
            weighed=True,
            weight_gain="",
        )
        .values_list("child_id", flat=True)
        .distinct()
    )
    for child_id in list(stale):
        refresh_child(child_id)
