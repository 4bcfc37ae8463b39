"""Prepared files: the user's list, one file's page (progress, polled with htmx), its download.

Owner only, and only files whose region is still in the owner's scope.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped_regions
from tikar.jobs.models import ExportFile

# Files are deleted after TIKAR_EXPORT_KEEP_DAYS; a page of this many covers any real user.
FILE_LIST_SIZE = 100


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


def own_files(user) -> QuerySet[ExportFile]:
    """`user`'s prepared files that `_own_file` would let them open, newest first.

    Same rule as one file's page: the owner, and the file's region still in their scope (a
    whole-country file only for a national administrator with a valid binding).
    """
    files = ExportFile.objects.filter(owner=user)
    whole_country = user.role == Role.NATIONAL_ADMIN and user.has_valid_binding
    in_scope = Q(region__in=scoped_regions(user))
    if whole_country:
        in_scope |= Q(region__isnull=True)
    return files.filter(in_scope).select_related("region").order_by("-created_at")


@login_required
def file_list(request: HttpRequest) -> HttpResponse:
    """ "Berkas saya": the user's own prepared files (newest first) with status and download.

    Polled with htmx while one is still being prepared, like one file's page.
    """
    files = list(own_files(request.user)[:FILE_LIST_SIZE])
    template = "jobs/_file_list.html" if request.headers.get("HX-Request") else "jobs/files.html"
    return render(
        request,
        template,
        {
            "files": files,
            "pending": any(not f.done for f in files),
            "keep_days": settings.TIKAR_EXPORT_KEEP_DAYS,
        },
    )


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
