"""Files prepared by the worker: queue one, report progress while building it, store it, clean up.

A view that would build a large file inside the request (minutes for a big area, a 502 from
the proxy) calls `queue_file(...)` with the task that builds it and redirects to the file's
page (`jobs:file`), which polls until the file is ready. The task wraps its work in
`preparing(export_id)`, which marks the row running, gives a `Progress` to report rows done,
stores the bytes under settings.TIKAR_EXPORT_DIR and marks it ready (or failed, with the
reason for the user). Tasks that build files are idempotent: running one twice (a worker killed
mid-job and the job queued again) builds the same file again and replaces the first.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from tikar.jobs.models import ExportFile

log = logging.getLogger("tikar.jobs")


ACTIVE = (ExportFile.QUEUED, ExportFile.RUNNING)


def params_key(kind: str, params: dict[str, Any]) -> str:
    """sha256 hex (64 chars) of `kind` and `params` as canonical JSON (sorted keys).

    Two requests with the same key ask for the same file (ExportFile.params_key).
    """
    text = json.dumps({"kind": kind, "params": params}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def queue_file(
    task: Any,
    *,
    owner: Any,
    region: Any,
    kind: str,
    params: dict[str, Any],
    filename: str,
    content_type: str,
    rows_total: int = 0,
) -> ExportFile:
    """The owner's file of this kind and params waiting or being prepared, else a new
    ExportFile row with `task(export_id)` (a django-tasks Task) queued for it.

    A double click, or two tabs, asking for the same file get the same row and one job (the
    attack run of issue 12 queued two). The partial unique constraint `exportfile_one_active`
    makes that hold under concurrency: of two inserts at once one fails with IntegrityError
    and reads the other's row. A ready or failed file is not reused: the data may have
    changed since, and a failed one is asked for again on purpose.
    With the immediate backend (tests) the task has run when this returns.
    """
    key = params_key(kind, params)
    same = ExportFile.objects.filter(owner=owner, kind=kind, params_key=key, status__in=ACTIVE)
    for _attempt in range(3):
        existing = same.order_by("created_at").first()
        if existing is not None:
            log.info("reusing %s %s for %s", kind, existing.pk, owner)
            return existing
        try:
            # Savepoint: the failed INSERT must not break a transaction the caller is in.
            with transaction.atomic():
                export = ExportFile.objects.create(
                    owner=owner,
                    region=region,
                    kind=kind,
                    params=params,
                    params_key=key,
                    filename=filename,
                    content_type=content_type,
                    rows_total=rows_total,
                )
        except IntegrityError:
            continue  # another request created it a moment ago: read theirs
        break
    else:  # pragma: no cover - the other row finished between our INSERT and SELECT 3 times
        raise RuntimeError(f"could not queue {kind} for {owner}")
    task.enqueue(str(export.pk))
    log.info("queued %s %s for %s (%d rows)", kind, export.pk, owner, rows_total)
    return ExportFile.objects.get(pk=export.pk)


class Progress:
    """Reports rows done to the ExportFile row, at most once a second (one UPDATE each).

    `start`..`end` is the share of the bar this phase fills (0-100); `total` rows.
    """

    def __init__(self, export_id: Any, total: int, start: int = 0, end: int = 100) -> None:
        self.export_id = export_id
        self.total = max(total, 0)
        self.start, self.end = start, end
        self._last = 0.0

    def __call__(self, done: int, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._last < 1.0:
            return
        self._last = now
        share = done / self.total if self.total else 1.0
        percent = int(self.start + (self.end - self.start) * min(share, 1.0))
        ExportFile.objects.filter(pk=self.export_id).update(
            progress=min(percent, 99), rows_done=done, rows_total=self.total
        )


class Preparing:
    """What a task builds a file with: the row and a way to say how far it is."""

    def __init__(self, export: ExportFile) -> None:
        self.export = export
        self.content: bytes = b""

    def progress(self, total: int, start: int = 0, end: int = 100) -> Progress:
        return Progress(self.export.pk, total, start, end)


@contextmanager
def preparing(export_id: str) -> Iterator[Preparing | None]:
    """Mark the file running, yield a `Preparing` (None when there is nothing to do), then store
    `prep.content` and mark it ready; on an exception mark it failed and re-raise.

    Nothing to do: the row is gone (cleaned up) or already ready (the job ran twice).
    """
    export = ExportFile.objects.filter(pk=export_id).first()
    if export is None or export.status == ExportFile.READY:
        yield None
        return
    ExportFile.objects.filter(pk=export.pk).update(
        status=ExportFile.RUNNING, progress=0, rows_done=0, error=""
    )
    prep = Preparing(export)
    try:
        yield prep
    except BaseException as exc:
        # For the administrator (the page shows the user a fixed sentence in their language);
        # the traceback goes to the worker's log and the job's row.
        ExportFile.objects.filter(pk=export.pk).update(
            status=ExportFile.FAILED, error=repr(exc)[:1000], finished_at=timezone.now()
        )
        log.exception("export %s failed: %r", export.pk, exc)
        raise
    relative = f"{export.created_at:%Y/%m}/{export.pk}{Path(export.filename).suffix}"
    target = Path(settings.TIKAR_EXPORT_DIR) / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(prep.content)
    os.replace(partial, target)  # a ready row never names a half-written file
    ExportFile.objects.filter(pk=export.pk).update(
        status=ExportFile.READY,
        progress=100,
        path=relative,
        size=len(prep.content),
        rows_done=export.rows_total if export.rows_total else 0,
        finished_at=timezone.now(),
    )


def remove_old_files(days: int | None = None) -> int:
    """Delete prepared files (rows and bytes) created more than `days` days ago.

    Default settings.TIKAR_EXPORT_KEEP_DAYS. Returns how many rows were deleted. Idempotent.
    """
    days = settings.TIKAR_EXPORT_KEEP_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    old = list(ExportFile.objects.filter(created_at__lt=cutoff).only("pk", "path"))
    for export in old:
        path = export.full_path
        if path is not None:
            path.unlink(missing_ok=True)
    ExportFile.objects.filter(pk__in=[e.pk for e in old]).delete()
    if old:
        log.info("removed %d prepared files older than %d days", len(old), days)
    return len(old)
