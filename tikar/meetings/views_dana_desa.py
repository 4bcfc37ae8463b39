"""Dana Desa (Formulir 4 table 5) of a year: the figures, the prefill of the stunting lines from
the rembuk of year - 1 (issue 11 item 5) and the year's Dana Desa policy beside them.

The page sits in the meetings app (formerly `tikar.scorecard.views.dana_desa`; URL name
"dana_desa" unchanged) because its prefill, budget and policy are the meetings'; the scorecard
sits below meetings in the layers of pyproject.toml [tool.importlinter]. The figures themselves
stay the scorecard's (`DanaDesa`, `report.dana_desa_data`).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from tikar import clock
from tikar.accounts.scope import scoped
from tikar.households import views as hv
from tikar.meetings import budget, policy
from tikar.meetings.models import Proposal
from tikar.meetings.terms import budget_terms
from tikar.regions.models import Region
from tikar.scorecard import report
from tikar.scorecard.forms import DanaDesaForm
from tikar.scorecard.models import DanaDesa
from tikar.scorecard.refresh import current_quarter
from tikar.scorecard.views import desa_query, is_village_admin_of, save_one_per_key


def dana_desa_year_or_404(year: int) -> int:
    """2000 up to next year: next year's APBDes is drafted (and its table 5 prefilled) in the
    current year (issue 11 item 5); later years are a 404."""
    if year < 2000 or year > clock.today().year + 1:
        raise Http404
    return year


def _meeting_proposals(request: HttpRequest, village: Region, year: int) -> list:
    """The proposals of the village's rembuk of `year` (the one that fed the APBDes of year + 1),
    read through the scope."""
    return list(
        scoped(Proposal.objects, request.user, "meeting__village").filter(
            meeting__village=village, meeting__year=year
        )
    )


@login_required
def dana_desa(request: HttpRequest, year: int) -> HttpResponse:
    """Table 5 of a year, with its prefill from the rembuk of year − 1 and the year's Dana Desa
    policy beside the figures; a kelurahan's page says it has no Dana Desa (meetings.terms)."""
    year = dana_desa_year_or_404(year)
    village = hv.village_for(request)
    terms = budget_terms(village)
    today = clock.today()
    base = {
        "village": village,
        "year": year,
        "years": list(range(today.year + 1, today.year - 5, -1)),
        "terms": terms,
        "desa_query": desa_query(request, village),
        "scorecard_year": min(year, today.year),
        "scorecard_quarter": current_quarter()[1] if year >= today.year else 4,
        "meeting_year": year - 1,
    }
    if terms.is_kelurahan:
        if request.method not in ("GET", "HEAD"):
            raise Http404  # a kelurahan has no Dana Desa to save
        total, lines = budget.allocated_by_source(
            _meeting_proposals(request, village, year - 1), ("dana_kelurahan", "apbd")
        )
        return render(
            request,
            "scorecard/dana_desa.html",
            {**base, "kelurahan_total": total, "kelurahan_lines": lines},
        )
    instance = scoped(DanaDesa.objects, request.user).filter(village=village, year=year).first()
    editable = is_village_admin_of(request.user, village)
    prefill = budget.table5_prefill(_meeting_proposals(request, village, year - 1))
    prefilled = False
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        form = DanaDesaForm(request.POST, instance=instance, year=year)
        if form.is_valid():
            dd = form.save(commit=False)
            dd.village = village
            dd.year = year
            dd.updated_by = request.user
            dd._history_user = request.user
            save_one_per_key(dd, village=village, year=year)
            messages.success(request, _("Dana Desa %(year)s is saved.") % {"year": year})
            return redirect(reverse("dana_desa", kwargs={"year": year}) + base["desa_query"])
    elif editable and request.GET.get("isi") == "usulan" and not prefill.empty:
        # The button fills the two stunting fields from the proposals; nothing is saved until
        # the village checks them and saves (issue 11 item 5: "the village confirms").
        initial = {
            "development_stunting": prefill.development,
            "empowerment_stunting": prefill.empowerment,
        }
        form = DanaDesaForm(instance=instance, initial=initial, year=year)
        prefilled = True
    else:
        form = DanaDesaForm(instance=instance, year=year)
    if not editable:
        for field in form.fields.values():
            field.disabled = True
    year_policy = policy.policy_for(year)
    checks = []
    if year_policy is not None and instance is not None:
        figures = {
            "ceiling": instance.ceiling,
            "blt": instance.blt,
            "food_security": instance.food_security,
            "operations": instance.operations,
        }
        checks = policy.check(year_policy, figures)
    ctx = {
        **base,
        "form": form,
        "editable": editable,
        "data": report.dana_desa_data(village.code, year),
        "prefill": prefill,
        "prefilled": prefilled,
        "policy": year_policy,
        "checks": checks,
    }
    return render(request, "scorecard/dana_desa.html", ctx)
