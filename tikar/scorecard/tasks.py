"""The worker's scorecard job: recompute the dirty desa quarters (issue 12, item 3).

Pages never recompute (issue 12: "never inline: a worker does it"). A record save marks its
desa quarters dirty (`refresh.mark_dirty`) and asks for this job on commit; an area or desa
page marks its stale running-quarter results dirty and asks too, then shows the stored
figures with "Sedang diperbarui: N desa menunggu dihitung ulang". The worker
(`manage.py db_worker`, django-tasks' database backend) runs `refresh_dirty_quarters`, which
drains `DirtyQuarter` one desa quarter per transaction.

`request_refresh` keeps the queue short: it enqueues only when no READY run of the job is
already waiting (one queued run drains every mark, including those made after it was queued).
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)

BATCH = 200  # desa quarters claimed per batch before the job looks for newer marks


@task()
def refresh_dirty_quarters(batch: int = BATCH) -> int:
    """Recompute every dirty desa quarter, oldest mark first; returns how many were done.

    Each desa quarter is its own transaction (refresh.refresh_dirty). Two runs at once are
    safe: on PostgreSQL each claims its marks with SELECT ... FOR UPDATE SKIP LOCKED; on
    SQLite (one writer at a time) a quarter may at worst be recomputed twice, which gives
    the same rows.
    """
    from tikar.scorecard.refresh import refresh_dirty

    done = refresh_dirty(batch=batch)
    logger.info("scorecard: %s dirty desa quarters recomputed", done)
    return done


def _already_queued() -> bool:
    """True when a READY run of the job waits in django-tasks' database queue."""
    backend = refresh_dirty_quarters.get_backend()
    if type(backend).__module__.split(".")[0] != "django_tasks_db":
        return False  # immediate / dummy backends: nothing is stored
    from django_tasks_db.models import DBTaskResult

    # ready(): READY and due; served by django_tasks_db's partial index on READY rows.
    return (
        DBTaskResult.objects.ready().filter(task_path=refresh_dirty_quarters.module_path).exists()
    )


def _enqueue() -> None:
    if not _already_queued():
        refresh_dirty_quarters.enqueue()


def request_refresh(on_commit: bool = False) -> None:
    """Ask the worker to recompute the dirty quarters (unless a run is already queued).

    `on_commit=True` (record saves): enqueue once the caller's transaction commits, so the
    worker sees the marks. A page calls it outside any transaction: enqueue now.
    """
    if on_commit:
        conn = transaction.get_connection()
        # One request per transaction: an import marks thousands of desa quarters.
        if conn.in_atomic_block and any(f is _enqueue for _s, f, *_r in conn.run_on_commit):
            return
        transaction.on_commit(_enqueue)
    else:
        _enqueue()
