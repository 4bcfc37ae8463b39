"""Real concurrency for tests: threads against the real test database (not a test module).

Each thread gets its own database connection (Django's are per thread), so N threads are N
clients; a barrier starts them together. Used by the double-tap and parallel-upload tests,
which must hold on SQLite (one writer at a time, "locked" answers in the in-memory shared-cache
test database) and on PostgreSQL (row locks, unique indexes).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import TransactionTestCase

from tikar.accounts.models import Role
from tikar.regions.models import Region
from tikar.test import BANDAR_KUMBUL, SIBARGOT, make_user


def ensure_region(code: str, name: str, level: int) -> Region:
    # The region list comes from a data migration and other tests rely on its 91,599 rows:
    # these tests never flush it (not in available_apps) and only add what might be missing.
    parent = code.rsplit(".", 1)[0] if "." in code else None
    region, _ = Region.objects.get_or_create(
        code=code, defaults={"name": name, "level": level, "parent_id": parent}
    )
    return region


def at_once(n: int, action: Callable[[int], Any], timeout: float = 120) -> tuple[list, list]:
    """Run action(0..n-1) in n threads started together; (results, exceptions)."""
    start = threading.Barrier(n)
    results: list = []
    errors: list = []

    def run(i: int) -> None:
        try:
            start.wait()
            results.append(action(i))
        except Exception as exc:  # noqa: BLE001 (reported by the caller's assertion)
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    return results, errors


def retry_locked(action: Callable[[], Any], attempts: int = 50) -> Any:
    """action(), resent while the database answers "locked".

    The in-memory SQLite test database answers "locked" at once (shared cache) where a file
    database waits for its busy timeout: resending stands in for that wait.
    """
    from django.contrib.sessions.backends.base import UpdateError

    for attempt in range(attempts):
        try:
            return action()
        except Exception as exc:
            # UpdateError: a test client's login found its session row missing, because the
            # write that made it met a lock; logging in again is what the wait would have done.
            if "locked" not in str(exc) and not isinstance(exc, UpdateError):
                raise
            time.sleep(0.02 * (attempt + 1))
    raise AssertionError("the database stayed locked")


class ConcurrentTestCase(TransactionTestCase):
    """Sari (KPM of Sibargot) and Budi (KPM of Bandar Kumbul), with committed transactions."""

    available_apps = [
        "tikar.households",
        "tikar.monitoring",
        "tikar.scorecard",
        "tikar.workbooks",
        "tikar.accounts",
        "simple_history",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
    ]

    def setUp(self) -> None:
        for code, name, level in [
            ("12", "Sumatera Utara", 1),
            ("12.10", "Kabupaten Labuhanbatu", 2),
            ("12.10.07", "Bilah Barat", 3),
            (SIBARGOT, "Sibargot", 4),
            (BANDAR_KUMBUL, "Bandar Kumbul", 4),
        ]:
            ensure_region(code, name, level)
        self.sibargot = Region.objects.get(code=SIBARGOT)
        self.sari = make_user("sari", Role.KPM, SIBARGOT)
        self.budi = make_user("budi", Role.KPM, BANDAR_KUMBUL)
