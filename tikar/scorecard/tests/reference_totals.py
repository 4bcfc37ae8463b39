"""The roll-up figures computed the way they were before the per-desa totals existed (not a
test module: no `test_` prefix): aggregates over every `QuarterResult` row, the latest length
measurements of the children and the monthly record tables. The totals tests compare
`VillageQuarterTotal` and the roll-up pages with these.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Q, Sum
from django.db.models.functions import Substr

from tikar.regions.models import Region
from tikar.scorecard import rollup
from tikar.scorecard.models import QuarterResult


def result_counts(code: str, year: int, quarter: int) -> dict[str, dict[str, int]]:
    """{group: counts} of one desa quarter from its QuarterResult rows (SUBSTR of cells)."""
    aggregates = {
        "targets": Count("pk"),
        "received": Sum("received"),
        "expected": Sum("expected"),
        "stunting_status": Count("pk", filter=Q(is_stunting=True)),
    }
    for i in range(1, 11):
        aggregates[f"y{i}"] = Count("pk", filter=Q(**{f"c{i}": "Y"}))
        aggregates[f"ts{i}"] = Count("pk", filter=Q(**{f"c{i}": "S"}))
    rows = (
        QuarterResult.objects.filter(village_id=code, year=year, quarter=quarter)
        .annotate(**{f"c{i}": Substr("cells", i, 1) for i in range(1, 11)})
        .values("group")
        .annotate(**aggregates)
        .order_by()
    )
    return {r.pop("group"): {k: v or 0 for k, v in r.items()} for r in rows}


def measurement_counts(user, code: str, year: int, quarter: int) -> tuple[int, int]:
    """(measured, stunted) of the desa from the live measurements (rollup's old way)."""
    rows = rollup.latest_measurements(user, None, year, quarter, 13)
    _by_area, _overall = rollup.stunting_prevalence(rows)
    row = _by_area.get(code)
    return (row.denominator, row.count) if row else (0, 0)


def months_mask(code: str, year: int, quarter: int) -> int:
    """Bit m-1 when month m of the quarter has a live 2a / 2b / 2c record (EXISTS queries)."""
    mask = 0
    for bit, month in enumerate(rollup.quarter_months(year, quarter)):
        if Region.objects.filter(code=code).filter(rollup._recorded_in([month])).exists():
            mask |= 1 << bit
    return mask


def first_days(year: int, quarter: int) -> list[date]:
    return list(rollup.quarter_months(year, quarter))


def old_rollup_rows(user, area, year: int, quarter: int, level: int) -> dict[str, dict]:
    """{sub-area code: roll-up line} exactly as `rollup.rollup` built it before the totals:
    grouped aggregates over QuarterResult, the live latest measurements through
    growth.prevalence.summarize, and EXISTS on the record tables for the reporting month.
    The area's own total line is under the key "total"."""
    from tikar.accounts.scope import scoped

    key_len = rollup.KEY_LENGTH[level]
    qs = scoped(QuarterResult.objects.filter(year=year, quarter=quarter), user)
    if area is not None:
        qs = qs.filter(rollup.under("village_id", area))
    aggregates = {"n": Count("pk"), "received": Sum("received"), "expected": Sum("expected")}
    for i in range(1, 11):
        aggregates[f"y{i}"] = Count("pk", filter=Q(**{f"c{i}": "Y"}))
        aggregates[f"s{i}"] = Count("pk", filter=Q(**{f"c{i}": "S"}))
    groups: dict[str, dict] = {}
    for r in (
        qs.annotate(
            key=Substr("village_id", 1, key_len),
            **{f"c{i}": Substr("cells", i, 1) for i in range(1, 11)},
        )
        .values("key", "group")
        .annotate(**aggregates)
        .order_by()
    ):
        groups.setdefault(r["key"], {})[r["group"]] = r
    measurements = rollup.latest_measurements(user, area, year, quarter, key_len)
    prevalence, overall = rollup.stunting_prevalence(measurements)
    month = rollup.reporting_month(year, quarter)
    villages = rollup.sub_regions(user, area, rollup.Level.VILLAGE)
    reporting = {
        r["key"]: (r["recorded"], r["total"])
        for r in villages.annotate(key=Substr("code", 1, key_len))
        .values("key")
        .annotate(total=Count("pk"), recorded=Count("pk", filter=rollup._recorded_in([month])))
        .order_by()
    }
    regions = list(rollup.sub_regions(user, area, level).order_by("code"))
    out = {
        r.code: rollup._row(
            r.code,
            r.full_name,
            groups.get(r.code, {}),
            reporting.get(r.code, (0, 0)),
            prevalence.get(r.code),
        )
        for r in regions
    }
    recorded = sum(row["desa_recorded"] for row in out.values())
    out["total"] = rollup._row(
        area.code if area else "",
        area.full_name if area else "",
        rollup._sum_groups(groups.get(r.code, {}) for r in regions),
        (recorded, sum(row["desa_total"] for row in out.values())),
        overall,
    )
    out["missing"] = [
        r.code for r in villages.exclude(rollup._recorded_in([month])).order_by("code")[:200]
    ]
    return out


def new_rollup_rows(data) -> dict[str, dict]:
    """The same shape from a `rollup.Rollup` (page-only keys dropped)."""
    drop = ("region", "period", "url")
    out = {r["code"]: {k: v for k, v in r.items() if k not in drop} for r in data.rows}
    out["total"] = {k: v for k, v in data.total.items() if k not in drop}
    out["missing"] = [r.code for r in data.missing]
    return out
