"""A prepared file's page (progress, polled with htmx) and its download. Owner only."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped_regions
from tikar.jobs.models import ExportFile


def _own_file(request: HttpRequest, pk) -> ExportFile:
    """The user's own file, its region still in their scope; anything else is a 404.

    A file is personal data of the desa it describes: a colleague of the same desa asks for
    their own copy, and a user moved to another region no longer reaches the old one.
    """
    export = ExportFile.objects.filter(pk=pk, owner=request.user).select_related("region").first()
    if export is None:
        raise Http404
    if export.region_id is not None and not (
        scoped_regions(request.user).filter(code=export.region_id).exists()
    ):
        raise Http404
    user = request.user
    if export.region_id is None and not (
        user.role == Role.NATIONAL_ADMIN and user.has_valid_binding
    ):
        raise Http404
    return export


@login_required
def file_page(request: HttpRequest, pk) -> HttpResponse:
    """ "Berkas sedang disiapkan… 40%": the whole page, or (htmx) only the status box."""
    export = _own_file(request, pk)
    template = "jobs/_file_status.html" if request.headers.get("HX-Request") else "jobs/file.html"
    return render(
        request, template, {"export": export, "keep_days": settings.TIKAR_EXPORT_KEEP_DAYS}
    )


@login_required
def file_download(request: HttpRequest, pk) -> FileResponse:
    export = _own_file(request, pk)
    path = export.full_path
    if export.status != ExportFile.READY or path is None or not path.exists():
        raise Http404
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=export.filename,
        content_type=export.content_type,
    )
