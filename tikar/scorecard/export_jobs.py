"""The area roll-up as XLSX/CSV prepared by the worker when it has many rows (issue 12, item 3).

`rollup_view` answers small exports at once; one with more than settings.TIKAR_EXPORT_JOB_ROWS
rows (all desa of a province, say) calls `queue_rollup_export`, which queues `export_rollup`
and sends the officer to the file's page (tikar.jobs). The job computes the same roll-up with
the same scope (the officer's), sorted the same way, in the officer's language. Idempotent: a
second run rebuilds the same file.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django_tasks import task

from tikar.jobs.files import preparing, queue_file
from tikar.regions.models import Region


def queue_rollup_export(
    request: HttpRequest,
    area: Region | None,
    year: int,
    quarter: int,
    level: int,
    fmt: str,
    filename: str,
    rows: int,
) -> HttpResponse:
    """Queue the roll-up file ("csv" | "xlsx") and redirect to its progress page."""
    from tikar.scorecard.views import XLSX
    from tikar.scorecard.views_area import CSV

    export = queue_file(
        export_rollup,
        owner=request.user,
        region=area,
        kind="rollup",
        params={
            "area": area.code if area else None,
            "year": year,
            "quarter": quarter,
            "level": level,
            "sort": request.GET.get("sort", "code"),
            "format": fmt,
            "language": translation.get_language() or "id",
        },
        filename=filename,
        content_type=CSV if fmt == "csv" else XLSX,
        rows_total=rows,
    )
    return redirect("prepared_file", pk=export.pk)


@task()
def export_rollup(export_id: str) -> None:
    """Build the roll-up file of prepared file `export_id` (params from queue_rollup_export)."""
    from tikar.scorecard import rollup
    from tikar.scorecard.views_area import rollup_csv, rollup_xlsx

    with preparing(export_id) as prep:
        if prep is None:
            return
        p = prep.export.params
        progress = prep.progress(prep.export.rows_total)
        progress(0, force=True)
        area = Region.objects.get(code=p["area"]) if p["area"] else None
        with translation.override(p.get("language", "id")):
            data = rollup.rollup(prep.export.owner, area, p["year"], p["quarter"], p["level"])
            rows, _sort = rollup.sort_rows(data.rows, p["sort"])
            progress(len(rows) // 2, force=True)  # computed; the file is written next
            if p["format"] == "csv":
                prep.content = rollup_csv(data, rows).encode("utf-8")
            else:
                prep.content = rollup_xlsx(data, rows)
