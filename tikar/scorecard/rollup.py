"""Roll-ups of the stored scorecards for kecamatan, kabupaten/kota, province and national users.

Every figure is an aggregate in the database over the stored `QuarterResult` rows (or the
monthly records), grouped by the sub-area's code prefix: `SUBSTR(village_id, 1, n)` where n is
the length of a code at the sub-area's level ("12", "12.10", "12.10.07", "12.10.07.2001"), the
same technique as the officers' home page. A page view never loops over people in Python; the
one place that fetches a row per child is the stunting prevalence, which needs the growth
engine's numeric z-scores (five numbers per child, no names) to apply WHO's exclusion rules and
the Wilson interval exactly as `tikar.growth.prevalence` does everywhere else.

Figures per sub-area:

- targets: ibu hamil and anak 0-23 bulan of the quarter (the rows of Formulir 3a / 3b);
- tingkat konvergensi: pooled over both groups and all desa, ΣY / Σexpected, two decimals
  (as Formulir 4 table 4 pools its two groups; never an average of desa percentages);
- coverage per indicator: ΣY / Σ(targets − TS) for the 8 + 10 indicators and PAUD;
- stunting prevalence with its 95% CI: the latest length/height measurement in the quarter of
  each child measured at 0-23 months, through `tikar.growth.prevalence.summarize`;
- reporting completeness: desa with at least one monthly record (2a, 2b or 2c) in the reporting
  month / all desa of the sub-area in the Kemendagri list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

import numpy as np
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Length, Substr

from tikar import clock
from tikar.accounts.scope import scoped, scoped_regions
from tikar.growth.prevalence import PrevalenceRow, summarize
from tikar.growth.who2006 import FEMALE, MALE, GrowthResult
from tikar.regions.models import Level, Region
from tikar.scorecard import period
from tikar.scorecard.evaluate import percent, quarter_bounds, quarter_months
from tikar.scorecard.models import ROMAN, DirtyQuarter, QuarterLock, QuarterResult
from tikar.scorecard.refresh import current_quarter, refresh_village_quarter
from tikar.scorecard.report import provisional_info
from tikar.scorecard.rules import CHILD, INDICATORS, PAUD, PREGNANCY

# Length of a region code at each level.
KEY_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}
# A child is 0-23 months while floor(age_days / 30.4375) <= 23, i.e. up to day 730.
MAX_AGE_DAYS_0_23 = 730
TREND_QUARTERS = 8  # at most; leading quarters without any data are left out (at least 4 kept)
MISSING_LIST_LIMIT = 200  # desa named on the page as "recorded nothing"; the count is exact
TARGET_GROUPS = (PREGNANCY, CHILD)


@dataclass(frozen=True)
class CoverageColumn:
    key: str  # "p1".."p8", "c1".."c10", "paud": the ?sort= value and the CSV header
    group: str
    number: int
    text: str  # the official indicator text (Indonesian, as printed on the form)


COVERAGE_COLUMNS: tuple[CoverageColumn, ...] = tuple(
    CoverageColumn(
        "paud" if group == PAUD else f"{group[0]}{ind.number}", group, ind.number, ind.text
    )
    for group in (PREGNANCY, CHILD, PAUD)
    for ind in INDICATORS[group]
)


def area_prefix(area: Region | None) -> str:
    """ "12.10." for Labuhanbatu; "" for the whole country."""
    return "" if area is None else area.code + "."


def under(field: str, area: Region | None) -> Q:
    """Rows whose region code (in `field`) lies inside `area`, as a range on the code.

    `code >= '12.10.' AND code < '12.10/'` ('/' follows '.' in ASCII) selects exactly the codes
    starting with "12.10.", and unlike LIKE it can use the code's b-tree index on SQLite and on
    PostgreSQL; the access scope's own LIKE filter still applies on top.
    """
    if area is None:
        return Q()
    prefix = area_prefix(area)
    return Q(**{f"{field}__gte": prefix, f"{field}__lt": prefix[:-1] + "/"})


def regions_at(qs: QuerySet[Region], area: Region | None, level: int) -> QuerySet[Region]:
    """The regions of `qs` at `level` inside `area`.

    Inside an area the level is tested as the code's length (the level IS the number of code
    parts, so both say the same): with `level = 4` SQLite's planner prefers the (level, name)
    index and walks all 83,000 desa of the country, while the length test leaves it the
    primary-key range of `under()`, a few hundred rows.
    """
    if area is None:
        return qs.filter(level=level)
    return (
        qs.filter(under("code", area))
        .alias(code_length=Length("code"))
        .filter(code_length=KEY_LENGTH[level])
    )


def reporting_month(year: int, quarter: int, today: date | None = None) -> date:
    """The month whose reporting is shown: this month for the current quarter, else the
    quarter's last month (a past quarter is judged on its own last month)."""
    today = today or clock.today()
    if (year, quarter) == current_quarter(today):
        return today.replace(day=1)
    return quarter_months(year, quarter)[2]


def elapsed_months(year: int, quarter: int, today: date | None = None) -> list[date]:
    """The quarter's months up to and including this month (`period.elapsed_months`)."""
    return list(period.elapsed_months(year, quarter, today or clock.today()))


def last_quarters(year: int, quarter: int, n: int) -> list[tuple[int, int]]:
    """The n quarters ending with (year, quarter), oldest first."""
    out = [(year, quarter)]
    while len(out) < n:
        y, q = out[0]
        out.insert(0, (y - 1, 4) if q == 1 else (y, q - 1))
    return out


def quarter_short_label(year: int, quarter: int) -> str:
    return f"{ROMAN[quarter]}/{str(year)[2:]}"


# --------------------------------------------------------------------------------------------
# Keeping the area's stored results fresh


def _monthly_models():
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit

    return (PregnancyVisit, ChildVisit, PaudRecord)


def _recorded_in(months: Iterable[date]) -> Q:
    """A condition on Region: the desa has a live monthly record (2a, 2b or 2c) in `months`.

    Three EXISTS on the (village, month) indexes of the record tables.
    """
    months = list(months)
    q = Q()
    for model in _monthly_models():
        q |= Exists(
            model.objects.filter(
                village_id=OuterRef("code"), month__in=months, deleted_at__isnull=True
            )
        )
    return q


def refresh_area(area: Region | None, quarters: Iterable[tuple[int, int]]) -> int:
    """Recompute the area's desa quarters that are dirty, that have monthly records but were
    never computed, or whose rows cover other elapsed months than today's (a running quarter
    computed last month, or before it ended); returns how many were recomputed.

    A desa page calls `refresh.ensure_fresh` for one quarter; an area has many, so this looks
    them up with two queries and recomputes only those that need it. With many dirty quarters
    (after a kabupaten changes its standards) the first page view pays for all of them.
    """
    quarters = sorted(set(quarters))
    done = 0
    dirty = DirtyQuarter.objects.filter(
        under("village_id", area), year__in={y for y, _q in quarters}
    ).values_list("village_id", "year", "quarter")
    for code, y, q in list(dirty):
        if (y, q) in quarters:
            refresh_village_quarter(code, y, q)
            done += 1
    for y, q in quarters:
        never = (
            regions_at(Region.objects.all(), area, Level.VILLAGE)
            .filter(_recorded_in(quarter_months(y, q)))
            .exclude(
                Exists(QuarterResult.objects.filter(village_id=OuterRef("code"), year=y, quarter=q))
            )
            .values_list("code", flat=True)
            .order_by()
        )
        for code in list(never):
            refresh_village_quarter(code, y, q)
            done += 1
        # Stale: computed while the quarter ran, over fewer months than have passed since.
        # A validated quarter is never stale (it can only be validated once it has ended).
        through = period.evaluated_through(y, q, clock.today())
        stale = (
            QuarterResult.objects.filter(under("village_id", area), year=y, quarter=q).exclude(
                evaluated_through=through
            )
            if through is not None
            else QuarterResult.objects.filter(
                under("village_id", area), year=y, quarter=q, evaluated_through__isnull=False
            )
        )
        locked = QuarterLock.objects.filter(year=y, quarter=q, locked_at__isnull=False)
        for code in list(
            stale.exclude(village_id__in=locked.values("village_id"))
            .values_list("village_id", flat=True)
            .distinct()
            .order_by()
        ):
            refresh_village_quarter(code, y, q)
            done += 1
    return done


# --------------------------------------------------------------------------------------------
# Aggregates


def _results(user, area: Region | None, year: int, quarter: int) -> QuerySet[QuarterResult]:
    qs = QuarterResult.objects.filter(year=year, quarter=quarter)
    if area is not None:
        qs = qs.filter(under("village_id", area))
    return scoped(qs, user)


def group_totals(qs: QuerySet[QuarterResult], key_len: int) -> dict[str, dict[str, dict]]:
    """{sub-area code: {group: counts}} in ONE grouped query.

    Counts per group: n (targets), received, expected, and per indicator i the number of Y
    (`y{i}`) and of TS (`s{i}`), read from character i of `cells` with SUBSTR.
    """
    width = max(len(INDICATORS[g]) for g in INDICATORS)
    aggregates: dict[str, Any] = {
        "n": Count("pk"),
        "received": Sum("received"),
        "expected": Sum("expected"),
        "stunting_status": Count("pk", filter=Q(is_stunting=True)),
    }
    for i in range(1, width + 1):
        aggregates[f"y{i}"] = Count("pk", filter=Q(**{f"c{i}": "Y"}))
        aggregates[f"s{i}"] = Count("pk", filter=Q(**{f"c{i}": "S"}))
    rows = (
        qs.annotate(
            key=Substr("village_id", 1, key_len),
            **{f"c{i}": Substr("cells", i, 1) for i in range(1, width + 1)},
        )
        .values("key", "group")
        .annotate(**aggregates)
        .order_by()
    )
    out: dict[str, dict[str, dict]] = {}
    for r in rows:
        out.setdefault(r["key"], {})[r["group"]] = r
    return out


def latest_measurements(user, area: Region | None, year: int, quarter: int, key_len: int):
    """(sub-area, zlen, flen, oedema, sex, age_days) of each child's latest length/height
    measurement in the quarter taken at 0-23 months: one query, numbers only."""
    from tikar.monitoring.models import ChildVisit

    start, end = quarter_bounds(year, quarter)
    measured = {
        "deleted_at__isnull": True,
        "month__range": (start, end),
        "measured": True,
        "age_days__lte": MAX_AGE_DAYS_0_23,
    }
    latest = (
        ChildVisit.objects.filter(child=OuterRef("child"), **measured)
        .order_by("-month")
        .values("pk")[:1]
    )
    qs = ChildVisit.objects.filter(child__deleted_at__isnull=True, **measured)
    if area is not None:
        qs = qs.filter(under("village_id", area))
    qs = scoped(qs, user).filter(pk=Subquery(latest))
    return list(
        qs.annotate(key=Substr("village_id", 1, key_len))
        .values_list("key", "zlen", "flen", "oedema", "child__sex", "age_days")
        .order_by()
    )


def stunting_prevalence(
    measurements: list[tuple],
) -> tuple[dict[str, PrevalenceRow], PrevalenceRow | None]:
    """Stunting prevalence per sub-area and overall, by the growth engine's `summarize`.

    The stored rounded zlen and its WHO flag are what the engine would compute again; the
    other z-scores are not needed for stunting and are passed as missing.
    """
    n = len(measurements)
    if n == 0:
        return {}, None
    keys, zlen, flen, oedema, sex, age = zip(*measurements, strict=True)
    missing = np.full(n, np.nan)

    def floats(values: Iterable) -> np.ndarray:
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)

    result = GrowthResult(
        sex=np.array([MALE if s == "L" else FEMALE if s == "P" else 0 for s in sex], np.int8),
        age_days=floats(age),
        position=np.zeros(n, np.int8),
        oedema=np.array([bool(o) for o in oedema]),
        position_warning=np.zeros(n, bool),
        clenhei=missing.copy(),
        cbmi=missing.copy(),
        uses_wfl=np.zeros(n, bool),
        z={"len": floats(zlen), "wei": missing.copy(), "wfl": missing.copy()},
        flags={"len": floats(flen), "wei": missing.copy(), "wfl": missing.copy()},
    )
    rows = [r for r in summarize(result, {"area": list(keys)}) if r.indicator == "stunting"]
    overall = next(r for r in rows if r.group == "all")
    return {r.value: r for r in rows if r.group == "area"}, overall


def completeness(
    villages: QuerySet[Region], month: date, key_len: int
) -> dict[str, tuple[int, int]]:
    """{sub-area code: (desa that recorded in `month`, all desa)} in one grouped query."""
    rows = (
        villages.annotate(key=Substr("code", 1, key_len))
        .values("key")
        .annotate(total=Count("pk"), recorded=Count("pk", filter=_recorded_in([month])))
        .order_by()
    )
    return {r["key"]: (r["recorded"], r["total"]) for r in rows}


def months_recorded(user, area: Region | None, months: list[date]) -> dict[str, int]:
    """{desa code: number of `months` with at least one live monthly record}.

    One DISTINCT (village, month) query per record table: at most desa × months rows each.
    """
    seen: set[tuple[str, date]] = set()
    for model in _monthly_models():
        qs = model.objects.filter(month__in=months, deleted_at__isnull=True)
        if area is not None:
            qs = qs.filter(under("village_id", area))
        seen |= set(scoped(qs, user).values_list("village_id", "month").distinct().order_by())
    return dict(Counter(code for code, _month in seen))


# --------------------------------------------------------------------------------------------
# The table


def _coverage(groups: dict[str, dict]) -> dict[str, Decimal | None]:
    out = {}
    for col in COVERAGE_COLUMNS:
        g = groups.get(col.group)
        out[col.key] = (
            None if g is None else percent(g[f"y{col.number}"], g["n"] - g[f"s{col.number}"])
        )
    return out


def _row(
    code: str,
    name: str,
    groups: dict[str, dict],
    reporting: tuple[int, int],
    stunting: PrevalenceRow | None,
) -> dict[str, Any]:
    """One line of the table; every sortable value is a top-level key."""

    def count(group: str, key: str) -> int:
        return (groups.get(group) or {}).get(key) or 0

    received = sum(count(g, "received") for g in TARGET_GROUPS)
    expected = sum(count(g, "expected") for g in TARGET_GROUPS)
    recorded, total = reporting
    coverage = _coverage(groups)
    row: dict[str, Any] = {
        "code": code,
        "name": name,
        "pregnancies": count(PREGNANCY, "n"),
        "children": count(CHILD, "n"),
        "paud_targets": count(PAUD, "n"),
        "received": received,
        "expected": expected,
        "convergence": percent(received, expected),
        "desa_recorded": recorded,
        "desa_total": total,
        "reporting": percent(recorded, total),
        "stunted": stunting.count if stunting else 0,
        "measured": stunting.denominator if stunting else 0,
        "stunting": stunting.percent if stunting and stunting.denominator else None,
        "ci_low": stunting.ci_low if stunting else None,
        "ci_high": stunting.ci_high if stunting else None,
        "coverage": [coverage[c.key] for c in COVERAGE_COLUMNS],
    }
    row.update(coverage)
    return row


def _sum_groups(all_groups: Iterable[dict[str, dict]]) -> dict[str, dict]:
    """Add up the per-group counts of several sub-areas (for the area's total line)."""
    total: dict[str, dict] = {}
    for groups in all_groups:
        for group, counts in groups.items():
            slot = total.setdefault(group, {})
            for k, v in counts.items():
                if k not in ("key", "group"):
                    slot[k] = slot.get(k, 0) + (v or 0)
    return total


@dataclass
class Rollup:
    area: Region | None
    level: int  # level of the rows
    year: int
    quarter: int
    month: date  # the reporting month
    rows: list[dict[str, Any]]
    total: dict[str, Any]
    missing: list[Region] = field(default_factory=list)  # desa that recorded nothing (capped)
    missing_count: int = 0
    # The running quarter's figures cover its elapsed months only: report.provisional_info.
    provisional: dict[str, Any] = field(default_factory=dict)


def sub_regions(user, area: Region | None, level: int) -> QuerySet[Region]:
    return regions_at(scoped_regions(user), area, level)


def rollup(
    user, area: Region | None, year: int, quarter: int, level: int, today: date | None = None
) -> Rollup:
    """The table of the area's sub-areas at `level` (call `refresh_area` first)."""
    key_len = KEY_LENGTH[level]
    month = reporting_month(year, quarter, today)
    groups = group_totals(_results(user, area, year, quarter), key_len)
    measurements = latest_measurements(user, area, year, quarter, key_len)
    prevalence, overall = stunting_prevalence(measurements)
    villages = sub_regions(user, area, Level.VILLAGE)
    reporting = completeness(villages, month, key_len)
    regions = list(sub_regions(user, area, level).order_by("code"))
    rows = [
        _row(
            r.code,
            r.full_name,
            groups.get(r.code, {}),
            reporting.get(r.code, (0, 0)),
            prevalence.get(r.code),
        )
        for r in regions
    ]
    for row, region in zip(rows, regions, strict=True):
        row["region"] = region
    recorded = sum(r["desa_recorded"] for r in rows)
    total = _row(
        area.code if area else "",
        area.full_name if area else "",
        _sum_groups(groups.get(r.code, {}) for r in regions),
        (recorded, sum(r["desa_total"] for r in rows)),
        overall,
    )
    silent = villages.exclude(_recorded_in([month])).select_related("parent").order_by("code")
    info = provisional_info(year, quarter, today)
    for row in [*rows, total]:
        # Every exported line says whether it is final (CSV rows travel without the page).
        row["period"] = info["note"] or period.FINISHED_NOTE
    return Rollup(
        area=area,
        level=level,
        year=year,
        quarter=quarter,
        month=month,
        rows=rows,
        total=total,
        missing=list(silent[:MISSING_LIST_LIMIT]),
        missing_count=total["desa_total"] - recorded,
        provisional=info,
    )


SORT_KEYS = (
    "name",
    "code",
    "pregnancies",
    "children",
    "convergence",
    "stunting",
    "stunted",
    "reporting",
    *(c.key for c in COVERAGE_COLUMNS),
)


def sort_rows(rows: list[dict[str, Any]], sort: str) -> tuple[list[dict[str, Any]], str]:
    """Rows ordered by `sort` ("convergence", "-stunting", ...); empty values always last.

    Returns the rows and the sort actually applied (unknown keys fall back to the code).
    """
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        return sorted(rows, key=lambda r: r["code"]), "code"
    if key == "name":
        ordered = sorted(rows, key=lambda r: r["name"].lower(), reverse=descending)
        return ordered, sort
    present = [r for r in rows if r[key] is not None]
    empty = [r for r in rows if r[key] is None]
    # Ties keep the code order, whichever direction.
    present.sort(key=lambda r: r["code"])
    present.sort(key=lambda r: r[key], reverse=descending)
    return present + sorted(empty, key=lambda r: r["code"]), sort


# --------------------------------------------------------------------------------------------
# Trends


def trend(
    user, area: Region | None, year: int, quarter: int, n: int = TREND_QUARTERS
) -> list[dict[str, Any]]:
    """Tingkat konvergensi and stunting prevalence of the whole area for the last n quarters.

    One grouped query for konvergensi, one measurement query per quarter for prevalence.
    Leading quarters with no data are dropped (keeping at least four) so that a kabupaten
    that started using Tikar recently gets a chart of its own quarters.
    """
    quarters = [q for q in last_quarters(year, quarter, n) if q[0] >= 2000]
    qs = QuarterResult.objects.filter(group__in=TARGET_GROUPS, year__gte=quarters[0][0])
    if area is not None:
        qs = qs.filter(under("village_id", area))
    pooled = {
        (r["year"], r["quarter"]): r
        for r in scoped(qs, user)
        .values("year", "quarter")
        .annotate(received=Sum("received"), expected=Sum("expected"))
        .order_by()
    }
    points = []
    for y, q in quarters:
        p = pooled.get((y, q))
        _by_area, overall = stunting_prevalence(latest_measurements(user, area, y, q, 2))
        points.append(
            {
                "year": y,
                "quarter": q,
                "label": quarter_short_label(y, q),
                "convergence": percent(p["received"] or 0, p["expected"] or 0) if p else None,
                "stunting": overall.percent if overall and overall.denominator else None,
                "ci_low": overall.ci_low if overall else None,
                "ci_high": overall.ci_high if overall else None,
                "measured": overall.denominator if overall else 0,
            }
        )
    while len(points) > 4 and points[0]["convergence"] is None and points[0]["stunting"] is None:
        points.pop(0)
    return points
