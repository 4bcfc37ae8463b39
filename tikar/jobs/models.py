"""What the background worker keeps besides django-tasks-db's own job rows.

- `ExportFile`: a file a user asked for that is too large to build inside the request (an
  XLSX of a desa's month, an area roll-up). The worker fills it, reporting progress; the user
  downloads it from `/berkas/<id>/` when it is ready. Only its owner ever sees it.
- `WorkerBeat`: one row per running worker process, touched every few seconds, so that a
  worker starting up can tell a job left RUNNING by a dead worker from one still in progress.
"""

from __future__ import annotations

from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ExportFile(models.Model):
    """A file prepared by the worker for one user.

    `progress` is 0-100; `rows_total`/`rows_done` are the rows of the file (what the progress
    counts). `path` is relative to settings.TIKAR_EXPORT_DIR. A job writes to a temporary
    name and renames, so a `ready` row always names a complete file.
    """

    QUEUED, RUNNING, READY, FAILED = "queued", "running", "ready", "failed"
    STATUSES = [
        (QUEUED, _("waiting for the worker")),
        (RUNNING, _("being prepared")),
        (READY, _("ready")),
        (FAILED, _("failed")),
    ]

    id = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The desa or area the file is about (None: the whole country); shown, and checked against
    # the owner's scope again at download, so a user moved to another region loses the file.
    region = models.ForeignKey(
        "regions.Region", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=30)  # e.g. "form_month", "rollup"
    params = models.JSONField(default=dict)
    # sha256 of (kind, params) in canonical JSON (tikar.jobs.files.params_key): what makes two
    # requests "the same file", so a double click reuses the file already being prepared.
    params_key = models.CharField(max_length=64, blank=True, default="")
    filename = models.CharField(max_length=200)  # what the browser saves it as
    content_type = models.CharField(max_length=100)
    status = models.CharField(max_length=10, choices=STATUSES, default=QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    path = models.CharField(max_length=200, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("prepared file")
        verbose_name_plural = _("prepared files")
        indexes = [
            # The clean-up's "created before N days ago" scan.
            models.Index(fields=["created_at"], name="exportfile_created"),
            # /berkas/: one user's files, newest first.
            models.Index(fields=["owner", "-created_at"], name="exportfile_owner_created"),
        ]
        constraints = [
            # At most one file of the same owner, kind and params waiting or being prepared:
            # two requests at once (a double click) get one row, the loser of the race reads
            # the winner's (tikar.jobs.files.queue_file). Its index also serves that look-up.
            models.UniqueConstraint(
                fields=["owner", "kind", "params_key"],
                condition=models.Q(status__in=["queued", "running"]),
                name="exportfile_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} {self.status} {self.progress}%"

    @property
    def full_path(self) -> Path | None:
        return Path(settings.TIKAR_EXPORT_DIR) / self.path if self.path else None

    @property
    def done(self) -> bool:
        return self.status in {self.READY, self.FAILED}


class WorkerBeat(models.Model):
    """A running worker: `manage.py worker` writes its row at start and every few seconds.

    Jobs record the worker ids that claimed them (django-tasks-db's `worker_ids`); a RUNNING
    job whose last worker has not beaten for `TIKAR_WORKER_STALE_SECONDS` died with it and is
    queued again (tikar.jobs.recovery). The primary key (the worker id) is the only look-up.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")

    def __str__(self) -> str:
        return f"{self.worker_id} {self.seen_at}"
