"""Background jobs of the workbooks: a large monthly-form export and a large workbook import.

Run by the worker (`manage.py worker`, started by `make run`); in tests they run at once
(ImmediateBackend). Both are idempotent: a worker killed in the middle and the job run again
gives the same result as one run (the export is rebuilt and replaces the file; the import runs
in one transaction, so a killed run saved nothing, and a finished run is not run again).
"""

from __future__ import annotations

import io
import logging
import time
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django_tasks import task

from tikar.jobs.files import preparing
from tikar.regions.models import Region
from tikar.workbooks.exporter import build_export
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.models import ImportRun

log = logging.getLogger("tikar.workbooks")


@task()
def export_form_month(export_id: str) -> None:
    """Build Formulir 2a/2b/2c of one desa and month into the prepared file `export_id`.

    params: {"village": code, "form": "2a"|"2b"|"2c", "month": "YYYY-MM-01"}. The view has
    checked the owner's scope when it queued the job.
    """
    with preparing(export_id) as prep:
        if prep is None:
            return
        params = prep.export.params
        village = Region.objects.get(code=params["village"])
        progress = prep.progress(prep.export.rows_total, start=10, end=95)
        progress(0, force=True)

        def report(done: int, total: int) -> None:
            progress.total = total
            progress(done)

        prep.content = build_export(
            village, params["form"], date.fromisoformat(params["month"]), progress=report
        )


class _Upload(io.BytesIO):
    """The stored upload as the importer reads it (a file object with a name)."""

    def __init__(self, content: bytes, name: str) -> None:
        super().__init__(content)
        self.name = name


@task()
def import_queued_workbook(run_id: str, language: str = "id") -> None:
    """Import the workbook stored in ImportRun `run_id` (status "queued") for its user.

    All or nothing as in the request (tikar.workbooks.importer); the run gets the same status,
    counts and findings as a direct import, so its page shows the same report. A run already
    imported or refused is left alone (the job ran twice); a killed run saved nothing, because
    the import is one transaction, and runs again from the start.
    """
    run = ImportRun.objects.select_related("user").filter(pk=run_id).first()
    if run is None or run.status not in (ImportRun.QUEUED, ImportRun.RUNNING):
        return
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.RUNNING)
    user = get_user_model().objects.get(pk=run.user_id)
    started = time.perf_counter()
    try:
        # The findings are stored as text in the language the user uploaded in.
        with translation.override(language):
            outcome = import_workbook(_Upload(bytes(run.content or b""), run.filename), user)
    except Exception:
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.FAILED)
        raise
    seconds = time.perf_counter() - started
    refused = not outcome.saved
    with transaction.atomic():
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.REFUSED if refused else ImportRun.IMPORTED,
            counts=outcome.counts,
            findings=[f.as_dict() for f in outcome.findings],
            seconds=round(seconds, 3),
            # Kept only for the annotated copy of a refused file, as a direct import does.
            content=run.content if refused and outcome.rows else None,
        )
    log.info(
        "queued import %s by %s into %s: %s, %d rows, %d errors, %.2f s",
        run.pk,
        user,
        run.village_id,
        "refused" if refused else "imported",
        outcome.rows,
        len(outcome.errors),
        seconds,
    )
