"""A real worker for tests (not a test module): `manage.py worker` as a subprocess.

`WorkerTestCase` commits (TransactionTestCase) and switches TASKS to the database backend, so
jobs are rows the worker process can read. On PostgreSQL the worker connects to the test
database itself. On SQLite the test database lives in memory, which another process cannot
open: each test copies it to a file (sqlite3's backup API, well under a second) and points
both this process and the worker at that file; the in-memory database is left untouched.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection, connections
from django.test import TransactionTestCase, override_settings

from tikar.accounts.models import Role
from tikar.regions.models import Region
from tikar.test import BANDAR_KUMBUL, SIBARGOT, make_user

ROOT = Path(__file__).resolve().parents[3]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def wait_until(condition: Callable[[], Any], timeout: float = 30, what: str = "") -> Any:
    """Poll `condition` every 0.1 s until it is truthy (returned) or fail after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or condition}")


class WorkerTestCase(TransactionTestCase):
    """Sari (KPM of Sibargot) and Budi (KPM of Bandar Kumbul), a file database, a worker."""

    # Flushed after each test (on PostgreSQL; on SQLite the file is thrown away). Regions
    # come from a data migration that other tests rely on: never flushed.
    available_apps = [
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django.contrib.sessions",
        "simple_history",
        "axes",
        "django_tasks_db",
        "tikar.accounts",
        "tikar.jobs",
        "tikar.households",
        "tikar.monitoring",
        "tikar.scorecard",
        "tikar.workbooks",
        "tikar.sync",
    ]

    def setUp(self) -> None:
        super().setUp()
        self.tmp = Path(tempfile.mkdtemp(prefix="tikar-worker-"))
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.exports = self.tmp / "exports"
        self.workers: list[subprocess.Popen] = []
        self.addCleanup(self.stop_workers)
        if connection.vendor == "sqlite":
            self._use_file_database()
        settings_ = override_settings(TASKS=DB_TASKS, TIKAR_EXPORT_DIR=self.exports)
        settings_.enable()
        self.addCleanup(settings_.disable)
        self.sibargot = Region.objects.get(code=SIBARGOT)
        self.sari = make_user("sari", Role.KPM, SIBARGOT)
        self.budi = make_user("budi", Role.KPM, BANDAR_KUMBUL)

    def _use_file_database(self) -> None:
        path = self.tmp / "db.sqlite3"
        memory = connections["default"]
        memory.ensure_connection()
        target = sqlite3.connect(path)
        memory.connection.backup(target)
        target.close()
        settings_dict = dict(memory.settings_dict, NAME=str(path))
        settings_dict["OPTIONS"] = {
            k: v for k, v in settings_dict.get("OPTIONS", {}).items() if k != "uri"
        }
        file_db = type(memory)(settings_dict, alias="default")
        connections["default"] = file_db

        def restore() -> None:
            file_db.close()
            connections["default"] = memory

        self.addCleanup(restore)
        self.database_url = f"sqlite:///{path}"

    def database_url_for_worker(self) -> str:
        if connection.vendor == "sqlite":
            return self.database_url
        s = connection.settings_dict
        auth = quote(s["USER"] or "") + (f":{quote(s['PASSWORD'])}" if s["PASSWORD"] else "")
        return f"postgres://{auth}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"

    def start_worker(self, **env: str) -> subprocess.Popen:
        """`manage.py worker` on the test database; its output goes to a log in self.tmp."""
        environment = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="tikar.settings",
            DATABASE_URL=self.database_url_for_worker(),
            TIKAR_TESTING="1",
            TIKAR_VAR_DIR=str(self.tmp),
            TIKAR_EXPORT_DIR=str(self.exports),
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            TIKAR_WORKER_BEAT_SECONDS="1",
            **env,
        )
        log = open(self.tmp / f"worker-{len(self.workers)}.log", "w")  # noqa: SIM115
        self.addCleanup(log.close)
        worker = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "worker", "--interval", "0.2"],
            env=environment,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.workers.append(worker)
        return worker

    def worker_log(self) -> str:
        return "\n".join(p.read_text() for p in sorted(self.tmp.glob("worker-*.log")))

    def stop_workers(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()
