"""How long the full Kemendagri region list (91,599 rows) takes to load on install.

Measures the first load into an empty table and the idempotent second run, on SQLite and,
when DATABASE_URL is set, on PostgreSQL. Run: `.venv/bin/python bench/bench_regions.py`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    tmp = tempfile.mkdtemp(prefix="tikar-bench-")
    os.environ.setdefault("TIKAR_VAR_DIR", tmp)
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tikar.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from tikar.regions.loader import load_regions
    from tikar.regions.models import Region

    if "DATABASE_URL" in os.environ:
        # A throw-away database, so the benchmark never touches real data.
        from django.test.utils import setup_databases, teardown_databases

        old = setup_databases(verbosity=0, interactive=False)
    else:
        old = None
        call_command("migrate", verbosity=0)
    try:
        for level in (4, 3, 2, 1):  # children first; a raw delete skips the per-row collector
            Region.objects.filter(level=level)._raw_delete(Region.objects.db)
        t0 = time.perf_counter()
        with transaction.atomic():
            first = load_regions(Region)
        t1 = time.perf_counter()
        with transaction.atomic():
            second = load_regions(Region)
        t2 = time.perf_counter()
        print(f"database: {connection.vendor}")
        print(f"first load:  {first.created:>6} regions created in {t1 - t0:6.2f} s")
        print(f"second load: {second.unchanged:>6} unchanged, 0 written in {t2 - t1:6.2f} s")
    finally:
        if old is not None:
            teardown_databases(old, verbosity=0)


if __name__ == "__main__":
    main()
