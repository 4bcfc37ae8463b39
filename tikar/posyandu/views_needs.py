"""`/kebutuhan/`: what each target of the desa still needs this quarter (issue 10 §3).

The desa is the user's own, or for an officer `?desa=<code>` inside their area
(`households.views.village_for`: anything else is a 404). `?posyandu=<id>` narrows the list to
one posyandu of that desa; another desa's posyandu, or a malformed id, is a 404. Read-only for
everyone: the page only lists what to do and links to each target's page.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from tikar import clock
from tikar.calendar import month_name
from tikar.households import views as hv
from tikar.posyandu.needs_queries import needs_for_village
from tikar.regions.models import Posyandu
from tikar.scorecard.models import ROMAN
from tikar.scorecard.needs import gain


def posyandu_param(request: HttpRequest, village_code: str) -> Posyandu | None:
    """The `?posyandu=` of the desa, None when absent; 404 when it is not one of the desa's."""
    raw = request.GET.get("posyandu", "")
    if not raw:
        return None
    if not raw.isdigit() or len(raw) > 12:
        raise Http404
    posyandu = Posyandu.objects.filter(pk=int(raw), village_id=village_code).first()
    if posyandu is None:
        raise Http404
    return posyandu


@login_required
@require_safe  # read-only: a POST is 405, never a silent 200
def needs(request: HttpRequest) -> HttpResponse:
    village = hv.village_for(request)
    posyandu = posyandu_param(request, village.code)
    today = clock.today()
    data = needs_for_village(village.code, today, posyandu.pk if posyandu else None)
    desa = "" if request.user.is_village_user else f"desa={village.code}"
    ctx = {
        "village": village,
        "data": data,
        "groups": data.by_posyandu(),
        "posyandu": posyandu,
        "posyandu_list": Posyandu.objects.filter(village=village).order_by("name", "id"),
        "quarter_label": f"{ROMAN[data.quarter]} {data.year}",
        # Every cell weighs the same in the pooled figure, so every need gives the same rise.
        "point_each": gain(data.received, data.expected, 1),
        "month_label": month_name(today.replace(day=1)),
        "desa_query": f"?{desa}" if desa else "",
        "desa_amp": f"&{desa}" if desa else "",
    }
    return render(request, "posyandu/needs_list.html", ctx)
