from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Count
from django.db.models.functions import Substr
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from tikar import clock
from tikar.accounts.models import Role
from tikar.accounts.scope import scoped, scoped_regions, scoped_users
from tikar.regions.models import Level, Posyandu, Region

log = logging.getLogger("tikar.health")


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 otherwise (for load balancers and uptime checks)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy"
        log.warning("healthz: database unreachable: %s", exc)
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("OK\n", content_type="text/plain")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Each user's home is their own region's page: a desa for village users, an area for officers."""
    return region_page(request, request.user.region_id)


@login_required
def region_page(request: HttpRequest, code: str | None) -> HttpResponse:
    user = request.user
    if code is None:
        if user.role != Role.NATIONAL_ADMIN or not user.has_valid_binding:
            raise Http404
        return area_page(request, None)
    region = get_object_or_404(scoped_regions(user), code=code)
    if region.level == Level.VILLAGE:
        return village_page(request, region)
    return area_page(request, region)


def village_page(request: HttpRequest, village: Region) -> HttpResponse:
    user = request.user
    posyandu = scoped(Posyandu.objects.filter(active=True, village=village), user)
    kpms = scoped_users(user).filter(role=Role.KPM, is_active=True, region=village)
    ctx = {
        "village": village,
        "ancestors": village.ancestors(),
        "posyandu": posyandu,
        "kpms": kpms,
        "today": timezone.localdate(),
        "is_own": user.region_id == village.code,
    }
    if ctx["is_own"]:
        from tikar.monitoring.views import month_counts

        ctx["month_counts"] = month_counts(village.code, ctx["today"].replace(day=1))
        # Issue 10 (B): who needs attention, the first lines and the count (a fixed few queries).
        from tikar import clock
        from tikar.posyandu.attention_queries import attention_for_village

        attention = attention_for_village(village.code, clock.today())
        ctx["attention"] = attention[:5]
        ctx["attention_count"] = len(attention)
    return render(request, "front/home_village.html", ctx)


def area_page(request: HttpRequest, area: Region | None) -> HttpResponse:
    """An area: the sub-regions one level down with their desa, posyandu and active KPMs."""
    user = request.user
    regions = scoped_regions(user)
    if area is None:  # national administrator
        children = regions.filter(level=Level.PROVINCE)
        child_level = Level.PROVINCE
        inside = regions
    else:
        children = regions.filter(parent=area)
        child_level = area.level + 1
        inside = regions.filter(code__startswith=area.code + ".")
    children = list(children.order_by("code"))
    prefix = {} if area is None else {"village__code__startswith": area.code + "."}
    posyandu = scoped(Posyandu.objects.filter(active=True, **prefix), user)
    active_kpms = scoped_users(user).filter(role=Role.KPM, is_active=True)
    if area is not None:
        active_kpms = active_kpms.filter(region__code__startswith=area.code + ".")
    villages_in = _count_by_prefix(inside.filter(level=Level.VILLAGE), "code", child_level)
    posyandu_in = _count_by_prefix(posyandu, "village_id", child_level)
    kpm_in = _count_by_prefix(active_kpms, "region_id", child_level)
    rows = [
        {
            "region": c,
            "villages": villages_in.get(c.code, 0),
            "posyandu": posyandu_in.get(c.code, 0),
            "kpm": kpm_in.get(c.code, 0),
        }
        for c in children
    ]
    totals = {
        "villages": sum(r["villages"] for r in rows) if child_level < Level.VILLAGE else len(rows),
        "posyandu": sum(r["posyandu"] for r in rows),
        "villages_with_kpm": active_kpms.values("region_id").distinct().count(),
    }
    ctx = {
        "area": area,
        "ancestors": area.ancestors() if area else [],
        "rows": rows,
        "totals": totals,
        "child_level": child_level,
        "child_level_label": Level(child_level).label,
    }
    return render(request, "front/home_area.html", ctx)


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    """One page that lists every form and report the user's role can open, by quarter."""
    today = clock.today()
    quarter = (today.month - 1) // 3 + 1
    quarters = []
    year, q = today.year, quarter
    for i in range(4):  # this quarter and the three before it
        # The first is still running: its figures are provisional (issue 8 §4).
        quarters.append({"year": year, "quarter": q, "provisional": i == 0})
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return render(
        request,
        "front/reports.html",
        {"today": today, "quarters": quarters, "month": today.replace(day=1)},
    )


# Length of a code at each level: "12", "12.10", "12.10.07", "12.10.07.2001".
CODE_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}


def _count_by_prefix(qs, code_field: str, level: int) -> dict[str, int]:
    """Count rows of `qs` by the ancestor (at `level`) of the region code in `code_field`.

    One grouped query in the database, whatever the size of the area.
    """
    rows = (
        qs.annotate(key=Substr(code_field, 1, CODE_LENGTH[level]))
        .values("key")
        .annotate(n=Count("*"))
        .order_by()
    )
    return {r["key"]: r["n"] for r in rows}
