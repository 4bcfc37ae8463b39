"""Roll-ups of the stored scorecards for kecamatan, kabupaten/kota, province and national users.

Every figure is an aggregate in the database over the per-desa quarter totals
(`VillageQuarterTotal`, three rows per desa and quarter, written by the refresh in the same
transaction as the desa's `QuarterResult` rows), grouped by the sub-area's code prefix:
`SUBSTR(village_id, 1, n)` where n is the length of a code at the sub-area's level ("12",
"12.10", "12.10.07", "12.10.07.2001"). Nationally a quarter is ~250,000 such rows instead of
~13 million target rows plus the monthly record tables (issue 12, item 2). A page view never
recomputes: `request_area_refresh` marks stale quarters and enqueues the worker.

The national and province pages (sub-areas: provinces or kabupaten/kota) read one level up,
`RegencyQuarterTotal` (~514 x 3 rows a quarter, the sums of each kabupaten's desa totals kept
in the same transaction): the table, completeness (recorded_m1..m3 / desa_total), the trend
and the stale check; their "desa that recorded nothing" list probes only the first kabupaten
that have silent desa. Measured by bench/national.py: national roll-up 2.7 s -> 0.08 s.

The stunting prevalence pools the per-desa counts (children measured, stunted among them,
counted as `tikar.growth.prevalence` does); its percent and Wilson interval depend only on
the pooled count and denominator, so they are the figures `summarize` gives
(`latest_measurements` + `stunting_prevalence` remain as that reference).

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
from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_regions
from tikar.calendar import quarter_bounds, quarter_months
from tikar.growth.prevalence import PrevalenceRow, summarize, wilson_interval
from tikar.growth.who2006 import FEMALE, MALE, GrowthResult
from tikar.regions.models import Level, Region
from tikar.scorecard import period
from tikar.scorecard.evaluate import percent
from tikar.scorecard.models import (
    ROMAN,
    DirtyQuarter,
    QuarterLock,
    RegencyQuarterTotal,
    VillageQuarterTotal,
)
from tikar.scorecard.refresh import current_quarter
from tikar.scorecard.report import provisional_info
from tikar.scorecard.rules import CHILD, INDICATORS, PAUD, PREGNANCY
from tikar.scorecard.totals import masks_with, month_bit, months_mask

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
# Keeping the area's stored results fresh (by the worker, never inline)


def _monthly_models():
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit

    return (PregnancyVisit, ChildVisit, PaudRecord)


def _recorded_in(months: Iterable[date]) -> Q:
    """A condition on Region: the desa has a live monthly record (2a, 2b or 2c) in `months`.

    Three EXISTS on the (village, month) indexes of the record tables. The area pages read
    `VillageQuarterTotal.months_recorded` instead; this stays for one-desa checks.
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


def _under_codes(field: str, codes: Iterable[str]) -> Q:
    """Rows whose region code in `field` lies under any of `codes` (ranges, as `under`)."""
    cond = Q()
    for code in codes:
        cond |= Q(**{f"{field}__gte": code + ".", f"{field}__lt": code + "/"})
    return cond


def stale_regencies(area: Region | None, year: int, quarter: int, through: date | None) -> list:
    """The kabupaten of `area` with a desa whose totals may cover other months than today's
    (`through`: `period.evaluated_through` of today), from their `RegencyQuarterTotal`
    pregnancy row: all desa fresh means no stored evaluated_through when the quarter is over,
    else every desa's equal to `through`. One query on at most 514 rows."""
    rows = RegencyQuarterTotal.objects.filter(
        under("regency_id", area), year=year, quarter=quarter, group=PREGNANCY
    ).values_list("regency_id", "desa_computed", "through_count", "through_min", "through_max")
    out = []
    for code, computed, counted, low, high in rows.order_by():
        fresh = (
            counted == 0
            if through is None
            else counted == computed and low == through and high == through
        )
        if not fresh:
            out.append(code)
    return out


def mark_stale(area: Region | None, quarters: Iterable[tuple[int, int]]) -> int:
    """Mark dirty the area's desa quarters whose totals cover other elapsed months than
    today's (a running quarter computed last month, or computed before it ended); returns
    how many were marked. One indexed query per quarter on the totals table (the pregnancy
    row stands for its desa quarter); validated quarters are never stale.
    """
    today = clock.today()
    marked = 0
    for y, q in sorted(set(quarters)):
        through = period.evaluated_through(y, q, today)
        stale = VillageQuarterTotal.objects.filter(
            under("village_id", area), year=y, quarter=q, group=PREGNANCY
        )
        if area is None or area.level <= Level.PROVINCE:
            # National or province: first the kabupaten totals (514 rows nationally) say
            # under which kabupaten a desa may be stale; usually none, so the 83,762-row
            # desa check is skipped (it took ~0.2 s per quarter nationally).
            suspects = stale_regencies(area, y, q, through)
            if not suspects:
                continue
            stale = stale.filter(_under_codes("village_id", suspects))
        stale = (
            stale.exclude(evaluated_through=through)
            if through is not None
            else stale.filter(evaluated_through__isnull=False)
        )
        locked = QuarterLock.objects.filter(year=y, quarter=q, locked_at__isnull=False)
        codes = list(
            stale.exclude(village_id__in=locked.values("village_id"))
            .values_list("village_id", flat=True)
            .order_by()
        )
        DirtyQuarter.objects.bulk_create(
            [DirtyQuarter(village_id=c, year=y, quarter=q) for c in codes],
            ignore_conflicts=True,
            batch_size=500,
        )
        marked += len(codes)
    return marked


def pending_villages(area: Region | None, quarters: Iterable[tuple[int, int]]) -> int:
    """How many desa of the area have a dirty quarter among `quarters` (waiting for the
    worker): one query on DirtyQuarter, which holds only the marks not yet recomputed."""
    quarters = set(quarters)
    cond = Q()
    for y, q in quarters:
        cond |= Q(year=y, quarter=q)
    if not quarters:
        return 0
    return (
        DirtyQuarter.objects.filter(under("village_id", area))
        .filter(cond)
        .values("village_id")
        .distinct()
        .count()
    )


def request_area_refresh(area: Region | None, quarters: Iterable[tuple[int, int]]) -> int:
    """What an area page does before reading: mark its stale quarters dirty and, when any
    desa quarter of the area waits, enqueue the worker's refresh (`tasks.request_refresh`).
    Returns how many desa still wait (the page says so: "Sedang diperbarui: N desa ...").

    Nothing is recomputed here: the page shows the stored totals. With the test settings'
    ImmediateBackend the job runs at enqueue, so the count is 0 afterwards.
    """
    from tikar.scorecard.tasks import request_refresh

    quarters = sorted(set(quarters))
    mark_stale(area, quarters)
    pending = pending_villages(area, quarters)
    if pending:
        request_refresh()
        pending = pending_villages(area, quarters)
    return pending


# --------------------------------------------------------------------------------------------
# Aggregates


def _totals(user, area: Region | None, year: int, quarter: int) -> QuerySet[VillageQuarterTotal]:
    """The area's per-desa totals of the quarter (at most 3 rows per desa)."""
    qs = VillageQuarterTotal.objects.filter(year=year, quarter=quarter)
    if area is not None:
        qs = qs.filter(under("village_id", area))
    return scoped(qs, user)


def uses_regency_totals(user, key_len: int) -> bool:
    """True when the table's sub-areas are provinces or kabupaten/kota (national and province
    pages) and the user sees whole kabupaten (national administrator, province officer): the
    roll-up then reads `RegencyQuarterTotal`, ~514 x 3 rows a quarter nationally, instead of
    the 83,762 x 3 desa totals. Any other user or level keeps the desa totals (a kabupaten
    officer's scope is part of one kabupaten's row)."""
    return key_len <= KEY_LENGTH[Level.REGENCY] and getattr(user, "role", None) in (
        Role.NATIONAL_ADMIN,
        Role.PROVINCE_OFFICER,
    )


def _regency_totals(
    user, area: Region | None, year: int, quarter: int
) -> QuerySet[RegencyQuarterTotal]:
    """The area's per-kabupaten totals of the quarter (at most 3 rows per kabupaten)."""
    qs = RegencyQuarterTotal.objects.filter(year=year, quarter=quarter)
    if area is not None:
        qs = qs.filter(under("regency_id", area))
    return scoped(qs, user, "regency")


def group_totals(
    qs: QuerySet[VillageQuarterTotal] | QuerySet[RegencyQuarterTotal],
    key_len: int,
    field: str = "village_id",
) -> dict[str, dict[str, dict]]:
    """{sub-area code: {group: counts}} in ONE grouped query over the per-desa totals (or,
    with field="regency_id", the per-kabupaten totals).

    Counts per group: n (targets), received, expected, stunting_status, per indicator i the
    number of Y (`y{i}`) and of TS (`s{i}`), and (child group) measured / stunted.
    """
    width = max(len(INDICATORS[g]) for g in INDICATORS)
    aggregates: dict[str, Any] = {
        "n": Sum("targets"),
        "received": Sum("received"),
        "expected": Sum("expected"),
        "stunting_status": Sum("stunting_status"),
        "measured": Sum("measured"),
        "stunted": Sum("stunted"),
    }
    for i in range(1, width + 1):
        aggregates[f"y{i}"] = Sum(f"y{i}")
        aggregates[f"s{i}"] = Sum(f"ts{i}")
    rows = (
        qs.annotate(key=Substr(field, 1, key_len))
        .values("key", "group")
        .annotate(**aggregates)
        .order_by()
    )
    out: dict[str, dict[str, dict]] = {}
    for r in rows:
        out.setdefault(r["key"], {})[r["group"]] = r
    return out


def prevalence_row(stunted: int, measured: int) -> PrevalenceRow | None:
    """The stunting line of `growth.prevalence` for pooled counts; None when nobody counts.

    `PrevalenceCounter.rows` computes percent and the Wilson interval from the pooled count
    and denominator only, so pooling the per-desa counts gives the identical figures.
    """
    if not measured:
        return None
    ci = wilson_interval(stunted, measured)
    return PrevalenceRow(
        indicator="stunting",
        group="all",
        value="all",
        count=stunted,
        denominator=measured,
        percent=100.0 * stunted / measured,
        ci_low=None if ci is None else 100.0 * ci[0],
        ci_high=None if ci is None else 100.0 * ci[1],
    )


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
    villages: QuerySet[Region],
    totals: QuerySet[VillageQuarterTotal],
    month: date,
    key_len: int,
) -> dict[str, tuple[int, int]]:
    """{sub-area code: (desa that recorded in `month`, all desa)}: two grouped queries, the
    desa of the Kemendagri list and the totals' `months_recorded` bit of the month."""
    year, quarter = month.year, (month.month - 1) // 3 + 1
    bit = month_bit(year, quarter, month)
    all_desa = (
        villages.annotate(key=Substr("code", 1, key_len))
        .values("key")
        .annotate(total=Count("pk"))
        .order_by()
    )
    recorded = (
        _recorded_totals(totals, bit)
        .annotate(key=Substr("village_id", 1, key_len))
        .values("key")
        .annotate(n=Count("pk"))
        .order_by()
    )
    got = {r["key"]: r["n"] for r in recorded}
    return {r["key"]: (got.get(r["key"], 0), r["total"]) for r in all_desa}


def regency_completeness(
    user,
    area: Region | None,
    totals: QuerySet[RegencyQuarterTotal],
    month: date,
    key_len: int,
    silent: dict[str, int] | None = None,
) -> dict[str, tuple[int, int]]:
    """`completeness` from the kabupaten totals: {sub-area code: (desa that recorded in
    `month`, all desa)}, the sums of recorded_m<month> and desa_total of the pregnancy rows
    (the same on the three rows of a kabupaten). A kabupaten of the area without a row this
    quarter (no desa of it has totals) still counts its desa in "all desa": those come from
    the region list, one grouped count queried only when such a kabupaten exists.

    `silent`, when given, is filled with {kabupaten code: desa that did not record}, for
    the kabupaten that have any (what `rollup` uses to list them cheaply)."""
    year, quarter = month.year, (month.month - 1) // 3 + 1
    m = quarter_months(year, quarter).index(month) + 1
    out: dict[str, tuple[int, int]] = {}
    have: set[str] = set()
    for regency, recorded, total in (
        totals.filter(group=PREGNANCY)
        .values_list("regency_id", f"recorded_m{m}", "desa_total")
        .order_by()
    ):
        have.add(regency)
        if silent is not None and total > recorded:
            silent[regency] = total - recorded
        got, all_desa = out.get(regency[:key_len], (0, 0))
        out[regency[:key_len]] = (got + recorded, all_desa + total)
    regencies = set(sub_regions(user, area, Level.REGENCY).values_list("code", flat=True))
    if regencies - have:
        villages = (
            sub_regions(user, area, Level.VILLAGE)
            .annotate(regency=Substr("code", 1, KEY_LENGTH[Level.REGENCY]))
            .values("regency")
            .annotate(total=Count("pk"))
            .order_by()
        )
        for r in villages:
            if r["regency"] not in have:
                if silent is not None:
                    silent[r["regency"]] = r["total"]
                got, all_desa = out.get(r["regency"][:key_len], (0, 0))
                out[r["regency"][:key_len]] = (got, all_desa + r["total"])
    return out


def _recorded_totals(totals: QuerySet[VillageQuarterTotal], bits: int) -> QuerySet:
    """One totals row per desa that recorded in every month of `bits`."""
    return totals.filter(group=PREGNANCY, months_recorded__in=masks_with(bits))


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


def months_recorded_totals(
    user, area: Region | None, year: int, quarter: int, months: list[date]
) -> dict[str, int]:
    """{desa code: number of `months` (of the quarter) with a live monthly record}, from the
    totals' `months_recorded` bits: one query, a row per desa. Same answer as
    `months_recorded` (which reads the three record tables)."""
    mask = months_mask(months, year, quarter)
    rows = (
        _totals(user, area, year, quarter)
        .filter(group=PREGNANCY)
        .values_list("village_id", "months_recorded")
        .order_by()
    )
    return {code: (bits & mask).bit_count() for code, bits in rows if bits & mask}


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
    """The table of the area's sub-areas at `level`, from the stored per-desa totals
    (`request_area_refresh` first asks the worker to bring stale ones up to date)."""
    key_len = KEY_LENGTH[level]
    month = reporting_month(year, quarter, today)
    totals = _totals(user, area, year, quarter)
    villages = sub_regions(user, area, Level.VILLAGE)
    silent_villages = villages
    if uses_regency_totals(user, key_len):
        regency_totals = _regency_totals(user, area, year, quarter)
        groups = group_totals(regency_totals, key_len, "regency_id")
        silent_by_regency: dict[str, int] = {}
        reporting = regency_completeness(
            user, area, regency_totals, month, key_len, silent_by_regency
        )
        # List only from the first kabupaten (code order) that hold MISSING_LIST_LIMIT silent
        # desa: the anti-join below then never walks kabupaten where every desa recorded
        # (at full reporting it would otherwise probe all 83,762 desa to find none).
        first: list[str] = []
        for code in sorted(silent_by_regency):
            first.append(code)
            if sum(silent_by_regency[c] for c in first) >= MISSING_LIST_LIMIT:
                break
        silent_villages = villages.filter(_under_codes("code", first)) if first else villages.none()
    else:
        groups = group_totals(totals, key_len)
        reporting = completeness(villages, totals, month, key_len)
    prevalence = {
        code: prevalence_row(g[CHILD]["stunted"] or 0, g[CHILD]["measured"] or 0)
        for code, g in groups.items()
        if CHILD in g
    }
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
    summed = _sum_groups(groups.get(r.code, {}) for r in regions)
    child = summed.get(CHILD, {})
    total = _row(
        area.code if area else "",
        area.full_name if area else "",
        summed,
        (recorded, sum(r["desa_total"] for r in rows)),
        prevalence_row(child.get("stunted", 0), child.get("measured", 0)),
    )
    # An anti-join walked in code order (NOT EXISTS on the totals' unique index per desa),
    # which PostgreSQL stops after the first MISSING_LIST_LIMIT: nationally it reads a few
    # thousand desa, not all 83,762 (a NOT IN would hash every recorded desa first).
    recorded_here = _recorded_totals(
        VillageQuarterTotal.objects.filter(year=year, quarter=quarter),
        month_bit(year, quarter, month),
    ).filter(village_id=OuterRef("code"))
    silent = (
        silent_villages.filter(~Exists(recorded_here)).select_related("parent").order_by("code")
    )
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

    One grouped query over the per-desa totals for both figures.
    Leading quarters with no data are dropped (keeping at least four) so that a kabupaten
    that started using Tikar recently gets a chart of its own quarters.
    """
    quarters = [q for q in last_quarters(year, quarter, n) if q[0] >= 2000]
    whole_regencies = area is None or area.level <= Level.PROVINCE
    if whole_regencies and uses_regency_totals(user, KEY_LENGTH[Level.PROVINCE]):
        # National or province: the kabupaten totals (their sums are the same figures).
        qs = scoped(RegencyQuarterTotal.objects.filter(year__gte=quarters[0][0]), user, "regency")
        field = "regency_id"
    else:
        qs = scoped(VillageQuarterTotal.objects.filter(year__gte=quarters[0][0]), user)
        field = "village_id"
    if area is not None:
        qs = qs.filter(under(field, area))
    pooled = {
        (r["year"], r["quarter"]): r
        for r in qs.values("year", "quarter")
        .annotate(
            received=Sum("received", filter=Q(group__in=TARGET_GROUPS)),
            expected=Sum("expected", filter=Q(group__in=TARGET_GROUPS)),
            measured=Sum("measured"),
            stunted=Sum("stunted"),
        )
        .order_by()
    }
    points = []
    for y, q in quarters:
        p = pooled.get((y, q))
        overall = prevalence_row(p["stunted"] or 0, p["measured"] or 0) if p else None
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
