"""Per-desa quarter totals (`VillageQuarterTotal`): computing, writing and backfilling them.

`refresh.refresh_village_quarter` calls `write_totals` with the `QuarterResult` rows it has
just built, inside its own transaction, so a desa's totals and its rows always agree. Two
extra queries per desa quarter: the months with a monthly record (three small DISTINCT
queries on the (village, month) indexes) and the latest length measurements of the desa's
children (the stunting prevalence's counts). `backfill` fills the totals of quarters computed
before the table existed (data migration 0006, `manage.py refresh_scorecards --totals`).

The area pages (`rollup`, `views_area`, lokus) read only these rows.

One level up, `RegencyQuarterTotal` sums them per kabupaten/kota (about 514 x 3 rows per
quarter) for the national and province roll-ups: `write_regency_totals` rewrites one
kabupaten quarter with one grouped INSERT ... SELECT, called by `write_totals` in the SAME
transaction as the desa's totals (rather than later in the job) so the national figures always
equal the sum of the desa ones, whoever writes a desa total (worker, command, inline
`ensure_fresh`, validated-quarter fill); it costs one small grouped query (a few hundred desa
rows) per desa refresh. `backfill_regencies` rebuilds them all in one statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from tikar.calendar import quarter_bounds, quarter_months
from tikar.regions.models import Level, Region
from tikar.scorecard.models import QuarterResult, RegencyQuarterTotal, VillageQuarterTotal
from tikar.scorecard.rules import CHILD, PAUD, PREGNANCY

GROUPS = (PREGNANCY, CHILD, PAUD)
WIDTH = 10  # indicators per row at most (Formulir 3b); y1..y10, ts1..ts10
# A child is 0-23 months while floor(age_days / 30.4375) <= 23, i.e. up to day 730
# (rollup.MAX_AGE_DAYS_0_23).
MAX_AGE_DAYS_0_23 = 730
# growth.prevalence INDICATORS: stunting is a valid length-for-age z below -2.
STUNTING_THRESHOLD = -2.0


def _monthly_models():
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit

    return (PregnancyVisit, ChildVisit, PaudRecord)


def month_bit(year: int, quarter: int, month: date) -> int:
    """The bit of `month` in `months_recorded` (1, 2 or 4); 0 for a month outside the quarter."""
    months = quarter_months(year, quarter)
    first = month.replace(day=1)
    return 1 << months.index(first) if first in months else 0


def months_mask(months: Iterable[date], year: int, quarter: int) -> int:
    """The bitmask of `months` (months outside the quarter are ignored)."""
    mask = 0
    for m in months:
        mask |= month_bit(year, quarter, m)
    return mask


def masks_with(bits: int) -> list[int]:
    """Every `months_recorded` value (0-7) that has all of `bits` set: a portable filter
    (`months_recorded__in=...`) instead of a bitwise AND in SQL."""
    return [v for v in range(8) if v & bits == bits]


def recorded_months(village_code: str, year: int, quarter: int) -> int:
    """`months_recorded` of a desa quarter: one DISTINCT month query per record table."""
    months = quarter_months(year, quarter)
    mask = 0
    for model in _monthly_models():
        found = (
            model.objects.filter(village_id=village_code, month__in=months, deleted_at__isnull=True)
            .values_list("month", flat=True)
            .distinct()
            .order_by()
        )
        mask |= months_mask(found, year, quarter)
    return mask


def measurement_counts(village_code: str, year: int, quarter: int) -> tuple[int, int]:
    """(measured, stunted) of the desa's children in the quarter, counted as the roll-up's
    prevalence always has (rollup.latest_measurements + growth.prevalence.summarize):

    each live child's latest live visit of the quarter with a length measurement at 0-23
    months (age_days <= 730); that visit must be in this desa. It enters the denominator
    when its rounded zlen is present and its WHO flag flen is 0 (a missing flag is not 0),
    and is stunted when zlen < -2. Oedema does not change length-for-age.
    """
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
    rows = (
        ChildVisit.objects.filter(
            village_id=village_code, child__deleted_at__isnull=True, **measured
        )
        .filter(pk=Subquery(latest))
        .values_list("zlen", "flen")
        .order_by()
    )
    n = stunted = 0
    for zlen, flen in rows:
        if zlen is None or flen is None or float(flen) != 0:
            continue
        n += 1
        stunted += float(zlen) < STUNTING_THRESHOLD
    return n, stunted


def build_totals(
    village_code: str,
    year: int,
    quarter: int,
    results: Iterable[tuple[str, str, int, int, bool]],
    *,
    months_recorded: int,
    measured: int,
    stunted: int,
    evaluated_through: date | None,
    computed_at=None,
) -> list[VillageQuarterTotal]:
    """The three rows (pregnancy, child, PAUD) of a desa quarter from its result rows.

    `results`: (group, cells, received, expected, is_stunting) per `QuarterResult` row. A
    cell "Y" counts in y_i, "S" (TS) in ts_i; "T" and "?" (a data problem, counted as T
    everywhere) in neither, exactly as rollup.group_totals counted SUBSTR(cells, i, 1).
    """
    computed_at = computed_at or timezone.now()
    counts: dict[str, dict[str, int]] = {g: {} for g in GROUPS}
    for group, cells, received, expected, is_stunting in results:
        c = counts[group]
        c["targets"] = c.get("targets", 0) + 1
        c["received"] = c.get("received", 0) + received
        c["expected"] = c.get("expected", 0) + expected
        if is_stunting:
            c["stunting_status"] = c.get("stunting_status", 0) + 1
        for i, ch in enumerate(cells[:WIDTH], start=1):
            if ch == "Y":
                c[f"y{i}"] = c.get(f"y{i}", 0) + 1
            elif ch == "S":
                c[f"ts{i}"] = c.get(f"ts{i}", 0) + 1
    common: dict[str, Any] = {
        "village_id": village_code,
        "year": year,
        "quarter": quarter,
        "months_recorded": months_recorded,
        "evaluated_through": evaluated_through,
        "computed_at": computed_at,
    }
    return [
        VillageQuarterTotal(
            **common,
            **counts[g],
            group=g,
            measured=measured if g == CHILD else 0,
            stunted=stunted if g == CHILD else 0,
        )
        for g in GROUPS
    ]


def write_totals(
    village_code: str,
    year: int,
    quarter: int,
    results: Iterable[tuple[str, str, int, int, bool]],
    evaluated_through: date | None,
    computed_at=None,
    *,
    regency: bool = True,
) -> list[VillageQuarterTotal]:
    """Replace the desa quarter's three total rows (call inside the refresh's transaction),
    then, unless `regency=False` (the backfill rebuilds them all at the end), its
    kabupaten's `RegencyQuarterTotal` rows of the quarter."""
    measured, stunted = measurement_counts(village_code, year, quarter)
    rows = build_totals(
        village_code,
        year,
        quarter,
        results,
        months_recorded=recorded_months(village_code, year, quarter),
        measured=measured,
        stunted=stunted,
        evaluated_through=evaluated_through,
        computed_at=computed_at,
    )
    VillageQuarterTotal.objects.filter(village_id=village_code, year=year, quarter=quarter).delete()
    VillageQuarterTotal.objects.bulk_create(rows)
    if regency:
        write_regency_totals(regency_of(village_code), year, quarter, computed_at)
    return rows


# --------------------------------------------------------------------------------------------
# Kabupaten/kota totals (RegencyQuarterTotal)

REGENCY_CODE_LENGTH = 5  # "12.10"
COUNT_COLUMNS = (
    "targets",
    "received",
    "expected",
    "stunting_status",
    *(f"y{i}" for i in range(1, WIDTH + 1)),
    *(f"ts{i}" for i in range(1, WIDTH + 1)),
    "measured",
    "stunted",
)


def regency_of(village_code: str) -> str:
    """ "12.10" for "12.10.07.2001"."""
    return village_code[:REGENCY_CODE_LENGTH]


def _regency_insert_sql(where: str) -> str:
    """INSERT ... SELECT of RegencyQuarterTotal rows grouped from the desa totals matching
    `where` (SQL on alias v). Portable (PostgreSQL and SQLite): month m's completeness counts
    the rows whose `months_recorded` is one of `masks_with(bit m)` (IN, not a bitwise AND);
    desa_total is the kabupaten's desa in the region list (a grouped count joined on its
    code, restricted by the same `where` through the caller's parameters)."""
    qn = connection.ops.quote_name
    regency_table = qn(RegencyQuarterTotal._meta.db_table)
    village_table = qn(VillageQuarterTotal._meta.db_table)
    region_table = qn(Region._meta.db_table)
    group = qn("group")
    recorded = [
        f"SUM(CASE WHEN v.months_recorded IN ({', '.join(map(str, masks_with(1 << m)))}) "
        "THEN 1 ELSE 0 END)"
        for m in range(3)
    ]
    columns = ["regency_id", "year", "quarter", "group", *COUNT_COLUMNS, "desa_total"]
    columns += ["recorded_m1", "recorded_m2", "recorded_m3"]
    columns += ["desa_computed", "through_count", "through_min", "through_max", "computed_at"]
    key = f"SUBSTR(v.village_id, 1, {REGENCY_CODE_LENGTH})"
    return (
        f"INSERT INTO {regency_table} ({', '.join(qn(c) for c in columns)}) "
        f"SELECT {key}, v.year, v.quarter, v.{group}, "
        + ", ".join(f"SUM(v.{qn(c)})" for c in COUNT_COLUMNS)
        + ", COALESCE(MAX(d.n), 0), "
        + ", ".join(recorded)
        + ", COUNT(*), COUNT(v.evaluated_through), MIN(v.evaluated_through), "
        "MAX(v.evaluated_through), %s "
        f"FROM {village_table} v LEFT JOIN (SELECT SUBSTR(code, 1, {REGENCY_CODE_LENGTH}) AS k, "
        f"COUNT(*) AS n FROM {region_table} WHERE level = {int(Level.VILLAGE)} AND code >= %s "
        f"AND code < %s GROUP BY SUBSTR(code, 1, {REGENCY_CODE_LENGTH})) d ON d.k = {key} "
        f"WHERE {where} GROUP BY {key}, v.year, v.quarter, v.{group}"
    )


def write_regency_totals(regency_code: str, year: int, quarter: int, computed_at=None) -> int:
    """Rewrite one kabupaten quarter's `RegencyQuarterTotal` rows (3, or none when no desa of
    it has totals) from its desa totals; returns the rows written. Call inside the
    transaction that changed a desa total of the kabupaten.

    On PostgreSQL a transaction-scoped advisory lock on (kabupaten, quarter) is taken first:
    two workers refreshing two desa of one kabupaten at once would otherwise each sum a
    snapshot missing the other's desa, and the later commit would keep a stale sum. With
    the lock the second waits, and its INSERT ... SELECT (a new statement, so a new
    snapshot under READ COMMITTED) sees the first one's desa. SQLite has one writer.
    """
    computed_at = computed_at or timezone.now()
    prefix = regency_code + "."
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [int(regency_code.replace(".", "")), year * 10 + quarter],
            )
        RegencyQuarterTotal.objects.filter(
            regency_id=regency_code, year=year, quarter=quarter
        ).delete()
        cursor.execute(
            _regency_insert_sql(
                "v.year = %s AND v.quarter = %s AND v.village_id >= %s AND v.village_id < %s"
            ),
            [computed_at, prefix, regency_code + "/", year, quarter, prefix, regency_code + "/"],
        )
        return cursor.rowcount


def backfill_regencies() -> int:
    """Rebuild every `RegencyQuarterTotal` row from the desa totals in one statement
    (migration 0007, `manage.py refresh_scorecards --totals`, the national benchmark after
    its sampled desa totals); returns the rows written."""
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cursor:
        RegencyQuarterTotal.objects.all().delete()
        # "0" .. "9~" covers every code (codes start with a digit).
        cursor.execute(_regency_insert_sql("1 = 1"), [timezone.now(), "0", "9~"])
        return cursor.rowcount


def totals_from_stored(
    village_code: str, year: int, quarter: int, *, regency: bool = True
) -> list[VillageQuarterTotal]:
    """Rewrite a desa quarter's totals from its STORED QuarterResult rows (no re-evaluation:
    a validated quarter keeps its validated figures). The rows' evaluated_through is kept;
    `regency` as in `write_totals`."""
    stored = list(
        QuarterResult.objects.filter(village_id=village_code, year=year, quarter=quarter)
        .values_list("group", "cells", "received", "expected", "is_stunting", "evaluated_through")
        .order_by()
    )
    through = stored[0][5] if stored else None
    return write_totals(
        village_code, year, quarter, [r[:5] for r in stored], through, regency=regency
    )


def backfill(stdout=None) -> int:
    """Totals for every desa quarter with stored results or monthly records and no totals yet,
    then every kabupaten total rebuilt (`backfill_regencies`); returns how many desa quarters
    were written. Runs once after the table is added; reads the stored rows as they are (no
    desa is re-evaluated, locked ones included).

    A desa quarter with records but no results yet (never computed) gets zero counts and
    its months; it is also marked dirty so the worker computes it.
    """
    from django.db import transaction

    from tikar.scorecard.refresh import mark_dirty

    have = set(VillageQuarterTotal.objects.values_list("village_id", "year", "quarter").distinct())
    computed = set(QuarterResult.objects.values_list("village_id", "year", "quarter").distinct())
    recorded: set[tuple[str, int, int]] = set()
    for model in _monthly_models():
        for code, month in (
            model.objects.filter(deleted_at__isnull=True)
            .values_list("village_id", "month")
            .distinct()
            .order_by()
        ):
            recorded.add((code, month.year, (month.month - 1) // 3 + 1))
    todo = sorted((computed | recorded) - have)
    for i, (code, year, quarter) in enumerate(todo, start=1):
        with transaction.atomic():
            totals_from_stored(code, year, quarter, regency=False)
            if (code, year, quarter) not in computed:
                mark_dirty(code, [(year, quarter)], request=False)
        if stdout is not None and i % 500 == 0:
            stdout.write(f"{i} / {len(todo)}")
    backfill_regencies()
    return len(todo)
