"""/standar-pertumbuhan/: a kabupaten/kota's KBM table and growth mat cut-offs.

The regency officer of the kabupaten edits; everyone whose area is inside it (kecamatan
officers, KPM, Admin Desa) or contains it (province officers, national administrators, with
`?wilayah=CODE`) reads. Anyone else gets 404, as for any other region's page.

With the monthly records (not in tikar.growth) because a changed table re-judges the stored
weighings (`tikar.monitoring.weighing.refresh_region`). URL name and template unchanged.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tikar.accounts.models import Role
from tikar.accounts.scope import scoped_regions
from tikar.growth.forms import GrowthStandardForm
from tikar.growth.mat import default_cutoffs
from tikar.growth.models import GrowthStandard
from tikar.growth.weighing import DEFAULT_KBM_TABLE, kbm_tables
from tikar.monitoring.weighing import refresh_region
from tikar.regions.models import Level, Region


def _regency_for(request: HttpRequest) -> Region:
    """The kabupaten/kota the page is about, or 404 when the user may not see it."""
    user = request.user
    if not user.has_valid_binding:
        raise Http404
    code = (request.GET.get("wilayah") or "").strip()
    if not code:
        if not user.region_id or "." not in user.region_id:
            raise Http404  # a province officer or the national admin names the kabupaten
        code = ".".join(user.region_id.split(".")[:2])
    regency = Region.objects.filter(code=code, level=Level.REGENCY).first()
    if regency is None:
        raise Http404
    own = user.region_id is not None and (
        user.region_id == code or user.region_id.startswith(code + ".")
    )
    if not own and not scoped_regions(user).filter(code=code).exists():
        raise Http404
    return regency


@login_required
def growth_standard(request: HttpRequest) -> HttpResponse:
    regency = _regency_for(request)
    user = request.user
    editable = user.role == Role.REGENCY_OFFICER and user.region_id == regency.code
    instance = GrowthStandard.objects.filter(regency=regency).first()
    if request.method == "POST" and not editable:
        raise Http404
    form = GrowthStandardForm(
        request.POST or None,
        instance=instance or GrowthStandard(regency=regency),
    )
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    if request.method == "POST" and form.is_valid():
        before = instance.kbm_table if instance else DEFAULT_KBM_TABLE
        with transaction.atomic():
            standard = form.save(commit=False)
            standard.regency = regency
            standard.updated_by = user
            standard._history_user = user
            standard.save()
            changed = refresh_region(regency.code) if standard.kbm_table != before else None
        if changed is None:
            messages.success(request, _("The growth standards are saved."))
        else:
            messages.success(
                request,
                _("The growth standards are saved; %(count)s weighings were judged again with "
                  "the new KBM table.") % {"count": changed},
            )  # fmt: skip
        return redirect("growth_standard")
    all_tables = list(kbm_tables().values())
    tables = [{"key": t.key, "label": t.label, "source": t.source} for t in all_tables]
    rows = []
    for m in range(1, 13):
        grams = [t.at(m) for t in all_tables]
        rows.append(
            {"age": "12–59" if m == 12 else m, "grams": grams, "differs": len(set(grams)) > 1}
        )
    verified = instance.mat_verified if instance else default_cutoffs().verified
    ctx = {
        "regency": regency,
        "form": form,
        "editable": editable,
        "tables": tables,
        "rows": rows,
        "default_table": DEFAULT_KBM_TABLE,
        "mat_verified": verified,
        "mat_source": default_cutoffs().source,
        "mat_ages": (default_cutoffs().min_months, default_cutoffs().max_months),
        "standard": instance,
    }
    return render(request, "growth/standard.html", ctx)
