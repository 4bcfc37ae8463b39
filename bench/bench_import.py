"""How fast the Excel import saves a 10,000-row workbook, through the view's own code path.

Builds a workbook with openpyxl (500 households, 1,000 children, 9 monthly Formulir 2b rows per
child: 10,500 rows), imports it into a fresh throw-away database with
`tikar.workbooks.importer.import_workbook` (what the /impor/ view and the background job call:
every row validated, then the new rows written with bulk statements that do what save() /
record_month and their signals do, in one transaction), then imports it again (everything
matched, nothing written). Prints rows/s, seconds, the CPU seconds of this process (a steadier
figure than the wall clock on a busy machine) and peak memory.

Run: `.venv/bin/python bench/bench_import.py` (SQLite in a temporary directory); with
`DATABASE_URL=postgres://...` it creates and drops a throw-away PostgreSQL test database.
"""

from __future__ import annotations

import contextlib
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HOUSEHOLDS, CHILDREN, MONTHS = 500, 1000, 9


def months_before(today: date, count: int) -> list[date]:
    """The `count` months before the current one, oldest first."""
    first = today.replace(day=1)
    out = []
    for _ in range(count):
        first = (first - timedelta(days=1)).replace(day=1)
        out.append(first)
    return out[::-1]


def build_workbook(today: date) -> tuple[bytes, int]:
    from tikar.workbooks.template import build_template

    rng = random.Random(7)
    months = months_before(today, MONTHS)
    wb = build_template()
    households = wb["Rumah tangga"]
    for h in range(HOUSEHOLDS):
        households.append(
            [f"RT-{h:04d}", f"Kepala {h}", "I", "001", "002", "", "Ya", "Ya", "Tidak"]
        )
    children, visits = wb["Anak"], wb["Pemantauan 2b"]
    for ch in range(CHILDREN):
        # Born 1-12 months before the first month: under two years for all nine months.
        birth = months[0] - timedelta(days=rng.randint(30, 360))
        sex = rng.choice("LP")
        children.append(
            [f"A-{ch:05d}", f"RT-{ch % HOUSEHOLDS:04d}", f"Anak {ch}", sex, birth.isoformat()]
        )
        weight, length = 4.0 + rng.random() * 3, 55.0 + rng.random() * 8
        for month in months:
            age_months = (month - birth).days / 30.4
            visit = month + timedelta(days=rng.randint(0, 20))
            visits.append(
                [
                    f"A-{ch:05d}",
                    month.strftime("%Y-%m"),
                    visit.isoformat(),
                    None,
                    round(weight + 0.45 * age_months, 1),
                    round(length + 1.6 * age_months, 1),
                    "Terlentang",
                    None,
                    None,
                    "Tidak",
                    rng.choice(["Hijau", "Hijau", "Kuning", "Merah"]),
                    "Ya",
                    "Tidak",
                    "Tidak",
                    "Ya",
                    rng.choice(["Ya", "Tidak"]),
                    "Tidak",
                    "Ya",
                    "Ya",
                    "Tidak",
                    "Ya",
                    "Ya",
                ]
            )
    out = BytesIO()
    wb.save(out)
    return out.getvalue(), HOUSEHOLDS + CHILDREN + CHILDREN * MONTHS


def reset_peak() -> None:
    """Restart the kernel's peak-RSS count (Linux), so the migration's region load is not it."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_mib() -> float:
    """Peak resident memory since the last reset (VmHWM), else since the process started."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="tikar-bench-")
    os.environ.setdefault("TIKAR_VAR_DIR", tmp)
    # DEBUG off: with it on, Django keeps every one of the ~100,000 queries in memory.
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-only-" + "x" * 50)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tikar.settings")
    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from tikar.accounts.models import Role, User
    from tikar.households.models import Child
    from tikar.monitoring.models import ChildVisit
    from tikar.workbooks.importer import import_workbook

    if "DATABASE_URL" in os.environ:
        from django.test.utils import setup_databases, teardown_databases

        old = setup_databases(verbosity=0, interactive=False)
    else:
        old = None
        call_command("migrate", verbosity=0)
    try:
        kpm = User.objects.create(username="bench-kpm", role=Role.KPM, region_id="12.10.07.2001")
        t0 = time.perf_counter()
        content, rows = build_workbook(timezone.localdate())
        t1 = time.perf_counter()
        print(f"database: {connection.vendor}")
        print(f"workbook: {rows} rows, {len(content) / 1024:.0f} KiB, built in {t1 - t0:.1f} s")
        reset_peak()
        rss_before = peak_mib()

        t0 = time.perf_counter()
        cpu0 = time.process_time()
        first = import_workbook(BytesIO(content), kpm)
        t1 = time.perf_counter()
        assert first.saved, [f.text() for f in first.errors[:5]]
        assert Child.objects.count() == CHILDREN
        assert ChildVisit.objects.count() == CHILDREN * MONTHS
        seconds, cpu = t1 - t0, time.process_time() - cpu0
        print(
            f"first import:  {rows} rows in {seconds:6.1f} s = {rows / seconds:7.0f} rows/s "
            f"(all created; {cpu:.1f} s CPU in this process), peak RSS {peak_mib():.0f} MiB "
            f"(at start: {rss_before:.0f} MiB)"
        )

        reset_peak()
        t0 = time.perf_counter()
        again = import_workbook(BytesIO(content), kpm)
        t1 = time.perf_counter()
        assert again.saved and ChildVisit.objects.count() == CHILDREN * MONTHS
        unchanged = sum(c["unchanged"] for c in again.counts.values())
        seconds = t1 - t0
        print(
            f"re-import:     {rows} rows in {seconds:6.1f} s = {rows / seconds:7.0f} rows/s "
            f"({unchanged} unchanged, nothing written), peak RSS {peak_mib():.0f} MiB"
        )
    finally:
        if old is not None:
            teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
