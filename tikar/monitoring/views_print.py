"""Printable Formulir 2a / 2b / 2c on A4 landscape: filled for a month, or blank for paper.

`/formulir/<2a|2b|2c>/cetak/?bulan=YYYY-MM&kosong=1|2&desa=<code>`; what each row says is
assembled in `tikar.monitoring.print_forms`, the template only lays it out.
"""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from tikar import clock
from tikar.households.views import village_for
from tikar.monitoring import print_forms as pf

log = logging.getLogger(__name__)

KINDS = {
    pf.FILLED: gettext_lazy("Filled for the month"),
    pf.BLANK: gettext_lazy("Blank with the month's targets"),
    pf.FULLY_BLANK: gettext_lazy("Fully blank (no names)"),
}


@login_required
@require_safe
def print_form(request: HttpRequest, form: str) -> HttpResponse:
    """Formulir `form` of the user's desa (an officer's `?desa=`); 404 for another form/desa.

    A bad `?bulan=` or `?kosong=` is answered 400 with the page, its message and the choice
    of month and kind again, never a 500 and never a silent fallback to another month.
    """
    if form not in pf.FORMS:
        raise Http404
    village = village_for(request)  # 404 outside the user's desa / area
    today = clock.today()
    kind = request.GET.get("kosong", pf.FILLED)
    error = ""
    printed = None
    month = today.replace(day=1)
    if kind not in KINDS:
        error = _("Choose what to print: filled, blank with names, or fully blank.")
    else:
        try:
            month = pf.parse_month(request.GET.get("bulan"), today, kind)
        except pf.MonthRefused as refused:
            error = str(refused.args[0])
    if not error:
        printed = pf.build(village, form, month, kind)
        log.info("print formulir %s %s kosong=%s of %s by %s", form, month, kind or "-",
                 village.code, request.user)  # fmt: skip
    desa = "" if request.user.is_village_user else village.code
    context = {
        "form": form,
        "village": village,
        "is_kelurahan": village.village_kind == "kelurahan",
        "printed": printed,
        "error": error,
        "month_value": f"{month:%Y-%m}",
        "kind": kind if kind in KINDS else pf.FILLED,
        "kinds": KINDS.items(),
        "desa": desa,
        "forms": [(f, reverse("print_form", args=[f])) for f in pf.FORMS],
        "spare_from": printed.filled_count if printed else 0,
    }
    return render(request, "monitoring/print_form.html", context, status=400 if error else 200)
