"""Server time of the KPM's monthly pages for a large desa: 1,000 targets, 18 months of records.

Builds a throw-away database (SQLite in a temporary directory, or a test database on
PostgreSQL when DATABASE_URL is set), fills one desa with the demo population generator
(`tikar.front.demo_population`, sized to about 1,000 targets), then measures with Django's
test Client, logged in as the desa's KPM (Sari), DEBUG off:

- GET  "Tugas bulan ini" (`tasks`), this month: the first page without a filter, the second
  page, a name search, a NIK search, and each filter (posyandu, dusun, form, "only not yet
  recorded", and posyandu with "not yet recorded" as a KPM at her posyandu uses it);
- GET  the monthly entry page (`record_month`) of a child 0-23 months, this month;
- POST the monthly entry page: saving that month (weight alternating, so every save writes).

Prints the median and the 95th percentile of N requests each (after a warm-up), the median
CPU time of this process per request (on SQLite that includes the database; steadier than the
wall time when other work shares the machine), the number of SQL queries of one request and
how many lines the list has. Run: `.venv/bin/python bench/bench_monthly_pages.py` (options:
--requests N, --targets N, --only-tasks for the unfiltered list and the entry page only,
--profile for a cProfile of each case instead of timings).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--targets", type=int, default=1000)
    parser.add_argument(
        "--only-tasks", action="store_true", help="tasks without filters and the entry page only"
    )
    parser.add_argument(
        "--profile", action="store_true", help="print a cProfile of each case instead of timing"
    )
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="tikar-bench-")
    os.environ["TIKAR_VAR_DIR"] = tmp
    os.environ.pop("DEBUG", None)  # production-like: no query log, cached templates
    # The test settings: production settings without the HTTPS redirect the test Client
    # would otherwise get, and without the need for a SECRET_KEY.
    os.environ["DJANGO_SETTINGS_MODULE"] = "tikar.test_settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from django.utils import timezone

    from tikar.accounts.models import User
    from tikar.calendar import add_months
    from tikar.front.demo_population import populate_village
    from tikar.households.forms import YES_NO
    from tikar.households.models import Child
    from tikar.monitoring.models import ChildVisit

    setup_test_environment()  # lets the Client's "testserver" host in
    old = None
    if "DATABASE_URL" in os.environ:
        from django.test.utils import setup_databases

        old = setup_databases(verbosity=0, interactive=False)
    else:
        call_command("migrate", verbosity=0)
    try:
        call_command("load_demo", "--no-population", stdout=open(os.devnull, "w"))  # noqa: SIM115
        village = "12.10.07.2001"  # Sibargot
        today = timezone.localdate()
        # The generator makes about 2.5 targets per household (household, pregnancy, children).
        t0 = time.perf_counter()
        summary = populate_village(village, today=today, households=round(args.targets / 2.5))
        print(f"database: {connection.vendor}")
        print(
            f"desa {summary.name}: {summary.targets} targets ({summary.households} households, "
            f"{summary.pregnancies} pregnancies, {summary.children} children), "
            f"{summary.records} monthly records, built in {time.perf_counter() - t0:.1f} s"
        )

        client = Client()
        client.force_login(User.objects.get(username="sari"))
        month = today.replace(day=1)
        # A child 0-23 months with a long history, whose record of this month exists.
        child = (
            Child.objects.filter(village_id=village)
            .filter(birth_date__gt=add_months(month, -23), birth_date__lt=add_months(month, -12))
            .filter(visits__month=month, visits__weight_kg__isnull=False)
            .order_by("birth_date")
            .first()
        )
        if child is None:
            sys.exit("no child 0-23 months with a record this month: cannot measure")
        record = ChildVisit.objects.get(child=child, month=month)
        page = reverse(
            "record_month", kwargs={"pk": child.pk, "year": month.year, "month": month.month}
        )
        yes = YES_NO[0][0]
        base = {
            "visit_date": record.visit_date.isoformat(),
            "posyandu": str(record.posyandu_id or ""),
            "length_cm": str(record.length_cm or ""),
            "measured_lying": "1",
            "growth_mat": record.growth_mat,
            "immunisation_up_to_date": yes,
            "counselling_mother": yes,
            "safe_water": yes,
            "confirm_growth": "on",  # the bench measures saving, not the warning round trip
        }
        weights = [record.weight_kg, record.weight_kg + Decimal("0.1")]

        def post(i: int):
            data = base | {"weight_kg": str(weights[i % 2])}
            return client.post(page, data)

        tasks_url = reverse("tasks")
        # Realistic filter values from the generated desa: a name fragment a KPM would type,
        # the first digits of a NIK, the posyandu and the dusun holding most targets.
        from django.db.models import Count

        from tikar.households.models import Household

        name_part = child.name.split()[0][:4]
        nik_part = (
            Child.objects.filter(village_id=village, nik__isnull=False)
            .exclude(nik="")
            .values_list("nik", flat=True)
            .first()
            or "1210"
        )[:8]
        posyandu_id = (
            Household.objects.filter(village_id=village, posyandu__isnull=False)
            .values("posyandu")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .values_list("posyandu", flat=True)
            .first()
        )
        dusun = (
            Household.objects.filter(village_id=village)
            .exclude(dusun="")
            .values("dusun")
            .annotate(n=Count("pk"))
            .order_by("-n")
            .values_list("dusun", flat=True)
            .first()
        )
        variants = [
            ("", {}),
            ("page 2", {"hal": "2"}),
            (f"search name '{name_part}'", {"cari": name_part}),
            (f"search NIK '{nik_part}'", {"cari": nik_part}),
            ("posyandu", {"posyandu": str(posyandu_id or "")}),
            ("dusun", {"dusun": dusun or ""}),
            ("form 2b", {"formulir": "2b"}),
            ("not yet recorded", {"belum": "1"}),
            ("posyandu + not yet recorded", {"posyandu": str(posyandu_id or ""), "belum": "1"}),
        ]
        if args.only_tasks:
            variants = variants[:1]

        def tasks_get(params: dict):
            return lambda i: client.get(tasks_url, params)

        cases = [
            (f"GET  tasks {label}".rstrip(), tasks_get(params)) for label, params in variants
        ] + [
            ("GET  record_month (a child, this month)", lambda i: client.get(page)),
            ("POST record_month (save the month)", post),
        ]
        for label, request in cases:
            response = request(1)  # warm-up (and a check that the page works)
            if response.status_code not in (200, 302):
                sys.exit(f"{label}: HTTP {response.status_code}")
            if label.startswith("POST") and response.status_code != 302:
                sys.exit(f"{label}: the form was not accepted (errors on the page)")
            # Counted with an execute wrapper: the Client's request_started signal empties
            # the query log that CaptureQueriesContext reads.
            queries: list[str] = []

            def count(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                request(0)
            if args.profile:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                profiler.enable()
                for i in range(args.requests):
                    request(i + 1)
                profiler.disable()
                print(f"### {label}: cProfile of {args.requests} requests")
                stats = pstats.Stats(profiler)
                stats.sort_stats("cumulative").print_stats(40)
                stats.sort_stats("tottime").print_stats(25)
                continue
            times = []
            cpu = []  # this process's CPU time: steadier than wall time on a busy machine
            for i in range(args.requests):
                t, c = time.perf_counter(), time.process_time()
                request(i + 1)
                times.append((time.perf_counter() - t) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            # How many targets the variant lists (the page shows at most one page of them).
            counts = (response.context or {}).get("counts") if response.context else None
            rows = f"{counts['total']:5d} rows" if counts else " " * 10
            print(
                f"{label:<45} median {statistics.median(times):7.1f} ms   "
                f"p95 {percentile(times, 95):7.1f} ms   cpu {statistics.median(cpu):6.1f} ms   "
                f"{len(queries):3d} queries  {rows}  "
                f"(n={args.requests})",
                flush=True,
            )
        saved = ChildVisit.objects.get(pk=record.pk)
        print(f"the record went to version {saved.version} (one per changed save)")
    finally:
        if old is not None:
            from django.test.utils import teardown_databases

            teardown_databases(old, verbosity=0)
        connection.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
