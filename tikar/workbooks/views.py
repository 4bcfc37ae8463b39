"""Screens of the Excel import and the XLSX export of the monthly forms."""

from __future__ import annotations

import logging
import time
from datetime import date

import openpyxl
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tikar.accounts.scope import get_scoped_or_404, scoped_regions
from tikar.households.views import DESA_CODE
from tikar.jobs.files import queue_file
from tikar.monitoring import rules
from tikar.monitoring.queries import active_children, active_pregnancies
from tikar.regions.models import Level, Region
from tikar.workbooks.columns import SHEETS
from tikar.workbooks.exporter import build_export
from tikar.workbooks.forms import ImportForm
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.models import ImportRun
from tikar.workbooks.report import annotated_workbook, findings_csv
from tikar.workbooks.tasks import export_form_month, import_queued_workbook
from tikar.workbooks.template import XLSX_TYPE, template_bytes

log = logging.getLogger("tikar.workbooks")
FORMS = (rules.FORM_2A, rules.FORM_2B, rules.FORM_2C)


def _require_importer(user) -> None:
    # Officers read; only the desa's own KPM and Admin Desa change its people's data.
    if not user.is_village_user or not user.has_valid_binding:
        raise PermissionDenied(_("Only the KPM and the Admin Desa of a desa can import."))


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    _require_importer(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if workbook_rows(upload) > settings.TIKAR_IMPORT_JOB_ROWS:
            return _queue_import(request, upload)
        started = time.perf_counter()
        outcome = import_workbook(upload, request.user)
        seconds = time.perf_counter() - started
        refused = not outcome.saved
        run = ImportRun.objects.create(
            village_id=request.user.region_id,
            user=request.user,
            filename=upload.name[:255],
            status=ImportRun.REFUSED if refused else ImportRun.IMPORTED,
            counts=outcome.counts,
            findings=[f.as_dict() for f in outcome.findings],
            seconds=round(seconds, 3),
        )
        if refused and outcome.rows:
            upload.seek(0)
            run.content = upload.read()
            run.save(update_fields=["content"])
        run.forget_old_files()
        log.info(
            "import %s by %s into %s: %s, %d rows, %d errors, %.2f s",
            run.pk,
            request.user,
            run.village_id,
            run.status,
            outcome.rows,
            len(outcome.errors),
            seconds,
        )
        return redirect("import_run", pk=run.pk)
    recent = ImportRun.objects.filter(village_id=request.user.region_id).order_by("-created_at")
    return render(
        request,
        "workbooks/import.html",
        {"form": form, "recent": recent.select_related("user")[:5]},
    )


def workbook_rows(upload, limit: int | None = None) -> int:
    """Rows in the workbook's data sheets, counted up to just past `limit` (0 if unreadable).

    Decides whether the import runs in the request or as a job (`limit` defaults to
    settings.TIKAR_IMPORT_JOB_ROWS); the importer reads the file again either way, so an
    unreadable file goes the direct way and gets its usual report. Only the sheets the importer
    reads count (not "Petunjuk" nor unknown sheets). A sheet's declared size (the <dimension>
    tag, `ws.max_row`) is trusted only when it already says "large": the tag may be missing or
    lie, so otherwise the rows are streamed and counted, stopping once past `limit`, which
    bounds the work done inside the request to `limit` rows.
    """
    limit = settings.TIKAR_IMPORT_JOB_ROWS if limit is None else limit
    data_sheets = {s.name.casefold() for s in SHEETS}
    try:
        wb = openpyxl.load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any parser failure: the importer reports it
        upload.seek(0)
        return 0
    total = 0
    try:
        for ws in wb.worksheets:
            if ws.title.strip().casefold() not in data_sheets:
                continue
            declared = ws.max_row
            if declared is not None and total + declared > limit:
                return total + declared
            ws.reset_dimensions()  # else iter_rows stops at a tag that under-declares
            for _row in ws.iter_rows(values_only=True):
                total += 1
                if total > limit:
                    return total
        return total
    except Exception:  # noqa: BLE001 - a file we cannot count: the importer reports it
        return total
    finally:
        wb.close()
        upload.seek(0)


def _queue_import(request: HttpRequest, upload) -> HttpResponse:
    """Store a large upload and let the worker import it; its page shows the progress."""
    upload.seek(0)
    run = ImportRun.objects.create(
        village_id=request.user.region_id,
        user=request.user,
        filename=upload.name[:255],
        status=ImportRun.QUEUED,
        content=upload.read(),
    )
    run.forget_old_files()
    import_queued_workbook.enqueue(str(run.pk), language=translation.get_language() or "id")
    log.info("import %s by %s into %s: queued", run.pk, request.user, run.village_id)
    return redirect("import_run", pk=run.pk)


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    # The template holds no personal data; anyone logged in may read what the format is.
    return _xlsx(template_bytes(), "templat-impor-tikar.xlsx")


@login_required
def import_docs(request: HttpRequest) -> HttpResponse:
    text = (settings.BASE_DIR / "docs" / "import.md").read_text(encoding="utf-8")
    return render(request, "workbooks/import_docs.html", {"text": text})


def _run(request: HttpRequest, pk) -> ImportRun:
    return get_scoped_or_404(ImportRun.objects.select_related("user"), request.user, pk=pk)


@login_required
def import_run(request: HttpRequest, pk) -> HttpResponse:
    run = _run(request, pk)
    if request.headers.get("HX-Request"):
        # The waiting page polls: while the worker is busy, the same box; once done, htmx
        # reloads the whole page, which is then the usual report.
        if run.pending:
            return render(request, "workbooks/_import_pending.html", {"run": run})
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    counts = [(sheet, c) for sheet, c in run.counts.items()]
    return render(request, "workbooks/import_run.html", {"run": run, "counts": counts})


@login_required
def import_report_csv(request: HttpRequest, pk) -> HttpResponse:
    run = _run(request, pk)
    response = HttpResponse(findings_csv(run.findings), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="laporan-impor-{run.pk}.csv"'
    return response


@login_required
def import_report_xlsx(request: HttpRequest, pk) -> HttpResponse:
    run = _run(request, pk)
    if not run.content:
        raise Http404
    return _xlsx(annotated_workbook(bytes(run.content), run.findings), f"laporan-{run.filename}")


def _export_village(request: HttpRequest) -> Region:
    """The desa to export: a village user's own; an officer's `?desa=` inside their area."""
    user = request.user
    code = request.GET.get("desa", "").strip()
    if user.is_village_user:
        if code and code != user.region_id:
            raise Http404
        code = user.region_id or ""
    if not DESA_CODE.fullmatch(code):
        raise Http404
    return get_scoped_or_404(
        scoped_regions(user).filter(level=Level.VILLAGE), user, region_field="code", code=code
    )


def export_rows(village: Region, form: str, month: date) -> int:
    """At most how many rows the export of `form` for `village` and `month` has (one query).

    The desa's targets that may need the form that month: an upper bound, cheap enough to
    decide before building whether the file is prepared by the worker.
    """
    if form == rules.FORM_2A:
        return active_pregnancies(village.code, month).count()
    return active_children(village.code, month).count()


@login_required
def export_month(request: HttpRequest, form: str, year: int, month: int) -> HttpResponse:
    if form not in FORMS or not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    village = _export_village(request)
    rows = export_rows(village, form, date(year, month, 1))
    if rows > settings.TIKAR_EXPORT_JOB_ROWS:
        export = queue_file(
            export_form_month,
            owner=request.user,
            region=village,
            kind="form_month",
            params={"village": village.code, "form": form, "month": f"{year}-{month:02d}-01"},
            filename=f"formulir-{form}-{village.code}-{year}-{month:02d}.xlsx",
            content_type=XLSX_TYPE,
            rows_total=rows,
        )
        return redirect("prepared_file", pk=export.pk)
    content = build_export(village, form, date(year, month, 1))
    log.info("export %s %d-%02d of %s by %s", form, year, month, village.code, request.user)
    return _xlsx(content, f"formulir-{form}-{village.code}-{year}-{month:02d}.xlsx")


@login_required
def export_pick(request: HttpRequest) -> HttpResponse:
    """A small form that leads to `export_month` (the month and form are in its path)."""
    user = request.user
    form, month, desa = (
        request.GET.get("form"),
        request.GET.get("bulan", ""),
        request.GET.get("desa"),
    )
    error = ""
    status = 200
    if desa and user.is_village_user and desa != user.region_id:
        # A link naming another desa: 404 as on every page that takes ?desa=, never a silent
        # export of the user's own desa.
        raise Http404
    if desa and (
        not DESA_CODE.fullmatch(desa)
        or not scoped_regions(user).filter(level=Level.VILLAGE, code=desa).exists()
    ):
        # An officer typed a code: 404 as for a link, but with the form and what to fix.
        error = _("No desa with code %(code)s in your area: check the code.") % {"code": desa}
        status = 404
        form = None
    if form in FORMS and month:
        try:
            year, mon = (int(part) for part in month.split("-"))
            date(year, mon, 1)
        except (ValueError, OverflowError):  # OverflowError: a 20-digit year
            error = _("Choose a month.")
        else:
            url = reverse("export_month", kwargs={"form": form, "year": year, "month": mon})
            return redirect(f"{url}?desa={desa}" if desa and not user.is_village_user else url)
    return render(
        request,
        "workbooks/export.html",
        {
            "forms": FORMS,
            "month": month or timezone.localdate().strftime("%Y-%m"),
            "desa": desa or "",
            "error": error,
        },
        status=status,
    )
