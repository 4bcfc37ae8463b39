"""The officers' roll-up of the rembuk (/rembuk-wilayah/) at the scale of a kabupaten of 300 desa.

PostgreSQL only (the figures are about a production database):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/tikar_rembuk \\
        .venv/bin/python bench/rembuk.py [--desa 300] [--others 6000] [--runs 20] [--keepdb]

Django's test machinery creates a throw-away database `test_<name>` (all migrations, so the
Region table holds every real desa) and drops it at the end (`--keepdb` keeps and reuses it).
The kabupaten is Banyumas (33.02): of its first 300 desa/kelurahan, 4 in 5 get a rembuk of
last year with 8 proposals each (every stage; Dana Desa or dana kelurahan, one APBD), and 2 in
3 desa their Dana Desa of this year. So that the tables are not those of one kabupaten only, `--others` villages of other
provinces get the same (about 5 % of the country's rembuk proposals with the default).

Then, with DEBUG off, median and p95 of repeated warm runs of the whole page (Django test Client,
server time in process) for: the kabupaten officer (kecamatan lines), the same with every desa
(`?tingkat=desa`), a kecamatan officer, the national administrator (provinces), and the XLSX.
Also the number of SQL queries of each page.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import client_for, require_postgres, setup_django, throwaway_database  # noqa: E402

REGENCY = "33.02"  # Kabupaten Banyumas
PROPOSALS = 8
STAGES = ["proposed", "planned", "allocated", "allocated", "realised", "rejected", "planned",
          "allocated"]  # fmt: skip


def build(codes: list[str], year: int, rng: random.Random) -> None:
    from tikar.meetings.models import Proposal, VillageMeeting
    from tikar.scorecard.models import DanaDesa

    meetings = [
        VillageMeeting(village_id=c, year=year, held_on=date(year, 6, 1 + i % 28), place="Balai")
        for i, c in enumerate(codes)
        if rng.random() < 0.8
    ]
    VillageMeeting.objects.bulk_create(meetings, batch_size=2000)
    proposals = []
    for m in VillageMeeting.objects.filter(year=year, village_id__in=codes):
        kel = m.village_id[9] == "1"
        for i in range(PROPOSALS):
            cost = rng.randrange(2, 200) * 500_000
            stage = STAGES[i]
            source = "apbd" if i == 6 else ("dana_kelurahan" if kel else "dana_desa")
            proposals.append(
                Proposal(
                    meeting=m, order=i, activity="Kegiatan", package=1 + i % 5, kind="specific",
                    estimated_cost=cost, funding_source=source, stage=stage,
                    allocated_amount=cost if stage in ("allocated", "realised") else None,
                    realised_amount=cost * 9 // 10 if stage == "realised" else None,
                )
            )  # fmt: skip
    Proposal.objects.bulk_create(proposals, batch_size=5000)
    DanaDesa.objects.bulk_create(
        [
            DanaDesa(
                village_id=c,
                year=year + 1,
                development_total=700_000_000,
                development_stunting=rng.randrange(10, 90) * 1_000_000,
                empowerment_total=150_000_000,
                empowerment_stunting=rng.randrange(0, 30) * 1_000_000,
            )  # fmt: skip
            for c in codes
            if c[9] != "1" and rng.random() < 2 / 3
        ],
        batch_size=2000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--desa", type=int, default=300)
    parser.add_argument("--others", type=int, default=6000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--keepdb", action="store_true", help="keep (and reuse) the database")
    args = parser.parse_args()

    require_postgres("rembuk.py", "tikar_rembuk")
    setup_django()
    from django.db import connection
    from django.urls import reverse

    from tikar import clock
    from tikar.accounts.models import Role, User
    from tikar.meetings.models import Proposal, VillageMeeting
    from tikar.regions.models import Level, Region

    with throwaway_database(args.keepdb):
        print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
        year = clock.today().year - 1
        villages = Region.objects.filter(level=Level.VILLAGE).order_by("code")
        codes = list(
            villages.filter(code__startswith=REGENCY + ".").values_list("code", flat=True)[
                : args.desa
            ]
        )
        if VillageMeeting.objects.filter(village_id__in=codes).exists():
            print("reusing the data of an earlier --keepdb run")
        else:
            rng = random.Random(11)
            others = list(
                villages.exclude(code__startswith="33.").values_list("code", flat=True)[
                    :: 80_000 // max(args.others, 1) or 1
                ][: args.others]
            )
            t0 = time.perf_counter()
            build(codes, year, rng)
            build(others, year, rng)
            connection.cursor().execute("ANALYZE")
            print(f"built in {time.perf_counter() - t0:.0f} s")
        print(
            f"{len(codes)} villages of {REGENCY}; in the database: "
            f"{VillageMeeting.objects.count():,} rembuk, {Proposal.objects.count():,} proposals"
        )
        district = codes[0][:8]
        users = {
            "kabupaten": User.objects.get_or_create(
                username="bench-kab", defaults={"role": Role.REGENCY_OFFICER, "region_id": REGENCY}
            )[0],
            "kecamatan": User.objects.get_or_create(
                username="bench-kec",
                defaults={"role": Role.DISTRICT_OFFICER, "region_id": district},
            )[0],
            "national": User.objects.get_or_create(
                username="bench-nat", defaults={"role": Role.NATIONAL_ADMIN}
            )[0],
        }
        base = reverse("meeting_rollup") + f"?tahun={year}"
        cases = [
            ("kabupaten, kecamatan lines", "kabupaten", base),
            ("kabupaten, every desa", "kabupaten", base + "&tingkat=desa"),
            ("kecamatan, desa lines", "kecamatan", base),
            ("national, provinces", "national", base),
            ("kabupaten, XLSX of every desa", "kabupaten", base + "&tingkat=desa&format=xlsx"),
        ]
        for label, who, path in cases:
            client = client_for(users[who])
            executed: list[str] = []

            def count(execute, sql, params, many, context, executed=executed):
                executed.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                response = client.get(path)
            assert response.status_code == 200, (label, response.status_code)
            times = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(
                f"{label:32s} median {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
                f"{len(executed)} queries"
            )


if __name__ == "__main__":
    main()
