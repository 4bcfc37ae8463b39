"""Scorecards at the scale of a kabupaten: 300 desa, 60,000 targets, 12 months of records.

PostgreSQL only (the figures are about a production database):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tikar_scale \\
        .venv/bin/python bench/bench_scorecard_scale.py [--desa 300] [--targets 60000] [--keepdb]

Django's test runner machinery creates a throw-away database `test_<name>` (all migrations, so
the Region table holds every real desa) and drops it at the end (`--keepdb` keeps it, and a
second run then skips the build). The desa are the first 300 desa of Kabupaten Banyumas
(33.02, 301 desa). Each is filled by the demo population generator
(`tikar.front.demo_population`: households, pregnancies, children 0-71 months and their
Formulir 2a / 2b / 2c records), written with one executemany per table and one block of
change_seq numbers, as `load_demo` writes; the records of the current month are held back for
measurement (c). Then, with DEBUG off and Django's test Client (server time, in process):

(a) one desa's scorecard page (`scorecard`, last complete quarter), warm, as its Admin Desa;
(b) the kabupaten roll-up page (`rollup`, same quarter), warm, as the kabupaten officer, by
    kecamatan and with every desa (`?tingkat=desa`); the slowest SQL statements of one request
    are listed with EXPLAIN ANALYZE of the slowest;
(c) a month of new records for every target (the held-back month) inserted, the quarters marked
    dirty, and `refresh_dirty()` timed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    client_for,
    create_database,
    drop_database,
    percentile,
    require_postgres,
    setup_django,
)

REGENCY = "33.02"  # Kabupaten Banyumas: 301 desa (one of the few kabupaten with 300 or more)


def timed(label: str, request, runs: int) -> None:
    response = request()  # warm-up: the first view of a quarter may recompute it
    if response.status_code != 200:
        sys.exit(f"{label}: HTTP {response.status_code}")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        request()
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"{label:<46} median {statistics.median(times):8.1f} ms   "
        f"p95 {percentile(times, 95):8.1f} ms   (n={runs})"
    )


def slowest_queries(request, explain: bool) -> None:
    """The slowest SQL statements of one request, and the plan of the slowest."""
    from django.db import connection

    queries: list[tuple[float, str, object]] = []

    def clock(execute, sql, params, many, context):
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - t) * 1000, sql, params))

    with connection.execute_wrapper(clock):
        request()
    total = sum(q[0] for q in queries)
    print(f"    {len(queries)} queries, {total:.1f} ms in the database; the slowest:")
    ranked = sorted(queries, key=lambda q: -q[0])
    for ms, sql, _params in ranked[:4]:
        print(f"    {ms:7.1f} ms  {' '.join(sql.split())[:150]}")
    if explain and ranked:
        _ms, sql, params = ranked[0]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            print("    EXPLAIN ANALYZE of the slowest:")
            for (line,) in cursor.fetchall():
                print("      " + line)


def build(codes: list[str], targets: int, today) -> dict:
    """Fill the desa; returns the held-back records of the current month per model."""
    from django.db import transaction

    from tikar.calendar import quarter_of
    from tikar.front import demo_population as dp
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
    from tikar.scorecard.refresh import mark_dirty

    # The generator makes about 2.44 targets per household (the household, its pregnancies
    # and children): measured on this kabupaten with the bench seed.
    households = max(1, round(targets / len(codes) / 2.44))
    monthly = (PregnancyVisit, ChildVisit, PaudRecord)
    held: dict[type, list] = {m: [] for m in monthly}
    counts = {"targets": 0, "records": 0}
    t0 = time.perf_counter()
    this_month = today.replace(day=1)
    for i, code in enumerate(codes, start=1):
        builder = dp._VillageBuilder(
            code,
            today=today,
            households=households,
            coverage=dp.Coverage(),
            seed="bench-scale",
            months=12,
            kpm=None,
            admin=None,
        )
        builder.build()
        dp.score_visits(builder.child_visits)
        tables = []
        for model, rows in builder.rows():
            if model in monthly:
                held[model] += [r for r in rows if r.month == this_month]
                rows = [r for r in rows if r.month < this_month]
                counts["records"] += len(rows)
            else:
                counts["targets"] += len(rows) if model.__name__ != "Mother" else 0
            tables.append((model, rows))
        with transaction.atomic():
            seq = dp._take_change_seqs(sum(len(rows) for _, rows in tables))
            for model, rows in tables:
                for row in rows:
                    row.change_seq = seq
                    seq += 1
                dp._write(model, rows)
            mark_dirty(code, {(m.year, quarter_of(m)) for m in builder.months[:-1]})
        if i % 25 == 0 or i == len(codes):
            print(
                f"  built {i}/{len(codes)} desa: {counts['targets']:,} targets, "
                f"{counts['records']:,} records, {time.perf_counter() - t0:.0f} s",
                flush=True,
            )
    return held


def insert_month(held: dict) -> int:
    """Insert the held-back month (one change_seq block) and mark its quarters dirty."""
    from django.db import transaction

    from tikar.front import demo_population as dp
    from tikar.scorecard.refresh import mark_dirty, quarters_touched

    n = sum(len(rows) for rows in held.values())
    with transaction.atomic():
        seq = dp._take_change_seqs(n)
        dirty: dict[str, set] = {}
        for model, rows in held.items():
            for row in rows:
                row.change_seq = seq
                seq += 1
                kind = {"pregnancyvisit": "2a", "childvisit": "2b"}.get(model._meta.model_name)
                birth = row.child.birth_date if kind == "2b" else None
                dirty.setdefault(row.village_id, set()).update(
                    quarters_touched(kind or "2c", row.month, birth)
                )
            dp._write(model, rows)
        # What the post_save signal of each record would have marked.
        for code, quarters in dirty.items():
            mark_dirty(code, quarters)
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desa", type=int, default=300)
    parser.add_argument("--targets", type=int, default=60_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--keepdb", action="store_true", help="keep (and reuse) the database")
    args = parser.parse_args()

    require_postgres("bench_scorecard_scale.py", "tikar_scale")
    setup_django()  # production-like: DEBUG off (no query log, cached templates)
    from django.db import connection
    from django.urls import NoReverseMatch, reverse
    from django.utils import timezone

    from tikar.accounts.models import Role, User
    from tikar.calendar import add_months, quarter_of
    from tikar.households.models import Child, Household, Pregnancy
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
    from tikar.regions.models import Level, Region
    from tikar.scorecard.models import DirtyQuarter, QuarterResult
    from tikar.scorecard.refresh import refresh_dirty

    old = create_database(args.keepdb)
    try:
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        today = timezone.localdate()
        codes = list(
            Region.objects.filter(level=Level.VILLAGE, code__startswith=REGENCY + ".")
            .filter(code__regex=r"\.2[0-9]{3}$")  # desa, not kelurahan
            .order_by("code")
            .values_list("code", flat=True)[: args.desa]
        )
        held = None
        if Household.objects.filter(village_id__in=codes).exists():
            print("reusing the population of an earlier --keepdb run; (c) is skipped")
        else:
            print(f"building {len(codes)} desa of {REGENCY}, about {args.targets:,} targets ...")
            t0 = time.perf_counter()
            held = build(codes, args.targets, today)
            connection.cursor().execute("ANALYZE")
            print(f"built in {time.perf_counter() - t0:.0f} s")
        n_targets = (
            Household.objects.filter(village_id__in=codes).count()
            + Pregnancy.objects.filter(village_id__in=codes).count()
            + Child.objects.filter(village_id__in=codes).count()
        )
        n_records = sum(
            m.objects.filter(village_id__in=codes).count()
            for m in (PregnancyVisit, ChildVisit, PaudRecord)
        )
        print(f"{len(codes)} desa, {n_targets:,} targets, {n_records:,} monthly records")

        dirty = DirtyQuarter.objects.count()
        t0 = time.perf_counter()
        done = refresh_dirty()
        if done:
            print(
                f"first refresh of every desa quarter: {done} of {dirty} dirty quarters in "
                f"{time.perf_counter() - t0:.1f} s, "
                f"{QuarterResult.objects.count():,} QuarterResult rows"
            )
            connection.cursor().execute("ANALYZE")

        last = add_months(today.replace(day=1), -3)  # the last complete quarter
        year, quarter = last.year, quarter_of(last)
        regency_officer, _ = User.objects.get_or_create(
            username="bench-kabupaten", defaults={"role": Role.REGENCY_OFFICER,
                                                  "region_id": REGENCY},
        )  # fmt: skip
        admin, _ = User.objects.get_or_create(
            username="bench-admin-desa",
            defaults={"role": Role.VILLAGE_ADMIN, "region_id": codes[0]},
        )
        print(f"\nquarter {quarter} {year}; times are the server's (Django test Client)")

        desa = client_for(admin)
        page = reverse("scorecard", args=[year, quarter])
        timed(f"(a) desa scorecard {codes[0]}", lambda: desa.get(page), args.runs)
        slowest_queries(lambda: desa.get(page), explain=False)

        try:
            rollup = reverse("rollup", args=[year, quarter])
        except NoReverseMatch:
            rollup = None
        kab = client_for(regency_officer)
        if rollup is None:
            print("(b) the roll-up page (URL name 'rollup') does not exist in this tree")
        else:
            timed("(b) kabupaten roll-up, by kecamatan", lambda: kab.get(rollup), args.runs)
            slowest_queries(lambda: kab.get(rollup), explain=True)
            all_desa = rollup + "?tingkat=desa"
            timed("(b) kabupaten roll-up, every desa", lambda: kab.get(all_desa), args.runs)
            slowest_queries(lambda: kab.get(all_desa), explain=False)

        if held is not None:
            t0 = time.perf_counter()
            n = insert_month(held)
            inserted = time.perf_counter() - t0
            dirty = DirtyQuarter.objects.count()
            t0 = time.perf_counter()
            done = refresh_dirty()
            seconds = time.perf_counter() - t0
            print(
                f"(c) a month of new records: {n:,} inserted in {inserted:.1f} s; "
                f"refresh_dirty(): {done} of {dirty} dirty desa quarters in {seconds:.1f} s "
                f"({seconds / max(done, 1) * 1000:.0f} ms per desa quarter)"
            )
    finally:
        drop_database(old, args.keepdb)


if __name__ == "__main__":
    main()
