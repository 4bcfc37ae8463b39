"""The national-size benchmark (issue 12, item 1): a realistic country in PostgreSQL, then every
officer's area page measured on it.

One command (PostgreSQL from DATABASE_URL; `make bench-national` sets the default):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tikar_national \\
        .venv/bin/python bench/national.py [--quick] [--province 34 | --kabupaten 34.01]
        [--runs 20] [--jobs 2] [--keepdb] [--recompute 300] [--slowest 2]

It creates the throw-away database `test_<name>` with every migration (all 91,599 regions of
Kepmendagri 300.2.2-2138/2025, 83,762 desa/kelurahan) and drops it at the end (`--keepdb`
keeps it; a second run reuses the population, and an interrupted build resumes with the desa
it had not written). It never touches another database. Jobs are queued in the database as in
production (not run inline as the test settings do), and nothing here runs the worker.

What is REAL size and what is SAMPLED:

1. Real size, one province in full (default 34, DI Yogyakarta: 438 desa/kelurahan in 5
   kabupaten/kota. Chosen because it is one of the smallest provinces, with ordinary Javanese
   desa; 65 Kalimantan Utara, 482, is the alternative. Building and writing took ~9 s per desa
   per process on the 2-core machine at load 13-16 (other test runs); when that is too long,
   `--kabupaten 34.01` makes Kulon Progo, 88 desa, the real-size part). Every desa gets households, ibu hamil and
   children 0-71 months (so anak 0-23 bulan and the PAUD children 2-6 years) from the demo
   population generator (`tikar.front.demo_population`) with a year of Formulir 2a / 2b /
   2c monthly records and the posyandu weighings of 24-59 months on two posyandu per desa,
   judged N/T/O/B, each table written with one COPY per desa (the generator's `_write`, as
   `load_demo` writes: rows and their history rows, with its INSERT replaced by COPY), in
   `--jobs` processes. Density: ~170 ibu hamil + anak 0-23
   bulan per desa on average (uniformly 0.7-1.3x from desa to desa). Source of the assumption:
   issue 12's "about 13 million targets" over ~75,000 desa (13,000,000 / 75,000 = 173), which
   matches Indonesia's ~4.5 million births a year (~9 million children under two plus ~3.5
   million pregnancies at any time); the generator's PAUD children come on top. The households
   per desa are calibrated on one probe desa so the generator yields that density.
   Then every desa-quarter holding records is computed with the REAL engine,
   `tikar.scorecard.refresh.refresh_village_quarter`, in `--jobs` processes: desa-quarters per
   second of one process's busy time is the throughput of one worker. On a reused database
   only `--recompute` desa-quarters are recomputed, in one process, to measure it.
2. Sampled, every other desa of the 83,762: per-desa quarterly TOTALS, the rows the roll-ups
   read (`tikar.scorecard.models.VillageQuarterTotal`, one per desa, quarter and group), for the
   4 quarters ending with the current one, written with COPY. Plausible values, all consistent
   (counts >= 0, y_i + ts_i <= targets, received = sum y_i <= expected = sum(targets - ts_i)):
   targets per group drawn around the real province's means (Poisson, scaled per desa),
   convergence 40-95 % per desa, TS ~3 %, children measured ~75 %, stunting ~21 % (desa rate
   Beta(4.2, 15.8), SSGI 2022: 21.6 %), each month of a quarter recorded with probability 0.95
   (the running quarter only up to this month). Fields the model adds later get their default.
3. Measured with Django's test Client as the right officer, DEBUG off, warm (one warm-up, then
   `--runs` requests; median, p95, SQL queries of one request), on the last complete quarter:
   national roll-up (national administrator), the province (its officer), one kabupaten (its
   officer; by kecamatan and every desa), one kecamatan, the kabupaten's lokus ranking, one
   desa's scorecard (Formulir 4, its Admin Desa), the national roll-up as XLSX and CSV, and the
   national roll-up of the running quarter. Then the row counts, the database size, and a
   markdown table "what | measured | aim" for the README; `--slowest N` lists the N slowest
   SQL statements of each page.

`--quick` is the smoke run: one kabupaten real size (the province's smallest) instead of the
province and 3 requests each; `--desa N` and `--others N` cap the real desa and the sampled desa
(the pytest smoke test uses a tiny scale).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import (  # noqa: E402
    Timing,
    client_for,
    require_postgres,
    setup_django,
    slowest_queries,
    throwaway_database,
    timings,
)

SEED = "bench-national"
HPK_PER_DESA = 170  # ibu hamil + anak 0-23 bulan per desa (see the docstring)
POSYANDU = ("Mawar", "Melati")
# Fallback means per desa and quarter when the real part has no finished quarter to learn from.
DEFAULT_TARGETS = {"pregnancy": 45, "child": 125, "paud": 150}
INDICATOR_COUNT = {"pregnancy": 8, "child": 10, "paud": 1}


def say(text: str) -> None:
    print(text, flush=True)


def generator():
    """The demo population generator (moved from tikar.households to tikar.front, issue 12)."""
    try:
        from tikar.front import demo_population
    except ImportError:
        from tikar.households import demo_population
    return demo_population


def calendar():
    """(add_months, quarter_of): tikar.calendar, or where they lived before it (issue 12)."""
    try:
        from tikar.calendar import add_months, quarter_of
    except ImportError:
        from tikar.scorecard.evaluate import add_months
        from tikar.scorecard.refresh import quarter_of
    return add_months, quarter_of


def copy_insert(model, fields, rows) -> None:
    """The generator's `_insert` (one executemany per table) as one COPY per table.

    Same rows, same values: each value goes through the field's `get_db_prep_save` as a save
    would, except the types psycopg takes as they are; COPY is 3-4 times faster than the
    pipelined executemany on this machine, which matters at 438 desa.
    """
    from django.db import connection

    native = {"BooleanField", "CharField", "TextField", "IntegerField", "SmallIntegerField",
              "PositiveIntegerField", "PositiveSmallIntegerField", "BigIntegerField",
              "FloatField", "DateField", "UUIDField", "ForeignKey", "AutoField",
              "BigAutoField", "PositiveBigIntegerField"}  # fmt: skip
    convert = [
        None
        if f.get_internal_type() in native
        and not (f.get_internal_type() == "ForeignKey" and f.target_field.get_internal_type()
                 not in native)
        else f
        for f in fields
    ]  # fmt: skip
    qn = connection.ops.quote_name
    sql = "COPY {} ({}) FROM STDIN".format(
        qn(model._meta.db_table), ", ".join(qn(f.column) for f in fields)
    )
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(
                [
                    v if f is None or v is None else f.get_db_prep_save(v, connection)
                    for f, v in zip(convert, row, strict=True)
                ]
            )


# --------------------------------------------------------------------------------------------
# 1. The real-size part


def villages_of(prefix: str) -> list[str]:
    """Every desa/kelurahan code under `prefix` ("34", "34.71"), in code order."""
    from tikar.regions.models import Level, Region

    return list(
        Region.objects.filter(level=Level.VILLAGE, code__startswith=prefix + ".")
        .order_by("code")
        .values_list("code", flat=True)
    )


def hpk_count(builder, today: date) -> int:
    """Ibu hamil + anak 0-23 bulan (age in completed months at `today`) of a built desa."""
    add_months, _quarter_of = calendar()
    cutoff = add_months(today.replace(day=1), -23)
    children = sum(1 for c in builder.children if c.birth_date >= cutoff)
    return len(builder.pregnancies) + children


def new_builder(code: str, households: int, today: date):
    dp = generator()
    return dp._VillageBuilder(
        code,
        today=today,
        households=households,
        coverage=dp.Coverage(),
        seed=SEED,
        months=12,
        kpm=None,
        admin=None,
    )


def calibrate(code: str, today: date) -> int:
    """Households per desa for HPK_PER_DESA targets, from one probe desa (not written)."""
    probe = 100
    builder = new_builder(code, probe, today)
    builder.build()
    return max(5, round(probe * HPK_PER_DESA / max(1, hpk_count(builder, today))))


def in_parallel(func, chunks: list, jobs: int) -> list:
    """`func` over `chunks` in `jobs` forked processes (one each: `func(chunks[0])` here).

    Each process opens its own database connection (Django connects lazily after the fork;
    the parent's are closed first so that no socket is shared).
    """
    if jobs <= 1 or len(chunks) <= 1:
        return [func(c) for c in chunks]
    import multiprocessing

    from django.db import connections

    connections.close_all()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        return pool.map(func, chunks)


def _build_chunk(work: tuple[list[str], date, int, int]) -> tuple[int, int, float]:
    """Build and write the desa of one chunk; (rows, ibu hamil + anak 0-23, seconds in the
    generator). Households per desa: base x 0.7-1.3, drawn per desa (whatever the chunks)."""
    from django.db import transaction

    from tikar.growth.weighing import DEFAULT_KBM_TABLE

    codes, today, base, total = work
    dp = generator()
    dp._insert = copy_insert  # the same rows as load_demo writes, with COPY
    rows = hpk = 0
    generating = 0.0  # seconds in the generator (Python); the rest is writing
    t0 = time.perf_counter()
    for i, code in enumerate(codes, start=1):
        t1 = time.perf_counter()
        households = max(5, round(base * random.Random(f"{SEED}:{code}").uniform(0.7, 1.3)))
        builder = new_builder(code, households, today)
        builder.build()
        dp.score_visits(builder.child_visits)
        builder.judge_visits(DEFAULT_KBM_TABLE)
        hpk += hpk_count(builder, today)
        tables = builder.rows()
        generating += time.perf_counter() - t1
        n = sum(len(r) for _, r in tables)
        with transaction.atomic():  # its own short transaction: the processes never wait
            seq = dp._take_change_seqs(n)
        with transaction.atomic():
            for model, objs in tables:
                for obj in objs:
                    obj.change_seq = seq
                    seq += 1
                dp._write(model, objs)
        rows += n
        if i % 10 == 0 or i == len(codes):
            say(
                f"  a process built {i}/{len(codes)} desa (of {total}), {rows:,} rows, "
                f"{time.perf_counter() - t0:.0f} s ({generating:.0f} s generating)"
            )
    return rows, hpk, generating


def build_real(codes: list[str], today: date, jobs: int) -> dict[str, float]:
    """Fill every desa of `codes` in `jobs` processes; returns figures of the build."""
    from tikar.regions.models import Posyandu

    have = set(Posyandu.objects.filter(village_id__in=codes).values_list("village_id", flat=True))
    Posyandu.objects.bulk_create(
        [
            Posyandu(village_id=code, name=f"Posyandu {name}", dusun=str(i + 1))
            for code in codes
            if code not in have
            for i, name in enumerate(POSYANDU)
        ],
        batch_size=5000,
    )
    base = calibrate(codes[0], today)
    say(f"  {base} households per desa on average give ~{HPK_PER_DESA} ibu hamil + anak 0-23")
    t0 = time.perf_counter()
    chunks = [(codes[j::jobs], today, base, len(codes)) for j in range(jobs)]
    done = in_parallel(_build_chunk, [c for c in chunks if c[0]], jobs)
    rows = sum(d[0] for d in done)
    hpk = sum(d[1] for d in done)
    return {
        "seconds": time.perf_counter() - t0,
        "rows": rows,
        "hpk_per_desa": hpk / len(codes),
        "jobs": jobs,
    }


def real_quarters(codes: list[str]) -> list[tuple[str, int, int]]:
    """(desa, year, quarter) of every desa-quarter holding a monthly record, from the tables."""
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit

    _add_months, quarter_of = calendar()
    seen: set[tuple[str, int, int]] = set()
    for model in (PregnancyVisit, ChildVisit, PaudRecord):
        for code, month in (
            model.objects.filter(village_id__in=codes)
            .values_list("village_id", "month")
            .distinct()
            .order_by()
        ):
            seen.add((code, month.year, quarter_of(month)))
    return sorted(seen)


def _compute_chunk(todo: list[tuple[str, int, int]]) -> float:
    """refresh_village_quarter for each desa-quarter of `todo`; returns the seconds."""
    from tikar.scorecard.refresh import refresh_village_quarter

    t0 = time.perf_counter()
    for i, (code, year, quarter) in enumerate(todo, start=1):
        refresh_village_quarter(code, year, quarter)
        if i % 250 == 0:
            say(
                f"  a process computed {i}/{len(todo)} desa-quarters, {time.perf_counter() - t0:.0f} s"
            )
    return time.perf_counter() - t0


def compute_real(codes: list[str], limit: int | None = None, jobs: int = 1) -> dict[str, float]:
    """Every desa-quarter through the real engine, in `jobs` processes (workers).

    With `limit`, only that many, spread evenly over the desa-quarters (a reused database:
    the throughput of the engine as it is now, without recomputing everything).
    """
    todo = real_quarters(codes)
    if limit is not None and limit < len(todo):
        step = len(todo) / limit
        todo = [todo[int(i * step)] for i in range(limit)]
    t0 = time.perf_counter()
    # By desa, so that no two processes write the same desa.
    chunks = [[t for t in todo if hash(t[0]) % jobs == j] for j in range(jobs)]
    busy = in_parallel(_compute_chunk, [c for c in chunks if c], jobs)
    seconds = time.perf_counter() - t0
    return {
        "n": len(todo),
        "seconds": seconds,
        "per_second": len(todo) / max(seconds, 1e-9),
        # One worker's rate: its desa-quarters over its own busy time.
        "per_worker": len(todo) / max(sum(busy), 1e-9),
        "jobs": jobs,
    }


# --------------------------------------------------------------------------------------------
# 2. The sampled part


def learned_means(codes: list[str], year: int, quarter: int) -> dict[str, float]:
    """Targets per desa and group in a finished quarter of the real part (fallback: defaults)."""
    from django.db.models import Count

    from tikar.scorecard.models import QuarterResult

    counts = dict(
        QuarterResult.objects.filter(village_id__in=codes, year=year, quarter=quarter)
        .values_list("group")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {g: (counts[g] / len(codes) if counts.get(g) else d) for g, d in DEFAULT_TARGETS.items()}


def sample_totals(
    codes: list[str], quarters: list[tuple[int, int]], means: dict[str, float], today: date
) -> int:
    """COPY VillageQuarterTotal rows for every desa in `codes` and quarter; returns rows."""
    import numpy as np
    from django.db import connection
    from django.utils import timezone

    from tikar.scorecard import period
    from tikar.scorecard.models import VillageQuarterTotal

    rng = np.random.default_rng(12)
    n_desa, n_q = len(codes), len(quarters)
    size = rng.uniform(0.6, 1.4, n_desa)
    convergence = rng.uniform(0.40, 0.95, n_desa)
    stunting = rng.beta(4.2, 15.8, n_desa)
    # One row per (desa, quarter): desa-major, so index d * n_q + q.
    desa_idx = np.repeat(np.arange(n_desa), n_q)
    q_idx = np.tile(np.arange(n_q), n_desa)
    rows_n = n_desa * n_q
    # Months recorded: each elapsed month of the quarter with probability 0.95.
    elapsed = np.array([len(period.elapsed_months(y, q, today)) for y, q in quarters])
    bits = np.zeros(rows_n, dtype=np.int64)
    for m in range(3):
        present = (rng.random(rows_n) < 0.95) & (elapsed[q_idx] > m)
        bits |= present.astype(np.int64) << m
    through = [period.evaluated_through(y, q, today) for y, q in quarters]
    conv = np.clip(convergence[desa_idx] + rng.normal(0, 0.03, rows_n), 0.30, 0.99)

    fields = [f for f in VillageQuarterTotal._meta.concrete_fields if not f.primary_key]
    names = [f.column for f in fields]
    computed_at = timezone.now()
    per_group = []
    for group, k in INDICATOR_COUNT.items():
        targets = rng.poisson(means[group] * size[desa_idx])
        cols: dict[str, np.ndarray] = {"targets": targets}
        received = np.zeros(rows_n, dtype=np.int64)
        expected = np.zeros(rows_n, dtype=np.int64)
        for i in range(1, 11):
            if i > k:
                cols[f"y{i}"] = cols[f"ts{i}"] = np.zeros(rows_n, dtype=np.int64)
                continue
            ts = rng.binomial(targets, 0.03)
            p = np.clip(conv + rng.normal(0, 0.05, rows_n), 0.0, 1.0)
            y = rng.binomial(targets - ts, p)
            cols[f"y{i}"], cols[f"ts{i}"] = y, ts
            received += y
            expected += targets - ts
        cols["received"], cols["expected"] = received, expected
        if group == "child":
            measured = rng.binomial(targets, 0.75)
            stunted = rng.binomial(measured, stunting[desa_idx])
        else:
            measured = stunted = np.zeros(rows_n, dtype=np.int64)
        cols["measured"], cols["stunted"], cols["stunting_status"] = measured, stunted, stunted
        cols["months_recorded"] = bits
        per_group.append((group, {c: v.tolist() for c, v in cols.items()}))

    defaults = {f.column: f.get_default() for f in fields}
    qn = connection.ops.quote_name
    sql = "COPY {} ({}) FROM STDIN".format(
        qn(VillageQuarterTotal._meta.db_table), ", ".join(qn(c) for c in names)
    )
    written = 0
    with connection.cursor() as cursor, cursor.copy(sql) as copy:
        for group, cols in per_group:
            for r in range(rows_n):
                d, q = divmod(r, n_q)
                fixed = {
                    "village_id": codes[d],
                    "year": quarters[q][0],
                    "quarter": quarters[q][1],
                    "group": group,
                    "evaluated_through": through[q],
                    "computed_at": computed_at,
                }
                copy.write_row(
                    [
                        fixed[c] if c in fixed else cols[c][r] if c in cols else defaults[c]
                        for c in names
                    ]
                )
                written += 1
    return written


def backfill_kabupaten_totals() -> None:
    """The per-kabupaten totals (RegencyQuarterTotal) the national and province roll-ups read,
    summed from every desa total (real and sampled) as the worker keeps them; skipped when
    the model does not exist yet (an older checkout)."""
    try:
        from tikar.scorecard.totals import backfill_regencies
    except ImportError:
        return
    t0 = time.perf_counter()
    n = backfill_regencies()
    say(f"   {n:,} kabupaten total rows summed in {time.perf_counter() - t0:.1f} s")


# --------------------------------------------------------------------------------------------
# 3. Measuring


def production_tasks() -> None:
    """Jobs go to the database queue as in production, not run inline at enqueue as the test
    settings' ImmediateBackend does: a page that asks the worker for a refresh pays for one
    INSERT, never for the refresh itself (nothing here runs the worker)."""
    import importlib.util

    from django.conf import settings

    if importlib.util.find_spec("django_tasks_db") is not None:
        settings.TASKS = {
            "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
        }


def officer(username: str, role: str, region: str | None):
    from tikar.accounts.models import User

    user, _ = User.objects.get_or_create(
        username=username, defaults={"role": role, "region_id": region}
    )
    return user


def row_counts(real: list[str]) -> list[tuple[str, int | str]]:
    from django.db import connection

    from tikar.households.models import Child, Household, Pregnancy
    from tikar.monitoring.models import ChildVisit, PaudRecord, PregnancyVisit
    from tikar.regions.models import Level, Region
    from tikar.scorecard.models import QuarterResult, VillageQuarterTotal

    records = sum(m.objects.count() for m in (PregnancyVisit, ChildVisit, PaudRecord))
    totals = VillageQuarterTotal.objects.count()
    real_totals = VillageQuarterTotal.objects.filter(village_id__in=real).count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        (size,) = cursor.fetchone()
    return [
        ("desa/kelurahan in the region list", Region.objects.filter(level=Level.VILLAGE).count()),
        ("desa at real size", len(real)),
        ("households", Household.objects.count()),
        ("ibu hamil (pregnancies)", Pregnancy.objects.count()),
        ("children 0-71 months", Child.objects.count()),
        ("monthly records (2a + 2b + 2c)", records),
        ("of which posyandu weighings", ChildVisit.objects.filter(weighed=True).count()),
        ("QuarterResult rows (one per target and quarter)", QuarterResult.objects.count()),
        ("VillageQuarterTotal rows", totals),
        ("  of which computed by the engine (real desa)", real_totals),
        ("  of which sampled", totals - real_totals),
        ("database size", size),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--province", default="34", help="the province built at real size")
    parser.add_argument("--quick", action="store_true", help="one kabupaten real size, 3 runs")
    parser.add_argument("--runs", type=int, default=None, help="requests per page (20; quick 3)")
    parser.add_argument("--kabupaten", default="", help="real size: this kabupaten only")
    parser.add_argument("--desa", type=int, default=None, help="at most N desa at real size")
    parser.add_argument("--others", type=int, default=None, help="at most N sampled desa")
    parser.add_argument("--keepdb", action="store_true", help="keep (and reuse) the database")
    parser.add_argument(
        "--slowest", type=int, default=2, help="list the N slowest SQL statements of each page"
    )
    parser.add_argument(
        "--jobs", type=int, default=2, help="processes building and computing the real part"
    )
    parser.add_argument(
        "--recompute",
        type=int,
        default=300,
        help="on a reused database, desa-quarters recomputed to measure the engine (0: none)",
    )
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 20)

    require_postgres("national.py", "tikar_national")
    setup_django()
    production_tasks()
    from django.db import connection
    from django.urls import reverse

    from tikar import clock
    from tikar.accounts.models import Role
    from tikar.households.models import Household
    from tikar.regions.models import Level, Region
    from tikar.scorecard.models import VillageQuarterTotal
    from tikar.scorecard.rollup import last_quarters

    add_months, quarter_of = calendar()

    started = time.perf_counter()
    with throwaway_database(args.keepdb):
        say(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        today = clock.today()
        province = Region.objects.get(code=args.province, level=Level.PROVINCE)
        regencies = list(
            Region.objects.filter(level=Level.REGENCY, code__startswith=province.code + ".")
        )
        sizes = {r.code: len(villages_of(r.code)) for r in regencies}
        if args.kabupaten:
            scope = regency = Region.objects.get(code=args.kabupaten, level=Level.REGENCY)
        elif args.quick:
            scope = min(regencies, key=lambda r: (sizes[r.code], r.code))
            regency = scope
        else:
            scope = province
            regency = max(regencies, key=lambda r: (sizes[r.code], r.code))
        real = villages_of(scope.code)[: args.desa]
        regency_real = [c for c in real if c.startswith(regency.code + ".")]
        kecamatan = regency_real[0][:8]
        desa = regency_real[0]
        say(f"real size: {scope.full_name} ({scope.code}), {len(real)} desa; today {today}")

        figures: dict[str, object] = {}
        limit = None
        built = set(
            Household.objects.filter(village_id__in=real)
            .values_list("village_id", flat=True)
            .distinct()
            .order_by()
        )
        todo = [c for c in real if c not in built]
        if not todo:
            say("reusing the population of an earlier --keepdb run")
            if VillageQuarterTotal.objects.filter(village_id__in=real).exists():
                limit = args.recompute  # the totals exist: measure the engine on a sample
        else:
            # An interrupted --keepdb run resumes with the desa it had not written yet.
            say(f"1. building {len(todo)} desa at real size ({len(built)} already built) ...")
            figures["build"] = build_real(todo, today, args.jobs)
            connection.cursor().execute("ANALYZE")
        if limit != 0:
            say("1. computing desa-quarters with refresh_village_quarter ...")
            figures["compute"] = compute_real(real, limit, 1 if limit else args.jobs)
            c = figures["compute"]
            say(
                f"   {c['n']:,} desa-quarters in {c['seconds']:.1f} s by {c['jobs']} process(es): "
                f"{c['per_second']:.1f} desa-quarters/s, {c['per_worker']:.1f}/s per worker"
            )

        quarters = last_quarters(today.year, quarter_of(today), 4)
        real_set = set(real)
        others = [
            c
            for c in Region.objects.filter(level=Level.VILLAGE)
            .order_by("code")
            .values_list("code", flat=True)
            if c not in real_set
        ][: args.others]
        if VillageQuarterTotal.objects.exclude(village_id__in=real).exists():
            say("reusing the sampled totals of an earlier --keepdb run")
        else:
            last = add_months(today.replace(day=1), -3)
            means = learned_means(real, last.year, quarter_of(last))
            say(
                f"2. sampling totals for {len(others):,} other desa x {len(quarters)} quarters "
                f"(targets per desa: "
                + ", ".join(f"{g} {m:.0f}" for g, m in means.items())
                + ") ..."
            )
            t0 = time.perf_counter()
            n = sample_totals(others, quarters, means, today)
            backfill_kabupaten_totals()
            connection.cursor().execute("ANALYZE")
            figures["sample"] = {"rows": n, "seconds": time.perf_counter() - t0}
            say(f"   {n:,} rows with COPY in {figures['sample']['seconds']:.1f} s")

        # 3. The pages.
        last = add_months(today.replace(day=1), -3)  # in the last complete quarter
        year, quarter = last.year, quarter_of(last)
        cy, cq = today.year, quarter_of(today)
        agus = officer("bench-pusat", Role.NATIONAL_ADMIN, None)
        prov = officer("bench-provinsi", Role.PROVINCE_OFFICER, province.code)
        kab = officer("bench-kabupaten", Role.REGENCY_OFFICER, regency.code)
        kec = officer("bench-kecamatan", Role.DISTRICT_OFFICER, kecamatan)
        admin = officer("bench-admin-desa", Role.VILLAGE_ADMIN, desa)
        rollup = reverse("rollup", args=[year, quarter])
        pages = [
            ("national roll-up (38 provinces)", agus, rollup, "< 1 s"),
            (
                "national roll-up, running quarter",
                agus,
                reverse("rollup", args=[cy, cq]),
                "< 1 s",
            ),
            (f"province {province.code} roll-up", prov, rollup, "< 1 s"),
            (f"kabupaten {regency.code} roll-up, by kecamatan", kab, rollup, "< 1 s"),
            (f"kabupaten {regency.code} roll-up, every desa", kab, rollup + "?tingkat=desa", "< 1 s"),
            (f"kecamatan {kecamatan} roll-up", kec, rollup, "< 1 s"),
            (f"lokus ranking of kabupaten {regency.code}", kab, reverse("lokus", args=[year, quarter]), "< 1 s"),
            (f"desa {desa} scorecard (Formulir 4)", admin, reverse("scorecard", args=[year, quarter]), "< 0.5 s"),
            ("national roll-up export, XLSX", agus, rollup + "?format=xlsx", "< 2 s"),
            ("national roll-up export, CSV", agus, rollup + "?format=csv", "< 2 s"),
        ]  # fmt: skip
        say(
            f"\n3. pages of quarter {quarter} {year} (running: {cq} {cy}); Django test Client, "
            f"DEBUG off, server time in process, warm, {runs} requests each"
        )
        measured: list[tuple[str, Timing, str, int]] = []
        for label, user, url, aim in pages:
            client = client_for(user)
            first = time.perf_counter()
            response = client.get(url)
            first_ms = (time.perf_counter() - first) * 1000
            if response.status_code != 200:
                sys.exit(f"{label}: {url} answered HTTP {response.status_code}")
            t = timings(lambda c=client, u=url: c.get(u), runs, count_queries=True)
            measured.append((label, t, aim, len(response.content)))
            say(
                f"  {label:<52} median {t.median:8.1f} ms  p95 {t.p95:8.1f} ms  "
                f"{t.queries:3d} queries  (first request {first_ms:,.0f} ms, "
                f"{len(response.content):,} bytes)"
            )
            if args.slowest:
                for ms, sql in slowest_queries(lambda c=client, u=url: c.get(u), args.slowest):
                    say(f"      {ms:8.1f} ms  {sql[:160]}")

        csv = client_for(agus).get(rollup + "?format=csv").content.decode("utf-8-sig")
        head, *_rows, total = [line for line in csv.splitlines() if line]
        say("\nthe nation's total line of the CSV (a sanity check of the sampled figures):")
        for key, value in list(zip(head.split(";"), total.split(";"), strict=False))[:16]:
            say(f"  {key:<32} {value}")

        counts = row_counts(real)
        say("\nrow counts:")
        for label, value in counts:
            say(
                f"  {label:<50} {value:>14,}"
                if isinstance(value, int)
                else f"  {label:<50} {value:>14}"
            )

        say("\n| what | measured | aim |\n|---|---|---|")
        if "build" in figures:
            b = figures["build"]
            say(
                f"| build {len(todo)} desa of {scope.full_name} at real size "
                f"({b['hpk_per_desa']:.0f} ibu hamil + anak 0-23 per desa, a year of records) "
                f"| {b['rows']:,} rows in {b['seconds']:.0f} s by {b['jobs']} process(es) "
                f"({b['rows'] / b['seconds']:,.0f} rows/s) | - |"
            )
        if "compute" in figures:
            c = figures["compute"]
            say(
                f"| worker: `refresh_village_quarter`, {c['n']:,} desa-quarters "
                f"| {c['per_worker']:.1f} desa-quarters/s per worker ({c['jobs']} process(es), "
                f"{c['seconds']:.0f} s in all) "
                f"| 83,762 desa-quarters in < 1 h: >= 23.3/s per worker |"
            )
        if "sample" in figures:
            s = figures["sample"]
            say(
                f"| sampled totals, {len(others):,} desa x {len(quarters)} quarters x 3 groups, COPY "
                f"| {s['rows']:,} rows in {s['seconds']:.0f} s | - |"
            )
        for label, t, aim, _size in measured:
            say(
                f"| {label} | median {t.median:,.0f} ms, p95 {t.p95:,.0f} ms, "
                f"{t.queries} queries | {aim} |"
            )
        count = dict(counts)
        say(
            f"| database size: {count['desa at real size']:,} desa at real size "
            f"({count['monthly records (2a + 2b + 2c)']:,} monthly records, "
            f"{count['QuarterResult rows (one per target and quarter)']:,} QuarterResult rows), "
            f"{count['VillageQuarterTotal rows']:,} VillageQuarterTotal rows "
            f"| {count['database size']} | - |"
        )
        say(f"\nwhole run {time.perf_counter() - started:.0f} s (database dropped unless --keepdb)")


if __name__ == "__main__":
    main()
