"""Screens of the Excel import and the XLSX export of the monthly forms."""

from __future__ import annotations

import logging
import time
from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tikar.accounts.scope import get_scoped_or_404, scoped_regions
from tikar.households.views import DESA_CODE
from tikar.monitoring import rules
from tikar.regions.models import Level, Region
from tikar.workbooks.exporter import build_export
from tikar.workbooks.forms import ImportForm
from tikar.workbooks.importer import import_workbook
from tikar.workbooks.models import ImportRun
from tikar.workbooks.report import annotated_workbook, findings_csv
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


@login_required
def export_month(request: HttpRequest, form: str, year: int, month: int) -> HttpResponse:
    if form not in FORMS or not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise Http404
    village = _export_village(request)
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
