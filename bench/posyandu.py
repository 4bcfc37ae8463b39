"""The posyandu reports at the scale of a kabupaten: SKDN and the attention list, 300 desa.

PostgreSQL only (the figures are about a production database):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tikar_posyandu \\
        .venv/bin/python bench/posyandu.py [--desa 300] [--households 143] [--runs 20] [--keepdb]

Django's test machinery creates a throw-away database `test_<name>` (all migrations, so the
Region table holds every real desa) and drops it at the end (`--keepdb` keeps it; a second run
reuses the population). The desa are the first 300 desa of Kabupaten Banyumas (33.02), each
with three posyandu, filled by the demo population generator
(`tikar.front.demo_population`: households, pregnancies, children 0-71 months with a year
of monthly records: Formulir 2b for 0-23 months and the posyandu weighing of 24-59 months),
their WHO scores and stored N/T/O/B judgements, written with one executemany per table as
`load_demo` writes. About 150 balita (0-59 months) per desa with the default --households.

Then, with DEBUG off, median and p95 of repeated warm runs (server time, in process):

(a) `skdn_for_region` for one desa, one kecamatan and the whole kabupaten (last month);
(b) the `/skdn/` page of the kabupaten for its officer (Django test Client);
(c) `attention_for_village` (tikar.posyandu.attention_queries) for desa after desa;
(d) the data-quality report (`quality_for_region`) of the last quarter: desa, kecamatan, kabupaten.
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

REGENCY = "33.02"  # Kabupaten Banyumas: 301 desa
POSYANDU_PER_DESA = 3


def report(label: str, times: list[float]) -> str:
    line = (
        f"{label:<52} median {statistics.median(times):8.1f} ms   "
        f"p95 {percentile(times, 95):8.1f} ms   (n={len(times)})"
    )
    print(line, flush=True)
    return line


def timed(label: str, call, runs: int) -> str:
    call()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    return report(label, times)


def build(codes: list[str], households: int, today) -> None:
    from django.db import transaction

    from tikar.front import demo_population as dp
    from tikar.growth.weighing import DEFAULT_KBM_TABLE
    from tikar.regions.models import Posyandu

    Posyandu.objects.bulk_create(
        [
            Posyandu(village_id=code, name=f"Posyandu {name}", dusun=str(i + 1))
            for code in codes
            for i, name in enumerate(("Mawar", "Melati", "Anggrek")[:POSYANDU_PER_DESA])
        ]
    )
    t0 = time.perf_counter()
    counts = {"children": 0, "records": 0}
    for i, code in enumerate(codes, start=1):
        builder = dp._VillageBuilder(
            code,
            today=today,
            households=households,
            coverage=dp.Coverage(),
            seed="bench-posyandu",
            months=12,
            kpm=None,
            admin=None,
        )
        builder.build()
        dp.score_visits(builder.child_visits)
        builder.judge_visits(DEFAULT_KBM_TABLE)
        tables = builder.rows()
        counts["children"] += len(builder.children)
        counts["records"] += len(builder.child_visits)
        with transaction.atomic():
            seq = dp._take_change_seqs(sum(len(rows) for _, rows in tables))
            for model, rows in tables:
                for row in rows:
                    row.change_seq = seq
                    seq += 1
                dp._write(model, rows)
        if i % 25 == 0 or i == len(codes):
            print(
                f"  built {i}/{len(codes)} desa: {counts['children']:,} children, "
                f"{counts['records']:,} child records, {time.perf_counter() - t0:.0f} s",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desa", type=int, default=300)
    parser.add_argument("--households", type=int, default=143, help="households per desa")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keepdb", action="store_true", help="keep (and reuse) the database")
    args = parser.parse_args()

    require_postgres("posyandu.py", "tikar_posyandu")
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from tikar.accounts.models import Role, User
    from tikar.calendar import add_months
    from tikar.households.models import Child, Household
    from tikar.monitoring.models import ChildVisit
    from tikar.posyandu.skdn import is_balita_month
    from tikar.posyandu.skdn_queries import skdn_for_region
    from tikar.regions.models import Level, Region

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
        if Household.objects.filter(village_id__in=codes).exists():
            print("reusing the population of an earlier --keepdb run")
        else:
            print(f"building {len(codes)} desa of {REGENCY} ...", flush=True)
            t0 = time.perf_counter()
            build(codes, args.households, today)
            connection.cursor().execute("ANALYZE")
            print(f"built in {time.perf_counter() - t0:.0f} s")
        month = add_months(today.replace(day=1), -1)  # the last complete month
        births = Child.objects.filter(village_id__in=codes, deleted_at__isnull=True).values_list(
            "birth_date", flat=True
        )
        balita = sum(1 for b in births if is_balita_month(b, month))
        weighings = ChildVisit.objects.filter(village_id__in=codes, weighed=True).count()
        print(
            f"{len(codes)} desa, {balita:,} balita in {month:%Y-%m} "
            f"({balita / len(codes):.0f} per desa), {weighings:,} weighings in the year"
        )
        total = skdn_for_region(REGENCY, month).total.total
        print(
            f"SKDN {month:%Y-%m} of the kabupaten: S {total.s:,} K {total.k:,} D {total.d:,} "
            f"= N {total.n:,} + T {total.t:,} + O {total.o:,} + B {total.b:,}; "
            f"BGM {total.bgm:,}, 2T {total.two_t:,}"
        )
        desa, kecamatan = codes[0], codes[0][:8]
        print(f"\ntimes are the server's, warm, in process; month {month:%Y-%m}")
        lines = [
            timed(f"(a) skdn_for_region desa {desa}", lambda: skdn_for_region(desa, month),
                  args.runs),
            timed(f"(a) skdn_for_region kecamatan {kecamatan}",
                  lambda: skdn_for_region(kecamatan, month), args.runs),
            timed(f"(a) skdn_for_region kabupaten {REGENCY} ({len(codes)} desa)",
                  lambda: skdn_for_region(REGENCY, month), args.runs),
        ]  # fmt: skip
        officer, _ = User.objects.get_or_create(
            username="bench-kabupaten",
            defaults={"role": Role.REGENCY_OFFICER, "region_id": REGENCY},
        )
        client = client_for(officer)
        page = f"/skdn/?bulan={month:%Y-%m}"
        if client.get(page).status_code != 200:
            sys.exit("the /skdn/ page did not answer 200")
        lines.append(timed("(b) /skdn/ page of the kabupaten", lambda: client.get(page), args.runs))
        try:
            from tikar.posyandu.attention_queries import attention_for_village
        except ImportError:
            print("(c) tikar.posyandu.attention_queries.attention_for_village does not exist yet")
        else:
            attention_for_village(desa, today)  # warm-up
            times, items = [], 0
            sample = codes[: max(args.runs, 30)]
            for code in sample:
                t = time.perf_counter()
                items += len(attention_for_village(code, today))
                times.append((time.perf_counter() - t) * 1000)
            lines.append(report(f"(c) attention_for_village, {len(sample)} desa one by one", times))
            print(f"    {items / len(sample):.0f} items per desa on average")
        # (d) the data-quality report of the last complete quarter (E's figures, in Python).
        from tikar.posyandu.quality_queries import quality_for_region

        q_last = month
        q_first = add_months(q_last, -2)
        for label, code, level in (
            ("desa", desa, Level.VILLAGE),
            ("kecamatan", kecamatan, Level.DISTRICT),
            (f"kabupaten ({len(codes)} desa)", REGENCY, Level.REGENCY),
        ):
            lines.append(
                timed(
                    f"(d) data quality {q_first:%Y-%m}..{q_last:%Y-%m}, {label}",
                    lambda code=code, level=level: quality_for_region(
                        officer, code, level, q_first, q_last
                    ),
                    max(3, args.runs // 4),
                )
            )
        print("\nsummary:")
        for line in lines:
            print("  " + line)
    finally:
        drop_database(old, args.keepdb)


if __name__ == "__main__":
    main()
