"""Refuse a request that carries a NUL character, before any view or query sees it.

PostgreSQL text cannot hold NUL (0x00): psycopg raises on a query parameter holding one, so a
`?q=%00`, a `/wilayah/%00/` or a form field with a NUL answered 500 on PostgreSQL (SQLite
stored it). No field of Tikar has a use for it, so the whole request is refused with a 400
saying what to fix, on every database alike. JSON bodies are checked by the API's parser
(`tikar.api.parsers`), which sees the decoded strings ("\\u0000"); uploaded files are not
looked at here (an xlsx is a zip and holds NUL bytes legitimately).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


def nul_message() -> str:
    return _(
        "The request contains a NUL character (\\0), which cannot be stored. Remove it from "
        "the address or the field and send it again."
    )


def _has_nul(request: HttpRequest) -> bool:
    if NUL in request.path_info:
        return True
    for key, values in request.GET.lists():
        if NUL in key or any(NUL in v for v in values):
            return True
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        for key, values in request.POST.lists():
            if NUL in key or any(NUL in v for v in values):
                return True
        if any(NUL in (f.name or "") for f in request.FILES.values()):
            return True
    return False


class RefuseNulMiddleware:
    """400 for a NUL in the path, the query string or a form field (see the module docstring).

    Placed after LanguageMiddleware so that the message is in the user's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request):
            if request.path_info.startswith("/api/"):
                return JsonResponse({"detail": nul_message()}, status=400)
            return HttpResponseBadRequest(nul_message(), content_type="text/plain; charset=utf-8")
        return self.get_response(request)
