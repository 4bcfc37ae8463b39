"""What every PostgreSQL benchmark in bench/ shares: the DATABASE_URL check, Django set up as in
production (DEBUG off), a throw-away database, a logged-in test Client, and timing.

    from harness import require_postgres, setup_django, throwaway_database, timings

`throwaway_database()` is Django's test-runner machinery: it creates `test_<name of
DATABASE_URL>` with every migration (so the Region table holds all 91,599 regions) and drops it
on exit unless `keepdb`; it never touches another database.
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def require_postgres(script: str, default_name: str) -> str:
    """The DATABASE_URL, or exit with the command to run when it is not PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit(
            "This benchmark measures PostgreSQL: set DATABASE_URL, e.g.\n"
            f"  DATABASE_URL=postgres://postgres@127.0.0.1:5432/{default_name} "
            f".venv/bin/python bench/{script}\n"
            "(a throw-away database test_<name> is created and dropped)."
        )
    return url


def setup_django() -> None:
    """Django with the test settings but production behaviour: DEBUG off (no query log, cached
    templates), INFO logging silenced so the figures are not interleaved with log lines."""
    os.environ.pop("DEBUG", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tikar.test_settings"
    import django

    django.setup()
    logging.disable(logging.INFO)


def create_database(keepdb: bool = False) -> list:
    """Create (or with `keepdb` reuse) test_<name> with every migration; returns what
    `drop_database` needs."""
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()  # lets the Client's "testserver" host in
    # serialized_aliases=(): no copy of the whole database into memory (the test runner's
    # TransactionTestCase emulation), which on a kept national database takes minutes.
    return setup_databases(verbosity=0, interactive=False, keepdb=keepdb, serialized_aliases=())


def drop_database(old: list, keepdb: bool = False) -> None:
    """Drop test_<name> unless `keepdb`, and close the connection."""
    from django.db import connection
    from django.test.utils import teardown_databases

    if not keepdb:
        teardown_databases(old, verbosity=0)
    connection.close()


@contextmanager
def throwaway_database(keepdb: bool = False) -> Iterator[None]:
    """Create (or with `keepdb` reuse) test_<name>, yield, then drop it unless `keepdb`."""
    old = create_database(keepdb)
    try:
        yield
    finally:
        drop_database(old, keepdb)


def client_for(user):
    """A Django test Client logged in as `user` (no password round trip)."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


def percentile(values: list[float], p: float) -> float:
    """The nearest-rank p-th percentile of `values` (p in 0-100)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass
class Timing:
    """Milliseconds of `runs` warm calls; `queries` is the SQL count of one call (or None)."""

    median: float
    p95: float
    runs: int
    queries: int | None = None


def timings(call: Callable[[], object], runs: int, count_queries: bool = False) -> Timing:
    """Time `runs` calls of `call` after one warm-up call (server time, in process).

    With `count_queries`, one extra call is made under CaptureQueriesContext (which works with
    DEBUG off) to count its SQL statements.
    """
    call()  # warm-up: caches, and a first view that may still compute something
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        call()
        times.append((time.perf_counter() - t) * 1000)
    queries = None
    if count_queries:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            call()
        queries = len(ctx.captured_queries)
    return Timing(statistics.median(times), percentile(times, 95), runs, queries)


def slowest_queries(call: Callable[[], object], n: int = 3) -> list[tuple[float, str]]:
    """(milliseconds, SQL on one line) of the `n` slowest statements of one `call`."""
    from django.db import connection

    queries: list[tuple[float, str]] = []

    def clock(execute, sql, params, many, context):
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter() - t) * 1000, " ".join(sql.split())))

    with connection.execute_wrapper(clock):
        call()
    return sorted(queries, key=lambda q: -q[0])[:n]
