"""The real worker outlives a database it cannot reach for a while (SQLite held by a big write)."""

from __future__ import annotations

import sqlite3
import threading
import time
import unittest

from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tikar.jobs.tests.live import WorkerTestCase, wait_until
from tikar.jobs.tests.worker_tasks import add


class WorkerDatabaseBusyTests(WorkerTestCase):
    def test_it_keeps_polling_after_the_write_lock_was_held_longer_than_the_busy_timeout(
        self,
    ) -> None:
        if connection.vendor != "sqlite":
            raise unittest.SkipTest("the write lock held by another connection is SQLite's")
        worker = self.start_worker()
        wait_until(lambda: "started" in self.worker_log(), 60, "the worker to start")

        # A big import in the web process holds SQLite's one write lock for 7 s, longer than
        # the 5 s busy timeout: the worker's poll fails with "database is locked".
        path = self.database_url_for_worker().removeprefix("sqlite:///")
        held = threading.Event()

        def hold_the_lock() -> None:
            other = sqlite3.connect(path, isolation_level=None, timeout=30)
            other.execute("BEGIN IMMEDIATE")
            held.set()
            time.sleep(7)
            other.execute("COMMIT")
            other.close()

        holder = threading.Thread(target=hold_the_lock)
        holder.start()
        held.wait(10)
        holder.join(30)
        wait_until(lambda: "database unavailable" in self.worker_log(), 30, "the worker's warning")

        result = add.enqueue(2, 3)
        wait_until(
            lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL,
            60,
            "the job after the lock was released",
        )
        self.assertIsNone(worker.poll(), "the worker stopped")
