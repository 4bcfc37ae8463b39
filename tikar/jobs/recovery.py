"""Jobs left RUNNING by a dead worker go back to the queue.

django-tasks-db (0.13) marks a job RUNNING when a worker claims it and SUCCESSFUL or FAILED when
it ends; a worker killed in between (SIGKILL, out of memory, the machine rebooted) leaves the row
RUNNING for ever and nothing runs it again (db_worker.py only picks READY rows). `manage.py
worker` therefore calls `requeue_orphans()` when it starts and every minute while it runs.

Which worker is dead: every `manage.py worker` keeps a `WorkerBeat` row (hostname, pid, seen
every few seconds). A job's last claiming worker is dead when
- it ran on this machine and its process no longer exists (exact, at once: a restart after a
  crash recovers the job immediately), or
- it ran on another machine and has not beaten for settings.TIKAR_WORKER_STALE_SECONDS, or
- it has no beat row at all (a plain `db_worker`, or its row was removed) and the job started
  more than settings.TIKAR_JOB_MAX_MINUTES ago.
Every job Tikar queues is idempotent, so running one again after a crash is safe.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tikar.jobs.models import WorkerBeat

log = logging.getLogger("tikar.jobs")


def process_alive(pid: int) -> bool:
    """Whether process `pid` exists on this machine and is not a zombie (Linux /proc)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def worker_dead(beat: WorkerBeat | None, started_at, now) -> bool:
    """Whether the worker of a RUNNING job (its beat row, or None) is gone; see the module."""
    if beat is None:
        return started_at is None or started_at < now - timedelta(
            minutes=settings.TIKAR_JOB_MAX_MINUTES
        )
    if beat.hostname == socket.gethostname():
        return not process_alive(beat.pid)
    return beat.seen_at < now - timedelta(seconds=settings.TIKAR_WORKER_STALE_SECONDS)


def requeue_orphans() -> list[str]:
    """Put RUNNING jobs of dead workers back to READY; forget dead workers' beats.

    Returns the ids of the jobs queued again. Safe to run from several workers at once: each
    job goes back with a conditional UPDATE (still RUNNING, same start), so only one wins.
    """
    now = timezone.now()
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).only(
            "id", "worker_ids", "started_at", "task_path"
        )
    )
    beats = {b.worker_id: b for b in WorkerBeat.objects.all()}
    requeued: list[str] = []
    for job in running:
        last = job.worker_ids[-1] if job.worker_ids else None
        if not worker_dead(beats.get(last), job.started_at, now):
            continue
        changed = DBTaskResult.objects.filter(
            pk=job.pk, status=TaskResultStatus.RUNNING, started_at=job.started_at
        ).update(status=TaskResultStatus.READY, started_at=None)
        if changed:
            requeued.append(str(job.pk))
            log.warning(
                "job %s (%s) was left running by dead worker %s: queued again",
                job.pk,
                job.task_path,
                last,
            )
    dead = [w for w, b in beats.items() if worker_dead(b, b.started_at, now)]
    if dead:
        WorkerBeat.objects.filter(worker_id__in=dead).delete()
    return requeued
