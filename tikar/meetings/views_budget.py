"""From the rembuk's proposals to the village budget, and the Dana Desa policy by year.

`proposal_budget` shows a meeting's proposals along the path proposed → accepted into the RKPDes
→ allocated in the APBDes → realised (or not accepted), with totals by stage, package and source
(totals.path_totals). `proposal_stage` (POST, village users of the desa) moves one proposal.
Source: rembuk.md "From the rembuk to the budget"; issue 11 item 5. A kelurahan reads its own
words (terms.budget_terms). docs/rembuk.md gives the rules and the choices.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from tikar import clock
from tikar.accounts.scope import scoped
from tikar.households import views as hv
from tikar.meetings import policy, totals
from tikar.meetings.models import (
    FundingSource,
    Proposal,
    ProposalStage,
    ServicePackage,
    VillageMeeting,
)
from tikar.meetings.terms import DESA, budget_terms
from tikar.scorecard.forms import RupiahField

# Which amounts each stage keeps; going back a stage clears the later ones (the history keeps
# what they were).
STAGE_AMOUNTS = {
    ProposalStage.PROPOSED: (),
    ProposalStage.REJECTED: (),
    ProposalStage.PLANNED: ("planned_amount",),
    ProposalStage.ALLOCATED: ("planned_amount", "allocated_amount"),
    ProposalStage.REALISED: ("planned_amount", "allocated_amount", "realised_amount"),
}


class StageForm(forms.Form):
    """A proposal's stage and amounts: whole rupiah through the one rupiah parser
    (scorecard.forms.RupiahField: 0 to Rp 10 miliar, "1.500.000" is read as 1500000).
    A realised amount above the allocated one is refused (docs/rembuk.md, 11d): the village
    first corrects the allocated amount (a changed APBDes), so table 5 and the totals agree."""

    stage = forms.ChoiceField(label=gettext_lazy("Stage"), choices=ProposalStage.choices)
    planned_amount = RupiahField(required=False)
    allocated_amount = RupiahField(required=False)
    realised_amount = RupiahField(label=gettext_lazy("Amount realised (Rp)"), required=False)
    stage_note = forms.CharField(
        label=gettext_lazy("Note (why not accepted, changes)"), max_length=300, required=False
    )

    def __init__(self, *args, terms=DESA, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # A kelurahan reads its own plan and budget words (terms.budget_terms).
        self.fields["stage"].choices = stage_choices(terms)
        self.fields["planned_amount"].label = _("Amount in the %(plan)s (Rp)") % {
            "plan": terms.plan
        }
        self.fields["allocated_amount"].label = _("Amount allocated in the %(budget)s (Rp)") % {
            "budget": terms.budget
        }

    def clean(self) -> dict:
        data = super().clean()
        stage = data.get("stage")
        if stage in (ProposalStage.ALLOCATED, ProposalStage.REALISED) and (
            data.get("allocated_amount") is None
        ):
            self.add_error(
                "allocated_amount", _("Enter the amount allocated in the budget (whole rupiah).")
            )
        if stage == ProposalStage.REALISED and data.get("realised_amount") is None:
            self.add_error("realised_amount", _("Enter the amount realised (whole rupiah)."))
        realised, allocated = data.get("realised_amount"), data.get("allocated_amount")
        if (
            stage == ProposalStage.REALISED
            and realised is not None
            and allocated is not None
            and realised > allocated
        ):
            self.add_error(
                "realised_amount",
                _(
                    "The amount realised is larger than the amount allocated. If the budget "
                    "was changed, correct the amount allocated first."
                ),
            )
        if stage == ProposalStage.REJECTED and not data.get("stage_note", "").strip():
            self.add_error("stage_note", _("Write why the proposal was not accepted."))
        return data


def stage_choices(terms) -> list[tuple[str, str]]:
    """The stages in the village's words (a kelurahan has no RKPDes / APBDes)."""
    words = {
        ProposalStage.PLANNED: _("Accepted into the %(plan)s") % {"plan": terms.plan},
        ProposalStage.ALLOCATED: _("Allocated in the %(budget)s") % {"budget": terms.budget},
    }
    return [(value, words.get(value, label)) for value, label in ProposalStage.choices]


def _year_or_404(year: int) -> int:
    if year < 2000 or year > clock.today().year:
        raise Http404
    return year


def _sources(terms) -> list[tuple[str, str]]:
    return [(s, FundingSource(s).label) for s in terms.funding_sources]


@login_required
@require_safe
def proposal_budget(request: HttpRequest, year: int) -> HttpResponse:
    year = _year_or_404(year)
    village = hv.village_for(request)
    terms = budget_terms(village)
    meeting = (
        scoped(VillageMeeting.objects, request.user).filter(village=village, year=year).first()
    )
    proposals = list(meeting.proposals.all()) if meeting else []
    path = totals.path_totals(proposals, sources=terms.funding_sources)
    # Accepted (or further) without an RKPDes amount: the total must not read as "Rp 0".
    planned_missing = sum(
        1 for p in proposals if p.stage in totals.PLANNED_STAGES and p.planned_amount is None
    )
    editable = request.user.is_village_user and request.user.region_id == village.code
    rows = [
        {
            "p": p,
            "form": StageForm(
                initial={
                    "stage": p.stage,
                    "planned_amount": p.planned_amount,
                    "allocated_amount": p.allocated_amount,
                    "realised_amount": p.realised_amount,
                    "stage_note": p.stage_note,
                },
                prefix=f"p{p.pk}",
                terms=terms,
            ),
        }
        for p in proposals
    ]
    ctx = {
        "village": village,
        "year": year,
        "plan_year": year + 1,
        "meeting": meeting,
        "rows": rows,
        "path": path,
        "planned_missing": planned_missing,
        "packages": [
            (ServicePackage(t.key).label, t)
            for t in path.by_package
            if t.key in ServicePackage.values
        ],
        "sources": [
            (FundingSource(t.key).label if t.key in FundingSource.values else t.key, t)
            for t in path.by_source
        ],
        "terms": terms,
        "editable": editable,
        "desa_query": "" if request.user.is_village_user else f"?desa={village.code}",
    }
    return render(request, "meetings/budget.html", ctx)


@login_required
@require_POST
def proposal_stage(request: HttpRequest, year: int, pk: int) -> HttpResponse:
    """Set one proposal's stage and amounts. Officers, and anyone else's desa: 404 (the write
    scope has nothing for them). Errors go back as a message naming the proposal."""
    year = _year_or_404(year)
    village = hv.village_for(request)
    qs = scoped(Proposal.objects, request.user, "meeting__village", write=True)
    with transaction.atomic():
        proposal = (
            qs.select_for_update()
            .filter(pk=pk, meeting__year=year, meeting__village=village)
            .first()
        )
        if proposal is None:
            raise Http404
        form = StageForm(request.POST, prefix=f"p{pk}", terms=budget_terms(village))
        url = reverse("proposal_budget", kwargs={"year": year}) + f"#usulan-{pk}"
        if not form.is_valid():
            errors = " ".join(str(e) for errs in form.errors.values() for e in errs)
            messages.error(
                request, _("%(activity)s: not saved. %(errors)s")
                % {"activity": proposal.activity, "errors": errors},
            )  # fmt: skip
            return redirect(url)
        data = form.cleaned_data
        stage = data["stage"]
        keep = STAGE_AMOUNTS[ProposalStage(stage)]
        proposal.stage = stage
        for name in ("planned_amount", "allocated_amount", "realised_amount"):
            setattr(proposal, name, data[name] if name in keep else None)
        proposal.stage_note = data["stage_note"].strip()
        proposal.updated_by = request.user
        proposal._history_user = request.user
        proposal.save()
    messages.success(
        request,
        _("%(activity)s: %(stage)s.")
        % {"activity": proposal.activity, "stage": proposal.get_stage_display()},
    )
    return redirect(url)


@login_required
@require_safe
def dana_desa_policy(request: HttpRequest) -> HttpResponse:
    """Every year's Dana Desa policy (meetings/data/dana_desa_policy.json)."""
    return render(
        request,
        "meetings/policy_list.html",
        {"policies": list(reversed(policy.all_policies()))},
    )
