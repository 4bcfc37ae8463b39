"""What the import remembers: the user's keys for targets, and each import's report."""

from __future__ import annotations

from uuid import uuid4

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tikar.regions.models import Level, Region


class ImportKey(models.Model):
    """A key the user wrote in a workbook ("RT-001", "A-001") and the target it names.

    Households have no natural key and children often have no NIK yet, so a re-import of the
    same file can only find what it created through the keys it was given. Server-side only:
    the phones never see these rows.
    """

    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.VILLAGE},
    )
    kind = models.CharField(max_length=20)  # Target.KIND: household | child
    key = models.CharField(max_length=100)
    target_id = models.UUIDField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("import key")
        verbose_name_plural = _("import keys")
        constraints = [
            models.UniqueConstraint(fields=["village", "kind", "key"], name="importkey_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.village_id} {self.kind} {self.key}"


class ImportLock(models.Model):
    """One row per desa that an import locks before it reads what the desa has.

    An import matches its rows to the desa's register, then saves what is new. Two uploads of
    one file at the same moment would both find nothing and both create everything (issue 8:
    five uploads stored five copies), so each import of a desa first takes this row's lock
    (an UPDATE: a row lock on PostgreSQL, the database's write lock on SQLite) and keeps it
    until its transaction ends; the next one then finds the first one's records. Created on
    a desa's first import. Serves only that lock (the primary key is the look-up).
    """

    village = models.OneToOneField(
        Region,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        limit_choices_to={"level": Level.VILLAGE},
    )
    started_at = models.DateTimeField(null=True, blank=True)  # the latest import that took it

    class Meta:
        verbose_name = _("import lock")
        verbose_name_plural = _("import locks")

    def __str__(self) -> str:
        return f"{self.village_id} {self.started_at}"


class ImportRun(models.Model):
    """One uploaded workbook: who, when, the outcome and every finding.

    `content` keeps a refused file only so that the annotated copy can be downloaded; it is
    emptied once a newer import of the same user arrives (see `forget_old_files`).
    """

    IMPORTED, REFUSED = "imported", "refused"
    # A workbook larger than settings.TIKAR_IMPORT_JOB_ROWS is imported by the worker
    # (tikar.workbooks.tasks): queued, then running, then imported or refused (failed: the
    # job itself broke, e.g. the database went away; the worker's log says why).
    QUEUED, RUNNING, FAILED = "queued", "running", "failed"

    id = models.UUIDField(primary_key=True, default=uuid4, editable=False)
    village = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Level.VILLAGE},
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    filename = models.CharField(max_length=255)
    status = models.CharField(max_length=10)
    counts = models.JSONField(default=dict)  # {sheet: {created, updated, unchanged}}
    findings = models.JSONField(default=list)  # [{sheet, row, column, col, severity, message}]
    seconds = models.FloatField(default=0)
    content = models.BinaryField(null=True, blank=True)

    class Meta:
        verbose_name = _("workbook import")
        verbose_name_plural = _("workbook imports")
        indexes = [models.Index(fields=["village", "created_at"], name="importrun_village")]

    def __str__(self) -> str:
        return f"{self.filename} {self.status}"

    @property
    def errors(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] == "error"]

    @property
    def warnings(self) -> list[dict]:
        return [f for f in self.findings if f["severity"] != "error"]

    def forget_old_files(self) -> None:
        """Drop the stored files of this user's earlier imports: the latest report suffices."""
        (
            ImportRun.objects.filter(user=self.user, content__isnull=False)
            .exclude(pk=self.pk)
            # A queued import's content is the upload the worker has yet to read.
            .exclude(status__in=[self.QUEUED, self.RUNNING])
            .update(content=None)
        )

    @property
    def pending(self) -> bool:
        """Waiting for the worker or being imported by it."""
        return self.status in (self.QUEUED, self.RUNNING)
