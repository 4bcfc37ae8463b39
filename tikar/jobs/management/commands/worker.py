"""`manage.py worker`: django-tasks-db's worker with crash recovery and a heartbeat.

What it adds to `manage.py db_worker` (django-tasks-db 0.13, which it runs):
- at start, and every minute, jobs left RUNNING by a dead worker are queued again
  (tikar.jobs.recovery; db_worker itself would leave them RUNNING for ever);
- a heartbeat row (jobs.WorkerBeat) every TIKAR_WORKER_BEAT_SECONDS, so workers on other
  machines can tell it is alive;
- a job interrupted by a forced stop (a second Ctrl+C / SIGTERM while it runs) goes back to
  the queue instead of being marked failed;
- prepared files older than TIKAR_EXPORT_KEEP_DAYS are removed at start and every hour.
Jobs queued while no worker runs wait as READY rows and run when it starts. `--reload` (what
`make run` uses) restarts it on code changes, as runserver does.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from argparse import BooleanOptionalAction
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import OperationalError, close_old_connections, connection
from django.utils import autoreload, timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tikar.jobs import files, recovery
from tikar.jobs.models import WorkerBeat

log = logging.getLogger("tikar.jobs")


class RecoveringWorker(Worker):
    """db_worker's Worker that puts a job stopped by a forced shutdown back in the queue."""

    def run_task(self, db_task_result: DBTaskResult) -> None:
        set_failed = db_task_result.set_failed

        def failed_or_requeued(exc: BaseException) -> None:
            if isinstance(exc, SystemExit | KeyboardInterrupt):
                # The worker is being stopped, the job did not fail: the next worker runs it.
                DBTaskResult.objects.filter(pk=db_task_result.pk).update(
                    status=TaskResultStatus.READY, started_at=None
                )
                db_task_result.status = TaskResultStatus.READY
                log.warning("job %s interrupted by shutdown: queued again", db_task_result.pk)
                return
            set_failed(exc)

        db_task_result.set_failed = failed_or_requeued  # type: ignore[method-assign]
        super().run_task(db_task_result)

    def run(self) -> None:
        """db_worker's loop, kept alive through database errors.

        db_worker catches "database is locked" only inside its claim; on SQLite the exclusive
        transaction around it can raise too (another connection held the write lock longer
        than the busy timeout: a big import), and a PostgreSQL restart raises on the next
        query. Either would end the worker with jobs waiting and nobody told. Here it logs,
        waits (1 s, doubling up to 30 s while it keeps failing) and polls again; the queue is
        in the database, so nothing is lost meanwhile.
        """
        pause = 1.0
        while self.running:
            try:
                super().run()
                return
            except OperationalError as exc:
                if not self.running:
                    return
                log.warning(
                    "worker: database unavailable (%s); polling again in %.0f s", exc, pause
                )
                close_old_connections()
                time.sleep(pause)
                pause = min(pause * 2, 30.0)


class Heart(threading.Thread):
    """Beats every few seconds; re-queues dead workers' jobs every minute; cleans files hourly."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="tikar-worker-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def run(self) -> None:
        beat = settings.TIKAR_WORKER_BEAT_SECONDS
        ticks = 0
        while not self.stopped.wait(beat):
            ticks += 1
            try:
                WorkerBeat.objects.filter(worker_id=self.worker_id).update(seen_at=timezone.now())
                if ticks % max(1, int(60 / beat)) == 0:
                    recovery.requeue_orphans()
                if ticks % max(1, int(3600 / beat)) == 0:
                    files.remove_old_files()
            except OperationalError as exc:
                # SQLite: a long job holds the write lock. A missed beat is harmless (on this
                # machine liveness is the pid; elsewhere the stale limit is minutes).
                log.debug("worker heartbeat skipped: %s", exc)
            except Exception:  # noqa: BLE001 - a fault now is no reason to stop beating
                log.exception("worker heartbeat failed")
            finally:
                close_old_connections()
        connection.close()


class Command(BaseCommand):
    help = "Run the background worker (django-tasks-db) with crash recovery."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--queue-name", default="default")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls when idle."
        )
        parser.add_argument("--batch", action="store_true", help="Run what is queued, then stop.")
        parser.add_argument("--max-tasks", type=int, default=None)
        parser.add_argument(
            "--reload",
            action=BooleanOptionalAction,
            default=False,
            help="Restart on code changes (make run); a job cut short is queued again.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["reload"]:
            # As runserver: the code runs in a child process restarted on every change; the
            # child that was stopped is a dead worker, so its job goes back to the queue.
            autoreload.run_with_reloader(self.run_worker, **options)
        else:
            self.run_worker(**options)

    def run_worker(self, **options: Any) -> None:
        level = logging.DEBUG if options["verbosity"] > 1 else logging.INFO
        for name in ("django_tasks", "django_tasks_db", "tikar.jobs"):
            logging.getLogger(name).setLevel(level)
        hostname = socket.gethostname()
        worker_id = f"{hostname[:30]}-{os.getpid()}-{get_random_string(8)}"
        WorkerBeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={"hostname": hostname, "pid": os.getpid(), "seen_at": timezone.now()},
        )
        requeued = recovery.requeue_orphans()
        files.remove_old_files()
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
        log.info(
            "worker %s started: %d job(s) waiting, %d recovered from a dead worker",
            worker_id,
            waiting,
            len(requeued),
        )
        heart = Heart(worker_id)
        heart.start()
        worker = RecoveringWorker(
            queue_names=options["queue_name"].split(","),
            interval=options["interval"],
            batch=options["batch"],
            backend_name="default",
            startup_delay=False,
            max_tasks=options["max_tasks"],
            worker_id=worker_id,
            excluded_queue_names=[],
        )
        if threading.current_thread() is threading.main_thread():
            worker.configure_signals()  # under --reload the reloader owns the signals
        try:
            worker.run()
        finally:
            heart.stopped.set()
            heart.join(timeout=5)
            WorkerBeat.objects.filter(worker_id=worker_id).delete()
            log.info("worker %s stopped", worker_id)
